using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class ScorecardJsonTests
{
    private static Scorecard Read(string json)
    {
        var result = ScorecardJson.Parse(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static IReadOnlyList<QualityInputError> Errors(string json)
    {
        var result = ScorecardJson.Parse(json);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        return result.Errors;
    }

    [Fact]
    public void The_seed_scorecard_round_trips_to_the_same_document_and_scores()
    {
        var seed = Scorecard.ContactCentreSeed;
        string json = ScorecardJson.ToJson(seed);
        var read = Read(json);
        Assert.Equal(json, ScorecardJson.ToJson(read));
        Assert.Equal(seed.Sections, read.Sections); // sections compare by value, criteria included
        Assert.Equal(seed.OverallTarget, read.OverallTarget);
        double[] answers = [1, 4, 1, 5, 4, 1, double.NaN, 3, 1, 4];
        Assert.Equal(seed.Score(answers), read.Score(answers));
    }

    [Property(MaxTest = 100)]
    public bool Any_valid_scorecard_round_trips(int seed)
    {
        var random = new Random(seed);
        var (sections, answers) = ScorecardTests.RandomCard(random, bonus: true);
        var method = random.Next(2) == 0 ? ScoringMethod.TotalPoints : ScoringMethod.WeightedSections;
        var card = new Scorecard("random", sections, method, (NotApplicablePolicy)random.Next(3), (CriticalFailPolicy)random.Next(2), random.NextDouble());
        var read = ScorecardJson.Parse(ScorecardJson.ToJson(card)).Value!;
        return read.Sections.SequenceEqual(card.Sections) && read.PassMark == card.PassMark && read.Method == card.Method
            && read.NotApplicable == card.NotApplicable && read.CriticalFail == card.CriticalFail && read.Score(answers) == card.Score(answers);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var card = Read("""{ "sections": [ { "name": "All", "weight": 100, "criteria": [ { "name": "Greeting" }, { "name": "Tone", "scale": "rating" }, { "name": "Steps", "scale": "points", "max": 4 } ] } ] }""");
        Assert.Equal("Scorecard", card.Name);
        Assert.Equal(ScoringMethod.WeightedSections, card.Method);
        Assert.Equal(NotApplicablePolicy.Exclude, card.NotApplicable);
        Assert.Equal(CriticalFailPolicy.ZeroScore, card.CriticalFail);
        Assert.Equal(ScorecardJson.DefaultPassMark, card.PassMark);
        Assert.Equal(ScorecardCriterion.Binary("Greeting"), card.Criteria[0]);
        Assert.Equal(ScorecardCriterion.Rating("Tone", 1, 5), card.Criteria[1]);
        Assert.Equal(ScorecardCriterion.Points("Steps", 4), card.Criteria[2]);
        Assert.True(double.IsNaN(card.Sections[0].Target));
        Assert.Equal("card", ScorecardJson.Parse("""{ "sections": [ { "name": "A", "weight": 1, "criteria": [ { "name": "a" } ] } ] }""", "card").Value!.Name);
        // null means absent: the default.
        Assert.Equal(0.8, Read("""{ "pass_mark": null, "sections": [ { "name": "A", "weight": 1, "criteria": [ { "name": "a", "allow_na": null } ] } ] }""").PassMark);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_with_its_path_and_the_likely_name()
    {
        var error = Assert.Single(Errors("""{ "sections": [ { "name": "A", "weight": 100, "criteria": [ { "name": "a", "alow_na": false } ] } ] }"""));
        Assert.Equal("sections[0].criteria[0].alow_na", error.Field);
        Assert.Contains("unknown field 'alow_na' (did you mean 'allow_na'?)", error.Message);
        Assert.Equal("Name", Assert.Single(Errors("""{ "Name": "x", "sections": [ { "name": "A", "weight": 1, "criteria": [ { "name": "a" } ] } ] }""")).Field);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_never_first_or_last_wins()
    {
        var errors = Errors("""{ "pass_mark": 0.7, "pass_mark": 0.9, "sections": [ { "name": "A", "weight": 60, "weight": 100, "criteria": [ { "name": "a", "name": "b" } ] } ] }""");
        Assert.Contains(errors, e => e.Field == "pass_mark" && e.Message.Contains("given more than once"));
        Assert.Contains(errors, e => e.Field == "sections[0].weight" && e.Message.Contains("given more than once"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[0].name" && e.Message.Contains("given more than once"));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Fields_that_do_not_apply_and_inconsistent_settings_are_errors()
    {
        var errors = Errors("""
            { "sections": [ { "name": "A", "weight": 100, "criteria": [
                { "name": "yes/no", "max": 5 },
                { "name": "pct", "scale": "percent", "min": 10 },
                { "name": "pts", "scale": "points", "min": 1, "max": 3 },
                { "name": "pts2", "scale": "points" },
                { "name": "soft", "critical_threshold": 0.4 },
                { "name": "soft2", "critical": "none", "critical_threshold": 0.4 },
                { "name": "wow", "bonus": true, "critical": "fail_section" },
                { "name": "half", "scale": "rating", "min": 1.5, "max": 5 },
                { "name": "flat", "scale": "rating", "min": 3, "max": 3 } ] } ] }
            """);
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[0].max" && e.Message.Contains("does not apply to a binary criterion"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[1].min" && e.Message.Contains("does not apply to a percent criterion"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[2].min" && e.Message.Contains("points run from 0"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[3].max" && e.Message.Contains("max is required for a points criterion"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[4].critical_threshold" && e.Message.Contains("only to a critical criterion"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[5].critical_threshold" && e.Message.Contains("critical is \"none\""));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[6].critical" && e.Message.Contains("both a bonus and critical"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[7].min" && e.Message.Contains("whole numbers"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[8].max" && e.Message.Contains("maximum above its minimum"));
        Assert.Equal(9, errors.Count);
    }

    [Fact]
    public void Values_of_the_wrong_kind_or_range_are_located()
    {
        var errors = Errors("""
            { "method": "weighted", "pass_mark": 80, "sections": [
                { "name": "A", "weight": "60", "target": 95, "criteria": [ { "name": "a", "weight": -1, "allow_na": "no", "scale": "stars" } ] },
                { "weight": 40, "criteria": [] },
                7 ] }
            """);
        Assert.Contains(errors, e => e.Field == "method" && e.Message.Contains("'weighted' is not one of weighted_sections, total_points"));
        Assert.Contains(errors, e => e.Field == "pass_mark" && e.Message.Contains("a fraction in [0, 1] (0.8 for 80%); got 80"));
        Assert.Contains(errors, e => e.Field == "sections[0].weight" && e.Message.Contains("must be a number; got \"60\""));
        Assert.Contains(errors, e => e.Field == "sections[0].target" && e.Message.Contains("(0.9 for 90%)"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[0].weight" && e.Message.Contains("finite number > 0; got -1"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[0].allow_na" && e.Message.Contains("true or false"));
        Assert.Contains(errors, e => e.Field == "sections[0].criteria[0].scale" && e.Message.Contains("'stars' is not one of binary, rating, points, percent"));
        Assert.Contains(errors, e => e.Field == "sections[1].name" && e.Message.Contains("name is required"));
        Assert.Contains(errors, e => e.Field == "sections[1].criteria" && e.Message.Contains("has no criteria"));
        Assert.Contains(errors, e => e.Field == "sections[2]" && e.Message.Contains("must be an object; got the number 7"));
    }

    [Fact]
    public void Scorecard_rules_are_reported_with_json_paths()
    {
        var errors = Errors("""
            { "name": "card", "sections": [
                { "name": "Opening", "weight": 60, "criteria": [ { "name": "Greeting" } ] },
                { "name": "opening", "weight": 30, "criteria": [ { "name": "greeting" } ] } ] }
            """);
        Assert.Contains(errors, e => e.Field == "sections[1].name" && e.Message.Contains("section name 'opening' is also used by sections[0]"));
        Assert.Contains(errors, e => e.Field == "sections[1].criteria[0].name" && e.Message.Contains("criterion name 'greeting' is also used by sections[0].criteria[0]"));
        Assert.Contains(errors, e => e.Field == "sections" && e.Message.Contains("sum to 90"));
        // Under weighted sections every section needs its weight; under total points it only shapes the target.
        Assert.Equal("sections[0].weight", Assert.Single(Errors("""{ "sections": [ { "name": "A", "criteria": [ { "name": "a" } ] } ] }""")).Field);
        Assert.Equal(1, Read("""{ "method": "total_points", "sections": [ { "name": "A", "criteria": [ { "name": "a" } ] } ] }""").Sections[0].Weight);
    }

    [Fact]
    public void A_document_that_is_not_a_scorecard_says_so()
    {
        Assert.Contains("not valid JSON (line 3", Assert.Single(Errors("{\n  \"sections\": [ \n")).Message);
        Assert.Equal("", Assert.Single(Errors("[1, 2]")).Field);
        Assert.Equal("sections", Assert.Single(Errors("{}")).Field);
        Assert.Contains("at least one section", Assert.Single(Errors("""{ "sections": [] }""")).Message);
        Assert.Throws<ArgumentNullException>(() => ScorecardJson.Parse(null!));
    }

    [Fact]
    public void The_documented_example_scorecard_reads()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "examples", "data", "quality", "scorecard.json");
        var card = Read(File.ReadAllText(path));
        Assert.Equal(ScoringMethod.TotalPoints, card.Method);
        Assert.Equal(7, card.CriterionCount);
        Assert.True(card.Criteria[^1].IsBonus);
    }

    [Fact]
    public void Errors_print_as_field_then_message_and_results_compare_by_value()
    {
        var a = ScorecardJson.Parse("""{ "sections": [ { "name": "A", "weight": 100, "criteria": [ { "name": "a", "alow_na": false } ] } ] }""");
        var b = ScorecardJson.Parse("""{ "sections": [ { "name": "A", "weight": 100, "criteria": [ { "name": "a", "alow_na": false } ] } ] }""");
        Assert.Equal(a, b);
        Assert.StartsWith("sections[0].criteria[0].alow_na: unknown field", a.Errors[0].ToString());
        Assert.Equal("matrix[1, 2]: m", new QualityInputError("matrix", "m") { Row = 1, Column = 2 }.ToString());
        Assert.Contains("1 problem(s)", a.ToString());
        var ex = Assert.Throws<ArgumentException>(() => a.GetValueOrThrow("json"));
        Assert.Equal("json", ex.ParamName);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CsMetrics.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CsMetrics.sln not found above the test output.");
    }
}
