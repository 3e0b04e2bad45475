using CsMetrics.Internal;
using CsMetrics.Tests.Metrics;

namespace CsMetrics.Tests.Internal;

public class SampleSizeTests
{
    [Fact]
    public void Cochran_matches_the_high_precision_reference()
    {
        foreach (var c in ReferenceCases.HighPrecision.GetProperty("cochran").EnumerateArray())
        {
            double z = StandardNormal.TwoSidedCritical(c.Number("level"));
            var population = c.GetProperty("population");
            long? size = population.ValueKind == System.Text.Json.JsonValueKind.Null ? null : population.GetInt64();
            Assert.Equal(c.GetProperty("n").GetInt64(), SampleSize.Cochran(z, c.Number("variance"), c.Number("margin"), size));
        }
    }

    [Fact]
    public void Edge_cases_are_one_rule_for_every_caller()
    {
        Assert.Equal(1, SampleSize.Cochran(1.96, 0, 0.05, null));          // no variance: still one observation
        Assert.Equal(1, SampleSize.Cochran(1.96, 0.25, 0.05, 1));          // never above the population
        Assert.Equal(50, SampleSize.Cochran(2.576, 0.25, 0.001, 50));
        // 3² · 0.24 / 0.15² = 96 exactly; binary gives 96.00000000000001, which is 96, not 97.
        Assert.Equal(96, SampleSize.Cochran(3, 0.24, 0.15, null));
        Assert.Throws<OverflowException>(() => SampleSize.Cochran(1.96, 0.25, 1e-12, null));
    }
}
