using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary>The quality commands (servqual, qa, agreement, ahp): documented examples run, results match the library, errors are located.</summary>
public class QualityCommandsTests
{
    private static readonly string s_root = FindRepositoryRoot();

    private static string Data(string name) => Path.Combine(s_root, "docs", "examples", "data", "quality", name);

    [Fact]
    public void Every_documented_quality_example_runs_and_prints_json()
    {
        var commands = File.ReadAllLines(Path.Combine(s_root, "docs", "cli.md"))
            .Concat(File.ReadAllLines(Path.Combine(s_root, "docs", "quality.md")))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("csmetrics servqual ", StringComparison.Ordinal) || l.StartsWith("csmetrics qa ", StringComparison.Ordinal)
                || l.StartsWith("csmetrics agreement ", StringComparison.Ordinal) || l.StartsWith("csmetrics ahp ", StringComparison.Ordinal))
            .ToList();
        Assert.True(commands.Count >= 7, $"expected the documented examples, found {commands.Count}");
        foreach (var line in commands)
        {
            var args = SplitArguments(line).Skip(1).Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(s_root, a) : a).ToArray();
            var result = CliRunner.Run(args);
            Assert.True(result.ExitCode == 0, $"'{line}' exited {result.ExitCode}: {result.Error}");
            using var _ = JsonDocument.Parse(result.Output);
        }
    }

    [Fact]
    public void Ahp_command_reproduces_the_reference_case()
    {
        var result = CliRunner.RunWithInput("criterion,A,B,C\nA,1,3,5\nB,1/3,1,3\nC,1/5,1/3,1\n", "ahp");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var weights = json.RootElement.GetProperty("weights");
        Assert.Equal(0.637, weights[0].GetProperty("weight").GetDouble(), 5e-4); // cases.json ahp[0]
        Assert.Equal(0.0332, json.RootElement.GetProperty("consistency_ratio").GetDouble(), 5e-5);
    }

    [Fact]
    public void Ahp_non_reciprocal_matrix_is_located_at_its_cell()
    {
        var result = CliRunner.RunWithInput("criterion,A,B\nA,1,3\nB,1/2,1\n", "ahp");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("row 3, column 'A': not reciprocal", result.Error);
    }

    [Fact]
    public void Agreement_command_reproduces_the_Krippendorff_reference_case()
    {
        // cases.json krippendorff[0], transposed to one row per unit and one column per coder.
        string csv = "unit,c1,c2,c3\n" + string.Join("\n", new[]
        {
            "1,,1,", "2,,,", "3,,2,2", "4,,1,1", "5,,3,3", "6,3,3,4", "7,4,4,4", "8,1,3,", "9,2,,2", "10,1,,1",
            "11,1,,1", "12,3,,3", "13,3,,3", "14,,,", "15,3,,4",
        }) + "\n";
        var result = CliRunner.RunWithInput(csv, "agreement");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var alpha = json.RootElement.GetProperty("krippendorff_alpha");
        Assert.Equal(0.691358, alpha.GetProperty("nominal").GetDouble(), 6);
        Assert.Equal(0.810845, alpha.GetProperty("interval").GetDouble(), 6);
    }

    [Fact]
    public void Json_input_is_accepted_and_bad_cells_are_located_by_element()
    {
        string json = """[ { "unit": "a", "r1": 1, "r2": 1 }, { "unit": "b", "r1": 2, "r2": 3 }, { "unit": "c", "r1": 3, "r2": 3 } ]""";
        var result = CliRunner.RunWithInput(json, "agreement", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        // Two raters, categories 1 < 2 < 3: table (1,0,0; 0,0,1; 0,0,1): p_o = 2/3, p_e = 1/3·1/3 + 0 + 1/3·2/3 = 1/3.
        Assert.Equal(0.5, document.RootElement.GetProperty("cohen_kappa")[0].GetProperty("unweighted").GetProperty("kappa").GetDouble(), 12);

        var bad = CliRunner.RunWithInput("""[ { "r1": 1, "r2": "x" }, { "r1": 2, "r2": 2 } ]""", "agreement", "--format", "json");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("row 1, column 'r2': 'x' is text but 3 other ratings are numbers", bad.Error);
    }

    [Fact]
    public void Qa_command_pools_points_and_locates_bad_answers()
    {
        var ok = CliRunner.Run("qa", "-i", Data("qa_billing.csv"), "-s", Data("scorecard.json"));
        Assert.Equal(0, ok.ExitCode);
        using var json = JsonDocument.Parse(ok.Output);
        // ana: (28.5 + 2 bonus) / 30 and 19.75 / 25 pooled = 50.25 / 55 (total points, see scorecard.json).
        var ana = json.RootElement.GetProperty("agents")[0];
        Assert.Equal(50.25 / 55, ana.GetProperty("pooled_score").GetDouble(), 12);

        string bad = "agent,Information accurate,Product explained clearly,Greeting and identification,Tone and empathy,Clarity,Identity verified,Case documented,Root cause identified,Resolved or escalated correctly,Customer experience rating\n"
            + "ana,1,5,1,7,5,1,1,5,1,5\n"
            + "ben,1,5,1,4,5,,1,5,1,5\n";
        var result = CliRunner.RunWithInput(bad, "qa");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("<stdin>: row 2, column 'Tone and empathy'", result.Error);
        Assert.Contains("<stdin>: row 3, column 'Identity verified': criterion 'Identity verified' does not allow N/A", result.Error);
    }

    [Fact]
    public void Qa_scorecard_with_bad_weights_is_rejected_with_the_sum()
    {
        string path = Path.Combine(Path.GetTempPath(), $"csmetrics-bad-card-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "sections": [ { "name": "A", "weight": 60, "criteria": [ { "name": "a" } ] },
                            { "name": "B", "weight": 30, "criteria": [ { "name": "b", "scale": "stars" } ] } ] }
            """);
        try
        {
            var result = CliRunner.RunWithInput("a,b\n1,1\n", "qa", "-s", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("column 'sections[1].criteria[0].scale': 'stars' is not one of", result.Error);
            File.WriteAllText(path, """{ "sections": [ { "name": "A", "weight": 60, "criteria": [ { "name": "a" } ] }, { "name": "B", "weight": 30, "criteria": [ { "name": "b" } ] } ] }""");
            result = CliRunner.RunWithInput("a,b\n1,1\n", "qa", "-s", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("sum to 90", result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Servqual_command_matches_the_library_and_locates_out_of_scale_answers()
    {
        var result = CliRunner.RunWithInput("e1,e2,p1,p2,w1,w2\n6,6,5,4,40,60\n7,5,7,5,,\n", "servqual", "--map", "A=1;B=2");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal((-1 + 0 - 2 + 0) / 2.0 / 2, json.RootElement.GetProperty("unweighted_gap").GetDouble(), 12); // dimension gaps -0.5, -1
        Assert.Equal(0.4 * -1 + 0.6 * -2, json.RootElement.GetProperty("weighted_gap_respondent_weights").GetDouble(), 12);

        var bad = CliRunner.RunWithInput("e1,p1\n6,9\n", "servqual", "--map", "A=1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("row 2, column 'p1': 9 is outside the scale [1, 7] of item 1", bad.Error);
        var allocation = CliRunner.RunWithInput("e1,e2,p1,p2,w1,w2\n6,6,5,4,40,50\n", "servqual", "--map", "A=1;B=2");
        Assert.Contains("row 2, column 'w1..w2': the importance allocation sums to 90", allocation.Error);
    }

    private static IEnumerable<string> SplitArguments(string line)
    {
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CsMetrics.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CsMetrics.sln not found above the test output.");
    }
}
