using CsMetrics.Internal;

namespace CsMetrics.Scheduling;

/// <summary>How long and how hard <see cref="ShiftScheduler"/> searches. Immutable and thread-safe.</summary>
public sealed record ScheduleSolverOptions
{
    private readonly TimeSpan _timeLimit = TimeSpan.FromSeconds(10);
    private readonly double _targetGap = 1e-4;
    private readonly int _stallLimit = 0;

    /// <summary>The wall-clock limit (default 10 s; &gt; 0). The best schedule found by then is returned.</summary>
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

    private readonly int? _nodeLimit;

    /// <summary>
    /// The most branch-and-cut nodes (null, the default: no limit). With a limit and a generous
    /// <see cref="TimeLimit"/>, a solve ends after a fixed amount of work, so its result does not depend on
    /// the machine's speed or load: the same input, seed and limit give the same schedule, and a larger
    /// limit never a worse one. (&gt;= 0.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? NodeLimit
    {
        get => _nodeLimit;
        init
        {
            if (value is int limit)
            {
                Preconditions.CheckNonNegative(limit, nameof(NodeLimit));
            }
            _nodeLimit = value;
        }
    }

    /// <summary>The seed of the large-neighbourhood search (default 1). The same input and seed give the same schedule.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The search stops once (cost − bound) / cost is at most this (default 1e-4; in [0, 1]).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double TargetGap
    {
        get => _targetGap;
        init
        {
            Preconditions.CheckFraction(value, nameof(TargetGap));
            _targetGap = value;
        }
    }

    /// <summary>Ignored: the search now runs until the gap closes, the time limit passes or the solve is cancelled.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    [Obsolete("The search runs until the gap closes, the time limit passes or the solve is cancelled; StallLimit is ignored.")]
    public int StallLimit
    {
        get => _stallLimit;
        init
        {
            Preconditions.CheckNonNegative(value, nameof(StallLimit));
            _stallLimit = value;
        }
    }
}

/// <summary>A progress report from <see cref="ShiftScheduler"/>: the phase, the best cost so far and the lower bound.</summary>
/// <param name="Phase">"relaxation", "rounding" or "search".</param>
/// <param name="IncumbentCost">The best schedule's cost so far (NaN before the first).</param>
/// <param name="LowerBound">The proven lower bound on the optimal cost.</param>
/// <param name="Elapsed">The time since the solve started.</param>
public readonly record struct ScheduleProgress(string Phase, double IncumbentCost, double LowerBound, TimeSpan Elapsed);

/// <summary>The outcome of a solve.</summary>
public enum ScheduleStatus
{
    /// <summary>The schedule's cost equals the lower bound: proven optimal.</summary>
    Optimal,

    /// <summary>A schedule was found; its distance from the optimum is at most the reported gap.</summary>
    Feasible,

    /// <summary>No schedule meets every requirement (hard coverage); the message names the intervals or templates at fault.</summary>
    Infeasible,

    /// <summary>A given schedule scored by <see cref="ScheduleSolution.Evaluate"/>: cost and coverage recomputed, no bound proven here.</summary>
    Evaluated,
}
