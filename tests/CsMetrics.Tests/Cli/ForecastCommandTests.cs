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
        var result = CliRunner.RunWithInput(csv, "forecast", "--season-length", "7", "--horizon", "3", "--level", "90", "--model", "ets");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var fits = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["north", "south"], fits.Select(f => f.GetProperty("series").GetString()));
        Assert.True(fits[1].GetProperty("forecast")[0].TryGetProperty("lower90", out _));
        Assert.False(fits[1].GetProperty("forecast")[0].TryGetProperty("lower95", out _));
        Assert.StartsWith("ETS(", fits[0].GetProperty("model").GetString());
        Assert.Equal("ETS", fits[0].GetProperty("family").GetString());
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
    [InlineData("--level", "0.95", "is a fraction, but --level is in percent as in R (80, 95): write 95")]
    [InlineData("--level", "1", "is a fraction, but --level is in percent")]
    [InlineData("--level", "9,5", "'9,5' is not a number")]
    [InlineData("--level", "95%", "'95%' is not a number")]
    [InlineData("--level", "NaN", "'NaN' is not a number")]
    [InlineData("--horizon", "0", "--horizon")]
    [InlineData("--horizon", "100001", "must be 1 to 100,000 steps")]
    [InlineData("--horizon", "1000000", "must be 1 to 100,000 steps")]
    [InlineData("--horizon", "10000000", "must be 1 to 100,000 steps")]
    [InlineData("--gaps", "fill", "'fill' is not a gap rule")]
    [InlineData("--paths", "10", "--paths")]
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
        AssertInputError(result, message);
    }

    /// <summary>Exit 2, one <c>error:</c> line per problem containing <paramref name="message"/>, nothing on stdout.</summary>
    private static void AssertInputError(CliRunner.Result result, string message)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal("", result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("error: ", line));
        Assert.Contains(lines, line => line.Contains(message, StringComparison.Ordinal));
    }

    /// <summary>Runs forecast with --season-length 7 --horizon 3 --model ANA, each overridden by a pair in <paramref name="options"/>.</summary>
    private static CliRunner.Result Forecast(string csv, params string[] options)
    {
        var pairs = new List<(string Name, string Value)> { ("--season-length", "7"), ("--horizon", "3"), ("--model", "ANA") };
        for (int i = 0; i < options.Length; i += 2)
        {
            int existing = pairs.FindIndex(p => p.Name == options[i] && p.Name != "--level");
            if (existing >= 0)
            {
                pairs[existing] = (options[i], options[i + 1]);
            }
            else
            {
                pairs.Add((options[i], options[i + 1]));
            }
        }
        return CliRunner.RunWithInput(csv, ["forecast", .. pairs.SelectMany(p => new[] { p.Name, p.Value })]);
    }

    private static string Daily(int days, Func<int, string?>? timestamp = null, string header = "timestamp,value")
    {
        var text = new StringBuilder(header + "\n");
        var start = new DateTime(2026, 1, 5);
        for (int t = 0; t < days; t++)
        {
            string? stamp = timestamp is null ? start.AddDays(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : timestamp(t);
            if (stamp is null)
            {
                continue;
            }
            double value = 100 + 2 * t + 15 * Math.Sin(2 * Math.PI * t / 7) + 3 * Math.Cos(1.7 * t);
            text.Append(stamp).Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public void Level_in_percent_names_the_fields_and_is_the_fraction_in_the_library()
    {
        var result = Forecast(SeasonalCsv(), "--level", "97.5", "--level", "50");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var step = json.RootElement[0].GetProperty("forecast")[0];
        Assert.True(step.TryGetProperty("lower97.5", out _));
        Assert.True(step.TryGetProperty("upper50", out _));
        // The 97.5% band is wider than the 50% band: --level 97.5 means 97.5%, not 0.975%.
        double width975 = step.GetProperty("upper97.5").GetDouble() - step.GetProperty("lower97.5").GetDouble();
        double width50 = step.GetProperty("upper50").GetDouble() - step.GetProperty("lower50").GetDouble();
        Assert.Equal(2.241402727604947 / 0.6744897501960817, width975 / width50, 1e-9);
    }

    [Fact]
    public void DuplicateTimestamps_AreLocated()
    {
        var csv = Daily(28, t => new DateTime(2026, 1, 5).AddDays(t == 10 ? 9 : t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AssertInputError(Forecast(csv), "row 12, column 'timestamp': duplicate timestamp 2026-01-14: row 11 has the same instant");
    }

    [Fact]
    public void Gaps_AreLocated_OrWithGapsMissing_BecomeMissingValues()
    {
        // Two months missing after day 20: today's bug fitted them as consecutive points.
        var csv = Daily(28, t => new DateTime(2026, 1, 5).AddDays(t < 20 ? t : t + 60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AssertInputError(Forecast(csv), "row 22, column 'timestamp': a gap in the timestamps: 60 steps of 1 day missing between 2026-01-24 (row 21) and 2026-03-26");
        Assert.Contains("--gaps missing", Forecast(csv).Error);

        var filled = Forecast(csv, "--gaps", "missing");
        Assert.True(filled.ExitCode == 0, filled.Error);
        Assert.Equal("note: <stdin>: 1 gap in the timestamps filled with 60 missing values (--gaps missing; the step is 1 day)\n", filled.Error.ReplaceLineEndings("\n"));
        // The same as writing the missing rows with empty values.
        var explicitRows = new StringBuilder("timestamp,value\n");
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            explicitRows.Append(line).Append('\n');
            if (line.StartsWith("2026-01-24", StringComparison.Ordinal))
            {
                for (int d = 1; d <= 60; d++)
                {
                    explicitRows.Append(new DateTime(2026, 1, 24).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(",\n");
                }
            }
        }
        var written = Forecast(explicitRows.ToString());
        Assert.True(written.ExitCode == 0, written.Error);
        Assert.Equal(written.Output, filled.Output);
        Assert.Equal("", written.Error);
    }

    [Fact]
    public void TimestampsOffTheGrid_AreErrorsEvenWithGapsMissing()
    {
        var csv = Daily(28, t => new DateTime(2026, 1, 5, 8, 0, 0).AddHours(24 * t + (t == 5 ? 3 : 0)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        AssertInputError(Forecast(csv, "--gaps", "missing"), "row 7, column 'timestamp': 2026-01-10T11:00:00 is off the series' grid of 1440 minutes");
    }

    [Fact]
    public void TimestampsWithOffsets_ParseAsInstants()
    {
        // Half-hours across the March 2026 change to summer time in Paris: local clock times repeat no
        // step and skip none once the offset is read, so the UTC and the +01:00/+02:00 forms are one series.
        var utc = new DateTime(2026, 3, 28, 0, 0, 0, DateTimeKind.Utc);
        var paris = TimeZoneInfo.CreateCustomTimeZone("Paris", TimeSpan.FromHours(1), "Paris", "CET", "CEST",
            [TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday))]);
        string Zulu(int t) => utc.AddMinutes(30 * t).ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string Local(int t)
        {
            var instant = utc.AddMinutes(30 * t);
            return new DateTimeOffset(instant).ToOffset(paris.GetUtcOffset(instant)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        Assert.Equal("+02:00", Local(140)[^6..]);
        var inZulu = Forecast(Daily(140, Zulu), "--season-length", "48", "--model", "ANN");
        var inLocal = Forecast(Daily(140, Local), "--season-length", "48", "--model", "ANN");
        Assert.True(inZulu.ExitCode == 0, inZulu.Error);
        Assert.True(inLocal.ExitCode == 0, inLocal.Error);
        Assert.Equal(WithoutTimestamps(inZulu.Output), WithoutTimestamps(inLocal.Output));
        Assert.Equal(StepInstants(inZulu.Output), StepInstants(inLocal.Output));
        Assert.EndsWith("+02:00", StepTimestamps(inLocal.Output)[0]);
        Assert.EndsWith("+00:00", StepTimestamps(inZulu.Output)[0]);
        // Without the offsets the local times would skip 02:00-03:00 on 29 March: a located gap.
        AssertInputError(Forecast(Daily(140, t => Local(t)[..^6]), "--season-length", "48", "--model", "ANN"), "a gap in the timestamps: 2 steps of 30 minutes missing");
    }

    [Fact]
    public void DailyTimestampsWithOffsets_StepByCalendarDay()
    {
        // Local midnights across a daylight-saving change are 23 hours apart in UTC: still one day.
        var csv = Daily(28, t => new DateTime(2026, 3, 16).AddDays(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (t < 13 ? "T00:00:00+01:00" : "T00:00:00+02:00"));
        var result = Forecast(csv);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(WithoutTimestamps(Forecast(Daily(28)).Output), WithoutTimestamps(result.Output));
        // The next local midnights, with the last row's offset; dates alone for date input.
        Assert.Equal("2026-04-13T00:00:00+02:00", StepTimestamps(result.Output)[0]);
        Assert.Equal("2026-02-02", StepTimestamps(Forecast(Daily(28)).Output)[0]);
    }

    private static string WithoutTimestamps(string output) =>
        string.Join('\n', output.Split('\n').Where(line => !line.Contains("\"timestamp\"", StringComparison.Ordinal)));

    private static string[] StepTimestamps(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement[0].GetProperty("forecast").EnumerateArray().Select(s => s.GetProperty("timestamp").GetString()!).ToArray();
    }

    private static DateTimeOffset[] StepInstants(string output) =>
        StepTimestamps(output).Select(t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void MonthlyTimestamps_StepByCalendarMonth()
    {
        var csv = Daily(36, t => new DateTime(2023, 1, 1).AddMonths(t).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var monthly = CliRunner.RunWithInput(csv, "forecast", "--season-length", "12", "--horizon", "3", "--model", "ANA");
        Assert.True(monthly.ExitCode == 0, monthly.Error);
        var gap = Daily(36, t => t == 20 ? null : new DateTime(2023, 1, 1).AddMonths(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AssertInputError(CliRunner.RunWithInput(gap, "forecast", "--season-length", "12", "--horizon", "3", "--model", "ANA"), "1 step of 1 month missing");
    }

    [Fact]
    public void MixedOffsets_AreAnError()
    {
        var csv = Daily(28, t => new DateTime(2026, 1, 5, 8, 0, 0).AddDays(t).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + (t == 3 ? "Z" : ""));
        AssertInputError(Forecast(csv), "1 timestamps have a UTC offset and 27 do not");
    }

    [Fact]
    public void AmbiguousTimestamps_AreNotGuessed()
    {
        AssertInputError(Forecast(Daily(28, t => new DateTime(2026, 1, 5).AddDays(t).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture))), "is not an ISO 8601 date");
    }

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void ValuesOutOfScale_AreRejectedNotHung(double scale)
    {
        var csv = "value\n" + string.Concat(Enumerable.Range(0, 28).Select(t => (scale * (100 + t % 7)).ToString("R", CultureInfo.InvariantCulture) + "\n"));
        foreach (var extra in new[] { Array.Empty<string>(), ["--season-length2", "14"] })
        {
            var result = CliRunner.RunWithInput(csv, ["forecast", "--season-length", "7", "--horizon", "3", .. extra]);
            AssertInputError(result, "rescale the series");
            Assert.DoesNotContain("(Parameter", result.Error);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Theory]
    [InlineData("value\n5\n", "needs at least 7")]
    [InlineData("value\n5\n6\n", "needs at least 7")]
    [InlineData("value\n5\n6\n7\n", "needs at least 7")]
    [InlineData("series,value\na,\na,\na,\na,\na,\na,\na,\na,\n", "too few observed values")]
    public void TinySeries_AreClearErrors(string csv, string message)
    {
        AssertInputError(CliRunner.RunWithInput(csv, "forecast", "--season-length", "7", "--horizon", "3", "--model", "ets"), message);
        AssertInputError(CliRunner.RunWithInput(csv, "forecast", "--season-length", "2", "--season-length2", "4", "--horizon", "3"), "series '");
    }

    [Fact]
    public void ConstantSeries_ForecastTheConstantWithZeroWidthBands()
    {
        var result = CliRunner.RunWithInput("value\n" + string.Concat(Enumerable.Repeat("5\n", 30)), "forecast", "--season-length", "7", "--horizon", "2", "--model", "ets");
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var family in new[] { "auto", "arima", "theta", "combo" })
        {
            var other = CliRunner.RunWithInput("value\n" + string.Concat(Enumerable.Repeat("5\n", 30)), "forecast", "--season-length", "7", "--horizon", "2", "--model", family);
            Assert.True(other.ExitCode == 0, $"{family}: {other.Error}");
            using var forecast = JsonDocument.Parse(other.Output);
            var last = forecast.RootElement[0].GetProperty("forecast")[1];
            Assert.Equal(5, last.GetProperty("mean").GetDouble(), 9);
            Assert.Equal(5, last.GetProperty("upper95").GetDouble(), 9);
        }
        using var json = JsonDocument.Parse(result.Output);
        var fit = json.RootElement[0];
        Assert.Equal(0, fit.GetProperty("sigma2").GetDouble());
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("loglik").ValueKind);
        var step = fit.GetProperty("forecast")[1];
        Assert.Equal(5, step.GetProperty("lower95").GetDouble());
        Assert.Equal(5, step.GetProperty("upper95").GetDouble());
    }

    [Fact]
    public void SimulatedWorkBeyondTheLimit_IsAClearError()
    {
        AssertInputError(Forecast(SeasonalCsv(), "--model", "MAM", "--horizon", "20000"), "paths x horizon is limited to 50,000,000");
        AssertInputError(Forecast(SeasonalCsv(), "--season-length", "7", "--season-length2", "14", "--model", "auto", "--horizon", "20000"), "lower --paths to 2500");
        var fewer = Forecast(SeasonalCsv(), "--model", "MAM", "--horizon", "20000", "--paths", "100");
        Assert.True(fewer.ExitCode == 0, fewer.Error);
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
