using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// ETS(A,A,A) fits of the 1,000 random monthly series (n = 120, m = 12) R was timed on (91-102 ms of
/// CPU per fit there, about 95 s in a loop): a sequential loop against the parallel batch.
/// </summary>
[MemoryDiagnoser]
public class EtsBatchBenchmarks
{
    private static readonly EtsSpecification s_model = EtsSpecification.Parse("AAA", 12);
    private double[][] _series = [];

    [ParamsSource(nameof(Counts))]
    public int Series { get; set; }

    public static IEnumerable<int> Counts => BenchmarkSizes.Smoke ? [20] : BenchmarkSizes.Of(1_000);

    [GlobalSetup]
    public void Setup() => _series = EtsBenchmarkData.Random1000().Take(Series).ToArray();

    [Benchmark(Baseline = true)]
    public double SequentialLoop()
    {
        double total = 0;
        foreach (var series in _series)
        {
            total += Ets.Fit(series, s_model).LogLikelihood;
        }
        return total;
    }

    [Benchmark]
    public double ParallelBatch() => Ets.FitMany(_series, 12, s_model).Sum(r => r.Fit!.LogLikelihood);
}
