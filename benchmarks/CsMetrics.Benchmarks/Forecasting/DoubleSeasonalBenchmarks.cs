using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;
using CsMetrics.Internal;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>Synthetic half-hourly call volumes: a daily and a weekly shape with noise (seeded).</summary>
internal static class IntradaySeries
{
    public static double[] HalfHourly(int weeks, int seed = 42)
    {
        var random = new Random(seed);
        var y = new double[weeks * 336];
        for (int t = 0; t < y.Length; t++)
        {
            double daily = 1 + 0.6 * Math.Sin(2 * Math.PI * (t % 48) / 48 - 1.5);
            double weekly = (t % 336) / 48 >= 5 ? 0.6 : 1.0;
            y[t] = 400 * daily * weekly * (1 + 0.05 * (random.NextDouble() - 0.5)) + 5;
        }
        return y;
    }

    /// <summary>
    /// The textbook recursion as R's dshw writes it: index vectors grown to n + period, fitted values
    /// and errors stored in new arrays, the MSE taken with LINQ. What our span kernel replaces.
    /// </summary>
    public static double AllocatingMeanSquaredError(double[] y, DoubleSeasonalParameters p, DoubleSeasonalStates states)
    {
        int n = y.Length, p1 = states.FirstSeasonIndices.Count, p2 = states.SecondSeasonIndices.Count;
        var daily = states.FirstSeasonIndices.Concat(new double[n]).ToArray();
        var weekly = states.SecondSeasonIndices.Concat(new double[n]).ToArray();
        var fitted = new double[n];
        double level = states.Level, trend = states.Trend;
        for (int t = 0; t < n; t++)
        {
            fitted[t] = (level + trend) * daily[t] * weekly[t];
            double newLevel = p.Alpha * (y[t] / (daily[t] * weekly[t])) + (1 - p.Alpha) * (level + trend);
            double newTrend = p.Beta * (newLevel - level) + (1 - p.Beta) * trend;
            daily[t + p1] = p.Gamma * (y[t] / (newLevel * weekly[t])) + (1 - p.Gamma) * daily[t];
            weekly[t + p2] = p.Omega * (y[t] / (newLevel * daily[t])) + (1 - p.Omega) * weekly[t];
            level = newLevel;
            trend = newTrend;
        }
        var errors = y.Zip(fitted, (a, f) => a - f).ToArray();
        var adjusted = errors.Select((e, t) => e - (t > 0 ? p.Phi * errors[t - 1] : 0)).ToArray();
        return adjusted.Select(e => e * e).Average();
    }
}

/// <summary>One evaluation of the DSHW least-squares objective on half-hourly data (48 x 336).</summary>
[MemoryDiagnoser]
public class DoubleSeasonalObjectiveBenchmarks
{
    private double[] _values = [];
    private DoubleSeasonalModel _model = null!;

    public static IEnumerable<int> WeekCounts => BenchmarkSizes.Of(4, 12);

    [ParamsSource(nameof(WeekCounts))]
    public int Weeks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _values = IntradaySeries.HalfHourly(Math.Min(Weeks, 12));
        _model = DoubleSeasonalHoltWinters.Fit(_values, 48, 336, new DoubleSeasonalOptions { MaxEvaluations = 200 });
    }

    [Benchmark(Baseline = true)]
    public double TextbookAllocatingRecursion() => IntradaySeries.AllocatingMeanSquaredError(_values, _model.Parameters, _model.InitialStates);

    [Benchmark]
    public double SpanObjective() =>
        DoubleSeasonalHoltWinters.SumOfSquaredErrors(_values, 48, 336, DoubleSeasonalForm.Multiplicative, _model.Parameters, _model.InitialStates);
}

/// <summary>A full DSHW fit on 4 weeks of half-hours (1,344 values); R's dshw takes about 16 s.</summary>
[MemoryDiagnoser]
public class DoubleSeasonalFitBenchmarks
{
    private double[] _values = [];
    private DoubleSeasonalStates _states = null!;

    public static IEnumerable<int> WeekCounts => BenchmarkSizes.Of(4);

    [ParamsSource(nameof(WeekCounts))]
    public int Weeks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _values = IntradaySeries.HalfHourly(Weeks);
        _states = DoubleSeasonalHoltWinters.Fit(_values, 48, 336, new DoubleSeasonalOptions { MaxEvaluations = 200 }).InitialStates;
    }

    /// <summary>
    /// The naive fit: the same bounded Nelder-Mead over the five parameters, but every evaluation runs
    /// the allocating textbook recursion.
    /// </summary>
    [Benchmark(Baseline = true)]
    public double NaiveAllocatingFit()
    {
        var result = BoundedNelderMead.Minimize(
            x => IntradaySeries.AllocatingMeanSquaredError(_values, new DoubleSeasonalParameters(x[0], x[4], x[1], x[2], x[3]), _states),
            new double[] { 0.1, 0.001, 0.001, 0, 0.01 }, [0.1, 0.1, 0.1, 0.2, 0.01], [0, 0, 0, -0.99, 0], [1, 1, 1, 0.99, 1], 3000, 1e-6);
        return result.Value;
    }

    [Benchmark]
    public double Fit() => DoubleSeasonalHoltWinters.Fit(_values, 48, 336).MeanSquaredError;

    [Benchmark]
    public double FitAndForecastOneWeekWithIntervals() =>
        DoubleSeasonalHoltWinters.FitAndForecast(_values, 48, 336, horizon: 336, paths: 2000).Forecast.Mean[0];
}
