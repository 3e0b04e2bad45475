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
    /// Minimises the SSE over (alpha, gamma, omega, phi[, beta][, level, trend]) with a bounded
    /// Nelder-Mead search: from R dshw's start (alpha 0.1, beta 0.01, gamma and omega 0.001, phi 0)
    /// with wide steps, or, given <paramref name="warmStart"/>, from that fit with narrow steps.
    /// </summary>
    public Result Optimize(DoubleSeasonalStates states, bool refineLevelAndTrend, int maxEvaluations, double tolerance, Result? warmStart = null)
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

        double[] start;
        double[] steps;
        if (warmStart is null)
        {
            start = Start(new DoubleSeasonalParameters(0.1, 0.01, 0.001, 0.001, 0.0), states, refineLevelAndTrend);
            steps = step.ToArray();
        }
        else
        {
            start = Start(warmStart.Parameters, warmStart.States, refineLevelAndTrend);
            steps = step.Select(s => s * 0.25).ToArray();
        }
        var result = BoundedNelderMead.Minimize(Objective, start, steps, lower.ToArray(), upper.ToArray(), maxEvaluations, tolerance);
        var parameters = Unpack(start, states, levelIndex, out double bestLevel, out double bestTrend);
        var fittedStates = states with { Level = bestLevel, Trend = bestTrend };
        return new Result(parameters, fittedStates, result.Value, result.Converged, result.Evaluations);
    }

    private double[] Start(DoubleSeasonalParameters parameters, DoubleSeasonalStates states, bool withLevel)
    {
        var start = new List<double> { parameters.Alpha, parameters.Gamma, parameters.Omega, parameters.Phi };
        if (_hasTrend)
        {
            start.Add(parameters.Beta);
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
        for (int t = 0; t < _values.Length; t++)
        {
            // Closed intervals are not part of the model: their values must not matter.
            if (!double.IsNaN(_values[t]) && (_open.Length == 0 || _open[t % _open.Length]))
            {
                sum += Math.Abs(_values[t]);
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
