using CsMetrics.Quality;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class ScorecardTests
{
    private static Scorecard MaestroTotalPoints() => new("MaestroQA total points",
    [
        new("All", 100,
        [
            ScorecardCriterion.Points("A", 5),
            ScorecardCriterion.Points("B", 10),
            ScorecardCriterion.Points("C", 15),
            ScorecardCriterion.Points("D", 5),
        ]),
    ], ScoringMethod.TotalPoints);

    [Fact]
    public void MaestroQA_total_point_rubric_and_NA_from_cases()
    {
        var item = QualityCases.Root.GetProperty("qa").GetProperty("maestro_total_points");
        var earned = QualityCases.Vector(item.GetProperty("earned"));
        var card = MaestroTotalPoints();
        Assert.Equal(item.GetProperty("score").GetDouble(), card.Score(earned).Score, 12);
        earned[^1] = double.NaN; // N/A removes the criterion's maximum: 16/30
        Assert.Equal(item.GetProperty("last_NA_score").GetDouble(), card.Score(earned).Score, 12);
    }

    [Fact]
    public void Zendesk_category_scores_from_cases()
    {
        var item = QualityCases.Root.GetProperty("qa").GetProperty("zendesk_category_score");
        var four = new Scorecard("z4", [new("s", 100, [ScorecardCriterion.Rating("four-point", 1, 4)])]);
        var five = new Scorecard("z5", [new("s", 100, [ScorecardCriterion.Rating("five-point", 1, 5)])]);
        Assert.Equal(item.GetProperty("4pt_rating3").GetDouble(), four.Score([3]).Score * 100, 4);
        Assert.Equal(item.GetProperty("5pt_rating4").GetDouble(), five.Score([4]).Score * 100, 12);
    }

    [Fact]
    public void MaestroQA_weighted_sections_example_gives_70_percent_and_65_as_total_points()
    {
        // DEFINITIONS.md §4.2 (help.maestroqa.com): maxima 3, 10, 5, 2; weights 10/30/50/10%; earned 3, 5, 4, 1.
        ScorecardSection[] sections =
        [
            new("S1", 10, [ScorecardCriterion.Points("c1", 3)]),
            new("S2", 30, [ScorecardCriterion.Points("c2", 10)]),
            new("S3", 50, [ScorecardCriterion.Points("c3", 5)]),
            new("S4", 10, [ScorecardCriterion.Points("c4", 2)]),
        ];
        double[] earned = [3, 5, 4, 1];
        Assert.Equal(0.70, new Scorecard("weighted", sections).Score(earned).Score, 12);
        Assert.Equal(0.65, new Scorecard("total", sections, ScoringMethod.TotalPoints).Score(earned).Score, 12);
    }

    [Fact]
    public void Zendesk_critical_category_below_half_zeroes_the_review()
    {
        var card = new Scorecard("zendesk",
        [
            new("Review", 1,
            [
                ScorecardCriterion.Rating("Solution", 1, 5, weight: 2),
                ScorecardCriterion.Rating("Tone", 1, 5),
                ScorecardCriterion.Rating("Security", 1, 4, critical: CriticalEffect.FailEvaluation),
            ]),
        ], ScoringMethod.TotalPoints);
        // Security 3 of 1..4 = 66.7% >= 50%: (2·0.75 + 1·1 + 0.6667) / 4.
        Assert.Equal((2 * 0.75 + 1 + 2 / 3.0) / 4, card.Score([4, 5, 3]).Score, 12);
        // Security 2 of 1..4 = 33.3% < 50%: the review is 0.
        var failed = card.Score([4, 5, 2]);
        Assert.Equal(0, failed.Score);
        Assert.True(failed.AutoFailed);
        var kept = new Scorecard("keep", card.Sections, ScoringMethod.TotalPoints, criticalFail: CriticalFailPolicy.KeepScore).Score([4, 5, 2]);
        Assert.Equal((2 * 0.75 + 1 + 1 / 3.0) / 4, kept.Score, 12);
        Assert.True(kept.AutoFailed);
        Assert.False(kept.Passes(0.5));
    }

    [Fact]
    public void Fail_section_overrides_NA_and_fail_all_overrides_everything()
    {
        var card = new Scorecard("scorebuddy",
        [
            new("Compliance", 50, [ScorecardCriterion.Binary("Disclosure read", critical: CriticalEffect.FailSection), ScorecardCriterion.Points("Notes", 4)]),
            new("Soft skills", 50, [ScorecardCriterion.Points("Empathy", 6), ScorecardCriterion.Binary("Fraud check", critical: CriticalEffect.FailEvaluation)]),
        ], ScoringMethod.TotalPoints);
        // Section 1 failed: its 4 earned points are lost but its 5 possible stay: (0 + 6 + 1) / (5 + 7).
        var failedSection = card.Score([0, 4, 6, 1]);
        Assert.Equal(7 / 12.0, failedSection.Score, 12);
        Assert.Equal(1, failedSection.FailedSections);
        // N/A notes inside the failed section: possible 1 + 7.
        Assert.Equal(7 / 8.0, card.Score([0, double.NaN, 6, 1]).Score, 12);
        Assert.Equal(0, card.Score([1, 4, 6, 0]).Score);
    }

    [Fact]
    public void Bonus_criteria_lift_the_score_above_one()
    {
        var card = new Scorecard("bonus",
        [
            new("Core", 100, [ScorecardCriterion.Points("Resolution", 10), ScorecardCriterion.Points("Wow moment", 2) with { IsBonus = true }]),
        ], ScoringMethod.TotalPoints);
        Assert.Equal(1.2, card.Score([10, 2]).Score, 12);
        Assert.Equal(0.5, card.Score([5, double.NaN]).Score, 12);

        var weighted = new Scorecard("bonus weighted",
        [
            new("A", 60, [ScorecardCriterion.Binary("a")]),
            new("B", 40, [ScorecardCriterion.Binary("b"), ScorecardCriterion.Binary("extra", weight: 5) with { IsBonus = true }]),
        ]);
        Assert.Equal(1.05, weighted.Score([1, 1, 1]).Score, 12); // +5 on a 100-point card
    }

    [Fact]
    public void NA_policies_exclude_count_as_pass_or_count_as_zero()
    {
        ScorecardSection[] sections = [new("s", 1, [ScorecardCriterion.Binary("a"), ScorecardCriterion.Binary("b"), ScorecardCriterion.Binary("c")])];
        double[] answers = [1, 0, double.NaN];
        Assert.Equal(0.5, new Scorecard("x", sections, notApplicable: NotApplicablePolicy.Exclude).Score(answers).Score, 12);
        Assert.Equal(2 / 3.0, new Scorecard("p", sections, notApplicable: NotApplicablePolicy.CountAsFullScore).Score(answers).Score, 12);
        Assert.Equal(1 / 3.0, new Scorecard("z", sections, notApplicable: NotApplicablePolicy.CountAsZero).Score(answers).Score, 12);
        Assert.True(double.IsNaN(new Scorecard("x", sections).Score([double.NaN, double.NaN, double.NaN]).Score));
    }

    [Property(MaxTest = 100)]
    public bool NA_renormalisation_equals_scoring_the_reduced_card(int seed)
    {
        var random = new Random(seed);
        var (sections, answers) = RandomCard(random, bonus: false);
        if (answers.Length < 2)
        {
            return true; // a one-criterion card has nothing left to compare with
        }
        var method = random.Next(2) == 0 ? ScoringMethod.TotalPoints : ScoringMethod.WeightedSections;
        var full = new Scorecard("full", sections, method);
        // Mark one criterion N/A, and build the card without it (a section left empty is dropped with its weight).
        int flat = random.Next(answers.Length);
        answers[flat] = double.NaN;
        var reduced = new List<ScorecardSection>();
        var reducedAnswers = new List<double>();
        int c = 0;
        foreach (var section in sections)
        {
            var kept = new List<ScorecardCriterion>();
            foreach (var criterion in section.Criteria)
            {
                if (c != flat)
                {
                    kept.Add(criterion);
                    reducedAnswers.Add(answers[c]);
                }
                c++;
            }
            if (kept.Count > 0)
            {
                reduced.Add(section with { Criteria = kept });
            }
        }
        double keptWeight = reduced.Sum(s => s.Weight);
        reduced = reduced.Select(s => s with { Weight = s.Weight / keptWeight }).ToList();
        double a = full.Score(answers).Score;
        double b = new Scorecard("reduced", reduced, method).Score(reducedAnswers.ToArray()).Score;
        return Math.Abs(a - b) < 1e-12;
    }

    [Property(MaxTest = 200)]
    public bool Score_is_in_unit_interval_without_bonus(int seed)
    {
        var random = new Random(seed);
        var (sections, answers) = RandomCard(random, bonus: false);
        double score = new Scorecard("card", sections, random.Next(2) == 0 ? ScoringMethod.TotalPoints : ScoringMethod.WeightedSections).Score(answers).Score;
        return score >= 0 && score <= 1;
    }

    [Property(MaxTest = 100)]
    public bool Normalised_section_weights_sum_to_one(int seed)
    {
        var (sections, _) = RandomCard(new Random(seed), bonus: false);
        return Math.Abs(new Scorecard("card", sections).SectionWeights.ToArray().Sum() - 1) < 1e-12;
    }

    [Property(MaxTest = 100)]
    public bool Bonus_only_adds_to_the_score(int seed)
    {
        var (sections, answers) = RandomCard(new Random(seed), bonus: true);
        var card = new Scorecard("card", sections, ScoringMethod.TotalPoints);
        var score = card.Score(answers);
        // Without the bonus criteria (answers N/A) the score is the base; the bonus share is what is added on top.
        var withoutBonus = answers.Select((a, i) => card.Criteria[i].IsBonus ? double.NaN : a).ToArray();
        double baseScore = card.Score(withoutBonus).Score;
        return double.IsNaN(baseScore) || (score.Score >= baseScore - 1e-12 && Math.Abs(score.Score - baseScore - score.Bonus) < 1e-12 && baseScore <= 1 + 1e-12);
    }

    [Fact]
    public void Section_weights_must_sum_to_100_or_1()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Scorecard("bad",
        [
            new("Product knowledge", 25, [ScorecardCriterion.Binary("a")]),
            new("Communication", 70, [ScorecardCriterion.Binary("b")]),
        ]));
        Assert.Contains("sum to 95", ex.Message);
        Assert.Contains("'Communication' 70", ex.Message);
        // Fractions summing to 1 are fine; total-points cards ignore section weights.
        _ = new Scorecard("ok", [new("a", 0.4, [ScorecardCriterion.Binary("a")]), new("b", 0.6, [ScorecardCriterion.Binary("b")])]);
        _ = new Scorecard("ok", [new("a", 3, [ScorecardCriterion.Binary("a")])], ScoringMethod.TotalPoints);
    }

    [Fact]
    public void Answers_outside_their_scale_and_forbidden_NA_name_the_criterion()
    {
        var card = Scorecard.ContactCentreSeed;
        double[] answers = [1, 4, 1, 7, 4, 1, 1, 4, 1, 5];
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => card.Score(answers));
        Assert.Contains("answers[3]", ex.Message);
        Assert.Contains("Tone and empathy", ex.Message);
        answers[3] = 3.5; // ratings are whole numbers
        Assert.Contains("whole number", Assert.Throws<ArgumentOutOfRangeException>(() => card.Score(answers)).Message);
        answers[3] = 4;
        answers[5] = double.NaN;
        Assert.Contains("Identity verified", Assert.Throws<ArgumentException>(() => card.Score(answers)).Message);
        Assert.Throws<ArgumentException>(() => card.Score([1, 2]));
    }

    [Fact]
    public void Seed_scorecard_has_the_domain_weights_and_targets()
    {
        var card = Scorecard.ContactCentreSeed;
        Assert.Equal([0.25, 0.25, 0.20, 0.20, 0.10], card.SectionWeights.ToArray());
        Assert.Equal([0.95, 0.90, 1.00, 0.85, 0.875], card.Sections.Select(s => s.Target).ToArray());
        Assert.Equal(0.92, card.OverallTarget, 12); // 0.2375 + 0.225 + 0.2 + 0.17 + 0.0875, as docs/quality.md states
        // A perfect evaluation scores 1; failing identity verification zeroes it.
        double[] perfect = [1, 5, 1, 5, 5, 1, 1, 5, 1, 5];
        Assert.Equal(1, card.Score(perfect).Score, 12);
        perfect[5] = 0;
        Assert.Equal(0, card.Score(perfect).Score);
        Assert.Contains("Product knowledge", card.ToString());
    }

    [Fact]
    public void Scoring_allocates_nothing()
    {
        var card = Scorecard.ContactCentreSeed;
        double[] answers = [1, 4, 1, 4, 3, 1, double.NaN, 3, 1, 4];
        var many = Enumerable.Range(0, 100).SelectMany(_ => answers).ToArray();
        var scores = new double[100];
        var earned = new double[5];
        var possible = new double[5];
        Assert.Equal(0, Allocations.Measure(() => card.Score(answers)));
        Assert.Equal(0, Allocations.Measure(() => card.Score(answers, earned, possible)));
        Assert.Equal(0, Allocations.Measure(() => card.ScoreMany(many, scores)));
        Assert.Equal(card.Score(answers).Score, scores[99], 15);
    }

    [Fact]
    public void A_score_equal_to_the_pass_mark_in_decimal_passes()
    {
        // Criteria weighted 0.7, 0.1 and 0.2 with the first two met: 0.8 in decimal, 0.7999999999999999 in binary.
        var card = new Scorecard("decimal", [new("All", 1, [ScorecardCriterion.Binary("a", weight: 0.7), ScorecardCriterion.Binary("b", weight: 0.1), ScorecardCriterion.Binary("c", weight: 0.2)])],
            ScoringMethod.TotalPoints, passMark: 0.8);
        var score = card.Score([1, 1, 0]);
        Assert.True(score.Score < 0.8); // the binary sum falls short...
        Assert.True(score.Passes(0.8)); // ...but the mark is met
        Assert.False(card.Score([0, 1, 1]).Passes(0.8));
        // A critical criterion exactly at its threshold does not fail: 3 of 1..5 is 0.5.
        var critical = new Scorecard("c", [new("All", 1, [ScorecardCriterion.Rating("Security", 1, 5, critical: CriticalEffect.FailEvaluation)])]);
        Assert.False(critical.Score([3]).AutoFailed);
        Assert.True(critical.Score([2]).AutoFailed);
    }

    [Fact]
    public void A_bonus_that_must_be_answered_rejects_NA()
    {
        var card = new Scorecard("bonus",
        [
            new("Core", 100, [ScorecardCriterion.Points("Resolution", 10), ScorecardCriterion.Binary("Wow", allowNotApplicable: false) with { IsBonus = true }]),
        ], ScoringMethod.TotalPoints);
        Assert.Contains("Wow", Assert.Throws<ArgumentException>(() => card.Score([5, double.NaN])).Message);
        Assert.Equal("criterion 'Wow' does not allow N/A", card.ProblemWithAnswer(1, double.NaN));
        Assert.Equal(0.5, card.Score([5, 0]).Score, 12);
    }

    [Fact]
    public void Inconsistent_definitions_are_rejected_naming_the_parameter_and_path()
    {
        static ArgumentException Reject(params ScorecardSection[] sections) =>
            Assert.ThrowsAny<ArgumentException>(() => new Scorecard("card", sections, ScoringMethod.TotalPoints));
        var binary = Reject(new ScorecardSection("A", 1, [ScorecardCriterion.Binary("a") with { Maximum = 5 }]));
        Assert.Equal("sections", binary.ParamName);
        Assert.Contains("sections[0].Criteria[0].Maximum: criterion 'a' is binary", binary.Message);
        Assert.Contains("whole numbers", Reject(new ScorecardSection("A", 1, [ScorecardCriterion.Rating("a", 1, 5) with { Maximum = 4.5 }])).Message);
        Assert.Contains("percentage", Reject(new ScorecardSection("A", 1, [ScorecardCriterion.Percent("a") with { Maximum = 10 }])).Message);
        Assert.Contains("section name 'a' is also used by sections[0]",
            Reject(new ScorecardSection("A", 1, [ScorecardCriterion.Binary("x")]), new ScorecardSection("a", 1, [ScorecardCriterion.Binary("y")])).Message);
        Assert.Contains("a criterion needs a name", Reject(new ScorecardSection("A", 1, [ScorecardCriterion.Binary(" ")])).Message);
        var weight = Assert.Throws<ArgumentOutOfRangeException>(() => new Scorecard("card", [new("A", 1, [ScorecardCriterion.Binary("a", weight: 0)])]));
        Assert.Equal("sections", weight.ParamName);
        Assert.Contains("sections[0].Criteria[0].Weight", weight.Message);
        var mark = Assert.Throws<ArgumentOutOfRangeException>(() => new Scorecard("card", [new("A", 1, [ScorecardCriterion.Binary("a")])], passMark: 80));
        Assert.Equal("passMark", mark.ParamName);
        Assert.Contains("(0.8 for 80%)", mark.Message);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => new Scorecard("card", [new("A", 1, [ScorecardCriterion.Binary("a")])], (ScoringMethod)9)).ParamName);
        Assert.Throws<ArgumentException>(() => ScorecardSection.TargetOnScale(4, 5, 5));
    }

    [Fact]
    public void Sections_are_values_that_keep_a_copy_of_their_criteria()
    {
        var criteria = new[] { ScorecardCriterion.Binary("a"), ScorecardCriterion.Binary("b") };
        var section = new ScorecardSection("S", 1, criteria);
        criteria[0] = ScorecardCriterion.Binary("changed");
        Assert.Equal("a", section.Criteria[0].Name);
        Assert.Equal(section, new ScorecardSection("S", 1, [ScorecardCriterion.Binary("a"), ScorecardCriterion.Binary("b")]));
        Assert.False(section.Criteria is ScorecardCriterion[]);
        Assert.False(Scorecard.ContactCentreSeed.Sections is ScorecardSection[]); // the compiled card's lists cannot be changed through a cast
        Assert.False(Scorecard.ContactCentreSeed.Criteria is ScorecardCriterion[]);
        // Section weights of 1/3 each sum to 1 in decimal; the one tolerance rule accepts them.
        _ = new Scorecard("thirds", [new("a", 100 / 3.0, [ScorecardCriterion.Binary("a")]), new("b", 100 / 3.0, [ScorecardCriterion.Binary("b")]), new("c", 100 / 3.0, [ScorecardCriterion.Binary("c")])]);
    }

    /// <summary>A random valid scorecard (1-4 sections, 1-4 criteria each, mixed scales) and a valid answer per criterion.</summary>
    internal static (ScorecardSection[] Sections, double[] Answers) RandomCard(Random random, bool bonus)
    {
        int sectionCount = 1 + random.Next(4);
        var raw = Enumerable.Range(0, sectionCount).Select(_ => 1.0 + random.Next(10)).ToArray();
        double total = raw.Sum();
        var answers = new List<double>();
        var sections = new ScorecardSection[sectionCount];
        int id = 0;
        for (int s = 0; s < sectionCount; s++)
        {
            var criteria = new List<ScorecardCriterion>();
            int count = 1 + random.Next(4);
            for (int i = 0; i < count; i++)
            {
                string name = $"c{id++}";
                switch (random.Next(4))
                {
                    case 0:
                        criteria.Add(ScorecardCriterion.Binary(name, weight: 1 + random.Next(3)));
                        answers.Add(random.Next(2));
                        break;
                    case 1:
                        criteria.Add(ScorecardCriterion.Rating(name, 1, 5, weight: 1 + random.Next(3)));
                        answers.Add(1 + random.Next(5));
                        break;
                    case 2:
                        criteria.Add(ScorecardCriterion.Points(name, 2 + random.Next(9)));
                        answers.Add(random.NextDouble() * 2);
                        break;
                    default:
                        criteria.Add(ScorecardCriterion.Percent(name));
                        answers.Add(random.NextDouble() * 100);
                        break;
                }
                if (bonus && random.Next(5) == 0)
                {
                    criteria[^1] = criteria[^1] with { IsBonus = true };
                }
            }
            sections[s] = new ScorecardSection($"s{s}", raw[s] / total * 100, criteria);
        }
        return (sections, answers.ToArray());
    }
}
