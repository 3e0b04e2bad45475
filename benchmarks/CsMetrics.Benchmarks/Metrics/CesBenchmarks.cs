using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>CES 2.0 (mean, agree share, net index) over 1–7 byte scores against LINQ.</summary>
[MemoryDiagnoser]
public class CesBenchmarks
{
    private byte[] _scores = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000, 100_000_000);

    [GlobalSetup]
    public void Setup() => _scores = BenchmarkData.Scores(N, 1, 7);

    [Benchmark(Baseline = true)]
    public double LinqCes()
    {
        double n = _scores.Length;
        double mean = _scores.Average(s => (double)s);
        double agree = _scores.Count(s => s >= 5) / n;
        double net = 100 * (_scores.Count(s => s >= 6) - _scores.Count(s => s <= 3)) / n;
        return mean + agree + net;
    }

    [Benchmark]
    public double CustomerEffortCompute()
    {
        var result = CustomerEffort.Compute(_scores, CesScale.SevenPointAgreement);
        return result.Mean + result.AgreeShare + result.NetIndex;
    }
}
