using CsMetrics.Forecasting;
using Xunit.Abstractions;

namespace CsMetrics.Tests.Forecasting;

public class ArimaSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void AirlineModel()
    {
        var y = EtsOracle.Series("AirPassengers");
        var fit = Arima.Fit(y, new ArimaOrder(0, 1, 1, 0, 1, 1, 12));
        output.WriteLine(fit.ToString());
        output.WriteLine(fit.Evaluations.ToString());
        var f = fit.Forecast(3);
        output.WriteLine(f.ToString());
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var auto = Arima.FitAuto(y, 12);
        output.WriteLine(auto + " " + sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        auto = Arima.FitAuto(y, 12);
        output.WriteLine(auto + " " + sw.Elapsed.TotalMilliseconds);
    }
}
