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

    public static Command Create(CliContext context)
    {
        var command = new Command("forecast",
            "Fit an ETS (exponential smoothing) model to each series and forecast with prediction intervals.\n" +
            "Input: CSV with a 'value' column (empty = missing), optional 'series' (many series, long format) and\n" +
            "'timestamp' (ISO 8601, with or without a UTC offset such as Z or +01:00; rows are ordered by it, and a\n" +
            "duplicate or a gap is an error unless --gaps missing). Output: a JSON array, one object per series, with\n" +
            "the model, its parameters (null when absent), loglik and aicc on R's ets scale, sigma2, converged, and the\n" +
            "forecast steps with lowerL/upperL per --level (in percent, as in R: 80 gives lower80 and upper80).\n" +
            "Example: csmetrics forecast --input calls.csv --season-length 7 --horizon 14 --model auto --level 80 --level 95");
        var io = new CommandIo().AddTo(command, withFormat: false);
        var seasonLength = new Option<int>("--season-length") { Description = "Observations per season (12 monthly, 7 daily with a weekly cycle; 1 = none).", Required = true };
        var seasonLength2 = new Option<int?>("--season-length2") { Description = "A second, longer season (intraday data, e.g. 48 and 336): double-seasonal Holt-Winters." };
        var horizon = new Option<int>("--horizon") { Description = $"Steps to forecast, 1 to {Forecast.MaxHorizon:N0}.", Required = true };
        var model = new Option<string>("--model") { Description = "auto (smallest AICc, as R's ets) or a model: ANN, AAN, AAdN, ANA, AAA, AAdA, MNN, MAN, MAdN, MNA, MAA, MAdA, MNM, MAM, MAdM.", DefaultValueFactory = _ => "auto" };
        var levels = new Option<string[]>("--level", "-l") { Description = "Prediction interval level in percent, as in R (80, 95; a fraction such as 0.95 is an error); repeat for several (default 80 and 95).", AllowMultipleArgumentsPerToken = false };
        var gaps = new Option<string>("--gaps") { Description = "What a gap in the timestamps means: error (default; every gap and duplicate is reported with its row) or missing (the skipped steps become missing values, said on stderr).", DefaultValueFactory = _ => "error" };
        var paths = new Option<int>("--paths") { Description = $"Sample paths for simulated intervals (multiplicative-season ETS, double-seasonal), at least 100; paths x horizon at most {Forecast.MaxSimulatedValues:N0}.", DefaultValueFactory = _ => EtsSimulationOptions.Default.Paths };
        command.Options.Add(seasonLength);
        command.Options.Add(seasonLength2);
        command.Options.Add(horizon);
        command.Options.Add(model);
        command.Options.Add(levels);
        command.Options.Add(gaps);
        command.Options.Add(paths);

        command.SetAction(parse =>
        {
            string source = io.InputName(parse);
            var problems = new InputProblems();
            int m = parse.GetValue(seasonLength);
            int h = parse.GetValue(horizon);
            int pathCount = parse.GetValue(paths);
            string modelName = parse.GetValue(model) ?? "auto";
            var chosenLevels = ParseLevels(parse.GetValue(levels), problems);
            string gapRule = parse.GetValue(gaps) ?? "error";
            if (gapRule is not ("error" or "missing"))
            {
                problems.Add("--gaps", null, null, $"'{gapRule}' is not a gap rule: use error (the default) or missing");
            }
            if (m < 1)
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
            if (m2 is int longer && (m < 2 || longer <= m || longer % m != 0))
            {
                problems.Add("--season-length2", null, null, $"{longer} must be a multiple of --season-length ({m}) and longer than it, e.g. 48 and 336 for half-hours in a day and a week");
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
            EtsSpecification? specification = null;
            if (m2 is null && !modelName.Equals("auto", StringComparison.OrdinalIgnoreCase) && m >= 1)
            {
                if (EtsSpecification.TryParse(modelName, m, out var parsed))
                {
                    specification = parsed;
                }
                else
                {
                    problems.Add("--model", null, null, $"'{modelName}' is not a model: use auto or error (A|M), trend (N|A|Ad), season (N|A|M), e.g. MAdM; a seasonal model needs --season-length >= 2");
                }
            }
            problems.ThrowIfAny();

            var table = io.ReadTable(parse, context, problems);
            var notes = new List<string>();
            var series = ReadSeries(table, gapRule == "missing", problems, notes);
            problems.ThrowIfAny();

            var fractions = chosenLevels.Select(l => l.Fraction).ToArray();
            var fitted = m2 is int period2
                ? FitDoubleSeasonal(series, m, period2, h, fractions, pathCount, source, problems)
                : FitEts(series, m, specification, h, fractions, pathCount, source, problems);
            problems.ThrowIfAny();

            foreach (var note in notes)
            {
                context.Error.WriteLine($"note: {note}");
            }
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json =>
            {
                json.WriteStartArray();
                foreach (var result in fitted)
                {
                    WriteSeries(json, result, chosenLevels);
                }
                json.WriteEndArray();
            }));
            return CliApp.Success;
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

    private sealed record Series(string? Name, double[] Values);

    /// <summary>What the output reports for one series, whichever model fitted it.</summary>
    private sealed record FittedSeries(
        string? Name, string Model, double Alpha, double Beta, double Gamma, double Phi, double? Omega,
        double LogLikelihood, double Aicc, double Sigma2, bool Converged, Forecast Forecast);

    private static List<FittedSeries> FitEts(List<Series> series, int m, EtsSpecification? specification, int h, double[] levels, int paths,
        string source, InputProblems problems)
    {
        var results = Ets.FitMany(series.Select(s => s.Values).ToArray(), m, specification);
        var simulation = EtsSimulationOptions.Default with { Paths = paths };
        var fitted = new List<FittedSeries>(results.Length);
        for (int i = 0; i < results.Length; i++)
        {
            string name = series[i].Name ?? "(all rows)";
            if (results[i].Fit is not { } fit)
            {
                problems.Add(source, null, null, $"series '{name}': {WithoutParameterSuffix(results[i].Error ?? "")}");
                continue;
            }
            try
            {
                var p = fit.Parameters;
                fitted.Add(new FittedSeries(series[i].Name, fit.Specification.ToString(), p.Alpha, p.Beta, p.Gamma, p.Phi, null,
                    fit.LogLikelihood, fit.Aicc, fit.Sigma2, fit.Converged, fit.Forecast(h, levels, simulation)));
            }
            catch (ArgumentException ex)
            {
                problems.Add(source, null, null, $"series '{name}' ({fit.Specification}): {InputException.FromArgument(source, ex).Problems[0].Message}");
            }
        }
        return fitted;
    }

    /// <summary>
    /// Taylor's double-seasonal Holt-Winters per series: closed intervals (zero in every cycle) detected from
    /// the history; multiplicative when every open value is positive, additive otherwise.
    /// </summary>
    private static List<FittedSeries> FitDoubleSeasonal(List<Series> series, int period1, int period2, int h, double[] levels, int paths,
        string source, InputProblems problems)
    {
        var fitted = new List<FittedSeries>(series.Count);
        foreach (var one in series)
        {
            try
            {
                var open = OpenHoursMask.Detect(one.Values, period2);
                bool positive = one.Values.Select((v, t) => !open.IsOpen(t) || double.IsNaN(v) || v > 0).All(ok => ok);
                var form = positive ? DoubleSeasonalForm.Multiplicative : DoubleSeasonalForm.Additive;
                var model = DoubleSeasonalHoltWinters.Fit(one.Values, period1, period2, form, open);
                var p = model.Parameters;
                fitted.Add(new FittedSeries(one.Name, "DSHW", p.Alpha, model.HasTrend ? p.Beta : double.NaN, p.Gamma, p.Phi, p.Omega,
                    model.LogLikelihood, model.Aicc, model.Sigma2, model.Converged, model.Forecast(h, levels, paths)));
            }
            catch (ArgumentException ex)
            {
                problems.Add(source, null, null, $"series '{one.Name ?? "(all rows)"}': {InputException.FromArgument(source, ex).Problems[0].Message}");
            }
        }
        return fitted;
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
    private static List<Series> ReadSeries(InputTable table, bool gapsAreMissing, InputProblems problems, List<string> notes)
    {
        if (!table.RequireColumns(problems, "value"))
        {
            return [];
        }
        bool hasSeries = table.HasColumn("series");
        bool hasTimestamp = table.HasColumn("timestamp");
        var groups = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var order = new List<string>();
        int withOffset = 0, withoutOffset = 0;
        for (int row = 0; row < table.RowCount; row++)
        {
            string name = hasSeries ? table.GetText(row, "series") ?? "" : "";
            double value = table.ReadOptionalDouble(row, "value", problems) ?? double.NaN;
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
            if (hasTimestamp)
            {
                rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Index.CompareTo(b.Index));
                values = CheckSpacing(table, hasSeries ? name : null, rows, gapsAreMissing, problems, notes);
            }
            else
            {
                values = rows.Select(r => r.Value).ToArray();
            }
            result.Add(new Series(hasSeries ? name : null, values));
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
    private static double[] CheckSpacing(InputTable table, string? name, List<Row> rows, bool gapsAreMissing, InputProblems problems, List<string> notes)
    {
        string label = name is null ? "" : $"series '{name}': ";
        if (rows.Count < 2)
        {
            return rows.Select(r => r.Value).ToArray();
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
            return [];
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
                    return [];
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
        return values.ToArray();

        string Text(Row r) => r.HasOffset ? r.Time.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)
            : r.Time.ToString(midnights ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    }

    private static void WriteSeries(Utf8JsonWriter json, FittedSeries fit, List<Level> levels)
    {
        var forecast = fit.Forecast;
        json.WriteStartObject();
        if (fit.Name is null)
        {
            json.WriteNull("series");
        }
        else
        {
            json.WriteString("series", fit.Name);
        }
        json.WriteString("model", fit.Model);
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
        json.WriteBoolean("converged", fit.Converged);
        json.WriteStartArray("forecast");
        for (int step = 0; step < forecast.Horizon; step++)
        {
            json.WriteStartObject();
            json.WriteNumber("step", step + 1);
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
}
