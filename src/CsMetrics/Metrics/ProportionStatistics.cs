using System.Globalization;
using CsMetrics.Internal;
using System.Text.Json.Serialization;

namespace CsMetrics.Metrics;

/// <summary>
/// Intervals and tests for proportions (CSAT top-box share, FCR, service level, QA pass rate).
/// Sources: Wilson (1927); Newcombe (1998), "Two-sided confidence intervals for the single proportion",
/// Statistics in Medicine 17, methods 3 and 4; the pooled two-proportion z-test (e.g. Agresti,
/// Categorical Data Analysis, 3rd ed., section 3.1).
/// </summary>
public static class ProportionStatistics
{
    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="count"/>, with or without
    /// Newcombe's continuity correction.
    /// </summary>
    /// <param name="successes">The number of successes, in [0, count].</param>
    /// <param name="count">The number of trials, &gt;= 0. Zero gives NaN bounds.</param>
    /// <param name="level">The coverage, a fraction in (0, 1), e.g. 0.95.</param>
    /// <param name="continuityCorrection">True for Newcombe's method 4 (wider, conservative); false for method 3
    /// (equal to R's <c>prop.test(correct = FALSE)</c>).</param>
    /// <returns>The interval, clamped to [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, or <paramref name="level"/> is not a fraction in (0, 1)
    /// (95 is rejected, not read as 95%).</exception>
    /// <remarks>
    /// With p = x/n and z the standard normal quantile at (1 + level)/2, the plain interval is
    /// <c>(p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)</c>. The corrected one is
    /// <c>L = (2np + z² − 1 − z√(z² − 2 − 1/n + 4p(n(1−p) + 1))) / (2(n + z²))</c>,
    /// <c>U = (2np + z² + 1 + z√(z² + 2 − 1/n + 4p(n(1−p) − 1))) / (2(n + z²))</c>, with L = 0 when x = 0 and U = 1 when x = n.
    /// </remarks>
    public static ConfidenceInterval WilsonInterval(long successes, long count, double level = 0.95, bool continuityCorrection = false)
    {
        CheckCounts(successes, count);
        double z = StandardNormal.TwoSidedCritical(level);
        var method = continuityCorrection ? IntervalMethod.WilsonContinuityCorrected : IntervalMethod.Wilson;
        if (count == 0)
        {
            return ConfidenceInterval.Empty(level, method);
        }
        double n = count;
        double p = successes / n;
        double z2 = z * z;
        double lower, upper;
        if (!continuityCorrection)
        {
            double centre = p + z2 / (2 * n);
            double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
            double scale = 1 + z2 / n;
            lower = (centre - half) / scale;
            upper = (centre + half) / scale;
        }
        else
        {
            double denominator = 2 * (n + z2);
            lower = successes == 0 ? 0
                : (2 * n * p + z2 - 1 - z * Math.Sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / denominator;
            upper = successes == count ? 1
                : (2 * n * p + z2 + 1 + z * Math.Sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / denominator;
        }
        // The plain bounds are exactly 0 and 1 at x = 0 and x = n; rounding can leave a few ulps outside.
        return new ConfidenceInterval(Math.Max(0, successes == 0 ? 0 : lower), Math.Min(1, successes == count ? 1 : upper), level, method);
    }

    /// <summary>
    /// Tests whether two proportions differ (e.g. FCR this month against last month): the two-sided
    /// pooled z-test, with an unpooled (Wald) interval for the difference <c>p2 − p1</c>.
    /// </summary>
    /// <param name="successes1">Successes in the first sample.</param>
    /// <param name="count1">Trials in the first sample, &gt; 0.</param>
    /// <param name="successes2">Successes in the second sample.</param>
    /// <param name="count2">Trials in the second sample, &gt; 0.</param>
    /// <param name="level">The coverage of the difference interval, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range (a sample is empty), or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <remarks>
    /// <c>p = (x1 + x2)/(n1 + n2)</c>, <c>z = (p2 − p1)/√(p(1−p)(1/n1 + 1/n2))</c> (positive when the second proportion is
    /// higher, like <see cref="TwoProportionTest.Difference"/>), two-sided p-value <c>2Φ(−|z|)</c>.
    /// When both samples are all successes or all failures the test is undefined: z = 0 and the p-value is 1.
    /// </remarks>
    public static TwoProportionTest TwoProportionZTest(long successes1, long count1, long successes2, long count2, double level = 0.95)
    {
        CheckCounts(successes1, count1);
        CheckCounts(successes2, count2);
        if (count1 == 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count1), count1, "must be > 0");
        }
        if (count2 == 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count2), count2, "must be > 0");
        }
        double zCritical = StandardNormal.TwoSidedCritical(level);
        double p1 = (double)successes1 / count1;
        double p2 = (double)successes2 / count2;
        double pooled = (double)(successes1 + successes2) / (count1 + count2);
        double pooledSe = Math.Sqrt(pooled * (1 - pooled) * (1.0 / count1 + 1.0 / count2));
        double z = pooledSe == 0 ? 0 : (p2 - p1) / pooledSe;
        double unpooledSe = Math.Sqrt(p1 * (1 - p1) / count1 + p2 * (1 - p2) / count2);
        double difference = p2 - p1;
        var (lower, upper) = StandardNormal.Interval(difference, unpooledSe, zCritical);
        return new TwoProportionTest
        {
            Proportion1 = p1, Proportion2 = p2, Difference = difference, Z = z, PValue = TwoSidedPValue(z),
            DifferenceInterval = new ConfidenceInterval(lower, upper, level, IntervalMethod.Wald),
        };
    }

    /// <summary>The two-sided p-value <c>2Φ(−|z|)</c> of a standard normal statistic (1 at z = 0).</summary>
    public static double TwoSidedPValue(double z) => StandardNormal.TwoSidedPValue(z);

    internal static void CheckCounts(long successes, long count)
    {
        TallyChecks.Count(count, nameof(count));
        TallyChecks.Part(successes, count, "the count", nameof(successes));
    }
}

/// <summary>
/// The result of <see cref="ProportionStatistics.TwoProportionZTest"/>. Immutable and thread-safe.
/// </summary>
public readonly record struct TwoProportionTest
{
    /// <summary>The first sample's proportion, a fraction in [0, 1].</summary>
    [JsonInclude]
    public double Proportion1 { get; internal init; }

    /// <summary>The second sample's proportion, a fraction in [0, 1].</summary>
    [JsonInclude]
    public double Proportion2 { get; internal init; }

    /// <summary>The signed change <c>Proportion2 − Proportion1</c>.</summary>
    [JsonInclude]
    public double Difference { get; internal init; }

    /// <summary>The pooled z statistic for <see cref="Difference"/> (positive when the second proportion is higher).</summary>
    [JsonInclude]
    public double Z { get; internal init; }

    /// <summary>The two-sided p-value.</summary>
    [JsonInclude]
    public double PValue { get; internal init; }

    /// <summary>The unpooled Wald interval for <see cref="Difference"/>.</summary>
    [JsonInclude]
    public ConfidenceInterval DifferenceInterval { get; internal init; }

    /// <summary>Prints the difference, its interval, z and p.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Proportion1:G4} -> {Proportion2:G4}: difference {Difference:G4} CI {DifferenceInterval}, z = {Z:G4}, p = {PValue:G4}");
}
