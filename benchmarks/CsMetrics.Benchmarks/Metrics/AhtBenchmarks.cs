using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>AHT from talk, hold and wrap columns of doubles: the vectorised, validating sums against LINQ averages.</summary>
[MemoryDiagnoser]
public class AhtBenchmarks
{
    private double[] _talk = [], _hold = [], _wrap = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000, 100_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _talk = BenchmarkData.Seconds(N, 600, 1);
        _hold = BenchmarkData.Seconds(N, 60, 2);
        _wrap = BenchmarkData.Seconds(N, 120, 3);
    }

    /// <summary>The baseline: three LINQ averages (each a vectorised BCL sum over a double[]).</summary>
    [Benchmark(Baseline = true)]
    public double LinqAht() => _talk.Average() + _hold.Average() + _wrap.Average();

    /// <summary>The per-contact LINQ formulation: the mean of talk + hold + wrap per contact.</summary>
    [Benchmark]
    public double LinqPerContactAht() => _talk.Zip(_hold, _wrap).Average(c => c.First + c.Second + c.Third);

    [Benchmark]
    public double AverageHandleTimeCompute() => AverageHandleTime.Compute(_talk, _hold, _wrap).AverageSeconds;
}
