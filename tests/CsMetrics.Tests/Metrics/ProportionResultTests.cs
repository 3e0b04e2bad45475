using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class ProportionResultTests
{
    [Fact]
    public void From_counts_carries_numerator_denominator_and_the_wilson_interval()
    {
        var result = ProportionResult.FromCounts(85, 100, 0.9);
        Assert.Equal(0.85, result.Value);
        Assert.Equal(new ProportionTally(85, 100), result.Tally);
        Assert.Equal(0.9, result.Interval.Level);
        Assert.Equal(IntervalMethod.Wilson, result.Interval.Method);
        Assert.Equal(ProportionStatistics.WilsonInterval(85, 100, 0.9), result.Interval);
        Assert.Equal(ProportionResult.FromCounts(85, 100, 0.9), result); // value equality
        Assert.StartsWith("0.85 (85 / 100), CI [", result.ToString());
        Assert.EndsWith("(90%, Wilson)", result.ToString());
    }

    [Fact]
    public void Empty_and_bad_counts()
    {
        var empty = ProportionResult.FromCounts(0, 0);
        Assert.True(double.IsNaN(empty.Value));
        Assert.Equal("no data (0 / 0)", empty.ToString());
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionResult.FromCounts(3, 2)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => ProportionResult.FromCounts(1, 2, 80)).ParamName);
    }
}
