using System.Globalization;
using System.Text.Json.Serialization;

namespace CsMetrics.Metrics;

/// <summary>
/// A proportion <see cref="Value"/> = <see cref="Successes"/> / <see cref="Count"/> with its Wilson score
/// interval: FCR, transfer rate, containment, service level, abandonment rate, top-box CSAT. Carries the numerator
/// and denominator so results can be pooled (never average percentages). Immutable and thread-safe.
/// </summary>
public readonly record struct ProportionResult
{
    /// <summary>The numerator (resolved, transferred, answered in time, ...).</summary>
    [JsonInclude]
    public long Successes { get; internal init; }

    /// <summary>The denominator; 0 for empty input.</summary>
    [JsonInclude]
    public long Count { get; internal init; }

    /// <summary>The fraction in [0, 1]; NaN when <see cref="Count"/> is 0.</summary>
    public double Value => Count == 0 ? double.NaN : (double)Successes / Count;

    /// <summary>The Wilson score interval (without continuity correction); NaN bounds when <see cref="Count"/> is 0.</summary>
    [JsonInclude]
    public ConfidenceInterval Interval { get; internal init; }

    /// <summary>The counts behind the result, for pooling: <c>Tally.Combine(other.Tally)</c>.</summary>
    public ProportionTally Tally => new(Successes, Count);

    /// <summary>
    /// The proportion <paramref name="successes"/> / <paramref name="count"/> with its Wilson interval at
    /// <paramref name="level"/>. A zero <paramref name="count"/> gives NaN value and bounds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, <paramref name="successes"/> is
    /// outside [0, count], or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static ProportionResult FromCounts(long successes, long count, double level = 0.95) =>
        new() { Successes = successes, Count = count, Interval = ProportionStatistics.WilsonInterval(successes, count, level) };

    /// <summary>Prints e.g. <c>0.85 (85 / 100), CI [0.7672, 0.9069] (95%, Wilson)</c>, or <c>no data (0 / 0)</c>.</summary>
    public override string ToString() => Count == 0
        ? "no data (0 / 0)"
        : string.Create(CultureInfo.InvariantCulture, $"{Value:G4} ({Successes} / {Count}), CI {Interval}");
}
