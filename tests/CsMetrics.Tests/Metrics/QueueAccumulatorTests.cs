using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
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
        queue.Add(TimeSpan.FromSeconds(13), answered: false);
        Assert.Equal(c.GetProperty("value_s").GetDouble(), queue.AverageSpeedOfAnswer.MeanSeconds);
        Assert.Equal(10, queue.AverageAbandonTime.MeanSeconds);
        Assert.Equal(2, queue.AbandonmentRate().Successes);
    }

    [Fact]
    public void Accumulators_held_by_queue_and_interval_are_updated_in_place()
    {
        // Issue 12, trap 2: `byQueue["billing"].Add(...)` compiled with the old struct and added nothing.
        var byQueue = new Dictionary<string, QueueAccumulator> { ["billing"] = new(20), ["sales"] = new(20) };
        byQueue["billing"].Add([5.0, 25, 3], [true, true, false]);
        byQueue["billing"].Add(40, answered: false);
        var byInterval = new List<QueueAccumulator> { new(20), new(20) };
        byInterval[1].Add(10, answered: true);
        Assert.Equal(new ServiceLevelCounts(2, 1, 2, 1, 0), byQueue["billing"].Counts);
        Assert.Equal(0, byQueue["sales"].Counts.Offered);
        Assert.Equal(0.25, byQueue["billing"].ServiceLevel(AbandonPolicy.CountedAsMissed).Value);
        Assert.Equal(1, byInterval[1].Counts.Answered);
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(byte[] raw, int[] cuts)
    {
        var bytes = raw ?? [];
        var waits = bytes.Select(b => (double)(b % 60)).ToArray();
        var answered = bytes.Select(b => b % 3 != 0).ToArray();
        var merged = new QueueAccumulator(20, 5);
        foreach (var range in Partitions.Of(bytes.Length, cuts))
        {
            var part = new QueueAccumulator(20, 5);
            part.Add(waits.AsSpan()[range], answered.AsSpan()[range]);
            merged.Merge(part);
        }
        var whole = new QueueAccumulator(20, 5);
        for (int i = 0; i < waits.Length; i++) whole.Add(waits[i], answered[i]);
        // Integer-valued waits: the totals are exact in any order.
        Assert.Equal(whole.State, merged.State);
        // An independent count of the concatenation.
        Assert.Equal(Enumerable.Range(0, waits.Length).Count(i => answered[i] && waits[i] <= 20), merged.Counts.AnsweredWithinThreshold);
        Assert.Equal(Enumerable.Range(0, waits.Length).Count(i => !answered[i] && waits[i] <= 5), merged.Counts.ShortAbandons);
    }

    [Fact]
    public void Thresholds_are_validated_and_must_match_to_merge()
    {
        Assert.Equal("thresholdSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new QueueAccumulator(-1)).ParamName);
        Assert.Equal("shortAbandonSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new QueueAccumulator(20, double.NaN)).ParamName);
        var a = new QueueAccumulator(20);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => a.Merge(new QueueAccumulator(30))).ParamName);
        // A short-abandon threshold above T counts for the abandonment rate, but cannot exclude or meet within T.
        var wide = new QueueAccumulator(20, 30);
        wide.Add([25.0, 5], [false, true]);
        Assert.Equal(0.0, wide.AbandonmentRate(excludeShortAbandons: true).Value);
        Assert.Equal(0.5, wide.ServiceLevel(AbandonPolicy.CountedAsMissed).Value);
        Assert.Equal("shortAbandons", Assert.Throws<ArgumentException>(() => wide.ServiceLevel(AbandonPolicy.CountedAsMissed, ShortAbandonTreatment.Excluded)).ParamName);
    }

    [Fact]
    public void State_resumes_through_json_and_adds_allocate_nothing()
    {
        var queue = new QueueAccumulator(20, 5);
        queue.Add([3.5, 25, 4], [false, true, true]);
        var json = JsonSerializer.Serialize(queue.State, CsMetricsJsonContext.Default.QueueTally);
        var resumed = new QueueAccumulator(JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.QueueTally));
        Assert.Equal(queue.State, resumed.State);
        var waits = Enumerable.Range(0, 4096).Select(i => (double)(i % 50)).ToArray();
        var flags = waits.Select(w => w < 40).ToArray();
        Assert.Equal(0, Allocations.Measure(() => queue.Add(waits, flags)));
        Assert.Equal(0, Allocations.Measure(() => queue.Add(12, true)));
        Assert.Equal(0, Allocations.Measure(() => queue.Merge(resumed)));
        Assert.Equal(0, Allocations.Measure(() => queue.ServiceLevel(AbandonPolicy.Ignored)));
    }
}
