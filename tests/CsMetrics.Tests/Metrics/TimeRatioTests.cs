using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class TimeRatioTests
{
    [Fact]
    public void Ratios_pool_by_adding_their_times()
    {
        // Two agents at occupancy 0.75 and 0.5 pool to 24,000 / 36,000, not to the mean 0.625 of their percentages.
        var first = new TimeRatio(1, 18000, 24000);
        var second = new TimeRatio(1, 6000, 12000);
        var pooled = first.Combine(second);
        Assert.Equal(new TimeRatio(2, 24000, 36000), pooled);
        Assert.Equal(2.0 / 3, pooled.Value);
        Assert.Equal("0.6667 (24000 s / 36000 s over 2)", pooled.ToString());
        Assert.Equal("no time (0 s / 0 s over 0)", default(TimeRatio).ToString());
        Assert.Equal(pooled, JsonSerializer.Deserialize(JsonSerializer.Serialize(pooled, CsMetricsJsonContext.Default.TimeRatio), CsMetricsJsonContext.Default.TimeRatio));
    }

    [Fact]
    public void Negative_or_non_finite_times_are_rejected()
    {
        Assert.Equal("numeratorSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeRatio(1, -1, 2)).ParamName);
        Assert.Equal("denominatorSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeRatio(1, 1, double.PositiveInfinity)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeRatio(-1, 1, 2)).ParamName);
    }
}
