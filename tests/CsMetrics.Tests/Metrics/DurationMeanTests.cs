using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class DurationMeanTests
{
    [Fact]
    public void Asa_reference_case_and_pooling()
    {
        var waits = ReferenceCases.Get("asa")[0].GetProperty("waits_s").Doubles();
        var asa = DurationMean.Of(waits);
        Assert.Equal(32, asa.MeanSeconds);
        Assert.Equal(TimeSpan.FromSeconds(32), asa.Mean);
        // decagon.ai: 5,000 s over 200 calls = 25 s; pooled with the above: 5,160 s / 205, never (32 + 25) / 2.
        var pooled = asa.Combine(new DurationMean(200, 5000));
        Assert.Equal(205, pooled.Count);
        Assert.Equal(5160, pooled.TotalSeconds);
        Assert.Equal("32 s mean over 5", asa.ToString());
        Assert.Equal("no durations", default(DurationMean).ToString());
        Assert.Null(default(DurationMean).Mean);
    }

    [Property(MaxTest = 100)]
    public void Combining_the_parts_equals_the_mean_of_the_concatenation(byte[] raw, int[] cuts)
    {
        var seconds = (raw ?? []).Select(b => (double)b).ToArray();
        var combined = default(DurationMean);
        foreach (var part in Partitions.Of(seconds.Length, cuts))
        {
            combined = combined.Combine(DurationMean.Of(seconds.AsSpan()[part]));
        }
        Assert.Equal(DurationMean.Of(seconds), combined);
    }

    [Fact]
    public void Inconsistent_totals_are_rejected()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new DurationMean(-1, 0)).ParamName);
        Assert.Equal("totalSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new DurationMean(3, double.NaN)).ParamName);
        Assert.Equal("totalSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new DurationMean(0, 5)).ParamName);
    }
}
