using System.Text.Json;
using CsMetrics.Forecasting;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Theta against R's thetaf, against the original theta-line construction, and its laws.</summary>
public class ThetaTests
{
    public static TheoryData<string> RSeries => new() { "AirPassengers", "USAccDeaths", "co2", "nottem", "Nile", "WWWusage" };

    private static JsonElement RResult(string series) =>
        EtsOracle.Read("r_thetaf.json").GetProperty("results").EnumerateArray().Single(r => r.GetProperty("series").GetString() == series);

    [Theory]
    [MemberData(nameof(RSeries))]
    public void MatchesRThetaf(string series)
    {
        var r = RResult(series);
        var values = EtsOracle.Series(series);
        var fit = Theta.Fit(values, r.GetProperty("frequency").GetInt32());
        var forecast = fit.Forecast(24, 0.8, 0.95);
        // Same likelihood surface (SES on the adjusted series), so the same optimum up to the optimisers' tolerances.
        Assert.True(Math.Abs(fit.Alpha - r.Number("alpha")) <= 2e-3, $"alpha {fit.Alpha} vs R {r.Number("alpha")}");
        Assert.True(Math.Abs(fit.Drift - r.Number("drift")) <= 1e-9 * Math.Abs(r.Number("drift")), $"drift {fit.Drift} vs R {r.Number("drift")}");
        Assert.True(Math.Abs(fit.Sigma2 / r.Number("sigma") - 1) <= 1e-3, $"sigma2 {fit.Sigma2} vs R {r.Number("sigma")}");
        EtsOracle.AssertClose(r.GetProperty("mean").Numbers(), forecast.Mean, 1e-3, "mean");
        EtsOracle.AssertClose(r.GetProperty("lower80").Numbers(), forecast.IntervalAt(0.8).Lower, 2e-3, "lower80");
        EtsOracle.AssertClose(r.GetProperty("upper95").Numbers(), forecast.IntervalAt(0.95).Upper, 2e-3, "upper95");
        Assert.Equal(series is "Nile" or "WWWusage" ? 1 : 12, fit.SeasonLength);
    }

    /// <summary>
    /// Assimakopoulos and Nikolopoulos's own construction, computed here step by step: the forecast is the
    /// equal-weight mean of the least-squares line extrapolated (theta = 0) and SES of the theta = 2 line
    /// <c>2 y_t - (a + b t)</c>, started at <c>2 l_0 - a</c> with the same alpha.
    /// </summary>
    [Theory]
    [InlineData("Nile")]
    [InlineData("WWWusage")]
    public void EqualsTheOriginalThetaLineConstruction(string series)
    {
        var y = EtsOracle.Series(series);
        var fit = Theta.Fit(y, 1);
        double alpha = fit.Alpha, l0 = fit.Ses.InitialState[0];
        int n = y.Length;
        double tBar = (n - 1) / 2.0, yBar = y.Average();
        double b = Enumerable.Range(0, n).Sum(t => (t - tBar) * (y[t] - yBar)) / Enumerable.Range(0, n).Sum(t => (t - tBar) * (t - tBar));
        double a = yBar - b * tBar;
        double level = 2 * l0 - a;
        for (int t = 0; t < n; t++)
        {
            level += alpha * (2 * y[t] - (a + b * t) - level);
        }
        var forecast = fit.Forecast(10, 0.95);
        for (int h = 1; h <= 10; h++)
        {
            double expected = 0.5 * (a + b * (n - 1 + h)) + 0.5 * level;
            Assert.True(Math.Abs(forecast.Mean[h - 1] - expected) <= 1e-9 * Math.Abs(expected), $"h={h}: {forecast.Mean[h - 1]} vs {expected}");
        }
    }

    /// <summary>SES with drift by hand: alpha 0.5, l0 10 on eight values, drift half the least-squares slope.</summary>
    [Fact]
    public void FixedParameters_MatchAHandComputation()
    {
        double[] y = [10, 12, 11, 15, 14, 16, 18, 17];
        var fit = Theta.Fit(y, 1, new ThetaOptions { Alpha = 0.5, InitialLevel = 10 });
        // Levels: 10 -> 10, 11, 11, 13, 13.5, 14.75, 16.375, 16.6875; slope of y on t = 0..7: sum (t - 3.5) y / sum (t - 3.5)^2 = 46.5 / 42.
        Assert.Equal(16.6875, fit.FinalLevel, 12);
        double drift = 46.5 / 42 / 2;
        Assert.Equal(drift, fit.Drift, 12);
        double offset = (1 - Math.Pow(0.5, 8)) / 0.5;
        var forecast = fit.Forecast(3, 0.95);
        for (int h = 0; h < 3; h++)
        {
            Assert.Equal(16.6875 + drift * (h + offset), forecast.Mean[h], 10);
        }
        // Intervals: sigma2 (1 + (h - 1) alpha^2), sigma2 = SSE / n with nothing estimated.
        double[] levels = [10, 10, 11, 11, 13, 13.5, 14.75, 16.375];
        double sse = y.Select((v, t) => (v - levels[t]) * (v - levels[t])).Sum();
        double se3 = Math.Sqrt(sse / 8 * (1 + 2 * 0.25));
        Assert.Equal(forecast.Mean[2] + 1.959963984540054 * se3, forecast.IntervalAt(0.95).Upper[2], 9);
    }

    [Fact]
    public void SeasonalityTest_FindsAClearSeason_AndNotNoiseOrAConstant()
    {
        var sine = Enumerable.Range(0, 60).Select(t => 100 + 20 * Math.Sin(2 * Math.PI * t / 12)).ToArray();
        Assert.True(Theta.IsSeasonal(sine, 12));
        var random = new Random(3);
        var noise = Enumerable.Range(0, 60).Select(_ => 100 + random.NextDouble()).ToArray();
        Assert.False(Theta.IsSeasonal(noise, 12));
        Assert.False(Theta.IsSeasonal(Enumerable.Repeat(5.0, 60).ToArray(), 12));
        Assert.False(Theta.Fit(noise, 12).IsSeasonal);
        var seasonal = Theta.Fit(sine, 12);
        Assert.True(seasonal.IsSeasonal);
        Assert.Equal(1.0, seasonal.SeasonalIndices.Average(), 12);
        Assert.False(Theta.Fit(sine, 12, new ThetaOptions { Seasonality = ThetaSeasonality.Never }).IsSeasonal);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("seasonLength", Assert.Throws<ArgumentOutOfRangeException>(() => Theta.Fit([1, 2, 3, 4, 5, 6, 7, 8], 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Theta.Fit([1, 2, 3], 1)).ParamName);
        Assert.Equal("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ThetaOptions { Alpha = 1.5 }.Validate()).ParamName);
        Assert.Equal("SeasonalityTestLevel", Assert.Throws<ArgumentOutOfRangeException>(() => new ThetaOptions { SeasonalityTestLevel = 90 }.Validate()).ParamName);
        IForecastModel model = Theta.Fit([1, 2, 3, 4, 5, 6, 7, 8, 9], 1);
        Assert.Equal("Theta", model.Family);
        Assert.Throws<OperationCanceledException>(() => model.Forecast(3, [0.8], new CancellationToken(true)));
    }

    private static double[] RandomSeries(int seed, int n = 48)
    {
        var random = new Random(seed);
        double level = 50 + 50 * random.NextDouble(), slope = random.NextDouble() - 0.3;
        return Enumerable.Range(0, n).Select(t => level + slope * t + 8 * Math.Sin(2 * Math.PI * t / 4) + 5 * (random.NextDouble() - 0.5)).ToArray();
    }

    [Property(MaxTest = 20)]
    public bool ScalingTheSeries_ScalesTheForecast(int seed, byte factor)
    {
        double c = 0.5 + factor / 16.0;
        var y = RandomSeries(seed);
        var a = Theta.Fit(y, 4).Forecast(8, 0.95);
        var b = Theta.Fit(y.Select(v => c * v).ToArray(), 4).Forecast(8, 0.95);
        return Enumerable.Range(0, 8).All(h => Math.Abs(b.Mean[h] - c * a.Mean[h]) <= 1e-5 * c * Math.Abs(a.Mean[h])
            && Math.Abs(b.IntervalAt(0.95).Upper[h] - c * a.IntervalAt(0.95).Upper[h]) <= 1e-4 * c * Math.Abs(a.IntervalAt(0.95).Upper[h]));
    }

    [Property(MaxTest = 20)]
    public bool ShiftingANonSeasonalSeries_ShiftsTheForecast(int seed, sbyte shift)
    {
        var y = RandomSeries(seed);
        var a = Theta.Fit(y, 1).Forecast(8, 0.8);
        var b = Theta.Fit(y.Select(v => v + shift).ToArray(), 1).Forecast(8, 0.8);
        return Enumerable.Range(0, 8).All(h => Math.Abs(b.Mean[h] - (a.Mean[h] + shift)) <= 1e-5 * (Math.Abs(a.Mean[h]) + 1));
    }

    [Property(MaxTest = 20)]
    public bool Intervals_Nest_AndWidenWithTheHorizon(int seed)
    {
        var forecast = Theta.Fit(RandomSeries(seed), 4).Forecast(12, 0.5, 0.8, 0.95);
        var i50 = forecast.IntervalAt(0.5);
        var i80 = forecast.IntervalAt(0.8);
        var i95 = forecast.IntervalAt(0.95);
        bool nested = Enumerable.Range(0, 12).All(h => i95.Lower[h] <= i80.Lower[h] && i80.Lower[h] <= i50.Lower[h]
            && i50.Lower[h] <= forecast.Mean[h] && forecast.Mean[h] <= i50.Upper[h] && i50.Upper[h] <= i80.Upper[h] && i80.Upper[h] <= i95.Upper[h]);
        var flat = Theta.Fit(RandomSeries(seed), 1).Forecast(12, 0.95);
        bool widening = Enumerable.Range(1, 11).All(h => flat.Variance[h] >= flat.Variance[h - 1]);
        return nested && widening;
    }

    [Property(MaxTest = 10)]
    public bool ConstantSeries_ForecastsThatConstant(byte value)
    {
        double constant = value + 1;
        var forecast = Theta.Fit(Enumerable.Repeat(constant, 30).ToArray(), 12).Forecast(5, 0.95);
        return forecast.Mean.All(m => Math.Abs(m - constant) <= 1e-9 * constant);
    }
}
