using System.Globalization;

namespace CsMetrics.Queueing;

/// <summary>The queueing model behind a <see cref="QueueMetrics"/>.</summary>
public enum QueueModel
{
    /// <summary>Erlang C (M/M/N): contacts wait as long as it takes; nobody abandons.</summary>
    ErlangC,

    /// <summary>Erlang A (M/M/N+M, Palm's model): contacts abandon after an exponential patience.</summary>
    ErlangA,
}

/// <summary>
/// What a team of <see cref="Agents"/> delivers against <see cref="Traffic"/> Erlangs of offered work:
/// the waiting, service-level, speed-of-answer, queue, occupancy and abandonment figures of one interval.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Service level is "answered within <see cref="AnswerWithinSeconds"/> over all offered contacts":
/// for Erlang C, <c>P(wait ≤ t)</c>; for Erlang A, <c>P(answered and wait ≤ t)</c>, so abandoned contacts
/// count as failures whenever they abandon.</para>
/// <para>Overloaded Erlang C (agents ≤ traffic) has no steady state: the figures are the limit of an
/// ever-growing queue, stated explicitly: <see cref="IsOverloaded"/> is true, wait probability 1,
/// service level 0, infinite speed of answer, delayed wait and queue length, occupancy 1. Erlang A is
/// stable at any load (abandonment drains the queue); its <see cref="IsOverloaded"/> only reports
/// agents ≤ traffic.</para>
/// </remarks>
public readonly record struct QueueMetrics
{
    internal QueueMetrics(QueueModel model, double traffic, double agents, double answerWithinSeconds, double waitProbability,
        double serviceLevel, double missProbability, double averageSpeedOfAnswerSeconds, double meanDelayedWaitSeconds,
        double meanQueueLength, double occupancy, double abandonProbability, double blockingProbability)
    {
        Model = model;
        Traffic = traffic;
        Agents = agents;
        AnswerWithinSeconds = answerWithinSeconds;
        WaitProbability = waitProbability;
        ServiceLevel = serviceLevel;
        MissProbability = missProbability;
        AverageSpeedOfAnswerSeconds = averageSpeedOfAnswerSeconds;
        MeanDelayedWaitSeconds = meanDelayedWaitSeconds;
        MeanQueueLength = meanQueueLength;
        Occupancy = occupancy;
        AbandonProbability = abandonProbability;
        BlockingProbability = blockingProbability;
    }

    /// <summary>Erlang C or Erlang A.</summary>
    public QueueModel Model { get; init; }

    /// <summary>Offered traffic in Erlangs.</summary>
    public double Traffic { get; init; }

    /// <summary>Agents, possibly fractional.</summary>
    public double Agents { get; init; }

    /// <summary>The service-level threshold t in seconds.</summary>
    public double AnswerWithinSeconds { get; init; }

    /// <summary>Probability that an arriving contact waits (finds every agent busy).</summary>
    public double WaitProbability { get; init; }

    /// <summary>Fraction of offered contacts answered within t, in [0, 1].</summary>
    public double ServiceLevel { get; init; }

    /// <summary>
    /// Fraction of offered contacts not answered within t (they wait longer, or abandon), in [0, 1]: the
    /// complement of <see cref="ServiceLevel"/>, computed directly so it keeps its relative precision where the
    /// service level is within rounding of 1 (Erlang C: <c>C·e^(-(N - A)t/h)</c>). Service-level targets are
    /// compared on it (see <see cref="StaffingTargets.AreMetBy"/>).
    /// </summary>
    public double MissProbability { get; init; }

    /// <summary>Mean wait in queue over all offered contacts, in seconds (Erlang A: including the wait of those who abandon).</summary>
    public double AverageSpeedOfAnswerSeconds { get; init; }

    /// <summary>Mean wait of the contacts that wait at all, in seconds.</summary>
    public double MeanDelayedWaitSeconds { get; init; }

    /// <summary>Mean number of contacts waiting (Little's law: arrival rate × mean wait).</summary>
    public double MeanQueueLength { get; init; }

    /// <summary>Fraction of agent time spent handling contacts, in [0, 1].</summary>
    public double Occupancy { get; init; }

    /// <summary>Fraction of offered contacts that abandon (0 for Erlang C).</summary>
    public double AbandonProbability { get; init; }

    /// <summary>Erlang B at these agents and this traffic: the loss a system without a queue would have.</summary>
    public double BlockingProbability { get; init; }

    /// <summary>Probability that a contact is answered at once, without waiting: 1 - <see cref="WaitProbability"/>.</summary>
    public double ImmediateAnswerProbability => 1 - WaitProbability;

    /// <summary>True when agents ≤ traffic (for Erlang C: no steady state, see the remarks on the type).</summary>
    public bool IsOverloaded => Agents <= Traffic && Traffic > 0;

    /// <summary>A readable line, e.g. <c>Erlang C: 14 agents, 10 Erlangs: SL 88.84% in 20 s, ASA 7.84 s, Pw 0.1741, occupancy 71.43%</c>.</summary>
    public override string ToString()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(Model == QueueModel.ErlangA ? "Erlang A" : "Erlang C")}: {Agents:G6} agents, {Traffic:G6} Erlangs: SL {ServiceLevel * 100:0.00}% in {AnswerWithinSeconds:G6} s, ASA {AverageSpeedOfAnswerSeconds:G4} s, Pw {WaitProbability:G4}, occupancy {Occupancy * 100:0.00}%");
        if (Model == QueueModel.ErlangA)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", abandoned {AbandonProbability * 100:0.00}%");
        }
        return IsOverloaded && Model == QueueModel.ErlangC ? line + " (overloaded)" : line;
    }
}
