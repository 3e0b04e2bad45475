using CsMetrics.Forecasting;
using Xunit;

namespace CsMetrics.Tests.Forecasting;

public class ForecastModelInterfaceTests
{
    [Fact]
    public void EtsFitThroughTheInterfaceForecastsAsTheDirectCall()
    {
        double[] y = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17, 16, 18];
        EtsFit fit = Ets.Fit(y, new EtsSpecification(EtsError.Additive, EtsTrend.Additive, EtsSeason.None, 1));
        IForecastModel model = fit;
        Assert.Equal("ETS", model.Family);
        Assert.Equal("ETS(A,A,N)", model.Name);
        Assert.Equal(1, model.SeasonLength);
        Forecast viaInterface = model.Forecast(4, [0.8, 0.95]);
        Forecast direct = fit.Forecast(4, 0.8, 0.95);
        Assert.Equal(direct, viaInterface);
        Assert.Throws<OperationCanceledException>(() => model.Forecast(4, [0.8], new CancellationToken(true)));
    }
}
