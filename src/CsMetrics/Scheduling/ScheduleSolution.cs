using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Scheduling;

/// <summary>
/// A schedule and what it achieves: the shifts, coverage, under- and over-staffing per interval and in
/// total, the cost, a proven lower bound on the optimal cost and the gap between them. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// <c>Gap = (Cost − LowerBound) / Cost</c> (0 when both are 0). With <see cref="ScheduleStatus.Infeasible"/>
/// there are no shifts, <see cref="Cost"/> and <see cref="Gap"/> are NaN, and <see cref="Message"/>,
/// <see cref="InfeasibleIntervals"/> and <see cref="InfeasibleTemplates"/> say why. A schedule from
/// elsewhere is scored with <see cref="Evaluate"/> (status <see cref="ScheduleStatus.Evaluated"/>).
/// Two solutions are equal when every field but <see cref="Elapsed"/> is equal (the problem, status, cost,
/// bound, shifts, coverage, message and infeasibility lists), so two identical solves compare equal.
/// </remarks>
public sealed class ScheduleSolution : IEquatable<ScheduleSolution>
{
    internal ScheduleSolution(
        ScheduleProblem problem,
        ScheduleStatus status,
        double cost,
        double lowerBound,
        IReadOnlyList<ScheduledShift> shifts,
        int[] coverage,
        string message,
        IReadOnlyList<int> infeasibleIntervals,
        IReadOnlyList<string> infeasibleTemplates,
        TimeSpan elapsed)
    {
        Problem = problem;
        Status = status;
        Cost = cost;
        LowerBound = lowerBound;
        Gap = status == ScheduleStatus.Infeasible || double.IsNaN(lowerBound) ? double.NaN
            : cost <= 0 ? 0
            : Math.Max(0, (cost - lowerBound) / cost);
        Shifts = ReadOnlyValueList<ScheduledShift>.CopyOf(shifts);
        var under = new int[coverage.Length];
        var over = new int[coverage.Length];
        for (int i = 0; i < coverage.Length; i++)
        {
            under[i] = Math.Max(0, problem.Requirements[i] - coverage[i]);
            over[i] = Math.Max(0, coverage[i] - problem.Requirements[i]);
        }
        Coverage = ReadOnlyValueList<int>.Own(coverage);
        UnderstaffedByInterval = ReadOnlyValueList<int>.Own(under);
        OverstaffedByInterval = ReadOnlyValueList<int>.Own(over);
        Understaffed = under.Sum(v => (long)v);
        Overstaffed = over.Sum(v => (long)v);
        Message = message;
        InfeasibleIntervals = ReadOnlyValueList<int>.CopyOf(infeasibleIntervals);
        InfeasibleTemplates = ReadOnlyValueList<string>.CopyOf(infeasibleTemplates);
        Elapsed = elapsed;
    }

    /// <summary>
    /// The JSON form's constructor (<see cref="Serialization.CsMetricsJsonContext"/>). The coverage must have one
    /// entry per interval of the problem; it is taken as written (re-score an untrusted schedule with <see cref="Evaluate"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal ScheduleSolution(IReadOnlyList<int> coverage, ScheduleProblem problem, ScheduleStatus status, double cost, double lowerBound,
        IReadOnlyList<ScheduledShift> shifts, string message, IReadOnlyList<int> infeasibleIntervals, IReadOnlyList<string> infeasibleTemplates,
        TimeSpan elapsed)
        : this(problem, status, cost, lowerBound, shifts, CheckedCoverage(coverage, problem), message, infeasibleIntervals, infeasibleTemplates, elapsed)
    {
    }

    private static int[] CheckedCoverage(IReadOnlyList<int> coverage, ScheduleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(problem);
        if (coverage.Count != problem.IntervalCount)
        {
            ThrowHelper.ThrowArgument(nameof(coverage), $"coverage has {coverage.Count} intervals; the problem has {problem.IntervalCount}.");
        }
        for (int i = 0; i < coverage.Count; i++)
        {
            if (coverage[i] < 0)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(coverage), i, coverage[i], "must be >= 0");
            }
        }
        return coverage.ToArray();
    }

    /// <summary>
    /// Scores any schedule (from another tool, a past week, a hand edit) on <paramref name="problem"/>:
    /// coverage, under- and over-staffing and cost are recomputed from the shifts alone.
    /// </summary>
    /// <param name="problem">The problem the schedule is for.</param>
    /// <param name="shifts">The shifts; each must be one the problem allows (a known template, a start in its window, breaks in their windows).</param>
    /// <param name="lowerBound">A lower bound on the optimal cost known from elsewhere (at most the cost), or null for none (then <see cref="LowerBound"/> and <see cref="Gap"/> are NaN).</param>
    /// <returns>A solution with status <see cref="ScheduleStatus.Evaluated"/>. With hard coverage, a shortfall is reported in <see cref="Understaffed"/> and <see cref="Message"/> and charged nothing.</returns>
    /// <exception cref="ArgumentException">A shift is not one the problem allows (the message names its index and field), coverage overflows, or <paramref name="lowerBound"/> exceeds the cost or is not finite.</exception>
    public static ScheduleSolution Evaluate(ScheduleProblem problem, IEnumerable<ScheduledShift> shifts, double? lowerBound = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(shifts);
        var list = shifts.ToArray();
        for (int s = 0; s < list.Length; s++)
        {
            if (list[s] is null)
            {
                ThrowHelper.ThrowArgument(nameof(shifts), $"shifts[{s}] is null.");
            }
            foreach (var (field, message) in ShiftValidation.Shift(problem, list[s].Template, list[s].Day, list[s].StartMinute, list[s].BreakStartMinutes))
            {
                ThrowHelper.ThrowArgument(nameof(shifts), $"shifts[{s}].{field}: {message}.");
            }
        }
        var coverage = new int[problem.IntervalCount];
        problem.Coverage(list, coverage);
        double cost = problem.CostOf(list, coverage);
        double bound = double.NaN;
        if (lowerBound is double given)
        {
            if (!double.IsFinite(given) || !Tolerance.AtMost(given, cost))
            {
                ThrowHelper.ThrowOutOfRange(nameof(lowerBound), given, $"must be finite and at most the schedule's cost {cost.ToString(CultureInfo.InvariantCulture)}");
            }
            bound = Math.Min(given, cost);
        }
        long shortfall = problem.Shortfall(coverage);
        string text = !problem.UnderstaffCost.HasValue && shortfall > 0
            ? $"evaluated: {shortfall} agent-interval(s) short of the hard coverage"
            : "evaluated: cost recomputed from the shifts";
        return new ScheduleSolution(problem, ScheduleStatus.Evaluated, cost, bound, list, coverage, text, [], [], TimeSpan.Zero);
    }

    /// <summary>The problem the schedule is for.</summary>
    public ScheduleProblem Problem { get; }

    /// <summary>Optimal, feasible, infeasible or evaluated.</summary>
    public ScheduleStatus Status { get; }

    /// <summary>The schedule's cost: template costs plus under- and over-staffing costs (NaN when infeasible).</summary>
    public double Cost { get; }

    /// <summary>A proven lower bound on the optimal cost (NaN when infeasible, or evaluated without a bound).</summary>
    public double LowerBound { get; }

    /// <summary>The relative gap (Cost − LowerBound) / Cost: the schedule is at most this far above the optimum.</summary>
    public double Gap { get; }

    /// <summary>The shifts, one entry per template, day, start and break placement used.</summary>
    public IReadOnlyList<ScheduledShift> Shifts { get; }

    /// <summary>The working agents per interval.</summary>
    public IReadOnlyList<int> Coverage { get; }

    /// <summary>Agents short per interval: max(0, requirement − coverage).</summary>
    public IReadOnlyList<int> UnderstaffedByInterval { get; }

    /// <summary>Agents over per interval: max(0, coverage − requirement).</summary>
    public IReadOnlyList<int> OverstaffedByInterval { get; }

    /// <summary>Total agent-intervals short.</summary>
    public long Understaffed { get; }

    /// <summary>Total agent-intervals over.</summary>
    public long Overstaffed { get; }

    /// <summary>A sentence on how the solve ended (and, when infeasible, why).</summary>
    public string Message { get; }

    /// <summary>When infeasible: the intervals that cannot be covered.</summary>
    public IReadOnlyList<int> InfeasibleIntervals { get; }

    /// <summary>When infeasible: the templates whose <see cref="ShiftTemplate.MaxAgents"/> caps are binding.</summary>
    public IReadOnlyList<string> InfeasibleTemplates { get; }

    /// <summary>The solve's wall-clock time.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The total number of agents scheduled.</summary>
    public int Agents => Shifts.Sum(s => s.Agents);

    /// <summary>
    /// The shifts as date-times: start, end and breaks, for a horizon whose day 0 starts (at midnight) at
    /// <paramref name="horizonStart"/>. On a cyclic horizon a shift that crosses the end is given as it
    /// runs (past the last day); its coverage wraps to the start.
    /// </summary>
    public IReadOnlyList<TimedShift> ShiftTimes(DateTime horizonStart)
    {
        var timed = new TimedShift[Shifts.Count];
        for (int s = 0; s < timed.Length; s++)
        {
            var shift = Shifts[s];
            var template = Problem.Templates.First(t => string.Equals(t.Name, shift.Template, StringComparison.Ordinal));
            var start = shift.StartAt(horizonStart);
            var breaks = new TimedBreak[template.Breaks.Count];
            var breakStarts = shift.BreakStartsAt(horizonStart);
            for (int k = 0; k < breaks.Length; k++)
            {
                breaks[k] = new TimedBreak(breakStarts[k], breakStarts[k] + template.Breaks[k].Length);
            }
            timed[s] = new TimedShift(shift.Template, start, start + template.Length, breaks, shift.Agents);
        }
        return ReadOnlyValueList<TimedShift>.Own(timed);
    }

    /// <summary>
    /// The shifts as instants for a horizon whose day 0 starts at <paramref name="horizonStart"/> (midnight in
    /// its offset). The offset is kept as given: for a zone with daylight saving, convert each instant with
    /// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>.
    /// </summary>
    public IReadOnlyList<TimedShift> ShiftTimes(DateTimeOffset horizonStart) => ShiftTimes(horizonStart.DateTime);

    /// <summary>The shifts as date-times for a horizon whose day 0 is <paramref name="firstDay"/> (from its midnight).</summary>
    public IReadOnlyList<TimedShift> ShiftTimes(DateOnly firstDay) => ShiftTimes(firstDay.ToDateTime(TimeOnly.MinValue));

    /// <summary>True when every field but <see cref="Elapsed"/> is equal (doubles by <see cref="double.Equals(double)"/>: NaN equals NaN).</summary>
    public bool Equals(ScheduleSolution? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Status == other.Status && Cost.Equals(other.Cost) && LowerBound.Equals(other.LowerBound)
             && string.Equals(Message, other.Message, StringComparison.Ordinal) && Problem.Equals(other.Problem)
             && Shifts.Equals(other.Shifts) && Coverage.Equals(other.Coverage)
             && InfeasibleIntervals.Equals(other.InfeasibleIntervals) && InfeasibleTemplates.Equals(other.InfeasibleTemplates)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScheduleSolution);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, Cost, LowerBound, Message, Problem, Shifts, Coverage);

    /// <summary>A summary line (status, cost, bound, gap, agents, short, over) followed by one line per shift.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{Status.ToString().ToLowerInvariant()}: cost {Cost:0.###}, bound {LowerBound:0.###}, gap {Gap:P2}, {Agents} agents, short {Understaffed}, over {Overstaffed}");
        foreach (var shift in Shifts)
        {
            text.AppendLine().Append("  ").Append(shift);
        }
        return text.ToString();
    }
}

/// <summary>A break as date-times: from <see cref="Start"/> to <see cref="End"/>.</summary>
/// <param name="Start">When the break starts.</param>
/// <param name="End">When it ends.</param>
public readonly record struct TimedBreak(DateTime Start, DateTime End);

/// <summary>
/// A scheduled shift as date-times (see <see cref="ScheduleSolution.ShiftTimes(DateTime)"/>). Immutable; equal
/// when every field (the breaks included) is equal.
/// </summary>
public sealed record TimedShift
{
    private readonly ReadOnlyValueList<TimedBreak> _breaks;

    /// <summary>Creates a timed shift; the breaks are copied.</summary>
    public TimedShift(string template, DateTime start, DateTime end, IEnumerable<TimedBreak> breaks, int agents)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(breaks);
        Template = template;
        Start = start;
        End = end;
        _breaks = ReadOnlyValueList<TimedBreak>.CopyOf(breaks);
        Agents = agents;
    }

    /// <summary>The template's name.</summary>
    public string Template { get; }

    /// <summary>When the shift starts.</summary>
    public DateTime Start { get; }

    /// <summary>When it ends (breaks included).</summary>
    public DateTime End { get; }

    /// <summary>The breaks, in the template's order.</summary>
    public IReadOnlyList<TimedBreak> Breaks => _breaks;

    /// <summary>The number of agents.</summary>
    public int Agents { get; }

    /// <summary>True when every field (the breaks included) is equal.</summary>
    public bool Equals(TimedShift? other) =>
        other is not null && string.Equals(Template, other.Template, StringComparison.Ordinal) && Start == other.Start
        && End == other.End && Agents == other.Agents && _breaks.Equals(other._breaks);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Template, Start, End, Agents, _breaks);

    /// <summary>One line: <c>FT8 2026-03-02 06:00-14:00 breaks 10:00-10:30 x3</c>.</summary>
    public override string ToString()
    {
        var breaks = Breaks.Count == 0 ? "" : " breaks " + string.Join(",", Breaks.Select(b => $"{b.Start:HH:mm}-{b.End:HH:mm}"));
        return string.Create(CultureInfo.InvariantCulture, $"{Template} {Start:yyyy-MM-dd HH:mm}-{End:HH:mm}{breaks} x{Agents}");
    }
}
