using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Forecasting;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics forecast</c>: ETS fits and forecasts with prediction intervals for one or many series.</summary>
internal static class ForecastCommand
{
    /// <summary>The longest series <c>--gaps missing</c> may build by inserting missing steps (10 million values).</summary>
    private const int MaxFilledLength = 10_000_000;

    /// <summary>The exit code when some series were forecast and others were not (each failure is in its <c>error</c> field and on standard error).</summary>
    public const int SomeSeriesFailed = 3;

    private static readonly string[] s_families = ["auto", "ets", "arima", "theta", "combo"];

    public static Command Create(CliContext context)
    {
        var command = new Command("forecast",
            "Fit a forecasting model to each series and forecast with prediction intervals.\n" +
            "Input: CSV with a 'value' column (empty or NA = missing), optional 'series' (many series, long format),\n" +
            "'timestamp' (ISO 8601, with or without a UTC offset such as Z or +01:00; rows are ordered by it, and a\n" +
            "duplicate or a gap is an error unless --gaps missing) and 'season_length' (per series). Output: a JSON array,\n" +
            "one object per series, with the family, model, ARIMA order, parameters (null when absent), loglik, aicc, sigma2,\n" +
            "converged, error (null when forecast) and the forecast steps (with timestamps when the input has them) with\n" +
            "lowerL/upperL per --level (in percent, as in R: 80 gives lower80 and upper80).\n" +
            "Example: csmetrics forecast --input calls.csv --season-length 7 --horizon 14 --model auto --level 80 --level 95");
        var io = new CommandIo().AddTo(command, withFormat: false);
        var seasonLength = new Option<int?>("--season-length") { Description = "Observations per season (12 monthly, 7 daily with a weekly cycle; 1 = none); default: the 'season_length' column, else inferred from the timestamps." };
        var seasonLength2 = new Option<int?>("--season-length2") { Description = "A second, longer season (intraday data, e.g. 48 and 336): double-seasonal Holt-Winters." };
        var horizon = new Option<int>("--horizon") { Description = $"Steps to forecast, 1 to {Forecast.MaxHorizon:N0}.", Required = true };
        var model = new Option<string>("--model") { Description = "auto (the family that wins a rolling-origin back-test on the series' own past, with calibrated intervals), ets (smallest AICc, as R's ets), arima (as R's auto.arima), theta (as R's thetaf), combo (mean of ets, arima and theta), or an ETS model: ANN, AAN, AAdN, ANA, AAA, AAdA, MNN, MAN, MAdN, MNA, MAA, MAdA, MNM, MAM, MAdM.", DefaultValueFactory = _ => "auto" };
        var levels = new Option<string[]>("--level", "-l") { Description = "Prediction interval level in percent, as in R (80, 95; a fraction such as 0.95 is an error); repeat for several (default 80 and 95).", AllowMultipleArgumentsPerToken = false };
        var gaps = new Option<string>("--gaps") { Description = "What a gap in the timestamps means: error (default; every gap and duplicate is reported with its row) or missing (the skipped steps become missing values, said on stderr).", DefaultValueFactory = _ => "error" };
        var paths = new Option<int>("--paths") { Description = $"Sample paths for simulated intervals (multiplicative-season ETS, double-seasonal), at least 100; paths x horizon at most {Forecast.MaxSimulatedValues:N0}.", DefaultValueFactory = _ => EtsSimulationOptions.Default.Paths };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone of timestamps without an offset (e.g. Europe/London): rows become instants (a DST change is no gap) and forecast timestamps carry the zone's offset." };
        command.Options.Add(seasonLength);
        command.Options.Add(seasonLength2);
        command.Options.Add(horizon);
        command.Options.Add(model);
        command.Options.Add(levels);
        command.Options.Add(gaps);
        command.Options.Add(paths);
        command.Options.Add(timeZone);

        command.SetAction(parse =>
        {
            string source = io.InputName(parse);
            var problems = new InputProblems();
            int? m = parse.GetValue(seasonLength);
            int h = parse.GetValue(horizon);
            int pathCount = parse.GetValue(paths);
            string modelName = parse.GetValue(model) ?? "auto";
            var chosenLevels = ParseLevels(parse.GetValue(levels), problems);
            string gapRule = parse.GetValue(gaps) ?? "error";
            TimeZoneInfo? zone = null;
            if (parse.GetValue(timeZone) is string zoneId)
            {
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    problems.Add("--time-zone", null, null, $"'{zoneId}' is not a time zone: use an IANA name such as Europe/London or America/New_York");
                }
            }
            if (gapRule is not ("error" or "missing"))
            {
                problems.Add("--gaps", null, null, $"'{gapRule}' is not a gap rule: use error (the default) or missing");
            }
            if (m is < 1)
            {
                problems.Add("--season-length", null, null, $"{m} is out of range: must be >= 1");
            }
            if (h < 1 || h > Forecast.MaxHorizon)
            {
                problems.Add("--horizon", null, null, string.Create(CultureInfo.InvariantCulture,
                    $"{h} is out of range: must be 1 to {Forecast.MaxHorizon:N0} steps (forecast daily totals for longer spans)"));
            }
            if (pathCount < 100)
            {
                problems.Add("--paths", null, null, $"{pathCount} is out of range: must be >= 100");
            }
            int? m2 = parse.GetValue(seasonLength2);
            if (m2 is int longer && (m is not int shorter || shorter < 2 || longer <= shorter || longer % shorter != 0))
            {
                problems.Add("--season-length2", null, null, $"{longer} must be a multiple of --season-length ({(m is int given ? given.ToString(CultureInfo.InvariantCulture) : "not given")}) and longer than it, e.g. 48 and 336 for half-hours in a day and a week");
            }
            if (m2 is not null && h >= 1 && pathCount >= 100 && (long)h * pathCount > Forecast.MaxSimulatedValues)
            {
                problems.Add("--horizon", null, null, string.Create(CultureInfo.InvariantCulture,
                    $"{h} steps x {pathCount} paths exceeds the {Forecast.MaxSimulatedValues:N0} simulated values a double-seasonal forecast may draw: lower --paths to {Forecast.MaxSimulatedValues / h} or shorten --horizon"));
            }
            if (m2 is not null && !modelName.Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("--model", null, null, "with --season-length2 the model is double-seasonal Holt-Winters: leave --model at auto");
            }
            string? family = s_families.FirstOrDefault(f => f.Equals(modelName, StringComparison.OrdinalIgnoreCase));
            string? etsCode = null;
            if (m2 is null && family is null)
            {
                if (EtsSpecification.TryParse(modelName, 12, out _))
                {
                    etsCode = modelName;
                }
                else
                {
                    problems.Add("--model", null, null, $"'{modelName}' is not a model: use auto, ets, arima, theta, combo, or an ETS model: error (A|M), trend (N|A|Ad), season (N|A|M), e.g. MAdM");
                }
            }
            problems.ThrowIfAny();

            var table = io.ReadTable(parse, context, problems);
            var notes = new List<string>();
            var series = ReadSeries(table, gapRule == "missing", zone, problems, notes);
            problems.ThrowIfAny();
            ResolveSeasonLengths(series, m, table.Source, problems);
            problems.ThrowIfAny();

            var fractions = chosenLevels.Select(l => l.Fraction).ToArray();
            var fitted = m2 is int period2
                ? FitDoubleSeasonal(series, m!.Value, period2, h, fractions, pathCount, source)
                : FitSeries(series, family, etsCode, h, fractions, pathCount, source);
            var failures = fitted.Where(f => f.Error is not null).ToArray();
            if (failures.Length == fitted.Count)
            {
                foreach (var failure in failures)
                {
                    problems.Add(source, null, null, failure.Error!);
                }
                problems.ThrowIfAny();
            }

            foreach (var note in notes)
            {
                context.Error.WriteLine($"note: {note}");
            }
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json =>
            {
                json.WriteStartArray();
                foreach (var result in fitted)
                {
                    WriteSeries(json, result, chosenLevels, zone);
                }
                json.WriteEndArray();
            }, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)); // timestamps' '+' as written, not \u002B
            foreach (var failure in failures)
            {
                context.Error.WriteLine($"error: {new InputProblem(source, null, null, failure.Error!)}");
            }
            return failures.Length > 0 ? SomeSeriesFailed : CliApp.Success;
        });
        return command;
    }

    /// <summary>A <c>--level</c>: the percent as written (it names the JSON fields) and the library's fraction.</summary>
    private sealed record Level(string Suffix, double Fraction);

    /// <summary>
    /// Parses <c>--level</c> values: percents in (1, 100), read as every CLI number is (<see cref="NumberOptions.TryParseDouble"/>:
    /// invariant culture, so <c>9,5</c> is an error, not 95). A value at most 1 is rejected: a fraction here would silently mean a band of
    /// under 1%. Repeats are dropped.
    /// </summary>
    private static List<Level> ParseLevels(string[]? given, InputProblems problems)
    {
        if (given is not { Length: > 0 })
        {
            return [new("80", 0.8), new("95", 0.95)];
        }
        var levels = new List<Level>();
        foreach (string text in given)
        {
            if (!NumberOptions.TryParseDouble(text, out double percent))
            {
                // Worded as NumberOptions words every other number option.
                problems.Add("--level", null, null, text.Contains(',')
                    ? $"'{text}' is not a number: use '.' for decimals (e.g. {text.Replace(',', '.')}) and no thousands separators"
                    : $"'{text}' is not a number (a percent such as 95 or 97.5)");
            }
            else if (percent > 0 && percent <= 1)
            {
                problems.Add("--level", null, null, string.Create(CultureInfo.InvariantCulture,
                    $"{text} is a fraction, but --level is in percent as in R (80, 95): write {percent * 100:0.###} for a {percent * 100:0.###}% interval"));
            }
            else if (!(percent > 1 && percent < 100))
            {
                problems.Add("--level", null, null, $"{text} is out of range: a percent > 1 and < 100 (e.g. 80 or 95)");
            }
            else
            {
                string suffix = percent.ToString(CultureInfo.InvariantCulture);
                if (!levels.Any(l => l.Suffix == suffix))
                {
                    levels.Add(new(suffix, percent / 100));
                }
            }
        }
        return levels;
    }

    /// <summary>How a timestamped series steps: calendar months, calendar days (local dates) or elapsed ticks.</summary>
    private enum StepKind { Months, Days, Elapsed }

    /// <summary>The last timestamp of a series and its step, to stamp the forecast steps.</summary>
    private sealed record Timing(StepKind Kind, long Step, DateTimeOffset Last, bool HasOffset);

    private sealed class Series(string? name, double[] values, Timing? timing, int? seasonLength)
    {
        public string? Name { get; } = name;
        public double[] Values { get; } = values;
        public Timing? Timing { get; } = timing;
        public int? SeasonLengthColumn { get; } = seasonLength;
        public int SeasonLength { get; set; }
        public string Label => Name ?? "(all rows)";
    }

    /// <summary>What the output reports for one series, whichever model fitted it (or why none did).</summary>
    private sealed record FittedSeries(
        Series Input, string? Family, string? Model, ArimaOrder? Order, double Alpha, double Beta, double Gamma, double Phi, double? Omega,
        double LogLikelihood, double Aicc, double Sigma2, bool? Converged, Forecast? Forecast, IReadOnlyList<FamilyScore>? Backtest, string? Error);

    private static FittedSeries Failed(Series series, string error) =>
        new(series, null, null, null, double.NaN, double.NaN, double.NaN, double.NaN, null, double.NaN, double.NaN, double.NaN, null, null, null, error);

    /// <summary>
    /// Per series: the family (<c>auto</c>: <see cref="ForecastModels.FitAutoMany"/>; a family: <see cref="ForecastModels.FitMany"/>;
    /// an ETS code: <see cref="Ets.FitMany"/> per season length), then the forecast; a series that fails keeps its error.
    /// </summary>
    private static List<FittedSeries> FitSeries(List<Series> series, string? family, string? etsCode, int h, double[] levels, int paths, string source)
    {
        var simulation = EtsSimulationOptions.Default with { Paths = paths };
        var values = series.Select(s => s.Values).ToArray();
        var lengths = series.Select(s => s.SeasonLength).ToArray();
        var models = new IForecastModel?[series.Count];
        var errors = new string?[series.Count];
        var backtests = new IReadOnlyList<FamilyScore>?[series.Count];
        if (etsCode is not null || family == "ets")
        {
            foreach (var group in Enumerable.Range(0, series.Count).GroupBy(i => lengths[i]))
            {
                EtsSpecification? specification = null;
                if (etsCode is not null)
                {
                    if (!EtsSpecification.TryParse(etsCode, group.Key, out var parsed))
                    {
                        foreach (int i in group)
                        {
                            errors[i] = $"{etsCode} is seasonal but the season length is {group.Key}: give a season length >= 2 or a non-seasonal model";
                        }
                        continue;
                    }
                    specification = parsed;
                }
                var indices = group.ToArray();
                var results = Ets.FitMany(indices.Select(i => values[i]).ToArray(), group.Key, specification);
                for (int k = 0; k < indices.Length; k++)
                {
                    models[indices[k]] = results[k].Fit;
                    errors[indices[k]] = results[k].Error;
                }
            }
        }
        else if (family == "auto")
        {
            var results = ForecastModels.FitAutoMany(values, lengths, ForecastModelOptions.Default with { Horizon = h });
            for (int i = 0; i < results.Length; i++)
            {
                models[i] = results[i].Selection?.Model;
                backtests[i] = results[i].Selection?.Scores;
                errors[i] = results[i].Error;
            }
        }
        else
        {
            var chosen = family switch { "arima" => ForecastFamily.Arima, "theta" => ForecastFamily.Theta, _ => ForecastFamily.Combination };
            var results = ForecastModels.FitMany(values, lengths, chosen);
            for (int i = 0; i < results.Length; i++)
            {
                (models[i], errors[i]) = results[i];
            }
        }
        var fitted = new List<FittedSeries>(series.Count);
        for (int i = 0; i < series.Count; i++)
        {
            string label = series[i].Label;
            if (models[i] is not { } fit)
            {
                fitted.Add(Failed(series[i], $"series '{label}': {WithoutParameterSuffix(errors[i] ?? "")}"));
                continue;
            }
            try
            {
                var forecast = fit switch
                {
                    EtsFit ets => ets.Forecast(h, levels, simulation),
                    CalibratedModel { Model: EtsFit ets } calibrated => calibrated.Calibration.Apply(ets.Forecast(h, levels, simulation)),
                    _ => fit.Forecast(h, levels),
                };
                fitted.Add(Describe(series[i], fit, forecast, backtests[i]));
            }
            catch (ArgumentException ex)
            {
                fitted.Add(Failed(series[i], $"series '{label}' ({fit.Name}): {InputException.FromArgument(source, ex).Problems[0].Message}"));
            }
        }
        return fitted;
    }

    /// <summary>The output fields of a fitted model: ETS parameters and criteria, ARIMA order and criteria, Theta's alpha; null where the family has none.</summary>
    private static FittedSeries Describe(Series series, IForecastModel model, Forecast forecast, IReadOnlyList<FamilyScore>? backtest)
    {
        var inner = model is CalibratedModel calibrated ? calibrated.Model : model;
        return inner switch
        {
            EtsFit ets => new(series, "ETS", ets.Specification.ToString(), null, ets.Parameters.Alpha, ets.Parameters.Beta, ets.Parameters.Gamma, ets.Parameters.Phi,
                null, ets.LogLikelihood, ets.Aicc, ets.Sigma2, ets.Converged, forecast, backtest, null),
            ArimaFit arima => new(series, "ARIMA", arima.Name, arima.Order, double.NaN, double.NaN, double.NaN, double.NaN,
                null, arima.LogLikelihood, arima.Aicc, arima.Sigma2, arima.Converged, forecast, backtest, null),
            ThetaFit theta => new(series, "Theta", theta.Name, null, theta.Alpha, double.NaN, double.NaN, double.NaN,
                null, double.NaN, double.NaN, theta.Sigma2, theta.Ses.Converged, forecast, backtest, null),
            _ => new(series, inner.Family, inner.Name, null, double.NaN, double.NaN, double.NaN, double.NaN,
                null, double.NaN, double.NaN, double.NaN, null, forecast, backtest, null),
        };
    }

    /// <summary>
    /// Taylor's double-seasonal Holt-Winters per series: closed intervals (zero in every cycle) detected from
    /// the history; multiplicative when every open value is positive, additive otherwise.
    /// </summary>
    private static List<FittedSeries> FitDoubleSeasonal(List<Series> series, int period1, int period2, int h, double[] levels, int paths, string source)
    {
        var fitted = new List<FittedSeries>(series.Count);
        foreach (var one in series)
        {
            try
            {
                var open = OpenHoursMask.Detect(one.Values, period2);
                bool positive = one.Values.Select((v, t) => !open.IsOpen(t) || double.IsNaN(v) || v > 0).All(ok => ok);
                var form = positive ? DoubleSeasonalForm.Multiplicative : DoubleSeasonalForm.Additive;
                var model = DoubleSeasonalHoltWinters.Fit(one.Values, period1, period2, new DoubleSeasonalOptions { Form = form, OpenHours = open });
                var p = model.Parameters;
                fitted.Add(new FittedSeries(one, "DSHW", "DSHW", null, p.Alpha, model.HasTrend ? p.Beta : double.NaN, p.Gamma, p.Phi, p.Omega,
                    model.LogLikelihood, model.Aicc, model.Sigma2, model.Converged, model.Forecast(h, levels, paths), null, null));
            }
            catch (ArgumentException ex)
            {
                fitted.Add(Failed(one, $"series '{one.Label}': {InputException.FromArgument(source, ex).Problems[0].Message}"));
            }
        }
        return fitted;
    }

    /// <summary>
    /// Each series' season length: its <c>season_length</c> cell, else <c>--season-length</c>, else inferred from the
    /// timestamps' step (monthly 12, quarterly 4, yearly 1, daily 7, weekly 52, a step dividing a day: steps per day).
    /// </summary>
    private static void ResolveSeasonLengths(List<Series> series, int? option, string source, InputProblems problems)
    {
        foreach (var one in series)
        {
            int? inferred = one.Timing is { } timing ? timing.Kind switch
            {
                StepKind.Months => timing.Step switch { 1 => 12, 3 => 4, 12 => 1, _ => null },
                StepKind.Days => timing.Step switch { 1 => 7, 7 => 52, _ => null },
                _ => timing.Step < TimeSpan.TicksPerDay && TimeSpan.TicksPerDay % timing.Step == 0 ? (int)(TimeSpan.TicksPerDay / timing.Step) : null,
            } : null;
            if ((one.SeasonLengthColumn ?? option ?? inferred) is int m)
            {
                one.SeasonLength = m;
            }
            else
            {
                problems.Add(source, null, null, one.Timing is null
                    ? $"series '{one.Label}': no season length: give --season-length, a 'season_length' column, or timestamps to infer it from"
                    : $"series '{one.Label}': no season length can be inferred from a step of {Describe(one.Timing)}: give --season-length or a 'season_length' column");
            }
        }

        static string Describe(Timing t) => t.Kind switch
        {
            StepKind.Months => Count(t.Step, "month"),
            StepKind.Days => Count(t.Step, "day"),
            _ => t.Step % TimeSpan.TicksPerMinute == 0 ? Count(t.Step / TimeSpan.TicksPerMinute, "minute") : Count((long)TimeSpan.FromTicks(t.Step).TotalSeconds, "second"),
        };
    }

    private static string Count(long count, string unit) => $"{count} {unit}{(count == 1 ? "" : "s")}";

    /// <summary>A library message as one line: its first line, without the runtime's " (Parameter 'x')" suffix.</summary>
    private static string WithoutParameterSuffix(string message)
    {
        string first = message.Split('\n')[0].Trim();
        int at = first.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return at >= 0 && first.EndsWith("')", StringComparison.Ordinal) ? first[..at] : first;
    }

    /// <summary>One row of a series: its instant (if timestamped), whether it had a UTC offset, its row index and value.</summary>
    private readonly record struct Row(DateTimeOffset Time, bool HasOffset, int Index, double Value);

    private static readonly string[] s_timestampFormats = BuildTimestampFormats();

    private static string[] BuildTimestampFormats()
    {
        var formats = new List<string> { "yyyy-MM", "yyyy-MM-dd" };
        foreach (string time in new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" })
        {
            foreach (string separator in new[] { "'T'", " " })
            {
                foreach (string offset in new[] { "", "zzz", "'Z'" })
                {
                    formats.Add($"yyyy-MM-dd{separator}{time}{offset}");
                }
            }
        }
        return formats.ToArray();
    }

    /// <summary>
    /// Groups rows by 'series' (first appearance order), orders them by 'timestamp' when present, reads 'value'
    /// (empty = missing), and checks that each series is equally spaced (see <see cref="CheckSpacing"/>).
    /// </summary>
    private static List<Series> ReadSeries(InputTable table, bool gapsAreMissing, TimeZoneInfo? zone, InputProblems problems, List<string> notes)
    {
        if (!table.RequireColumns(problems, "value"))
        {
            return [];
        }
        bool hasSeries = table.HasColumn("series");
        bool hasTimestamp = table.HasColumn("timestamp");
        bool hasSeasonLength = table.HasColumn("season_length");
        var seasonLengths = new Dictionary<string, (int Value, int Row)>(StringComparer.Ordinal);
        var groups = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var order = new List<string>();
        int withOffset = 0, withoutOffset = 0;
        for (int row = 0; row < table.RowCount; row++)
        {
            string name = hasSeries ? table.GetText(row, "series") ?? "" : "";
            // R's write.csv writes a missing value as NA: read it as missing, as an empty cell.
            double value = table.GetText(row, "value")?.Trim() == "NA" ? double.NaN : table.ReadOptionalDouble(row, "value", problems) ?? double.NaN;
            if (hasSeasonLength && table.GetText(row, "season_length")?.Trim() is { Length: > 0 } seasonText)
            {
                if (!int.TryParse(seasonText, NumberStyles.None, CultureInfo.InvariantCulture, out int seasonValue) || seasonValue < 1 || seasonValue > Forecast.MaxHorizon)
                {
                    problems.Add(table.Source, table.RowNumber(row), "season_length", $"'{seasonText}' is not a season length: a whole number of observations per season, 1 to {Forecast.MaxHorizon:N0}");
                }
                else if (seasonLengths.TryGetValue(name, out var earlier) && earlier.Value != seasonValue)
                {
                    problems.Add(table.Source, table.RowNumber(row), "season_length",
                        $"{(hasSeries ? $"series '{name}': " : "")}season_length {seasonValue} differs from {earlier.Value} at row {table.RowNumber(earlier.Row)} (one season length per series)");
                }
                else
                {
                    seasonLengths.TryAdd(name, (seasonValue, row));
                }
            }
            var time = DateTimeOffset.MinValue;
            bool hasOffset = false;
            if (hasTimestamp)
            {
                var text = table.GetText(row, "timestamp")?.Trim();
                if (text is null || !DateTimeOffset.TryParseExact(text, s_timestampFormats, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal, out time))
                {
                    problems.Add(table.Source, table.RowNumber(row), "timestamp", $"'{text}' is not an ISO 8601 date and time (e.g. 2026-01-31, 2026-01-31T08:30, 2026-01-31T08:30:00+01:00 or 2026-01-31T07:30:00Z)");
                }
                else
                {
                    hasOffset = text.EndsWith('Z') || (text.Length > 16 && text[^6] is '+' or '-' && text[^3] == ':');
                    _ = hasOffset ? withOffset++ : withoutOffset++;
                    if (!hasOffset && zone is not null)
                    {
                        // A local time in the given zone: an instant, unless the zone skips or repeats it.
                        var local = time.DateTime;
                        if (zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local))
                        {
                            problems.Add(table.Source, table.RowNumber(row), "timestamp",
                                $"'{text}' {(zone.IsInvalidTime(local) ? "does not exist" : "happens twice")} in {zone.Id} (a DST change): give timestamps with offsets");
                        }
                        else
                        {
                            time = new DateTimeOffset(local, zone.GetUtcOffset(local));
                            hasOffset = true;
                        }
                    }
                }
            }
            if (!groups.TryGetValue(name, out var rows))
            {
                rows = [];
                groups[name] = rows;
                order.Add(name);
            }
            rows.Add(new Row(time, hasOffset, row, value));
        }
        if (table.RowCount == 0)
        {
            problems.Add(table.Source, null, null, "no data rows");
        }
        if (withOffset > 0 && withoutOffset > 0)
        {
            problems.Add(table.Source, null, "timestamp", $"{withOffset} timestamps have a UTC offset and {withoutOffset} do not: give every timestamp an offset (Z, +01:00) or none");
            return [];
        }
        if (problems.Any)
        {
            return [];
        }
        var result = new List<Series>(order.Count);
        foreach (string name in order)
        {
            var rows = groups[name];
            double[] values;
            Timing? timing = null;
            if (hasTimestamp)
            {
                rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Index.CompareTo(b.Index));
                (values, timing) = CheckSpacing(table, hasSeries ? name : null, rows, gapsAreMissing, problems, notes);
            }
            else
            {
                values = rows.Select(r => r.Value).ToArray();
            }
            result.Add(new Series(hasSeries ? name : null, values, timing, seasonLengths.TryGetValue(name, out var given) ? given.Value : null));
        }
        return result;
    }

    /// <summary>
    /// The step of a timestamped series is its most common difference between consecutive timestamps: whole
    /// calendar months when every timestamp is midnight on the 1st of a month, whole calendar days (in the
    /// timestamps' own local dates, so a daylight-saving change does not make a 23-hour gap) when every
    /// timestamp is a midnight, and elapsed time otherwise. A duplicate timestamp, a difference that is not a
    /// whole number of steps, or (unless <paramref name="gapsAreMissing"/>) a gap is a located problem; with
    /// <paramref name="gapsAreMissing"/> each skipped step becomes a missing value and a note says so.
    /// </summary>
    private static (double[] Values, Timing? Timing) CheckSpacing(InputTable table, string? name, List<Row> rows, bool gapsAreMissing, InputProblems problems, List<string> notes)
    {
        string label = name is null ? "" : $"series '{name}': ";
        if (rows.Count < 2)
        {
            return (rows.Select(r => r.Value).ToArray(), null);
        }
        bool midnights = rows.All(r => r.Time.TimeOfDay == TimeSpan.Zero);
        bool monthly = midnights && rows.All(r => r.Time.Day == 1);
        // Positions on the chosen clock: months since year 0, days since 0001-01-01, or UTC ticks.
        long Position(Row r) => monthly ? r.Time.Year * 12L + r.Time.Month - 1
            : midnights ? r.Time.DateTime.Ticks / TimeSpan.TicksPerDay
            : r.Time.UtcTicks;
        string Unit(long steps) => monthly ? Count(steps, "month")
            : midnights ? Count(steps, "day")
            : steps % TimeSpan.TicksPerMinute == 0 ? Count(steps / TimeSpan.TicksPerMinute, "minute")
            : Count((long)TimeSpan.FromTicks(steps).TotalSeconds, "second");
        var differences = new Dictionary<long, int>();
        for (int i = 1; i < rows.Count; i++)
        {
            long difference = Position(rows[i]) - Position(rows[i - 1]);
            if (difference > 0)
            {
                differences[difference] = differences.GetValueOrDefault(difference) + 1;
            }
        }
        if (differences.Count == 0)
        {
            problems.Add(table.Source, table.RowNumber(rows[1].Index), "timestamp", $"{label}every timestamp is the same");
            return ([], null);
        }
        // The most common difference; ties go to the smaller one.
        long step = differences.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).First().Key;
        var values = new List<double>(rows.Count) { rows[0].Value };
        long inserted = 0;
        int gapCount = 0;
        for (int i = 1; i < rows.Count; i++)
        {
            var previous = rows[i - 1];
            var current = rows[i];
            long difference = Position(current) - Position(previous);
            int rowNumber = table.RowNumber(current.Index);
            if (difference == 0)
            {
                problems.Add(table.Source, rowNumber, "timestamp", $"{label}duplicate timestamp {Text(current)}: row {table.RowNumber(previous.Index)} has the same instant (give each step one row)");
                continue;
            }
            if (difference % step != 0)
            {
                problems.Add(table.Source, rowNumber, "timestamp", $"{label}{Text(current)} is off the series' grid of {Unit(step)} (it follows {Text(previous)} by {Unit(difference)})");
                continue;
            }
            long missing = difference / step - 1;
            if (missing > 0)
            {
                if (!gapsAreMissing)
                {
                    problems.Add(table.Source, rowNumber, "timestamp",
                        $"{label}a gap in the timestamps: {missing} step{(missing == 1 ? "" : "s")} of {Unit(step)} missing between {Text(previous)} (row {table.RowNumber(previous.Index)}) and {Text(current)}; add the rows (an empty value is a missing value) or pass --gaps missing");
                    continue;
                }
                if (values.Count + inserted + missing > MaxFilledLength)
                {
                    problems.Add(table.Source, rowNumber, "timestamp", $"{label}filling the gaps would make the series longer than {MaxFilledLength:N0} steps of {Unit(step)}");
                    return ([], null);
                }
                inserted += missing;
                gapCount++;
                for (long k = 0; k < missing; k++)
                {
                    values.Add(double.NaN);
                }
            }
            values.Add(current.Value);
        }
        if (inserted > 0)
        {
            notes.Add($"{table.Source}: {label}{gapCount} gap{(gapCount == 1 ? "" : "s")} in the timestamps filled with {inserted} missing value{(inserted == 1 ? "" : "s")} (--gaps missing; the step is {Unit(step)})");
        }
        var kind = monthly ? StepKind.Months : midnights ? StepKind.Days : StepKind.Elapsed;
        return (values.ToArray(), new Timing(kind, step, rows[^1].Time, rows[^1].HasOffset));

        string Text(Row r) => r.HasOffset ? r.Time.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)
            : r.Time.ToString(midnights ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The timestamp of forecast step <paramref name="k"/> (1-based): calendar months or days after the last row
    /// (same wall-clock time), or elapsed time; with an offset from <paramref name="zone"/>, else the last row's
    /// offset when the input had offsets, else as a local time (a date alone for day and month grids).
    /// </summary>
    private static string StepTimestamp(Timing timing, int k, TimeZoneInfo? zone)
    {
        if (timing.Kind == StepKind.Elapsed)
        {
            var instant = timing.Last.AddTicks(timing.Step * k);
            if (zone is not null)
            {
                return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
            }
            return timing.HasOffset ? instant.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
                : instant.DateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        }
        var local = timing.Kind == StepKind.Months ? timing.Last.DateTime.AddMonths(checked((int)(timing.Step * k))) : timing.Last.DateTime.AddDays(timing.Step * k);
        if (zone is not null)
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        return timing.HasOffset ? new DateTimeOffset(local, timing.Last.Offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static void WriteSeries(Utf8JsonWriter json, FittedSeries fit, List<Level> levels, TimeZoneInfo? zone)
    {
        json.WriteStartObject();
        if (fit.Input.Name is null)
        {
            json.WriteNull("series");
        }
        else
        {
            json.WriteString("series", fit.Input.Name);
        }
        WriteStringOrNull(json, "family", fit.Family);
        WriteStringOrNull(json, "model", fit.Model);
        if (fit.Order is { } order)
        {
            json.WriteStartArray("order");
            json.WriteNumberValue(order.P);
            json.WriteNumberValue(order.D);
            json.WriteNumberValue(order.Q);
            json.WriteEndArray();
            json.WriteStartArray("seasonal");
            json.WriteNumberValue(order.SeasonalP);
            json.WriteNumberValue(order.SeasonalD);
            json.WriteNumberValue(order.SeasonalQ);
            json.WriteNumberValue(order.SeasonLength);
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("order");
            json.WriteNull("seasonal");
        }
        json.WriteNumber("season_length", fit.Input.SeasonLength);
        JsonOutput.WriteNumberOrNull(json, "alpha", fit.Alpha);
        JsonOutput.WriteNumberOrNull(json, "beta", fit.Beta);
        JsonOutput.WriteNumberOrNull(json, "gamma", fit.Gamma);
        if (fit.Omega is double omega)
        {
            // Double-seasonal only: the smoothing parameter of the second (longer) season.
            JsonOutput.WriteNumberOrNull(json, "omega", omega);
        }
        JsonOutput.WriteNumberOrNull(json, "phi", fit.Phi);
        JsonOutput.WriteNumberOrNull(json, "loglik", fit.LogLikelihood);
        JsonOutput.WriteNumberOrNull(json, "aicc", fit.Aicc);
        JsonOutput.WriteNumberOrNull(json, "sigma2", fit.Sigma2);
        if (fit.Converged is bool converged)
        {
            json.WriteBoolean("converged", converged);
        }
        else
        {
            json.WriteNull("converged");
        }
        if (fit.Backtest is { } backtest)
        {
            json.WriteStartArray("backtest");
            foreach (var score in backtest)
            {
                json.WriteStartObject();
                json.WriteString("family", FamilyName(score.Family));
                JsonOutput.WriteNumberOrNull(json, "mase", score.MeanAbsoluteScaledError);
                JsonOutput.WriteNumberOrNull(json, "coverage95", score.Coverage95);
                json.WriteNumber("origins", score.Origins);
                WriteStringOrNull(json, "error", score.Error is null ? null : WithoutParameterSuffix(score.Error));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        WriteStringOrNull(json, "error", fit.Error);
        if (fit.Forecast is not { } forecast)
        {
            json.WriteNull("forecast");
            json.WriteEndObject();
            return;
        }
        json.WriteStartArray("forecast");
        for (int step = 0; step < forecast.Horizon; step++)
        {
            json.WriteStartObject();
            json.WriteNumber("step", step + 1);
            if (fit.Input.Timing is { } timing)
            {
                json.WriteString("timestamp", StepTimestamp(timing, step + 1, zone));
            }
            JsonOutput.WriteNumberOrNull(json, "mean", forecast.Mean[step]);
            foreach (var level in levels)
            {
                var interval = forecast.IntervalAt(level.Fraction);
                JsonOutput.WriteNumberOrNull(json, "lower" + level.Suffix, interval.Lower[step]);
                JsonOutput.WriteNumberOrNull(json, "upper" + level.Suffix, interval.Upper[step]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string FamilyName(ForecastFamily family) => family switch
    {
        ForecastFamily.Ets => "ETS",
        ForecastFamily.Arima => "ARIMA",
        ForecastFamily.Theta => "Theta",
        _ => "Combination",
    };

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
