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
        // R's arima treats the differencing states as diffuse with variance 1e6, which moves its loglik by up to
        // about 1e-3 from the exact likelihood of the differenced series; that one (R's arima on the differenced
        // series, method ML, reltol 1e-12) is the comparable value.
        var differenced = reference.GetProperty("loglik_differenced");
        double rExact = differenced.ValueKind == JsonValueKind.Number ? differenced.GetDouble() : rLogLik;
        output.WriteLine($"{series} {fit}\n  R loglik {rLogLik:F4} (differenced series {rExact:F4}), ours - R = {fit.LogLikelihood - rLogLik:G4} ({fit.LogLikelihood - rExact:G4})");

        Assert.True(fit.LogLikelihood >= rExact - 1e-6, $"{order}: loglik {fit.LogLikelihood} < R's {rExact} on the differenced series");
        Assert.True(fit.LogLikelihood >= rLogLik - 5e-3, $"{order}: loglik {fit.LogLikelihood} < R's {rLogLik}");
        Assert.Equal(reference.Number("nobs"), fit.ObservationsUsed);
        if (Math.Abs(fit.LogLikelihood - rExact) < 1e-4 && Math.Abs(fit.LogLikelihood - rLogLik) < 0.05)
        {
            // The optimum R reached too (its integrated fit, not only its differenced one, is within the diffuse-start
            // shift): the coefficients, sigma2 and the forecasts agree with R's.
            var coef = reference.GetProperty("coef");
            AssertCoefficients(coef, "ar", fit.Ar);
            AssertCoefficients(coef, "ma", fit.Ma);
            AssertCoefficients(coef, "sar", fit.SeasonalAr);
            AssertCoefficients(coef, "sma", fit.SeasonalMa);
            // R's sigma2 also sums the first d + mD "residuals" of the diffuse start (about y_t / 1000 each), so it
            // runs up to a few percent above S / (n - k + 1) on series with a high level (co2).
            Assert.Equal(reference.Number("sigma2"), fit.Sigma2, 5e-2 * reference.Number("sigma2"));
            // The criteria's penalties (k, n) are R's: AICc + 2 log L and BIC + 2 log L agree exactly.
            Assert.Equal(reference.Number("aicc") + 2 * rLogLik, fit.Aicc + 2 * fit.LogLikelihood, 1e-6);
            Assert.Equal(reference.Number("bic") + 2 * rLogLik, fit.Bic + 2 * fit.LogLikelihood, 1e-6);
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
            Assert.Equal(coef.Number($"{prefix}{i + 1}"), actual[i], 5e-3);
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
            // Interval half-widths within 3% of R's (sigma2 as above).
            double half80 = mean[h] - reference.GetProperty("lower80").Numbers()[h];
            double half95 = reference.GetProperty("upper95").Numbers()[h] - mean[h];
            Assert.Equal(half80, forecast.Mean[h] - forecast.IntervalAt(0.8).Lower[h], 3e-2 * half80 + 1e-3 * scale);
            Assert.Equal(half95, forecast.IntervalAt(0.95).Upper[h] - forecast.Mean[h], 3e-2 * half95 + 1e-3 * scale);
        }
    }
}
