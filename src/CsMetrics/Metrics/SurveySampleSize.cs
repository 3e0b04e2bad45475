using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// How many surveys (or QA evaluations) to collect for a target margin of error.
/// Source: Cochran, Sampling Techniques, 3rd ed. (1977), equations 4.2 and 4.3 (finite-population correction).
/// </summary>
public static class SurveySampleSize
{
    /// <summary>
    /// The sample size for estimating a proportion to ± <paramref name="marginOfError"/> at <paramref name="confidence"/>,
    /// rounded up.
    /// </summary>
    /// <param name="confidence">The coverage, a fraction in (0, 1), e.g. 0.95.</param>
    /// <param name="marginOfError">The half-width, a fraction in (0, 1), e.g. 0.05 for ±5 points.</param>
    /// <param name="proportion">The planning proportion in [0, 1]; 0.5 (the default) is the worst case.</param>
    /// <param name="population">The population size (e.g. calls per month), &gt;= 1; null for an unbounded population.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <remarks>
    /// <c>n0 = z²p(1−p)/e²</c>; with a population N, <c>n = n0 / (1 + (n0 − 1)/N)</c>; the result is <c>⌈n⌉</c>
    /// (values within 1e-9 of an integer are not rounded up past it). Examples: 95%, ±5%: 385; N = 1,000: 278.
    /// </remarks>
    public static long Cochran(double confidence, double marginOfError, double proportion = 0.5, long? population = null)
    {
        double z = ProportionStatistics.ZForConfidence(confidence);
        if (!(marginOfError > 0 && marginOfError < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(marginOfError), marginOfError, "must be in (0, 1)");
        }
        Preconditions.CheckFraction(proportion);
        if (population is < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(population), population, "must be >= 1");
        }
        double n0 = z * z * proportion * (1 - proportion) / (marginOfError * marginOfError);
        double n = population is long size ? n0 / (1 + (n0 - 1) / size) : n0;
        return Math.Max(1, CeilingTolerant(n));
    }

    /// <summary>
    /// The number of responses for an NPS margin of error of ± <paramref name="marginOfErrorPoints"/> (on the
    /// −100..100 scale) at <paramref name="confidence"/>: <c>n = z²·Var/e²</c> with the per-response variance
    /// <c>Var = (p + d) − (p − d)²</c>; the default Var = 1 is the worst case (half promoters, half detractors).
    /// </summary>
    /// <param name="confidence">The coverage, a fraction in (0, 1).</param>
    /// <param name="marginOfErrorPoints">The half-width in NPS points, in (0, 200).</param>
    /// <param name="variance">The planning variance of one response's +1/0/−1 score, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static long ForNps(double confidence, double marginOfErrorPoints, double variance = 1.0)
    {
        double z = ProportionStatistics.ZForConfidence(confidence);
        if (!(marginOfErrorPoints > 0 && marginOfErrorPoints < 200))
        {
            ThrowHelper.ThrowOutOfRange(nameof(marginOfErrorPoints), marginOfErrorPoints, "must be in (0, 200)");
        }
        if (!(variance > 0 && variance <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(variance), variance, "must be in (0, 1]");
        }
        double e = marginOfErrorPoints / 100;
        return Math.Max(1, CeilingTolerant(z * z * variance / (e * e)));
    }

    /// <summary>⌈x⌉, except that x within 1e-9 (relative) above an integer gives that integer (70 / 0.7 is 100, not 101).</summary>
    internal static long CeilingTolerant(double x) => (long)Math.Ceiling(x - 1e-9 * Math.Max(1, Math.Abs(x)));
}
