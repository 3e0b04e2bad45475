using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

/// <summary>The forecasting seams: one level convention, immutable results with value equality, bounded work, one scale rule.</summary>
public class ForecastTests
{
    private static readonly double[] s_seasonal = Enumerable.Range(0, 48).Select(t => 100 + 0.5 * t + 12 * Math.Sin(2 * Math.PI * t / 4) + 3 * Math.Cos(1.7 * t)).ToArray();

    private static EtsFit Additive() => Ets.Fit(s_seasonal, EtsSpecification.Parse("AAA", 4));

    /// <summary>Every forecaster of the library, called with the given levels and horizon.</summary>
    public static TheoryData<string> Forecasters => ["ETS", "ETS simulated", "Holt-Winters", "DSHW", "seasonal naive", "historical average", "daily profile"];

    private static Forecast Run(string forecaster, int horizon, double[] levels)
    {
        var intraday = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 3);
        return forecaster switch
        {
            "ETS" => Additive().Forecast(horizon, levels),
            "ETS simulated" => Additive().Forecast(horizon, levels, new EtsSimulationOptions { Paths = 200, AlwaysSimulate = true }),
            "Holt-Winters" => HoltWinters.Fit(s_seasonal, 4, HoltWintersSeasonality.Additive).Forecast(horizon, levels),
            "DSHW" => DoubleSeasonalHoltWinters.Fit(intraday, 4, 12, new DoubleSeasonalOptions { MaxEvaluations = 100 }).Forecast(horizon, levels, paths: 100),
            "seasonal naive" => SeasonalNaive.Forecast(s_seasonal, 4, horizon, levels),
            "historical average" => HistoricalAverage.Forecast(s_seasonal, 4, horizon, levels),
            "daily profile" => DailyProfileForecaster.Forecast(intraday, 4, horizon, levels).Forecast,
            _ => throw new ArgumentOutOfRangeException(nameof(forecaster)),
        };
    }

    [Theory]
    [MemberData(nameof(Forecasters))]
    public void Levels_are_fractions_and_a_percent_is_rejected_naming_the_convention(string forecaster)
    {
        var forecast = Run(forecaster, 3, [0.8, 0.95]);
        Assert.Equal([0.8, 0.95], forecast.Levels);
        Assert.All(forecast.Intervals, i => Assert.InRange(i.Level, 0, 1));
        var percent = Assert.Throws<ArgumentOutOfRangeException>(() => Run(forecaster, 3, [95]));
        Assert.Equal("levels", percent.ParamName);
        Assert.Contains("fraction in (0, 1)", percent.Message);
        Assert.Contains("looks like a percent: use 0.95", percent.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(forecaster, 3, [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(forecaster, 3, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(forecaster, 3, [double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(forecaster, 3, [0.8, 0.8]));
    }

    [Theory]
    [MemberData(nameof(Forecasters))]
    public void No_levels_means_80_and_95_percent(string forecaster) =>
        Assert.Equal([0.8, 0.95], Run(forecaster, 2, []).Levels);

    [Fact]
    public void A_95_percent_band_is_the_normal_975_quantile_wide()
    {
        // The example: EtsFit.Forecast(3, 0.95) is a 95% band (z = 1.959963984540054), not a 0.95% one.
        var forecast = Additive().Forecast(3, 0.95);
        var band = forecast.IntervalAt(0.95);
        for (int h = 0; h < 3; h++)
        {
            double half = 1.959963984540054 * Math.Sqrt(forecast.Variance[h]);
            Assert.Equal(forecast.Mean[h] + half, band.Upper[h], 1e-9);
            Assert.Equal(forecast.Mean[h] - half, band.Lower[h], 1e-9);
        }
        var percent = Assert.Throws<ArgumentOutOfRangeException>(() => Additive().Forecast(3, 95));
        Assert.Contains("fraction in (0, 1)", percent.Message);
    }

    [Fact]
    public void IntervalAt_takes_a_fraction_and_names_the_convention_for_a_percent()
    {
        var forecast = Additive().Forecast(3);
        Assert.Same(forecast.Intervals[1], forecast.IntervalAt(0.95));
        var percent = Assert.Throws<ArgumentOutOfRangeException>(() => forecast.IntervalAt(95));
        Assert.Equal("level", percent.ParamName);
        Assert.Contains("looks like a percent", percent.Message);
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => forecast.IntervalAt(0.9));
        Assert.Contains("levels: 0.8, 0.95", missing.Message);
    }

    [Fact]
    public void Results_cannot_be_changed_through_a_cast()
    {
        var forecast = Additive().Forecast(3);
        Assert.False(forecast.Mean is double[]);
        Assert.False(forecast.Variance is double[]);
        Assert.False(forecast.Intervals is PredictionInterval[]);
        Assert.False(forecast.IntervalAt(0.8).Lower is double[]);
        Assert.Throws<InvalidCastException>(() => ((double[])forecast.Mean)[0] = -1);
        var fit = Additive();
        Assert.False(fit.Fitted is double[] || fit.Residuals is double[] || fit.InitialState is double[] || fit.FinalState is double[]);
        var holtWinters = HoltWinters.Fit(s_seasonal, 4, HoltWintersSeasonality.Additive);
        Assert.False(holtWinters.Seasonals is double[] || holtWinters.Fitted is double[] || holtWinters.Residuals is double[]);
        var model = DoubleSeasonalHoltWinters.Fit(DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 3), 4, 12, new DoubleSeasonalOptions { MaxEvaluations = 100 });
        Assert.False(model.Fitted is double[] || model.Residuals is double[]);
    }

    [Fact]
    public void The_constructor_copies_its_inputs()
    {
        double[] mean = [1, 2];
        double[] lower = [0, 1];
        var forecast = new Forecast(mean, [1, 1], [new PredictionInterval(0.8, lower, [2.0, 3])], "test");
        mean[0] = -1;
        lower[0] = -1;
        Assert.Equal([1.0, 2], forecast.Mean);
        Assert.Equal([0.0, 1], forecast.IntervalAt(0.8).Lower);
    }

    [Fact]
    public void Equal_forecasts_compare_equal()
    {
        var a = Additive().Forecast(6);
        var b = Additive().Forecast(6);
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.IntervalAt(0.8), b.IntervalAt(0.8));
        Assert.NotEqual(a, Additive().Forecast(5));
        Assert.NotEqual(a, Additive().Forecast(6, 0.8));
        var withNaN = new Forecast([1.0], [double.NaN], [], "x");
        Assert.Equal(withNaN, new Forecast([1.0], [double.NaN], [], "x"));
        Assert.NotEqual(withNaN, new Forecast([1.0], [double.NaN], [], "y"));
    }

    [Fact]
    public void Records_holding_lists_compare_by_value_and_copy_them()
    {
        double[] seasonals = [1, 2, 3, 4];
        var start = new HoltWintersStart(1, 2, seasonals);
        seasonals[0] = 99;
        Assert.Equal(1, start.Seasonals[0]);
        Assert.Equal(new HoltWintersStart(1, 2, [1.0, 2, 3, 4]), start);
        Assert.Equal(HoltWinters.StartValues(s_seasonal, 4, HoltWintersSeasonality.Additive), HoltWinters.StartValues(s_seasonal, 4, HoltWintersSeasonality.Additive));
        Assert.Equal(new DoubleSeasonalStates(1, 0, [1.0, 2], [3.0, 4, 5, 6]), new DoubleSeasonalStates(1, 0, [1.0, 2], [3.0, 4, 5, 6]));
        double[] first = [1, 2];
        var states = new DoubleSeasonalStates(1, 0, first, [3.0, 4, 5, 6]) with { Level = 2 };
        first[0] = 99;
        Assert.Equal(1, states.FirstSeasonIndices[0]);

        Func<double[], int, Forecast> naive = (history, h) => SeasonalNaive.Forecast(history, 4, h);
        Assert.Equal(RollingOriginBacktest.Run(s_seasonal, naive, 24, 4, 4), RollingOriginBacktest.Run(s_seasonal, naive, 24, 4, 4));
        var comparison = RollingOriginBacktest.Compare(s_seasonal, [KeyValuePair.Create("naive", naive)], 24, 4, 4);
        Assert.Equal(comparison, RollingOriginBacktest.Compare(s_seasonal, [KeyValuePair.Create("naive", naive)], 24, 4, 4));
        Assert.Equal(RollingOriginBacktest.RunBatch([s_seasonal], naive, 24, 4, 4), RollingOriginBacktest.RunBatch([s_seasonal], naive, 24, 4, 4));
        var intraday = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 3);
        Assert.Equal(DailyProfileForecaster.Forecast(intraday, 4, 8), DailyProfileForecaster.Forecast(intraday, 4, 8));
    }

    [Theory]
    [MemberData(nameof(Forecasters))]
    public void Horizons_beyond_the_limit_are_rejected_not_overflowed(string forecaster)
    {
        foreach (int horizon in new[] { Forecast.MaxHorizon + 1, 1_000_000, 10_000_000, int.MaxValue, 0, -1 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => Run(forecaster, horizon, []));
            Assert.Equal("horizon", error.ParamName);
        }
    }

    [Fact]
    public void The_longest_horizon_is_a_result()
    {
        Assert.Equal(Forecast.MaxHorizon, Additive().Forecast(Forecast.MaxHorizon).Horizon);
        Assert.Equal(Forecast.MaxHorizon, SeasonalNaive.Forecast(s_seasonal, 4, Forecast.MaxHorizon).Horizon);
        var multiplicativeError = Ets.Fit(s_seasonal, EtsSpecification.Parse("MAN", 1)).Forecast(20_000);
        Assert.Equal(20_000, multiplicativeError.Horizon);
        Assert.DoesNotContain(multiplicativeError.Variance, double.IsNaN);
    }

    [Fact]
    public void Simulated_work_is_bounded_by_paths_times_horizon()
    {
        var fit = Ets.Fit(s_seasonal, EtsSpecification.Parse("MAM", 4));
        var options = new EtsSimulationOptions { Paths = 5_000 };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(10_001, [], options));
        Assert.Equal("horizon", error.ParamName);
        Assert.Contains("MaxSimulatedValues", error.Message);
        Assert.Equal(20_000, fit.Forecast(20_000, [], options with { Paths = 100 }).Horizon);
        var model = DoubleSeasonalHoltWinters.Fit(DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 3), 4, 12, new DoubleSeasonalOptions { MaxEvaluations = 100 });
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(10_001, paths: 5_000));
    }

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e-120)]
    [InlineData(1e120)]
    [InlineData(1e200)]
    public void A_series_out_of_scale_is_rejected_by_every_forecaster(double scale)
    {
        var scaled = s_seasonal.Select(y => y * scale).ToArray();
        var intraday = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 4, 3).Select(y => y * scale).ToArray();
        var errors = new Exception[]
        {
            Assert.ThrowsAny<ArgumentException>(() => Ets.FitAuto(scaled, 4)),
            Assert.ThrowsAny<ArgumentException>(() => Ets.Fit(scaled, EtsSpecification.Parse("MAM", 4))),
            Assert.ThrowsAny<ArgumentException>(() => HoltWinters.Fit(scaled, 4, HoltWintersSeasonality.Multiplicative)),
            Assert.ThrowsAny<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(intraday, 4, 12)),
            Assert.ThrowsAny<ArgumentException>(() => SeasonalNaive.Forecast(scaled, 4, 3)),
            Assert.ThrowsAny<ArgumentException>(() => HistoricalAverage.Forecast(scaled, 4, 3)),
        };
        Assert.All(errors, e => Assert.Contains("rescale the series", e.Message));
        Assert.Contains(Ets.FitMany([scaled], 4), r => r.Error is not null && r.Error.Contains("[1e-100, 1e100]"));
    }

    [Fact]
    public void Tiny_values_beside_ordinary_ones_and_all_zero_series_are_fine()
    {
        var mixed = s_seasonal.ToArray();
        mixed[3] = 1e-200;
        Assert.True(double.IsFinite(Ets.Fit(mixed, EtsSpecification.Parse("AAA", 4)).LogLikelihood));
        var zeros = Ets.FitAuto(new double[20], 4).Forecast(3);
        Assert.Equal([0.0, 0, 0], zeros.Mean);
        Assert.Equal([0.0, 0, 0], zeros.IntervalAt(0.95).Upper);
    }

    [Fact]
    public void A_constant_series_has_its_documented_exact_fit()
    {
        var fit = Ets.FitAuto(Enumerable.Repeat(5.0, 30).ToArray(), 7);
        var forecast = fit.Forecast(3);
        Assert.Equal([5.0, 5, 5], forecast.Mean);
        Assert.Equal([5.0, 5, 5], forecast.IntervalAt(0.95).Lower);
        Assert.Equal(0, fit.Sigma2);
        Assert.Equal(double.PositiveInfinity, fit.LogLikelihood);
    }
}

public class PredictionIntervalTests
{
    [Fact]
    public void Validates_and_copies()
    {
        Assert.Contains("looks like a percent", Assert.Throws<ArgumentOutOfRangeException>(() => new PredictionInterval(80, [1.0], [2.0])).Message);
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => new PredictionInterval(0.8, [1.0], [2.0, 3])).ParamName);
        double[] lower = [1];
        var interval = new PredictionInterval(0.8, lower, [2.0]);
        lower[0] = 5;
        Assert.Equal(1, interval.Lower[0]);
        Assert.Equal(new PredictionInterval(0.8, [1.0], [2.0]), interval);
        Assert.NotEqual(new PredictionInterval(0.9, [1.0], [2.0]), interval);
        Assert.Equal("80% interval, 1 steps: [1, 2]", interval.ToString());
    }
}
