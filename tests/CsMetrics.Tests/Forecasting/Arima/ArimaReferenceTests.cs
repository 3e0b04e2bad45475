using System.Text.Json;
using CsMetrics.Forecasting;
using Xunit.Abstractions;

namespace CsMetrics.Tests.Forecasting;

/// <summary>ARIMA fits, forecasts and automatic choices against R's forecast::Arima and auto.arima.</summary>
public class ArimaReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Fits
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (series, index) in ArimaOracle.Fits())
            {
                data.Add(series, index);
            }
            return data;
        }
    }

    public static TheoryData<string> Series => new(ArimaOracle.Series);

    [Theory]
    [MemberData(nameof(Fits))]
    public void FixedOrder_LogLikelihoodAtLeastRs_AndForecastsMatchWhereTheOptimaAgree(string series, int index)
    {
        var reference = ArimaOracle.Read(series).GetProperty("fits")[index];
        var order = ArimaOracle.Order(reference);
        bool drift = reference.GetProperty("include_drift").GetBoolean();
        var values = ArimaOracle.Values(series);
        var fit = Arima.Fit(values, order, new ArimaOptions { IncludeDrift = drift });
        double rLogLik = reference.Number("loglik");
        output.WriteLine($"{series} {fit}\n  R loglik {rLogLik:F4}, ours - R = {fit.LogLikelihood - rLogLik:G4}");

        Assert.True(fit.LogLikelihood >= rLogLik - 1e-6, $"{order}: loglik {fit.LogLikelihood} < R's {rLogLik}");
        Assert.Equal(reference.Number("nobs"), fit.ObservationsUsed);
        if (fit.LogLikelihood - rLogLik < 1e-3)
        {
            // The same optimum: the coefficients, sigma2 and the forecasts agree with R's.
            var coef = reference.GetProperty("coef");
            AssertCoefficients(coef, "ar", fit.Ar);
            AssertCoefficients(coef, "ma", fit.Ma);
            AssertCoefficients(coef, "sar", fit.SeasonalAr);
            AssertCoefficients(coef, "sma", fit.SeasonalMa);
            Assert.Equal(reference.Number("sigma2"), fit.Sigma2, 2e-3 * reference.Number("sigma2"));
            Assert.Equal(reference.Number("aicc"), fit.Aicc, 2e-3);
            Assert.Equal(reference.Number("bic"), fit.Bic, 2e-3);
            AssertForecast(reference.GetProperty("forecast"), fit, ArimaOracle.Read(series).GetProperty("horizon").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void FitAuto_ChoosesRsExactOrder_OrALowerAicc(string series)
    {
        var file = ArimaOracle.Read(series);
        var exact = file.GetProperty("auto_exact");
        var values = ArimaOracle.Values(series);
        var fit = Arima.FitAuto(values, file.GetProperty("season_length").GetInt32());
        output.WriteLine($"{series}: ours {fit}\n  R (approximation = FALSE) {exact.GetProperty("name").GetString()} AICc {exact.Number("aicc"):F3}"
            + $"\n  R (default) {file.GetProperty("auto").GetProperty("name").GetString()} AICc {file.GetProperty("auto").Number("aicc"):F3}");

        if (fit.Name == exact.GetProperty("name").GetString())
        {
            Assert.Equal(exact.Number("aicc"), fit.Aicc, 1e-2);
        }
        else
        {
            Assert.True(fit.Aicc < exact.Number("aicc"), $"{fit.Name} AICc {fit.Aicc} is not below R's {exact.Number("aicc")}");
        }
    }

    private static void AssertCoefficients(JsonElement coef, string prefix, IReadOnlyList<double> actual)
    {
        for (int i = 0; i < actual.Count; i++)
        {
            Assert.Equal(coef.Number($"{prefix}{i + 1}"), actual[i], 2e-3);
        }
    }

    private static void AssertForecast(JsonElement reference, ArimaFit fit, int horizon)
    {
        var forecast = fit.Forecast(horizon, [0.8, 0.95]);
        var mean = reference.GetProperty("mean").Numbers();
        double scale = mean.Select(Math.Abs).Max();
        for (int h = 0; h < horizon; h++)
        {
            Assert.Equal(mean[h], forecast.Mean[h], 1e-3 * scale);
            Assert.Equal(reference.GetProperty("lower80").Numbers()[h], forecast.IntervalAt(0.8).Lower[h], 2e-3 * scale);
            Assert.Equal(reference.GetProperty("upper95").Numbers()[h], forecast.IntervalAt(0.95).Upper[h], 2e-3 * scale);
        }
    }
}
