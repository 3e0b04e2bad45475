using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CustomerEffortTests
{
    private static byte[] FromCounts(long[] counts, int min = 1)
    {
        var scores = new List<byte>();
        for (int i = 0; i < counts.Length; i++)
        {
            for (long k = 0; k < counts[i]; k++) scores.Add((byte)(min + i));
        }
        var array = scores.ToArray();
        new Random(5).Shuffle(array);
        return array;
    }

    [Fact]
    public void Reference_case_mean_agree_share_and_net_index()
    {
        var c = ReferenceCases.Get("ces");
        var result = CustomerEffort.Compute(FromCounts(c.GetProperty("counts_1_to_7").Longs()), CesScale.SevenPointAgreement);
        Relative.Equal(c.GetProperty("mean").GetDouble(), result.Mean, 1e-12);
        Relative.Equal(c.GetProperty("pct_5_to_7").GetDouble(), result.AgreeShare, 1e-12);
        Relative.Equal(c.GetProperty("index_67_minus_123").GetDouble(), result.NetIndex, 1e-9);
    }

    [Fact]
    public void Reversed_scale_mirrors_the_groups_but_reports_the_raw_mean()
    {
        var counts = ReferenceCases.Get("ces").GetProperty("counts_1_to_7").Longs();
        var reversedScores = FromCounts(counts.Reverse().ToArray()); // 1 = easiest now
        var reversed = new CesScale(1, 7, EffortDirection.LowerIsEasier, 5, 6, 3);
        var result = CustomerEffort.Compute(reversedScores, reversed);
        Relative.Equal(0.46, result.AgreeShare, 1e-12);
        Relative.Equal(-13, result.NetIndex, 1e-9);
        Relative.Equal(8 - 4.08, result.Mean, 1e-12);
        // Single adds agree with the span path.
        var accumulator = new CesAccumulator(reversed);
        foreach (var s in reversedScores) accumulator.Add(s);
        Assert.Equal(result, accumulator.Result());
    }

    [Fact]
    public void Five_point_effort_counts_one_and_two_as_easy()
    {
        var result = CustomerEffort.Compute([1, 2, 3, 4, 5, 1], CesScale.FivePointEffort);
        Assert.Equal(3, result.Agreeing);
        Relative.Equal(100.0 * (3 - 2) / 6, result.NetIndex, 1e-12);
    }

    [Fact]
    public void Empty_gives_NaN_bad_score_throws_and_span_path_allocates_nothing()
    {
        var empty = CustomerEffort.Compute([], CesScale.SevenPointAgreement);
        Assert.True(empty.Count == 0 && double.IsNaN(empty.Mean) && double.IsNaN(empty.NetIndex) && double.IsNaN(empty.AgreeShare));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerEffort.Compute([1, 8], CesScale.SevenPointAgreement));
        Assert.Contains("scores[1]", ex.Message);
        var scores = FromCounts([10, 20, 30, 40, 50, 60, 70]);
        Assert.Equal(0, Allocations.Measure(() => CustomerEffort.Compute(scores, CesScale.SevenPointAgreement)));
    }

    [Property(MaxTest = 200)]
    public void Bounds_hold(byte[] raw)
    {
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 7)).ToArray();
        var result = CustomerEffort.Compute(scores, CesScale.SevenPointAgreement);
        if (scores.Length == 0) return;
        Assert.InRange(result.Mean, 1, 7);
        Assert.InRange(result.AgreeShare, 0, 1);
        Assert.InRange(result.NetIndex, -100, 100);
        Assert.True(result.Interval.Contains(result.AgreeShare));
    }
}
