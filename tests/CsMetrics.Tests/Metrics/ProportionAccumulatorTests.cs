using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class ProportionAccumulatorTests
{
    [Fact]
    public void An_accumulator_held_in_a_dictionary_or_list_is_updated_in_place()
    {
        // Issue 12, trap 2: with the old struct both adds went to copies and FCR stayed 0 / 0.
        var fcrByAgent = new Dictionary<string, ProportionAccumulator> { ["ana"] = new() };
        fcrByAgent["ana"].Add([true, true, false]);
        fcrByAgent["ana"].Add((bool?)null); // no survey answer: not a trial
        var daily = new List<ProportionAccumulator> { new() };
        daily[0].Add(8, 10);
        Assert.Equal(new ProportionTally(2, 3), fcrByAgent["ana"].State);
        Assert.Equal(new ProportionTally(8, 10), daily[0].State);
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(bool[] raw, int[] cuts)
    {
        var flags = raw ?? [];
        var merged = new ProportionAccumulator();
        foreach (var range in Partitions.Of(flags.Length, cuts))
        {
            var accumulator = new ProportionAccumulator();
            foreach (var f in flags[range]) accumulator.Add(f);
            merged.Merge(accumulator);
        }
        var whole = new ProportionAccumulator();
        whole.Add(flags);
        Assert.Equal(whole.State, merged.State);
        Assert.Equal(flags.Count(f => f), merged.Successes);
        Assert.Equal(flags.Length, merged.Count);
    }

    [Fact]
    public void State_round_trips_and_bad_counts_throw()
    {
        var accumulator = new ProportionAccumulator();
        accumulator.Add(85, 100);
        var json = JsonSerializer.Serialize(accumulator.State, CsMetricsJsonContext.Default.ProportionTally);
        Assert.Equal("""{"Successes":85,"Count":100}""", json);
        Assert.Equal(accumulator.Result(), new ProportionAccumulator(JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.ProportionTally)).Result());
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(-1, 2));
        Assert.Equal(100, accumulator.Count); // unchanged by the bad adds
        var flags = new bool[4096];
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(flags)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(true)));
    }
}
