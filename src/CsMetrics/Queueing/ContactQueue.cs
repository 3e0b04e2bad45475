using CsMetrics.Internal;

namespace CsMetrics.Queueing;

/// <summary>
/// A queue of contacts in contact-centre units: the interval length, the average handle time and,
/// optionally, the callers' average patience (with a patience the model is Erlang A, without it
/// Erlang C). The two questions planners ask start here:
/// <list type="bullet">
/// <item>how many agents each interval needs: <see cref="RequiredAgents(double, in StaffingTargets, double)"/>
/// for one interval, <see cref="RequiredAgents(ReadOnlySpan{double}, in StaffingTargets, Span{int})"/> for a
/// span of forecast volumes;</item>
/// <item>what a given, possibly fractional, number of agents delivers (service level, occupancy, ...):
/// <see cref="Evaluate(double, double, TimeSpan)"/> and its span form.</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var queue = new ContactQueue(interval: TimeSpan.FromMinutes(30), averageHandleTime: TimeSpan.FromSeconds(180));
/// var targets = new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };
/// var staffing = queue.RequiredAgents(contacts: 100, targets, shrinkage: 0.3);
/// // 14 agents (20 scheduled at 30% shrinkage): Erlang C: 14 agents, 10 Erlangs: SL 88.84% in 20 s, ASA 7.836 s, ...
/// </code>
/// </example>
public sealed class ContactQueue
{
    /// <summary>Creates a queue description.</summary>
    /// <param name="interval">The interval the contact volumes are counted over (e.g. 15, 30 or 60 minutes); &gt; 0.</param>
    /// <param name="averageHandleTime">The average handle time (talk, hold and wrap-up); &gt; 0.</param>
    /// <param name="patience">The callers' average patience before abandoning (&gt; 0), for Erlang A; null for Erlang C (nobody abandons).</param>
    /// <exception cref="ArgumentOutOfRangeException">A time is zero or negative.</exception>
    public ContactQueue(TimeSpan interval, TimeSpan averageHandleTime, TimeSpan? patience = null)
    {
        if (interval <= TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(interval), interval, "must be > 0");
        }
        if (averageHandleTime <= TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(averageHandleTime), averageHandleTime, "must be > 0");
        }
        if (patience is TimeSpan p && p <= TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(patience), p, "must be > 0, or null for no abandonment");
        }
        Interval = interval;
        AverageHandleTime = averageHandleTime;
        Patience = patience;
    }

    /// <summary>The interval the contact volumes are counted over.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The average handle time.</summary>
    public TimeSpan AverageHandleTime { get; }

    /// <summary>The average patience (Erlang A), or null (Erlang C).</summary>
    public TimeSpan? Patience { get; }

    /// <summary>Erlang A when a patience is set, else Erlang C.</summary>
    public QueueModel Model => Patience is null ? QueueModel.ErlangC : QueueModel.ErlangA;

    private double HandleSeconds => AverageHandleTime.TotalSeconds;

    private double PatienceSeconds => Patience?.TotalSeconds ?? double.PositiveInfinity;

    /// <summary>The offered traffic in Erlangs: <c>contacts × average handle time / interval</c>.</summary>
    /// <param name="contacts">Contacts offered in one interval, finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contacts"/> is negative, infinite or NaN.</exception>
    public double Traffic(double contacts)
    {
        Preconditions.CheckNonNegative(contacts);
        return contacts * HandleSeconds / Interval.TotalSeconds;
    }

    /// <summary>What <paramref name="agents"/> agents (possibly fractional) deliver against <paramref name="contacts"/> contacts in one interval.</summary>
    /// <param name="contacts">Contacts offered in the interval, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional (13.4 agents: continuous Erlang).</param>
    /// <param name="answerWithin">The service-level threshold, ≥ 0.</param>
    /// <returns>Service level, wait probability, ASA, occupancy, abandonment and the rest.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range or NaN.</exception>
    public QueueMetrics Evaluate(double contacts, double agents, TimeSpan answerWithin)
    {
        Preconditions.CheckNonNegative(agents);
        CheckThreshold(answerWithin);
        double traffic = Traffic(contacts);
        return Staffing.Evaluate(traffic, agents, ErlangB.InverseBlocking(traffic, agents), HandleSeconds, PatienceSeconds, answerWithin.TotalSeconds);
    }

    /// <summary>
    /// What a staffing plan delivers, interval by interval: <paramref name="destination"/>[i] receives the
    /// metrics of <paramref name="agents"/>[i] (possibly fractional) against <paramref name="contacts"/>[i]. No allocation.
    /// </summary>
    /// <param name="contacts">Contacts offered per interval, each finite and ≥ 0.</param>
    /// <param name="agents">Agents per interval, each finite and ≥ 0; same length as <paramref name="contacts"/>.</param>
    /// <param name="answerWithin">The service-level threshold, ≥ 0.</param>
    /// <param name="destination">Receives the metrics per interval; at least as long as <paramref name="contacts"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An element (named with its index) or the threshold is out of range.</exception>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="destination"/> is too short.</exception>
    public void Evaluate(ReadOnlySpan<double> contacts, ReadOnlySpan<double> agents, TimeSpan answerWithin, Span<QueueMetrics> destination)
    {
        CheckThreshold(answerWithin);
        if (agents.Length != contacts.Length)
        {
            ThrowHelper.ThrowArgument(nameof(agents), $"agents has length {agents.Length}; contacts has {contacts.Length}.");
        }
        if (destination.Length < contacts.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), contacts.Length, destination.Length);
        }
        for (int i = 0; i < contacts.Length; i++)
        {
            CheckElement(contacts, i, nameof(contacts));
            CheckElement(agents, i, nameof(agents));
        }
        double handle = HandleSeconds, patience = PatienceSeconds, threshold = answerWithin.TotalSeconds, scale = handle / Interval.TotalSeconds;
        for (int i = 0; i < contacts.Length; i++)
        {
            double traffic = contacts[i] * scale;
            destination[i] = Staffing.Evaluate(traffic, agents[i], ErlangB.InverseBlocking(traffic, agents[i]), handle, patience, threshold);
        }
    }

    /// <summary>The fewest agents meeting every target for <paramref name="contacts"/> contacts in one interval.</summary>
    /// <param name="contacts">Contacts offered in the interval, finite and ≥ 0.</param>
    /// <param name="targets">The targets, all met at once.</param>
    /// <param name="shrinkage">Shrinkage in [0, 1) for the scheduled headcount.</param>
    /// <returns>Agents, what they deliver, and the scheduled headcount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument or a target is out of range.</exception>
    /// <exception cref="ArgumentException">A service-level target without its <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public StaffingResult RequiredAgents(double contacts, in StaffingTargets targets, double shrinkage = 0) =>
        Staffing.RequiredAgents(Traffic(contacts), HandleSeconds, targets, PatienceSeconds, shrinkage);

    /// <summary>
    /// The fewest agents per interval for a span of forecast volumes (a day or a week of intervals):
    /// <paramref name="destination"/>[i] receives the agents for <paramref name="contacts"/>[i], or -1 where
    /// no team meets the targets. No allocation; O(agents) per interval.
    /// </summary>
    /// <param name="contacts">Contacts offered per interval, each finite and ≥ 0.</param>
    /// <param name="targets">The targets every interval must meet.</param>
    /// <param name="destination">Receives the agents per interval; at least as long as <paramref name="contacts"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An element (named with its index) or a target is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or a service-level target has no <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public void RequiredAgents(ReadOnlySpan<double> contacts, in StaffingTargets targets, Span<int> destination)
    {
        targets.Validate(nameof(targets));
        if (destination.Length < contacts.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), contacts.Length, destination.Length);
        }
        double scale = HandleSeconds / Interval.TotalSeconds;
        for (int i = 0; i < contacts.Length; i++)
        {
            CheckElement(contacts, i, nameof(contacts));
            if (contacts[i] * scale > Staffing.MaxTraffic)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(contacts), i, contacts[i], $"gives more than {Staffing.MaxTraffic} Erlangs");
            }
        }
        for (int i = 0; i < contacts.Length; i++)
        {
            destination[i] = Staffing.Solve(contacts[i] * scale, HandleSeconds, PatienceSeconds, targets, out _);
        }
    }

    /// <summary>The most contacts per interval a team of <paramref name="agents"/> can take while meeting every target.</summary>
    /// <param name="agents">The team size, ≥ 1.</param>
    /// <param name="targets">The targets to keep meeting.</param>
    /// <returns>The largest contact volume (a real number; round down for whole contacts).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument or a target is out of range.</exception>
    /// <exception cref="ArgumentException">A service-level target without its <see cref="StaffingTargets.AnswerWithin"/> threshold.</exception>
    public double MaxContacts(int agents, in StaffingTargets targets) =>
        Staffing.MaxTrafficFor(agents, HandleSeconds, targets, PatienceSeconds) * Interval.TotalSeconds / HandleSeconds;

    /// <summary>
    /// The service-level table across team sizes: one row per agent count from <paramref name="fromAgents"/>
    /// to <paramref name="toAgents"/>, from one walk of the Erlang B recursion.
    /// </summary>
    /// <param name="contacts">Contacts offered in the interval, finite and ≥ 0.</param>
    /// <param name="answerWithin">The service-level threshold, ≥ 0.</param>
    /// <param name="fromAgents">The smallest team, ≥ 0.</param>
    /// <param name="toAgents">The largest team, ≥ <paramref name="fromAgents"/>.</param>
    /// <returns>The rows, in increasing agents; print it for a readable table.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public ServiceLevelTable ServiceLevelTable(double contacts, TimeSpan answerWithin, int fromAgents, int toAgents)
    {
        CheckThreshold(answerWithin);
        if (fromAgents < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(fromAgents), fromAgents, "must be >= 0");
        }
        if (toAgents < fromAgents)
        {
            ThrowHelper.ThrowOutOfRange(nameof(toAgents), toAgents, $"must be >= fromAgents ({fromAgents})");
        }
        double traffic = Traffic(contacts);
        var rows = new QueueMetrics[toAgents - fromAgents + 1];
        double inverse = ErlangB.InverseBlocking(traffic, fromAgents);
        for (int i = 0; i < rows.Length; i++)
        {
            if (i > 0)
            {
                inverse = ErlangB.Step(inverse, fromAgents + i, traffic);
            }
            rows[i] = Staffing.Evaluate(traffic, fromAgents + i, inverse, HandleSeconds, PatienceSeconds, answerWithin.TotalSeconds);
        }
        return new ServiceLevelTable(rows);
    }

    private static void CheckThreshold(TimeSpan answerWithin)
    {
        if (answerWithin < TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(answerWithin), answerWithin, "must be >= 0");
        }
    }

    private static void CheckElement(ReadOnlySpan<double> values, int index, string name)
    {
        if (!(values[index] >= 0 && double.IsFinite(values[index])))
        {
            ThrowHelper.ThrowElementOutOfRange(name, index, values[index], "must be a finite number >= 0");
        }
    }
}
