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
}
