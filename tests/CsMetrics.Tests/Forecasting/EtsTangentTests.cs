using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Forecasting;

/// <summary>
/// The forward-mode derivatives behind Levenberg-Marquardt fitting, checked against central finite
/// differences of the residuals computed by the plain filter: <c>r_t = e_t G</c>, G the geometric
/// mean of the one-step forecasts for multiplicative errors (1 otherwise).
/// </summary>
public class EtsTangentTests
{
    public static TheoryData<string, bool> Models()
    {
        var data = new TheoryData<string, bool>();
        foreach (var model in new[] { "ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM" })
        {
            data.Add(model, false);
        }
        data.Add("MAM", true);
        data.Add("AAdA", true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void NormalEquations_MatchFiniteDifferencesOfTheResiduals(string model, bool withMissing)
    {
        var values = EtsOracle.Series("AirPassengers");
        if (withMissing)
        {
            values[17] = values[40] = values[41] = double.NaN;
        }
        var specification = EtsSpecification.Parse(model, 12);
        var start = Ets.HeuristicInitialState(values.Where(v => !double.IsNaN(v)).ToArray(), specification);
        var objective = new EtsObjective(specification, values, EtsParameters.Free, start) { Mode = StateMode.Optimised };
        int d = objective.Dimension;
        var point = new double[d];
        objective.Unmap(new EtsParameters(0.35, 0.05, 0.2, 0.9), point);
        objective.CompressStates(start, point.AsSpan(objective.SmoothingCount));
        // Off the heuristic a little, so that no derivative vanishes by symmetry.
        for (int i = objective.SmoothingCount; i < d; i++)
        {
            point[i] *= 1 + 0.01 * Math.Sin(i);
        }

        var normal = new double[d * d];
        var gradient = new double[d];
        double sumOfSquares = objective.Linearize(point, normal, gradient);

        var residuals = Residuals(objective, specification, values, point);
        Assert.Equal(residuals.Sum(r => r * r), sumOfSquares, 1e-10 * sumOfSquares);
        var jacobian = new double[d][];
        for (int i = 0; i < d; i++)
        {
            double h = 1e-6 * Math.Max(Math.Abs(point[i]), i < objective.SmoothingCount ? 0.1 : 1);
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            var up = Residuals(objective, specification, values, plus);
            var down = Residuals(objective, specification, values, minus);
            jacobian[i] = up.Zip(down, (u, w) => (u - w) / (2 * h)).ToArray();
        }
        for (int i = 0; i < d; i++)
        {
            double expectedGradient = jacobian[i].Zip(residuals, (j, r) => j * r).Sum();
            double gradientScale = Math.Sqrt(jacobian[i].Sum(j => j * j) * sumOfSquares);
            Assert.True(Math.Abs(gradient[i] - expectedGradient) <= 1e-5 * gradientScale,
                $"{model} gradient[{i}]: {gradient[i]:R} vs finite differences {expectedGradient:R}");
            for (int k = 0; k < d; k++)
            {
                double expected = jacobian[i].Zip(jacobian[k], (a, b) => a * b).Sum();
                double scale = Math.Sqrt(jacobian[i].Sum(j => j * j) * jacobian[k].Sum(j => j * j));
                Assert.True(Math.Abs(normal[i * d + k] - expected) <= 1e-5 * scale,
                    $"{model} J'J[{i},{k}]: {normal[i * d + k]:R} vs finite differences {expected:R}");
            }
        }
    }

    [Theory]
    [InlineData("MAM")]
    [InlineData("AAdA")]
    public void Linearize_AllocatesNothingOnceWarm(string model)
    {
        var values = EtsOracle.Series("AirPassengers");
        var specification = EtsSpecification.Parse(model, 12);
        var start = Ets.HeuristicInitialState(values, specification);
        var objective = new EtsObjective(specification, values, EtsParameters.Free, start) { Mode = StateMode.Optimised };
        var point = new double[objective.Dimension];
        objective.Unmap(new EtsParameters(0.3, 0.02, 0.2, 0.9), point);
        objective.CompressStates(start, point.AsSpan(objective.SmoothingCount));
        var normal = new double[point.Length * point.Length];
        var gradient = new double[point.Length];
        objective.Linearize(point, normal, gradient);
        double value = 0;
        long bytes = Allocations.Measure(() => value += objective.Linearize(point, normal, gradient));
        Assert.Equal(0, bytes);
        Assert.True(double.IsFinite(value));
    }

    /// <summary>The residuals r_t = e_t G of the observed values, by the plain filter.</summary>
    private static double[] Residuals(EtsObjective objective, EtsSpecification specification, double[] values, double[] point)
    {
        var parameters = objective.Map(point);
        var state = new double[specification.StateLength];
        objective.ExpandStates(point.AsSpan(objective.SmoothingCount), state);
        var fitted = new double[values.Length];
        var errors = new double[values.Length];
        Ets.Filter(specification, parameters, state, values, fitted, errors, new double[state.Length]);
        var observed = Enumerable.Range(0, values.Length).Where(t => !double.IsNaN(values[t])).ToArray();
        double scale = specification.Error == EtsError.Multiplicative
            ? Math.Exp(observed.Average(t => Math.Log(fitted[t])))
            : 1;
        return observed.Select(t => errors[t] * scale).ToArray();
    }
}
