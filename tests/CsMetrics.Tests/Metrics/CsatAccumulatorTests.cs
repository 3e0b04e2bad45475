using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CsatAccumulatorTests
{
    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(byte[] raw, int cut)
    {
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 5)).ToArray();
        int split = scores.Length == 0 ? 0 : Math.Abs(cut % (scores.Length + 1));
        var left = new CsatAccumulator(CsatScale.FivePoint);
        left.Add(scores.AsSpan(0, split));
        var right = new CsatAccumulator(CsatScale.FivePoint);
        foreach (var s in scores.AsSpan(split)) right.Add(s);
        left.Merge(right);
        var whole = new CsatAccumulator(CsatScale.FivePoint);
        whole.Add(scores);
        Assert.Equal(whole.Result(), left.Result());
    }

    [Fact]
    public void Merging_different_scales_throws()
    {
        var a = new CsatAccumulator(CsatScale.FivePoint);
        var b = new CsatAccumulator(CsatScale.TopBox(1, 5, 5));
        Assert.Throws<ArgumentException>(() => a.Merge(b));
    }
}
