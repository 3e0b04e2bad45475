using CsMetrics.Internal;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Internal;

/// <summary>
/// The in-place Cholesky solve against an independent one: Gaussian elimination with partial pivoting in 28-digit
/// decimal arithmetic on integer matrices (exact in both double and decimal), so the reference carries no rounding of
/// its own worth speaking of.
/// </summary>
public class CholeskyTests
{
    /// <summary>G = B Bᵀ + p·I with integer B in [-4, 4]: symmetric positive definite with a modest condition number.</summary>
    private static double[] SpdMatrix(int p, Random random)
    {
        var b = new int[p, p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++) b[i, j] = random.Next(-4, 5);
        }
        var g = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                int sum = i == j ? p : 0;
                for (int k = 0; k < p; k++) sum += b[i, k] * b[j, k];
                g[i * p + j] = sum;
            }
        }
        return g;
    }

    /// <summary>Solves G x = b in decimal arithmetic (Gaussian elimination, partial pivoting).</summary>
    private static decimal[] DecimalSolve(double[] g, double[] rhs, int p)
    {
        var a = new decimal[p, p + 1];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++) a[i, j] = (decimal)g[i * p + j];
            a[i, p] = (decimal)rhs[i];
        }
        for (int k = 0; k < p; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < p; i++) if (Math.Abs(a[i, k]) > Math.Abs(a[pivot, k])) pivot = i;
            for (int j = 0; j <= p; j++) (a[k, j], a[pivot, j]) = (a[pivot, j], a[k, j]);
            for (int i = k + 1; i < p; i++)
            {
                decimal factor = a[i, k] / a[k, k];
                for (int j = k; j <= p; j++) a[i, j] -= factor * a[k, j];
            }
        }
        var x = new decimal[p];
        for (int i = p - 1; i >= 0; i--)
        {
            decimal sum = a[i, p];
            for (int j = i + 1; j < p; j++) sum -= a[i, j] * x[j];
            x[i] = sum / a[i, i];
        }
        return x;
    }

    [Fact]
    public void Two_by_two_in_closed_form()
    {
        // [[4, 2], [2, 3]] x = [2, 1]: x = [0.5, 0] (det 8); b' G^-1 b = 2·0.5 + 1·0 = 1.
        double[] g = [4, 0, 2, 3]; // the lower triangle is what is read
        double[] b = [2, 1];
        Assert.True(Cholesky.SolveInPlace(g, b, 2, out double explained));
        Assert.Equal([0.5, 0], b);
        Assert.Equal(1, explained, 1e-15);
        Assert.Equal([2, 0, 1, Math.Sqrt(2)], g); // L = [[2, 0], [1, √2]]
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 3)]
    [InlineData(16, 4)]
    [InlineData(31, 5)]
    public void Matches_a_decimal_gaussian_elimination(int p, int seed)
    {
        var random = new Random(seed);
        var g = SpdMatrix(p, random);
        var rhs = Enumerable.Range(0, p).Select(_ => (double)random.Next(-20, 21)).ToArray();
        var expected = DecimalSolve(g, rhs, p);
        var b = rhs.ToArray();
        Assert.True(Cholesky.SolveInPlace(g.ToArray(), b, p, out double explained));
        decimal explainedReference = 0;
        for (int i = 0; i < p; i++)
        {
            Assert.True(Math.Abs((double)expected[i] - b[i]) <= 1e-12 * Math.Max(1, Math.Abs((double)expected[i])), $"x[{i}]: {b[i]:R} vs {expected[i]}");
            explainedReference += (decimal)rhs[i] * expected[i];
        }
        Relative.Equal((double)explainedReference, explained, 1e-12, "b' G^-1 b");
    }

    [Property(MaxTest = 100)]
    public void Random_systems_are_solved_to_a_small_residual(PositiveInt size, int seed)
    {
        int p = 1 + size.Get % 20;
        var random = new Random(seed);
        var g = SpdMatrix(p, random);
        var rhs = Enumerable.Range(0, p).Select(_ => random.NextDouble() * 10 - 5).ToArray();
        var x = rhs.ToArray();
        Assert.True(Cholesky.SolveInPlace(g.ToArray(), x, p));
        for (int i = 0; i < p; i++)
        {
            double residual = rhs[i];
            double scale = Math.Abs(rhs[i]);
            for (int j = 0; j < p; j++)
            {
                residual -= g[i * p + j] * x[j];
                scale += Math.Abs(g[i * p + j] * x[j]);
            }
            Assert.True(Math.Abs(residual) <= 1e-13 * scale + 1e-300, $"row {i}: residual {residual:R}");
        }
    }

    [Fact]
    public void Matrices_that_are_not_positive_definite_are_refused()
    {
        Assert.False(Cholesky.SolveInPlace([1, 0, 2, 1], [1.0, 1], 2));            // eigenvalues 3 and -1
        Assert.False(Cholesky.SolveInPlace([0.0], [1.0], 1));                     // singular
        Assert.False(Cholesky.SolveInPlace([1, 0, 1, 1], [1.0, 1], 2));            // semi-definite: a zero pivot
        Assert.False(Cholesky.SolveInPlace([double.NaN], [1.0], 1));
        Assert.Equal("g", Assert.Throws<ArgumentException>(() => Cholesky.SolveInPlace(new double[3], new double[2], 2)).ParamName);
    }

    [Fact]
    public void Solve_and_dot_allocate_nothing_and_dot_matches_a_plain_sum()
    {
        var random = new Random(8);
        var g = SpdMatrix(16, random);
        var work = new double[g.Length];
        var b = new double[16];
        Assert.Equal(0, Allocations.Measure(() =>
        {
            g.CopyTo(work, 0);
            b.AsSpan().Fill(1);
            Cholesky.SolveInPlace(work, b, 16);
        }));
        var u = Enumerable.Range(0, 37).Select(i => (double)(i % 7 - 3)).ToArray();
        var v = Enumerable.Range(0, 37).Select(i => (double)(i % 5)).ToArray();
        Assert.Equal(u.Zip(v, (a, c) => a * c).Sum(), Cholesky.Dot(u, v));
        Assert.Equal(0, Cholesky.Dot([], []));
    }
}
