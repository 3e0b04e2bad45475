using CsMetrics.Serialization;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class NpsAccumulatorTests
{
    private static readonly byte[] s_monday = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0, 8, 9];

    [Fact]
    public void An_accumulator_held_in_a_dictionary_is_updated_in_place()
    {
        // Issue 12, trap 2: with the old mutable struct, the indexer returned a copy and this added nothing (Count 0).
        var byQueue = new Dictionary<string, NpsAccumulator> { ["billing"] = new(), ["sales"] = new() };
        byQueue["billing"].Add(s_monday);
        byQueue["billing"].Add(10);
        byQueue["sales"].Add((byte?)null);
        Assert.Equal(13, byQueue["billing"].Count);
        Assert.Equal(0, byQueue["sales"].Count);
        Assert.Equal(NetPromoterScore.Compute([.. s_monday, 10]), byQueue["billing"].Result());
    }

    [Fact]
    public void Accumulators_in_a_list_grouped_by_key_and_in_a_foreach_are_updated_in_place()
    {
        var perAgent = new List<NpsAccumulator> { new(), new() };
        perAgent[1].Add(s_monday.AsSpan(0, 4));
        foreach (var accumulator in perAgent)
        {
            accumulator.Add(9);
        }
        Assert.Equal([1L, 5L], perAgent.Select(a => a.Count).ToArray());

        // The pipeline idiom: one accumulator per key, found or created, then added to.
        var contacts = s_monday.Select((score, i) => (Queue: i % 3 == 0 ? "billing" : "sales", Score: score)).ToArray();
        var grouped = new Dictionary<string, NpsAccumulator>();
        foreach (var (queue, score) in contacts)
        {
            if (!grouped.TryGetValue(queue, out var accumulator))
            {
                grouped[queue] = accumulator = new NpsAccumulator();
            }
            accumulator.Add(score);
        }
        foreach (var group in contacts.GroupBy(c => c.Queue))
        {
            Assert.Equal(NetPromoterScore.Compute(group.Select(c => c.Score).ToArray()), grouped[group.Key].Result());
        }
    }

    [Property(MaxTest = 200)]
    public void Merging_the_parts_equals_one_accumulator_over_the_concatenation(byte[] raw, int[] cuts, bool singleAdds)
    {
        var scores = (raw ?? []).Select(b => (byte)(b % 11)).ToArray();
        var merged = new NpsAccumulator();
        foreach (var part in Partitions.Of(scores.Length, cuts))
        {
            var accumulator = new NpsAccumulator();
            if (singleAdds)
            {
                foreach (var s in scores[part]) accumulator.Add(s);
            }
            else
            {
                accumulator.Add(scores.AsSpan()[part]);
            }
            merged.Merge(accumulator);
        }
        var whole = new NpsAccumulator();
        whole.Add(scores);
        Assert.Equal(whole.State, merged.State);
        Assert.Equal(whole.Result(), merged.Result());
        // An independent count of the concatenation.
        Assert.Equal(scores.Count(s => s >= 9), merged.Promoters);
        Assert.Equal(scores.Count(s => s <= 6), merged.Detractors);
    }

    [Fact]
    public void A_state_resumes_merges_and_survives_json()
    {
        var first = new NpsAccumulator();
        first.Add(s_monday.AsSpan(0, 5));
        var json = System.Text.Json.JsonSerializer.Serialize(first.State, CsMetricsJsonContext.Default.NpsTally);
        var resumed = new NpsAccumulator(System.Text.Json.JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.NpsTally));
        resumed.Add(s_monday.AsSpan(5));
        Assert.Equal(NetPromoterScore.Compute(s_monday), resumed.Result());
        var total = new NpsAccumulator();
        total.Merge(first.State);
        total.Merge(NpsTally.Of(s_monday.AsSpan(5)));
        Assert.Equal(resumed.State, total.State);
    }

    [Fact]
    public void Breaks_must_match_and_bad_scores_throw()
    {
        var standard = new NpsAccumulator();
        var other = new NpsAccumulator(new NpsScale(10, 8, 5));
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => standard.Merge(other)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => standard.Add(11));
        Assert.Equal("score", ex.ParamName);
        var span = Assert.Throws<ArgumentOutOfRangeException>(() => standard.Add([1, 2, 11]));
        Assert.Contains("scores[2]", span.Message);
        Assert.Equal(0, standard.Count); // nothing added from the bad span
        Assert.Throws<ArgumentNullException>(() => standard.Merge((NpsAccumulator)null!));
    }

    [Fact]
    public void Adds_and_merges_allocate_nothing()
    {
        var scores = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 11)).ToArray();
        var accumulator = new NpsAccumulator();
        var other = new NpsAccumulator();
        other.Add(scores);
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(scores)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Add(7)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Merge(other)));
        Assert.Equal(0, Allocations.Measure(() => accumulator.Result()));
    }
}
