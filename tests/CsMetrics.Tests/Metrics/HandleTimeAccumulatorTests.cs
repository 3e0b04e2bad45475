using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class HandleTimeAccumulatorTests
{
    [Fact]
    public void An_accumulator_held_in_a_dictionary_is_updated_in_place()
    {
        // Issue 12, trap 2: with the old struct the agent's AHT stayed "no contacts".
        var ahtByAgent = new Dictionary<string, HandleTimeAccumulator> { ["ana"] = new() };
        ahtByAgent["ana"].Add([240.0, 180], [20.0, 0], [40.0, 30]);
        ahtByAgent["ana"].Add(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
        Assert.Equal(3, ahtByAgent["ana"].Count);
        Assert.Equal(300, ahtByAgent["ana"].Result().AverageSeconds);
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(byte[] raw, int[] cuts)
    {
        // Whole seconds: sums are exact in any order, so equality is exact.
        var talk = (raw ?? []).Select(b => (double)b).ToArray();
        var hold = talk.Select(t => t % 7).ToArray();
        var wrap = talk.Select(t => t % 13).ToArray();
        var merged = new HandleTimeAccumulator();
        foreach (var range in Partitions.Of(talk.Length, cuts))
        {
            var accumulator = new HandleTimeAccumulator();
            var (start, length) = range.GetOffsetAndLength(talk.Length);
            for (int i = start; i < start + length; i++)
            {
                accumulator.Add(talk[i], hold[i], wrap[i]);
            }
            merged.Merge(accumulator.State);
        }
        var whole = new HandleTimeAccumulator();
        whole.Add(talk, hold, wrap);
        Assert.Equal(whole.Result(), merged.Result());
        Assert.Equal(talk.Sum() + hold.Sum() + wrap.Sum(), merged.TalkSeconds + merged.HoldSeconds + merged.WrapSeconds);
    }

    [Fact]
    public void State_round_trips_and_bad_times_throw()
    {
        var accumulator = new HandleTimeAccumulator();
        accumulator.Add(240, 20, 40);
        var json = JsonSerializer.Serialize(accumulator.State, CsMetricsJsonContext.Default.HandleTimeResult);
        Assert.Equal("""{"Count":1,"TalkSeconds":240,"HoldSeconds":20,"WrapSeconds":40}""", json);
        Assert.Equal(accumulator.State, new HandleTimeAccumulator(JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.HandleTimeResult)).State);
        Assert.Equal("holdSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(1, -1, 0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(TimeSpan.FromSeconds(-1), TimeSpan.Zero, TimeSpan.Zero));
        Assert.Equal(1, accumulator.Count);
        var seconds = new double[1024];
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(seconds, seconds, [])));
    }
}
