using System.Globalization;

namespace CsMetrics.Metrics;

/// <summary>
/// A ratio of pooled times (occupancy, utilisation, shrinkage, adherence, conformance): the totals are kept
/// so that agents and intervals pool by adding, never by averaging their percentages. Immutable and thread-safe.
/// </summary>
/// <param name="Count">The number of elements pooled (agents, intervals); 0 for empty input.</param>
/// <param name="NumeratorSeconds">The pooled numerator time.</param>
/// <param name="DenominatorSeconds">The pooled denominator time.</param>
public readonly record struct TimeRatio(long Count, double NumeratorSeconds, double DenominatorSeconds)
{
    /// <summary>Numerator / denominator as a fraction (conformance may exceed 1); NaN when the denominator is 0.</summary>
    public double Value => DenominatorSeconds == 0 ? double.NaN : NumeratorSeconds / DenominatorSeconds;

    /// <summary>Prints e.g. <c>0.85 (306000 s / 360000 s over 10)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value:G4} ({NumeratorSeconds:G6} s / {DenominatorSeconds:G6} s over {Count})");
}
