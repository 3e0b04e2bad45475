using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The one magnitude rule for series given to a forecaster: the largest |value| is 0 (an all-zero
/// series) or within [<see cref="Smallest"/>, <see cref="Largest"/>]. Outside it the squared errors
/// that every fit and interval is built on underflow to 0 or overflow to infinity, and the searches
/// lose their way (a series near 1e-200 used to hang the ETS fit); the caller is asked to rescale.
/// </summary>
internal static class SeriesScale
{
    /// <summary>The smallest accepted largest magnitude, 1e-100.</summary>
    public const double Smallest = 1e-100;

    /// <summary>The largest accepted magnitude, 1e100.</summary>
    public const double Largest = 1e100;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the largest value's index when the series is out of scale. NaN and infinities are skipped (each forecaster rules on them).</summary>
    public static void Check(ReadOnlySpan<double> values, string paramName = "values")
    {
        double largest = 0;
        int at = -1;
        for (int t = 0; t < values.Length; t++)
        {
            double magnitude = Math.Abs(values[t]);
            if (magnitude > largest && double.IsFinite(magnitude))
            {
                largest = magnitude;
                at = t;
            }
        }
        if (at >= 0 && (largest < Smallest || largest > Largest))
        {
            ThrowHelper.ThrowElementOutOfRange(paramName, at, values[at],
                "is the series' largest magnitude, which must be 0 or in [1e-100, 1e100] so that squared errors neither underflow nor overflow: rescale the series (e.g. multiply by a power of 10) and scale the forecast back");
        }
    }
}
