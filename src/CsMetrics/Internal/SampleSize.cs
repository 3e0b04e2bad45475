namespace CsMetrics.Internal;

/// <summary>
/// Cochran's sample size, written once (Cochran, Sampling Techniques, 3rd ed., 1977, equations 4.2 and 4.3):
/// survey sizes for a proportion or an NPS (Metrics' <c>SurveySampleSize</c>) and QA evaluations for a mean score
/// (Quality's <c>QaAggregation.EvaluationsForMarginOfError</c>) are the same formula with a different variance.
/// </summary>
internal static class SampleSize
{
    /// <summary>
    /// The number of observations that estimates a mean with per-observation variance <paramref name="variance"/> to
    /// ± <paramref name="margin"/> at the two-sided critical value <paramref name="z"/>:
    /// <c>n₀ = z²·variance/margin²</c>, with a finite population N <c>n = n₀ / (1 + (n₀ − 1)/N)</c>, rounded up with
    /// <see cref="Tolerance.Ceiling"/> and at least 1. Arguments are trusted (z &gt; 0, variance &gt;= 0, margin &gt; 0,
    /// population null or &gt;= 1).
    /// </summary>
    /// <remarks>
    /// Edge cases, one rule for every caller: a zero variance (a planning proportion of 0 or 1) still needs one
    /// observation; the result never exceeds the population (n₀/(1 + (n₀ − 1)/N) ≤ N for N ≥ 1); a value that rounding
    /// leaves a few ulps above an integer is that integer (relative 1e-12); a result beyond <see cref="long.MaxValue"/>
    /// (a margin near 0) throws <see cref="OverflowException"/>.
    /// </remarks>
    public static long Cochran(double z, double variance, double margin, long? population)
    {
        double n0 = z * z * variance / (margin * margin);
        double n = population is long size ? n0 / (1 + (n0 - 1) / size) : n0;
        double rounded = Tolerance.Ceiling(n);
        if (!(rounded < long.MaxValue))
        {
            throw new OverflowException($"The sample size {n} exceeds {long.MaxValue}: the margin of error {margin} is too small.");
        }
        return Math.Max(1, (long)rounded);
    }
}
