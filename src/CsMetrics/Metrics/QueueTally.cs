using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The state of a queue tally: the thresholds it counts against, the service-level counts and the total queue waits
/// of answered and abandoned contacts, from which service level, abandonment, ASA and average abandon time follow. An
/// immutable snapshot that pools by adding (<see cref="Combine"/>), holds no NaN, and round-trips through
/// System.Text.Json, so partial results from threads, partitions or separate jobs combine exactly (the wait totals up to
/// floating-point rounding). <see cref="Of"/> is the allocation-free span kernel behind <see cref="ServiceLevel"/>,
/// <see cref="QueueTimes"/> and <see cref="QueueAccumulator"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A contact is "within" the threshold when its wait is at or below it (a 20 s wait meets a 20 s target); a short
/// abandon is an abandon with a wait at or below the short-abandon threshold. That threshold may exceed the
/// service-level threshold (it is then used only by the abandonment rate and short abandons cannot be excluded from or
/// met in the service level). A <c>default</c> instance is an empty tally with both thresholds 0.
/// </remarks>
public readonly record struct QueueTally
{
    /// <summary>Creates a tally from its parts.</summary>
    /// <param name="thresholdSeconds">The service-level threshold T in seconds, finite and &gt;= 0.</param>
    /// <param name="shortAbandonSeconds">The short-abandon threshold in seconds, finite and &gt;= 0.</param>
    /// <param name="counts">The counts; with <paramref name="shortAbandonSeconds"/> ≤ T the short abandons must be among the abandons within T.</param>
    /// <param name="answerWaitSeconds">The total queue wait of answered contacts, finite and &gt;= 0 (0 with none).</param>
    /// <param name="abandonWaitSeconds">The total queue wait of abandoned contacts, finite and &gt;= 0 (0 with none).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or inconsistent with the counts.</exception>
    [JsonConstructor]
    public QueueTally(double thresholdSeconds, double shortAbandonSeconds, ServiceLevelCounts counts, double answerWaitSeconds, double abandonWaitSeconds)
    {
        Preconditions.CheckNonNegative(thresholdSeconds);
        Preconditions.CheckNonNegative(shortAbandonSeconds);
        Preconditions.CheckNonNegative(answerWaitSeconds);
        Preconditions.CheckNonNegative(abandonWaitSeconds);
        if (shortAbandonSeconds <= thresholdSeconds && counts.ShortAbandons > counts.AbandonedWithinThreshold)
        {
            ThrowHelper.ThrowOutOfRange(nameof(counts), counts.ShortAbandons,
                $"short abandons must be among the {counts.AbandonedWithinThreshold} abandons within the threshold when the short-abandon threshold ({shortAbandonSeconds} s) is at most it ({thresholdSeconds} s)");
        }
        if (counts.Answered == 0 && answerWaitSeconds != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(answerWaitSeconds), answerWaitSeconds, "must be 0 with no answered contacts");
        }
        if (counts.Abandoned == 0 && abandonWaitSeconds != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(abandonWaitSeconds), abandonWaitSeconds, "must be 0 with no abandoned contacts");
        }
        ThresholdSeconds = thresholdSeconds;
        ShortAbandonSeconds = shortAbandonSeconds;
        Counts = counts;
        AnswerWaitSeconds = answerWaitSeconds;
        AbandonWaitSeconds = abandonWaitSeconds;
    }

    /// <summary>The service-level threshold T in seconds.</summary>
    public double ThresholdSeconds { get; }

    /// <summary>The short-abandon threshold in seconds.</summary>
    public double ShortAbandonSeconds { get; }

    /// <summary>The service-level counts.</summary>
    public ServiceLevelCounts Counts { get; private init; }

    /// <summary>The total queue wait of answered contacts, in seconds.</summary>
    public double AnswerWaitSeconds { get; private init; }

    /// <summary>The total queue wait of abandoned contacts, in seconds.</summary>
    public double AbandonWaitSeconds { get; private init; }

    /// <summary>Average speed of answer: the mean queue wait of answered contacts (Genesys tAnswered; abandons excluded).</summary>
    [JsonIgnore]
    public DurationMean AverageSpeedOfAnswer => new(Counts.Answered, AnswerWaitSeconds);

    /// <summary>Average abandon time: the mean queue wait of abandoned contacts (short abandons included).</summary>
    [JsonIgnore]
    public DurationMean AverageAbandonTime => new(Counts.Abandoned, AbandonWaitSeconds);

    /// <summary>An empty tally with the given thresholds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is negative, NaN or infinite.</exception>
    public static QueueTally Empty(double thresholdSeconds, double shortAbandonSeconds = 0) =>
        new(thresholdSeconds, shortAbandonSeconds, default, 0, 0);

    /// <summary>The tally of per-contact waits and answered flags (allocation-free).</summary>
    /// <param name="waitSeconds">Queue wait per contact, in seconds.</param>
    /// <param name="answered">Whether each contact was answered (false: abandoned); same length.</param>
    /// <param name="thresholdSeconds">The service-level threshold T in seconds, finite and &gt;= 0.</param>
    /// <param name="shortAbandonSeconds">The short-abandon threshold in seconds, finite and &gt;= 0; 0 counts only zero-second abandons.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index), or a threshold is out of range.</exception>
    public static QueueTally Of(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered, double thresholdSeconds, double shortAbandonSeconds = 0)
    {
        Preconditions.CheckNonNegative(thresholdSeconds);
        Preconditions.CheckNonNegative(shortAbandonSeconds);
        if (answered.Length != waitSeconds.Length)
        {
            ThrowHelper.ThrowArgument(nameof(answered), $"answered has length {answered.Length}; waitSeconds has {waitSeconds.Length}.");
        }
        DurationKernel.Sum(waitSeconds, nameof(waitSeconds)); // validates every wait before anything is counted
        var tally = new QueueTally(thresholdSeconds, shortAbandonSeconds, default, 0, 0);
        for (int i = 0; i < waitSeconds.Length; i++)
        {
            tally = tally.Plus(waitSeconds[i], answered[i]);
        }
        return tally;
    }

    /// <summary>The tally of a table of answered contacts only (no abandons recorded): every wait is an answered contact's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index), or the threshold is out of range.</exception>
    public static QueueTally OfAnswered(ReadOnlySpan<double> answerWaitSeconds, double thresholdSeconds)
    {
        Preconditions.CheckNonNegative(thresholdSeconds);
        DurationKernel.Sum(answerWaitSeconds, nameof(answerWaitSeconds));
        var tally = new QueueTally(thresholdSeconds, 0, default, 0, 0);
        foreach (double wait in answerWaitSeconds)
        {
            tally = tally.Plus(wait, answered: true);
        }
        return tally;
    }

    /// <summary>This tally with one more contact: the accumulator's per-record path (a copy, no checks: the caller checked the wait).</summary>
    internal QueueTally Plus(double waitSeconds, bool answered) => answered
        ? this with { Counts = Counts.Plus(true, waitSeconds <= ThresholdSeconds, false), AnswerWaitSeconds = AnswerWaitSeconds + waitSeconds }
        : this with
        {
            Counts = Counts.Plus(false, waitSeconds <= ThresholdSeconds, waitSeconds <= ShortAbandonSeconds),
            AbandonWaitSeconds = AbandonWaitSeconds + waitSeconds,
        };

    /// <summary>The tally of both: counts and wait totals add.</summary>
    /// <exception cref="ArgumentException">The tallies count against different thresholds.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public QueueTally Combine(in QueueTally other)
    {
        if (other.ThresholdSeconds != ThresholdSeconds || other.ShortAbandonSeconds != ShortAbandonSeconds)
        {
            ThrowHelper.ThrowArgument(nameof(other),
                $"cannot combine queue tallies with different thresholds ({other.ThresholdSeconds} s / {other.ShortAbandonSeconds} s short and {ThresholdSeconds} s / {ShortAbandonSeconds} s short).");
        }
        return new QueueTally(ThresholdSeconds, ShortAbandonSeconds, Counts.Combine(other.Counts),
            AnswerWaitSeconds + other.AnswerWaitSeconds, AbandonWaitSeconds + other.AbandonWaitSeconds);
    }

    /// <summary>The service level under <paramref name="policy"/> (see <see cref="Metrics.ServiceLevel.Compute(in ServiceLevelCounts, AbandonPolicy, ShortAbandonTreatment, double)"/>).</summary>
    /// <exception cref="ArgumentException">An enum value is not defined, or short abandons are excluded or met while the
    /// short-abandon threshold exceeds the service-level threshold (ParamName <c>shortAbandons</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult ServiceLevel(AbandonPolicy policy, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double level = 0.95)
    {
        if (shortAbandons is ShortAbandonTreatment.Excluded or ShortAbandonTreatment.Met && ShortAbandonSeconds > ThresholdSeconds)
        {
            ThrowHelper.ThrowArgument(nameof(shortAbandons),
                $"short abandons can be {(shortAbandons == ShortAbandonTreatment.Met ? "met" : "excluded")} only when the short-abandon threshold ({ShortAbandonSeconds.ToString(CultureInfo.InvariantCulture)} s) "
                + $"is at most the service-level threshold ({ThresholdSeconds.ToString(CultureInfo.InvariantCulture)} s): a short abandon is an abandon within the threshold.");
        }
        return Metrics.ServiceLevel.Compute(Counts, policy, shortAbandons, level);
    }

    /// <summary>The abandonment rate (see <see cref="Metrics.ServiceLevel.AbandonmentRate(in ServiceLevelCounts, bool, double)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult AbandonmentRate(bool excludeShortAbandons = false, double level = 0.95) =>
        Metrics.ServiceLevel.AbandonmentRate(Counts, excludeShortAbandons, level);

    /// <summary>Prints the thresholds, counts and means.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"queue tally (T = {ThresholdSeconds} s, short <= {ShortAbandonSeconds} s): {Counts}; ASA {AverageSpeedOfAnswer}; abandon time {AverageAbandonTime}");
}

/// <summary>
/// A running tally of queue outcomes from per-contact waits: service-level counts, ASA and average abandon time in one
/// pass (the counting rules are <see cref="QueueTally"/>'s). Mergeable: tallies of partitions merged equal the tally of
/// the whole. A class, so an accumulator held in a dictionary or list is updated in place
/// (<c>byQueue["billing"].Add(waits, answered)</c>); <see cref="State"/> is the immutable, serialisable snapshot it
/// holds. Nothing allocates. Not thread-safe: give each thread its own and <see cref="Merge(QueueAccumulator)"/>.
/// </summary>
public sealed class QueueAccumulator
{
    private QueueTally _state;

    /// <summary>Creates an empty tally.</summary>
    /// <param name="thresholdSeconds">The service-level threshold T in seconds, finite and &gt;= 0.</param>
    /// <param name="shortAbandonSeconds">The short-abandon threshold in seconds, finite and &gt;= 0; 0 counts only zero-second abandons.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    public QueueAccumulator(double thresholdSeconds, double shortAbandonSeconds = 0) =>
        _state = QueueTally.Empty(thresholdSeconds, shortAbandonSeconds);

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public QueueAccumulator(in QueueTally state) => _state = state;

    /// <summary>The service-level threshold T in seconds.</summary>
    public double ThresholdSeconds => _state.ThresholdSeconds;

    /// <summary>The short-abandon threshold in seconds.</summary>
    public double ShortAbandonSeconds => _state.ShortAbandonSeconds;

    /// <summary>The counts so far.</summary>
    public ServiceLevelCounts Counts => _state.Counts;

    /// <summary>The immutable snapshot, to merge, store or serialise.</summary>
    public QueueTally State => _state;

    /// <summary>Average speed of answer so far: the mean queue wait of answered contacts (Genesys tAnswered; abandons excluded).</summary>
    public DurationMean AverageSpeedOfAnswer => _state.AverageSpeedOfAnswer;

    /// <summary>Average abandon time so far: the mean queue wait of abandoned contacts (short abandons included).</summary>
    public DurationMean AverageAbandonTime => _state.AverageAbandonTime;

    /// <summary>Adds one contact.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="waitSeconds"/> is negative, NaN or infinite.</exception>
    public void Add(double waitSeconds, bool answered)
    {
        if (!(waitSeconds >= 0 && waitSeconds < double.PositiveInfinity))
        {
            ThrowHelper.ThrowOutOfRange(nameof(waitSeconds), waitSeconds, "must be a finite number of seconds >= 0");
        }
        _state = _state.Plus(waitSeconds, answered);
    }

    /// <summary>Adds one contact.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wait"/> is negative.</exception>
    public void Add(TimeSpan wait, bool answered) => Add(wait.TotalSeconds, answered);

    /// <summary>Adds contacts from per-contact waits and answered flags (allocation-free).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index); nothing is added.</exception>
    public void Add(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered) =>
        _state = _state.Combine(QueueTally.Of(waitSeconds, answered, _state.ThresholdSeconds, _state.ShortAbandonSeconds));

    /// <summary>Adds the tally of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tallies use different thresholds.</exception>
    public void Merge(QueueAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the tally of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses different thresholds.</exception>
    public void Merge(in QueueTally other) => _state = _state.Combine(other);

    /// <summary>The service level so far (see <see cref="QueueTally.ServiceLevel"/>).</summary>
    /// <exception cref="ArgumentException">An enum value is not defined, or short abandons are excluded or met with a short-abandon threshold above T.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult ServiceLevel(AbandonPolicy policy, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double level = 0.95) =>
        _state.ServiceLevel(policy, shortAbandons, level);

    /// <summary>The abandonment rate so far (see <see cref="Metrics.ServiceLevel.AbandonmentRate(in ServiceLevelCounts, bool, double)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult AbandonmentRate(bool excludeShortAbandons = false, double level = 0.95) =>
        _state.AbandonmentRate(excludeShortAbandons, level);

    /// <inheritdoc />
    public override string ToString() => _state.ToString();
}
