using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

public class SeasonalNaiveTests
{
    [Fact]
    public void Repeats_the_last_season_with_variance_growing_per_season()
    {
        var history = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var forecast = SeasonalNaive.Forecast(history, 3, 7);
        Assert.Equal([8.0, 9, 10, 8, 9, 10, 8], forecast.Mean);
        // Every seasonal difference is 3: sigma^2 = 9, times floor((h-1)/3) + 1.
        Assert.Equal([9.0, 9, 9, 18, 18, 18, 27], forecast.Variance);
        // z(0.975) = 1.959963984540054 (standard normal table).
        Assert.Equal(8 + 1.959963984540054 * 3, forecast.IntervalAt(0.95).Upper[0], 9);
        Assert.Equal(8 - 1.2815515655446004 * 3, forecast.IntervalAt(0.8).Lower[0], 9);
    }

    [Fact]
    public void A_missing_value_falls_back_to_the_latest_observed_at_its_position()
    {
        double[] history = [1, 2, 3, 4, double.NaN, 6];
        var forecast = SeasonalNaive.Forecast(history, 3, 3);
        Assert.Equal([4.0, 2, 6], forecast.Mean);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => SeasonalNaive.Forecast([1.0], 3, 3)).ParamName);
    }
}
