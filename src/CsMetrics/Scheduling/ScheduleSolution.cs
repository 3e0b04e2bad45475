using System.Globalization;
using System.Text;

namespace CsMetrics.Scheduling;

/// <summary>
/// A schedule and what it achieves: the shifts, coverage, under- and over-staffing per interval and in
/// total, the cost, a proven lower bound on the optimal cost and the gap between them. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// <c>Gap = (Cost − LowerBound) / Cost</c> (0 when both are 0). With <see cref="ScheduleStatus.Infeasible"/>
/// there are no shifts, <see cref="Cost"/> and <see cref="Gap"/> are NaN, and <see cref="Message"/>,
/// <see cref="InfeasibleIntervals"/> and <see cref="InfeasibleTemplates"/> say why.
/// </remarks>
public sealed class ScheduleSolution
{
    internal ScheduleSolution(
        ScheduleStatus status,
        double cost,
        double lowerBound,
        IReadOnlyList<ScheduledShift> shifts,
        int[] coverage,
        int[] understaffed,
        int[] overstaffed,
        string message,
        IReadOnlyList<int> infeasibleIntervals,
        IReadOnlyList<string> infeasibleTemplates,
        TimeSpan elapsed)
    {
        Status = status;
        Cost = cost;
        LowerBound = lowerBound;
        Gap = status == ScheduleStatus.Infeasible ? double.NaN
            : cost <= 0 ? 0
            : Math.Max(0, (cost - lowerBound) / cost);
        Shifts = shifts;
        Coverage = coverage;
        UnderstaffedByInterval = understaffed;
        OverstaffedByInterval = overstaffed;
        Understaffed = understaffed.Sum(v => (long)v);
        Overstaffed = overstaffed.Sum(v => (long)v);
        Message = message;
        InfeasibleIntervals = infeasibleIntervals;
        InfeasibleTemplates = infeasibleTemplates;
        Elapsed = elapsed;
    }

    /// <summary>Optimal, feasible or infeasible.</summary>
    public ScheduleStatus Status { get; }

    /// <summary>The schedule's cost: template costs plus under- and over-staffing costs (NaN when infeasible).</summary>
    public double Cost { get; }

    /// <summary>A proven lower bound on the optimal cost (from the LP relaxation; NaN when infeasible).</summary>
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
