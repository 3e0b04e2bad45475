using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsMetrics.Forecasting;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// The held-out evaluation of docs/forecasting.md: every series of benchmarks/holdout (R's datasets and forecast
/// packages, and constructed contact-centre dailies) fitted on all but its last two seasons (6 points for annual
/// data) and scored on them by MASE, sMAPE, 95% coverage and MSIS, beside R's ets, auto.arima and thetaf scores
/// from holdout.R. Run: <c>dotnet run -c Release --project benchmarks/CsMetrics.Benchmarks -- --holdout benchmarks/holdout</c>.
/// </summary>
internal static class HoldoutEvaluation
{
    private sealed record Score(double Mase, double Smape, double Coverage, double Msis);

    public static int Run(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        using var r = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "r_scores.json")));
        var entries = manifest.RootElement.GetProperty("series").EnumerateArray()
            .Select(e => (Name: e.GetProperty("series").GetString()!, M: e.GetProperty("m").GetInt32(), H: e.GetProperty("h").GetInt32())).ToArray();
        string[] ours = ["ETS", "ARIMA", "Theta", "Combination", "Combination, calibrated", "auto"];
        string[] theirs = ["ets", "auto.arima", "thetaf"];
        var scores = new Score?[entries.Length, ours.Length];
        var chosen = new string[entries.Length];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, entries.Length, i =>
        {
            var (name, m, h) = entries[i];
            var values = File.ReadAllLines(Path.Combine(folder, "data", name + ".csv")).Skip(1)
                .Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();
            var train = values[..^h];
            var test = values[^h..];
            var options = new ForecastModelOptions { Horizon = h };
            for (int k = 0; k < ours.Length; k++)
            {
                try
                {
                    IForecastModel model = k switch
                    {
                        0 => Ets.FitAuto(train, m),
                        1 => Arima.FitAuto(train, m),
                        2 => Theta.Fit(train, m),
                        3 => ForecastModels.Fit(train, m, ForecastFamily.Combination),
                        4 => ForecastModels.FitAuto(train, m, options with { Candidates = [ForecastFamily.Combination] }).Model,
                        _ => Auto(train, m, options, out chosen[i]),
                    };
                    scores[i, k] = Measure(model.Forecast(h, [0.95]), test, train, m);
                }
                catch (ArgumentException ex)
                {
                    Console.Error.WriteLine($"{name} {ours[k]}: {ex.Message}");
                }
            }
        });
        double seconds = clock.Elapsed.TotalSeconds;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{entries.Length} series; ours in {seconds:F1} s wall on {Environment.ProcessorCount} cores");
        text.AppendLine("| method | mean MASE | median MASE | mean sMAPE % | mean 95% coverage % | mean MSIS | series |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (method, k) in theirs.Select((t, k) => (t, k)))
        {
            var rows = entries.Select(e => r.RootElement.GetProperty(e.Name).GetProperty(method))
                .Select(x => new Score(x.GetProperty("mase").GetDouble(), x.GetProperty("smape").GetDouble(), x.GetProperty("coverage95").GetDouble(), x.GetProperty("msis").GetDouble()))
                .ToArray();
            Row(text, "R " + method, rows);
        }
        for (int k = 0; k < ours.Length; k++)
        {
            Row(text, ours[k], Enumerable.Range(0, entries.Length).Select(i => scores[i, k]).Where(s => s is not null).Select(s => s!).ToArray());
        }
        text.AppendLine();
        text.AppendLine("| series | m | h | R auto.arima MASE | R ets MASE | ETS | ARIMA | Theta | Combination | auto (chosen) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            var rr = r.RootElement.GetProperty(e.Name);
            string Cell(int k) => scores[i, k] is { } s ? s.Mase.ToString("F3", CultureInfo.InvariantCulture) : "failed";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {e.Name} | {e.M} | {e.H} | {rr.GetProperty("auto.arima").GetProperty("mase").GetDouble():F3} | {rr.GetProperty("ets").GetProperty("mase").GetDouble():F3} | {Cell(0)} | {Cell(1)} | {Cell(2)} | {Cell(3)} | {Cell(5)} ({chosen[i]}) |");
        }
        Console.Write(text.ToString());
        return 0;
    }

    private static IForecastModel Auto(double[] train, int m, ForecastModelOptions options, out string chosen)
    {
        var selection = ForecastModels.FitAuto(train, m, options);
        chosen = selection.Family.ToString();
        return selection.Model;
    }

    private static Score Measure(Forecast forecast, double[] test, double[] train, int m)
    {
        var mean = forecast.Mean.ToArray();
        var interval = forecast.IntervalAt(0.95);
        return new Score(
            ForecastAccuracy.MeanAbsoluteScaledError(test, mean, train, m),
            ForecastAccuracy.SymmetricMeanAbsolutePercentageError(test, mean),
            ForecastAccuracy.Coverage(test, interval.Lower.ToArray(), interval.Upper.ToArray()),
            ForecastAccuracy.MeanScaledIntervalScore(test, interval.Lower.ToArray(), interval.Upper.ToArray(), train, m, 0.95));
    }

    private static void Row(StringBuilder text, string method, Score[] rows)
    {
        var mase = rows.Select(s => s.Mase).Order().ToArray();
        double median = mase.Length == 0 ? double.NaN : mase.Length % 2 == 1 ? mase[mase.Length / 2] : (mase[mase.Length / 2 - 1] + mase[mase.Length / 2]) / 2;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {method} | {rows.Average(s => s.Mase):F3} | {median:F3} | {rows.Average(s => s.Smape):F2} | {100 * rows.Average(s => s.Coverage):F1} | {rows.Average(s => s.Msis):F2} | {rows.Length} |");
    }
}
