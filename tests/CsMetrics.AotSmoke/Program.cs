// Exercises the library under Native AOT. Every module adds a call here as it lands.
// Forecasting (intraday): a double-seasonal fit with simulated intervals, and the accuracy measures.
var intraday = Enumerable.Range(0, 2 * 336).Select(t => 100 + 40 * Math.Sin(2 * Math.PI * (t % 48) / 48) + (t % 336) / 48).ToArray();
var dshw = CsMetrics.Forecasting.DoubleSeasonalHoltWinters.Fit(intraday, 48, 336, maxEvaluations: 200);
var dshwForecast = dshw.Forecast(48, [80, 95], paths: 200, seed: 1);
var accuracy = CsMetrics.Forecasting.ForecastAccuracy.Measure(intraday.AsSpan(0, 48), dshwForecast.Mean.ToArray(), intraday, 336);
if (!double.IsFinite(dshw.MeanSquaredError) || !double.IsFinite(accuracy.MeanAbsoluteError))
{
    Console.WriteLine("Forecasting (intraday) failed");
    return 1;
}
Console.WriteLine("OK");
return 0;
