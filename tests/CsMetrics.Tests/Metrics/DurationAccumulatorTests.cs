using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class DurationAccumulatorTests
{
    [Fact]
    public void An_accumulator_held_in_a_dictionary_is_updated_in_place()
    {
        // Issue 12, trap 2: with the old struct the queue's ASA stayed empty.
        var asaByQueue = new Dictionary<string, DurationAccumulator> { ["billing"] = new() };
        asaByQueue["billing"].Add([30.0, 15, 45, 60, 10]);
        asaByQueue["billing"].Add(TimeSpan.FromSeconds(32));
        Assert.Equal(6, asaByQueue["billing"].Count);
        Assert.Equal(192, asaByQueue["billing"].TotalSeconds);
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(byte[] raw, int[] cuts)
    {
        // Whole seconds: sums are exact in any order, so equality is exact.
        var seconds = (raw ?? []).Select(b => (double)b).ToArray();
        var merged = new DurationAccumulator();
        foreach (var range in Partitions.Of(seconds.Length, cuts))
        {
            var accumulator = new DurationAccumulator();
            foreach (var s in seconds[range]) accumulator.Add(TimeSpan.FromSeconds(s));
            merged.Merge(accumulator);
        }
        Assert.Equal(DurationMean.Of(seconds), merged.Result());
        Assert.Equal(seconds.Sum(), merged.TotalSeconds);
    }

    [Fact]
    public void State_round_trips_bad_durations_throw_and_adds_allocate_nothing()
    {
        var accumulator = new DurationAccumulator();
        accumulator.Add([1.5, 2.25]);
        var json = JsonSerializer.Serialize(accumulator.State, CsMetricsJsonContext.Default.DurationMean);
        Assert.Equal("""{"Count":2,"TotalSeconds":3.75}""", json);
        Assert.Equal(accumulator.State, JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.DurationMean));
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(TimeSpan.FromSeconds(-1)));
        var seconds = new double[4096];
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(seconds)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(3.0)));
    }
}
