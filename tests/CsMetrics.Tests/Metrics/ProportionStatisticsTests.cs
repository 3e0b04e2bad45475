using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class ProportionStatisticsTests
{
    [Fact]
    public void Wilson_reference_cases_with_and_without_continuity_correction()
    {
        foreach (var c in ReferenceCases.Get("wilson95").EnumerateArray())
        {
            long x = c.GetProperty("x").GetInt64(), n = c.GetProperty("n").GetInt64();
            var plain = c.GetProperty("ci").Doubles();
            var corrected = c.GetProperty("cc").Doubles();
            var ci = ProportionStatistics.WilsonInterval(x, n);
            var cc = ProportionStatistics.WilsonInterval(x, n, continuityCorrection: true);
            Assert.Equal(plain[0], ci.Lower, 1e-6);
            Assert.Equal(plain[1], ci.Upper, 1e-6);
            Assert.Equal(corrected[0], cc.Lower, 1e-6);
            Assert.Equal(corrected[1], cc.Upper, 1e-6);
            Assert.Equal(0.95, ci.Level);
        }
    }

    [Fact]
    public void Two_proportion_z_reference_case()
    {
        var c = ReferenceCases.Get("two_prop_z")[0];
        var a = c.GetProperty("a").Longs();
        var b = c.GetProperty("b").Longs();
        var test = ProportionStatistics.TwoProportionZTest(a[0], a[1], b[0], b[1]);
        // The reference states z for a − b; ours is signed like the difference, b − a.
        Relative.Equal(-c.GetProperty("z_pooled").GetDouble(), test.Z, 1e-12);
        Relative.Equal(c.GetProperty("p").GetDouble(), test.PValue, 1e-9);
        Relative.Equal(0.1, test.Difference, 1e-12);
        // Unpooled Wald interval of the difference: 0.1 ± z √(0.7·0.3/100 + 0.8·0.2/100) = 0.1 ± z √0.0037,
        // in 30-digit arithmetic (mpmath): [-0.01921995485894240, 0.2192199548589424].
        Relative.Equal(-0.0192199548589424048, test.DifferenceInterval.Lower, 1e-12);
        Relative.Equal(0.219219954858942416, test.DifferenceInterval.Upper, 1e-13);
        Assert.Equal(IntervalMethod.Wald, test.DifferenceInterval.Method);
    }

    [Fact]
    public void Degenerate_and_bad_arguments()
    {
        Assert.True(double.IsNaN(ProportionStatistics.WilsonInterval(0, 0).Lower));
        var same = ProportionStatistics.TwoProportionZTest(10, 10, 5, 5);
        Assert.Equal((0.0, 1.0), (same.Z, same.PValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionStatistics.WilsonInterval(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionStatistics.TwoProportionZTest(0, 0, 1, 2));
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionStatistics.WilsonInterval(1, 10, level: 1)).ParamName);
        Assert.Contains("use 0.95", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionStatistics.WilsonInterval(1, 10, level: 95)).Message);
        Assert.Equal(IntervalMethod.WilsonContinuityCorrected, ProportionStatistics.WilsonInterval(1, 10, continuityCorrection: true).Method);
        Assert.Equal(IntervalMethod.Wilson, ProportionStatistics.WilsonInterval(0, 0).Method);
    }

    [Property(MaxTest = 300)]
    public void Wilson_contains_the_estimate_stays_in_unit_interval_and_narrows_with_n(NonNegativeInt successes, PositiveInt extra, bool corrected)
    {
        long x = successes.Get % 1000, n = x + extra.Get % 1000;
        if (n == 0) return;
        var ci = ProportionStatistics.WilsonInterval(x, n, continuityCorrection: corrected);
        double p = (double)x / n;
        Assert.True(ci.Lower <= p && p <= ci.Upper, $"{ci} should contain {p}");
        Assert.InRange(ci.Lower, 0, 1);
        Assert.InRange(ci.Upper, 0, 1);
        var larger = ProportionStatistics.WilsonInterval(4 * x, 4 * n, continuityCorrection: corrected);
        Assert.True(larger.Width < ci.Width);
        // The correction only ever widens.
        var plain = ProportionStatistics.WilsonInterval(x, n);
        Assert.True(!corrected || (ci.Lower <= plain.Lower + 1e-15 && ci.Upper >= plain.Upper - 1e-15));
    }

    [Property(MaxTest = 200)]
    public void Z_test_is_antisymmetric(NonNegativeInt x1, PositiveInt n1, NonNegativeInt x2, PositiveInt n2)
    {
        long a = x1.Get % 500, b = x2.Get % 500;
        long na = a + n1.Get % 500, nb = b + n2.Get % 500;
        if (na == 0 || nb == 0) return;
        var forward = ProportionStatistics.TwoProportionZTest(a, na, b, nb);
        var backward = ProportionStatistics.TwoProportionZTest(b, nb, a, na);
        Relative.Equal(forward.Z, -backward.Z, 1e-12);
        Relative.Equal(forward.PValue, backward.PValue, 1e-12);
        Assert.InRange(forward.PValue, 0, 1);
    }
}
