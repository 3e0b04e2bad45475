using CsMetrics.Quality;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class QaTallyTests
{
    private static readonly Scorecard s_points = new("points",
    [
        new("Accuracy", 50, [ScorecardCriterion.Points("Correct", 10), ScorecardCriterion.Points("Complete", 10)], Target: 0.8),
        new("Manner", 50, [ScorecardCriterion.Points("Polite", 5)], Target: 0.9),
    ], ScoringMethod.TotalPoints, passMark: 0.7);

    [Fact]
    public void Pools_points_instead_of_averaging_percentages()
    {
        var tally = new QaTally(s_points);
        tally.Add([10, 10, 5]);              // 25 / 25 = 100%
        tally.Add([2, double.NaN, 1]);       // 3 / 15 = 20%
        var summary = tally.Summarize();
        Assert.Equal(2, summary.Evaluations);
        Assert.Equal(28 / 40.0, summary.PooledScore, 12);  // pooled: (25 + 3) / (25 + 15)
        Assert.Equal(0.6, summary.MeanOfScores, 12);       // the average of percentages differs
        Assert.Equal(Math.Sqrt(0.32), summary.StandardDeviation, 12);
        Assert.Equal(0.5, summary.PassRate, 12);
        Assert.Equal(22 / 30.0, summary.Sections[0].PooledScore, 12); // (20 + 2) / (20 + 10)
        Assert.Equal(0.5, summary.Sections[0].PassRate, 12); // 20/20 meets 0.8, 2/10 does not
        Assert.Equal(6 / 10.0, summary.Sections[1].PooledScore, 12);
    }

    [Property(MaxTest = 100)]
    public bool Merge_equals_adding_everything_to_one_tally(int seed)
    {
        var random = new Random(seed);
        var card = Scorecard.ContactCentreSeed;
        var evaluations = Enumerable.Range(0, 2 + random.Next(20)).Select(_ => RandomSeedAnswers(random)).ToList();
        int split = random.Next(evaluations.Count + 1);
        var whole = new QaTally(card);
        var left = new QaTally(card);
        var right = new QaTally(card);
        for (int i = 0; i < evaluations.Count; i++)
        {
            whole.Add(evaluations[i]);
            (i < split ? left : right).Add(evaluations[i]);
        }
        left.Merge(right);
        var a = whole.Summarize();
        var b = left.Summarize();
        return a.Evaluations == b.Evaluations && Close(a.PooledScore, b.PooledScore) && Close(a.MeanOfScores, b.MeanOfScores)
            && Close(a.StandardDeviation, b.StandardDeviation) && Close(a.PassRate, b.PassRate)
            && a.Sections.Zip(b.Sections).All(p => Close(p.First.PooledScore, p.Second.PooledScore) && Close(p.First.PassRate, p.Second.PassRate));
    }

    [Fact]
    public void Weighted_sections_pool_each_section_then_weight()
    {
        var card = new Scorecard("weighted",
        [
            new("A", 75, [ScorecardCriterion.Points("a", 10)]),
            new("B", 25, [ScorecardCriterion.Points("b", 4)]),
        ]);
        var tally = new QaTally(card);
        tally.Add([10, 0]);
        tally.Add([0, double.NaN]);
        // Section A pooled 10/20, section B pooled 0/4: 0.75·0.5 + 0.25·0.
        Assert.Equal(0.375, tally.Summarize().PooledScore, 12);
    }

    [Fact]
    public void Adding_an_evaluation_allocates_nothing()
    {
        var tally = new QaTally(Scorecard.ContactCentreSeed);
        double[] answers = [1, 4, 1, 4, 3, 1, 1, 3, 1, 4];
        Assert.Equal(0, Allocations.Measure(() => tally.Add(answers)));
    }

    internal static double[] RandomSeedAnswers(Random random) =>
    [
        random.Next(2), 1 + random.Next(5), random.NextDouble() < 0.2 ? double.NaN : random.Next(2), 1 + random.Next(5), 1 + random.Next(5),
        random.NextDouble() < 0.1 ? 0 : 1, random.Next(2), 1 + random.Next(5), random.Next(2), 1 + random.Next(5),
    ];

    private static bool Close(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) < 1e-9;

    [Fact]
    public void Summaries_compare_by_value_and_an_empty_tally_is_documented_NaN()
    {
        var a = new QaTally(s_points);
        var b = new QaTally(s_points);
        a.Add([10, 10, 5]);
        b.Add([10, 10, 5]);
        Assert.Equal(a.Summarize(), b.Summarize());
        Assert.False(a.Summarize().Sections is QaSectionSummary[]);
        var empty = new QaTally(s_points).Summarize();
        Assert.Equal(0, empty.Evaluations);
        Assert.True(double.IsNaN(empty.PooledScore));
        Assert.True(double.IsNaN(empty.PassRate));
        Assert.True(double.IsNaN(empty.Attainment));
        Assert.False(empty.Sections[0].MeetsTarget);
    }
}
