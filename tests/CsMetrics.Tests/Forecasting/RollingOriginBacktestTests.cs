using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

public class RollingOriginBacktestTests
{
    private static Forecast Naive(double[] history, int horizon)
    {
        var mean = Enumerable.Repeat(history[^1], horizon).ToArray();
        return new Forecast(mean, new double[horizon], [], "none");
    }

    [Fact]
    public void Forecasters_see_exactly_the_past_and_origins_step_as_asked()
    {
        var series = Enumerable.Range(0, 20).Select(i => (double)i * i).ToArray();
        var seen = new List<int>();
        Forecast Spy(double[] history, int horizon)
        {
            Assert.Equal(series[..history.Length], history);
            seen.Add(history.Length);
            history[0] = -1; // mutating the copy must not touch the series
            return Naive(history, horizon);
        }
        var result = RollingOriginBacktest.Run(series, Spy, firstOrigin: 5, horizon: 4, seasonLength: 1, step: 3);
        Assert.Equal([5, 8, 11, 14], seen);
        Assert.Equal(seen, result.Origins.Select(o => o.Origin));
        Assert.Equal(0, series[0]);
        var last2 = RollingOriginBacktest.Run(series, Naive, 5, 4, 1, step: 3, maxOrigins: 2);
        Assert.Equal([11, 14], last2.Origins.Select(o => o.Origin));
    }

    [Fact]
    public void Naive_forecast_of_a_line_has_known_errors()
    {
        // y_t = t; naive from origin o forecasts o - 1; errors 1..h, MAE (h + 1) / 2; in-sample MASE scale 1.
        var series = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
        var result = RollingOriginBacktest.Run(series, Naive, firstOrigin: 4, horizon: 4, seasonLength: 1);
        Assert.Equal(2, result.Origins.Count);
        Assert.All(result.Origins, o => Assert.Equal(2.5, o.Accuracy.MeanAbsoluteError, 12));
        Assert.Equal(2.5, result.Aggregate.MeanAbsoluteError, 12);
        Assert.Equal(Math.Sqrt(30.0 / 4), result.Aggregate.RootMeanSquaredError, 12);
        Assert.Equal(2.5, result.Aggregate.MeanAbsoluteScaledError, 12);
        Assert.Equal(8, result.Aggregate.Count);
    }

    [Fact]
    public void Batch_equals_one_run_per_series_and_comparison_lists_every_model()
    {
        var batch = Enumerable.Range(1, 5).Select(k => Enumerable.Range(0, 30).Select(i => Math.Sin(i * k) + 2 * k).ToArray()).ToArray();
        var result = RollingOriginBacktest.RunBatch(batch, Naive, 10, 5, 1);
        for (int s = 0; s < batch.Length; s++)
        {
            Assert.Equal(RollingOriginBacktest.Run(batch[s], Naive, 10, 5, 1).Aggregate, result.Series[s].Aggregate);
        }
        Assert.Equal(result.Series.Average(r => r.Aggregate.MeanAbsoluteError), result.Mean.MeanAbsoluteError, 12);
        var comparison = RollingOriginBacktest.Compare(batch[0], new Dictionary<string, Func<double[], int, Forecast>>
        {
            ["naive"] = Naive,
            ["seasonal naive (m=3)"] = (h, n) => SeasonalNaive.Forecast(h, 3, n),
        }, 10, 5, 1);
        Assert.Equal(["naive", "seasonal naive (m=3)"], comparison.Rows.Select(r => r.Name));
        Assert.Contains("seasonal naive (m=3)", comparison.ToString());
    }

    [Fact]
    public void An_origin_without_a_full_horizon_is_an_error()
    {
        Assert.Equal("firstOrigin", Assert.Throws<ArgumentException>(() => RollingOriginBacktest.Run(new double[10], Naive, 8, 3, 1)).ParamName);
    }
}
