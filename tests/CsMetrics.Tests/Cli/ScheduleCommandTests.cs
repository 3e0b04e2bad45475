using System.Text.Json;
using CsMetrics.Scheduling;
using CsMetrics.Tests.Infrastructure;
using CsMetrics.Tests.Scheduling;

namespace CsMetrics.Tests.Cli;

public class ScheduleCommandTests
{
    [Fact]
    public void The_solution_recomputes_to_the_reported_coverage_and_cost()
    {
        var input = ReferenceData.ReadText("scheduling/day15_breaks_soft.json").Replace("\"timeLimitSeconds\": 10", "\"timeLimitSeconds\": 2");
        var result = CliRunner.RunWithInput(input, "schedule");
        Assert.Equal(0, result.ExitCode);
        var problem = ScheduleJson.ParseProblem(input).Problem!;
        using var solution = JsonDocument.Parse(result.Output);
        var root = solution.RootElement;
        var shifts = root.GetProperty("shifts").EnumerateArray().Select(s => new ScheduledShift(
            s.GetProperty("template").GetString()!,
            s.GetProperty("day").GetInt32(),
            s.GetProperty("startMinute").GetInt32(),
            s.GetProperty("breakStartMinutes").EnumerateArray().Select(b => b.GetInt32()).ToArray(),
            s.GetProperty("agents").GetInt32())).ToList();
        var coverage = ScheduleOracle.Coverage(problem, shifts);
        Assert.Equal(coverage, root.GetProperty("coverage").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        Assert.Equal(ScheduleOracle.Cost(problem, shifts), root.GetProperty("cost").GetDouble(), 6);
        Assert.Equal(coverage.Select((c, i) => Math.Max(0, problem.Requirements[i] - c)).Sum(), root.GetProperty("understaffed").GetInt32());
        Assert.Equal(coverage.Select((c, i) => Math.Max(0, c - problem.Requirements[i])).Sum(), root.GetProperty("overstaffed").GetInt32());
        Assert.True(root.GetProperty("lowerBound").GetDouble() <= root.GetProperty("cost").GetDouble());
        Assert.Contains(root.GetProperty("status").GetString(), new[] { "optimal", "feasible" });
    }

    [Fact]
    public void Invalid_fields_are_located_errors_with_exit_code_2()
    {
        var input = """
            { "intervalMinutes": 30, "requirements": [1, 2],
              "templates": [ { "name": "FT8", "lengthMinutes": 480, "earliestStartMinute": 360,
                "latestStartMinute": 300, "startStepMinutes": 30, "cost": 8 } ] }
            """;
        var result = CliRunner.RunWithInput(input, "schedule");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: <stdin>: field 'templates[0].latestStartMinute': template 'FT8'", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Malformed_json_is_bad_input()
    {
        var result = CliRunner.RunWithInput("{ not json", "schedule");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: <stdin>: not valid JSON", result.Error);
    }

    [Fact]
    public void Infeasible_hard_coverage_is_a_solution_not_an_error()
    {
        var input = """
            { "intervalMinutes": 60, "requirements": [1, 1, 0, 0, 3],
              "templates": [ { "name": "Early", "lengthMinutes": 120, "earliestStartMinute": 0,
                "latestStartMinute": 0, "startStepMinutes": 60, "cost": 2 } ] }
            """;
        var result = CliRunner.RunWithInput(input, "schedule");
        Assert.Equal(0, result.ExitCode);
        using var solution = JsonDocument.Parse(result.Output);
        Assert.Equal("infeasible", solution.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, solution.RootElement.GetProperty("cost").ValueKind);
        Assert.Contains("4 (day 0 04:00)", solution.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void The_cli_md_example_gives_coverage_its_agents_can_deliver()
    {
        var result = CliRunner.RunWithInput(ScheduleJsonTests.Example.Replace("\"timeLimitSeconds\": 10", "\"timeLimitSeconds\": 2", StringComparison.Ordinal), "schedule");
        Assert.Equal(0, result.ExitCode);
        using var solution = JsonDocument.Parse(result.Output);
        var root = solution.RootElement;
        int agents = root.GetProperty("shifts").EnumerateArray().Sum(s => s.GetProperty("agents").GetInt32());
        // Never an agent counted twice: no interval has more working agents than agents scheduled.
        Assert.All(root.GetProperty("coverage").EnumerateArray(), c => Assert.InRange(c.GetInt32(), 0, agents));
        Assert.Equal(0, root.GetProperty("understaffed").GetInt32());
    }

    [Theory]
    [InlineData("""{ "intervalMinutes": 30, "cyclic": true, "requirements": [2, 3, 3], "templates": [ { "name": "FT8", "lengthMinutes": 480, "earliestStartMinute": 360, "latestStartMinute": 720, "startStepMinutes": 30, "cost": 8 } ] }""", "field 'requirements': a cyclic horizon must be a whole number of days")]
    [InlineData("""{ "intervalMinutes": 60, "intervalMinutes": 30, "requirements": [1], "templates": [ { "name": "A", "lengthMinutes": 60, "earliestStartMinute": 0, "latestStartMinute": 0, "startStepMinutes": 60, "cost": 1 } ] }""", "field 'intervalMinutes': duplicate key")]
    [InlineData("""{ "intervalMinutes": 60, "requirements": [1], "timeLimitSeconds": 1e-300, "templates": [ { "name": "A", "lengthMinutes": 60, "earliestStartMinute": 0, "latestStartMinute": 0, "startStepMinutes": 60, "cost": 1 } ] }""", "field 'timeLimitSeconds': timeLimitSeconds must be in [0.001, 86400]; got 1E-300")]
    [InlineData("""{ "intervalMinutes": 60, "requirements": [1000000000], "templates": [ { "name": "A", "lengthMinutes": 60, "earliestStartMinute": 0, "latestStartMinute": 0, "startStepMinutes": 60, "cost": 1 } ] }""", "field 'requirements[0]': requirements[0] must be <= 1000000")]
    public void Unphysical_or_ambiguous_problems_exit_2_naming_the_field(string input, string message)
    {
        var result = CliRunner.RunWithInput(input, "schedule");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }
}
