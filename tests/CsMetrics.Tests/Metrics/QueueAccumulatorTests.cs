using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class QueueAccumulatorTests
{
    [Fact]
    public void Asa_reference_case_and_abandon_time()
    {
        var c = ReferenceCases.Get("asa")[0];
        var waits = c.GetProperty("waits_s").Doubles();
        var queue = new QueueAccumulator(20);
        queue.Add(waits, waits.Select(_ => true).ToArray());
        queue.Add(7, answered: false);
        queue.Add(13, answered: false);
        Assert.Equal(c.GetProperty("value_s").GetDouble(), queue.AverageSpeedOfAnswer.MeanSeconds, 1e-12);
        Assert.Equal(TimeSpan.FromSeconds(32), queue.AverageSpeedOfAnswer.Mean);
        Assert.Equal(10, queue.AverageAbandonTime.MeanSeconds, 1e-12);
        Assert.Equal(2, queue.AbandonmentRate().Successes);
    }

    [Property(MaxTest = 200)]
    public void Merge_of_parts_equals_the_whole(byte[] raw, int cut)
    {
        var bytes = raw ?? [];
        var waits = bytes.Select(b => (double)(b % 60)).ToArray();
        var answered = bytes.Select(b => b % 3 != 0).ToArray();
        int split = bytes.Length == 0 ? 0 : Math.Abs(cut % (bytes.Length + 1));
        var left = new QueueAccumulator(20, 5);
        left.Add(waits.AsSpan(0, split), answered.AsSpan(0, split));
        var right = new QueueAccumulator(20, 5);
        right.Add(waits.AsSpan(split), answered.AsSpan(split));
        left.Merge(right);
        var whole = new QueueAccumulator(20, 5);
        whole.Add(waits, answered);
        Assert.Equal(whole.Counts, left.Counts);
        // Integer-valued waits: the totals are exact in any order.
        Assert.Equal(whole.AverageSpeedOfAnswer, left.AverageSpeedOfAnswer);
        Assert.Equal(whole.AverageAbandonTime, left.AverageAbandonTime);
    }

    [Fact]
    public void Thresholds_are_validated_and_must_match_to_merge()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueAccumulator(20, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QueueAccumulator(-1));
        var a = new QueueAccumulator(20);
        Assert.Throws<ArgumentException>(() => a.Merge(new QueueAccumulator(30)));
    }
}
