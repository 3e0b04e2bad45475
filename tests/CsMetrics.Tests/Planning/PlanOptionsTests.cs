using CsMetrics.Planning;

namespace CsMetrics.Tests.Planning;

public class PlanOptionsTests
{
    [Fact]
    public void Plan_options_take_fractions()
    {
        new PlanOptions { Levels = [0.5, 0.9] }.Validate();
        var percent = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanOptions { Levels = [80, 95] }.Validate());
        Assert.Equal("Levels", percent.ParamName);
        Assert.Contains("Levels[0]", percent.Message);
        Assert.Contains("use 0.8", percent.Message);
        Assert.Equal([0.8, 0.95], new PlanOptions().Levels);
        Assert.Equal(new PlanOptions { Levels = [0.8, 0.95] }, new PlanOptions());
    }

    [Fact]
    public void The_plan_forecast_has_fraction_levels_and_rejects_an_out_of_scale_history()
    {
        var history = Synthetic.History(weeks: 2, seed: 3);
        var start = new DateTime(2026, 11, 2);
        var options = new PlanOptions { Levels = [0.9], ForecastMethod = ForecastMethod.SeasonalNaive };
        var forecast = WorkforcePlanner.ForecastVolumes(history, start, TimeSpan.FromMinutes(30), options);
        Assert.Equal([0.9], forecast.Forecast.Levels);
        var tiny = history.Select(v => v * 1e-200).ToArray();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WorkforcePlanner.ForecastVolumes(tiny, start, TimeSpan.FromMinutes(30), options));
        Assert.Equal("history", error.ParamName);
        Assert.Contains("rescale the series", error.Message);
    }

    [Fact]
    public void A_fine_grained_horizon_simulates_within_the_limit()
    {
        // 7 days of 30-minute intervals keep 5,000 paths; 28 days of 1-minute intervals (40,320 steps) get fewer.
        Assert.Equal(5_000, WorkforcePlanner.PlanPaths(336));
        Assert.Equal(5_000, WorkforcePlanner.PlanPaths(28 * 288));
        Assert.Equal(1_240, WorkforcePlanner.PlanPaths(28 * 1440));
        Assert.True(1_240L * 28 * 1440 <= CsMetrics.Forecasting.Forecast.MaxSimulatedValues);
    }
}
