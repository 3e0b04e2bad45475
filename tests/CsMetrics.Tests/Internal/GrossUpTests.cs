using System.Numerics;
using CsMetrics.Internal;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Internal;

public class GrossUpTests
{
    [Theory]
    [InlineData(21, 0.3, 30)]          // 21 / 0.7 = 30; binary: 30.000000000000004
    [InlineData(70, 0.3, 100)]         // binary: 100.00000000000001
    [InlineData(14, 0.3, 20)]          // the published anchor (shared/reference/queueing)
    [InlineData(20, 0.3, 29)]
    [InlineData(100.0000001, 0, 101)]  // no tolerance on top
    [InlineData(1e-10, 0.5, 1)]        // a positive requirement needs one person
    [InlineData(0, 0.9999999999999999, 0)]
    public void Headcount_is_the_exact_ceiling(double net, double shrinkage, long expected)
    {
        Assert.Equal(expected, GrossUp.Headcount(net, shrinkage));
    }

    [Property(MaxTest = 500)]
    public void Headcount_equals_exact_integer_arithmetic(NonNegativeInt agents, byte thousandths, byte extra)
    {
        // Shrinkage k/1000 (a decimal as a planner writes it): ceil(n / (1 - k/1000)) = ceil(1000 n / (1000 - k)).
        long n = agents.Get % 1_000_000;
        int k = (thousandths * 4 + extra % 4) % 1000;
        double shrinkage = k / 1000.0;
        var numerator = new BigInteger(n) * 1000;
        var denominator = new BigInteger(1000 - k);
        var expected = BigInteger.DivRem(numerator, denominator, out var remainder) + (remainder.IsZero ? 0 : 1);
        Assert.Equal((long)expected, GrossUp.Headcount(n, shrinkage));
    }

    [Fact]
    public void Impossible_headcounts_overflow_and_shrinkage_is_checked()
    {
        Assert.Throws<OverflowException>(() => GrossUp.Headcount(5, 0.9999999999999999)); // nothing left after shrinkage
        Assert.Throws<OverflowException>(() => GrossUp.Headcount(1e20, 0.5));
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => GrossUp.CheckShrinkage(1, "s")).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => GrossUp.CheckShrinkage(double.NaN));
        GrossUp.CheckShrinkage(0);
    }
}
