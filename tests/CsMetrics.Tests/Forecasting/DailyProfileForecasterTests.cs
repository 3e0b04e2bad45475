using CsMetrics.Forecasting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

public class DailyProfileForecasterTests
{
    [Fact]
    public void Splits_seasonal_naive_daily_totals_by_weekday_profiles()
    {
        // Two intervals per day, two-day "weeks": totals 4, 4, 12, 10.
        double[] history = [1, 3, 2, 2, 3, 9, 5, 5];
        var result = DailyProfileForecaster.Forecast(history, intervalsPerDay: 2, horizon: 5, daysPerWeek: 2, smooth: false);
        Assert.Equal([0.25, 0.75], result.Profiles[0]);
        Assert.Equal([0.5, 0.5], result.Profiles[1]);
        Assert.Equal([12.0, 10, 12], result.DailyTotals.Mean);
        Assert.Equal([3.0, 9, 5, 5, 3], result.Forecast.Mean);
        // sigma^2 of the daily seasonal differences: (8^2 + 6^2) / 2 = 50; day 3 is a second season ahead.
        Assert.Equal([0.0625 * 50, 0.5625 * 50, 0.25 * 50, 0.25 * 50, 0.0625 * 100], result.Forecast.Variance);
        Assert.Equal(0.25 * result.DailyTotals.IntervalAt(0.95).Upper[0], result.Forecast.IntervalAt(0.95).Upper[0]);
    }

    [Fact]
    public void Ets_daily_totals_continue_a_weekly_pattern_and_split_by_profile()
    {
        // Eight weeks of days whose totals follow a weekly pattern with a gentle trend and a small wobble;
        // each day splits 1:3 over two intervals. ETS(., ., A or M) with m = 7 must continue the pattern.
        double[] weekday = [120, 110, 100, 100, 95, 60, 40];
        var history = new List<double>();
        for (int d = 0; d < 56; d++)
        {
            double total = weekday[d % 7] * (1 + 0.002 * d) + (d % 3 - 1) * 0.5;
            history.Add(0.25 * total);
            history.Add(0.75 * total);
        }
        var result = DailyProfileForecaster.Forecast(history.ToArray(), intervalsPerDay: 2, horizon: 14,
            dailyForecaster: DailyProfileForecaster.EtsDaily(levels: [0.8, 0.95]), smooth: false);
        for (int d = 0; d < 7; d++)
        {
            double expected = weekday[d] * (1 + 0.002 * (56 + d));
            Assert.InRange(result.DailyTotals.Mean[d], expected * 0.97, expected * 1.03);
            Assert.Equal(0.25 * result.DailyTotals.Mean[d], result.Forecast.Mean[2 * d], 9);
            Assert.Equal(0.75 * result.DailyTotals.Mean[d], result.Forecast.Mean[2 * d + 1], 9);
        }
        Assert.True(result.Forecast.IntervalAt(0.95).Upper[1] >= result.Forecast.IntervalAt(0.8).Upper[1]);
    }

    [Fact]
    public void A_supplied_daily_forecaster_is_used_as_given()
    {
        double[] history = [1, 3, 2, 2, 3, 9, 5, 5];
        double[]? seen = null;
        Forecast Daily(double[] totals, int days)
        {
            seen = totals;
            var mean = Enumerable.Repeat(100.0, days).ToArray();
            return new Forecast(mean, Enumerable.Repeat(4.0, days).ToArray(), [new PredictionInterval(0.9, Enumerable.Repeat(90.0, days).ToArray(), Enumerable.Repeat(110.0, days).ToArray())], "test");
        }
        var result = DailyProfileForecaster.Forecast(history, 2, 4, dailyForecaster: Daily, daysPerWeek: 2, smooth: false);
        Assert.Equal([4.0, 4, 12, 10], seen!);
        Assert.Equal([25.0, 75, 50, 50], result.Forecast.Mean);
        Assert.Equal(0.25 * 0.25 * 4, result.Forecast.Variance[0]);
        Assert.Equal(0.75 * 110, result.Forecast.IntervalAt(0.9).Upper[1]);
    }

    [Property(MaxTest = 30)]
    public void Smoothed_profiles_sum_to_one_and_keep_closed_intervals_closed(PositiveInt seed)
    {
        const int intervalsPerDay = 12;
        var random = new Random(seed.Get);
        var history = new double[intervalsPerDay * 7 * 3];
        for (int t = 0; t < history.Length; t++)
        {
            int i = t % intervalsPerDay;
            history[t] = i < 3 || i > 9 ? 0 : 1 + 50 * random.NextDouble();
        }
        var result = DailyProfileForecaster.Forecast(history, intervalsPerDay, 2 * intervalsPerDay);
        foreach (var profile in result.Profiles)
        {
            Assert.Equal(1.0, profile.Sum(), 12);
            for (int i = 0; i < intervalsPerDay; i++)
            {
                Assert.Equal(i < 3 || i > 9, profile[i] == 0);
            }
        }
        Assert.Equal(0, result.Forecast.Mean[0]);
    }

    [Fact]
    public void History_must_be_whole_days_of_at_least_a_week()
    {
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => DailyProfileForecaster.Forecast(new double[13], 2, 2)).ParamName);
        Assert.Contains("one week", Assert.Throws<ArgumentException>(() => DailyProfileForecaster.Forecast(new double[12], 2, 2)).Message);
    }
}
