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
            Assert.Contains("field 'sections[1].criteria[0].scale': 'stars' is not one of", result.Error);
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

    private const string SeedHeader = "agent,team,period,Information accurate,Product explained clearly,Greeting and identification,Tone and empathy,Clarity,Identity verified,Case documented,Root cause identified,Resolved or escalated correctly,Customer experience rating";

    /// <summary>
    /// Runs a command that must reject its input: exit 2, nothing on standard output, only <c>error:</c> lines, each
    /// expected fragment present, and no output file written.
    /// </summary>
    private static string AssertRejected(string input, string[] args, params string[] fragments)
    {
        string output = Path.Combine(Path.GetTempPath(), $"csmetrics-quality-{Guid.NewGuid():N}.json");
        var result = CliRunner.RunWithInput(input, [.. args, "-o", output]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal("", result.Output);
        Assert.False(File.Exists(output), "an output file was written after an error");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.StartsWith("error: ", line));
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.Error);
        }
        return result.Error;
    }

    [Fact]
    public void A_row_with_too_many_cells_does_not_hide_the_value_problems_of_later_rows()
    {
        // The reader skips the long row and reports it; each command still checks every later row.
        AssertRejected("e1,p1\n6,5,7\n6,x\n", ["servqual", "--map", "A=1"],
            "row 2: has 3 cells but the header has 2 columns", "row 3, column 'p1': 'x' is not a number");
        // In AHP the skipped row is part of the matrix's shape, so the shape problem is what follows it.
        AssertRejected("criterion,A,B\nA,1,3,9\nB,x,1\n", ["ahp"],
            "row 2: has 4 cells but the header has 3 columns", "criterion 'A' has a column but no row");
        AssertRejected("unit,r1,r2\na,1,2,3\nb,1,1e999\nc,2,2\n", ["agreement"],
            "row 2: has 4 cells but the header has 3 columns", "row 3, column 'r2': '1e999' is not a rating");
        var seed = CsMetrics.Quality.Scorecard.ContactCentreSeed;
        string header = string.Join(",", seed.Criteria.Select(c => c.Name));
        string good = string.Join(",", seed.Criteria.Select(_ => "NA"));
        string bad = "x" + good[2..];
        AssertRejected($"{header}\n{good},extra\n{bad}\n", ["qa"],
            $"row 2: has {seed.CriterionCount + 1} cells but the header has {seed.CriterionCount} columns",
            $"row 3, column '{seed.Criteria[0].Name}': 'x' is not a number");
    }

    private static JsonElement RunJson(string input, params string[] args)
    {
        var result = CliRunner.RunWithInput(input, args);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"csmetrics-card-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Agreement_rejects_duplicate_raters_naming_them()
    {
        AssertRejected("unit,r1,r2,r1\na,1,2,3\nb,2,2,3\n", ["agreement"], "column 'r1': the column name appears twice (columns 2 and 4)");
        AssertRejected("unit,ana,ANA\na,1,2\nb,2,2\n", ["agreement"], "column 'ANA'", "'ana' (column 2) and 'ANA' (column 3) differ only in case");
    }

    [Fact]
    public void Agreement_reads_text_categories_and_their_order()
    {
        var nominal = RunJson("unit,a,b\n1,pass,pass\n2,fail,pass\n3,fail,fail\n4,pass,NA\n", "agreement");
        Assert.Equal("categories", nominal.GetProperty("ratings").GetString());
        Assert.Equal(JsonValueKind.Number, nominal.GetProperty("krippendorff_alpha").GetProperty("nominal").ValueKind);
        Assert.Equal(JsonValueKind.Null, nominal.GetProperty("krippendorff_alpha").GetProperty("ordinal").ValueKind);
        Assert.Equal(JsonValueKind.Null, nominal.GetProperty("cohen_kappa")[0].GetProperty("linear").ValueKind);
        Assert.Equal(JsonValueKind.Null, nominal.GetProperty("icc").ValueKind);
        Assert.Equal(1, nominal.GetProperty("missing_ratings").GetInt32());

        var ordered = RunJson("unit,a,b\n1,poor,fair\n2,fair,fair\n3,good,good\n", "agreement", "--categories", "poor,fair,good");
        Assert.Equal("ordered_categories", ordered.GetProperty("ratings").GetString());
        Assert.Equal(JsonValueKind.Number, ordered.GetProperty("krippendorff_alpha").GetProperty("ordinal").ValueKind);
        Assert.Equal(JsonValueKind.Object, ordered.GetProperty("cohen_kappa")[0].GetProperty("quadratic").ValueKind);
    }

    [Fact]
    public void Agreement_rejects_ambiguous_cells_at_their_place()
    {
        AssertRejected("id,a,b\nc1,4,5\nc2,3,3\n", ["agreement"], "row 2, column 'id': 'c1' is text but 4 other ratings are numbers", "id column");
        AssertRejected("unit,a,b\n1,pass,Pass\n2,fail,pass\n", ["agreement"], "row 2, column 'b': 'Pass' and 'pass' differ only in case");
        AssertRejected("unit,a,b\n1,\"4,5\",4\n2,NaN,3\n", ["agreement"], "row 2, column 'a': '4,5' looks like a number written with a comma", "row 3, column 'a': 'NaN' is not a rating");
        AssertRejected("unit,a,b\n1,poor,Good\n", ["agreement", "--categories", "poor,fair,good"], "at least two units", "row 2, column 'b': 'Good' is not one of the categories poor, fair, good (did you mean 'good'?)");
        AssertRejected("unit,a,b\n1,1,2\n2,2,9\n", ["agreement", "--categories", "1,2,3"], "row 3, column 'b': 9 is not on the scale 1, 2, 3");
        AssertRejected("unit,a,b\n1,1,2\n2,2,2\n", ["agreement", "--categories", "low,LOW"], "error: --categories: the category 'LOW' is listed twice");
    }

    [Fact]
    public void Agreement_rejects_inconsistent_options()
    {
        AssertRejected("unit,a,b\n1,1,2\n2,2,2\n", ["agreement", "--id-column", "call"], "column 'call': --id-column names a column that is not in the input");
        AssertRejected("unit,a,b\n1,yes,no\n2,no,no\n", ["agreement", "--expert", "a"], "error: --expert: the deviation from an expert needs numeric ratings");
        AssertRejected("unit,a,b\n1,1,2\n2,2,2\n", ["agreement", "--expert", "c"], "column 'c': --expert names a column that is not a rater");
    }

    [Fact]
    public void Agreement_with_no_overlap_or_no_complete_unit_gives_documented_nulls()
    {
        var sparse = RunJson("unit,a,b,c\n1,1,,2\n2,,2,2\n3,3,3,\n4,1,,1\n", "agreement");
        Assert.Equal(0, sparse.GetProperty("complete_units").GetInt32());
        Assert.Equal(0, sparse.GetProperty("fleiss_kappa").GetProperty("subjects").GetInt32());
        Assert.Equal(JsonValueKind.Null, sparse.GetProperty("fleiss_kappa").GetProperty("kappa").ValueKind);
        Assert.Equal(JsonValueKind.Null, sparse.GetProperty("icc").GetProperty("icc2").ValueKind);
        var pair = sparse.GetProperty("cohen_kappa")[0]; // a and b share only unit 3
        Assert.Equal(1, pair.GetProperty("units").GetInt32());
    }

    [Fact]
    public void Qa_rejects_duplicate_criterion_columns_and_criteria_named_like_groups()
    {
        AssertRejected(SeedHeader + ",clarity\nana,north,2026-10,1,5,1,4,4,1,1,5,1,5,3\n", ["qa"],
            "row 1, column 'clarity': 'Clarity' (column 8) and 'clarity' (column 14) differ only in case");
        string card = WriteTemp("""{ "sections": [ { "name": "A", "weight": 100, "criteria": [ { "name": "Agent" }, { "name": "b" } ] } ] }""");
        try
        {
            AssertRejected("Agent,b\n1,1\n", ["qa", "-s", card], "criterion named 'Agent', which is also the agent group column");
        }
        finally
        {
            File.Delete(card);
        }
    }

    [Fact]
    public void Qa_rejects_cells_that_are_not_answers()
    {
        AssertRejected(SeedHeader + "\nana,north,2026-10,1,5,NaN,4,\"4,5\",1,1,5,1,5\n", ["qa"],
            "row 2, column 'Greeting and identification': 'NaN' is not a number (empty, NA or N/A: not applicable)",
            "row 2, column 'Clarity': '4,5' looks like a number written with a comma");
        // NA, N/A and empty are all not applicable.
        var ok = RunJson(SeedHeader + "\nana,north,2026-10,1,5,NA,4,n/a,1,,5,1,5\n", "qa", "--per-evaluation");
        Assert.Equal(3, ok.GetProperty("evaluations")[0].GetProperty("not_applicable").GetInt32());
    }

    [Fact]
    public void Qa_scorecard_typos_duplicate_keys_and_inconsistent_settings_are_errors_with_paths()
    {
        string card = WriteTemp("""
            { "pass_mark": 80, "pass_mark": 0.8,
              "sections": [ { "name": "A", "weight": 100, "criteria": [
                { "name": "a", "alow_na": false },
                { "name": "b", "critical_threshold": 0.4 },
                { "name": "c", "scale": "binary", "max": 5 } ] } ] }
            """);
        try
        {
            AssertRejected("a,b,c\n1,1,1\n", ["qa", "-s", card],
                "field 'sections[0].criteria[0].alow_na': unknown field 'alow_na' (did you mean 'allow_na'?)",
                "field 'pass_mark': the key 'pass_mark' is given more than once",
                "field 'sections[0].criteria[1].critical_threshold': critical_threshold applies only to a critical criterion",
                "field 'sections[0].criteria[2].max': max does not apply to a binary criterion");
        }
        finally
        {
            File.Delete(card);
        }
        AssertRejected("a\n1\n", ["qa", "-s", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json")], "file not found");
    }

    [Fact]
    public void Qa_levels_are_percent_and_margins_that_cannot_be_met_are_errors()
    {
        string input = File.ReadAllText(Data("qa_evaluations.csv"));
        AssertRejected(input, ["qa", "--margin", "0.05", "--level", "0.95"], "error: --level: is a percent (95 for a 95% level); 0.95 looks like a fraction: use 95");
        AssertRejected(input, ["qa", "--margin", "1e-300"], "error: --margin:");
        var at99 = RunJson(input, "qa", "--margin", "0.05", "--level", "99");
        var at95 = RunJson(input, "qa", "--margin", "0.05");
        Assert.True(at99.GetProperty("evaluations_needed_per_agent").GetInt32() > at95.GetProperty("evaluations_needed_per_agent").GetInt32());
    }

    [Fact]
    public void Qa_trend_compares_the_last_two_periods_in_natural_order()
    {
        // 2026-9 comes before 2026-10 (ordinal order would put "2026-10" first and compare the wrong periods).
        string rows = SeedHeader + "\n"
            + "ana,north,2026-10,1,5,1,5,5,1,1,5,1,5\n"
            + "ana,north,2026-9,0,3,1,3,3,1,1,3,1,3\n"
            + "ben,north,2026-8,1,4,1,4,4,1,1,4,1,4\n";
        var json = RunJson(rows, "qa");
        Assert.Equal("2026-9", json.GetProperty("trend").GetProperty("from").GetString());
        Assert.Equal("2026-10", json.GetProperty("trend").GetProperty("to").GetString());
        Assert.Equal(["2026-8", "2026-9", "2026-10"], json.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
    }

    [Fact]
    public void Qa_groups_with_nothing_to_score_are_reported_as_documented()
    {
        string card = WriteTemp("""{ "sections": [ { "name": "A", "weight": 100, "target": 0.9, "criteria": [ { "name": "a" }, { "name": "b" } ] } ] }""");
        try
        {
            var json = RunJson("agent,period,a,b\nann,P1,NA,\nben,P1,1,1\n,P2,1,0\n", "qa", "-s", card, "--per-evaluation");
            var ann = json.GetProperty("agents")[0];
            Assert.Equal("ann", ann.GetProperty("agent").GetString());
            Assert.Equal(0, ann.GetProperty("evaluations").GetInt32());
            Assert.Equal(JsonValueKind.Null, ann.GetProperty("pooled_score").ValueKind);
            Assert.Equal(2, json.GetProperty("agents").GetArrayLength()); // the row without an agent is in no agent's group
            Assert.Equal(1, json.GetProperty("ninety_ninety").GetProperty("agents").GetInt32()); // ann has nothing scored
            Assert.Equal(JsonValueKind.Null, json.GetProperty("evaluations")[0].GetProperty("score").ValueKind);
            Assert.Equal(2, json.GetProperty("overall").GetProperty("evaluations").GetInt32());
            Assert.Equal(JsonValueKind.Null, json.GetProperty("trend").GetProperty("z").ValueKind); // one evaluation per period: no spread
        }
        finally
        {
            File.Delete(card);
        }
    }

    [Fact]
    public void Servqual_rejects_duplicate_and_foreign_columns_and_partial_sets()
    {
        AssertRejected("e1,p1,E1\n6,5,6\n", ["servqual", "--map", "A=1"], "column 'E1': 'e1' (column 1) and 'E1' (column 3) differ only in case");
        AssertRejected("e1,p1,e2,p2\n6,5,6,5\n", ["servqual", "--map", "A=1"], "row 1, column 'e2': the instrument has 1 items, so answer columns run e1..e1");
        AssertRejected("e1,p1,e2,p2,a2\n6,5,6,5,4\n", ["servqual", "--map", "A=1;B=2"], "the adequate levels need all of a1..a2 (or none); missing: a1");
        AssertRejected("e1,p1,e2,p2,w1,w2\n6,5,6,5,100,\n", ["servqual", "--map", "A=1;B=2"], "row 2, column 'w2': no points for dimension 'B'");
        AssertRejected("e1,p1\n6,NaN\n", ["servqual", "--map", "A=1"], "row 2, column 'p1': 'NaN' is not a number (empty, NA or N/A: a missing answer)");
    }

    [Fact]
    public void Servqual_reads_NA_as_missing_and_applies_the_scale_to_built_in_instruments()
    {
        var json = RunJson("e1,e2,p1,p2\n6,NA,5,4\n6,6,N/A,5\n", "servqual", "--map", "A=1;B=2");
        Assert.Equal(2, json.GetProperty("missing_answers").GetInt32());
        var header = string.Join(",", Enumerable.Range(1, 22).Select(i => $"e{i}").Concat(Enumerable.Range(1, 22).Select(i => $"p{i}")));
        string sixes = string.Join(",", Enumerable.Repeat("6", 44));
        AssertRejected(header + "\n" + sixes + "\n", ["servqual", "--scale-max", "5"], "row 2, column 'e1': 6 is outside the scale [1, 5] of item 1");
        AssertRejected("e1,p1\n5,5\n", ["servqual", "--map", "A=1;a=1"], "error: --map: item 1 is listed in two dimensions");
        AssertRejected("e1,p1,e2,p2\n5,5,5,5\n", ["servqual", "--map", "A=1;a=2"], "error: --map: dimensions[1] 'a' repeats dimensions[0]");
    }

    [Fact]
    public void Ahp_rejects_criteria_without_a_row_or_column_and_repeated_rows()
    {
        AssertRejected("criterion,A,B,C\nA,1,3,5\nB,1/3,1,3\n", ["ahp"], "row 1, column 'C': criterion 'C' has a column but no row");
        AssertRejected("criterion,A,B\nA,1,3\nB,1/3,1\nC,1,1\n", ["ahp"], "row 4, column 'criterion': criterion 'C' has a row but no column");
        AssertRejected("criterion,A,B\nA,1,3\na,1/3,1\n", ["ahp"], "criterion 'a' has two rows (rows 2 and 3, ignoring case)");
        AssertRejected("criterion,A,b,B\nA,1,3,3\nB,1/3,1,1\n", ["ahp"], "column 'B': 'b' (column 3) and 'B' (column 4) differ only in case");
    }

    [Fact]
    public void Ahp_enforces_Saatys_scale_unless_extended_explicitly()
    {
        const string matrix = "criterion,A,B\nA,1,12\nB,1/12,1\n";
        AssertRejected(matrix, ["ahp"], "row 2, column 'B': 'A' vs 'B' is 12, outside Saaty's scale 1/9..9", "--allow-extended-scale");
        var json = RunJson(matrix, "ahp", "--allow-extended-scale");
        Assert.Equal(12 / 13.0, json.GetProperty("weights")[0].GetProperty("weight").GetDouble(), 12);
        Assert.Equal(0, json.GetProperty("consistency_ratio").GetDouble()); // n = 2: consistent by definition
    }

    [Fact]
    public void Ahp_numbers_are_read_one_way_and_a_zero_random_index_is_rejected()
    {
        AssertRejected("criterion,A,B\nA,1,\"1,5\"\nB,1/1.5,1\n", ["ahp"], "row 2, column 'B': '1,5' looks like a number written with a comma");
        AssertRejected("criterion,A,B\nA,1,\nB,1/3,1\n", ["ahp"], "row 2, column 'B': a judgement is required");
        AssertRejected("criterion,A,B,C\nA,1,3,5\nB,1/3,1,3\nC,1/5,1/3,1\n", ["ahp", "--random-index", "0,0,0"], "error: --random-index:", "RI(3)) must be > 0");
        AssertRejected("criterion,A,B,C\nA,1,3,5\nB,1/3,1,3\nC,1/5,1/3,1\n", ["ahp", "--random-index", "0,0"], "error: --random-index: the random-index table covers at most 2 criteria; the matrix has 3");
        AssertRejected("criterion,A,B\nA,1,3\nB,1/3,1\n", ["ahp", "--random-index", "0;0"], "error: --random-index: '0;0' is not a number");
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
