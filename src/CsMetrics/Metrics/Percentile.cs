using System.Buffers;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>Which definition of the sample quantile to use (Hyndman &amp; Fan 1996 number the common ones 1–9).</summary>
public enum PercentileMethod
{
    /// <summary>
    /// Nearest rank (Hyndman–Fan type 1, the inverse of the empirical CDF): the value of rank <c>⌈q·n⌉</c> (1-based,
    /// at least 1). Always an observed value; common in SLA tools ("95% of tickets were answered within x").
    /// </summary>
    NearestRank,

    /// <summary>
    /// Linear interpolation (Hyndman–Fan type 7; R's and Excel's default, numpy's "linear"): with <c>h = (n − 1)q + 1</c>,
    /// <c>x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)</c>.
    /// </summary>
    Linear,
}

/// <summary>
/// Exact percentiles of response and resolution times (or any finite values). Levels are fractions in [0, 1]
/// (0.9 for p90). Source: Hyndman &amp; Fan (1996), "Sample quantiles in statistical packages", The American
/// Statistician 50(4). For unbounded streams use <see cref="QuantileSketch"/>.
/// </summary>
/// <remarks>
/// Empty input gives NaN. NaN or infinite values throw <see cref="ArgumentOutOfRangeException"/> naming the index; a level
/// outside [0, 1] throws too, and one that looks like a percent (90) says so. Nearest rank computes <c>⌈q·n⌉</c> in
/// decimal arithmetic on the level as written, so 0.3 × 10 is rank 3, not 4. The quantile definitions live in one
/// internal home shared with the forecasting models' simulated intervals.
/// </remarks>
public static class Percentile
{
    /// <summary>The percentile at <paramref name="level"/> of <paramref name="sortedValues"/>, which must be in ascending order.</summary>
    /// <param name="sortedValues">Finite values in ascending order.</param>
    /// <param name="level">The level as a fraction in [0, 1].</param>
    /// <param name="method">The quantile definition.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside [0, 1], or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="sortedValues"/> is not in ascending order (the message names the first index out of order),
    /// or <paramref name="method"/> is not a defined value.</exception>
    /// <remarks>O(n) for the order check; allocation-free.</remarks>
    public static double OfSorted(ReadOnlySpan<double> sortedValues, double level, PercentileMethod method = PercentileMethod.Linear)
    {
        Preconditions.CheckQuantileLevel(level);
        CheckMethod(method);
        CheckSorted(sortedValues, nameof(sortedValues));
        return Select(sortedValues, level, method);
    }

    /// <summary>Several percentiles of ascending <paramref name="sortedValues"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside [0, 1] (named by index), or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">The values are not ascending, or <paramref name="destination"/> is shorter than <paramref name="levels"/>.</exception>
    public static void OfSorted(ReadOnlySpan<double> sortedValues, ReadOnlySpan<double> levels, Span<double> destination, PercentileMethod method = PercentileMethod.Linear)
    {
        CheckLevels(levels, destination);
        CheckMethod(method);
        CheckSorted(sortedValues, nameof(sortedValues));
        for (int i = 0; i < levels.Length; i++)
        {
            destination[i] = Select(sortedValues, levels[i], method);
        }
    }

    /// <summary>The percentile at <paramref name="level"/> of unsorted <paramref name="values"/> (left unchanged).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside [0, 1], or a value is NaN or infinite (named by index).</exception>
    /// <remarks>Sorts a copy in a buffer rented from <see cref="ArrayPool{T}.Shared"/>: O(n log n), no allocation after warm-up.</remarks>
    public static double Compute(ReadOnlySpan<double> values, double level, PercentileMethod method = PercentileMethod.Linear)
    {
        Preconditions.CheckQuantileLevel(level);
        Span<double> result = [double.NaN];
        Compute(values, [level], result, method);
        return result[0];
    }

    /// <summary>Several percentiles of unsorted <paramref name="values"/> (left unchanged) into <paramref name="destination"/>, sorting once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside [0, 1], or a value is NaN or infinite (named by index).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="levels"/>.</exception>
    public static void Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> levels, Span<double> destination, PercentileMethod method = PercentileMethod.Linear)
    {
        CheckLevels(levels, destination);
        CheckMethod(method);
        CheckFinite(values, nameof(values));
        var buffer = ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var sorted = buffer.AsSpan(0, values.Length);
            values.CopyTo(sorted);
            sorted.Sort();
            for (int i = 0; i < levels.Length; i++)
            {
                destination[i] = Select(sorted, levels[i], method);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static double Select(ReadOnlySpan<double> sorted, double level, PercentileMethod method) =>
        method == PercentileMethod.NearestRank ? SampleQuantile.NearestRankOfSorted(sorted, level) : SampleQuantile.Type7OfSorted(sorted, level);

    private static void CheckMethod(PercentileMethod method)
    {
        if (method is not (PercentileMethod.NearestRank or PercentileMethod.Linear))
        {
            ThrowHelper.ThrowArgument(nameof(method), $"Unknown percentile method {method}.");
        }
    }

    private static void CheckLevels(ReadOnlySpan<double> levels, Span<double> destination)
    {
        if (destination.Length < levels.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), levels.Length, destination.Length);
        }
        for (int i = 0; i < levels.Length; i++)
        {
            if (!(levels[i] >= 0 && levels[i] <= 1))
            {
                Preconditions.ThrowQuantileLevel(nameof(levels), levels[i], i);
            }
        }
    }

    private static void CheckFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, values[i], "must be a finite number");
            }
        }
    }

    private static void CheckSorted(ReadOnlySpan<double> values, string paramName)
    {
        CheckFinite(values, paramName);
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                ThrowHelper.ThrowArgument(paramName, $"{paramName} must be in ascending order; {paramName}[{i}] = {values[i]} is below {paramName}[{i - 1}] = {values[i - 1]}.");
            }
        }
    }
}
