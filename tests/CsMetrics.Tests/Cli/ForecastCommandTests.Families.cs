using System.Globalization;
using System.Text;
using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary>The families, per-series errors, NA, season lengths and forecast timestamps of <c>csmetrics forecast</c>.</summary>
public class ForecastCommandFamilyTests
{
    private static string Monthly(string? series = null, int months = 48, int start = 0, bool header = true)
    {
        var text = new StringBuilder(header ? series is null ? "timestamp,value\n" : "series,timestamp,value\n" : "");
        for (int t = 0; t < months; t++)
        {
            double value = 200 + 1.5 * t + 30 * Math.Sin(2 * Math.PI * t / 12) + 4 * Math.Cos(1.3 * t + start);
            text.Append(series is null ? "" : series + ",")
                .Append(new DateTime(2020, 1, 1).AddMonths(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    private static JsonElement[] Run(string csv, out CliRunner.Result result, params string[] args)
    {
        result = CliRunner.RunWithInput(csv, ["forecast", "--horizon", "3", .. args]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Theory]
    [InlineData("ets", "ETS")]
    [InlineData("arima", "ARIMA")]
    [InlineData("theta", "Theta")]
    [InlineData("combo", "Combination")]
    [InlineData("MAM", "ETS")]
    public void EachModel_ReportsItsFamily_AndTheArimaOrderOnlyForArima(string model, string family)
    {
        var fit = Run(Monthly(), out _, "--model", model).Single();
        Assert.Equal(family, fit.GetProperty("family").GetString());
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("error").ValueKind);
        Assert.Equal(12, fit.GetProperty("season_length").GetInt32());
        if (family == "ARIMA")
        {
            Assert.Equal(3, fit.GetProperty("order").GetArrayLength());
            var seasonal = fit.GetProperty("seasonal").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(4, seasonal.Length);
            Assert.Equal(12, seasonal[3]);
            Assert.StartsWith("ARIMA(", fit.GetProperty("model").GetString());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("order").ValueKind);
            Assert.Equal(JsonValueKind.Null, fit.GetProperty("seasonal").ValueKind);
        }
        Assert.Equal(3, fit.GetProperty("forecast").GetArrayLength());
        Assert.False(fit.TryGetProperty("backtest", out _));
    }

    [Fact]
    public void Auto_ReportsTheBacktestOfEveryFamily_AndPicksTheLowestMase()
    {
        var fit = Run(Monthly(), out _, "--model", "auto").Single();
        var scores = fit.GetProperty("backtest").EnumerateArray().ToArray();
        Assert.Equal(["Combination", "ETS", "ARIMA", "Theta"], scores.Select(s => s.GetProperty("family").GetString()));
        var best = scores.Where(s => s.GetProperty("error").ValueKind == JsonValueKind.Null).MinBy(s => s.GetProperty("mase").GetDouble())!;
        Assert.Equal(best.GetProperty("family").GetString(), fit.GetProperty("family").GetString());
        var step = fit.GetProperty("forecast")[0];
        Assert.True(step.GetProperty("lower95").GetDouble() <= step.GetProperty("lower80").GetDouble());
    }

    [Fact]
    public void OneBadSeries_IsReportedInItsError_AndTheOthersAreForecast()
    {
        var csv = Monthly("good") + "bad,2020-01-01,1\nbad,2020-02-01,2\nbad,2020-03-01,3\n";
        var result = CliRunner.RunWithInput(csv, "forecast", "--horizon", "3", "--model", "ets");
        Assert.Equal(3, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var fits = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["good", "bad"], fits.Select(f => f.GetProperty("series").GetString()));
        Assert.Equal(JsonValueKind.Null, fits[0].GetProperty("error").ValueKind);
        Assert.Equal(3, fits[0].GetProperty("forecast").GetArrayLength());
        Assert.Contains("series 'bad'", fits[1].GetProperty("error").GetString());
        Assert.Contains("at least 7", fits[1].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, fits[1].GetProperty("forecast").ValueKind);
        Assert.Equal(JsonValueKind.Null, fits[1].GetProperty("model").ValueKind);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error:", Assert.Single(lines)[..6]);
        Assert.Contains("series 'bad'", lines[0]);
    }

    [Fact]
    public void NA_ReadsAsMissing_LikeAnEmptyCell()
    {
        var lines = Monthly().Split('\n');
        string With(string missing) => string.Join('\n', lines.Select((line, i) => i is 5 or 17 ? line[..(line.IndexOf(',') + 1)] + missing : line));
        var na = CliRunner.RunWithInput(With("NA"), "forecast", "--horizon", "3", "--model", "AAA");
        var empty = CliRunner.RunWithInput(With(""), "forecast", "--horizon", "3", "--model", "AAA");
        Assert.True(na.ExitCode == 0, na.Error);
        Assert.Equal(empty.Output, na.Output);
        var bad = CliRunner.RunWithInput(With("N/A"), "forecast", "--horizon", "3", "--model", "AAA");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("row 6", bad.Error);
    }

    [Fact]
    public void SeasonLengthColumn_LetsOneCallForecastDifferentSeasons()
    {
        var csv = new StringBuilder("series,season_length,value\n");
        for (int t = 0; t < 60; t++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"weekly,7,{100 + 10 * Math.Sin(2 * Math.PI * t / 7) + t % 3}\n");
        }
        for (int t = 0; t < 60; t++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"monthly,12,{200 + 30 * Math.Sin(2 * Math.PI * t / 12) + t % 5}\n");
        }
        var fits = Run(csv.ToString(), out _, "--model", "ets");
        Assert.Equal([7, 12], fits.Select(f => f.GetProperty("season_length").GetInt32()));
        Assert.EndsWith(",A)", fits[0].GetProperty("model").GetString());
        var conflict = CliRunner.RunWithInput("series,season_length,value\na,7,1\na,12,2\n", "forecast", "--horizon", "3");
        Assert.Equal(2, conflict.ExitCode);
        Assert.Contains("row 3, column 'season_length'", conflict.Error);
        Assert.Contains("differs from 7", conflict.Error);
    }

    [Fact]
    public void SeasonLength_IsInferredFromTimestamps_OrAskedFor()
    {
        Assert.Equal(12, Run(Monthly(), out _, "--model", "ets").Single().GetProperty("season_length").GetInt32());
        var daily = new StringBuilder("timestamp,value\n");
        for (int t = 0; t < 42; t++)
        {
            daily.Append(new DateTime(2026, 1, 5).AddDays(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(100 + t % 7 * 5).Append('\n');
        }
        Assert.Equal(7, Run(daily.ToString(), out _, "--model", "ets").Single().GetProperty("season_length").GetInt32());
        var none = CliRunner.RunWithInput("value\n" + string.Concat(Enumerable.Range(0, 30).Select(t => $"{t}\n")), "forecast", "--horizon", "3");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no season length: give --season-length", none.Error);
    }

    [Fact]
    public void Timestamps_AreWrittenOnEachStep_WithTheZonesOffsetAcrossDst()
    {
        // Hourly local times in London up to the spring change (2026-03-29 01:00 is skipped).
        var csv = new StringBuilder("timestamp,value\n");
        var start = new DateTime(2026, 3, 22, 0, 0, 0);
        for (int t = 0; t < 24 * 7 - 3; t++)
        {
            csv.Append(start.AddHours(t).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)).Append(',').Append(50 + 10 * Math.Sin(2 * Math.PI * t / 24)).Append('\n');
        }
        var fit = Run(csv.ToString(), out _, "--model", "ANA", "--time-zone", "Europe/London").Single();
        Assert.Equal(24, fit.GetProperty("season_length").GetInt32());
        var stamps = fit.GetProperty("forecast").EnumerateArray().Select(s => s.GetProperty("timestamp").GetString()!).ToArray();
        // Last row 2026-03-28T20:00 (GMT); the steps are the next three hours.
        Assert.Equal(["2026-03-28T21:00:00+00:00", "2026-03-28T22:00:00+00:00", "2026-03-28T23:00:00+00:00"], stamps);
        // Through the change: 01:00 local never happens, so 00:00 GMT is followed by 02:00 BST, then 03:00 BST.
        var across = CliRunner.RunWithInput(csv + "2026-03-28T21:00,50\n2026-03-28T22:00,50\n2026-03-28T23:00,50\n2026-03-29T00:00,50\n2026-03-29T02:00,50\n", "forecast", "--horizon", "2", "--model", "ANA", "--time-zone", "Europe/London");
        Assert.True(across.ExitCode == 0, across.Error);
        using var json = JsonDocument.Parse(across.Output);
        Assert.Equal("2026-03-29T03:00:00+01:00", json.RootElement[0].GetProperty("forecast")[0].GetProperty("timestamp").GetString());
        var skipped = CliRunner.RunWithInput(csv + "2026-03-29T01:30,50\n", "forecast", "--horizon", "2", "--model", "ANA", "--time-zone", "Europe/London");
        Assert.Equal(2, skipped.ExitCode);
        Assert.Contains("does not exist in Europe/London", skipped.Error);
        var unknown = CliRunner.RunWithInput(csv.ToString(), "forecast", "--horizon", "2", "--time-zone", "Mars/Olympus");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--time-zone", unknown.Error);
    }
}
