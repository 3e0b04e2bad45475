// Intraday forecasting in CsMetrics: fit Taylor's double-seasonal Holt-Winters to 8 weeks of
// half-hourly volumes with closed nights, forecast next week with intervals, and back-test it
// against the baselines. Run from the repository root:
//   dotnet run docs/examples/forecasting-intraday.cs
#:project ../../src/CsMetrics/CsMetrics.csproj
using CsMetrics.Forecasting;

// 8 weeks x 336 half-hours from Monday 00:00: open 07:00-21:00, a daily shape, quieter weekends, noise.
var random = new Random(7);
var history = new double[8 * 336];
for (int t = 0; t < history.Length; t++)
{
    int day = t / 48 % 7, slot = t % 48;
    bool isOpen = slot >= 14 && slot < 42;
    double shape = 1 + 0.6 * Math.Sin(Math.PI * (slot - 14) / 28);
    double weekday = day < 5 ? 1.0 : 0.5;
    history[t] = isOpen ? Math.Round(120 * shape * weekday * (1 + 0.1 * (random.NextDouble() - 0.5))) : 0;
}
var open = OpenHoursMask.Detect(history, 336);
Console.WriteLine(open);

var result = DoubleSeasonalHoltWinters.FitAndForecast(history, 48, 336, horizon: 336, levels: [0.8, 0.95],
    options: new DoubleSeasonalOptions { OpenHours = open });
Console.WriteLine(result.Model);
Console.WriteLine($"Monday 10:00 next week: {result.Forecast.Mean[20]:F1} calls, 95% [{result.Forecast.IntervalAt(0.95).Lower[20]:F1}, {result.Forecast.IntervalAt(0.95).Upper[20]:F1}], variance {result.Forecast.Variance[20]:F1}");

var table = RollingOriginBacktest.Compare(history, new Dictionary<string, Func<double[], int, Forecast>>
{
    ["DSHW"] = (h, n) => DoubleSeasonalHoltWinters.FitAndForecast(h, 48, 336, n, options: new DoubleSeasonalOptions { OpenHours = OpenHoursMask.Detect(h, 336) }, paths: 200).Forecast,
    ["seasonal naive (week)"] = (h, n) => SeasonalNaive.Forecast(h, 336, n),
    ["historical average"] = (h, n) => HistoricalAverage.Forecast(h, 336, n),
    ["daily x profile"] = (h, n) => DailyProfileForecaster.Forecast(h, 48, n).Forecast,
}, firstOrigin: 4 * 336, horizon: 48, seasonLength: 336, step: 48 * 7);
Console.WriteLine("Day-ahead back-test, weekly origins:");
Console.Write(table);
