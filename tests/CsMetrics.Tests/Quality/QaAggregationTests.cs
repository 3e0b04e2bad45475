using CsMetrics.Quality;

namespace CsMetrics.Tests.Quality;

public class QaAggregationTests
{
    private static readonly Scorecard s_card = new("binary",
        [new("All", 100, [ScorecardCriterion.Binary("a"), ScorecardCriterion.Binary("b")], Target: 0.9)], passMark: 0.5);

    [Fact]
    public void Groups_are_pooled_separately_in_first_seen_order()
    {
        var groups = QaAggregation.ByGroup(s_card,
        [
            ("ann", new double[] { 1, 1 }),
            ("bob", new double[] { 0, 1 }),
            ("ann", new double[] { 1, 0 }),
        ]);
        Assert.Equal(["ann", "bob"], groups.Keys.ToArray());
        Assert.Equal(0.75, groups["ann"].PooledScore, 12);
        Assert.Equal(0.5, groups["bob"].PooledScore, 12);
    }

    [Fact]
    public void Ninety_ninety_counts_agents_reaching_ninety_percent_of_target()
    {
        var agents = QaAggregation.ByGroup(s_card,
        [
            ("a", new double[] { 1, 1 }),     // 1.00 >= 0.81
            ("b", new double[] { 1, 0 }),     // 0.50 <  0.81
            ("c", new double[] { 1, 1 }),
            ("d", new double[] { 1, 1 }),
        ]).Values;
        var check = QaAggregation.NinetyNinety(agents, target: 0.9);
        Assert.Equal(3, check.AgentsReaching);
        Assert.Equal(4, check.Agents);
        Assert.Equal(0.75, check.Share, 12);
        Assert.False(check.Passed);
        Assert.True(QaAggregation.NinetyNinety(agents, 0.9, requiredShare: 0.75).Passed);
    }

    [Fact]
    public void Trend_compares_pooled_scores_with_a_standard_error()
    {
        var periods = QaAggregation.ByGroup(s_card,
        [
            (1, new double[] { 1, 0 }), (1, new double[] { 0, 0 }), (1, new double[] { 1, 1 }),
            (2, new double[] { 1, 1 }), (2, new double[] { 1, 0 }), (2, new double[] { 1, 1 }),
        ]);
        var trend = QaAggregation.Trend(periods[1], periods[2]);
        Assert.Equal(0.5, trend.Previous, 12);
        Assert.Equal(5 / 6.0, trend.Current, 12);
        // Per-evaluation scores {0.5, 0, 1} and {1, 0.5, 1}: sample variances 0.25 and 1/12, n = 3 each.
        double se = Math.Sqrt(0.25 / 3 + 1 / 12.0 / 3);
        Assert.Equal(se, trend.StandardError, 12);
        Assert.Equal((5 / 6.0 - 0.5) / se, trend.Z, 12);
    }

    [Fact]
    public void Sample_size_follows_Cochran_with_finite_population_correction()
    {
        // n0 = (1.959964 · 0.15 / 0.05)² = 34.57 -> 35; with N = 100 contacts: 34.57 / (1 + 33.57/100) = 25.88 -> 26.
        Assert.Equal(35, QaAggregation.EvaluationsForMarginOfError(0.15, 0.05));
        Assert.Equal(26, QaAggregation.EvaluationsForMarginOfError(0.15, 0.05, population: 100));
        // 99%: z = 2.5758: (2.5758 · 0.2 / 0.05)² = 106.2 -> 107.
        Assert.Equal(107, QaAggregation.EvaluationsForMarginOfError(0.2, 0.05, 0.99));
        Assert.Throws<ArgumentOutOfRangeException>(() => QaAggregation.EvaluationsForMarginOfError(0.1, 0));
    }
}
