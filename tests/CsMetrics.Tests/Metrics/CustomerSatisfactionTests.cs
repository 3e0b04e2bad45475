using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CustomerSatisfactionTests
{
    [Fact]
    public void Top_two_box_share_mean_and_bottom_box_on_five_points()
    {
        // 85 of 100 in 4-5: the Wilson reference case (x = 85, n = 100) gives the interval.
        var scores = Enumerable.Repeat((byte)5, 50).Concat(Enumerable.Repeat((byte)4, 35))
            .Concat(Enumerable.Repeat((byte)3, 5)).Concat(Enumerable.Repeat((byte)2, 6)).Concat(Enumerable.Repeat((byte)1, 4)).ToArray();
        var result = CustomerSatisfaction.Compute(scores, CsatScale.FivePoint);
        Assert.Equal(100, result.Count);
        Relative.Equal(0.85, result.SatisfiedShare, 1e-15);
        Relative.Equal(0.10, result.DissatisfiedShare, 1e-15);
        Relative.Equal(0.75, result.Net, 1e-15);
        Relative.Equal(4.21, result.Mean, 1e-12); // (250 + 140 + 15 + 12 + 4) / 100
        Relative.Equal(0.8025, result.NormalisedMean, 1e-12); // (4.21 - 1) / 4, by hand
        var wilson = ReferenceCases.Get("wilson95")[0].GetProperty("ci").Doubles();
        Assert.Equal(wilson[0], result.Interval.Lower, 1e-6);
        Assert.Equal(wilson[1], result.Interval.Upper, 1e-6);
    }

    [Fact]
    public void Top_box_factory_mirrors_the_bottom_box()
    {
        var scale = CsatScale.TopBox(1, 10, 9);
        Assert.Equal(2, scale.DissatisfiedThrough);
        var result = CustomerSatisfaction.Compute([1, 2, 3, 8, 9, 10], scale);
        Assert.Equal((2L, 2L), (result.Satisfied, result.Dissatisfied));
    }

    [Fact]
    public void Large_input_matches_a_scalar_tally()
    {
        var random = new Random(3);
        var scores = new byte[300_017];
        for (int i = 0; i < scores.Length; i++) scores[i] = (byte)random.Next(1, 6);
        var result = CustomerSatisfaction.Compute(scores, CsatScale.FivePoint);
        Assert.Equal(scores.Count(s => s >= 4), result.Satisfied);
        Assert.Equal(scores.Count(s => s <= 2), result.Dissatisfied);
        Relative.Equal(scores.Average(s => (double)s), result.Mean, 1e-12);
    }

    [Fact]
    public void Empty_input_gives_NaN_and_bad_scores_throw_with_index()
    {
        var empty = CustomerSatisfaction.Compute([], CsatScale.FivePoint);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.SatisfiedShare) && double.IsNaN(empty.Mean) && double.IsNaN(empty.Interval.Upper));
        var scores = Enumerable.Repeat((byte)3, 100).ToArray();
        scores[70] = 0; // below the 1-5 scale
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSatisfaction.Compute(scores, CsatScale.FivePoint));
        Assert.Contains("scores[70]", ex.Message);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSatisfaction.Compute(scores, new CsatScale(1, 5, 6, 2))).ParamName);
        Assert.Equal("CSAT: no ratings (1-5)", empty.ToString());
    }

    [Fact]
    public void Span_path_allocates_nothing()
    {
        var scores = new byte[10_000];
        new Random(1).NextBytes(scores);
        for (int i = 0; i < scores.Length; i++) scores[i] = (byte)(1 + scores[i] % 5);
        Assert.Equal(0, Allocations.Measure(() => CustomerSatisfaction.Compute(scores, CsatScale.FivePoint)));
    }

    [Property(MaxTest = 200)]
    public void Shares_and_mean_are_bounded_and_the_interval_contains_the_share(byte[] raw)
    {
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 7)).ToArray();
        var result = CustomerSatisfaction.Compute(scores, new CsatScale(1, 7, 6, 2));
        if (scores.Length == 0) return;
        Assert.InRange(result.SatisfiedShare, 0, 1);
        Assert.InRange(result.Mean, 1, 7);
        Assert.True(result.Interval.Contains(result.SatisfiedShare));
    }

    [Property(MaxTest = 100)]
    public void Permutation_does_not_change_the_result(byte[] raw, int seed)
    {
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 5)).ToArray();
        var shuffled = scores.ToArray();
        new Random(seed).Shuffle(shuffled);
        Assert.Equal(CustomerSatisfaction.Compute(scores, CsatScale.FivePoint), CustomerSatisfaction.Compute(shuffled, CsatScale.FivePoint));
    }
}
