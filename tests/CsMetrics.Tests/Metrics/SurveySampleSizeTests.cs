using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class SurveySampleSizeTests
{
    [Fact]
    public void Cochran_reference_cases()
    {
        foreach (var c in ReferenceCases.Get("sample_size").EnumerateArray())
        {
            var population = c.GetProperty("N");
            long? size = population.ValueKind == System.Text.Json.JsonValueKind.Null ? null : population.GetInt64();
            Assert.Equal(c.GetProperty("n").GetInt64(),
                SurveySampleSize.Cochran(c.GetProperty("conf").GetDouble(), c.GetProperty("moe").GetDouble(), population: size));
        }
    }

    [Fact]
    public void Published_figures_and_limits()
    {
        // Exact Cochran value for ±3% at 95% (McIntosh quotes about 1,080; DEFINITIONS.md 2.3).
        Assert.Equal(1068, SurveySampleSize.Cochran(0.95, 0.03));
        // A tiny population is never exceeded.
        Assert.True(SurveySampleSize.Cochran(0.99, 0.01, population: 50) <= 50);
        // NPS: worst case Var = 1 at ±5 points, 95%: 1.96² / 0.05² = 1536.6 -> 1537.
        Assert.Equal(1537, SurveySampleSize.ForNps(0.95, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveySampleSize.Cochran(0.95, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurveySampleSize.Cochran(0.95, 0.05, population: 0));
    }
}
