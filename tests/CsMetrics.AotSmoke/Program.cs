// Exercises the library under Native AOT. Every module adds a call here as it lands.
using CsMetrics.Forecasting;

var seasonal = Enumerable.Range(0, 48).Select(t => 100 + t + 10 * Math.Sin(2 * Math.PI * t / 12)).ToArray();
var ets = Ets.FitAuto(seasonal, 12);
var etsForecast = ets.Forecast(6, 80, 95);
var holtWinters = HoltWinters.Fit(seasonal, 12, HoltWintersSeasonality.Additive);
if (!double.IsFinite(etsForecast.Mean[0]) || !double.IsFinite(holtWinters.SumSquaredErrors))
{
    Console.WriteLine("forecasting failed");
    return 1;
}

Console.WriteLine("OK");
return 0;
