using CsMetrics.Internal;

namespace CsMetrics.Queueing;

/// <summary>
/// Erlang C (M/M/N, contacts wait as long as needed): wait probability, service level, average speed
/// of answer, delayed wait, queue length and occupancy, for integer or fractional agents. Traffic is in
/// Erlangs and times in seconds; <see cref="ContactQueue"/> offers the same in contact-centre units.
/// Thread-safe: every member is a pure function, and none allocates.
/// </summary>
/// <remarks>
/// <para>With traffic A, agents N &gt; A, mean handle time h and threshold t (Erlang 1917; Cooper,
/// <i>Introduction to Queueing Theory</i>, 2nd ed., §5.3), computed from B = B(N, A) of <see cref="ErlangB"/>
/// (its recursion, so nothing overflows):</para>
/// <list type="bullet">
/// <item>wait probability <c>C = N·B / (N - A·(1 - B)) = N / ((N - A)/B + A)</c>;</item>
/// <item>service level <c>SL(t) = 1 - C·e^(-(N - A)·t/h)</c> (the waiting time of a delayed contact is exponential with rate (N - A)/h);</item>
/// <item>average speed of answer over all contacts <c>ASA = C·h/(N - A)</c>; mean wait of delayed contacts <c>h/(N - A)</c>;</item>
/// <item>mean queue length <c>C·A/(N - A)</c>; occupancy <c>A/N</c>.</item>
/// </list>
/// <para>Fractional N uses the continuous Erlang B, so the same formulas hold for 13.4 agents.</para>
/// <para>Overloaded (N ≤ A, A &gt; 0): no steady state. The result says so (<see cref="QueueMetrics.IsOverloaded"/>)
/// with C = 1, SL = 0, infinite ASA, delayed wait and queue length, and occupancy 1: never a negative
/// wait, never an exception. No traffic: nobody waits (C = 0, SL = 1, ASA = 0, occupancy 0).</para>
/// </remarks>
public static class ErlangC
{
    /// <summary>The probability that an arriving contact has to wait, C(N, A).</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional.</param>
    /// <returns>C in [0, 1]; 1 when overloaded (agents ≤ traffic, traffic &gt; 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, infinite or NaN.</exception>
    public static double WaitProbability(double traffic, double agents) =>
        Evaluate(traffic, agents, handleSeconds: 1, answerWithinSeconds: 0).WaitProbability;

    /// <summary>The fraction of contacts answered within <paramref name="answerWithinSeconds"/>: <c>1 - C·e^(-(N - A)·t/h)</c>.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional.</param>
    /// <param name="handleSeconds">Mean handle time h in seconds, finite and &gt; 0.</param>
    /// <param name="answerWithinSeconds">The threshold t in seconds, finite and ≥ 0.</param>
    /// <returns>The service level in [0, 1]; 0 when overloaded.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range, infinite or NaN.</exception>
    public static double ServiceLevel(double traffic, double agents, double handleSeconds, double answerWithinSeconds) =>
        Evaluate(traffic, agents, handleSeconds, answerWithinSeconds).ServiceLevel;

    /// <summary>The average speed of answer over all contacts, <c>C·h/(N - A)</c>, in seconds.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional.</param>
    /// <param name="handleSeconds">Mean handle time h in seconds, finite and &gt; 0.</param>
    /// <returns>The ASA in seconds; +∞ when overloaded.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range, infinite or NaN.</exception>
    public static double AverageSpeedOfAnswer(double traffic, double agents, double handleSeconds) =>
        Evaluate(traffic, agents, handleSeconds, answerWithinSeconds: 0).AverageSpeedOfAnswerSeconds;

    /// <summary>Every Erlang C figure for one team and one interval.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional.</param>
    /// <param name="handleSeconds">Mean handle time h in seconds, finite and &gt; 0.</param>
    /// <param name="answerWithinSeconds">The service-level threshold t in seconds, finite and ≥ 0.</param>
    /// <returns>The metrics; see the remarks on <see cref="ErlangC"/> for the overloaded case.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range, infinite or NaN.</exception>
    public static QueueMetrics Evaluate(double traffic, double agents, double handleSeconds, double answerWithinSeconds)
    {
        Preconditions.CheckNonNegative(traffic);
        Preconditions.CheckNonNegative(agents);
        Preconditions.CheckPositive(handleSeconds);
        Preconditions.CheckNonNegative(answerWithinSeconds);
        return FromInverseBlocking(traffic, agents, ErlangB.InverseBlocking(traffic, agents), handleSeconds, answerWithinSeconds);
    }

    /// <summary>
    /// The table planners like to see: the metrics for <paramref name="firstAgents"/>,
    /// <paramref name="firstAgents"/> + 1, ... agents, one row per element of <paramref name="destination"/>,
    /// from one walk of the recursion (O(firstAgents + rows), no allocation).
    /// </summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="firstAgents">Agents in the first row, ≥ 0.</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="answerWithinSeconds">The service-level threshold in seconds, finite and ≥ 0.</param>
    /// <param name="destination">Receives one row per agent count.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range, infinite or NaN.</exception>
    public static void EvaluateRange(double traffic, int firstAgents, double handleSeconds, double answerWithinSeconds, Span<QueueMetrics> destination)
    {
        Preconditions.CheckNonNegative(traffic);
        Preconditions.CheckNonNegative(firstAgents);
        Preconditions.CheckPositive(handleSeconds);
        Preconditions.CheckNonNegative(answerWithinSeconds);
        double inverse = ErlangB.InverseBlocking(traffic, firstAgents);
        for (int i = 0; i < destination.Length; i++)
        {
            int agents = firstAgents + i;
            if (i > 0)
            {
                inverse = ErlangB.Step(inverse, agents, traffic);
            }
            destination[i] = FromInverseBlocking(traffic, agents, inverse, handleSeconds, answerWithinSeconds);
        }
    }

    /// <summary>The Erlang C wait probability from 1/B; arguments trusted. 1 when overloaded.</summary>
    internal static double WaitProbabilityFromInverseBlocking(double traffic, double agents, double inverseBlocking)
    {
        if (traffic == 0)
        {
            return 0;
        }
        if (agents <= traffic)
        {
            return 1;
        }
        // C = N / ((N - A)/B + A): positive terms only; 1/B = +inf gives C = 0.
        return agents / ((agents - traffic) * inverseBlocking + traffic);
    }

    /// <summary>All metrics from 1/B(N, A); arguments trusted.</summary>
    internal static QueueMetrics FromInverseBlocking(double traffic, double agents, double inverseBlocking, double handleSeconds, double answerWithinSeconds)
    {
        double blocking = 1 / inverseBlocking;
        if (traffic == 0)
        {
            return new QueueMetrics(QueueModel.ErlangC, traffic, agents, answerWithinSeconds,
                waitProbability: 0, serviceLevel: 1, missProbability: 0, averageSpeedOfAnswerSeconds: 0, meanDelayedWaitSeconds: agents > 0 ? handleSeconds / agents : double.PositiveInfinity,
                meanQueueLength: 0, occupancy: 0, abandonProbability: 0, blockingProbability: blocking);
        }
        if (agents <= traffic)
        {
            return new QueueMetrics(QueueModel.ErlangC, traffic, agents, answerWithinSeconds,
                waitProbability: 1, serviceLevel: 0, missProbability: 1, averageSpeedOfAnswerSeconds: double.PositiveInfinity, meanDelayedWaitSeconds: double.PositiveInfinity,
                meanQueueLength: double.PositiveInfinity, occupancy: agents > 0 ? 1 : 0, abandonProbability: 0, blockingProbability: blocking);
        }
        double wait = WaitProbabilityFromInverseBlocking(traffic, agents, inverseBlocking);
        double spare = agents - traffic;
        double delayedWait = handleSeconds / spare;
        double miss = wait * Math.Exp(-spare * answerWithinSeconds / handleSeconds);
        return new QueueMetrics(QueueModel.ErlangC, traffic, agents, answerWithinSeconds,
            waitProbability: wait,
            serviceLevel: 1 - miss,
            missProbability: miss,
            averageSpeedOfAnswerSeconds: wait * delayedWait,
            meanDelayedWaitSeconds: delayedWait,
            meanQueueLength: wait * traffic / spare,
            occupancy: traffic / agents,
            abandonProbability: 0,
            blockingProbability: blocking);
    }
}
