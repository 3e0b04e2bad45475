using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Least-squares fitting of the double-seasonal model: the objective reuses one workspace, so each
/// evaluation allocates nothing.
/// </summary>
internal sealed class DoubleSeasonalFitter
{
    internal sealed record Result(DoubleSeasonalParameters Parameters, DoubleSeasonalStates States, double Sse, bool Converged, int Evaluations);

    private readonly double[] _values;
    private readonly bool _multiplicative;
    private readonly bool[] _open;
    private readonly bool _hasTrend;
    private readonly int _openPerCycle;
    private readonly double[] _first;
    private readonly double[] _second;
    private double[] _initialFirst = [];
    private double[] _initialSecond = [];

    public DoubleSeasonalFitter(double[] values, int period1, int period2, bool multiplicative, OpenHoursMask? openHours, bool hasTrend)
    {
        _values = values;
        _multiplicative = multiplicative;
        _open = openHours is null ? [] : openHours.Flags.ToArray();
        _openPerCycle = openHours?.OpenCount ?? period2;
        _hasTrend = hasTrend;
        _first = new double[period1];
        _second = new double[period2];
    }

    public Result Evaluate(DoubleSeasonalParameters parameters, DoubleSeasonalStates states)
    {
        SetInitialIndices(states);
        return new Result(parameters, states, Sse(parameters, states.Level, states.Trend), Converged: true, Evaluations: 1);
    }

    /// <summary>
    /// Minimises the SSE over (alpha, gamma, omega, phi[, beta][, level, trend]) from two starts
    /// (R dshw's start and a livelier one), then polishes the better result with a fresh simplex.
    /// </summary>
    public Result Optimize(DoubleSeasonalStates states, bool refineLevelAndTrend, int maxEvaluations)
    {
        SetInitialIndices(states);
        double scale = Scale(states.Level);
        var lower = new List<double> { 0, 0, 0, -0.99 };
        var upper = new List<double> { 1, 1, 1, 0.99 };
        var step = new List<double> { 0.1, 0.1, 0.1, 0.2 };
        if (_hasTrend)
        {
            lower.Add(0);
            upper.Add(1);
            step.Add(0.01);
        }
        int levelIndex = -1;
        if (refineLevelAndTrend)
        {
            levelIndex = lower.Count;
            double levelRange = _multiplicative ? 0.5 * states.Level : scale;
            lower.Add(states.Level - levelRange);
            upper.Add(states.Level + levelRange);
            step.Add(0.02 * scale);
            if (_hasTrend)
            {
                double trendRange = scale / _openPerCycle;
                lower.Add(states.Trend - trendRange);
                upper.Add(states.Trend + trendRange);
                step.Add(0.02 * scale / _openPerCycle);
            }
        }

        double Objective(ReadOnlySpan<double> x) => Sse(Unpack(x, states, levelIndex, out double level, out double trend), level, trend);

        double[][] starts =
        [
            Start(0.1, 0.001, 0.001, 0.0, 0.01, states, refineLevelAndTrend),
            Start(0.3, 0.2, 0.2, 0.5, 0.01, states, refineLevelAndTrend),
        ];
        BoundedMinimum best = default;
        int evaluations = 0;
        foreach (var start in starts)
        {
            var result = BoundedNelderMead.Minimize(Objective, start, lower.ToArray(), upper.ToArray(), step.ToArray(), maxEvaluations);
            evaluations += result.Evaluations;
            if (best.Minimum is null || result.Value < best.Value)
            {
                best = result;
            }
        }
        var polishSteps = step.Select(s => s * 0.25).ToArray();
        var polished = BoundedNelderMead.Minimize(Objective, best.Minimum!, lower.ToArray(), upper.ToArray(), polishSteps, maxEvaluations);
        evaluations += polished.Evaluations;
        if (polished.Value <= best.Value)
        {
            best = polished;
        }
        var parameters = Unpack(best.Minimum, states, levelIndex, out double bestLevel, out double bestTrend);
        var fittedStates = states with { Level = bestLevel, Trend = bestTrend };
        return new Result(parameters, fittedStates, best.Value, polished.Converged, evaluations);
    }

    private double[] Start(double alpha, double gamma, double omega, double phi, double beta, DoubleSeasonalStates states, bool withLevel)
    {
        var start = new List<double> { alpha, gamma, omega, phi };
        if (_hasTrend)
        {
            start.Add(beta);
        }
        if (withLevel)
        {
            start.Add(states.Level);
            if (_hasTrend)
            {
                start.Add(states.Trend);
            }
        }
        return start.ToArray();
    }

    private DoubleSeasonalParameters Unpack(ReadOnlySpan<double> x, DoubleSeasonalStates states, int levelIndex, out double level, out double trend)
    {
        double beta = _hasTrend ? x[4] : 0;
        level = levelIndex >= 0 ? x[levelIndex] : states.Level;
        trend = levelIndex >= 0 && _hasTrend ? x[levelIndex + 1] : states.Trend;
        return new DoubleSeasonalParameters(x[0], beta, x[1], x[2], x[3]);
    }

    private double Scale(double level)
    {
        double sum = 0;
        int count = 0;
        foreach (double y in _values)
        {
            if (!double.IsNaN(y))
            {
                sum += Math.Abs(y);
                count++;
            }
        }
        double scale = count > 0 ? sum / count : 0;
        return Math.Max(Math.Max(scale, Math.Abs(level)), 1e-12);
    }

    private void SetInitialIndices(DoubleSeasonalStates states)
    {
        _initialFirst = states.FirstSeasonIndices.ToArray();
        _initialSecond = states.SecondSeasonIndices.ToArray();
    }

    /// <summary>One objective evaluation: copies the initial indices into the workspace and runs the recursion.</summary>
    internal double Sse(DoubleSeasonalParameters parameters, double level, double trend)
    {
        _initialFirst.CopyTo(_first, 0);
        _initialSecond.CopyTo(_second, 0);
        return DoubleSeasonalHoltWinters.Recurse(_values, _multiplicative, _open, parameters, ref level, ref trend, _first, _second, default, out _, out _);
    }
}
