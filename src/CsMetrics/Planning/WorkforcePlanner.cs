using CsMetrics.Forecasting;
using CsMetrics.Internal;
using CsMetrics.Queueing;
using CsMetrics.Scheduling;

namespace CsMetrics.Planning;

/// <summary>
/// The workforce plan end to end: forecast the contact volumes of the next days with Taylor's
/// double-seasonal Holt-Winters (closed hours detected from the history), turn each interval into the
/// agents Erlang C (or Erlang A with a patience) needs for the targets, gross them up for shrinkage,
/// schedule shifts with breaks against that headcount, and evaluate what the schedule actually delivers.
/// </summary>
/// <remarks>
/// Each step is public so a script can run, inspect or replace it; <see cref="Create"/> chains them.
/// The delivered service per interval is computed from the scheduled coverage, not the requirement:
/// <c>productive agents = coverage × (1 − shrinkage)</c>, evaluated with the fractional-agent Erlang
/// model, so the report shows what the schedule achieves, over- and under-staffing included.
/// </remarks>
public static class WorkforcePlanner
{
    /// <summary>Runs every step and returns the plan.</summary>
    /// <param name="history">Contacts per interval, oldest first, equally spaced; at least two weeks.</param>
    /// <param name="historyStart">The start of the first interval (its weekday and time of day anchor the plan).</param>
    /// <param name="interval">The interval length: it must divide a day (15, 30 or 60 minutes are usual).</param>
    /// <param name="options">The plan's assumptions (defaults when null).</param>
    /// <param name="progress">Receives the name of each step as it starts (optional).</param>
    /// <param name="cancellationToken">During the back-test and forecast, cancels the plan (<see cref="OperationCanceledException"/>);
    /// during the schedule search, stops it early and the best schedule so far is used.</param>
    /// <exception cref="ArgumentException">The history, the interval or an option is invalid; the message names it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the schedule search.</exception>
    public static WorkforcePlan Create(
        ReadOnlySpan<double> history,
        DateTime historyStart,
        TimeSpan interval,
        PlanOptions? options = null,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new PlanOptions();
        progress?.Report("Back-testing the forecast");
        var backtest = BacktestForecast(history, interval, options, cancellationToken);
        progress?.Report("Forecasting");
        var forecast = ForecastVolumes(history, historyStart, interval, options, backtest, cancellationToken);
        progress?.Report("Staffing");
        var staffing = RequiredStaff(forecast, options);
        progress?.Report("Scheduling");
        var schedule = BuildSchedule(forecast, staffing, options, cancellationToken);
        progress?.Report("Evaluating");
        return Evaluate(forecast, staffing, schedule, options, backtest);
    }

    /// <summary>
    /// Step 1: forecasts <see cref="PlanOptions.HorizonDays"/> days of volumes after the history with
    /// <see cref="PlanOptions.ForecastMethod"/>; closed intervals (zero in every week of the history)
    /// get no contacts whatever the method.
    /// </summary>
    /// <param name="history">Contacts per interval, oldest first; at least two weeks.</param>
    /// <param name="historyStart">The start of the first interval.</param>
    /// <param name="interval">The interval length, dividing a day.</param>
    /// <param name="options">The plan's options.</param>
    /// <param name="backtest">For <see cref="ForecastMethod.Best"/>: a back-test already run (computed when null).</param>
    /// <param name="cancellationToken">Checked before the back-test's origins, before the fit and between the double-seasonal fit's searches (<see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentException">The history is too short, negative, or not on a whole-day interval grid;
    /// </exception>
    public static VolumeForecast ForecastVolumes(ReadOnlySpan<double> history, DateTime historyStart, TimeSpan interval, PlanOptions options, BacktestComparison? backtest = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int perDay = IntervalsPerDay(interval);
        int perWeek = 7 * perDay;
        if (history.Length < 2 * perWeek)
        {
            ThrowHelper.ThrowArgument(nameof(history), $"history has {history.Length} intervals; the forecast needs at least two weeks ({2 * perWeek} intervals of {interval.TotalMinutes} minutes).");
        }
        for (int i = 0; i < history.Length; i++)
        {
            if (!(history[i] >= 0 && double.IsFinite(history[i])))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(history), i, history[i], "must be a finite volume >= 0");
            }
        }
        SeriesScale.Check(history, nameof(history));
        var method = options.ForecastMethod;
        string chosen = "";
        if (method == ForecastMethod.Best)
        {
            backtest ??= BacktestForecast(history, interval, options, cancellationToken);
            if (backtest is null)
            {
                // Two weeks fit the model but leave none to score: the documented fallback, said in the method line.
                method = ForecastMethod.DoubleSeasonal;
                chosen = FormattableString.Invariant($", the default for a history under three weeks (no back-test: {history.Length} of {3 * perWeek} intervals)");
            }
            else
            {
                var best = backtest.Rows.MinBy(r => r.Result.Aggregate.MeanAbsoluteScaledError)!;
                method = s_methodNames.First(pair => pair.Value == best.Name).Key;
                chosen = FormattableString.Invariant($", chosen by back-test (MASE {best.Result.Aggregate.MeanAbsoluteScaledError:0.00})");
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var open = OpenHoursMask.Detect(history, perWeek);
        int horizon = options.HorizonDays * perDay;
        var past = history.ToArray();
        DoubleSeasonalModel? model = null;
        Forecast forecast;
        string description;
        if (method == ForecastMethod.DoubleSeasonal)
        {
            model = DoubleSeasonalHoltWinters.Fit(past, perDay, perWeek, new DoubleSeasonalOptions { OpenHours = open }, cancellationToken);
            forecast = model.Forecast(horizon, options.Levels, paths: PlanPaths(horizon), seed: options.Seed);
            description = model.ToString();
        }
        else
        {
            forecast = Forecaster(method, perDay, options, simulationPaths: PlanPaths(horizon))(past, horizon);
            description = s_methodNames[method];
        }
        var start = historyStart + interval * history.Length;
        var openAhead = new bool[horizon];
        for (int h = 0; h < horizon; h++)
        {
            openAhead[h] = open.IsOpen(history.Length + h);
        }
        return new VolumeForecast(start, interval, description + chosen, model, forecast, openAhead);
    }

    /// <summary>
    /// Simulated paths for the plan's forecast: 5,000, fewer when the horizon is so fine-grained (e.g. 28 days of
    /// 1-minute intervals) that paths x horizon would pass <see cref="Forecast.MaxSimulatedValues"/>.
    /// </summary>
    internal static int PlanPaths(int horizon) => (int)Math.Clamp(Forecast.MaxSimulatedValues / horizon, 100, 5_000);

    private static readonly Dictionary<ForecastMethod, string> s_methodNames = new()
    {
        [ForecastMethod.DoubleSeasonal] = "double-seasonal HW",
        [ForecastMethod.DailyProfile] = "daily ETS x profile",
        [ForecastMethod.HistoricalAverage] = "historical average",
        [ForecastMethod.SeasonalNaive] = "seasonal naive",
    };

    /// <summary>The forecaster behind a method, as a (history, horizon) function for forecasting and back-testing.</summary>
    private static Func<double[], int, Forecast> Forecaster(ForecastMethod method, int perDay, PlanOptions options, int simulationPaths)
    {
        int perWeek = 7 * perDay;
        var levels = options.Levels;
        int seed = options.Seed;
        return method switch
        {
            ForecastMethod.DoubleSeasonal => (past, horizon) => DoubleSeasonalHoltWinters.Fit(past, perDay, perWeek, new DoubleSeasonalOptions { OpenHours = OpenHoursMask.Detect(past, perWeek) })
                .Forecast(horizon, levels, paths: simulationPaths, seed: seed),
            ForecastMethod.DailyProfile => (past, horizon) => DailyProfileForecaster.Forecast(past, perDay, horizon, levels,
                DailyProfileForecaster.EtsDaily(levels: levels)).Forecast,
            ForecastMethod.HistoricalAverage => (past, horizon) => HistoricalAverage.Forecast(past, perWeek, horizon, levels),
            ForecastMethod.SeasonalNaive => (past, horizon) => SeasonalNaive.Forecast(past, perWeek, horizon, levels),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Best is not a single forecaster."),
        };
    }

    /// <summary>
    /// How far to trust step 1: the last week of the history is held out and forecast from the weeks
    /// before it by every <see cref="ForecastMethod"/>: the double-seasonal model, ETS daily totals split
    /// by weekday profiles, and the two baselines that are hard to beat on intraday data (the historical
    /// average per weekday and interval, and the seasonal naive). MASE is scaled by the weekly seasonal
    /// naive's in-sample error (below 1 beats it).
    /// </summary>
    /// <param name="history">Contacts per interval, oldest first, equally spaced.</param>
    /// <param name="interval">The interval length: it must divide a day.</param>
    /// <param name="options">The plan's options (levels, seed and the methods' settings).</param>
    /// <param name="cancellationToken">Checked before each method's back-test origin (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The comparison, or null when the history is shorter than three weeks (two to fit, one to score).</returns>
    /// <exception cref="ArgumentException">The interval does not divide a day.</exception>
    public static BacktestComparison? BacktestForecast(ReadOnlySpan<double> history, TimeSpan interval, PlanOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        int perDay = IntervalsPerDay(interval);
        int perWeek = 7 * perDay;
        if (history.Length < 3 * perWeek)
        {
            return null;
        }
        // Fewer simulated paths than the plan's forecast: the back-test scores the mean, not the intervals.
        var forecasters = s_methodNames.Select(pair => KeyValuePair.Create(pair.Value, Forecaster(pair.Key, perDay, options, simulationPaths: 500)));
        int origin = (history.Length - perWeek) / perWeek * perWeek;
        return RollingOriginBacktest.Compare(history, forecasters, origin, perWeek, perWeek, maxOrigins: 1, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Step 2: the fewest productive agents per interval that meet the targets at the forecast mean, and
    /// the scheduled headcount <c>ceil(agents / (1 − shrinkage))</c> the schedule must cover.
    /// </summary>
    public static StaffingRequirement RequiredStaff(VolumeForecast forecast, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var queue = new ContactQueue(forecast.Interval, options.AverageHandleTime, options.Patience);
        var contacts = forecast.Contacts.ToArray();
        var agents = new int[contacts.Length];
        queue.RequiredAgents(contacts, options.Targets, agents);
        var headcount = new int[contacts.Length];
        for (int i = 0; i < agents.Length; i++)
        {
            if (agents[i] < 0)
            {
                string reason = queue.RequiredAgents(contacts[i], options.Targets).InfeasibleReason ?? "no number of agents meets every target";
                ThrowHelper.ThrowArgument(nameof(options), $"No team meets the targets for {contacts[i]:0.#} contacts in interval {i} ({forecast.TimeOf(i):yyyy-MM-dd HH:mm}): {reason}; relax the targets.");
            }
            headcount[i] = Staffing.ScheduledHeadcount(agents[i], options.Shrinkage);
        }
        var metrics = new QueueMetrics[contacts.Length];
        queue.Evaluate(contacts, Array.ConvertAll(agents, a => (double)a), options.AnswerWithin, metrics);
        return new StaffingRequirement(agents, headcount, metrics);
    }

    /// <summary>
    /// Step 3: shifts with breaks covering the scheduled headcount over the horizon (cyclic: the horizon
    /// repeats, as a weekly schedule does), within the time limit.
    /// </summary>
    /// <exception cref="ArgumentException">A template cannot cover any open interval.</exception>
    public static ScheduleSolution BuildSchedule(VolumeForecast forecast, StaffingRequirement staffing, PlanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(staffing);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var problem = ScheduleProblemFor(forecast, staffing, options);
        return ShiftScheduler.Solve(problem, options.SolverOptions, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The scheduling problem of step 3: the headcount per interval, the templates, the costs. The
    /// horizon starts at <paramref name="forecast"/>'s start, which must be a midnight so that template
    /// start times are times of day.
    /// </summary>
    /// <exception cref="ArgumentException">The horizon does not start at midnight, or a template cannot cover any open interval.</exception>
    public static ScheduleProblem ScheduleProblemFor(VolumeForecast forecast, StaffingRequirement staffing, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(staffing);
        ArgumentNullException.ThrowIfNull(options);
        if (forecast.Start.TimeOfDay != TimeSpan.Zero)
        {
            ThrowHelper.ThrowArgument(nameof(forecast), $"The plan starts at {forecast.Start:yyyy-MM-dd HH:mm}; shifts are scheduled from midnight, so the history must end at the end of a day.");
        }
        int intervalMinutes = (int)forecast.Interval.TotalMinutes;
        foreach (var template in options.Templates)
        {
            if (!CoversAnOpenInterval(template, forecast.Open, intervalMinutes))
            {
                ThrowHelper.ThrowArgument(nameof(options), $"Template '{template.Name}' cannot cover any open interval: its shifts ({template.EarliestStartMinute / 60.0:0.##} h to {(template.LatestStartMinute + template.LengthMinutes) / 60.0:0.##} h) fall entirely in closed hours.");
            }
        }
        return new ScheduleProblem(intervalMinutes, staffing.ScheduledHeadcount, options.Templates, cyclic: true,
            understaffCost: options.UnderstaffCost, overstaffCost: options.OverstaffCost);
    }

    /// <summary>Step 4: what the schedule delivers per interval and per day, from its coverage.</summary>
    /// <param name="forecast">Step 1's forecast.</param>
    /// <param name="staffing">Step 2's requirement.</param>
    /// <param name="schedule">Step 3's schedule (or any schedule over the same horizon).</param>
    /// <param name="options">The plan's options.</param>
    /// <param name="backtest">The forecast's back-test, carried into the plan for the report (optional).</param>
    public static WorkforcePlan Evaluate(VolumeForecast forecast, StaffingRequirement staffing, ScheduleSolution schedule, PlanOptions options, BacktestComparison? backtest = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(staffing);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        var queue = new ContactQueue(forecast.Interval, options.AverageHandleTime, options.Patience);
        int n = forecast.Horizon;
        var productive = new double[n];
        for (int i = 0; i < n; i++)
        {
            productive[i] = i < schedule.Coverage.Count ? schedule.Coverage[i] * (1 - options.Shrinkage) : 0;
        }
        var delivered = new QueueMetrics[n];
        queue.Evaluate(forecast.Contacts, productive, options.AnswerWithin, delivered);
        return new WorkforcePlan(forecast, staffing, schedule, delivered, options, backtest);
    }

    internal static int IntervalsPerDay(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || TimeSpan.FromDays(1).Ticks % interval.Ticks != 0 || interval.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            ThrowHelper.ThrowArgument(nameof(interval), $"The interval ({interval}) must be a whole number of minutes that divides a day (15, 30 or 60 minutes are usual).");
        }
        return (int)(TimeSpan.FromDays(1).Ticks / interval.Ticks);
    }

    private static bool CoversAnOpenInterval(ShiftTemplate template, IReadOnlyList<bool> open, int intervalMinutes)
    {
        int horizonMinutes = open.Count * intervalMinutes;
        for (int day = 0; day * 1440 < horizonMinutes; day++)
        {
            for (int start = template.EarliestStartMinute; start <= template.LatestStartMinute; start += template.StartStepMinutes)
            {
                for (int minute = start; minute < start + template.LengthMinutes; minute += intervalMinutes)
                {
                    // Cyclic horizon: minutes past its end wrap to its start.
                    if (open[(day * 1440 + minute) / intervalMinutes % open.Count])
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
