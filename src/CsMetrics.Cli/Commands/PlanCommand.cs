using System.CommandLine;
using CsMetrics.Data;
using System.Text.Json;
using CsMetrics.Cli.Plan;
using CsMetrics.Planning;
using CsMetrics.Scheduling;

namespace CsMetrics.Cli.Commands;

/// <summary>
/// <c>csmetrics plan</c>: the workforce plan end to end (forecast, staffing, shifts) with a terminal
/// report, on the bundled sample when no input is given.
/// </summary>
internal static class PlanCommand
{
    private static readonly string SampleHistory = Path.Combine(AppContext.BaseDirectory, "Samples", "history.csv");

    public static Command Create(CliContext context)
    {
        var defaults = new PlanOptions();
        var input = new Option<FileInfo?>("--input", "-i") { Description = "History CSV with timestamp,value columns, equally spaced, at least two weeks, ending at the end of a day. Default: the bundled 8-week sample." };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Directory to write forecast.csv, staffing.csv, schedule-problem.json, schedule.json and report.md." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write a PNG chart of the forecast, the requirement and the coverage to this file." };
        var intervalMinutes = new Option<int?>("--interval-minutes") { Description = "Interval length in minutes (default: read from the timestamps)." };
        var horizonDays = new Option<int>("--horizon-days") { Description = "Days to plan after the history.", DefaultValueFactory = _ => defaults.HorizonDays };
        var aht = new Option<double>("--aht-s") { Description = "Average handle time in seconds.", DefaultValueFactory = _ => defaults.AverageHandleTime.TotalSeconds };
        var targetSl = new Option<double>("--target-sl") { Description = "Service-level target, a fraction (0.8 = 80%).", DefaultValueFactory = _ => defaults.ServiceLevelTarget };
        var answer = new Option<double>("--answer-s") { Description = "Answer-within threshold of the service level, seconds.", DefaultValueFactory = _ => defaults.AnswerWithin.TotalSeconds };
        var maxOccupancy = new Option<double?>("--max-occupancy") { Description = $"Highest acceptable occupancy, a fraction (default {defaults.MaxOccupancy}); 1 for no cap." };
        var shrinkage = new Option<double>("--shrinkage") { Description = "Share of paid time not available for contacts, a fraction.", DefaultValueFactory = _ => defaults.Shrinkage };
        var patience = new Option<double?>("--patience-s") { Description = "Average caller patience in seconds: plan with Erlang A (abandonment) instead of Erlang C." };
        var templates = new Option<FileInfo?>("--templates") { Description = "Shift templates: a JSON file holding the schedule contract's templates array (or a problem object with a templates field)." };
        var understaff = new Option<double>("--understaff-cost") { Description = "Cost per agent-interval short of the requirement.", DefaultValueFactory = _ => defaults.UnderstaffCost };
        var overstaff = new Option<double>("--overstaff-cost") { Description = "Cost per agent-interval over the requirement.", DefaultValueFactory = _ => defaults.OverstaffCost };
        var timeLimit = new Option<double>("--time-limit-s") { Description = "Time limit of the schedule search, seconds.", DefaultValueFactory = _ => defaults.ScheduleTimeLimit.TotalSeconds };
        var forecastMethod = new Option<string>("--forecast-method")
        {
            Description = "best (default: the lowest MASE when the last week of history is held out; double-seasonal with under three weeks), double-seasonal, daily-profile (ETS daily totals x weekday profiles), historical-average, or seasonal-naive.",
            DefaultValueFactory = _ => "best",
        };
        forecastMethod.AcceptOnlyFromAmong([.. ForecastMethods.Keys]);
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated intervals and of the schedule search.", DefaultValueFactory = _ => defaults.Seed };

        var command = new Command("plan",
            "The workforce plan end to end: forecast the next week from half-hourly history (the method that wins its back-test, closed hours detected), " +
            "staff every interval with Erlang C (Erlang A with --patience-s), schedule shifts with breaks, and report what the schedule delivers " +
            "(service level and occupancy computed from the scheduled coverage).\n" +
            "Example: csmetrics plan --aht-s 300 --target-sl 0.8 --answer-s 20 --shrinkage 0.3 --output plan --chart plan.png");
        var tableInput = new TableInputOptions();
        tableInput.AddTo(command);
        var timestampColumn = new Option<string>("--timestamp-column") { Description = "The history's timestamp column (default timestamp; interval_start for a csmetrics report).", DefaultValueFactory = _ => "timestamp" };
        var valueColumn = new Option<string>("--value-column") { Description = "The history's volume column (default value; offered for a csmetrics report).", DefaultValueFactory = _ => "value" };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone of history timestamps written without an offset (e.g. Europe/London), so DST days are read as they are." };
        command.Options.Add(timestampColumn);
        command.Options.Add(valueColumn);
        command.Options.Add(timeZone);
        foreach (var option in new Option[] { input, output, chart, intervalMinutes, horizonDays, forecastMethod, aht, targetSl, answer, maxOccupancy, shrinkage, patience, templates, understaff, overstaff, timeLimit, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var historyFile = parse.GetValue(input);
            string historyPath = historyFile?.FullName ?? SampleHistory;
            string historySource = historyFile?.ToString() ?? "bundled sample (Samples/history.csv)";
            var readOptions = tableInput.Read(parse);
            // A ragged row is collected, not thrown, so the value problems of later rows are reported with it.
            var rowProblems = new InputProblems();
            var table = InputTable.Read(() => InputTable.OpenFile(historyPath, historyFile?.ToString() ?? "history.csv", TableFormat.Csv, readOptions), rowProblems);
            int? minutes = parse.GetValue(intervalMinutes);
            if (minutes is < 1 or > 1440)
            {
                throw new InputException("--interval-minutes", $"{minutes} is out of range: must be a whole number of minutes from 1 to 1440");
            }
            TimeZoneInfo? zone = null;
            if (parse.GetValue(timeZone) is string zoneId)
            {
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    throw new InputException("--time-zone", $"'{zoneId}' is not an IANA time zone on this machine (e.g. Europe/London, America/New_York)");
                }
            }
            TimeSeriesInput history;
            try
            {
                history = TimeSeriesInput.Read(table, minutes is int m ? TimeSpan.FromMinutes(m) : null,
                    parse.GetValue(timestampColumn)!, parse.GetValue(valueColumn)!, zone);
            }
            catch (InputException ex) when (rowProblems.Any)
            {
                rowProblems.AddRange(ex.Problems);
                rowProblems.ThrowIfAny();
                throw;
            }
            rowProblems.ThrowIfAny();

            double? occupancyCap = parse.GetValue(maxOccupancy) ?? defaults.MaxOccupancy;
            var options = OptionsOrInputError(() => new PlanOptions
            {
                HorizonDays = parse.GetValue(horizonDays),
                ForecastMethod = ForecastMethods[parse.GetValue(forecastMethod)!],
                AverageHandleTime = Seconds(parse.GetValue(aht), "--aht-s"),
                ServiceLevelTarget = parse.GetValue(targetSl),
                AnswerWithin = Seconds(parse.GetValue(answer), "--answer-s"),
                MaxOccupancy = occupancyCap is >= 1 ? null : occupancyCap,
                Shrinkage = parse.GetValue(shrinkage),
                Patience = parse.GetValue(patience) is double p ? Seconds(p, "--patience-s") : null,
                Templates = parse.GetValue(templates) is FileInfo file ? ReadTemplates(file) : defaults.Templates,
                UnderstaffCost = parse.GetValue(understaff),
                OverstaffCost = parse.GetValue(overstaff),
                ScheduleTimeLimit = Seconds(parse.GetValue(timeLimit), "--time-limit-s"),
                Seed = parse.GetValue(seed),
            });
            ValidateOptions(options, parse);

            var progress = new Progress(context);
            var plan = OptionsOrInputError(() =>
            {
                var backtest = progress.Stage("Back-testing the forecast methods", () => WorkforcePlanner.BacktestForecast(history.Values, history.Interval, options));
                var volumes = progress.Stage("Forecasting next week", () => WorkforcePlanner.ForecastVolumes(history.Values, history.Start, history.Interval, options, backtest));
                var staffing = progress.Stage("Staffing each interval", () => WorkforcePlanner.RequiredStaff(volumes, options));
                var schedule = progress.Stage("Scheduling shifts", () => WorkforcePlanner.BuildSchedule(volumes, staffing, options));
                return WorkforcePlanner.Evaluate(volumes, staffing, schedule, options, backtest);
            }, historySource);

            var report = PlanReport.Render(plan, historySource, history.Values.Length, history.Start, zone);
            if (parse.GetValue(output) is DirectoryInfo directory)
            {
                PlanFiles.Write(directory.FullName, directory.ToString(), plan, report, zone);
            }
            if (parse.GetValue(chart) is FileInfo png)
            {
                progress.Stage("Drawing the chart", () =>
                {
                    AtomicFile.WriteFile(png.FullName, png.ToString(), temporary => PlanChart.Save(plan, temporary));
                    return 0;
                });
            }
            context.Out.Write(report);
            context.Out.Flush();
            return CliApp.Success;
        });
        return command;
    }

    private static readonly Dictionary<string, ForecastMethod> ForecastMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["double-seasonal"] = ForecastMethod.DoubleSeasonal,
        ["daily-profile"] = ForecastMethod.DailyProfile,
        ["historical-average"] = ForecastMethod.HistoricalAverage,
        ["seasonal-naive"] = ForecastMethod.SeasonalNaive,
        ["best"] = ForecastMethod.Best,
    };

    /// <summary>The largest number of seconds an option may give (about 317 years; keeps every <see cref="TimeSpan"/> in range).</summary>
    private const double MaxSeconds = 1e10;

    private static TimeSpan Seconds(double seconds, string option) =>
        seconds >= 0 && seconds <= MaxSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InputException(option, $"{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range: must be a number of seconds from 0 to {MaxSeconds:0}");

    /// <summary>Which option sets each <see cref="PlanOptions"/> property, so a rule the library checks is reported against the option the user typed.</summary>
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        [nameof(PlanOptions.HorizonDays)] = "--horizon-days",
        [nameof(PlanOptions.AverageHandleTime)] = "--aht-s",
        [nameof(PlanOptions.ServiceLevelTarget)] = "--target-sl",
        [nameof(PlanOptions.AnswerWithin)] = "--answer-s",
        [nameof(PlanOptions.MaxOccupancy)] = "--max-occupancy",
        [nameof(PlanOptions.Shrinkage)] = "--shrinkage",
        [nameof(PlanOptions.Patience)] = "--patience-s",
        [nameof(PlanOptions.Templates)] = "--templates",
        [nameof(PlanOptions.UnderstaffCost)] = "--understaff-cost",
        [nameof(PlanOptions.OverstaffCost)] = "--overstaff-cost",
        [nameof(PlanOptions.ScheduleTimeLimit)] = "--time-limit-s",
        [nameof(PlanOptions.Seed)] = "--seed",
    };

    /// <summary>
    /// Checks the options before any work, reporting a broken rule against its option with the value as typed:
    /// <c>--aht-s: must be &gt; 0; got 0</c>, not the property name and a <see cref="TimeSpan"/>.
    /// </summary>
    private static void ValidateOptions(PlanOptions options, ParseResult parse)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex) when (ex.ParamName is string name && OptionOf.TryGetValue(name, out var option))
        {
            string message = InputException.FromArgument(option, ex).Problems[0].Message;
            int got = message.LastIndexOf("; got ", StringComparison.Ordinal);
            string rule = (got > 0 ? message[..got] : message.TrimEnd('.'));
            rule = rule.StartsWith(name + " ", StringComparison.Ordinal) ? rule[(name.Length + 1)..] : rule;
            string? typed = parse.GetResult(option) is System.CommandLine.Parsing.OptionResult result && result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            throw new InputException(option, typed is null ? rule : $"{rule}; got {typed}");
        }
    }

    private static string ReadFile(string path, string name) => CommandIo.ReadFileText(path, name);

    private static IReadOnlyList<ShiftTemplate> ReadTemplates(FileInfo file)
    {
        var text = ReadFile(file.FullName, file.ToString());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InputException([new InputProblem(file.ToString(), (int?)(ex.LineNumber + 1), null, $"invalid JSON: {ex.Message}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            var array = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("templates", out var inner) ? inner : root;
            var errors = new List<ScheduleInputError>();
            var parsed = ScheduleJson.ParseTemplates(array, errors);
            if (errors.Count > 0)
            {
                throw new InputException(errors.Select(e => new InputProblem(file.ToString(), null, null, e.ToString())).ToArray());
            }
            return parsed;
        }
    }

    /// <summary>Runs <paramref name="build"/>; an <see cref="ArgumentException"/> from the library is the user's input at fault.</summary>
    private static T OptionsOrInputError<T>(Func<T> build, string source = "options")
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw InputException.FromArgument(source, ex);
        }
    }
}
