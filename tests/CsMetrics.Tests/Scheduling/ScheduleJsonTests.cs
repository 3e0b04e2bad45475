using CsMetrics.Scheduling;

namespace CsMetrics.Tests.Scheduling;

public class ScheduleJsonTests
{
    private const string Example = """
        { "intervalMinutes": 30, "cyclic": true,
          "requirements": [2, 3, 3],
          "understaffCost": 100, "overstaffCost": 1,
          "timeLimitSeconds": 10, "seed": 1,
          "templates": [ { "name": "FT8", "lengthMinutes": 480, "earliestStartMinute": 360,
              "latestStartMinute": 720, "startStepMinutes": 30, "cost": 8, "maxAgents": null,
              "breaks": [ { "lengthMinutes": 30, "earliestAfterStartMinutes": 180,
                            "latestAfterStartMinutes": 300 } ] } ] }
        """;

    [Fact]
    public void The_contract_example_parses()
    {
        var document = ScheduleJson.ParseProblem(Example);
        Assert.Empty(document.Errors);
        var problem = document.Problem!;
        Assert.Equal(30, problem.IntervalMinutes);
        Assert.True(problem.Cyclic);
        Assert.Equal([2, 3, 3], problem.Requirements);
        Assert.Equal(100, problem.UnderstaffCost);
        Assert.Equal(1, problem.OverstaffCost);
        Assert.Equal(TimeSpan.FromSeconds(10), document.Options.TimeLimit);
        var template = Assert.Single(problem.Templates);
        Assert.Equal(("FT8", 480, 360, 720, 30, 8.0, (int?)null), (template.Name, template.LengthMinutes, template.EarliestStartMinute,
            template.LatestStartMinute, template.StartStepMinutes, template.Cost, template.MaxAgents));
        Assert.Equal(new BreakRule(30, 180, 300), Assert.Single(template.Breaks));
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
        Assert.Equal(a.Templates.Select(t => t.ToString()), b.Templates.Select(t => t.ToString()));
        Assert.Equal(a.Templates.SelectMany(t => t.Breaks), b.Templates.SelectMany(t => t.Breaks));
        Assert.Equal(a.Templates.Select(t => t.MaxAgents), b.Templates.Select(t => t.MaxAgents));
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
            .Replace("[2, 3, 3]", "[2, -1, 1.5]")
            .Replace("\"seed\": 1", "\"seed\": 1, \"colour\": 2");
        var errors = ScheduleJson.ParseProblem(json).Errors;
        Assert.Contains(errors, e => e.Field == "requirements[1]");
        Assert.Contains(errors, e => e.Field == "requirements[2]" && e.Message.Contains("whole number"));
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
}
