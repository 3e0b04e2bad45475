using CsMetrics.Internal;

namespace CsMetrics.Queueing;

/// <summary>
/// Staffing solvers on traffic in Erlangs and times in seconds: the fewest integer agents meeting every
/// <see cref="StaffingTargets"/> at once (Erlang C, or Erlang A when a patience is given), for one
/// interval or a span of intervals; the scheduled headcount after shrinkage; and the inverse question,
/// the most traffic a team can take. <see cref="ContactQueue"/> offers the same in contact-centre
/// units. Thread-safe; nothing allocates except the parallel batch.
/// </summary>
/// <remarks>
/// <para>Every metric is monotone in the number of agents (service level up; wait, ASA, occupancy,
/// abandonment and blocking down), so the answer is the first N at which all targets hold. The search
/// starts from a known-failing N (Erlang C: ⌊A⌋, as N ≤ A has no steady state; Erlang A: the largest N
/// that the flow balance N ≥ A·(1 - P(Ab)) rules out for the service-level, abandonment and ASA targets),
/// probes the square-root-staffing point A + √A, gallops upwards by doubling steps until a probe meets
/// every target, then bisects. Erlang B is carried along by its recursion from the highest failing
/// point (and the climb to the traffic itself starts at A - 10√A, see <see cref="ErlangB"/>), so the whole
/// search walks O(√A) recursion steps (O(N) at worst) and evaluates the metrics O(log √A) times.</para>
/// <para>Erlang C answers always exceed the traffic (smallest stable team); with traffic 0 the answer is
/// 0 agents. Targets no finite team meets (for example a zero ASA, in floating point beyond
/// A + 50√A + 100 agents) give an infeasible result (<see cref="StaffingResult.Agents"/> = -1).</para>
/// </remarks>
public static class Staffing
{
    /// <summary>The largest traffic the solvers accept, in Erlangs (keeps every agent count inside <see cref="int"/>).</summary>
    public const double MaxTraffic = 100_000_000;

    /// <summary>The fewest agents meeting every target for one interval.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, in [0, <see cref="MaxTraffic"/>].</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="targets">The targets; its <see cref="StaffingTargets.AnswerWithin"/> is also the threshold of the reported service level.</param>
    /// <param name="patienceSeconds">Mean patience in seconds (&gt; 0) for Erlang A; +∞ (the default) for Erlang C.</param>
    /// <param name="shrinkage">Shrinkage in [0, 1) for the scheduled headcount.</param>
    /// <returns>The agents, the metrics they deliver and the scheduled headcount; infeasible when no team meets the targets.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument or target is out of its range or NaN.</exception>
    /// <exception cref="ArgumentException">A service-level target without its <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public static StaffingResult RequiredAgents(double traffic, double handleSeconds, in StaffingTargets targets,
        double patienceSeconds = double.PositiveInfinity, double shrinkage = 0)
    {
        CheckQueue(traffic, handleSeconds, patienceSeconds);
        targets.Validate(nameof(targets));
        CheckShrinkage(shrinkage);
        int agents = Solve(traffic, handleSeconds, patienceSeconds, targets, out var metrics);
        return agents >= 0
            ? new StaffingResult(agents, shrinkage, metrics)
            : new StaffingResult(agents, shrinkage, metrics) { InfeasibleReason = InfeasibleReason(traffic, patienceSeconds, targets) };
    }

    /// <summary>
    /// The fewest agents per interval for a span of intervals (a day or a week of 15/30/60-minute
    /// intervals): <paramref name="destination"/>[i] receives the answer for <paramref name="traffic"/>[i],
    /// or -1 where no team meets the targets. No allocation.
    /// </summary>
    /// <param name="traffic">Offered traffic per interval in Erlangs, each in [0, <see cref="MaxTraffic"/>].</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="targets">The targets every interval must meet.</param>
    /// <param name="destination">Receives the agents per interval; at least as long as <paramref name="traffic"/>.</param>
    /// <param name="patienceSeconds">Mean patience in seconds for Erlang A; +∞ (the default) for Erlang C.</param>
    /// <exception cref="ArgumentOutOfRangeException">An element of <paramref name="traffic"/> (named with its index), an argument or a target is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="traffic"/>, or a service-level target has no <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public static void RequiredAgents(ReadOnlySpan<double> traffic, double handleSeconds, in StaffingTargets targets,
        Span<int> destination, double patienceSeconds = double.PositiveInfinity)
    {
        CheckBatch(traffic, handleSeconds, patienceSeconds, targets, destination.Length);
        for (int i = 0; i < traffic.Length; i++)
        {
            destination[i] = Solve(traffic[i], handleSeconds, patienceSeconds, targets, out _);
        }
    }

    /// <summary>
    /// <see cref="RequiredAgents(ReadOnlySpan{double}, double, in StaffingTargets, Span{int}, double)"/> on
    /// every core, for very large batches (many queues or many scenarios). Intervals are independent, so
    /// the answers are identical to the sequential ones.
    /// </summary>
    /// <param name="traffic">Offered traffic per interval in Erlangs.</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="targets">The targets every interval must meet.</param>
    /// <param name="destination">Receives the agents per interval; at least as long as <paramref name="traffic"/>.</param>
    /// <param name="patienceSeconds">Mean patience in seconds for Erlang A; +∞ (the default) for Erlang C.</param>
    /// <exception cref="ArgumentOutOfRangeException">An element, an argument or a target is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="traffic"/>, or a service-level target has no <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public static void RequiredAgentsParallel(ReadOnlyMemory<double> traffic, double handleSeconds, StaffingTargets targets,
        Memory<int> destination, double patienceSeconds = double.PositiveInfinity)
    {
        CheckBatch(traffic.Span, handleSeconds, patienceSeconds, targets, destination.Length);
        const int ChunkSize = 256;
        int chunks = (traffic.Length + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, chunk =>
        {
            int start = chunk * ChunkSize;
            int length = Math.Min(ChunkSize, traffic.Length - start);
            var source = traffic.Span.Slice(start, length);
            var target = destination.Span.Slice(start, length);
            for (int i = 0; i < length; i++)
            {
                target[i] = Solve(source[i], handleSeconds, patienceSeconds, targets, out _);
            }
        });
    }

    /// <summary>
    /// The headcount to schedule so that <paramref name="agents"/> are available after shrinkage:
    /// <c>ceil(agents / (1 - shrinkage))</c>, computed in decimal arithmetic on the shrinkage as written
    /// (15 significant digits), so 21 agents at 30% shrinkage is 30, not the 31 that binary floating
    /// point gives (21 / 0.7 = 30.000000000000004 in double).
    /// </summary>
    /// <param name="agents">Agents needed on the phones, ≥ 0.</param>
    /// <param name="shrinkage">Shrinkage in [0, 1).</param>
    /// <returns>The scheduled headcount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="agents"/> is negative or <paramref name="shrinkage"/> is not in [0, 1).</exception>
    /// <exception cref="OverflowException">The headcount exceeds <see cref="int.MaxValue"/>.</exception>
    public static int ScheduledHeadcount(int agents, double shrinkage)
    {
        if (agents < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(agents), agents, "must be >= 0");
        }
        CheckShrinkage(shrinkage);
        return checked((int)GrossUp.Headcount(agents, shrinkage));
    }

    /// <summary>
    /// The most traffic (Erlangs) a team of <paramref name="agents"/> can take while meeting every target:
    /// the inverse staffing question, by bisection on the traffic to 1e-12 relative.
    /// </summary>
    /// <param name="agents">The team size, ≥ 1.</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="targets">The targets to keep meeting.</param>
    /// <param name="patienceSeconds">Mean patience in seconds for Erlang A; +∞ (the default) for Erlang C.</param>
    /// <returns>The largest traffic meeting every target (0 when even no traffic fails, e.g. an impossible target).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument or a target is out of range.</exception>
    /// <exception cref="ArgumentException">A service-level target without its <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public static double MaxTrafficFor(int agents, double handleSeconds, in StaffingTargets targets, double patienceSeconds = double.PositiveInfinity)
    {
        if (agents < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(agents), agents, "must be >= 1");
        }
        CheckQueue(0, handleSeconds, patienceSeconds);
        targets.Validate(nameof(targets));
        double low = 0;
        // Erlang C needs A < N; Erlang A can take more than N, so its upper end is found by doubling.
        double high = agents;
        if (!double.IsPositiveInfinity(patienceSeconds))
        {
            while (high < MaxTraffic && Meets(high, agents, handleSeconds, patienceSeconds, targets))
            {
                low = high;
                high *= 2;
            }
        }
        if (!Meets(low, agents, handleSeconds, patienceSeconds, targets))
        {
            return 0;
        }
        while (high - low > 1e-12 * high)
        {
            double middle = 0.5 * (low + high);
            if (middle <= low || middle >= high)
            {
                break;
            }
            if (Meets(middle, agents, handleSeconds, patienceSeconds, targets))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The metrics of one team; the model follows the patience (finite: Erlang A; +∞: Erlang C). Arguments trusted.</summary>
    internal static QueueMetrics Evaluate(double traffic, double agents, double inverseBlocking, double handleSeconds, double patienceSeconds, double answerWithinSeconds) =>
        double.IsPositiveInfinity(patienceSeconds)
            ? ErlangC.FromInverseBlocking(traffic, agents, inverseBlocking, handleSeconds, answerWithinSeconds)
            : ErlangA.FromInverseBlocking(traffic, agents, inverseBlocking, handleSeconds, patienceSeconds, answerWithinSeconds);

    private static bool Meets(double traffic, int agents, double handleSeconds, double patienceSeconds, in StaffingTargets targets)
    {
        var metrics = Evaluate(traffic, agents, ErlangB.InverseBlocking(traffic, agents), handleSeconds, patienceSeconds, targets.AnswerWithinSeconds);
        return targets.AreMetBy(metrics) && !(metrics.Model == QueueModel.ErlangC && metrics.IsOverloaded);
    }

    /// <summary>Why <see cref="Solve"/> found no team: an impossible target, or none up to the search's cap.</summary>
    private static string InfeasibleReason(double traffic, double patienceSeconds, in StaffingTargets targets) =>
        targets.ImpossibleReason(traffic, !double.IsPositiveInfinity(patienceSeconds))
        ?? $"no team of up to {SearchCap(traffic, targets)} agents meets every target (in floating point no larger team does better)";

    /// <summary>The largest team the search tries: far beyond the square-root-staffing point, where every probability has underflowed.</summary>
    private static int SearchCap(double traffic, in StaffingTargets targets)
    {
        int cap = (int)Math.Ceiling(traffic + 50 * Math.Sqrt(traffic) + 100);
        if (targets.MaxOccupancy is double occupancy)
        {
            cap = Math.Max(cap, (int)Math.Min(Math.Ceiling(traffic / occupancy) + 1, int.MaxValue - 1));
        }
        return cap;
    }

    /// <summary>The search described on the type; returns -1 when infeasible. Arguments trusted.</summary>
    internal static int Solve(double traffic, double handleSeconds, double patienceSeconds, in StaffingTargets targets, out QueueMetrics metrics)
    {
        double answerWithin = targets.AnswerWithinSeconds;
        if (traffic == 0)
        {
            metrics = Evaluate(0, 0, 1, handleSeconds, patienceSeconds, answerWithin);
            return 0;
        }
        bool erlangC = double.IsPositiveInfinity(patienceSeconds);
        if (targets.ImpossibleReason(traffic, !erlangC) is not null)
        {
            metrics = default;
            return -1;
        }
        int low = erlangC ? (int)Math.Floor(traffic) : ErlangALowerBound(traffic, patienceSeconds, targets);
        int cap = SearchCap(traffic, targets);
        double lowInverse = ErlangB.InverseBlocking(traffic, low);

        // Gallop from the square-root-staffing point until every target holds.
        int probe = Math.Max(low + 1, (int)Math.Ceiling(traffic + Math.Sqrt(traffic)));
        int high;
        while (true)
        {
            double probeInverse = ErlangB.Advance(lowInverse, 0, low, probe, traffic);
            var probeMetrics = Evaluate(traffic, probe, probeInverse, handleSeconds, patienceSeconds, answerWithin);
            if (targets.AreMetBy(probeMetrics))
            {
                high = probe;
                metrics = probeMetrics;
                break;
            }
            if (probe >= cap)
            {
                metrics = default;
                return -1;
            }
            int step = probe - low;
            low = probe;
            lowInverse = probeInverse;
            probe = (int)Math.Min((long)low + 2L * step, cap);
        }

        // Bisect (low fails, high meets), carrying 1/B forward from the highest failing point.
        while (high - low > 1)
        {
            int middle = low + (high - low) / 2;
            double middleInverse = ErlangB.Advance(lowInverse, 0, low, middle, traffic);
            var middleMetrics = Evaluate(traffic, middle, middleInverse, handleSeconds, patienceSeconds, answerWithin);
            if (targets.AreMetBy(middleMetrics))
            {
                high = middle;
                metrics = middleMetrics;
            }
            else
            {
                low = middle;
                lowInverse = middleInverse;
            }
        }
        return high;
    }

    /// <summary>
    /// A team size that surely fails under Erlang A: served work A·(1 - P(Ab)) is below N, and the
    /// service-level, abandonment and ASA targets each force 1 - P(Ab) above a floor. At least 0.
    /// </summary>
    private static int ErlangALowerBound(double traffic, double patienceSeconds, in StaffingTargets targets)
    {
        double servedFloor = 0;
        if (targets.ServiceLevel is double level)
        {
            servedFloor = Math.Max(servedFloor, level);
        }
        if (targets.MaxAbandonProbability is double abandon)
        {
            servedFloor = Math.Max(servedFloor, 1 - abandon);
        }
        if (targets.MaxAverageSpeedOfAnswer is TimeSpan asa)
        {
            // P(Ab) = θ·ASA.
            servedFloor = Math.Max(servedFloor, 1 - asa.TotalSeconds / patienceSeconds);
        }
        // A small margin keeps the bound on the failing side of any rounding.
        return Math.Max(0, (int)Math.Ceiling(traffic * servedFloor * (1 - 1e-9)) - 1);
    }

    private static void CheckQueue(double traffic, double handleSeconds, double patienceSeconds)
    {
        Preconditions.CheckRange(traffic, 0, MaxTraffic);
        Preconditions.CheckPositive(handleSeconds);
        if (!(patienceSeconds > 0))
        {
            ThrowHelper.ThrowOutOfRange(nameof(patienceSeconds), patienceSeconds, "must be > 0 (+infinity for Erlang C)");
        }
    }

    private static void CheckShrinkage(double shrinkage)
    {
        if (!(shrinkage >= 0 && shrinkage < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(shrinkage), shrinkage, "must be in [0, 1)");
        }
    }

    private static void CheckBatch(ReadOnlySpan<double> traffic, double handleSeconds, double patienceSeconds, in StaffingTargets targets, int destinationLength)
    {
        CheckQueue(0, handleSeconds, patienceSeconds);
        targets.Validate(nameof(targets));
        if (destinationLength < traffic.Length)
        {
            ThrowHelper.ThrowDestinationTooShort("destination", traffic.Length, destinationLength);
        }
        for (int i = 0; i < traffic.Length; i++)
        {
            if (!(traffic[i] >= 0 && traffic[i] <= MaxTraffic))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(traffic), i, traffic[i], $"must be in [0, {MaxTraffic}] Erlangs");
            }
        }
    }
}
