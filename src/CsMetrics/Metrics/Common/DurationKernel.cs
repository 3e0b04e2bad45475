using System.Numerics;
using System.Runtime.InteropServices;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The vectorised kernel behind AHT, ASA and the other duration means: the sum of non-negative finite
/// durations, with the range checked in the same pass (NaN, negative and infinite values throw).
/// </summary>
internal static class DurationKernel
{
    /// <summary>The sum of <paramref name="seconds"/>; throws naming the first element that is negative, NaN or infinite.</summary>
    public static double Sum(ReadOnlySpan<double> seconds, string paramName)
    {
        double sum = 0;
        int done = 0;
        if (Vector.IsHardwareAccelerated && seconds.Length >= 4 * Vector<double>.Count)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(seconds);
            var zero = Vector<double>.Zero;
            var infinity = new Vector<double>(double.PositiveInfinity);
            Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
            var valid = Vector<long>.AllBitsSet;
            int i = 0;
            // Four independent sums hide the latency of the floating-point adds.
            for (; i + 4 <= vectors.Length; i += 4)
            {
                var a = vectors[i];
                var b = vectors[i + 1];
                var c = vectors[i + 2];
                var d = vectors[i + 3];
                // NaN fails both comparisons, so one mask catches NaN, negatives and +infinity.
                valid &= Vector.GreaterThanOrEqual(a, zero) & Vector.LessThan(a, infinity)
                    & Vector.GreaterThanOrEqual(b, zero) & Vector.LessThan(b, infinity)
                    & Vector.GreaterThanOrEqual(c, zero) & Vector.LessThan(c, infinity)
                    & Vector.GreaterThanOrEqual(d, zero) & Vector.LessThan(d, infinity);
                s0 += a;
                s1 += b;
                s2 += c;
                s3 += d;
            }
            done = i * Vector<double>.Count;
            if (valid != Vector<long>.AllBitsSet)
            {
                CheckScalar(seconds[..done], paramName);
            }
            sum = Vector.Sum((s0 + s1) + (s2 + s3));
        }
        for (int i = done; i < seconds.Length; i++)
        {
            double value = seconds[i];
            if (!(value >= 0 && value < double.PositiveInfinity))
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, value, "must be a finite number of seconds >= 0");
            }
            sum += value;
        }
        return sum;
    }

    private static void CheckScalar(ReadOnlySpan<double> seconds, string paramName)
    {
        for (int i = 0; i < seconds.Length; i++)
        {
            double value = seconds[i];
            if (!(value >= 0 && value < double.PositiveInfinity))
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, value, "must be a finite number of seconds >= 0");
            }
        }
    }
}
