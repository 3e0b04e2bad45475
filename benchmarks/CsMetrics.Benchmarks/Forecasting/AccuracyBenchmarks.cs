using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>All five accuracy measures (MAE, RMSE, MAPE, sMAPE, MASE) over a forecast and its actuals.</summary>
[MemoryDiagnoser]
public class AccuracyBenchmarks
{
    private double[] _actual = [];
    private double[] _forecast = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(10_000, 1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _actual = Enumerable.Range(0, Size).Select(i => 100 + 50 * Math.Sin(i / 7.0) + random.NextDouble()).ToArray();
        _forecast = _actual.Select(v => v + random.NextDouble() - 0.5).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double LinqMeasures()
    {
        var errors = _actual.Zip(_forecast, (a, f) => a - f).ToArray();
        double mae = errors.Average(Math.Abs);
        double rmse = Math.Sqrt(errors.Average(e => e * e));
        double mape = 100 * _actual.Zip(errors, (a, e) => Math.Abs(e / a)).Average();
        double smape = 100 * _actual.Zip(_forecast, (a, f) => 2 * Math.Abs(a - f) / (Math.Abs(a) + Math.Abs(f))).Average();
        double scale = _actual.Skip(7).Zip(_actual, (a, b) => Math.Abs(a - b)).Average();
        return mae + rmse + mape + smape + mae / scale;
    }

    [Benchmark]
    public double SpanMeasures()
    {
        var report = ForecastAccuracy.Measure(_actual, _forecast, _actual, 7);
        return report.MeanAbsoluteError + report.RootMeanSquaredError + report.MeanAbsolutePercentageError
            + report.SymmetricMeanAbsolutePercentageError + report.MeanAbsoluteScaledError;
    }
}
