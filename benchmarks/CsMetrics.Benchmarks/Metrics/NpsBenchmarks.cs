using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>NPS over 0–10 byte scores: the vectorised tally against two LINQ counts.</summary>
[MemoryDiagnoser]
public class NpsBenchmarks
{
    private byte[] _scores = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000, 100_000_000);

    [GlobalSetup]
    public void Setup() => _scores = BenchmarkData.Scores(N, 0, 10);

    [Benchmark(Baseline = true)]
    public double LinqNps()
    {
        double promoters = _scores.Count(s => s >= 9);
        double detractors = _scores.Count(s => s <= 6);
        return 100 * (promoters - detractors) / _scores.Length;
    }

    [Benchmark]
    public double NetPromoterScoreCompute() => NetPromoterScore.Compute(_scores).Score;
}
