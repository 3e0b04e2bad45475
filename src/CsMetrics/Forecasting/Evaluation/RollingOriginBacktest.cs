using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Rolling-origin evaluation (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16):
/// at each origin the forecaster sees only the history before it, forecasts the next
/// <c>horizon</c> values, and is scored against them. Generic over any forecaster, so every model
/// can be reported against the baselines (<see cref="SeasonalNaive"/>, <see cref="HistoricalAverage"/>).
/// </summary>
/// <remarks>
/// Origins are <c>firstOrigin, firstOrigin + step, ...</c> while a full horizon of actuals remains.
/// The forecaster receives a fresh copy of <c>series[0..origin)</c>, never a view of the future.
/// Aggregate measures pool every scored pair over all origins (MAE, RMSE, MAPE, sMAPE, Count); the
/// aggregate MASE is the mean of the per-origin MASEs (each scaled by its own training history).
/// </remarks>
public static class RollingOriginBacktest
{
    /// <summary>Back-tests one series.</summary>
    /// <param name="series">The full series.</param>
    /// <param name="forecaster">(history, horizon) to a forecast of at least that many steps.</param>
    /// <param name="firstOrigin">Length of the first training history, at least 1.</param>
    /// <param name="horizon">Steps scored per origin, at least 1.</param>
    /// <param name="seasonLength">Season for MASE's scale (e.g. 336), at least 1.</param>
    /// <param name="step">Distance between origins (null = horizon: non-overlapping test windows).</param>
    /// <param name="maxOrigins">Keep only the last this-many origins (null = all).</param>
    /// <param name="cancellationToken">Checked before each origin's forecast; a cancelled back-test throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>Per-origin and aggregate accuracy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">No full origin fits in the series; a forecast is shorter than the horizon.</exception>
    public static BacktestResult Run(
        ReadOnlySpan<double> series,
        Func<double[], int, Forecast> forecaster,
        int firstOrigin,
        int horizon,
        int seasonLength,
        int? step = null,
        int? maxOrigins = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        var origins = Origins(series.Length, firstOrigin, horizon, step, maxOrigins);
        var results = new List<BacktestOrigin>(origins.Count);
        var pooledActual = new double[origins.Count * horizon];
        var pooledForecast = new double[origins.Count * horizon];
        double maseSum = 0;
        int maseCount = 0;
        for (int o = 0; o < origins.Count; o++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int origin = origins[o];
            var history = series[..origin].ToArray();
            var forecast = forecaster(history, horizon);
            if (forecast.Horizon < horizon)
            {
                ThrowHelper.ThrowArgument(nameof(forecaster), $"The forecaster returned {forecast.Horizon} steps at origin {origin}; {horizon} were asked.");
            }
            var actual = series.Slice(origin, horizon);
            var mean = pooledForecast.AsSpan(o * horizon, horizon);
            for (int h = 0; h < horizon; h++)
            {
                mean[h] = forecast.Mean[h];
            }
            actual.CopyTo(pooledActual.AsSpan(o * horizon, horizon));
            var accuracy = ForecastAccuracy.Measure(actual, mean, series[..origin], seasonLength);
            results.Add(new BacktestOrigin(origin, accuracy));
            if (!double.IsNaN(accuracy.MeanAbsoluteScaledError))
            {
                maseSum += accuracy.MeanAbsoluteScaledError;
                maseCount++;
            }
        }
        var pooled = ForecastAccuracy.Measure(pooledActual, pooledForecast, series[..firstOrigin], seasonLength);
        var aggregate = pooled with { MeanAbsoluteScaledError = maseCount > 0 ? maseSum / maseCount : double.NaN };
        return new BacktestResult(results, aggregate);
    }

    /// <summary>
    /// Back-tests a batch of series (in parallel when <paramref name="parallel"/>; the forecaster must
    /// then be thread-safe). Results are in the order of <paramref name="series"/>.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="forecaster">(history, horizon) to a forecast.</param>
    /// <param name="firstOrigin">Length of the first training history.</param>
    /// <param name="horizon">Steps scored per origin.</param>
    /// <param name="seasonLength">Season for MASE's scale.</param>
    /// <param name="step">Distance between origins (null = horizon).</param>
    /// <param name="maxOrigins">Keep only the last this-many origins (null = all).</param>
    /// <param name="parallel">Whether to run series in parallel.</param>
    /// <param name="cancellationToken">Checked before each series and origin; a cancelled back-test throws <see cref="OperationCanceledException"/>.</param>

    /// <returns>One result per series and the mean of each aggregate measure over the series (NaNs skipped).</returns>
    /// <exception cref="ArgumentException">See <see cref="Run"/>.</exception>
    public static BatchBacktestResult RunBatch(
        IReadOnlyList<double[]> series,
        Func<double[], int, Forecast> forecaster,
        int firstOrigin,
        int horizon,
        int seasonLength,
        int? step = null,
        int? maxOrigins = null,
        bool parallel = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        var results = new BacktestResult[series.Count];
        if (parallel)
        {
            var parallelOptions = new ParallelOptions { CancellationToken = cancellationToken };
            Parallel.For(0, series.Count, parallelOptions,
                i => results[i] = Run(series[i], forecaster, firstOrigin, horizon, seasonLength, step, maxOrigins, cancellationToken));
        }
        else
        {
            for (int i = 0; i < series.Count; i++)
            {
                results[i] = Run(series[i], forecaster, firstOrigin, horizon, seasonLength, step, maxOrigins, cancellationToken);
            }
        }
        var reports = results.Select(r => r.Aggregate).ToArray();
        var mean = new AccuracyReport(
            MeanIgnoringNaN(reports.Select(r => r.MeanAbsoluteError)),
            MeanIgnoringNaN(reports.Select(r => r.RootMeanSquaredError)),
            MeanIgnoringNaN(reports.Select(r => r.MeanAbsolutePercentageError)),
            MeanIgnoringNaN(reports.Select(r => r.SymmetricMeanAbsolutePercentageError)),
            MeanIgnoringNaN(reports.Select(r => r.MeanAbsoluteScaledError)),
            reports.Sum(r => r.Count));
        return new BatchBacktestResult(results, mean);
    }

    /// <summary>Back-tests several named forecasters on the same origins, e.g. a model against the baselines.</summary>
    /// <param name="series">The full series.</param>
    /// <param name="forecasters">Name and forecaster, in the order to report.</param>
    /// <param name="firstOrigin">Length of the first training history.</param>
    /// <param name="horizon">Steps scored per origin.</param>
    /// <param name="seasonLength">Season for MASE's scale.</param>
    /// <param name="step">Distance between origins (null = horizon).</param>
    /// <param name="maxOrigins">Keep only the last this-many origins (null = all).</param>
    /// <param name="cancellationToken">Checked before each origin's forecast; a cancelled back-test throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One row per forecaster.</returns>
    /// <exception cref="ArgumentException">See <see cref="Run"/>.</exception>
    public static BacktestComparison Compare(
        ReadOnlySpan<double> series,
        IEnumerable<KeyValuePair<string, Func<double[], int, Forecast>>> forecasters,
        int firstOrigin,
        int horizon,
        int seasonLength,
        int? step = null,
        int? maxOrigins = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecasters);
        var rows = new List<NamedBacktest>();
        foreach (var (name, forecaster) in forecasters)
        {
            rows.Add(new NamedBacktest(name, Run(series, forecaster, firstOrigin, horizon, seasonLength, step, maxOrigins, cancellationToken)));
        }
        return new BacktestComparison(rows);
    }

    private static List<int> Origins(int length, int firstOrigin, int horizon, int? step, int? maxOrigins)
    {
        Preconditions.CheckRange(horizon, 1, int.MaxValue);
        Preconditions.CheckRange(firstOrigin, 1, int.MaxValue);
        int stride = step ?? horizon;
        Preconditions.CheckRange(stride, 1, int.MaxValue, nameof(step));
        if (maxOrigins is { } max)
        {
            Preconditions.CheckRange(max, 1, int.MaxValue, nameof(maxOrigins));
        }
        if (firstOrigin + horizon > length)
        {
            ThrowHelper.ThrowArgument(nameof(firstOrigin), $"firstOrigin ({firstOrigin}) + horizon ({horizon}) exceeds the series length ({length}): no origin can be scored.");
        }
        var origins = new List<int>();
        for (int origin = firstOrigin; origin + horizon <= length; origin += stride)
        {
            origins.Add(origin);
        }
        if (maxOrigins is { } keep && origins.Count > keep)
        {
            origins.RemoveRange(0, origins.Count - keep);
        }
        return origins;
    }

    private static double MeanIgnoringNaN(IEnumerable<double> values)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToArray();
        return finite.Length > 0 ? finite.Average() : double.NaN;
    }
}

/// <summary>The accuracy of one origin's forecast.</summary>
/// <param name="Origin">The origin: the training history is series[0..Origin).</param>
/// <param name="Accuracy">Accuracy over the next horizon values.</param>
public sealed record BacktestOrigin(int Origin, AccuracyReport Accuracy);

/// <summary>The result of a rolling-origin back-test of one series.</summary>
/// <param name="Origins">Per-origin accuracy, by increasing origin.</param>
/// <param name="Aggregate">Pooled accuracy over every origin (MASE: the mean of per-origin MASEs).</param>
public sealed record BacktestResult(IReadOnlyList<BacktestOrigin> Origins, AccuracyReport Aggregate)
{
    /// <summary>Per-origin accuracy, by increasing origin (copied; compared by value).</summary>
    public IReadOnlyList<BacktestOrigin> Origins { get; init => field = ReadOnlyValueList<BacktestOrigin>.CopyOf(value); } = ReadOnlyValueList<BacktestOrigin>.CopyOf(Origins);

    /// <summary>A readable line: origin count and the aggregate measures.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Origins.Count} origins: {Aggregate}");
}

/// <summary>The result of a back-test over a batch of series.</summary>
/// <param name="Series">One result per series, in input order.</param>
/// <param name="Mean">The mean over series of each aggregate measure (NaNs skipped); Count is the total.</param>
public sealed record BatchBacktestResult(IReadOnlyList<BacktestResult> Series, AccuracyReport Mean)
{
    /// <summary>One result per series, in input order (copied; compared by value).</summary>
    public IReadOnlyList<BacktestResult> Series { get; init => field = ReadOnlyValueList<BacktestResult>.CopyOf(value); } = ReadOnlyValueList<BacktestResult>.CopyOf(Series);

    /// <summary>A readable line: series count and the mean measures.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Series.Count} series: {Mean}");
}

/// <summary>A named forecaster's back-test.</summary>
/// <param name="Name">The forecaster's name.</param>
/// <param name="Result">Its back-test.</param>
public sealed record NamedBacktest(string Name, BacktestResult Result);

/// <summary>Several forecasters back-tested on the same origins.</summary>
/// <param name="Rows">One row per forecaster.</param>
public sealed record BacktestComparison(IReadOnlyList<NamedBacktest> Rows)
{
    /// <summary>One row per forecaster (copied; compared by value).</summary>
    public IReadOnlyList<NamedBacktest> Rows { get; init => field = ReadOnlyValueList<NamedBacktest>.CopyOf(value); } = ReadOnlyValueList<NamedBacktest>.CopyOf(Rows);

    /// <summary>A compact table: name, MAE, RMSE, MAPE, sMAPE, MASE.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"model",-24} {"MAE",10} {"RMSE",10} {"MAPE%",8} {"sMAPE%",8} {"MASE",7}\n");
        foreach (var row in Rows)
        {
            var a = row.Result.Aggregate;
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Name,-24} {a.MeanAbsoluteError,10:G5} {a.RootMeanSquaredError,10:G5} {a.MeanAbsolutePercentageError,8:F2} {a.SymmetricMeanAbsolutePercentageError,8:F2} {a.MeanAbsoluteScaledError,7:F3}\n");
        }
        return text.ToString();
    }
}
