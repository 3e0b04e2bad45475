using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class HandleTimeAccumulatorTests
{
    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(byte[] raw, int cut)
    {
        // Whole seconds: sums are exact in any order, so equality is exact.
        var talk = (raw ?? []).Select(b => (double)b).ToArray();
        var hold = talk.Select(t => t % 7).ToArray();
        var wrap = talk.Select(t => t % 13).ToArray();
        int split = talk.Length == 0 ? 0 : Math.Abs(cut % (talk.Length + 1));
        var left = new HandleTimeAccumulator();
        left.Add(talk.AsSpan(0, split), hold.AsSpan(0, split), wrap.AsSpan(0, split));
        var right = new HandleTimeAccumulator();
        for (int i = split; i < talk.Length; i++)
        {
            right.Add(TimeSpan.FromSeconds(talk[i]), TimeSpan.FromSeconds(hold[i]), TimeSpan.FromSeconds(wrap[i]));
        }
        left.Merge(right);
        var whole = new HandleTimeAccumulator();
        whole.Add(talk, hold, wrap);
        Assert.Equal(whole.Result(), left.Result());
    }

    [Fact]
    public void Negative_single_time_throws()
    {
        var accumulator = new HandleTimeAccumulator();
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(TimeSpan.FromSeconds(-1), TimeSpan.Zero, TimeSpan.Zero));
    }
}
