using CsMetrics.Scheduling;

namespace CsMetrics.Tests.Scheduling;

public class ScheduleJsonTests
{
    /// <summary>The problem example of docs/cli.md.</summary>
    internal const string Example = """
        { "intervalMinutes": 60, "cyclic": false,
          "requirements": [0, 0, 0, 0, 0, 0, 2, 3, 4, 4, 4, 3, 3, 4, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0],
          "understaffCost": 100, "overstaffCost": 1,
          "timeLimitSeconds": 10, "seed": 1,
          "templates": [ { "name": "FT8", "lengthMinutes": 480, "earliestStartMinute": 360,
              "latestStartMinute": 720, "startStepMinutes": 60, "cost": 8, "maxAgents": null,
              "breaks": [ { "lengthMinutes": 60, "earliestAfterStartMinutes": 180,
                            "latestAfterStartMinutes": 300 } ] } ] }
        """;

    [Fact]
    public void The_contract_example_parses()
    {
        var document = ScheduleJson.ParseProblem(Example);
        Assert.Empty(document.Errors);
        var problem = document.Problem!;
        Assert.Equal(60, problem.IntervalMinutes);
        Assert.False(problem.Cyclic);
        Assert.Equal(24, problem.Requirements.Count);
        Assert.Equal(4, problem.Requirements[8]);
        Assert.Equal(100, problem.UnderstaffCost);
        Assert.Equal(1, problem.OverstaffCost);
        Assert.Equal(TimeSpan.FromSeconds(10), document.Options.TimeLimit);
        var template = Assert.Single(problem.Templates);
        Assert.Equal(("FT8", 480, 360, 720, 60, 8.0, (int?)null), (template.Name, template.LengthMinutes, template.EarliestStartMinute,
            template.LatestStartMinute, template.StartStepMinutes, template.Cost, template.MaxAgents));
        Assert.Equal(new BreakRule(60, 180, 300), Assert.Single(template.Breaks));
    }

    [Theory]
    [InlineData(Example)]
    [InlineData("""{ "intervalMinutes": 60, "requirements": [0, 1, 4], "templates": [ { "name": "A", "lengthMinutes": 120, "earliestStartMinute": 0, "latestStartMinute": 60, "startStepMinutes": 60, "cost": 2.5, "maxAgents": 3, "breaks": [] } ] }""")]
    public void A_written_problem_reads_back_as_the_same_problem(string json)
    {
        var original = ScheduleJson.ParseProblem(json);
        var again = ScheduleJson.ParseProblem(ScheduleJson.ToJson(original.Problem!, original.Options));
        Assert.Empty(again.Errors);
        var (a, b) = (original.Problem!, again.Problem!);
        Assert.Equal((a.IntervalMinutes, a.Cyclic, a.UnderstaffCost, a.OverstaffCost), (b.IntervalMinutes, b.Cyclic, b.UnderstaffCost, b.OverstaffCost));
        Assert.Equal(a.Requirements, b.Requirements);
        Assert.Equal((original.Options.TimeLimit, original.Options.Seed), (again.Options.TimeLimit, again.Options.Seed));
        Assert.Equal(a.Templates.SelectMany(t => t.Breaks), b.Templates.SelectMany(t => t.Breaks));
        Assert.Equal(a.Templates.Select(t => t.MaxAgents), b.Templates.Select(t => t.MaxAgents));
        Assert.Equal(a, b);
        Assert.Equal(original, again);
    }

    [Fact]
    public void Omitted_costs_mean_hard_coverage_and_no_overstaffing_cost()
    {
        var document = ScheduleJson.ParseProblem(Example.Replace("\"understaffCost\": 100, \"overstaffCost\": 1,", ""));
        Assert.Empty(document.Errors);
        Assert.Null(document.Problem!.UnderstaffCost);
        Assert.Equal(0, document.Problem.OverstaffCost);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_field_and_template()
    {
        var json = Example.Replace("\"lengthMinutes\": 480", "\"lengthMinutes\": -5")
            .Replace("[0, 0, 0, 0, 0, 0, 2,", "[0, -1, 1.5, 0, 0, 0, 2,")
            .Replace("\"seed\": 1", "\"seed\": 1, \"colour\": 2");
        var errors = ScheduleJson.ParseProblem(json).Errors;
        Assert.Contains(errors, e => e.Field == "requirements[1]");
        Assert.Contains(errors, e => e.Field == "requirements[2]" && e.Message.Contains("whole number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "colour");
        Assert.Contains(errors, e => e.Field == "templates[0].lengthMinutes" && e.Message.StartsWith("template 'FT8'", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_is_one_error_not_an_exception()
    {
        var document = ScheduleJson.ParseProblem("{ \"intervalMinutes\": ");
        Assert.Null(document.Problem);
        Assert.Single(document.Errors);
    }

    [Fact]
    public void The_solution_document_has_the_contract_fields()
    {
        var document = ScheduleJson.ParseProblem(Example);
        var json = ScheduleJson.ToJson(ShiftScheduler.Solve(document.Problem!, document.Options));
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        foreach (var field in new[] { "status", "cost", "lowerBound", "gap", "shifts", "coverage", "understaffed", "overstaffed", "message" })
        {
            Assert.True(parsed.RootElement.TryGetProperty(field, out _), field);
        }
        var shift = parsed.RootElement.GetProperty("shifts")[0];
        foreach (var field in new[] { "template", "day", "startMinute", "breakStartMinutes", "agents" })
        {
            Assert.True(shift.TryGetProperty(field, out _), field);
        }
    }

    [Theory]
    [InlineData("\"seed\": 1,", "\"seed\": 1, \"seed\": 2,", "seed")]
    [InlineData("\"cost\": 8,", "\"cost\": 8, \"cost\": 9,", "templates[0].cost")]
    [InlineData("\"lengthMinutes\": 60,", "\"lengthMinutes\": 60, \"lengthMinutes\": 30,", "templates[0].breaks[0].lengthMinutes")]
    public void A_key_given_twice_is_an_error_with_its_path(string original, string duplicated, string field)
    {
        var json = Example.Replace(original, duplicated, StringComparison.Ordinal);
        Assert.NotEqual(Example, json);
        var document = ScheduleJson.ParseProblem(json);
        Assert.Null(document.Problem);
        var error = Assert.Single(document.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000001", "must be <= 1000000")]
    [InlineData("1e9", "must be <= 1000000")]
    [InlineData("3000000000", "whole number")]
    public void A_requirement_too_large_to_count_is_an_error_not_an_overflow(string requirement, string message)
    {
        var json = Example.Replace("[0, 0, 0, 0, 0, 0, 2,", $"[{requirement}, 0, 0, 0, 0, 0, 2,", StringComparison.Ordinal);
        var error = Assert.Single(ScheduleJson.ParseProblem(json).Errors);
        Assert.Equal("requirements[0]", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_cli_example_an_8_hour_shift_on_a_90_minute_cyclic_horizon_is_an_error()
    {
        // Before: one agent covered 4, 5 and 6 agents' worth (the shift wrapped onto itself).
        var json = """
            { "intervalMinutes": 30, "cyclic": true, "requirements": [2, 3, 3],
              "templates": [ { "name": "FT8", "lengthMinutes": 480, "earliestStartMinute": 360,
                  "latestStartMinute": 720, "startStepMinutes": 30, "cost": 8 } ] }
            """;
        var errors = ScheduleJson.ParseProblem(json).Errors;
        Assert.Contains(errors, e => e.Field == "requirements" && e.Message.Contains("whole number of days", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "templates[0].lengthMinutes" && e.Message.Contains("longer than the cyclic horizon", StringComparison.Ordinal));
    }

    [Fact]
    public void A_solution_document_reads_back_as_the_same_schedule()
    {
        var document = ScheduleJson.ParseProblem(Example);
        var solved = ShiftScheduler.Solve(document.Problem!, Quick);
        var read = ScheduleJson.ParseSolution(ScheduleJson.ToJson(solved), document.Problem!);
        Assert.Empty(read.Errors);
        var solution = read.Solution!;
        Assert.Equal(ScheduleStatus.Evaluated, solution.Status);
        Assert.Equal(solved.Shifts, solution.Shifts);
        Assert.Equal(solved.Coverage, solution.Coverage);
        Assert.Equal(solved.Cost, solution.Cost);
        Assert.Equal(solved.LowerBound, solution.LowerBound);
    }

    [Fact]
    public void A_schedule_from_another_tool_needs_only_its_shifts()
    {
        var problem = ScheduleJson.ParseProblem(Example).Problem!;
        var json = """{ "shifts": [ { "template": "FT8", "day": 0, "startMinute": 360, "breakStartMinutes": [600], "agents": 2 } ] }""";
        var solution = ScheduleJson.ParseSolution(json, problem).Solution!;
        var shifts = new[] { new ScheduledShift("FT8", 0, 360, [600], 2) };
        Assert.Equal(ScheduleOracle.Coverage(problem, shifts), solution.Coverage);
        Assert.Equal(ScheduleOracle.Cost(problem, shifts), solution.Cost, 9);
        Assert.True(double.IsNaN(solution.LowerBound));
        Assert.True(double.IsNaN(solution.Gap));
    }

    [Theory]
    [InlineData("""{ "shifts": [ { "template": "XX", "day": 0, "startMinute": 360, "breakStartMinutes": [600], "agents": 1 } ] }""", "shifts[0].template")]
    [InlineData("""{ "shifts": [ { "template": "FT8", "day": 0, "startMinute": 370, "breakStartMinutes": [600], "agents": 1 } ] }""", "shifts[0].startMinute")]
    [InlineData("""{ "shifts": [ { "template": "FT8", "day": 0, "startMinute": 360, "breakStartMinutes": [1000], "agents": 1 } ] }""", "shifts[0].breakStartMinutes[0]")]
    [InlineData("""{ "shifts": [ { "template": "FT8", "day": 0, "startMinute": 360, "breakStartMinutes": [], "agents": 1 } ] }""", "shifts[0].breakStartMinutes")]
    [InlineData("""{ "shifts": [ { "template": "FT8", "day": 1, "startMinute": 360, "breakStartMinutes": [600], "agents": 1 } ] }""", "shifts[0].day")]
    [InlineData("""{ "shifts": [ { "template": "FT8", "day": 0, "startMinute": 360, "breakStartMinutes": [600], "agents": 0 } ] }""", "shifts[0].agents")]
    [InlineData("""{ "shifts": [ { "template": "FT8", "day": 0, "startMinute": 360, "breakStartMinutes": [600], "agents": 1, "agents": 2 } ] }""", "shifts[0].agents")]
    [InlineData("""{ "shifts": [], "cost": 5 }""", "cost")]
    [InlineData("""{ "shifts": [], "coverage": [1] }""", "coverage")]
    [InlineData("""{ "shifts": [], "understaffed": 3 }""", "understaffed")]
    [InlineData("""{ "shifts": [], "lowerBound": 1e6 }""", "lowerBound")]
    [InlineData("""{ "shifts": [], "colour": 1 }""", "colour")]
    [InlineData("""{ "status": "optimal" }""", "shifts")]
    public void A_solution_document_that_is_wrong_or_contradicts_itself_is_an_error(string json, string field)
    {
        var problem = ScheduleJson.ParseProblem(Example).Problem!;
        var read = ScheduleJson.ParseSolution(json, problem);
        Assert.Null(read.Solution);
        Assert.Contains(read.Errors, e => e.Field == field);
    }

    private static readonly ScheduleSolverOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(2), Seed = 1 };
}
