using System.Text.Json;
using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

public partial class DoubleSeasonalHoltWintersTests
{
    public static TheoryData<string, string> ReferenceFits => new()
    {
        { "forecasting/r_dshw_taylor.json", "forecasting/taylor.csv" },
        { "forecasting/r_dshw_taylor_4weeks.json", "forecasting/taylor_4weeks.csv" },
    };

    internal static double[] Series(string csv) => ReferenceData.ReadCsv(csv).Select(r => ReferenceData.Number(r["value"])).ToArray();

    private static double[] Numbers(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static DoubleSeasonalParameters ParametersOf(JsonElement element) => new(
        element.GetProperty("alpha").GetDouble(), element.GetProperty("beta").GetDouble(), element.GetProperty("gamma").GetDouble(),
        element.GetProperty("omega").GetDouble(), element.GetProperty("phi").GetDouble());

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(ReferenceFits))]
    public void Ratio_to_moving_average_start_up_matches_R(string json, string csv)
    {
        using var reference = ReferenceData.ReadJson(json);
        var root = reference.RootElement;
        var y = Series(csv);
        var states = DoubleSeasonalInitialStates.RatioToMovingAverage(y, 48, 336, hasTrend: true);
        AssertRelative(root.GetProperty("l0").GetDouble(), states.Level, 1e-12, "level");
        AssertRelative(root.GetProperty("b0").GetDouble(), states.Trend, 1e-10, "trend");
        var daily = Numbers(root.GetProperty("s_daily_init_I"));
        var weekly = Numbers(root.GetProperty("s_weekly_init_w"));
        for (int i = 0; i < 48; i++)
        {
            AssertRelative(daily[i], states.FirstSeasonIndices[i], 1e-12, $"daily[{i}]");
        }
        for (int i = 0; i < 336; i++)
        {
            AssertRelative(weekly[i], states.SecondSeasonIndices[i], 1e-12, $"weekly[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceFits))]
    public void Recursion_with_R_fixed_parameters_matches_R_to_1e9(string json, string csv)
    {
        using var reference = ReferenceData.ReadJson(json);
        var check = reference.RootElement.GetProperty("fixed_params_check");
        var model = DoubleSeasonalHoltWinters.Fit(Series(csv), 48, 336, new DoubleSeasonalOptions
        {
            FixedParameters = ParametersOf(check), Initialization = DoubleSeasonalInitialization.RatioToMovingAverage,
        });
        AssertRelative(check.GetProperty("mse").GetDouble(), model.MeanSquaredError, 1e-9, "mse");
        var expected = Numbers(check.GetProperty("forecast_mean"));
        var forecast = model.Forecast(expected.Length, paths: 100);
        for (int h = 0; h < expected.Length; h++)
        {
            AssertRelative(expected[h], forecast.Mean[h], 1e-9, $"forecast[{h}]");
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceFits))]
    public void Recursion_with_R_fitted_parameters_matches_R_fitted_values_and_forecast(string json, string csv)
    {
        using var reference = ReferenceData.ReadJson(json);
        var root = reference.RootElement;
        var y = Series(csv);
        var model = DoubleSeasonalHoltWinters.Fit(y, 48, 336, new DoubleSeasonalOptions
        {
            FixedParameters = ParametersOf(root.GetProperty("params")), Initialization = DoubleSeasonalInitialization.RatioToMovingAverage,
        });
        AssertRelative(root.GetProperty("mse").GetDouble(), model.MeanSquaredError, 1e-9, "mse");
        var first10 = Numbers(root.GetProperty("fitted_first10"));
        var last10 = Numbers(root.GetProperty("fitted_last10"));
        for (int i = 0; i < 10; i++)
        {
            AssertRelative(first10[i], model.Fitted[i], 1e-9, $"fitted[{i}]");
            AssertRelative(last10[i], model.Fitted[y.Length - 10 + i], 1e-9, $"fitted[n-10+{i}]");
        }
        var expected = Numbers(root.GetProperty("forecast").GetProperty("mean"));
        var forecast = model.Forecast(expected.Length, paths: 100);
        for (int h = 0; h < expected.Length; h++)
        {
            AssertRelative(expected[h], forecast.Mean[h], 1e-9, $"forecast[{h}]");
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceFits))]
    public void Fitted_mse_is_no_worse_than_R(string json, string csv)
    {
        using var reference = ReferenceData.ReadJson(json);
        double rMse = reference.RootElement.GetProperty("mse").GetDouble();
        var model = DoubleSeasonalHoltWinters.Fit(Series(csv), 48, 336);
        Assert.True(model.MeanSquaredError <= rMse, $"ours {model.MeanSquaredError} vs R {rMse}; {model}");
    }

    [Fact]
    public void Week_ahead_back_test_on_Taylor_beats_the_baselines()
    {
        var y = Series("forecasting/taylor.csv");
        var comparison = RollingOriginBacktest.Compare(y, new Dictionary<string, Func<double[], int, Forecast>>
        {
            ["DSHW"] = (history, h) => DoubleSeasonalHoltWinters.FitAndForecast(history, 48, 336, h, paths: 100).Forecast,
            ["seasonal naive"] = (history, h) => SeasonalNaive.Forecast(history, 336, h),
            ["historical average"] = (history, h) => HistoricalAverage.Forecast(history, 336, h),
            ["daily x profile"] = (history, h) => DailyProfileForecaster.Forecast(history, 48, h).Forecast,
        }, firstOrigin: 4 * 336, horizon: 336, seasonLength: 336);
        double dshw = comparison.Rows[0].Result.Aggregate.MeanAbsoluteScaledError;
        Assert.Equal(8, comparison.Rows[0].Result.Origins.Count);
        Assert.All(comparison.Rows.Skip(1), row => Assert.True(dshw < row.Result.Aggregate.MeanAbsoluteScaledError, comparison.ToString()));
    }

    [Fact]
    public void Fitting_is_invariant_to_scaling_the_series()
    {
        var y = Series("forecasting/taylor_4weeks.csv");
        var model = DoubleSeasonalHoltWinters.Fit(y, 48, 336);
        var scaled = DoubleSeasonalHoltWinters.Fit(y.Select(v => v / 1000).ToArray(), 48, 336);
        Assert.Equal(model.Parameters.Alpha, scaled.Parameters.Alpha, 1e-9);
        Assert.Equal(model.Parameters.Gamma, scaled.Parameters.Gamma, 1e-9);
        Assert.Equal(model.Parameters.Omega, scaled.Parameters.Omega, 1e-9);
        Assert.Equal(model.Parameters.Phi, scaled.Parameters.Phi, 1e-9);
        var forecast = model.Forecast(48, paths: 100);
        var scaledForecast = scaled.Forecast(48, paths: 100);
        for (int h = 0; h < 48; h++)
        {
            AssertRelative(forecast.Mean[h] / 1000, scaledForecast.Mean[h], 1e-9, $"forecast[{h}]");
        }
    }

    [Fact]
    public void Information_criteria_follow_R_ets_scale()
    {
        var y = Series("forecasting/taylor_4weeks.csv");
        var model = DoubleSeasonalHoltWinters.Fit(y, 48, 336);
        Assert.Equal(-0.5 * 1344 * Math.Log(model.SumOfSquaredErrors), model.LogLikelihood, 9);
        // alpha, beta, gamma, omega, phi, level, trend, 47 + 335 free indices, sigma^2.
        int k = 5 + 2 + 47 + 335 + 1;
        Assert.Equal(k, model.ParameterCount);
        Assert.Equal(-2 * model.LogLikelihood + 2 * k + 2.0 * k * (k + 1) / (1344 - k - 1), model.Aicc, 9);
    }
}
