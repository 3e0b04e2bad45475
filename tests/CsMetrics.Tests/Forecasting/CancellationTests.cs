using CsMetrics.Forecasting;
using CsMetrics.Planning;
using CsMetrics.Tests.Planning;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Every long forecasting call takes a cancellation token and honours one already cancelled.</summary>
public class CancellationTests
{
    private static readonly CancellationToken Cancelled = new(true);

    [Fact]
    public void Batches_and_backtests_stop_when_cancelled()
    {
        var series = Enumerable.Range(0, 4).Select(s => Enumerable.Range(0, 48).Select(t => 100.0 + s + t % 12).ToArray()).ToArray();
        Assert.ThrowsAny<OperationCanceledException>(() => Ets.FitMany(series, 12, cancellationToken: Cancelled));
        var weekly = Enumerable.Range(0, 4).Select(s => Enumerable.Range(0, 3 * 48).Select(t => 10.0 + t % 48).ToArray()).ToArray();
        Assert.ThrowsAny<OperationCanceledException>(() => DoubleSeasonalHoltWinters.FitMany(weekly, 12, 48, cancellationToken: Cancelled));
        Func<double[], int, Forecast> naive = (past, horizon) => SeasonalNaive.Forecast(past, 12, horizon);
        Assert.ThrowsAny<OperationCanceledException>(() => RollingOriginBacktest.Run(series[0], naive, 24, 12, 12, cancellationToken: Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => RollingOriginBacktest.RunBatch(series, naive, 24, 12, 12, cancellationToken: Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => RollingOriginBacktest.Compare(series[0], [KeyValuePair.Create("naive", naive)], 24, 12, 12, cancellationToken: Cancelled));
        // Not cancelled: the same calls run.
        Assert.Equal(4, Ets.FitMany(series, 12, cancellationToken: CancellationToken.None).Length);
    }

    [Fact]
    public void The_planners_forecast_stops_when_cancelled()
    {
        var history = Synthetic.History(weeks: 3, seed: 5);
        var start = new DateTime(2026, 1, 5);
        var halfHour = TimeSpan.FromMinutes(30);
        var options = new PlanOptions();
        Assert.ThrowsAny<OperationCanceledException>(() => WorkforcePlanner.BacktestForecast(history, halfHour, options, Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => WorkforcePlanner.ForecastVolumes(history, start, halfHour, options, cancellationToken: Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => WorkforcePlanner.Create(history, start, halfHour, options, cancellationToken: Cancelled));
    }
}
