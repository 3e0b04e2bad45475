using MathNet.Numerics.Distributions;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The seasonal naive forecast: each step repeats the value one season earlier (Hyndman and
/// Athanasopoulos, "Forecasting: principles and practice", 3rd ed., section 5.2 and 5.5). On
/// intraday call data it is hard to beat, so every model should be reported against it.
/// </summary>
public static class SeasonalNaive
{
    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps: <c>yhat_(n+h) = y_(n+h-m(k+1))</c>, k = floor((h-1)/m),
    /// with normal prediction intervals of variance <c>sigma^2 (k + 1)</c>, sigma^2 the mean squared
    /// seasonal difference of the history.
    /// </summary>
    /// <param name="history">The history; NaN = missing (the latest observed value at that position is used instead).</param>
    /// <param name="seasonLength">m, at least 1 (1 = the naive forecast).</param>
    /// <param name="horizon">Steps ahead, at least 1.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <returns>The forecast; a position never observed gives NaN, and with fewer than two seasons the variance is NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="history"/> is shorter than one season.</exception>
    public static Forecast Forecast(ReadOnlySpan<double> history, int seasonLength, int horizon, IEnumerable<double>? levels = null)
    {
        Preconditions.CheckRange(seasonLength, 1, int.MaxValue);
        Forecasting.Forecast.CheckHorizon(horizon);
        var levelList = IntervalLevels.Validate(levels);
        SeriesScale.Check(history, nameof(history));
        if (history.Length < seasonLength)
        {
            ThrowHelper.ThrowArgument(nameof(history), $"The history has {history.Length} values; the seasonal naive forecast needs at least one season ({seasonLength}).");
        }
        var last = new double[seasonLength];
        for (int i = 0; i < seasonLength; i++)
        {
            // The latest observed value at cycle position (n + i) mod m.
            last[i] = double.NaN;
            for (int t = history.Length - seasonLength + i; t >= 0; t -= seasonLength)
            {
                if (!double.IsNaN(history[t]))
                {
                    last[i] = history[t];
                    break;
                }
            }
        }
        double sigma2 = MeanSquaredSeasonalDifference(history, seasonLength);
        var mean = new double[horizon];
        var variance = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            mean[h] = last[h % seasonLength];
            variance[h] = sigma2 * (h / seasonLength + 1);
        }
        return IntervalLevels.NormalForecast(mean, variance, levelList, "normal, seasonal naive residual variance");
    }

    private static double MeanSquaredSeasonalDifference(ReadOnlySpan<double> history, int seasonLength)
    {
        double sum = 0;
        int count = 0;
        for (int t = seasonLength; t < history.Length; t++)
        {
            double difference = history[t] - history[t - seasonLength];
            if (!double.IsNaN(difference))
            {
                sum += difference * difference;
                count++;
            }
        }
        return count > 0 ? sum / count : double.NaN;
    }
}

/// <summary>Normal prediction intervals, written once for every forecaster with a forecast variance.</summary>
internal static class IntervalLevels
{
    /// <summary>Levels for the baselines: fractions in (0, 1), default 0.8 and 0.95 (see <see cref="Forecast.ValidateLevels"/>).</summary>
    public static double[] Validate(IEnumerable<double>? levels) => Forecast.ValidateLevels(levels);

    /// <summary>A forecast with intervals <c>mean -/+ z sqrt(variance)</c>, z the standard normal (1 + level)/2 quantile.</summary>
    public static Forecast NormalForecast(double[] mean, double[] variance, double[] levels, string method)
    {
        var intervals = levels.Select(level =>
        {
            double z = Normal.InvCDF(0, 1, 0.5 + level / 2);
            var lower = new double[mean.Length];
            var upper = new double[mean.Length];
            for (int h = 0; h < mean.Length; h++)
            {
                double half = z * Math.Sqrt(variance[h]);
                lower[h] = mean[h] - half;
                upper[h] = mean[h] + half;
            }
            return PredictionInterval.Own(level, lower, upper);
        }).ToArray();
        return new Forecast(mean, variance, intervals, method);
    }
}
