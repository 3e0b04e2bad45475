using System.Runtime.Intrinsics;

namespace CsMetrics.Internal;

/// <summary>Small dense symmetric positive definite solves, in place and allocation-free.</summary>
internal static class Cholesky
{
    /// <summary>
    /// Solves <c>G x = b</c> in place for symmetric positive definite G, given row-major <c>p x p</c>
    /// with its lower triangle filled (overwritten by the factor L, <c>G = L L'</c>); b becomes x.
    /// False when G is not positive definite.
    /// </summary>
    public static bool SolveInPlace(Span<double> g, Span<double> b, int p) => SolveInPlace(g, b, p, out _);

    /// <summary>As <see cref="SolveInPlace(Span{double}, Span{double}, int)"/>; <paramref name="explained"/> is <c>b' G^-1 b = |L^-1 b|^2</c>.</summary>
    public static bool SolveInPlace(Span<double> g, Span<double> b, int p, out double explained)
    {
        explained = 0;
        for (int i = 0; i < p; i++)
        {
            for (int k = 0; k <= i; k++)
            {
                double sum = g[i * p + k] - Dot(g.Slice(i * p, k), g.Slice(k * p, k));
                if (i == k)
                {
                    if (!(sum > 0))
                    {
                        return false;
                    }
                    g[i * p + i] = Math.Sqrt(sum);
                }
                else
                {
                    g[i * p + k] = sum / g[k * p + k];
                }
            }
        }
        for (int i = 0; i < p; i++)
        {
            b[i] = (b[i] - Dot(g.Slice(i * p, i), b[..i])) / g[i * p + i];
            explained += b[i] * b[i];
        }
        for (int i = p - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int j = i + 1; j < p; j++)
            {
                sum -= g[j * p + i] * b[j];
            }
            b[i] = sum / g[i * p + i];
        }
        return true;
    }

    /// <summary>The dot product of two equally long spans, four lanes at a time.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0;
        double total = 0;
        if (a.Length >= 8)
        {
            var sum = Vector256<double>.Zero;
            for (; i <= a.Length - 4; i += 4)
            {
                sum += Vector256.Create(a.Slice(i, 4)) * Vector256.Create(b.Slice(i, 4));
            }
            total = Vector256.Sum(sum);
        }
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }
}
