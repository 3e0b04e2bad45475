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
}
