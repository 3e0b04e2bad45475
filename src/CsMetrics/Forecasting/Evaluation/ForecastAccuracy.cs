using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Point-forecast accuracy measures (Hyndman and Koehler 2006, "Another look at measures of forecast
/// accuracy", IJF 22): MAE, RMSE, MAPE, sMAPE and MASE. Span-based, allocation-free.
/// </summary>
/// <remarks>
/// NaN handling, the same in every measure: a pair where the actual or the forecast is NaN is skipped.
/// MAPE also skips pairs whose actual is 0 (closed intervals; the percentage is undefined there);
/// sMAPE skips pairs where both are 0 (a perfect forecast of nothing). When no pair remains the
/// measure is NaN. Percentages are in percent (R <c>forecast::accuracy</c>'s scale).
/// </remarks>
public static class ForecastAccuracy
{
    /// <summary>Mean absolute error: <c>mean |a - f|</c>.</summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="forecast">The forecasts, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double error = actual[i] - forecast[i];
            if (!double.IsNaN(error))
            {
                sum += Math.Abs(error);
                count++;
            }
        }
        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>Root mean squared error: <c>sqrt(mean (a - f)^2)</c>.</summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="forecast">The forecasts, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double RootMeanSquaredError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double error = actual[i] - forecast[i];
            if (!double.IsNaN(error))
            {
                sum += error * error;
                count++;
            }
        }
        return count > 0 ? Math.Sqrt(sum / count) : double.NaN;
    }

    /// <summary>Mean absolute percentage error in percent: <c>100 mean |a - f| / |a|</c>, over pairs with a != 0.</summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="forecast">The forecasts, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double MeanAbsolutePercentageError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double error = actual[i] - forecast[i];
            if (!double.IsNaN(error) && actual[i] != 0)
            {
                sum += Math.Abs(error / actual[i]);
                count++;
            }
        }
        return count > 0 ? 100 * sum / count : double.NaN;
    }

    /// <summary>
    /// Symmetric MAPE in percent, in [0, 200]: <c>100 mean 2 |a - f| / (|a| + |f|)</c>, over pairs not both 0
    /// (the definition of Hyndman and Koehler 2006 and R's <c>accuracy</c>).
    /// </summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="forecast">The forecasts, same length.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double SymmetricMeanAbsolutePercentageError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        CheckLengths(actual, forecast);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double error = actual[i] - forecast[i];
            double scale = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            if (!double.IsNaN(error) && scale != 0)
            {
                sum += 2 * Math.Abs(error) / scale;
                count++;
            }
        }
        return count > 0 ? 100 * sum / count : double.NaN;
    }

    /// <summary>
    /// The MASE scale: the in-sample mean absolute error of the seasonal naive forecast,
    /// <c>mean_t |y_t - y_(t-m)|</c> over t = m..n-1 (pairs with a NaN skipped).
    /// </summary>
    /// <param name="insample">The training series.</param>
    /// <param name="seasonLength">m, at least 1 (1 = the non-seasonal naive forecast).</param>
    /// <returns>The scale; NaN when no pair exists.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1.</exception>
    public static double NaiveScale(ReadOnlySpan<double> insample, int seasonLength)
    {
        Preconditions.CheckRange(seasonLength, 1, int.MaxValue);
        double sum = 0;
        int count = 0;
        for (int t = seasonLength; t < insample.Length; t++)
        {
            double difference = insample[t] - insample[t - seasonLength];
            if (!double.IsNaN(difference))
            {
                sum += Math.Abs(difference);
                count++;
            }
        }
        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>
    /// Mean absolute scaled error: MAE divided by <see cref="NaiveScale"/> of the training series
    /// (Hyndman and Koehler 2006). Below 1 beats the in-sample seasonal naive forecast.
    /// </summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="forecast">The forecasts, same length.</param>
    /// <param name="insample">The training series the scale comes from.</param>
    /// <param name="seasonLength">m, at least 1.</param>
    /// <returns>The MASE; NaN when the scale is 0 or undefined, or no pair remains.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1.</exception>
    public static double MeanAbsoluteScaledError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> insample, int seasonLength)
    {
        double scale = NaiveScale(insample, seasonLength);
        double mae = MeanAbsoluteError(actual, forecast);
        return scale > 0 ? mae / scale : double.NaN;
    }

    /// <summary>The share of <paramref name="actual"/> inside [<paramref name="lower"/>, <paramref name="upper"/>] (pairs with a NaN skipped).</summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="lower">The interval's lower bounds, same length.</param>
    /// <param name="upper">The interval's upper bounds, same length.</param>
    /// <returns>The coverage, a fraction in [0, 1]; NaN when no pair remains.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Coverage(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        CheckLengths(actual, lower, nameof(lower));
        CheckLengths(actual, upper, nameof(upper));
        int inside = 0, count = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i]) || double.IsNaN(lower[i]) || double.IsNaN(upper[i]))
            {
                continue;
            }
            count++;
            if (actual[i] >= lower[i] && actual[i] <= upper[i])
            {
                inside++;
            }
        }
        return count > 0 ? (double)inside / count : double.NaN;
    }

    /// <summary>
    /// The mean scaled interval score of the M4 competition (Makridakis, Spiliotis &amp; Assimakopoulos 2020, IJF 36;
    /// Gneiting &amp; Raftery 2007): <c>mean_t [(U_t - L_t) + (2/a)(L_t - y_t)[y_t &lt; L_t] + (2/a)(y_t - U_t)[y_t &gt; U_t]] / scale</c>,
    /// <c>a = 1 - level</c>, scale = <see cref="NaiveScale"/> of the training series. Lower is better: narrow
    /// intervals that still hold the actuals.
    /// </summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="lower">The interval's lower bounds, same length.</param>
    /// <param name="upper">The interval's upper bounds, same length.</param>
    /// <param name="insample">The training series the scale comes from.</param>
    /// <param name="seasonLength">m, at least 1.</param>
    /// <param name="level">The interval's level, a fraction in (0, 1) (0.95 in M4).</param>
    /// <returns>The MSIS; NaN when the scale is 0 or undefined, or no pair remains.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1 or <paramref name="level"/> outside (0, 1).</exception>
    public static double MeanScaledIntervalScore(ReadOnlySpan<double> actual, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        ReadOnlySpan<double> insample, int seasonLength, double level)
    {
        CheckLengths(actual, lower, nameof(lower));
        CheckLengths(actual, upper, nameof(upper));
        Preconditions.CheckLevel(level);
        double scale = NaiveScale(insample, seasonLength);
        double penalty = 2 / (1 - level), sum = 0;
        int count = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (double.IsNaN(actual[i]) || double.IsNaN(lower[i]) || double.IsNaN(upper[i]))
            {
                continue;
            }
            count++;
            sum += upper[i] - lower[i] + (actual[i] < lower[i] ? penalty * (lower[i] - actual[i]) : 0)
                + (actual[i] > upper[i] ? penalty * (actual[i] - upper[i]) : 0);
        }
        return count > 0 && scale > 0 ? sum / count / scale : double.NaN;
    }

    /// <summary>
    /// All five measures of a forecast's mean against what happened, without copying the mean:
    /// <c>ForecastAccuracy.Measure(test, fc, train, 12)</c>. The first <c>actual.Length</c> steps are scored.
    /// </summary>
    /// <param name="actual">The observed values of the first steps after the training data.</param>
    /// <param name="forecast">The forecast; at least as many steps as <paramref name="actual"/>.</param>
    /// <param name="insample">The training series (for MASE).</param>
    /// <param name="seasonLength">m for MASE, at least 1.</param>
    /// <exception cref="ArgumentException">The forecast is shorter than <paramref name="actual"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1.</exception>
    public static AccuracyReport Measure(ReadOnlySpan<double> actual, Forecast forecast, ReadOnlySpan<double> insample, int seasonLength)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast.Horizon < actual.Length)
        {
            ThrowHelper.ThrowArgument(nameof(forecast), $"the forecast has {forecast.Horizon} steps; {actual.Length} actual values were given.");
        }
        return Measure(actual, forecast.MeanSpan[..actual.Length], insample, seasonLength);
    }

    /// <summary>All five measures at once.</summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="forecast">The forecasts, same length.</param>
    /// <param name="insample">The training series (for MASE).</param>
    /// <param name="seasonLength">m for MASE, at least 1.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1.</exception>
    public static AccuracyReport Measure(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> insample, int seasonLength)
    {
        int count = 0;
        CheckLengths(actual, forecast);
        for (int i = 0; i < actual.Length; i++)
        {
            if (!double.IsNaN(actual[i] - forecast[i]))
            {
                count++;
            }
        }
        return new AccuracyReport(
            MeanAbsoluteError(actual, forecast),
            RootMeanSquaredError(actual, forecast),
            MeanAbsolutePercentageError(actual, forecast),
            SymmetricMeanAbsolutePercentageError(actual, forecast),
            MeanAbsoluteScaledError(actual, forecast, insample, seasonLength),
            count);
    }

    private static void CheckLengths(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, string paramName = "forecast")
    {
        if (actual.Length != forecast.Length)
        {
            ThrowHelper.ThrowArgument(paramName, $"{paramName} has length {forecast.Length}; actual has {actual.Length}.");
        }
    }
}

/// <summary>Accuracy of a point forecast (see <see cref="ForecastAccuracy"/>). Immutable and thread-safe.</summary>
/// <param name="MeanAbsoluteError">MAE, in the series' units.</param>
/// <param name="RootMeanSquaredError">RMSE, in the series' units.</param>
/// <param name="MeanAbsolutePercentageError">MAPE, percent.</param>
/// <param name="SymmetricMeanAbsolutePercentageError">sMAPE, percent in [0, 200].</param>
/// <param name="MeanAbsoluteScaledError">MASE (1 = the in-sample seasonal naive's MAE).</param>
/// <param name="Count">Pairs used (neither value NaN).</param>
public readonly record struct AccuracyReport(
    double MeanAbsoluteError,
    double RootMeanSquaredError,
    double MeanAbsolutePercentageError,
    double SymmetricMeanAbsolutePercentageError,
    double MeanAbsoluteScaledError,
    int Count)
{
    /// <summary>A readable line, e.g. <c>MAE=12.3 RMSE=15.1 MAPE=4.2% sMAPE=4.1% MASE=0.82 (n=336)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MAE={MeanAbsoluteError:G4} RMSE={RootMeanSquaredError:G4} MAPE={MeanAbsolutePercentageError:G4}% sMAPE={SymmetricMeanAbsolutePercentageError:G4}% MASE={MeanAbsoluteScaledError:G4} (n={Count})");
}
