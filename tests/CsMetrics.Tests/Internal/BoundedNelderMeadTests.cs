using CsMetrics.Internal;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Internal;

/// <summary>The box-bounded Nelder-Mead search against functions whose minima are known in closed form.</summary>
public class BoundedNelderMeadTests
{
    private static readonly double[] Unbounded2Lower = [double.NegativeInfinity, double.NegativeInfinity];
    private static readonly double[] Unbounded2Upper = [double.PositiveInfinity, double.PositiveInfinity];

    private static double Rosenbrock(ReadOnlySpan<double> x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);

    [Fact]
    public void Rosenbrock_reaches_one_one()
    {
        double[] point = [-1.2, 1.0];
        var result = BoundedNelderMead.Minimize(Rosenbrock, point, [0.5, 0.5], Unbounded2Lower, Unbounded2Upper, 10_000, 1e-12);
        Assert.True(result.Converged);
        Assert.Equal(1, point[0], 1e-4);
        Assert.Equal(1, point[1], 1e-4);
        Assert.True(result.Value < 1e-8, $"f = {result.Value}");
        Assert.Equal(Rosenbrock(point), result.Value); // the value belongs to the point written back
    }

    [Property(MaxTest = 40)]
    public void A_shifted_quadratic_bowl_finds_its_centre(int a, int b, int c)
    {
        double[] centre = [a % 50 / 7.0, b % 50 / 3.0, c % 50 / 11.0];
        double[] scales = [1, 4, 0.25];
        double Bowl(ReadOnlySpan<double> x)
        {
            double sum = 0;
            for (int i = 0; i < 3; i++) sum += scales[i] * (x[i] - centre[i]) * (x[i] - centre[i]);
            return sum;
        }
        double[] point = [0, 0, 0];
        double[] lower = [-100, -100, -100], upper = [100, 100, 100];
        var result = BoundedNelderMead.Minimize(Bowl, point, [1, 1, 1], lower, upper, 20_000, 1e-12);
        Assert.True(result.Converged);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(point[i] - centre[i]) < 1e-4, $"x[{i}] = {point[i]}, centre {centre[i]}");
        }
    }

    [Fact]
    public void An_optimum_outside_the_box_is_found_on_its_boundary()
    {
        // (x - 2)² + (y + 1)² on [0, 1]²: the nearest box point to (2, -1) is (1, 0), value 2.
        double[] point = [0.5, 0.5];
        var result = BoundedNelderMead.Minimize(x => Math.Pow(x[0] - 2, 2) + Math.Pow(x[1] + 1, 2), point, [0.2, 0.2], [0.0, 0.0], [1.0, 1.0], 5_000, 1e-12);
        Assert.Equal(1, point[0]);
        Assert.Equal(0, point[1]);
        Assert.Equal(2, result.Value, 1e-12);
    }

    [Fact]
    public void A_boundary_optimum_at_zero_is_reachable_and_a_start_outside_is_projected()
    {
        // A smoothing parameter whose best value is 0: f(x) = x + x² on [0, 1], started outside the box at 5.
        double[] point = [5];
        var result = BoundedNelderMead.Minimize(x => x[0] + x[0] * x[0], point, [0.1], [0.0], [1.0], 2_000, 1e-12);
        Assert.Equal(0, point[0]);
        Assert.Equal(0, result.Value);
    }

    [Fact]
    public void An_inadmissible_region_is_avoided()
    {
        // +infinity beyond x = 0.5 (an inadmissible parameter): the best admissible point is the edge, 0.5.
        double[] point = [0.0];
        var result = BoundedNelderMead.Minimize(x => x[0] > 0.5 ? double.PositiveInfinity : (x[0] - 1) * (x[0] - 1), point, [0.2],
            [double.NegativeInfinity], [double.PositiveInfinity], 5_000, 1e-12);
        Assert.True(double.IsFinite(result.Value));
        Assert.InRange(point[0], 0.5 - 1e-6, 0.5);
        Assert.Equal(0.25, result.Value, 1e-6);
    }

    [Fact]
    public void The_evaluation_cap_ends_the_search_not_converged()
    {
        double[] point = [-1.2, 1.0];
        var result = BoundedNelderMead.Minimize(Rosenbrock, point, [0.5, 0.5], Unbounded2Lower, Unbounded2Upper, 30, 1e-12);
        Assert.False(result.Converged);
        Assert.InRange(result.Evaluations, 30, 30 + 3); // a step in progress finishes (at most d + 1 more)
        Assert.True(result.Value <= Rosenbrock([-1.2, 1.0]));
    }

    [Fact]
    public void Zero_dimensions_evaluate_once()
    {
        var result = BoundedNelderMead.Minimize(_ => 42, [], [], [], [], 10);
        Assert.Equal(new BoundedMinimum(42, 1, true), result);
    }
}
