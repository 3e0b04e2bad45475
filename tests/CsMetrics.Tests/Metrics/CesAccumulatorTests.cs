using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CesAccumulatorTests
{
    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(byte[] raw, int cut, bool lowerIsEasier)
    {
        var scale = lowerIsEasier ? CesScale.FivePointEffort : CesScale.SevenPointAgreement;
        var scores = (raw ?? []).Select(b => (byte)(1 + b % scale.Max)).ToArray();
        int split = scores.Length == 0 ? 0 : Math.Abs(cut % (scores.Length + 1));
        var left = new CesAccumulator(scale);
        left.Add(scores.AsSpan(0, split));
        var right = new CesAccumulator(scale);
        right.Add(scores.AsSpan(split));
        left.Merge(right);
        var whole = new CesAccumulator(scale);
        whole.Add(scores);
        Assert.Equal(whole.Result(), left.Result());
    }

    [Fact]
    public void Merging_different_scales_throws()
    {
        var a = new CesAccumulator(CesScale.SevenPointAgreement);
        var b = new CesAccumulator(CesScale.FivePointEffort);
        Assert.Throws<ArgumentException>(() => a.Merge(b));
    }
}
