using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CsatAccumulatorTests
{
    [Fact]
    public void An_accumulator_held_in_a_dictionary_or_list_is_updated_in_place()
    {
        // Issue 12, trap 2: the old struct accumulator added to a copy here and reported 0 ratings.
        var byAgent = new Dictionary<string, CsatAccumulator> { ["ana"] = new(CsatScale.FivePoint) };
        byAgent["ana"].Add([5, 4, 1]);
        byAgent["ana"].Add((byte?)null); // an unrated ticket is not a response
        var list = new List<CsatAccumulator> { new(CsatScale.FivePoint) };
        list[0].Add(5);
        Assert.Equal(3, byAgent["ana"].Count);
        Assert.Equal(2, byAgent["ana"].Satisfied);
        Assert.Equal(1, list[0].Count);
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(byte[] raw, int[] cuts)
    {
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 5)).ToArray();
        var merged = new CsatAccumulator(CsatScale.FivePoint);
        int part = 0;
        foreach (var range in Partitions.Of(scores.Length, cuts))
        {
            var accumulator = new CsatAccumulator(CsatScale.FivePoint);
            if (part++ % 2 == 0)
            {
                accumulator.Add(scores.AsSpan()[range]);
            }
            else
            {
                foreach (var s in scores[range]) accumulator.Add(s);
            }
            merged.Merge(accumulator);
        }
        var whole = new CsatAccumulator(CsatScale.FivePoint);
        whole.Add(scores);
        Assert.Equal(whole.State, merged.State);
        Assert.Equal(scores.Count(s => s >= 4), merged.Satisfied);
        Assert.Equal(scores.Count(s => s <= 2), merged.Dissatisfied);
        Assert.Equal(scores.Sum(s => (long)s), merged.State.ScoreSum);
    }

    [Fact]
    public void State_resumes_through_json_and_scales_must_match()
    {
        var accumulator = new CsatAccumulator(CsatScale.TopBox(1, 10, 9));
        accumulator.Add([1, 2, 9, 10, 5]);
        var json = JsonSerializer.Serialize(accumulator.State, CsMetricsJsonContext.Default.CsatTally);
        var resumed = new CsatAccumulator(JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.CsatTally));
        Assert.Equal(accumulator.Result(), resumed.Result());
        Assert.Throws<ArgumentException>(() => resumed.Merge(new CsatAccumulator(CsatScale.FivePoint)));
        Assert.Throws<ArgumentOutOfRangeException>(() => resumed.Add(11));
    }

    [Fact]
    public void Adds_and_merges_allocate_nothing()
    {
        var scores = Enumerable.Range(0, 4096).Select(i => (byte)(1 + i % 5)).ToArray();
        var accumulator = new CsatAccumulator(CsatScale.FivePoint);
        var other = new CsatAccumulator(CsatScale.FivePoint);
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(scores)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(3)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Merge(other)));
    }
}
