using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class AverageHandleTimeTests
{
    [Fact]
    public void Aht_is_total_talk_hold_and_wrap_over_handled_contacts()
    {
        // Three contacts: (240 + 20 + 40) + (180 + 0 + 30) + (300 + 60 + 30) = 900 s -> 300 s.
        var result = AverageHandleTime.Compute([240, 180, 300], [20, 0, 60], [40, 30, 30]);
        Assert.Equal(3, result.Count);
        Relative.Equal(300, result.AverageSeconds, 1e-12);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Average);
        Relative.Equal(240, result.AverageTalkSeconds, 1e-12);
        Relative.Equal(80.0 / 3, result.AverageHoldSeconds, 1e-12);
        // Voximplant's variant: no hold term.
        Relative.Equal(820.0 / 3, AverageHandleTime.Compute([240, 180, 300], [], [40, 30, 30]).AverageSeconds, 1e-12);
    }

    [Fact]
    public void Large_input_matches_a_compensated_sum_and_allocates_nothing()
    {
        var random = new Random(11);
        var talk = Enumerable.Range(0, 100_003).Select(_ => random.NextDouble() * 600).ToArray();
        var hold = Enumerable.Range(0, 100_003).Select(_ => random.NextDouble() * 60).ToArray();
        var wrap = Enumerable.Range(0, 100_003).Select(_ => random.NextDouble() * 120).ToArray();
        decimal exact = 0; // an independent high-precision reference
        for (int i = 0; i < talk.Length; i++) exact += (decimal)talk[i] + (decimal)hold[i] + (decimal)wrap[i];
        var result = AverageHandleTime.Compute(talk, hold, wrap);
        Relative.Equal((double)(exact / talk.Length), result.AverageSeconds, 1e-9);
        Assert.Equal(0, Allocations.Measure(() => AverageHandleTime.Compute(talk, hold, wrap)));
        Assert.Equal(0, Allocations.Measure(() => AverageHandleTime.Compute(talk)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_times_throw_naming_span_and_index(double bad)
    {
        var wrap = Enumerable.Repeat(30.0, 100).ToArray();
        wrap[77] = bad;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AverageHandleTime.Compute(new double[100], [], wrap));
        Assert.Equal("wrapSeconds", ex.ParamName);
        Assert.Contains("wrapSeconds[77]", ex.Message);
        Assert.Throws<ArgumentException>(() => AverageHandleTime.Compute([1, 2], [1], []));
    }

    [Fact]
    public void Empty_gives_count_zero_and_NaN()
    {
        var result = AverageHandleTime.Compute([], [], []);
        Assert.Equal(0, result.Count);
        Assert.True(double.IsNaN(result.AverageSeconds));
        Assert.Null(result.Average);
        Assert.True(double.IsNaN(AverageHandleTime.Compute([]).MeanSeconds));
        Assert.Equal("AHT: no contacts", result.ToString());
        Assert.Equal("AHT 300 s (talk 240, hold 20, wrap 40) over 2 contacts", new HandleTimeResult(2, 480, 40, 80).ToString());
        Assert.Equal(new HandleTimeResult(3, 480, 40, 80), new HandleTimeResult(2, 480, 40, 80).Combine(new HandleTimeResult(1, 0, 0, 0)));
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new HandleTimeResult(0, 1, 0, 0)).ParamName);
    }

    [Property(MaxTest = 200)]
    public void Aht_lies_between_the_smallest_and_largest_handle_time(byte[] raw)
    {
        var talk = (raw ?? []).Select(b => b * 3.5).ToArray();
        if (talk.Length == 0) return;
        var aht = AverageHandleTime.Compute(talk).MeanSeconds;
        Assert.InRange(aht, talk.Min() - 1e-9, talk.Max() + 1e-9);
    }
}
