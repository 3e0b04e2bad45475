using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Forecasting;

/// <summary>The fitting objective: the least-squares initial state (profiled likelihood) and allocation-free evaluation.</summary>
public class EtsObjectiveTests
{
    [Theory]
    [InlineData("AirPassengers", "AAA")]
    [InlineData("AirPassengers", "AAdA")]
    [InlineData("USAccDeaths", "ANA")]
    [InlineData("USAccDeaths", "AAN")]
    public void LeastSquaresState_MatchesAnIndependentRunAndNoNearbyStateIsBetter(string series, string model)
    {
        var values = EtsOracle.Series(series);
        var specification = EtsSpecification.Parse(model, 12);
        var objective = new EtsObjective(specification, values, EtsParameters.Free, Ets.HeuristicInitialState(values, specification))
        {
            Mode = StateMode.LeastSquares,
        };
        var point = new double[objective.SmoothingCount];
        objective.Unmap(new EtsParameters(0.3, 0.02, 0.2, 0.95), point);
        var parameters = objective.Map(point);

        double profiled = objective.Evaluate(point);
        var state = (double[])objective.State.Clone();
        double run = Ets.Filter(specification, parameters, state, values, default, default, new double[state.Length]).MinusTwoLogLikelihood;
        Assert.Equal(run, profiled, 1e-9 * Math.Abs(run));

        // First-order optimality, checked by the filter itself: moving the level, the trend, or one
        // seasonal index against the last (the indices keep summing to zero) only makes things worse.
        int seasonOffset = specification.HasTrend ? 2 : 1;
        for (int i = 0; i < specification.FreeInitialStateCount; i++)
        {
            foreach (double h in new[] { -0.5, 0.5 })
            {
                var moved = (double[])state.Clone();
                moved[i] += h;
                if (specification.HasSeason && i >= seasonOffset)
                {
                    moved[^1] -= h;
                }
                double value = Ets.Filter(specification, parameters, moved, values, default, default, new double[state.Length]).MinusTwoLogLikelihood;
                Assert.True(value > run, $"state {i} moved by {h}: {value:R} <= {run:R}");
            }
        }
    }

    [Theory]
    [InlineData("AAA", false)]
    [InlineData("MAA", false)]
    [InlineData("MAM", true)]
    public void Evaluate_AllocatesNothing(string model, bool statesOptimised)
    {
        var mode = statesOptimised ? StateMode.Optimised : StateMode.LeastSquares;
        var values = EtsOracle.Series("AirPassengers");
        var specification = EtsSpecification.Parse(model, 12);
        var start = Ets.HeuristicInitialState(values, specification);
        var objective = new EtsObjective(specification, values, EtsParameters.Free, start) { Mode = mode };
        var point = new double[objective.Dimension];
        objective.Unmap(new EtsParameters(0.3, 0.02, 0.2, double.NaN), point);
        if (statesOptimised)
        {
            objective.CompressStates(start, point.AsSpan(objective.SmoothingCount));
        }
        double value = 0;
        long bytes = Allocations.Measure(() => value += objective.Evaluate(point));
        Assert.Equal(0, bytes);
        Assert.True(double.IsFinite(value));
    }
}
