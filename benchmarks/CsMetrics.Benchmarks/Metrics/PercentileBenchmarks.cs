using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>p50/p90/p95 of response times: one pooled sort against LINQ OrderBy per percentile, and the streaming sketch.</summary>
[MemoryDiagnoser]
public class PercentileBenchmarks
{
    private static readonly double[] s_levels = [0.5, 0.9, 0.95];
    private readonly double[] _destination = new double[3];
    private double[] _seconds = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000, 100_000_000);

    [GlobalSetup]
    public void Setup() => _seconds = BenchmarkData.Seconds(N, 3600, 5);

    [Benchmark(Baseline = true)]
    public double LinqOrderByPercentiles()
    {
        double sum = 0;
        foreach (double q in s_levels)
        {
            var sorted = _seconds.OrderBy(s => s).ToArray();
            sum += sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
        }
        return sum;
    }

    [Benchmark]
    public double PercentileCompute()
    {
        Percentile.Compute(_seconds, s_levels, _destination, PercentileMethod.NearestRank);
        return _destination[0] + _destination[1] + _destination[2];
    }

    [Benchmark]
    public double QuantileSketchAdd()
    {
        var sketch = new QuantileSketch(0.01);
        sketch.Add(_seconds);
        return sketch.Quantile(0.5) + sketch.Quantile(0.9) + sketch.Quantile(0.95);
    }
}
