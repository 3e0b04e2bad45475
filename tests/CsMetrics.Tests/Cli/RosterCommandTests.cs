using System.Text.Json;
using CsMetrics.Rostering;
using CsMetrics.Tests.Infrastructure;
using CsMetrics.Tests.Rostering;

namespace CsMetrics.Tests.Cli;

public class RosterCommandTests
{
    private static Roster ReadRows(RosterProblem problem, string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("employee,day,shift", lines[0]);
        return Roster.FromAssignments(problem, lines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], int.Parse(f[1]), f[2])));
    }

    [Fact]
    public void The_rows_recompute_to_the_summarys_objective()
    {
        var path = ReferenceData.Path("rostering/Instance1.txt");
        var result = CliRunner.Run("roster", "--input", path, "--time-limit-s", "1", "--seed", "3");
        Assert.Equal(0, result.ExitCode);
        var problem = CurtoisFormatTests.Instance(1);
        var oracle = RosterOracle.Evaluate(problem, ReadRows(problem, result.Output));
        Assert.True(oracle.Feasible);
        using var summary = JsonDocument.Parse(result.Error.Trim());
        var root = summary.RootElement;
        Assert.Equal(oracle.Objective, root.GetProperty("objective").GetInt32());
        Assert.Contains(root.GetProperty("status").GetString(), new[] { "feasible", "optimal" });
        Assert.True(root.GetProperty("lowerBound").GetInt32() <= oracle.Objective);
        Assert.InRange(root.GetProperty("gap").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Summary_and_output_go_to_their_files()
    {
        var directory = Directory.CreateTempSubdirectory("roster-cli");
        try
        {
            string output = Path.Combine(directory.FullName, "roster.csv"), summary = Path.Combine(directory.FullName, "summary.json");
            var result = CliRunner.RunWithInput(ReferenceData.ReadText("rostering/Instance1.txt"), "roster", "--time-limit-s", "0.5", "--output", output, "--summary", summary);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.Equal("", result.Error);
            Assert.StartsWith("employee,day,shift\n", File.ReadAllText(output));
            using var json = JsonDocument.Parse(File.ReadAllText(summary));
            foreach (var field in new[] { "status", "objective", "lowerBound", "gap", "seconds" })
            {
                Assert.True(json.RootElement.TryGetProperty(field, out _), field);
            }
            Assert.Empty(Directory.GetFiles(directory.FullName, "*.tmp*"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bad_input_is_one_line_per_problem_with_file_line_and_section_and_exit_code_2()
    {
        var text = """
            SECTION_HORIZON
            7
            SECTION_SHIFTS
            D,480,X
            SECTION_STAFF
            A,D=7,2400,960,5,1,1
            SECTION_COVER
            9,D,1,100,1
            """;
        var result = CliRunner.RunWithInput(text, "roster", "--time-limit-s", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("error: <stdin>: line 4, section SHIFTS: shift 'D': unknown shift 'X' among those that may not follow", lines[0]);
        Assert.StartsWith("error: <stdin>: line 6, section STAFF: expected 8 comma-separated fields", lines[1]);
        Assert.Equal("error: <stdin>: line 8, section COVER: day 9 is outside the horizon [0, 6]", lines[2]);
    }

    [Fact]
    public void A_bad_input_leaves_an_existing_output_file_unchanged()
    {
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(output, "old");
            var result = CliRunner.RunWithInput("SECTION_HORIZON\nseven\n", "roster", "--output", output);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("old", File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public void A_time_limit_that_is_not_positive_is_bad_input(string seconds)
    {
        var result = CliRunner.RunWithInput(ReferenceData.ReadText("rostering/Instance1.txt"), "roster", "--time-limit-s", seconds);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--time-limit-s", result.Error);
    }

    [Fact]
    public void A_proven_infeasible_problem_is_a_summary_not_an_error()
    {
        var text = "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=7,3360,2880,2,1,1,1\n";
        var result = CliRunner.RunWithInput(text, "roster", "--time-limit-s", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("employee,day,shift\n", result.Output);
        using var summary = JsonDocument.Parse(result.Error.Trim());
        Assert.Equal("infeasible", summary.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("objective").ValueKind);
        Assert.Contains("agent 'A' can work at most 2400 minutes", summary.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_json_instance_solves_to_rows_that_recompute_to_the_summarys_objective()
    {
        var problem = RosterJson.Parse(RosterJsonTests.SmallJson).Problem!;
        var result = CliRunner.RunWithInput(RosterJsonTests.SmallJson, "roster", "--format", "json", "--time-limit-s", "1");
        Assert.Equal(0, result.ExitCode);
        var oracle = RosterOracle.Evaluate(problem, ReadRows(problem, result.Output));
        using var summary = JsonDocument.Parse(result.Error.Trim());
        Assert.Equal(oracle.Objective, summary.RootElement.GetProperty("objective").GetInt32());
    }

    [Fact]
    public void The_json_form_of_a_benchmark_instance_gives_the_same_roster_as_its_text()
    {
        var text = ReferenceData.ReadText("rostering/Instance1.txt");
        var json = RosterJson.Write(CurtoisFormat.Parse(text).Problem!);
        var fromText = CliRunner.RunWithInput(text, "roster", "--time-limit-s", "0.5", "--seed", "2");
        var fromJson = CliRunner.RunWithInput(json, "roster", "-f", "json", "--time-limit-s", "0.5", "--seed", "2");
        Assert.Equal(0, fromText.ExitCode);
        Assert.Equal(0, fromJson.ExitCode);
        var problem = CurtoisFormatTests.Instance(1);
        Assert.True(RosterOracle.Evaluate(problem, ReadRows(problem, fromJson.Output)).Feasible);
    }

    [Fact]
    public void A_typo_and_a_duplicate_key_in_json_are_one_line_each_naming_the_path_and_exit_code_2()
    {
        var json = """
            { "horizonDays": 7, "horizonDays": 7,
              "shifts": [{ "id": "D", "minutes": 480 }],
              "staff": [{ "id": "A", "maxShift": { "D": 7 } }] }
            """;
        var result = CliRunner.RunWithInput(json, "roster", "--format", "json", "--time-limit-s", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: <stdin>: field 'horizonDays': the key 'horizonDays' is given more than once", lines[0]);
        Assert.StartsWith("error: <stdin>: field 'staff[0].maxShift': unknown field 'maxShift' (did you mean 'maxShifts'?)", lines[1]);
    }

    [Fact]
    public void Text_input_read_as_json_is_an_error_not_a_crash()
    {
        var result = CliRunner.RunWithInput(ReferenceData.ReadText("rostering/Instance1.txt"), "roster", "--format", "json");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: <stdin>: not valid JSON", result.Error.Trim());
    }
}
