using System.Globalization;

namespace CsMetrics.Metrics;

/// <summary>
/// A proportion <see cref="Value"/> = <see cref="Successes"/> / <see cref="Count"/> with its Wilson
/// score interval: FCR, transfer rate, containment, service level, abandonment rate, top-box CSAT.
/// Carries the numerator and denominator so results can be pooled (never average percentages).
/// Immutable and thread-safe.
/// </summary>
/// <param name="Successes">The numerator (resolved, transferred, answered in time, ...).</param>
/// <param name="Count">The denominator; 0 for empty input.</param>
/// <param name="Value">The fraction in [0, 1]; NaN when <see cref="Count"/> is 0.</param>
/// <param name="Interval">The Wilson score interval (without continuity correction); NaN bounds when <see cref="Count"/> is 0.</param>
public readonly record struct ProportionResult(long Successes, long Count, double Value, ConfidenceInterval Interval)
{
    /// <summary>
    /// The proportion <paramref name="successes"/> / <paramref name="count"/> with its Wilson interval at
    /// <paramref name="confidence"/>. A zero <paramref name="count"/> gives NaN value and bounds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, <paramref name="successes"/> is
    /// outside [0, count], or <paramref name="confidence"/> is outside (0, 1).</exception>
    public static ProportionResult FromCounts(long successes, long count, double confidence = 0.95) =>
        new(successes, count, count == 0 ? double.NaN : (double)successes / count,
            ProportionStatistics.WilsonInterval(successes, count, confidence));

    /// <summary>Prints e.g. <c>0.85 (85 / 100), 95% CI [0.767, 0.907]</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value:G4} ({Successes} / {Count}), CI {Interval}");
}
