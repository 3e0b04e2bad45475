using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>CSAT (top-2-box share and mean) over 1–5 byte scores: one vectorised pass against LINQ.</summary>
[MemoryDiagnoser]
public class CsatBenchmarks
{
    private byte[] _scores = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000, 100_000_000);

    [GlobalSetup]
    public void Setup() => _scores = BenchmarkData.Scores(N, 1, 5);

    [Benchmark(Baseline = true)]
    public double LinqCsat()
    {
        double satisfied = (double)_scores.Count(s => s >= 4) / _scores.Length;
        double mean = _scores.Average(s => (double)s);
        return satisfied + mean;
    }

    [Benchmark]
    public double CustomerSatisfactionCompute()
    {
        var result = CustomerSatisfaction.Compute(_scores, CsatScale.FivePoint);
        return result.SatisfiedShare + result.Mean;
    }
}
