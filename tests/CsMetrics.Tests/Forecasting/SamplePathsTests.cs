using CsMetrics.Forecasting;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

/// <summary>The one simulation engine: a longer horizon extends the paths of a shorter one and never changes them.</summary>
public class SamplePathsTests
{
    private static readonly double[] s_seasonal = Enumerable.Range(0, 48).Select(t => 100 + 0.5 * t + 12 * Math.Sin(2 * Math.PI * t / 4) + 3 * Math.Cos(1.7 * t)).ToArray();
    private static readonly Lazy<EtsFit> s_mam = new(() => Ets.Fit(s_seasonal, EtsSpecification.Parse("MAM", 4)));

    private static void AssertPrefix(Forecast shorter, Forecast longer)
    {
        int h = shorter.Horizon;
        Assert.Equal(shorter.Mean, longer.Mean.Take(h));
        Assert.Equal(shorter.Variance, longer.Variance.Take(h));
        foreach (var interval in shorter.Intervals)
        {
            Assert.Equal(interval.Lower, longer.IntervalAt(interval.Level).Lower.Take(h));
            Assert.Equal(interval.Upper, longer.IntervalAt(interval.Level).Upper.Take(h));
        }
    }

    [Fact]
    public void Day_one_of_a_14_day_forecast_is_day_one_of_the_7_day_forecast()
    {
        // The case: daily data with a weekly season, simulated (multiplicative season) intervals.
        var daily = Enumerable.Range(0, 70).Select(t => 200 + t + 40 * Math.Sin(2 * Math.PI * t / 7) + 9 * Math.Cos(2.3 * t)).ToArray();
        var fit = Ets.Fit(daily, EtsSpecification.Parse("MNM", 7));
        var week = fit.Forecast(7, 0.8, 0.95);
        var fortnight = fit.Forecast(14, 0.8, 0.95);
        Assert.StartsWith("simulated", week.IntervalMethod);
        Assert.Equal(week.IntervalAt(0.8).Lower[0], fortnight.IntervalAt(0.8).Lower[0]);
        Assert.Equal(week.IntervalAt(0.8).Upper[0], fortnight.IntervalAt(0.8).Upper[0]);
        AssertPrefix(week, fortnight);
    }

    [Property(MaxTest = 8)]
    public void Ets_simulated_forecasts_extend_never_change(PositiveInt seed, byte shortHorizon, byte extra)
    {
        int h = 1 + shortHorizon % 20;
        var options = new EtsSimulationOptions { Paths = 200, Seed = seed.Get };
        AssertPrefix(s_mam.Value.Forecast(h, [0.5, 0.9], options), s_mam.Value.Forecast(h + 1 + extra % 20, [0.5, 0.9], options));
    }

    [Property(MaxTest = 6)]
    public void Double_seasonal_forecasts_extend_never_change(PositiveInt seed, byte shortHorizon, byte extra)
    {
        var model = DoubleSeasonalHoltWinters.Fit(DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 5), 4, 12, new DoubleSeasonalOptions { MaxEvaluations = 200 });
        int h = 1 + shortHorizon % 30;
        AssertPrefix(model.Forecast(h, [0.8], paths: 150, seed: seed.Get), model.Forecast(h + 1 + extra % 30, [0.8], paths: 150, seed: seed.Get));
    }

    [Fact]
    public void Closed_intervals_draw_nothing_so_open_ones_stay_put()
    {
        var y = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 9);
        for (int t = 0; t < y.Length; t++)
        {
            if (t % 12 >= 10)
            {
                y[t] = 0;
            }
        }
        var model = DoubleSeasonalHoltWinters.Fit(y, 4, 12, new DoubleSeasonalOptions { OpenHours = OpenHoursMask.Detect(y, 12), MaxEvaluations = 200 });
        var shorter = model.Forecast(11, paths: 200, seed: 3);
        var longer = model.Forecast(40, paths: 200, seed: 3);
        AssertPrefix(shorter, longer);
        int closed = Enumerable.Range(0, 40).First(k => !model.OpenHours!.IsOpen(y.Length + k));
        Assert.Equal(0, longer.IntervalAt(0.95).Upper[closed]);
    }

    [Fact]
    public void The_seed_and_the_path_count_select_the_draws()
    {
        var options = new EtsSimulationOptions { Paths = 300, Seed = 4 };
        var a = s_mam.Value.Forecast(6, [0.8], options);
        Assert.Equal(a, s_mam.Value.Forecast(6, [0.8], options));
        Assert.NotEqual(a.IntervalAt(0.8).Upper, s_mam.Value.Forecast(6, [0.8], options with { Seed = 5 }).IntervalAt(0.8).Upper);
        Assert.Equal("simulated, 300 paths, seed 4", a.IntervalMethod);
    }

    [Fact]
    public void Quantiles_are_type_7()
    {
        // R: quantile(c(4, 1, 3, 2, 5), c(0, 0.1, 0.25, 0.5, 0.9, 1), type = 7) = 1, 1.4, 2, 3, 4.6, 5.
        double[] probabilities = [0, 0.1, 0.25, 0.5, 0.9, 1];
        double[] expected = [1, 1.4, 2, 3, 4.6, 5];
        for (int i = 0; i < probabilities.Length; i++)
        {
            Assert.Equal(expected[i], SamplePaths.Quantile([4.0, 1, 3, 2, 5], probabilities[i]), 12);
        }
    }
}
