using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Classic Holt-Winters against R's stats::HoltWinters.</summary>
public class HoltWintersTests
{
    public static TheoryData<string> RFits => new(
        "r_HoltWinters_AirPassengers_multiplicative.json", "r_HoltWinters_USAccDeaths_additive.json",
        "r_HoltWinters_co2_additive.json", "r_HoltWinters_nottem_additive.json");

    private static (double[] Values, int M, HoltWintersSeasonality Seasonality) Model(System.Text.Json.JsonElement fit) => (
        EtsOracle.Series(fit.GetProperty("series").GetString()!),
        fit.GetProperty("frequency").GetInt32(),
        fit.GetProperty("seasonal").GetString() == "additive" ? HoltWintersSeasonality.Additive : HoltWintersSeasonality.Multiplicative);

    [Theory]
    [MemberData(nameof(RFits))]
    public void StartValues_MatchR(string file)
    {
        var fit = EtsOracle.Read(file);
        var (values, m, seasonality) = Model(fit);
        var init = fit.GetProperty("init");
        var start = HoltWinters.StartValues(values, m, seasonality);
        EtsOracle.AssertClose([init.Number("l_start"), init.Number("b_start")], [start.Level, start.Trend], 1e-9, "l, b");
        EtsOracle.AssertClose(init.GetProperty("s_start").Numbers(), start.Seasonals, 1e-9, "s");
    }

    [Theory]
    [MemberData(nameof(RFits))]
    public void FixedConstants_MatchR(string file)
    {
        var fit = EtsOracle.Read(file);
        var (values, m, seasonality) = Model(fit);
        var check = fit.GetProperty("fixed_params_check");
        var result = HoltWinters.Evaluate(values, m, seasonality, check.Number("alpha"), check.Number("beta"), check.Number("gamma"));

        EtsOracle.AssertClose([check.Number("SSE"), check.Number("a"), check.Number("b")], [result.SumSquaredErrors, result.Level, result.Trend], 1e-9, "SSE, a, b");
        EtsOracle.AssertClose(check.GetProperty("s").Numbers(), result.Seasonals, 1e-9, "s");
        var forecast = result.Forecast(24, 0.95);
        EtsOracle.AssertClose(check.GetProperty("forecast_mean").Numbers(), forecast.Mean, 1e-9, "forecast");
        if (seasonality == HoltWintersSeasonality.Additive)
        {
            EtsOracle.AssertClose(check.GetProperty("lower95").Numbers(), forecast.IntervalAt(0.95).Lower, 1e-9, "lower95");
            EtsOracle.AssertClose(check.GetProperty("upper95").Numbers(), forecast.IntervalAt(0.95).Upper, 1e-9, "upper95");
        }
    }

    [Theory]
    [MemberData(nameof(RFits))]
    public void Fit_SumOfSquaresAtMostR(string file)
    {
        var fit = EtsOracle.Read(file);
        var (values, m, seasonality) = Model(fit);
        var result = HoltWinters.Fit(values, m, seasonality);
        Assert.True(result.SumSquaredErrors <= fit.Number("SSE") * (1 + 1e-9), $"{result} vs R's SSE {fit.Number("SSE")}");
        Assert.True(result.Converged);
    }

    [Fact]
    public void TooShort_NamesTheMinimum()
    {
        var ex = Assert.Throws<ArgumentException>(() => HoltWinters.Fit(new double[20], 12, HoltWintersSeasonality.Additive));
        Assert.Contains("at least 25", ex.Message);
        Assert.Equal("values", ex.ParamName);
    }
}
