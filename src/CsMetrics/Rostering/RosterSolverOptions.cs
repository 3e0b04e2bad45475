using CsMetrics.Internal;

namespace CsMetrics.Rostering;

/// <summary>How long and how hard <see cref="RosterSolver"/> searches. Immutable and thread-safe.</summary>
public sealed record RosterSolverOptions
{
    private readonly TimeSpan _timeLimit = TimeSpan.FromSeconds(60);
    private readonly long? _iterationLimit;

    /// <summary>The wall-clock limit (default 60 s; &gt; 0). The best roster found by then is returned.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan TimeLimit
    {
        get => _timeLimit;
        init
        {
            if (value <= TimeSpan.Zero)
            {
                ThrowHelper.ThrowOutOfRange(nameof(TimeLimit), value, "must be > 0");
            }
            _timeLimit = value;
        }
    }

    /// <summary>
    /// The most search moves (null, the default: no limit). With a limit and a generous <see cref="TimeLimit"/> a
    /// solve ends after a fixed amount of work, so its result does not depend on the machine's speed or load.
    /// (&gt;= 0.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long? IterationLimit
    {
        get => _iterationLimit;
        init
        {
            if (value is long limit && limit < 0)
            {
                ThrowHelper.ThrowOutOfRange(nameof(IterationLimit), limit, "must be >= 0");
            }
            _iterationLimit = value;
        }
    }

    /// <summary>The seed of the search (default 1). The same problem, seed and limits give the same roster up to where the clock stops the search.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>A progress report from <see cref="RosterSolver"/>.</summary>
/// <param name="Phase">"feasibility" (no feasible roster yet) or "improvement".</param>
/// <param name="BestObjective">The best feasible roster's objective so far, or null before the first.</param>
/// <param name="LowerBound">The proven lower bound on the optimal objective.</param>
/// <param name="Iterations">Search moves tried so far.</param>
/// <param name="Elapsed">The time since the solve started.</param>
public readonly record struct RosterProgress(string Phase, int? BestObjective, int LowerBound, long Iterations, TimeSpan Elapsed);

/// <summary>The outcome of a solve.</summary>
public enum RosterStatus
{
    /// <summary>A feasible roster whose objective equals the lower bound: proven optimal.</summary>
    Optimal,

    /// <summary>A feasible roster; its distance from the optimum is at most the reported gap.</summary>
    Feasible,

    /// <summary>Proven: no roster meets every hard rule; <see cref="RosterSolution.Reason"/> says why.</summary>
    Infeasible,

    /// <summary>No feasible roster was found within the limits, and none was proven impossible; the reason lists the best roster's broken rules.</summary>
    Unknown,
}

/// <summary>The result of <see cref="RosterSolver.Solve"/>. Immutable.</summary>
public sealed record RosterSolution
{
    /// <summary>Optimal, feasible, infeasible (proven) or unknown (none found in time).</summary>
    public required RosterStatus Status { get; init; }

    /// <summary>The best feasible roster, or null when none was found.</summary>
    public Roster? Roster { get; init; }

    /// <summary>The roster's evaluation (penalties by kind, coverage), or null when none was found.</summary>
    public RosterEvaluation? Evaluation { get; init; }

    /// <summary>The roster's objective, or null when none was found.</summary>
    public int? Objective => Evaluation?.Objective;

    /// <summary>A proven lower bound on every feasible roster's objective (see <see cref="RosterBound"/>).</summary>
    public required int LowerBound { get; init; }

    /// <summary>(objective − bound) / objective, 0 when both are 0; null without a roster.</summary>
    public double? Gap => Objective is int objective ? (objective == 0 ? 0 : (objective - LowerBound) / (double)objective) : null;

    /// <summary>Why the status is what it is: the proof of infeasibility, the broken rules of the best roster found, or empty.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Search moves tried.</summary>
    public long Iterations { get; init; }

    /// <summary>The wall-clock time of the solve.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>"feasible, objective 612, bound 401, gap 34.5%".</summary>
    public override string ToString() =>
        Objective is int objective
            ? FormattableString.Invariant($"{Status.ToString().ToLowerInvariant()}, objective {objective}, bound {LowerBound}, gap {Gap:P1}")
            : $"{Status.ToString().ToLowerInvariant()}: {Reason}";
}
