using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class ProportionAccumulatorTests
{
    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(bool[] raw, int cut)
    {
        var flags = raw ?? [];
        int split = flags.Length == 0 ? 0 : Math.Abs(cut % (flags.Length + 1));
        var left = new ProportionAccumulator();
        left.Add(flags.AsSpan(0, split));
        var right = new ProportionAccumulator();
        foreach (var f in flags.AsSpan(split)) right.Add(f);
        left.Merge(right);
        var whole = new ProportionAccumulator();
        whole.Add(flags);
        Assert.Equal(whole.Result(), left.Result());
        Assert.Equal(flags.Count(f => f), whole.Successes);
    }

    [Fact]
    public void Bad_counts_throw()
    {
        var accumulator = new ProportionAccumulator();
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(-1, 2));
    }
}
