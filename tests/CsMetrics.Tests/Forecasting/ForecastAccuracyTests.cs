using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

public class ForecastAccuracyTests
{
    private static readonly double[] Actual = [1, 2, 3, 4];
    private static readonly double[] Predicted = [2, 2, 5, 0];

    [Fact]
    public void Measures_match_hand_computed_values()
    {
        // Errors -1, 0, -2, 4.
        Assert.Equal(7.0 / 4, ForecastAccuracy.MeanAbsoluteError(Actual, Predicted), 15);
        Assert.Equal(Math.Sqrt(21.0 / 4), ForecastAccuracy.RootMeanSquaredError(Actual, Predicted), 15);
        Assert.Equal(100 * (1 + 0 + 2.0 / 3 + 1) / 4, ForecastAccuracy.MeanAbsolutePercentageError(Actual, Predicted), 12);
        Assert.Equal(100 * (2.0 / 3 + 0 + 4.0 / 8 + 8.0 / 4) / 4, ForecastAccuracy.SymmetricMeanAbsolutePercentageError(Actual, Predicted), 12);
        // In-sample naive (m = 1) differences 2, 1, 3, 1: scale 7/4.
        double[] insample = [1, 3, 2, 5, 4];
        Assert.Equal(7.0 / 4, ForecastAccuracy.NaiveScale(insample, 1), 15);
        Assert.Equal(1.0, ForecastAccuracy.MeanAbsoluteScaledError(Actual, Predicted, insample, 1), 15);
        // m = 2: differences 1, 2, 2: scale 5/3.
        Assert.Equal(1.75 / (5.0 / 3), ForecastAccuracy.MeanAbsoluteScaledError(Actual, Predicted, insample, 2), 15);
        var report = ForecastAccuracy.Measure(Actual, Predicted, insample, 1);
        Assert.Equal(4, report.Count);
        Assert.Contains("MASE=1", report.ToString());
    }

    [Fact]
    public void A_forecast_is_scored_directly_on_its_first_steps()
    {
        // The hand-worked case above (MAE 1.75, naive scale 7/4, MASE 1) through a Forecast of six steps.
        var forecast = new Forecast([2, 2, 5, 0, 99, 99], new double[6], [], "given");
        double[] insample = [1, 3, 2, 5, 4];
        var report = ForecastAccuracy.Measure(Actual, forecast, insample, 1);
        Assert.Equal(1.75, report.MeanAbsoluteError, 15);
        Assert.Equal(1.0, report.MeanAbsoluteScaledError, 15);
        Assert.Equal(4, report.Count);
        var tooShort = Assert.Throws<ArgumentException>(() => ForecastAccuracy.Measure([1, 2, 3, 4, 5, 6, 7], forecast, insample, 1));
        Assert.Equal("forecast", tooShort.ParamName);
        Assert.Contains("6 steps; 7 actual values", tooShort.Message);
        // No copy of the mean: scoring allocates nothing after warm-up.
        ForecastAccuracy.Measure(Actual, forecast, insample, 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ForecastAccuracy.Measure(Actual, forecast, insample, 1);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void NaN_pairs_are_skipped_zero_actuals_are_skipped_by_MAPE_and_empty_gives_NaN()
    {
        double[] actual = [1, double.NaN, 0, 4];
        double[] forecast = [2, 5, 0, double.NaN];
        Assert.Equal(1.0 / 2, ForecastAccuracy.MeanAbsoluteError(actual, forecast), 15);
        Assert.Equal(100.0, ForecastAccuracy.MeanAbsolutePercentageError(actual, forecast), 12);
        Assert.Equal(100 * (2.0 / 3), ForecastAccuracy.SymmetricMeanAbsolutePercentageError(actual, forecast), 12);
        Assert.Equal(2, ForecastAccuracy.Measure(actual, forecast, [1, 2], 1).Count);
        Assert.True(double.IsNaN(ForecastAccuracy.MeanAbsoluteError([double.NaN], [1])));
        Assert.True(double.IsNaN(ForecastAccuracy.RootMeanSquaredError([], [])));
        Assert.True(double.IsNaN(ForecastAccuracy.MeanAbsoluteScaledError([1], [2], [3, 3, 3], 1)));
    }

    [Fact]
    public void Mismatched_lengths_name_the_forecast()
    {
        Assert.Equal("forecast", Assert.Throws<ArgumentException>(() => ForecastAccuracy.MeanAbsoluteError([1, 2], [1])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastAccuracy.NaiveScale([1, 2], 0));
    }

    private static (double[] Actual, double[] Forecast) Pairs(NonEmptyArray<NormalFloat> a, int seed)
    {
        var actual = a.Get.Select(v => v.Get).ToArray();
        var random = new Random(seed);
        return (actual, actual.Select(v => v + 10 * (random.NextDouble() - 0.5)).ToArray());
    }

    [Property(MaxTest = 100)]
    public void MAE_never_exceeds_RMSE(NonEmptyArray<NormalFloat> data, int seed)
    {
        var (actual, forecast) = Pairs(data, seed);
        Assert.True(ForecastAccuracy.MeanAbsoluteError(actual, forecast) <= ForecastAccuracy.RootMeanSquaredError(actual, forecast) * (1 + 1e-12));
    }

    [Property(MaxTest = 100)]
    public void MAPE_sMAPE_and_MASE_are_scale_invariant(NonEmptyArray<NormalFloat> data, int seed, PositiveInt scaleSeed)
    {
        var (actual, forecast) = Pairs(data, seed);
        double k = 0.001 + scaleSeed.Get % 1000;
        var actualScaled = actual.Select(v => v * k).ToArray();
        var forecastScaled = forecast.Select(v => v * k).ToArray();
        var insample = forecast.Concat(actual).ToArray();
        var insampleScaled = insample.Select(v => v * k).ToArray();
        AssertClose(ForecastAccuracy.MeanAbsolutePercentageError(actual, forecast), ForecastAccuracy.MeanAbsolutePercentageError(actualScaled, forecastScaled));
        AssertClose(ForecastAccuracy.SymmetricMeanAbsolutePercentageError(actual, forecast), ForecastAccuracy.SymmetricMeanAbsolutePercentageError(actualScaled, forecastScaled));
        AssertClose(ForecastAccuracy.MeanAbsoluteScaledError(actual, forecast, insample, 1), ForecastAccuracy.MeanAbsoluteScaledError(actualScaled, forecastScaled, insampleScaled, 1));
    }

    private static void AssertClose(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual));
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{expected} vs {actual}");
    }

    [Property(MaxTest = 100)]
    public void MASE_of_the_in_sample_seasonal_naive_forecast_is_one(NonEmptyArray<NormalFloat> data, PositiveInt m)
    {
        int season = 1 + m.Get % 5;
        var y = data.Get.Select(v => v.Get).Concat(Enumerable.Range(0, season + 1).Select(i => (double)i * i)).ToArray();
        var actual = y[season..];
        var naive = y[..^season];
        AssertClose(1.0, ForecastAccuracy.MeanAbsoluteScaledError(actual, naive, y, season));
    }

    [Fact]
    public void Measures_allocate_nothing()
    {
        var actual = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        var forecast = actual.Select(v => v + 1).ToArray();
        double sink = 0;
        Assert.Equal(0, Allocations.Measure(() =>
        {
            sink += ForecastAccuracy.MeanAbsoluteError(actual, forecast) + ForecastAccuracy.RootMeanSquaredError(actual, forecast)
                + ForecastAccuracy.MeanAbsolutePercentageError(actual, forecast) + ForecastAccuracy.SymmetricMeanAbsolutePercentageError(actual, forecast)
                + ForecastAccuracy.MeanAbsoluteScaledError(actual, forecast, actual, 7) + ForecastAccuracy.Measure(actual, forecast, actual, 7).Count;
        }));
        Assert.True(sink > 0);
    }
}
