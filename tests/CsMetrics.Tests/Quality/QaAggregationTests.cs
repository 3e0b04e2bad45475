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
        // Per-evaluation scores {0.5, 0, 1} and {1, 0.5, 1}: sample variances 0.25 and 1/12, n = 3 each, so
        // SE = sqrt(0.25/3 + 1/36) = sqrt(1/9) = 1/3 and z = (5/6 - 1/2) / (1/3) = 1 (worked by hand).
        Assert.Equal(1 / 3.0, trend.StandardError, 12);
        Assert.Equal(1, trend.Z, 12);
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
        // Levels are fractions: 95 is rejected with the convention named, not read as 95%... or 9500%.
        var percent = Assert.Throws<ArgumentOutOfRangeException>(() => QaAggregation.EvaluationsForMarginOfError(0.15, 0.05, level: 95));
        Assert.Equal("level", percent.ParamName);
        Assert.Contains("use 0.95", percent.Message);
        // A margin so small that the count overflows is an error, not a wrapped-around number.
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => QaAggregation.EvaluationsForMarginOfError(0.15, 1e-200)).ParamName);
    }

    [Fact]
    public void Groups_keep_first_seen_order_take_a_comparer_and_locate_bad_answers()
    {
        var keys = Enumerable.Range(0, 50).Select(i => $"agent-{(i * 37) % 50}").ToArray();
        var groups = QaAggregation.ByGroup(s_card, keys.Select(k => (k, new double[] { 1, 0 })));
        Assert.Equal(keys, groups.Keys);
        var folded = QaAggregation.ByGroup(s_card, [("Ann", new double[] { 1, 1 }), ("ann", new double[] { 0, 0 })], StringComparer.OrdinalIgnoreCase);
        Assert.Equal(0.5, Assert.Single(folded).Value.PooledScore, 12);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => QaAggregation.ByGroup(s_card, [("a", new double[] { 1, 1 }), ("b", new double[] { 1, 2 })]));
        Assert.Equal("evaluations", ex.ParamName);
        Assert.Contains("evaluations[1]: answers[1]", ex.Message);
        Assert.Contains("evaluations[0] has no answers", Assert.Throws<ArgumentException>(() => QaAggregation.ByGroup(s_card, [("a", (double[])null!)])).Message);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, QaSummary>)groups).Clear());
    }

    [Fact]
    public void Ninety_ninety_counts_equality_and_falls_back_to_the_pass_mark()
    {
        // Nine of ten agents reach the target: a share of exactly 0.9 passes.
        var agents = QaAggregation.ByGroup(s_card, Enumerable.Range(0, 10).Select(i => (i, i == 0 ? new double[] { 0, 0 } : new double[] { 1, 1 }))).Values;
        var check = QaAggregation.NinetyNinety(agents, s_card);
        Assert.Equal(0.9, check.Target);
        Assert.Equal(0.9, check.Share, 12);
        Assert.True(check.Passed);
        var noTargets = new Scorecard("plain", [new("All", 100, [ScorecardCriterion.Binary("a"), ScorecardCriterion.Binary("b")])], passMark: 0.75);
        Assert.Equal(0.75, QaAggregation.NinetyNinety(agents, noTargets).Target);
        var nothing = new Scorecard("none", [new("All", 100, [ScorecardCriterion.Binary("a")])], passMark: 0);
        var none = QaAggregation.NinetyNinety(agents, nothing);
        Assert.True(double.IsNaN(none.Target));
        Assert.False(none.Passed);
    }
}
