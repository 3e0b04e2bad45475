using System.Globalization;
using System.Text.Json;
using CsMetrics.Tests.Infrastructure;
using CsMetrics.Tests.Planning;

namespace CsMetrics.Tests.Cli;

public class PlanCommandTests
{
    [Fact]
    public void Runs_on_the_bundled_sample_and_round_trips_its_files_through_the_other_commands()
    {
        var directory = Path.Combine(Path.GetTempPath(), "csmetrics-plan-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = CliRunner.Run("plan", "--output", directory, "--time-limit-s", "5");
            Assert.True(result.ExitCode == 0, result.Error);
            foreach (var section in new[] { "FORECAST BY DAY", "REQUIRED AGENTS", "SHIFTS", "COVERAGE AGAINST REQUIREMENT", "EXPECTED SERVICE", "COST" })
            {
                Assert.Contains(section, result.Output);
            }
            Assert.Equal("", result.Error); // not a terminal: no progress output
            Assert.Contains("Back-test, last week of history held out", result.Output);
            // The default forecast is the back-test's winner, and the report names it.
            Assert.Contains("Forecast  historical average, chosen by back-test (MASE 0.75)", result.Output);

            // staffing.csv is a valid `staffing` input and recomputes to the same agents and headcount.
            var staffingFile = Path.Combine(directory, "staffing.csv");
            var staffed = CliRunner.Run("staffing", "--input", staffingFile);
            Assert.True(staffed.ExitCode == 0, staffed.Error);
            Assert.Equal(CsvText.Column(File.ReadAllText(staffingFile), "agents"), CsvText.Column(staffed.Output, "agents"));
            Assert.Equal(CsvText.Column(File.ReadAllText(staffingFile), "scheduled"), CsvText.Column(staffed.Output, "scheduled"));

            // schedule-problem.json is a valid `schedule` input. The search runs until its time limit, so a second
            // solve may find another schedule, but each run's lower bound holds for the other's cost.
            var problemText = File.ReadAllText(Path.Combine(directory, "schedule-problem.json"));
            var solved = CliRunner.Run("schedule", "--input", Path.Combine(directory, "schedule-problem.json"));
            Assert.True(solved.ExitCode == 0, solved.Error);
            using var ours = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "schedule.json")));
            using var again = JsonDocument.Parse(solved.Output);
            double oursCost = ours.RootElement.GetProperty("cost").GetDouble(), againCost = again.RootElement.GetProperty("cost").GetDouble();
            Assert.True(againCost >= ours.RootElement.GetProperty("lowerBound").GetDouble() - 1e-9, $"{againCost} below the plan's bound");
            Assert.True(oursCost >= again.RootElement.GetProperty("lowerBound").GetDouble() - 1e-9, $"{oursCost} below the re-solve's bound");
            // ... and schedule.json is a valid solution of it: evaluated independently, its cost is the one reported.
            var problem = CsMetrics.Scheduling.ScheduleJson.ParseProblem(problemText).Problem!;
            var evaluated = CsMetrics.Scheduling.ScheduleJson.ParseSolution(File.ReadAllText(Path.Combine(directory, "schedule.json")), problem);
            Assert.Empty(evaluated.Errors);
            Assert.Equal(oursCost, evaluated.Solution!.Cost, 9);

            // forecast.csv holds a timestamp,value series a week long.
            var forecast = File.ReadAllLines(Path.Combine(directory, "forecast.csv"));
            Assert.StartsWith("timestamp,value,lower80,upper80,lower95,upper95", forecast[0]);
            Assert.Equal(337, forecast.Length);
            Assert.Contains("```text", File.ReadAllText(Path.Combine(directory, "report.md")));

            // ... and `metrics` reads its value column: the 90th percentile of a week's half-hourly volumes.
            var percentile = CliRunner.Run("metrics", "--metric", "percentile", "--column", "value", "--p", "90",
                "--input", Path.Combine(directory, "forecast.csv"));
            Assert.True(percentile.ExitCode == 0, percentile.Error);
            using var p90 = JsonDocument.Parse(percentile.Output);
            Assert.Equal(336, p90.RootElement.GetProperty("count").GetInt32());
            Assert.True(p90.RootElement.GetProperty("value").GetDouble() > 0);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void A_gap_in_the_timestamps_is_one_clear_line_and_exit_code_2()
    {
        var history = Synthetic.History(weeks: 3, seed: 1);
        var lines = Synthetic.Csv(history, new DateTime(2026, 11, 2)).Split('\n').ToList();
        lines.RemoveAt(100);
        var result = RunOnFile("history.csv", string.Join('\n', lines));
        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Matches(@"^error: .*history\.csv: row 101, column 'timestamp': a gap in the timestamps", error);
    }

    [Fact]
    public void A_row_with_too_many_cells_does_not_hide_a_later_rows_bad_value()
    {
        var history = Synthetic.History(weeks: 3, seed: 1);
        var lines = Synthetic.Csv(history, new DateTime(2026, 11, 2)).Split('\n').ToList();
        lines[9] += ",9";                                   // row 10: three cells
        lines[19] = lines[19].Split(',')[0] + ",x";         // row 20: not a number
        var result = RunOnFile("history.csv", string.Join('\n', lines));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("row 10: has 3 cells but the header has 2 columns", result.Error);
        Assert.Contains("row 20, column 'value': 'x' is not a number", result.Error);
    }

    [Fact]
    public void A_negative_volume_is_one_clear_line_and_exit_code_2()
    {
        var history = Synthetic.History(weeks: 3, seed: 1);
        history[40] = -3;
        var result = RunOnFile("history.csv", Synthetic.Csv(history, new DateTime(2026, 11, 2)));
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^error: .*history\.csv: row 42, column 'value': -3 is out of range: must be >= 0\s*$", result.Error);
    }

    [Fact]
    public void A_template_that_cannot_cover_any_open_interval_is_one_clear_line_and_exit_code_2()
    {
        var templates = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}.json");
        File.WriteAllText(templates, """
            [ { "name": "Night", "lengthMinutes": 240, "earliestStartMinute": 0, "latestStartMinute": 180,
                "startStepMinutes": 30, "cost": 4, "maxAgents": null, "breaks": [] } ]
            """);
        try
        {
            var history = Synthetic.History(weeks: 3, seed: 1);
            var result = RunOnFile("history.csv", Synthetic.Csv(history, new DateTime(2026, 11, 2)), "--templates", templates);
            Assert.Equal(2, result.ExitCode);
            var error = Assert.Single(result.Error.TrimEnd().Split('\n'));
            Assert.Contains("Template 'Night' cannot cover any open interval", error);
            Assert.DoesNotContain("Parameter", error);
        }
        finally
        {
            File.Delete(templates);
        }
    }

    [Fact]
    public void The_forecast_method_can_be_chosen_and_an_unknown_one_is_one_line()
    {
        var history = Synthetic.History(weeks: 3, seed: 2);
        var result = RunOnFile("history.csv", Synthetic.Csv(history, new DateTime(2026, 11, 2)), "--forecast-method", "best");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("chosen by back-test", result.Output);

        var unknown = CliRunner.Run("plan", "--forecast-method", "crystal-ball");
        Assert.Equal(2, unknown.ExitCode);
        var lines = unknown.Error.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length); // the problem, then the pointer to --help
        Assert.Contains("'crystal-ball'", lines[0]);
        Assert.Contains("historical-average", lines[0]);
    }

    [Fact]
    public void Invalid_templates_and_options_are_reported_without_a_stack_trace()
    {
        var templates = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}.json");
        File.WriteAllText(templates, """[ { "name": "Bad", "lengthMinutes": -5 } ]""");
        try
        {
            var result = CliRunner.Run("plan", "--templates", templates);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("templates", result.Error);
            Assert.DoesNotContain("   at ", result.Error);

            var shrinkage = CliRunner.Run("plan", "--shrinkage", "1.5");
            Assert.Equal(2, shrinkage.ExitCode);
            Assert.Equal("error: --shrinkage: must be in [0, 1); got 1.5", shrinkage.Error.Trim());
        }
        finally
        {
            File.Delete(templates);
        }
    }

    [Theory]
    [InlineData("--horizon-days", "0", "error: --horizon-days: must be in [1, 28]; got 0")]
    [InlineData("--aht-s", "0", "error: --aht-s: must be > 0; got 0")]
    [InlineData("--aht-s", "1e12", "error: --aht-s: 1000000000000 is out of range: must be a number of seconds from 0 to 10000000000")]
    [InlineData("--interval-minutes", "0", "error: --interval-minutes: 0 is out of range: must be a whole number of minutes from 1 to 1440")]
    [InlineData("--interval-minutes", "7", "error: history.csv: row 3, column 'timestamp': the timestamps are 30 minutes apart but --interval-minutes is 7")]
    [InlineData("--understaff-cost", "-1", "error: --understaff-cost: must be a finite number >= 0; got -1")]
    public void Options_are_reported_against_the_option_as_typed(string option, string value, string expected)
    {
        var result = CliRunner.Run("plan", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(expected, result.Error.Trim());
    }

    [Fact]
    public void An_impossible_service_level_is_reported_with_its_reason()
    {
        var result = CliRunner.Run("plan", "--target-sl", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("a service level of 1 is met by no finite team", result.Error);
    }

    private static CliRunner.Result RunOnFile(string name, string content, params string[] extra)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content);
        try
        {
            return CliRunner.Run(["plan", "--input", path, "--time-limit-s", "2", .. extra]);
        }
        finally
        {
            File.Delete(path);
        }
    }

}
