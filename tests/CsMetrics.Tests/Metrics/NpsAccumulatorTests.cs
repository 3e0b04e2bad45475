using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class NpsAccumulatorTests
{
    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(byte[] raw, int cut)
    {
        var scores = (raw ?? []).Select(b => (byte)(b % 11)).ToArray();
        int split = scores.Length == 0 ? 0 : Math.Abs(cut % (scores.Length + 1));
        var left = new NpsAccumulator();
        left.Add(scores.AsSpan(0, split));
        var right = new NpsAccumulator();
        foreach (var s in scores.AsSpan(split)) right.Add(s); // single adds agree with span adds too
        left.Merge(right);
        var whole = new NpsAccumulator();
        whole.Add(scores);
        Assert.Equal(whole.Result(), left.Result());
    }

    [Fact]
    public void Merging_different_breaks_throws()
    {
        var a = new NpsAccumulator();
        var b = new NpsAccumulator(new NpsScale(10, 8, 5));
        Assert.Throws<ArgumentException>(() => a.Merge(b));
    }

    [Fact]
    public void Default_instance_uses_standard_breaks_and_rejects_bad_single_scores()
    {
        NpsAccumulator accumulator = default;
        accumulator.Add(10);
        accumulator.Add(0);
        Assert.Equal(NpsScale.Standard, accumulator.Scale);
        Assert.Equal(0, accumulator.Result().Score);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(11));
        Assert.Equal("score", ex.ParamName);
    }
}
