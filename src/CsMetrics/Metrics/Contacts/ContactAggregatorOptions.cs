using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// How a <see cref="ContactAggregator"/> groups contacts and defines its metrics. The metric definitions are
/// the Metrics module's: <see cref="ServiceLevel"/> (abandon policy, short abandons), ASA, AHT parts,
/// abandonment, <see cref="CustomerSatisfaction"/>, <see cref="NetPromoterScore"/> and first-contact resolution.
/// </summary>
/// <remarks>Immutable and thread-safe; use <c>with</c> to derive variants. Validated by the aggregator's constructor.</remarks>
public sealed record ContactAggregatorOptions
{
    /// <summary>The names of the group keys, in order (at most 3, e.g. <c>["queue", "agent"]</c>); empty for no keys.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The time bucket (default <see cref="TimeBucket.Interval"/>).</summary>
    public TimeBucket Bucket { get; init; } = TimeBucket.Interval;

    /// <summary>The interval length in minutes for <see cref="TimeBucket.Interval"/>: it must divide a day (default 30).</summary>
    public int IntervalMinutes { get; init; } = 30;

    /// <summary>The time zone whose wall clock defines the buckets (an IANA zone such as Europe/London; default UTC).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The service-level threshold T in seconds (default 20): a wait at or below T is within it.</summary>
    public double AnswerThresholdSeconds { get; init; } = 20;

    /// <summary>The short-abandon threshold in seconds, in [0, T] (default 0: only zero-second abandons are short).</summary>
    public double ShortAbandonSeconds { get; init; }

    /// <summary>How abandons count in the service level (default <see cref="AbandonPolicy.CountedAsMissed"/>).</summary>
    public AbandonPolicy AbandonPolicy { get; init; } = AbandonPolicy.CountedAsMissed;

    /// <summary>How short abandons count (default <see cref="ShortAbandonTreatment.Counted"/>); <c>Excluded</c> also removes them from the abandonment rate.</summary>
    public ShortAbandonTreatment ShortAbandons { get; init; } = ShortAbandonTreatment.Counted;

    /// <summary>The CSAT scale (default 1-5, satisfied 4-5); its maximum must be at most 10.</summary>
    public CsatScale CsatScale { get; init; } = CsatScale.FivePoint;

    /// <summary>The coverage of the intervals, a fraction in (0, 1) (default 0.95).</summary>
    public double Level { get; init; } = 0.95;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Keys, nameof(Keys));
        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        if (Keys.Count > ContactAggregator.MaxKeys)
        {
            ThrowHelper.ThrowArgument(nameof(Keys), $"at most {ContactAggregator.MaxKeys} keys; got {Keys.Count}");
        }
        for (int i = 0; i < Keys.Count; i++)
        {
            if (string.IsNullOrEmpty(Keys[i]))
            {
                ThrowHelper.ThrowArgument(nameof(Keys), $"Keys[{i}] is empty");
            }
        }
        if (!Enum.IsDefined(Bucket))
        {
            ThrowHelper.ThrowArgument(nameof(Bucket), $"{Bucket} is not a time bucket");
        }
        if (Bucket == TimeBucket.Interval && !(IntervalMinutes > 0 && 1440 % IntervalMinutes == 0))
        {
            ThrowHelper.ThrowOutOfRange(nameof(IntervalMinutes), IntervalMinutes, "must divide a day (1440 minutes): 5, 10, 15, 30, 60, ...");
        }
        Preconditions.CheckNonNegative(AnswerThresholdSeconds, nameof(AnswerThresholdSeconds));
        Preconditions.CheckNonNegative(ShortAbandonSeconds, nameof(ShortAbandonSeconds));
        if (ShortAbandonSeconds > AnswerThresholdSeconds)
        {
            ThrowHelper.ThrowOutOfRange(nameof(ShortAbandonSeconds), ShortAbandonSeconds, $"must not exceed AnswerThresholdSeconds ({AnswerThresholdSeconds})");
        }
        if (!Enum.IsDefined(AbandonPolicy))
        {
            ThrowHelper.ThrowArgument(nameof(AbandonPolicy), $"{AbandonPolicy} is not an abandon policy");
        }
        if (!Enum.IsDefined(ShortAbandons))
        {
            ThrowHelper.ThrowArgument(nameof(ShortAbandons), $"{ShortAbandons} is not a short-abandon treatment");
        }
        if (CsatScale.Max > 10 || CsatScale.Min >= CsatScale.Max)
        {
            ThrowHelper.ThrowArgument(nameof(CsatScale), $"{CsatScale} must be a scale within 0-10");
        }
        Preconditions.CheckLevel(Level, nameof(Level));
    }
}
