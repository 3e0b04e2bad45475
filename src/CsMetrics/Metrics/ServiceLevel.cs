using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>How abandoned contacts enter the service level (the tools disagree; see docs/metrics.md).</summary>
public enum AbandonPolicy
{
    /// <summary><c>A≤T / A</c>: abandons are left out entirely (Genesys Cloud with "include abandons" off).</summary>
    Ignored,

    /// <summary><c>A≤T / (A + Ab)</c>: every abandon is a miss (Cisco ICM "negatively impact").</summary>
    CountedAsMissed,

    /// <summary><c>(A≤T + Ab≤T) / (A + Ab)</c>: abandons within T are met (Cisco "positively impact"; Amazon Connect).</summary>
    MetIfAbandonedWithinThreshold,

    /// <summary><c>A≤T / (A + Ab&gt;T)</c>: abandons within T are neutral (Cisco ICM "abandoned calls ignored").</summary>
    ExcludedIfAbandonedWithinThreshold,
}

/// <summary>How short abandons (within the short-abandon threshold, e.g. 5 s: misdials, instant hang-ups) are treated.</summary>
public enum ShortAbandonTreatment
{
    /// <summary>Like any other abandon, under the <see cref="AbandonPolicy"/>.</summary>
    Counted,

    /// <summary>Removed from every count (Genesys "include short abandons" off; StatServer ServiceFactor).</summary>
    Excluded,

    /// <summary>Counted as met, in numerator and denominator (callcentrehelper formula 5).</summary>
    Met,
}

/// <summary>
/// Queue outcome counts for a period: everything service level and abandonment rate need, pooled across
/// intervals by adding counts. "Within" means a wait at or below the threshold.
/// </summary>
/// <param name="Answered">Answered contacts (A).</param>
/// <param name="AnsweredWithinThreshold">Answered with a wait at or below the threshold (A≤T).</param>
/// <param name="Abandoned">Abandoned contacts (Ab).</param>
/// <param name="AbandonedWithinThreshold">Abandoned at or below the threshold (Ab≤T).</param>
/// <param name="ShortAbandons">Abandoned at or below the short-abandon threshold (a subset of Ab≤T).</param>
public readonly record struct ServiceLevelCounts(long Answered, long AnsweredWithinThreshold, long Abandoned, long AbandonedWithinThreshold, long ShortAbandons)
{
    /// <summary>Contacts offered to the queue: answered + abandoned.</summary>
    public long Offered => Answered + Abandoned;

    /// <summary>Adds the counts of two periods.</summary>
    public ServiceLevelCounts Combine(ServiceLevelCounts other) => new(
        Answered + other.Answered, AnsweredWithinThreshold + other.AnsweredWithinThreshold, Abandoned + other.Abandoned,
        AbandonedWithinThreshold + other.AbandonedWithinThreshold, ShortAbandons + other.ShortAbandons);

    internal void Validate()
    {
        if (Answered < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(Answered), Answered, "must be >= 0");
        }
        if (AnsweredWithinThreshold < 0 || AnsweredWithinThreshold > Answered)
        {
            ThrowHelper.ThrowOutOfRange(nameof(AnsweredWithinThreshold), AnsweredWithinThreshold, $"must be in [0, {Answered}] (answered)");
        }
        if (Abandoned < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(Abandoned), Abandoned, "must be >= 0");
        }
        if (AbandonedWithinThreshold < 0 || AbandonedWithinThreshold > Abandoned)
        {
            ThrowHelper.ThrowOutOfRange(nameof(AbandonedWithinThreshold), AbandonedWithinThreshold, $"must be in [0, {Abandoned}] (abandoned)");
        }
        if (ShortAbandons < 0 || ShortAbandons > AbandonedWithinThreshold)
        {
            ThrowHelper.ThrowOutOfRange(nameof(ShortAbandons), ShortAbandons, $"must be in [0, {AbandonedWithinThreshold}] (abandoned within the threshold)");
        }
    }

    /// <summary>Prints the five counts.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"answered {Answered} ({AnsweredWithinThreshold} within T), abandoned {Abandoned} ({AbandonedWithinThreshold} within T, {ShortAbandons} short)");
}

/// <summary>
/// Service level ("X% answered within T seconds") and abandonment rate, with the abandon policy stated
/// explicitly. Results carry numerator and denominator, so periods are pooled by adding counts, never by
/// averaging percentages (SkyWalking #11055: 83.3% averaged against 75% pooled).
/// </summary>
/// <remarks>
/// With short abandons <see cref="ShortAbandonTreatment.Excluded"/> or <see cref="ShortAbandonTreatment.Met"/>,
/// they are first removed from Ab and Ab≤T; <c>Met</c> then adds them to both numerator and denominator.
/// Example (callcentrehelper): A = 1000, A≤T = 860, Ab = 60, Ab≤T = 20: Ignored 0.86, CountedAsMissed 0.8113,
/// MetIfAbandonedWithinThreshold 0.8302, ExcludedIfAbandonedWithinThreshold 0.8269.
/// </remarks>
public static class ServiceLevel
{
    /// <summary>The service level of <paramref name="counts"/> under <paramref name="policy"/>, with its Wilson interval.</summary>
    /// <param name="counts">The period's queue outcomes.</param>
    /// <param name="policy">How abandons count.</param>
    /// <param name="shortAbandons">How short abandons count.</param>
    /// <param name="confidence">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">The counts are inconsistent, or <paramref name="confidence"/> is outside (0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="policy"/> or <paramref name="shortAbandons"/> is not a defined value.</exception>
    /// <remarks>No offered contacts (after exclusions) gives <c>Count == 0</c> and NaN.</remarks>
    public static ProportionResult Compute(in ServiceLevelCounts counts, AbandonPolicy policy, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double confidence = 0.95)
    {
        counts.Validate();
        long shortCount = shortAbandons == ShortAbandonTreatment.Counted ? 0 : counts.ShortAbandons;
        long answered = counts.Answered;
        long met = counts.AnsweredWithinThreshold;
        long abandoned = counts.Abandoned - shortCount;
        long abandonedWithin = counts.AbandonedWithinThreshold - shortCount;
        (long numerator, long denominator) = policy switch
        {
            AbandonPolicy.Ignored => (met, answered),
            AbandonPolicy.CountedAsMissed => (met, answered + abandoned),
            AbandonPolicy.MetIfAbandonedWithinThreshold => (met + abandonedWithin, answered + abandoned),
            AbandonPolicy.ExcludedIfAbandonedWithinThreshold => (met, answered + abandoned - abandonedWithin),
            _ => throw new ArgumentException($"Unknown abandon policy {policy}.", nameof(policy)),
        };
        switch (shortAbandons)
        {
            case ShortAbandonTreatment.Met:
                numerator += shortCount;
                denominator += shortCount;
                break;
            case ShortAbandonTreatment.Counted or ShortAbandonTreatment.Excluded:
                break;
            default:
                throw new ArgumentException($"Unknown short-abandon treatment {shortAbandons}.", nameof(shortAbandons));
        }
        return ProportionResult.FromCounts(numerator, denominator, confidence);
    }

    /// <summary>The service level of per-contact waits (see <see cref="QueueAccumulator"/> for the counting rules).</summary>
    /// <param name="waitSeconds">Queue wait per contact, in seconds.</param>
    /// <param name="answered">Whether each contact was answered (false: abandoned); same length.</param>
    /// <param name="thresholdSeconds">The service-level threshold T, e.g. 20.</param>
    /// <param name="policy">How abandons count.</param>
    /// <param name="shortAbandonSeconds">The short-abandon threshold, in [0, T]; 0 for none.</param>
    /// <param name="shortAbandons">How short abandons count.</param>
    /// <param name="confidence">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentException">The spans differ in length, or an enum value is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index), a threshold is out of range, or <paramref name="confidence"/> is outside (0, 1).</exception>
    public static ProportionResult Compute(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered, double thresholdSeconds, AbandonPolicy policy,
        double shortAbandonSeconds = 0, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double confidence = 0.95)
    {
        var accumulator = new QueueAccumulator(thresholdSeconds, shortAbandonSeconds);
        accumulator.Add(waitSeconds, answered);
        return Compute(accumulator.Counts, policy, shortAbandons, confidence);
    }

    /// <summary>
    /// The abandonment rate <c>Ab / (A + Ab)</c>, or with short abandons excluded
    /// <c>(Ab − Ab_short) / (A + Ab − Ab_short)</c> (Google CCAI, Genesys), with its Wilson interval.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts are inconsistent, or <paramref name="confidence"/> is outside (0, 1).</exception>
    public static ProportionResult AbandonmentRate(in ServiceLevelCounts counts, bool excludeShortAbandons = false, double confidence = 0.95)
    {
        counts.Validate();
        long abandoned = counts.Abandoned - (excludeShortAbandons ? counts.ShortAbandons : 0);
        return ProportionResult.FromCounts(abandoned, counts.Answered + abandoned, confidence);
    }
}

/// <summary>
/// A running tally of queue outcomes from per-contact waits: service-level counts, ASA and average abandon
/// time in one pass. A contact is "within" the threshold when its wait is at or below it; a short abandon is an
/// abandon with a wait at or below the short-abandon threshold. Mergeable: tallies of partitions merged equal the
/// tally of the whole. A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct QueueAccumulator
{
    private long _answered, _answeredWithin, _abandoned, _abandonedWithin, _short;
    private double _answerWaitSeconds, _abandonWaitSeconds;

    /// <summary>Creates an empty tally.</summary>
    /// <param name="thresholdSeconds">The service-level threshold T in seconds, finite and &gt;= 0.</param>
    /// <param name="shortAbandonSeconds">The short-abandon threshold in [0, T]; 0 counts only zero-second abandons.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of range.</exception>
    public QueueAccumulator(double thresholdSeconds, double shortAbandonSeconds = 0)
    {
        Preconditions.CheckNonNegative(thresholdSeconds);
        Preconditions.CheckRange(shortAbandonSeconds, 0, thresholdSeconds);
        ThresholdSeconds = thresholdSeconds;
        ShortAbandonSeconds = shortAbandonSeconds;
    }

    /// <summary>The service-level threshold T in seconds.</summary>
    public readonly double ThresholdSeconds { get; }

    /// <summary>The short-abandon threshold in seconds.</summary>
    public readonly double ShortAbandonSeconds { get; }

    /// <summary>The counts so far.</summary>
    public readonly ServiceLevelCounts Counts => new(_answered, _answeredWithin, _abandoned, _abandonedWithin, _short);

    /// <summary>Adds one contact.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="waitSeconds"/> is negative, NaN or infinite.</exception>
    public void Add(double waitSeconds, bool answered)
    {
        if (!(waitSeconds >= 0 && waitSeconds < double.PositiveInfinity))
        {
            ThrowHelper.ThrowOutOfRange(nameof(waitSeconds), waitSeconds, "must be a finite number of seconds >= 0");
        }
        AddValid(waitSeconds, answered);
    }

    /// <summary>Adds contacts from per-contact waits and answered flags (allocation-free).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index); nothing is added.</exception>
    public void Add(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered)
    {
        if (answered.Length != waitSeconds.Length)
        {
            ThrowHelper.ThrowArgument(nameof(answered), $"answered has length {answered.Length}; waitSeconds has {waitSeconds.Length}.");
        }
        // Validate first so that a bad element leaves the tally unchanged.
        DurationKernel.Sum(waitSeconds, nameof(waitSeconds));
        for (int i = 0; i < waitSeconds.Length; i++)
        {
            AddValid(waitSeconds[i], answered[i]);
        }
    }

    private void AddValid(double wait, bool answered)
    {
        long within = wait <= ThresholdSeconds ? 1 : 0;
        if (answered)
        {
            _answered++;
            _answeredWithin += within;
            _answerWaitSeconds += wait;
        }
        else
        {
            _abandoned++;
            _abandonedWithin += within;
            _short += wait <= ShortAbandonSeconds ? 1 : 0;
            _abandonWaitSeconds += wait;
        }
    }

    /// <summary>Adds the tally of <paramref name="other"/>.</summary>
    /// <exception cref="ArgumentException">The tallies use different thresholds.</exception>
    public void Merge(in QueueAccumulator other)
    {
        if (other.ThresholdSeconds != ThresholdSeconds || other.ShortAbandonSeconds != ShortAbandonSeconds)
        {
            ThrowHelper.ThrowArgument(nameof(other), "cannot merge tallies with different thresholds.");
        }
        _answered += other._answered;
        _answeredWithin += other._answeredWithin;
        _abandoned += other._abandoned;
        _abandonedWithin += other._abandonedWithin;
        _short += other._short;
        _answerWaitSeconds += other._answerWaitSeconds;
        _abandonWaitSeconds += other._abandonWaitSeconds;
    }

    /// <summary>The service level so far (see <see cref="ServiceLevel.Compute(in ServiceLevelCounts, AbandonPolicy, ShortAbandonTreatment, double)"/>).</summary>
    public readonly ProportionResult ServiceLevel(AbandonPolicy policy, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double confidence = 0.95) =>
        Metrics.ServiceLevel.Compute(Counts, policy, shortAbandons, confidence);

    /// <summary>The abandonment rate so far (see <see cref="Metrics.ServiceLevel.AbandonmentRate"/>).</summary>
    public readonly ProportionResult AbandonmentRate(bool excludeShortAbandons = false, double confidence = 0.95) =>
        Metrics.ServiceLevel.AbandonmentRate(Counts, excludeShortAbandons, confidence);

    /// <summary>Average speed of answer: the mean queue wait of answered contacts (Genesys tAnswered; abandons excluded).</summary>
    public readonly DurationMean AverageSpeedOfAnswer => new(_answered, _answerWaitSeconds);

    /// <summary>Average abandon time: the mean queue wait of abandoned contacts (short abandons included).</summary>
    public readonly DurationMean AverageAbandonTime => new(_abandoned, _abandonWaitSeconds);
}
