using System.Runtime.CompilerServices;
using MathNet.Numerics.Distributions;

namespace CsMetrics.Internal;

/// <summary>
/// The standard normal distribution as every module uses it: the two-sided critical value of a level, the
/// two-sided p-value of a statistic, and normal-approximation intervals <c>estimate ± z·SE</c>. The one
/// home of these formulas: Metrics (Wilson, Wald, adjusted Wald, sample sizes), Quality (kappa, QA sample
/// sizes) and Forecasting (prediction intervals <c>mean ± z·√variance</c>) call it rather than MathNet directly.
/// </summary>
/// <remarks>
/// Levels follow the library's convention (<see cref="Preconditions.CheckLevel"/>): fractions in (0, 1), so
/// 0.95 gives z = 1.959963984540054 and 95 is rejected, never read as 95%. The quantile is MathNet's
/// <c>Normal.InvCDF</c> (through the inverse complementary error function), checked against 40-digit values in
/// the tests.
/// </remarks>
internal static class StandardNormal
{
    /// <summary>Φ⁻¹(p), the standard normal quantile; −∞ at 0, +∞ at 1, NaN outside [0, 1].</summary>
    public static double Quantile(double probability) => Normal.InvCDF(0, 1, probability);

    /// <summary>Φ(x), the standard normal distribution function.</summary>
    public static double Cdf(double x) => Normal.CDF(0, 1, x);

    /// <summary>
    /// The two-sided critical value z with <c>P(|Z| ≤ z) = level</c>, i.e. <c>Φ⁻¹((1 + level)/2)</c>: 1.2816 at 0.8,
    /// 1.96 at 0.95, 2.5758 at 0.99.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1) (the message names the convention).</exception>
    public static double TwoSidedCritical(double level, [CallerArgumentExpression(nameof(level))] string paramName = "")
    {
        Preconditions.CheckLevel(level, paramName);
        // From the upper tail: 1 - level is exact for level >= 0.5, where 0.5 + level/2 would round away the digits
        // of a small tail (at 0.999999 that costs 1e-10 of the tail and 5e-12 of z).
        return -Normal.InvCDF(0, 1, (1 - level) / 2);
    }

    /// <summary>The two-sided p-value <c>2Φ(−|z|)</c> of a standard normal statistic (1 at z = 0; NaN for NaN).</summary>
    public static double TwoSidedPValue(double z) => 2 * Normal.CDF(0, 1, -Math.Abs(z));

    /// <summary>The normal-approximation interval <c>estimate ± z·standardError</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Lower, double Upper) Interval(double estimate, double standardError, double z)
    {
        double half = z * standardError;
        return (estimate - half, estimate + half);
    }

    /// <summary>
    /// Normal prediction bounds for a path of forecasts: <c>lower[h] = mean[h] − z·√variance[h]</c> and
    /// <c>upper[h] = mean[h] + z·√variance[h]</c>. Allocation-free; for the forecasting models' intervals.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Bounds(ReadOnlySpan<double> mean, ReadOnlySpan<double> variance, double z, Span<double> lower, Span<double> upper)
    {
        if (variance.Length != mean.Length)
        {
            ThrowHelper.ThrowArgument(nameof(variance), $"variance has length {variance.Length}; mean has {mean.Length}.");
        }
        if (lower.Length < mean.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(lower), mean.Length, lower.Length);
        }
        if (upper.Length < mean.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(upper), mean.Length, upper.Length);
        }
        for (int h = 0; h < mean.Length; h++)
        {
            double half = z * Math.Sqrt(variance[h]);
            lower[h] = mean[h] - half;
            upper[h] = mean[h] + half;
        }
    }
}
