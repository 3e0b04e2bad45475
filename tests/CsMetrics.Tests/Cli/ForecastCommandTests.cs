using System.Globalization;
using System.Text;
using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

public class ForecastCommandTests
{
    private static string SeasonalCsv(string? series = null, int seasons = 4, double scale = 1)
    {
        var text = new StringBuilder(series is null ? "timestamp,value\n" : "series,timestamp,value\n");
        var start = new DateTime(2026, 1, 5);
        for (int t = 0; t < seasons * 7; t++)
        {
            double value = scale * (100 + 2 * t + 15 * Math.Sin(2 * Math.PI * t / 7) + 3 * Math.Cos(1.7 * t));
            text.Append(series is null ? "" : series + ",")
                .Append(start.AddDays(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public void Forecast_WritesTheContractFields()
    {
        var result = CliRunner.RunWithInput(SeasonalCsv(), "forecast", "--season-length", "7", "--horizon", "5", "--model", "AAA", "--level", "80", "--level", "95");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var fit = json.RootElement.EnumerateArray().Single();
        Assert.Equal("ETS(A,A,A)", fit.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("phi").ValueKind);
        foreach (var name in new[] { "alpha", "beta", "gamma", "loglik", "aicc", "sigma2" })
        {
            Assert.Equal(JsonValueKind.Number, fit.GetProperty(name).ValueKind);
        }
        Assert.Equal(JsonValueKind.True, fit.GetProperty("converged").ValueKind);
        var steps = fit.GetProperty("forecast").EnumerateArray().ToArray();
        Assert.Equal(5, steps.Length);
        for (int h = 0; h < steps.Length; h++)
        {
            var step = steps[h];
            Assert.Equal(h + 1, step.GetProperty("step").GetInt32());
            double mean = step.GetProperty("mean").GetDouble();
            Assert.True(step.GetProperty("lower95").GetDouble() < step.GetProperty("lower80").GetDouble());
            Assert.True(step.GetProperty("lower80").GetDouble() < mean && mean < step.GetProperty("upper80").GetDouble());
            Assert.True(step.GetProperty("upper80").GetDouble() < step.GetProperty("upper95").GetDouble());
        }
    }

    [Fact]
    public void Forecast_ManySeriesInLongFormat_OneObjectEachInInputOrder()
    {
        var csv = SeasonalCsv("north") + SeasonalCsv("south", scale: 3).Split('\n', 2)[1];
        var result = CliRunner.RunWithInput(csv, "forecast", "--season-length", "7", "--horizon", "3", "--level", "90");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var fits = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["north", "south"], fits.Select(f => f.GetProperty("series").GetString()));
        Assert.True(fits[1].GetProperty("forecast")[0].TryGetProperty("lower90", out _));
        Assert.False(fits[1].GetProperty("forecast")[0].TryGetProperty("lower95", out _));
        Assert.StartsWith("ETS(", fits[0].GetProperty("model").GetString());
    }

    [Fact]
    public void Forecast_OrdersRowsByTimestamp()
    {
        var lines = SeasonalCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shuffled = string.Join('\n', new[] { lines[0] }.Concat(lines.Skip(1).Reverse())) + "\n";
        var inOrder = CliRunner.RunWithInput(SeasonalCsv(), "forecast", "--season-length", "7", "--horizon", "2", "--model", "ANA");
        var reversed = CliRunner.RunWithInput(shuffled, "forecast", "--season-length", "7", "--horizon", "2", "--model", "ANA");
        Assert.Equal(0, reversed.ExitCode);
        Assert.Equal(inOrder.Output, reversed.Output);
    }

    [Fact]
    public void SeasonLength2_FitsDoubleSeasonalHoltWinters_NoWorseThanR()
    {
        // Taylor's 4 weeks of half-hourly demand: R's dshw reaches MSE 30,321.66 (r_dshw_taylor_4weeks.json).
        var result = CliRunner.Run("forecast", "--input", ReferenceData.Path("forecasting/taylor_4weeks.csv"),
            "--season-length", "48", "--season-length2", "336", "--horizon", "48");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var fit = json.RootElement.EnumerateArray().Single();
        Assert.Equal("DSHW", fit.GetProperty("model").GetString());
        using var reference = ReferenceData.ReadJson("forecasting/r_dshw_taylor_4weeks.json");
        Assert.True(fit.GetProperty("sigma2").GetDouble() <= reference.RootElement.GetProperty("mse").GetDouble());
        Assert.True(fit.GetProperty("converged").GetBoolean());
        foreach (var name in new[] { "alpha", "gamma", "omega", "phi", "loglik", "aicc" })
        {
            Assert.Equal(JsonValueKind.Number, fit.GetProperty(name).ValueKind);
        }
        var steps = fit.GetProperty("forecast").EnumerateArray().ToList();
        Assert.Equal(48, steps.Count);
        Assert.All(steps, step => Assert.True(
            step.GetProperty("lower95").GetDouble() <= step.GetProperty("lower80").GetDouble()
            && step.GetProperty("lower80").GetDouble() <= step.GetProperty("mean").GetDouble()
            && step.GetProperty("mean").GetDouble() <= step.GetProperty("upper80").GetDouble()
            && step.GetProperty("upper80").GetDouble() <= step.GetProperty("upper95").GetDouble()));
    }

    [Fact]
    public void SeasonLength2_MustBeAMultipleOfSeasonLength()
    {
        var result = CliRunner.RunWithInput(SeasonalCsv(), "forecast", "--season-length", "7", "--season-length2", "30", "--horizon", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be a multiple of --season-length", result.Error);
    }

    [Theory]
    [InlineData("--model", "XYZ", "'XYZ' is not a model")]
    [InlineData("--level", "100", "--level")]
    [InlineData("--horizon", "0", "--horizon")]
    public void BadOptions_AreInputErrors(string option, string value, string message)
    {
        var args = new List<string> { "forecast", "--season-length", "7", "--horizon", "3" };
        int existing = args.IndexOf(option);
        if (existing >= 0)
        {
            args[existing + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }
        var result = CliRunner.RunWithInput(SeasonalCsv(), args.ToArray());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void TooShortSeries_NamesTheSeriesAndTheMinimum()
    {
        var csv = "series,value\na,1\na,2\na,3\n";
        var result = CliRunner.RunWithInput(csv, "forecast", "--season-length", "1", "--horizon", "3", "--model", "ANN");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("series 'a'", result.Error);
        Assert.Contains("at least 7", result.Error);
    }

    [Fact]
    public void MissingValueColumn_IsLocated()
    {
        var result = CliRunner.RunWithInput("series,y\na,1\n", "forecast", "--season-length", "1", "--horizon", "3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("column 'value'", result.Error);
    }
}
