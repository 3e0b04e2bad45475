using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CesAccumulatorTests
{
    [Fact]
    public void An_accumulator_held_in_a_dictionary_is_updated_in_place()
    {
        // Issue 12, trap 2: with the old struct this added to a copy and the queue reported no answers.
        var byQueue = new Dictionary<string, CesAccumulator> { ["billing"] = new(CesScale.SevenPointAgreement) };
        byQueue["billing"].Add([7, 6, 2]);
        byQueue["billing"].Add((byte?)null);
        Assert.Equal(3, byQueue["billing"].Count);
        Assert.Equal(2, byQueue["billing"].Agreeing);
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(byte[] raw, int[] cuts, bool lowerIsEasier)
    {
        var scale = lowerIsEasier ? CesScale.FivePointEffort : CesScale.SevenPointAgreement;
        var scores = (raw ?? []).Select(b => (byte)(1 + b % scale.Max)).ToArray();
        var merged = new CesAccumulator(scale);
        foreach (var range in Partitions.Of(scores.Length, cuts))
        {
            var accumulator = new CesAccumulator(scale);
            accumulator.Add(scores.AsSpan()[range]);
            merged.Merge(accumulator.State);
        }
        var single = new CesAccumulator(scale);
        foreach (var s in scores) single.Add(s);
        Assert.Equal(single.State, merged.State);
        // Independent count: "easy" is 5-7 on CES 2.0 and 1-2 on CES 1.0.
        Assert.Equal(scores.Count(s => lowerIsEasier ? s <= 2 : s >= 5), merged.Agreeing);
    }

    [Fact]
    public void State_resumes_through_json_scales_must_match_and_adds_allocate_nothing()
    {
        var accumulator = new CesAccumulator(CesScale.FivePointEffort);
        accumulator.Add([1, 2, 5, 4]);
        var json = JsonSerializer.Serialize(accumulator.State, CsMetricsJsonContext.Default.CesTally);
        var resumed = new CesAccumulator(JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.CesTally));
        Assert.Equal(accumulator.Result(), resumed.Result());
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => resumed.Merge(new CesAccumulator(CesScale.SevenPointAgreement))).ParamName);
        var scores = Enumerable.Range(0, 4096).Select(i => (byte)(1 + i % 5)).ToArray();
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(scores)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(3)));
    }
}
