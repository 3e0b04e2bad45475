using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The historical average per position of the cycle (e.g. per weekday and half-hour with a cycle of
/// 336): the workforce-management baseline that intraday models must beat.
/// </summary>
public static class HistoricalAverage
{
    /// <summary>
    /// Forecasts each step as the mean of the observed values at its cycle position over the last
    /// <paramref name="cycles"/> cycles, with normal intervals of variance <c>s^2 (1 + 1/k)</c>
    /// (s^2 the sample variance of those k values: the prediction variance of a new draw).
    /// </summary>
    /// <param name="history">The history, starting at cycle position 0; NaN = missing.</param>
    /// <param name="cycleLength">The cycle (e.g. 336 half-hours per week), at least 1.</param>
    /// <param name="horizon">Steps ahead, at least 1.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <param name="cycles">How many recent cycles to average (null = all).</param>
    /// <returns>The forecast; a position never observed has mean NaN, one observed once has variance NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> is shorter than one cycle.</exception>
    public static Forecast Forecast(ReadOnlySpan<double> history, int cycleLength, int horizon, IEnumerable<double>? levels = null, int? cycles = null)
    {
        Preconditions.CheckRange(cycleLength, 1, int.MaxValue);
        Forecasting.Forecast.CheckHorizon(horizon);
        if (cycles is { } c)
        {
            Preconditions.CheckRange(c, 1, int.MaxValue, nameof(cycles));
        }
        var levelList = IntervalLevels.Validate(levels);
        SeriesScale.Check(history, nameof(history));
        if (history.Length < cycleLength)
        {
            ThrowHelper.ThrowArgument(nameof(history), $"The history has {history.Length} values; the historical average needs at least one cycle ({cycleLength}).");
        }
        int start = cycles is { } k ? Math.Max(0, history.Length - k * cycleLength) : 0;
        var positionMean = new double[cycleLength];
        var positionVariance = new double[cycleLength];
        for (int position = 0; position < cycleLength; position++)
        {
            // Welford's running mean and variance over the values at this position.
            double mean = 0, m2 = 0;
            int count = 0;
            int first = start + ((position - start % cycleLength) % cycleLength + cycleLength) % cycleLength;
            for (int t = first; t < history.Length; t += cycleLength)
            {
                double y = history[t];
                if (double.IsNaN(y))
                {
                    continue;
                }
                count++;
                double delta = y - mean;
                mean += delta / count;
                m2 += delta * (y - mean);
            }
            positionMean[position] = count > 0 ? mean : double.NaN;
            positionVariance[position] = count > 1 ? m2 / (count - 1) * (1 + 1.0 / count) : double.NaN;
        }
        var forecastMean = new double[horizon];
        var forecastVariance = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            int position = (history.Length + h) % cycleLength;
            forecastMean[h] = positionMean[position];
            forecastVariance[h] = positionVariance[position];
        }
        return IntervalLevels.NormalForecast(forecastMean, forecastVariance, levelList, "normal, per-position sample variance");
    }
}
