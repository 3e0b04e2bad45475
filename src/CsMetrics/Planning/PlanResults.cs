using System.Globalization;
using System.Text;
using CsMetrics.Internal;
using CsMetrics.Forecasting;
using CsMetrics.Queueing;
using CsMetrics.Scheduling;

namespace CsMetrics.Planning;

/// <summary>Step 1's result: the contacts expected per interval of the horizon, with the model and its intervals.</summary>
public sealed class VolumeForecast
{
    private readonly double[] _contacts;
    private readonly bool[] _open;

    internal VolumeForecast(DateTime start, TimeSpan interval, string method, DoubleSeasonalModel? model, Forecast forecast, bool[] open)
    {
        Start = start;
        Interval = interval;
        Method = method;
        Model = model;
        Forecast = forecast;
        _open = open;
        // Closed intervals get no contacts; a forecast is never negative.
        _contacts = forecast.Mean.Select((mean, i) => open[i] ? Math.Max(0, mean) : 0).ToArray();
    }

    /// <summary>
    /// A volume forecast made outside the planner (finance's volumes, another tool's model, a what-if), so that
    /// <see cref="WorkforcePlanner.RequiredStaff"/>, <see cref="WorkforcePlanner.BuildSchedule"/> and
    /// <see cref="WorkforcePlanner.Evaluate"/> can staff, schedule and score against it.
    /// </summary>
    /// <param name="start">The start of the first interval.</param>
    /// <param name="interval">The interval length: a whole number of minutes that divides a day.</param>
    /// <param name="forecast">The forecast per interval; its mean is the contacts to staff for (negative means staff for 0).</param>
    /// <param name="method">A one-line description of where the forecast came from (shown in reports).</param>
    /// <param name="open">Whether each interval is within opening hours (closed intervals get 0 contacts); null: all open.</param>
    /// <exception cref="ArgumentException">The interval does not divide a day, the method is blank, a mean is not finite
    /// (the index is named), or <paramref name="open"/> has another length than the forecast.</exception>
    public static VolumeForecast Create(DateTime start, TimeSpan interval, Forecast forecast, string method, IReadOnlyList<bool>? open = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        WorkforcePlanner.IntervalsPerDay(interval);
        for (int i = 0; i < forecast.Horizon; i++)
        {
            if (!double.IsFinite(forecast.Mean[i]))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(forecast), i, forecast.Mean[i], "the mean must be a finite number of contacts");
            }
        }
        if (open is not null && open.Count != forecast.Horizon)
        {
            ThrowHelper.ThrowArgument(nameof(open), $"open has {open.Count} intervals; the forecast has {forecast.Horizon}.");
        }
        var openCopy = open is null ? Enumerable.Repeat(true, forecast.Horizon).ToArray() : open.ToArray();
        return new VolumeForecast(start, interval, method, model: null, forecast, openCopy);
    }

    /// <summary>
    /// Contacts per interval from outside the planner, with no uncertainty (variance 0, no intervals): the
    /// shortest way to staff and score a schedule against a given volume curve.
    /// </summary>
    /// <param name="start">The start of the first interval.</param>
    /// <param name="interval">The interval length: a whole number of minutes that divides a day.</param>
    /// <param name="contacts">Contacts per interval, each finite and &gt;= 0.</param>
    /// <param name="method">Where the volumes came from (shown in reports).</param>
    /// <exception cref="ArgumentException">As <see cref="Create(DateTime, TimeSpan, Forecasting.Forecast, string, IReadOnlyList{bool}?)"/>,
    /// or a volume is negative or not finite (the index is named), or there are none.</exception>
    public static VolumeForecast FromContacts(DateTime start, TimeSpan interval, ReadOnlySpan<double> contacts, string method)
    {
        if (contacts.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(contacts), "contacts is empty; give at least one interval.");
        }
        for (int i = 0; i < contacts.Length; i++)
        {
            if (!(contacts[i] >= 0 && double.IsFinite(contacts[i])))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(contacts), i, contacts[i], "must be a finite volume >= 0");
            }
        }
        var forecast = new Forecast(contacts, new double[contacts.Length], [], "none (given volumes)");
        return Create(start, interval, forecast, method);
    }

    /// <summary>The start of the first interval of the horizon.</summary>
    public DateTime Start { get; }

    /// <summary>The interval length.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The number of intervals in the horizon.</summary>
    public int Horizon => _contacts.Length;

    /// <summary>The method and, for a fitted model, its parameters and fit statistics, in one line.</summary>
    public string Method { get; }

    /// <summary>The fitted double-seasonal model (parameters, fit statistics), or null when another method forecast.</summary>
    public DoubleSeasonalModel? Model { get; }

    /// <summary>The model's forecast: mean, variance and prediction intervals per interval.</summary>
    public Forecast Forecast { get; }

    /// <summary>The contacts to staff for per interval: the forecast mean, 0 in closed intervals, never negative.</summary>
    public ReadOnlySpan<double> Contacts => _contacts;

    /// <summary>Whether each interval of the horizon is within opening hours (detected from the history).</summary>
    public IReadOnlyList<bool> Open => _open;

    /// <summary>The start time of interval <paramref name="index"/>.</summary>
    public DateTime TimeOf(int index) => Start + Interval * index;

    /// <summary>
    /// The horizon's intervals on <paramref name="zone"/>'s real calendar, in time order: the forecast, staffing and
    /// schedule are on the local wall-clock grid (every day has the same intervals, so shift templates are times
    /// of day); a day when the clocks go back has its repeated hour twice (a 25-hour day: 50 half-hours, each
    /// occurrence with the grid interval's forecast and staffing), and a day when they go forward has no
    /// intervals in the skipped hour (a 23-hour day: 46 half-hours). Consecutive starts are one
    /// <see cref="Interval"/> apart on the time line, so the intervals' hours add up to the days' real lengths.
    /// </summary>
    /// <param name="zone">The IANA time zone whose local time <see cref="Start"/> is.</param>
    /// <returns>Each interval's start with the zone's offset at that instant, and the index of its grid interval.</returns>
    /// <remarks>
    /// The horizon runs from the local <see cref="Start"/> (or the first valid time after it, when it was skipped) to
    /// the local end of the grid. An interval that the zone's change does not divide into whole intervals (a
    /// 30-minute DST shift under hourly intervals) is mapped to the grid interval its start falls in.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public IReadOnlyList<LocalInterval> LocalCalendar(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = Instant(Start, zone);
        var end = Instant(Start + Interval * Horizon, zone);
        var intervals = new List<LocalInterval>(Horizon + 4);
        for (var t = start; t < end; t += Interval)
        {
            var local = TimeZoneInfo.ConvertTime(t, zone);
            int slot = (int)((local.DateTime - Start).Ticks / Interval.Ticks);
            if (slot >= 0 && slot < Horizon)
            {
                intervals.Add(new LocalInterval(local, slot));
            }
        }
        return intervals;
    }

    /// <summary>The instant of a local wall-clock time: the later offset's reading when it happens twice, the first valid time after it when skipped.</summary>
    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        // For a repeated local time the first occurrence (the larger offset) comes first on the time line.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The model, then the forecast's compact table.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Volumes from {Start:yyyy-MM-dd HH:mm}, {Horizon} intervals of {Interval.TotalMinutes} min, {_contacts.Sum():0} contacts; {Method}\n{Forecast}");
}

/// <summary>One interval of a horizon on a time zone's real calendar (see <see cref="VolumeForecast.LocalCalendar"/>).</summary>
/// <param name="Start">The interval's start, with the zone's offset at that instant.</param>
/// <param name="Slot">The index of the wall-clock grid interval whose forecast, staffing and coverage it has.</param>
public readonly record struct LocalInterval(DateTimeOffset Start, int Slot);

/// <summary>Step 2's result: productive agents per interval, the scheduled headcount that yields them after shrinkage, and what those agents achieve.</summary>
/// <param name="Agents">The fewest agents on the phones meeting every target, per interval.</param>
/// <param name="ScheduledHeadcount">Agents to schedule per interval: <c>ceil(agents / (1 − shrinkage))</c>.</param>
/// <param name="Metrics">Service level, ASA, occupancy and the rest at <paramref name="Agents"/>, per interval.</param>
public sealed record StaffingRequirement(IReadOnlyList<int> Agents, IReadOnlyList<int> ScheduledHeadcount, IReadOnlyList<QueueMetrics> Metrics)
{
    /// <summary>One line: intervals, peak and total agents, peak and total headcount.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Agents.Count} intervals: agents peak {(Agents.Count > 0 ? Agents.Max() : 0)}, {Agents.Sum()} agent-intervals; scheduled headcount peak {(ScheduledHeadcount.Count > 0 ? ScheduledHeadcount.Max() : 0)}, {ScheduledHeadcount.Sum()} agent-intervals");
}

/// <summary>
/// A summary of what the plan delivers over a period (a day or the whole horizon). Service level, ASA
/// and abandonment are pooled over contacts (each interval weighted by its contacts, never an average
/// of percentages); occupancy is busy agent time over productive agent time.
/// </summary>
/// <param name="Label">The period, e.g. "Mon 2026-11-23" or "Week".</param>
/// <param name="Contacts">Forecast contacts in the period.</param>
/// <param name="RequiredAgentHours">Productive agent hours the Erlang requirement asks for.</param>
/// <param name="RequiredHeadcountHours">Agent hours to schedule for them after shrinkage (the schedule's target).</param>
/// <param name="ScheduledAgentHours">Agent hours on shift, breaks excluded, from the schedule's coverage.</param>
/// <param name="UnderstaffedAgentHours">Agent hours short of the scheduled-headcount requirement.</param>
/// <param name="OverstaffedAgentHours">Agent hours above it.</param>
/// <param name="ServiceLevel">The share of contacts answered within the threshold, delivered by the schedule.</param>
/// <param name="AverageSpeedOfAnswerSeconds">ASA over all contacts, delivered; +∞ when some interval with contacts is overloaded.</param>
/// <param name="Occupancy">Busy time over productive time of the scheduled agents.</param>
/// <param name="AbandonRate">The share of contacts abandoning (Erlang A; 0 under Erlang C).</param>
public sealed record PlanPeriod(
    string Label,
    double Contacts,
    double RequiredAgentHours,
    double RequiredHeadcountHours,
    double ScheduledAgentHours,
    double UnderstaffedAgentHours,
    double OverstaffedAgentHours,
    double ServiceLevel,
    double AverageSpeedOfAnswerSeconds,
    double Occupancy,
    double AbandonRate)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Label}: {Contacts:0} contacts, SL {ServiceLevel * 100:0.0}%, ASA {(double.IsFinite(AverageSpeedOfAnswerSeconds) ? AverageSpeedOfAnswerSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "overloaded")}, occupancy {Occupancy * 100:0.0}%, {ScheduledAgentHours:0.#} agent-hours on shift for {RequiredHeadcountHours:0.#} required");
}

/// <summary>
/// A workforce plan: the forecast, the staffing requirement, the schedule, and what the schedule
/// delivers per interval, per day and over the horizon. Immutable.
/// </summary>
public sealed class WorkforcePlan
{
    private readonly QueueMetrics[] _delivered;

    internal WorkforcePlan(VolumeForecast forecast, StaffingRequirement staffing, ScheduleSolution schedule, QueueMetrics[] delivered, PlanOptions options, BacktestComparison? backtest)
    {
        Backtest = backtest;
        Forecast = forecast;
        Staffing = staffing;
        Schedule = schedule;
        Options = options;
        _delivered = delivered;
        int perDay = (int)(TimeSpan.FromDays(1) / forecast.Interval);
        Days = Enumerable.Range(0, (forecast.Horizon + perDay - 1) / perDay)
            .Select(d => Summarise(forecast.TimeOf(d * perDay).ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture), d * perDay, Math.Min(perDay, forecast.Horizon - d * perDay)))
            .ToArray();
        Total = Summarise(forecast.Horizon == 7 * perDay ? "Week" : "Horizon", 0, forecast.Horizon);
    }

    /// <summary>The volume forecast (step 1).</summary>
    public VolumeForecast Forecast { get; }

    /// <summary>The staffing requirement (step 2).</summary>
    public StaffingRequirement Staffing { get; }

    /// <summary>The schedule (step 3): shifts, coverage, cost, lower bound and gap.</summary>
    public ScheduleSolution Schedule { get; }

    /// <summary>The forecast model against the baselines on the last week of history (null when not computed or the history is under three weeks).</summary>
    public BacktestComparison? Backtest { get; }

    /// <summary>The assumptions the plan was made with.</summary>
    public PlanOptions Options { get; }

    /// <summary>What the scheduled coverage delivers per interval (service level, ASA, occupancy, abandonment).</summary>
    public ReadOnlySpan<QueueMetrics> Delivered => _delivered;

    /// <summary>One summary per day of the horizon.</summary>
    public IReadOnlyList<PlanPeriod> Days { get; }

    /// <summary>The summary over the whole horizon.</summary>
    public PlanPeriod Total { get; }

    private PlanPeriod Summarise(string label, int from, int count)
    {
        double hoursPerInterval = Forecast.Interval.TotalHours;
        double contacts = 0, answeredInTime = 0, waitSeconds = 0, abandoned = 0, busy = 0, productive = 0;
        double required = 0, headcount = 0, scheduled = 0, under = 0, over = 0;
        for (int i = from; i < from + count; i++)
        {
            double c = Forecast.Contacts[i];
            var m = _delivered[i];
            contacts += c;
            if (c > 0)
            {
                answeredInTime += c * m.ServiceLevel;
                waitSeconds += c * m.AverageSpeedOfAnswerSeconds;
                abandoned += c * m.AbandonProbability;
            }
            if (m.Agents > 0)
            {
                busy += m.Occupancy * m.Agents;
                productive += m.Agents;
            }
            required += Staffing.Agents[i];
            headcount += Staffing.ScheduledHeadcount[i];
            scheduled += i < Schedule.Coverage.Count ? Schedule.Coverage[i] : 0;
            under += i < Schedule.UnderstaffedByInterval.Count ? Schedule.UnderstaffedByInterval[i] : 0;
            over += i < Schedule.OverstaffedByInterval.Count ? Schedule.OverstaffedByInterval[i] : 0;
        }
        return new PlanPeriod(
            label,
            contacts,
            required * hoursPerInterval,
            headcount * hoursPerInterval,
            scheduled * hoursPerInterval,
            under * hoursPerInterval,
            over * hoursPerInterval,
            contacts > 0 ? answeredInTime / contacts : double.NaN,
            contacts > 0 ? waitSeconds / contacts : double.NaN,
            productive > 0 ? busy / productive : double.NaN,
            contacts > 0 ? abandoned / contacts : double.NaN);
    }

    /// <summary>A compact summary: the schedule's cost and gap, then one line per day and the total.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Workforce plan from {Forecast.Start:yyyy-MM-dd HH:mm}, {Forecast.Horizon} intervals of {Forecast.Interval.TotalMinutes} min: schedule {Schedule.Status}, cost {Schedule.Cost:0.##}, lower bound {Schedule.LowerBound:0.##}, gap {Schedule.Gap * 100:0.##}%\n");
        foreach (var day in Days)
        {
            text.Append(day).Append('\n');
        }
        text.Append(Total).Append('\n');
        return text.ToString();
    }
}
