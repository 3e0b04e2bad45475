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
        Assert.Contains("use 0.95", Assert.Throws<ArgumentOutOfRangeException>(() => SurveySampleSize.Cochran(95, 0.05)).Message);
        // Edge cases: a planning proportion of 0 still needs one survey; NPS with a finite population.
        Assert.Equal(1, SurveySampleSize.Cochran(0.95, 0.05, proportion: 0));
        Assert.True(SurveySampleSize.ForNps(0.95, 5, population: 300) <= 300);
    }

    [Fact]
    public void Matches_the_high_precision_reference()
    {
        foreach (var c in ReferenceCases.HighPrecision.GetProperty("cochran").EnumerateArray())
        {
            double level = c.Number("level"), variance = c.Number("variance"), margin = c.Number("margin");
            long? population = c.GetProperty("population").ValueKind == System.Text.Json.JsonValueKind.Null ? null : c.GetProperty("population").GetInt64();
            long expected = c.GetProperty("n").GetInt64();
            if (variance == 0.25)
            {
                Assert.Equal(expected, SurveySampleSize.Cochran(level, margin, 0.5, population));
            }
            // The NPS form takes the variance directly, on the points scale.
            Assert.Equal(expected, SurveySampleSize.ForNps(level, 100 * margin, variance, population));
        }
    }
}
