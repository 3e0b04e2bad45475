using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// How many surveys (or QA evaluations) to collect for a target margin of error.
/// Source: Cochran, Sampling Techniques, 3rd ed. (1977), equations 4.2 and 4.3 (finite-population correction).
/// </summary>
/// <remarks>
/// One formula serves every caller (these, and <c>QaAggregation.EvaluationsForMarginOfError</c>): <c>n₀ = z²·Var/e²</c>,
/// with a population N <c>n = n₀ / (1 + (n₀ − 1)/N)</c>, rounded up, at least 1 and never above N. A value within a
/// relative 1e-12 above an integer is that integer (the library's one tolerance rule).
/// </remarks>
public static class SurveySampleSize
{
    /// <summary>
    /// The sample size for estimating a proportion to ± <paramref name="marginOfError"/> at <paramref name="level"/>,
    /// rounded up.
    /// </summary>
    /// <param name="level">The coverage, a fraction in (0, 1), e.g. 0.95.</param>
    /// <param name="marginOfError">The half-width, a fraction in (0, 1), e.g. 0.05 for ±5 points.</param>
    /// <param name="proportion">The planning proportion in [0, 1]; 0.5 (the default) is the worst case.</param>
    /// <param name="population">The population size (e.g. calls per month), &gt;= 1; null for an unbounded population.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (a level of 95 is rejected, not read as 95%).</exception>
    /// <remarks>Var = p(1 − p). Examples: 95%, ±5%: 385; N = 1,000: 278; a planning proportion of 0 still needs 1.</remarks>
    public static long Cochran(double level, double marginOfError, double proportion = 0.5, long? population = null)
    {
        double z = StandardNormal.TwoSidedCritical(level);
        if (!(marginOfError > 0 && marginOfError < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(marginOfError), marginOfError, "must be a fraction in (0, 1)");
        }
        Preconditions.CheckFraction(proportion);
        if (population is < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(population), population, "must be >= 1 (null for an unbounded population)");
        }
        return SampleSize.Cochran(z, proportion * (1 - proportion), marginOfError, population);
    }

    /// <summary>
    /// The number of responses for an NPS margin of error of ± <paramref name="marginOfErrorPoints"/> (on the
    /// −100..100 scale) at <paramref name="level"/>: <c>n = z²·Var/e²</c> with the per-response variance
    /// <c>Var = (p + d) − (p − d)²</c>; the default Var = 1 is the worst case (half promoters, half detractors).
    /// </summary>
    /// <param name="level">The coverage, a fraction in (0, 1).</param>
    /// <param name="marginOfErrorPoints">The half-width in NPS points, in (0, 200).</param>
    /// <param name="variance">The planning variance of one response's +1/0/−1 score, in (0, 1].</param>
    /// <param name="population">The population size, &gt;= 1; null for an unbounded population.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static long ForNps(double level, double marginOfErrorPoints, double variance = 1.0, long? population = null)
    {
        double z = StandardNormal.TwoSidedCritical(level);
        if (!(marginOfErrorPoints > 0 && marginOfErrorPoints < 200))
        {
            ThrowHelper.ThrowOutOfRange(nameof(marginOfErrorPoints), marginOfErrorPoints, "must be in (0, 200) NPS points");
        }
        if (!(variance > 0 && variance <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(variance), variance, "must be in (0, 1]");
        }
        if (population is < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(population), population, "must be >= 1 (null for an unbounded population)");
        }
        return SampleSize.Cochran(z, variance, marginOfErrorPoints / 100, population);
    }
}
