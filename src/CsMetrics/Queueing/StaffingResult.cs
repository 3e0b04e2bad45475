using System.Globalization;

namespace CsMetrics.Queueing;

/// <summary>
/// A staffing answer: the fewest agents meeting every target, what they deliver, and the headcount to
/// schedule once shrinkage is allowed for. Immutable and thread-safe.
/// </summary>
/// <param name="Agents">The fewest agents on the phones meeting every target; -1 when no number of agents can (see <see cref="IsFeasible"/>).</param>
/// <param name="Shrinkage">The fraction of scheduled time not available for contacts (breaks, training, absence), in [0, 1).</param>
/// <param name="Metrics">What <see cref="Agents"/> agents deliver (default when infeasible).</param>
public readonly record struct StaffingResult(int Agents, double Shrinkage, QueueMetrics Metrics)
{
    /// <summary>False when the targets cannot be met by any number of agents (e.g. a zero ASA with traffic).</summary>
    public bool IsFeasible => Agents >= 0;

    /// <summary>Why the targets cannot be met (null when feasible), e.g. "a service level of 1 is met by no finite team: ...".</summary>
    public string? InfeasibleReason { get; init; }

    /// <summary>The headcount to schedule: <c>ceil(Agents / (1 - Shrinkage))</c>, exact (see <see cref="Staffing.ScheduledHeadcount"/>); -1 when infeasible.</summary>
    public int ScheduledHeadcount => IsFeasible ? Staffing.ScheduledHeadcount(Agents, Shrinkage) : -1;

    /// <summary>A readable line, e.g. <c>14 agents (20 scheduled at 30% shrinkage): Erlang C: ...</c>.</summary>
    public override string ToString() => IsFeasible
        ? string.Create(CultureInfo.InvariantCulture, $"{Agents} agents ({ScheduledHeadcount} scheduled at {Shrinkage * 100:0.##}% shrinkage): {Metrics}")
        : $"infeasible: {InfeasibleReason ?? "no number of agents meets every target"}";
}
