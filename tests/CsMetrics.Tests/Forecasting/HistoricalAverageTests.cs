using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

public class HistoricalAverageTests
{
    [Fact]
    public void Averages_per_position_with_prediction_variance()
    {
        double[] history = [1, 10, 3, 14];
        var forecast = HistoricalAverage.Forecast(history, 2, 3);
        Assert.Equal([2.0, 12, 2], forecast.Mean);
        // s^2 = 2 and 8, times (1 + 1/2).
        Assert.Equal([3.0, 12, 3], forecast.Variance);
        var lastCycle = HistoricalAverage.Forecast(history, 2, 2, cycles: 1);
        Assert.Equal([3.0, 14], lastCycle.Mean);
        Assert.True(double.IsNaN(lastCycle.Variance[0]));
    }

    [Fact]
    public void Positions_follow_the_history_length()
    {
        double[] history = [1, 10, 3, 14, 5];
        var forecast = HistoricalAverage.Forecast(history, 2, 2);
        Assert.Equal([12.0, 3], forecast.Mean);
    }
}
