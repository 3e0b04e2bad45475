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
                double sum = g[i * p + k];
                for (int j = 0; j < k; j++)
                {
                    sum -= g[i * p + j] * g[k * p + j];
                }
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
            double sum = b[i];
            for (int j = 0; j < i; j++)
            {
                sum -= g[i * p + j] * b[j];
            }
            b[i] = sum / g[i * p + i];
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
}
