using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A ratio of pooled times (occupancy, utilisation, shrinkage, adherence, conformance): the totals are kept so that
/// agents and intervals pool by adding (<see cref="Combine"/>), never by averaging their percentages. Holds no NaN (the
/// ratio is computed on demand) and round-trips through System.Text.Json. Immutable and thread-safe.
/// </summary>
public readonly record struct TimeRatio
{
    /// <summary>Creates a ratio from its totals.</summary>
    /// <param name="count">The number of elements pooled (agents, intervals), &gt;= 0.</param>
    /// <param name="numeratorSeconds">The pooled numerator time, finite and &gt;= 0.</param>
    /// <param name="denominatorSeconds">The pooled denominator time, finite and &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    [JsonConstructor]
    public TimeRatio(long count, double numeratorSeconds, double denominatorSeconds)
    {
        if (count < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count), count, "must be >= 0");
        }
        Preconditions.CheckNonNegative(numeratorSeconds);
        Preconditions.CheckNonNegative(denominatorSeconds);
        Count = count;
        NumeratorSeconds = numeratorSeconds;
        DenominatorSeconds = denominatorSeconds;
    }

    /// <summary>The number of elements pooled (agents, intervals); 0 for empty input.</summary>
    public long Count { get; }

    /// <summary>The pooled numerator time.</summary>
    public double NumeratorSeconds { get; }

    /// <summary>The pooled denominator time.</summary>
    public double DenominatorSeconds { get; }

    /// <summary>Numerator / denominator as a fraction (conformance may exceed 1); NaN when the denominator is 0.</summary>
    [JsonIgnore]
    public double Value => DenominatorSeconds == 0 ? double.NaN : NumeratorSeconds / DenominatorSeconds;

    /// <summary>Pools two ratios of the same kind: counts and times add.</summary>
    /// <exception cref="OverflowException">The count overflows.</exception>
    public TimeRatio Combine(in TimeRatio other) =>
        new(checked(Count + other.Count), NumeratorSeconds + other.NumeratorSeconds, DenominatorSeconds + other.DenominatorSeconds);

    /// <summary>Prints e.g. <c>0.85 (306000 s / 360000 s over 10)</c>, or <c>no time (0 s / 0 s over 0)</c>.</summary>
    public override string ToString() => DenominatorSeconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"no time ({NumeratorSeconds:G6} s / 0 s over {Count})")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:G4} ({NumeratorSeconds:G6} s / {DenominatorSeconds:G6} s over {Count})");
}
