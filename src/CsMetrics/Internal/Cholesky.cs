using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        if (g.Length < p * p || b.Length < p)
        {
            ThrowHelper.ThrowArgument(nameof(g), $"needs {p} x {p} values and {p} right-hand sides.");
        }
        // Right-looking (outer-product) order: after column k is scaled, every update of the trailing
        // triangle G[i, j] -= L[i, k] L[j, k] is independent, so the factorisation runs at the
        // multipliers' throughput rather than at the latency of a chain of dot products.
        ref double matrix = ref MemoryMarshal.GetReference(g);
        for (int k = 0; k < p; k++)
        {
            double pivot = Unsafe.Add(ref matrix, k * p + k);
            if (!(pivot > 0))
            {
                return false;
            }
            double root = Math.Sqrt(pivot), inverse = 1 / root;
            Unsafe.Add(ref matrix, k * p + k) = root;
            for (int i = k + 1; i < p; i++)
            {
                Unsafe.Add(ref matrix, i * p + k) *= inverse;
            }
            for (int i = k + 1; i < p; i++)
            {
                double factor = Unsafe.Add(ref matrix, i * p + k);
                ref double row = ref Unsafe.Add(ref matrix, i * p);
                for (int j = k + 1; j <= i; j++)
                {
                    Unsafe.Add(ref row, j) -= factor * Unsafe.Add(ref matrix, j * p + k);
                }
            }
        }
        ref double rhs = ref MemoryMarshal.GetReference(b);
        for (int i = 0; i < p; i++)
        {
            double value = (Unsafe.Add(ref rhs, i) - Dot(g.Slice(i * p, i), b[..i])) / Unsafe.Add(ref matrix, i * p + i);
            Unsafe.Add(ref rhs, i) = value;
            explained += value * value;
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

    /// <summary>The dot product of two equally long spans, vectorised.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int width = System.Numerics.Vector<double>.Count;
        var sum = System.Numerics.Vector<double>.Zero;
        int i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<double>(a[i..]) * new System.Numerics.Vector<double>(b[i..]);
        }
        double total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }
}
