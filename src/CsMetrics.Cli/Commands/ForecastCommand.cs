using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Forecasting;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics forecast</c>: ETS fits and forecasts with prediction intervals for one or many series.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("forecast",
            "Fit an ETS (exponential smoothing) model to each series and forecast with prediction intervals.\n" +
            "Input: CSV with a 'value' column (empty = missing), optional 'series' (many series, long format) and\n" +
            "'timestamp' (rows are ordered by it). Output: a JSON array, one object per series, with the model,\n" +
            "its parameters (null when absent), loglik and aicc on R's ets scale, sigma2, converged, and the\n" +
            "forecast steps with lowerL/upperL per --level.\n" +
            "Example: csmetrics forecast --input calls.csv --season-length 7 --horizon 14 --model auto --level 80 --level 95");
        var io = new CommandIo().AddTo(command, withFormat: false);
        var seasonLength = new Option<int>("--season-length", "-m") { Description = "Observations per season (12 monthly, 7 daily with a weekly cycle; 1 = none).", Required = true };
        var seasonLength2 = new Option<int?>("--season-length2") { Description = "A second, longer season (intraday data, e.g. 48 and 336): double-seasonal Holt-Winters." };
        var horizon = new Option<int>("--horizon") { Description = "Steps to forecast.", Required = true };
        var model = new Option<string>("--model") { Description = "auto (smallest AICc, as R's ets) or a model: ANN, AAN, AAdN, ANA, AAA, AAdA, MNN, MAN, MAdN, MNA, MAA, MAdA, MNM, MAM, MAdM.", DefaultValueFactory = _ => "auto" };
        var levels = new Option<double[]>("--level", "-l") { Description = "Prediction interval level in percent; repeat for several (default 80 and 95).", AllowMultipleArgumentsPerToken = false };
        command.Options.Add(seasonLength);
        command.Options.Add(seasonLength2);
        command.Options.Add(horizon);
        command.Options.Add(model);
        command.Options.Add(levels);

        command.SetAction(parse =>
        {
            string source = io.InputName(parse);
            var problems = new InputProblems();
            int m = parse.GetValue(seasonLength);
            int h = parse.GetValue(horizon);
            string modelName = parse.GetValue(model) ?? "auto";
            double[] chosenLevels = parse.GetValue(levels) is { Length: > 0 } given ? given.Distinct().ToArray() : [80, 95];
            if (m < 1)
            {
                problems.Add("--season-length", null, null, $"{m} is out of range: must be >= 1");
            }
            if (h < 1)
            {
                problems.Add("--horizon", null, null, $"{h} is out of range: must be >= 1");
            }
            foreach (double level in chosenLevels)
            {
                if (!(level > 0 && level < 100))
                {
                    problems.Add("--level", null, null, $"{level.ToString(CultureInfo.InvariantCulture)} is out of range: must be > 0 and < 100");
                }
            }
            int? m2 = parse.GetValue(seasonLength2);
            if (m2 is int longer && (m < 2 || longer <= m || longer % m != 0))
            {
                problems.Add("--season-length2", null, null, $"{longer} must be a multiple of --season-length ({m}) and longer than it, e.g. 48 and 336 for half-hours in a day and a week");
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
            var series = ReadSeries(table, problems);
            problems.ThrowIfAny();

            var fitted = m2 is int period2
                ? FitDoubleSeasonal(series, m, period2, h, chosenLevels, source, problems)
                : FitEts(series, m, specification, h, chosenLevels, source, problems);
            problems.ThrowIfAny();

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

    private sealed record Series(string? Name, double[] Values);

    /// <summary>What the output reports for one series, whichever model fitted it.</summary>
    private sealed record FittedSeries(
        string? Name, string Model, double Alpha, double Beta, double Gamma, double Phi, double? Omega,
        double LogLikelihood, double Aicc, double Sigma2, bool Converged, Forecast Forecast);

    private static List<FittedSeries> FitEts(List<Series> series, int m, EtsSpecification? specification, int h, double[] levels, string source, InputProblems problems)
    {
        var results = Ets.FitMany(series.Select(s => s.Values).ToArray(), m, specification);
        var fitted = new List<FittedSeries>(results.Length);
        for (int i = 0; i < results.Length; i++)
        {
            if (results[i].Fit is { } fit)
            {
                var p = fit.Parameters;
                fitted.Add(new FittedSeries(series[i].Name, fit.Specification.ToString(), p.Alpha, p.Beta, p.Gamma, p.Phi, null,
                    fit.LogLikelihood, fit.Aicc, fit.Sigma2, fit.Converged, fit.Forecast(h, levels)));
            }
            else
            {
                problems.Add(source, null, null, $"series '{series[i].Name ?? "(all rows)"}': {results[i].Error}");
            }
        }
        return fitted;
    }

    /// <summary>
    /// Taylor's double-seasonal Holt-Winters per series: closed intervals (zero in every cycle) detected from
    /// the history; multiplicative when every open value is positive, additive otherwise.
    /// </summary>
    private static List<FittedSeries> FitDoubleSeasonal(List<Series> series, int period1, int period2, int h, double[] levels, string source, InputProblems problems)
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
                    model.LogLikelihood, model.Aicc, model.Sigma2, model.Converged, model.Forecast(h, levels)));
            }
            catch (ArgumentException ex)
            {
                problems.Add(source, null, null, $"series '{one.Name ?? "(all rows)"}': {InputException.FromArgument(source, ex).Problems[0].Message}");
            }
        }
        return fitted;
    }

    /// <summary>Groups rows by 'series' (first appearance order), orders them by 'timestamp' when present, reads 'value' (empty = missing).</summary>
    private static List<Series> ReadSeries(InputTable table, InputProblems problems)
    {
        if (!table.RequireColumns(problems, "value"))
        {
            return [];
        }
        bool hasSeries = table.HasColumn("series");
        bool hasTimestamp = table.HasColumn("timestamp");
        var groups = new Dictionary<string, List<(DateTimeOffset Time, int Row, double Value)>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int row = 0; row < table.RowCount; row++)
        {
            string name = hasSeries ? table.GetText(row, "series") ?? "" : "";
            double value = table.ReadOptionalDouble(row, "value", problems) ?? double.NaN;
            var time = DateTimeOffset.MinValue;
            if (hasTimestamp)
            {
                var text = table.GetText(row, "timestamp");
                if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
                {
                    problems.Add(table.Source, table.RowNumber(row), "timestamp", $"'{text}' is not a date and time (use ISO 8601, e.g. 2026-01-31T08:30:00)");
                }
            }
            if (!groups.TryGetValue(name, out var rows))
            {
                rows = [];
                groups[name] = rows;
                order.Add(name);
            }
            rows.Add((time, row, value));
        }
        if (table.RowCount == 0)
        {
            problems.Add(table.Source, null, null, "no data rows");
        }
        return order.Select(name =>
        {
            var rows = groups[name];
            if (hasTimestamp)
            {
                rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Row.CompareTo(b.Row));
            }
            return new Series(hasSeries ? name : null, rows.Select(r => r.Value).ToArray());
        }).ToList();
    }

    private static void WriteSeries(Utf8JsonWriter json, FittedSeries fit, double[] levels)
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
            foreach (double level in levels)
            {
                var interval = forecast.IntervalAt(level);
                string suffix = level.ToString(CultureInfo.InvariantCulture);
                JsonOutput.WriteNumberOrNull(json, "lower" + suffix, interval.Lower[step]);
                JsonOutput.WriteNumberOrNull(json, "upper" + suffix, interval.Upper[step]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
