using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

/// <summary>The public face of ARIMA: notation, names, validation.</summary>
public class ArimaTests
{
    [Theory]
    [InlineData(0, 1, 1, 0, 1, 1, 12, "ARIMA(0,1,1)(0,1,1)[12]")]
    [InlineData(2, 1, 1, 0, 0, 0, 12, "ARIMA(2,1,1)")]
    [InlineData(1, 0, 0, 0, 0, 0, 1, "ARIMA(1,0,0)")]
    [InlineData(0, 0, 2, 1, 1, 1, 4, "ARIMA(0,0,2)(1,1,1)[4]")]
    public void Order_PrintsRsNotation(int p, int d, int q, int sp, int sd, int sq, int m, string expected) =>
        Assert.Equal(expected, new ArimaOrder(p, d, q, sp, sd, sq, m).ToString());

    [Fact]
    public void Fit_IsAnIForecastModelNamedAsR()
    {
        var y = EtsOracle.Series("AirPassengers");
        IForecastModel model = Arima.Fit(y, ArimaOrder.NonSeasonal(1, 1, 1), new ArimaOptions { IncludeDrift = true });
        Assert.Equal("ARIMA", model.Family);
        Assert.Equal("ARIMA(1,1,1) with drift", model.Name);
        Assert.Equal(1, model.SeasonLength);
        Assert.Equal(5, model.Forecast(5, [0.9]).Horizon);
        Assert.Equal("ARIMA(1,0,0) with non-zero mean", Arima.Fit(y, ArimaOrder.NonSeasonal(1, 0, 0)).Name);
        Assert.Equal("ARIMA(1,0,0) with zero mean", Arima.Fit(y, ArimaOrder.NonSeasonal(1, 0, 0), new ArimaOptions { IncludeMean = false }).Name);
    }

    [Fact]
    public void BadInput_ThrowsNamingTheParameter()
    {
        var y = EtsOracle.Series("AirPassengers");
        var nan = (double[])y.Clone();
        nan[7] = double.NaN;
        var e1 = Assert.Throws<ArgumentException>(() => Arima.Fit(nan, ArimaOrder.NonSeasonal(1, 0, 0)));
        Assert.Equal("values", e1.ParamName);
        Assert.Contains("values[7]", e1.Message);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => Arima.Fit(y, ArimaOrder.NonSeasonal(-1, 0, 0))).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => Arima.Fit(y, new ArimaOrder(0, 0, 0, 1, 0, 0, 1))).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() =>
            Arima.Fit(y, new ArimaOrder(0, 1, 1, 0, 1, 1, 12), new ArimaOptions { IncludeDrift = true })).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Arima.Fit(y.AsSpan(0, 14), new ArimaOrder(1, 1, 1, 0, 1, 0, 12))).ParamName);
        Assert.Equal("MaxP", Assert.Throws<ArgumentOutOfRangeException>(() => new ArimaOptions { MaxP = -1 }.Validate()).ParamName);
        var fit = Arima.Fit(y, ArimaOrder.NonSeasonal(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(0, [0.9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(3, [95]));
        Assert.Throws<OperationCanceledException>(() => Arima.FitAuto(y, 12, cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void ConstantSeries_FitsWithoutNaN()
    {
        var y = Enumerable.Repeat(5.0, 40).ToArray();
        var fit = Arima.FitAuto(y, 1);
        var forecast = fit.Forecast(3, [0.9]);
        Assert.All(forecast.Mean, m => Assert.Equal(5.0, m, 1e-9));
    }
}
