using CsMetrics.Internal;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Internal;

/// <summary>
/// The box-bounded Levenberg-Marquardt search against known minima: Rosenbrock's function inside and
/// on the edge of a box, and random linear least-squares problems in a box solved exactly by
/// enumerating every active set.
/// </summary>
public class BoundedLevenbergMarquardtTests
{
    [Fact]
    public void Rosenbrock_ReachesTheMinimumAtOneOne()
    {
        var point = new[] { -1.2, 1.0 };
        var result = BoundedLevenbergMarquardt.Minimize(new Rosenbrock(), point,
            [double.NegativeInfinity, double.NegativeInfinity], [double.PositiveInfinity, double.PositiveInfinity], 200, 1e-14);
        Assert.True(result.Converged);
        Assert.Equal(1, point[0], 1e-5);
        Assert.Equal(1, point[1], 1e-5);
        Assert.True(result.Value < 1e-10, $"S = {result.Value}");
    }

    [Fact]
    public void Rosenbrock_WithTheMinimumCutOff_StopsOnTheBound()
    {
        // With x1 <= 0.5 the best point is x1 = 0.5, x2 = x1^2 = 0.25, where S = (1 - 0.5)^2 = 0.25.
        var point = new[] { -1.2, 1.0 };
        var result = BoundedLevenbergMarquardt.Minimize(new Rosenbrock(), point,
            [double.NegativeInfinity, double.NegativeInfinity], [0.5, double.PositiveInfinity], 200, 1e-14);
        Assert.True(result.Converged);
        Assert.Equal(0.5, point[0]);
        Assert.Equal(0.25, point[1], 1e-6);
        Assert.Equal(0.25, result.Value, 1e-9);
    }

    [Fact]
    public void IterationCap_EndsTheSearchNotConverged()
    {
        var point = new[] { -1.2, 1.0 };
        var result = BoundedLevenbergMarquardt.Minimize(new Rosenbrock(), point,
            [double.NegativeInfinity, double.NegativeInfinity], [double.PositiveInfinity, double.PositiveInfinity], 3, 1e-14);
        Assert.False(result.Converged);
        Assert.Equal(3, result.Evaluations);
    }

    [Fact]
    public void InfiniteRegion_IsBackedAwayFrom()
    {
        // Rosenbrock with S = +infinity for x1 > 0.8: the search must settle at the edge of the finite region, never return infinity.
        var point = new[] { -1.2, 1.0 };
        var result = BoundedLevenbergMarquardt.Minimize(new Rosenbrock(finiteBelow: 0.8), point,
            [double.NegativeInfinity, double.NegativeInfinity], [double.PositiveInfinity, double.PositiveInfinity], 500, 1e-14);
        Assert.True(double.IsFinite(result.Value));
        Assert.True(point[0] <= 0.8);
        Assert.True(result.Value < new Rosenbrock().Value(0.0, 0.0), $"S = {result.Value} at ({point[0]}, {point[1]})");
    }

    [Property(MaxTest = 60)]
    public bool BoxConstrainedLinearLeastSquares_MatchesTheBestActiveSet(int seed)
    {
        var random = new Random(seed);
        const int rows = 7, d = 3;
        var a = new double[rows, d];
        var b = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            b[i] = 4 * random.NextDouble() - 2;
            for (int j = 0; j < d; j++)
            {
                a[i, j] = 2 * random.NextDouble() - 1;
            }
        }
        var lower = Enumerable.Range(0, d).Select(_ => -random.NextDouble()).ToArray();
        var upper = Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray();
        var problem = new LinearProblem(a, b);

        var point = new double[d];
        var result = BoundedLevenbergMarquardt.Minimize(problem, point, lower, upper, 200, 1e-15);
        double exact = BestOverActiveSets(problem, lower, upper);
        return result.Converged && result.Value <= exact + 1e-9 * (1 + exact) && result.Value >= exact - 1e-9 * (1 + exact);
    }

    /// <summary>The exact box-constrained minimum: each coordinate at its lower bound, upper bound or free (3^d patterns), the free ones by least squares, infeasible patterns skipped.</summary>
    private static double BestOverActiveSets(LinearProblem problem, double[] lower, double[] upper)
    {
        int d = lower.Length;
        double best = double.PositiveInfinity;
        int patterns = (int)Math.Pow(3, d);
        for (int pattern = 0; pattern < patterns; pattern++)
        {
            var x = new double[d];
            var free = new List<int>();
            for (int j = 0, code = pattern; j < d; j++, code /= 3)
            {
                switch (code % 3)
                {
                    case 0: x[j] = lower[j]; break;
                    case 1: x[j] = upper[j]; break;
                    default: free.Add(j); break;
                }
            }
            if (free.Count > 0)
            {
                // Normal equations of the free coordinates with the others held, by Gaussian elimination.
                int f = free.Count;
                var m = new double[f, f + 1];
                for (int i = 0; i < problem.B.Length; i++)
                {
                    double residual = -problem.B[i];
                    for (int j = 0; j < d; j++)
                    {
                        if (!free.Contains(j)) residual += problem.A[i, j] * x[j];
                    }
                    for (int p = 0; p < f; p++)
                    {
                        for (int q = 0; q < f; q++) m[p, q] += problem.A[i, free[p]] * problem.A[i, free[q]];
                        m[p, f] -= problem.A[i, free[p]] * residual;
                    }
                }
                for (int p = 0; p < f; p++)
                {
                    for (int r = p + 1; r < f; r++)
                    {
                        double factor = m[r, p] / m[p, p];
                        for (int q = p; q <= f; q++) m[r, q] -= factor * m[p, q];
                    }
                }
                for (int p = f - 1; p >= 0; p--)
                {
                    double sum = m[p, f];
                    for (int q = p + 1; q < f; q++) sum -= m[p, q] * x[free[q]];
                    x[free[p]] = sum / m[p, p];
                }
                if (free.Any(j => x[j] < lower[j] || x[j] > upper[j]))
                {
                    continue;
                }
            }
            best = Math.Min(best, problem.Value(x));
        }
        return best;
    }

    /// <summary>Rosenbrock's function as least squares: r = (10 (x2 - x1^2), 1 - x1); optionally infinite for x1 above a limit.</summary>
    private sealed class Rosenbrock(double finiteBelow = double.PositiveInfinity) : ILeastSquaresObjective
    {
        public double Value(double x1, double x2) => 100 * (x2 - x1 * x1) * (x2 - x1 * x1) + (1 - x1) * (1 - x1);

        public double Linearize(ReadOnlySpan<double> point, Span<double> normal, Span<double> gradient)
        {
            double x1 = point[0], x2 = point[1];
            if (x1 > finiteBelow)
            {
                return double.PositiveInfinity;
            }
            double r1 = 10 * (x2 - x1 * x1), r2 = 1 - x1;
            double j11 = -20 * x1, j12 = 10, j21 = -1, j22 = 0;
            normal[0] = j11 * j11 + j21 * j21;
            normal[1] = normal[2] = j11 * j12 + j21 * j22;
            normal[3] = j12 * j12 + j22 * j22;
            gradient[0] = j11 * r1 + j21 * r2;
            gradient[1] = j12 * r1 + j22 * r2;
            return r1 * r1 + r2 * r2;
        }
    }

    /// <summary>S(x) = |A x - b|^2.</summary>
    private sealed class LinearProblem(double[,] a, double[] b) : ILeastSquaresObjective
    {
        public double[,] A => a;
        public double[] B => b;

        public double Value(ReadOnlySpan<double> x)
        {
            double sum = 0;
            for (int i = 0; i < b.Length; i++)
            {
                double r = -b[i];
                for (int j = 0; j < x.Length; j++) r += a[i, j] * x[j];
                sum += r * r;
            }
            return sum;
        }

        public double Linearize(ReadOnlySpan<double> point, Span<double> normal, Span<double> gradient)
        {
            int d = point.Length;
            normal.Clear();
            gradient.Clear();
            for (int i = 0; i < b.Length; i++)
            {
                double r = -b[i];
                for (int j = 0; j < d; j++) r += a[i, j] * point[j];
                for (int j = 0; j < d; j++)
                {
                    gradient[j] += a[i, j] * r;
                    for (int k = 0; k < d; k++) normal[j * d + k] += a[i, j] * a[i, k];
                }
            }
            return Value(point);
        }
    }
}
