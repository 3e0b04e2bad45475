using System.Globalization;
using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

public class MetricsCommandTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Samples", "survey.csv");

    private static JsonElement Json(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    /// <summary>The sample's column, parsed independently of the CLI's table reader.</summary>
    private static double[] Column(string name)
    {
        var lines = File.ReadAllLines(Sample);
        int index = Array.IndexOf(lines[0].Split(','), name);
        return lines.Skip(1).Select(l => double.Parse(l.Split(',')[index], CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public void Nps_on_the_bundled_sample_counts_promoters_and_detractors()
    {
        var json = Json(CliRunner.Run("metrics", "--metric", "nps", "--input", Sample, "--column", "score"));
        var scores = Column("score");
        double expected = 100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Length;
        Assert.Equal("nps", json.GetProperty("metric").GetString());
        Assert.Equal(400, json.GetProperty("count").GetInt32());
        Assert.Equal(expected, json.GetProperty("value").GetDouble(), 1e-12);
        var interval = json.GetProperty("interval");
        Assert.True(interval.GetProperty("lower").GetDouble() < expected && expected < interval.GetProperty("upper").GetDouble());
        Assert.Equal(0.95, interval.GetProperty("level").GetDouble());
    }

    [Fact]
    public void Csat_with_a_custom_threshold_and_confidence()
    {
        var json = Json(CliRunner.Run("metrics", "--metric", "csat", "--input", Sample, "--column", "csat", "--threshold", "5", "--confidence", "0.9"));
        var scores = Column("csat");
        Assert.Equal((double)scores.Count(s => s == 5) / scores.Length, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(scores.Average(), json.GetProperty("details").GetProperty("mean").GetDouble(), 1e-12);
        Assert.Equal(0.9, json.GetProperty("interval").GetProperty("level").GetDouble());
    }

    [Fact]
    public void Service_level_and_abandonment_from_stdin()
    {
        const string csv = "wait_s,answered\n5,1\n25,1\n3,0\n40,0\n10,yes\n";
        var met = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "service-level", "--column", "wait_s", "--answered-column", "answered",
            "--answer-threshold", "20", "--abandon-policy", "met-within"));
        Assert.Equal(3.0 / 5, met.GetProperty("value").GetDouble(), 1e-15); // 5, 10 answered in time; 3 abandoned in time
        var missed = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "service-level", "--column", "wait_s", "--answered-column", "answered"));
        Assert.Equal(2.0 / 5, missed.GetProperty("value").GetDouble(), 1e-15);
        var abandonment = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "abandonment", "--column", "wait_s", "--answered-column", "answered"));
        Assert.Equal(2.0 / 5, abandonment.GetProperty("value").GetDouble(), 1e-15);
    }

    [Theory]
    [InlineData("fcr", "resolved")]
    [InlineData("aht", "talk_s")]
    [InlineData("asa", "wait_s")]
    [InlineData("ces", "ces")]
    public void Every_metric_runs_on_the_sample(string metric, string column)
    {
        var json = Json(CliRunner.Run("metrics", "--metric", metric, "--input", Sample, "--column", column));
        Assert.Equal(400, json.GetProperty("count").GetInt32());
        Assert.True(double.IsFinite(json.GetProperty("value").GetDouble()));
    }

    [Fact]
    public void Percentile_uses_the_requested_definition()
    {
        const string csv = "t\n15\n20\n35\n40\n50\n";
        var nearest = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "percentile", "--column", "t", "--p", "40", "--method", "nearest-rank"));
        var linear = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "percentile", "--column", "t", "--p", "40"));
        Assert.Equal(20, nearest.GetProperty("value").GetDouble());
        Assert.Equal(29, linear.GetProperty("value").GetDouble(), 1e-12);
    }

    [Fact]
    public void Bad_values_give_located_errors_and_exit_2()
    {
        var result = CliRunner.RunWithInput("score\n5\n11\nx\n7.5\n", "metrics", "--metric", "nps", "--column", "score");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("error: <stdin>: row 3, column 'score': 11 is out of range", lines[0]);
        Assert.Contains("row 4", lines[1]);
        Assert.Contains("row 5, column 'score': 7.5 is not a whole score", lines[2]);
    }

    [Fact]
    public void Missing_options_and_bad_flags_are_bad_input()
    {
        Assert.Equal(2, CliRunner.RunWithInput("x\n1\n", "metrics", "--metric", "nps").ExitCode); // no --column
        Assert.Equal(2, CliRunner.RunWithInput("x\n1\n", "metrics", "--metric", "median", "--column", "x").ExitCode);
        Assert.Equal(2, CliRunner.RunWithInput("x\n1\n", "metrics", "--metric", "nps", "--column", "x", "--confidence", "1.5").ExitCode);
        var flags = CliRunner.RunWithInput("r\n1\nmaybe\n", "metrics", "--metric", "fcr", "--column", "r");
        Assert.Equal(2, flags.ExitCode);
        Assert.Contains("row 3, column 'r': 'maybe' is not a flag", flags.Error);
        Assert.Equal(2, CliRunner.RunWithInput("w,a\n1,1\n", "metrics", "--metric", "service-level", "--column", "w").ExitCode); // no --answered-column
    }

    [Fact]
    public void Help_ends_with_an_example()
    {
        var result = CliRunner.Run("metrics", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example: csmetrics metrics --metric nps", result.Output);
    }

    [Fact]
    public void Scale_options_follow_the_library_factories()
    {
        // nps --threshold 10: promoters 10, passives 8-9 (the two below), detractors 0-7 (NpsScale.ZeroTo).
        var nps = Json(CliRunner.RunWithInput("s\n10\n9\n8\n7\n0\n", "metrics", "--metric", "nps", "--column", "s", "--threshold", "10"));
        var details = nps.GetProperty("details");
        Assert.Equal((1, 2, 2), (details.GetProperty("promoters").GetInt32(), details.GetProperty("passives").GetInt32(), details.GetProperty("detractors").GetInt32()));
        // ces on CES 1.0's 1-5 effort scale: "easy" is 1-2 by default (above the neutral middle), as CesScale.FivePointEffort.
        var ces = Json(CliRunner.RunWithInput("e\n1\n2\n3\n4\n5\n", "metrics", "--metric", "ces", "--column", "e",
            "--scale-max", "5", "--direction", "lower-is-easier"));
        Assert.Equal(0.4, ces.GetProperty("details").GetProperty("agree_share").GetDouble(), 1e-15);
        Assert.Equal(0, ces.GetProperty("details").GetProperty("net_index").GetDouble());
        // csat 1-10 defaults to top-2-box (9-10).
        var csat = Json(CliRunner.RunWithInput("c\n10\n9\n8\n1\n", "metrics", "--metric", "csat", "--column", "c", "--scale-max", "10"));
        Assert.Equal(0.5, csat.GetProperty("value").GetDouble());
        Assert.Equal("Wilson", csat.GetProperty("interval").GetProperty("method").GetString());
    }

    [Fact]
    public void Bad_scale_options_are_reported_naming_the_option()
    {
        var nps = CliRunner.RunWithInput("s\n1\n", "metrics", "--metric", "nps", "--column", "s", "--threshold", "2");
        Assert.Equal(2, nps.ExitCode);
        Assert.Equal("", nps.Output);
        Assert.StartsWith("error: <stdin>: --threshold: promoterFrom must be in [3, 10]", nps.Error);
        var csat = CliRunner.RunWithInput("s\n1\n", "metrics", "--metric", "csat", "--column", "s", "--threshold", "3");
        Assert.Equal(2, csat.ExitCode);
        Assert.Contains("--threshold: satisfiedFrom must be in [4, 5]", csat.Error);
        var level = CliRunner.RunWithInput("s\n1\n", "metrics", "--metric", "csat", "--column", "s", "--confidence", "95");
        Assert.Equal(2, level.ExitCode);
        Assert.Contains("--confidence: level is a fraction in (0, 1) (0.95 for 95%); 95 looks like a percent: use 0.95", level.Error);
        // Checked before the input is read, for every metric (aht has no interval, but 95 is still not a level).
        Assert.Equal(2, CliRunner.RunWithInput("t\n1\n", "metrics", "--metric", "aht", "--column", "t", "--confidence", "95").ExitCode);
    }

    [Fact]
    public void An_empty_score_or_flag_cell_is_a_contact_without_an_answer()
    {
        var nps = Json(CliRunner.RunWithInput("s,w\n10,1\n,2\n0,3\n", "metrics", "--metric", "nps", "--column", "s"));
        Assert.Equal(2, nps.GetProperty("count").GetInt32());
        Assert.Equal(0, nps.GetProperty("value").GetDouble());
        Assert.Equal(1, nps.GetProperty("details").GetProperty("missing").GetInt32());
        var fcr = Json(CliRunner.RunWithInput("r\n1\n\"\"\n0\n1\n", "metrics", "--metric", "fcr", "--column", "r"));
        Assert.Equal(3, fcr.GetProperty("count").GetInt32());
        Assert.Equal(1, fcr.GetProperty("details").GetProperty("missing").GetInt32());
        // Times are required: an empty wait is an error with its row.
        var asa = CliRunner.RunWithInput("w\n5\n\"\"\n", "metrics", "--metric", "asa", "--column", "w");
        Assert.Equal(2, asa.ExitCode);
        Assert.Contains("row 3, column 'w': a value is required", asa.Error);
    }

    [Fact]
    public void Short_abandon_thresholds_follow_the_library_rules()
    {
        const string csv = "wait_s,answered\n5,1\n25,1\n3,0\n28,0\n10,1\n";
        // Counted short abandons: a short-abandon threshold above T is fine for the service level.
        var counted = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "service-level", "--column", "wait_s", "--answered-column", "answered",
            "--short-abandon", "30"));
        Assert.Equal(2.0 / 5, counted.GetProperty("value").GetDouble(), 1e-15);
        // Excluding them needs them within T.
        var excluded = CliRunner.RunWithInput(csv, "metrics", "--metric", "service-level", "--column", "wait_s", "--answered-column", "answered",
            "--short-abandon", "30", "--short-abandons", "excluded");
        Assert.Equal(2, excluded.ExitCode);
        Assert.Contains("--short-abandons: short abandons can be excluded only when the short-abandon threshold (30 s) is at most the service-level threshold (20 s)", excluded.Error);
        // Abandonment ignores T: both abandons (3 s, 28 s) are short at 30 s, and the counts are at the T asked for.
        var abandonment = Json(CliRunner.RunWithInput(csv, "metrics", "--metric", "abandonment", "--column", "wait_s", "--answered-column", "answered",
            "--short-abandon", "30", "--short-abandons", "excluded"));
        Assert.Equal(0, abandonment.GetProperty("value").GetDouble());
        Assert.Equal(1, abandonment.GetProperty("details").GetProperty("abandoned_within_threshold").GetInt32());
        Assert.Equal(2, abandonment.GetProperty("details").GetProperty("short_abandons").GetInt32());
    }

    [Fact]
    public void Json_columns_that_appear_only_in_later_objects_are_read_and_a_missing_one_is_reported()
    {
        const string Json = "[{\"id\": 1}, {\"id\": 2, \"score\": 10}, {\"id\": 3, \"score\": 3}]";
        var result = CliRunner.RunWithInput(Json, "metrics", "--metric", "nps", "--column", "score", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(2, document.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(1, document.RootElement.GetProperty("details").GetProperty("missing").GetInt32());

        var typo = CliRunner.RunWithInput(Json, "metrics", "--metric", "nps", "--column", "scor", "--format", "json");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("column 'scor': required column is missing (columns found: id,score)", typo.Error);
    }
}
