using System.Text.Json.Serialization;
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
/// Queue outcome counts for a period: everything service level and abandonment rate need, pooled across intervals by
/// adding counts (<see cref="Combine"/>). "Within" means a wait at or below the threshold. Validated on construction,
/// so a deserialised or hand-built value is consistent. Immutable and thread-safe.
/// </summary>
public readonly record struct ServiceLevelCounts
{
    /// <summary>Creates the counts.</summary>
    /// <param name="answered">Answered contacts (A), &gt;= 0.</param>
    /// <param name="answeredWithinThreshold">Answered with a wait at or below the threshold (A≤T), in [0, A].</param>
    /// <param name="abandoned">Abandoned contacts (Ab), &gt;= 0.</param>
    /// <param name="abandonedWithinThreshold">Abandoned at or below the threshold (Ab≤T), in [0, Ab].</param>
    /// <param name="shortAbandons">Abandoned at or below the short-abandon threshold, in [0, Ab]; when that threshold is at
    /// most T (as <see cref="ShortAbandonTreatment.Excluded"/> and <see cref="ShortAbandonTreatment.Met"/> require) a subset of Ab≤T.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range (the message names it and the bound).</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public ServiceLevelCounts(long answered, long answeredWithinThreshold, long abandoned, long abandonedWithinThreshold, long shortAbandons)
    {
        if (answered < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(answered), answered, "must be >= 0");
        }
        if (answeredWithinThreshold < 0 || answeredWithinThreshold > answered)
        {
            ThrowHelper.ThrowOutOfRange(nameof(answeredWithinThreshold), answeredWithinThreshold, $"must be in [0, {answered}] (answered)");
        }
        if (abandoned < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(abandoned), abandoned, "must be >= 0");
        }
        if (abandonedWithinThreshold < 0 || abandonedWithinThreshold > abandoned)
        {
            ThrowHelper.ThrowOutOfRange(nameof(abandonedWithinThreshold), abandonedWithinThreshold, $"must be in [0, {abandoned}] (abandoned)");
        }
        if (shortAbandons < 0 || shortAbandons > abandoned)
        {
            ThrowHelper.ThrowOutOfRange(nameof(shortAbandons), shortAbandons, $"must be in [0, {abandoned}] (abandoned)");
        }
        Answered = answered;
        AnsweredWithinThreshold = answeredWithinThreshold;
        Abandoned = abandoned;
        AbandonedWithinThreshold = abandonedWithinThreshold;
        ShortAbandons = shortAbandons;
    }

    /// <summary>Answered contacts (A).</summary>
    public long Answered { get; private init; }

    /// <summary>Answered with a wait at or below the threshold (A≤T).</summary>
    public long AnsweredWithinThreshold { get; private init; }

    /// <summary>Abandoned contacts (Ab).</summary>
    public long Abandoned { get; private init; }

    /// <summary>Abandoned at or below the threshold (Ab≤T).</summary>
    public long AbandonedWithinThreshold { get; private init; }

    /// <summary>Abandoned at or below the short-abandon threshold.</summary>
    public long ShortAbandons { get; private init; }

    /// <summary>Contacts offered to the queue: answered + abandoned.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Offered => Answered + Abandoned;

    /// <summary>These counts with one more contact: the queue tallies' per-record path (a copy, no checks).</summary>
    internal ServiceLevelCounts Plus(bool answered, bool within, bool isShort) => answered
        ? this with { Answered = Answered + 1, AnsweredWithinThreshold = AnsweredWithinThreshold + (within ? 1 : 0) }
        : this with
        {
            Abandoned = Abandoned + 1,
            AbandonedWithinThreshold = AbandonedWithinThreshold + (within ? 1 : 0),
            ShortAbandons = ShortAbandons + (isShort ? 1 : 0),
        };

    /// <summary>Adds the counts of two periods.</summary>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public ServiceLevelCounts Combine(in ServiceLevelCounts other) => new(
        checked(Answered + other.Answered), checked(AnsweredWithinThreshold + other.AnsweredWithinThreshold), checked(Abandoned + other.Abandoned),
        checked(AbandonedWithinThreshold + other.AbandonedWithinThreshold), checked(ShortAbandons + other.ShortAbandons));

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
/// they are first removed from Ab and Ab≤T (so they must be a subset of Ab≤T: the short-abandon threshold at most T);
/// <c>Met</c> then adds them to both numerator and denominator.
/// Example (callcentrehelper): A = 1000, A≤T = 860, Ab = 60, Ab≤T = 20: Ignored 0.86, CountedAsMissed 0.8113,
/// MetIfAbandonedWithinThreshold 0.8302, ExcludedIfAbandonedWithinThreshold 0.8269.
/// </remarks>
public static class ServiceLevel
{
    /// <summary>The service level of <paramref name="counts"/> under <paramref name="policy"/>, with its Wilson interval.</summary>
    /// <param name="counts">The period's queue outcomes.</param>
    /// <param name="policy">How abandons count.</param>
    /// <param name="shortAbandons">How short abandons count.</param>
    /// <param name="level">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="policy"/> or <paramref name="shortAbandons"/> is not a defined value, or short
    /// abandons are excluded or met while they are not a subset of the abandons within the threshold.</exception>
    /// <remarks>No offered contacts (after exclusions) gives <c>Count == 0</c> and NaN.</remarks>
    public static ProportionResult Compute(in ServiceLevelCounts counts, AbandonPolicy policy, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double level = 0.95)
    {
        long shortCount;
        switch (shortAbandons)
        {
            case ShortAbandonTreatment.Counted:
                shortCount = 0;
                break;
            case ShortAbandonTreatment.Excluded or ShortAbandonTreatment.Met:
                shortCount = counts.ShortAbandons;
                if (shortCount > counts.AbandonedWithinThreshold)
                {
                    ThrowHelper.ThrowArgument(nameof(counts), $"{shortCount} short abandons exceed the {counts.AbandonedWithinThreshold} abandons within the threshold: "
                        + $"short abandons can be {(shortAbandons == ShortAbandonTreatment.Met ? "met" : "excluded")} only when the short-abandon threshold is at most the service-level threshold.");
                }
                break;
            default:
                throw new ArgumentException($"Unknown short-abandon treatment {shortAbandons}.", nameof(shortAbandons));
        }
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
        if (shortAbandons == ShortAbandonTreatment.Met)
        {
            numerator += shortCount;
            denominator += shortCount;
        }
        return ProportionResult.FromCounts(numerator, denominator, level);
    }

    /// <summary>The service level of per-contact waits (see <see cref="QueueTally"/> for the counting rules).</summary>
    /// <param name="waitSeconds">Queue wait per contact, in seconds.</param>
    /// <param name="answered">Whether each contact was answered (false: abandoned); same length.</param>
    /// <param name="thresholdSeconds">The service-level threshold T, e.g. 20.</param>
    /// <param name="policy">How abandons count.</param>
    /// <param name="shortAbandonSeconds">The short-abandon threshold, &gt;= 0 (at most T to exclude or meet them); 0 for none.</param>
    /// <param name="shortAbandons">How short abandons count.</param>
    /// <param name="level">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentException">The spans differ in length, an enum value is not defined, or short abandons are
    /// excluded or met with a short-abandon threshold above T.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index), a threshold is out of range,
    /// or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <remarks>Allocation-free.</remarks>
    public static ProportionResult Compute(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered, double thresholdSeconds, AbandonPolicy policy,
        double shortAbandonSeconds = 0, ShortAbandonTreatment shortAbandons = ShortAbandonTreatment.Counted, double level = 0.95) =>
        QueueTally.Of(waitSeconds, answered, thresholdSeconds, shortAbandonSeconds).ServiceLevel(policy, shortAbandons, level);

    /// <summary>
    /// The abandonment rate <c>Ab / (A + Ab)</c>, or with short abandons excluded
    /// <c>(Ab − Ab_short) / (A + Ab − Ab_short)</c> (Google CCAI, Genesys), with its Wilson interval.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static ProportionResult AbandonmentRate(in ServiceLevelCounts counts, bool excludeShortAbandons = false, double level = 0.95)
    {
        long abandoned = counts.Abandoned - (excludeShortAbandons ? counts.ShortAbandons : 0);
        return ProportionResult.FromCounts(abandoned, counts.Answered + abandoned, level);
    }

    /// <summary>
    /// The abandonment rate of per-contact waits: abandons over offered contacts, with short abandons (a wait at or
    /// below <paramref name="shortAbandonSeconds"/>) left out when <paramref name="excludeShortAbandons"/>. The
    /// service-level threshold plays no part, so any short-abandon threshold is allowed.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index), the threshold is out of range,
    /// or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <remarks>Allocation-free.</remarks>
    public static ProportionResult AbandonmentRate(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered, double shortAbandonSeconds = 0,
        bool excludeShortAbandons = false, double level = 0.95) =>
        QueueTally.Of(waitSeconds, answered, shortAbandonSeconds, shortAbandonSeconds).AbandonmentRate(excludeShortAbandons, level);
}
