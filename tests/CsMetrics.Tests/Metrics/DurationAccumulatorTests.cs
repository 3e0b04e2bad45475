using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class DurationAccumulatorTests
{
    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(byte[] raw, int cut)
    {
        var seconds = (raw ?? []).Select(b => (double)b).ToArray();
        int split = seconds.Length == 0 ? 0 : Math.Abs(cut % (seconds.Length + 1));
        var left = new DurationAccumulator();
        left.Add(seconds.AsSpan(0, split));
        var right = new DurationAccumulator();
        foreach (var s in seconds.AsSpan(split)) right.Add(TimeSpan.FromSeconds(s));
        left.Merge(right);
        Assert.Equal(DurationMean.Of(seconds), left.Result());
    }

    [Fact]
    public void Asa_reference_case_and_pooling()
    {
        var waits = ReferenceCases.Get("asa")[0].GetProperty("waits_s").Doubles();
        var asa = DurationMean.Of(waits);
        Assert.Equal(32, asa.MeanSeconds, 1e-12);
        // decagon.ai: 5,000 s over 200 calls = 25 s; pooled with the above: 5,160 s / 205.
        var pooled = asa.Combine(new DurationMean(200, 5000));
        Assert.Equal(5160.0 / 205, pooled.MeanSeconds, 1e-12);
        var accumulator = new DurationAccumulator();
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(double.NaN));
    }
}
