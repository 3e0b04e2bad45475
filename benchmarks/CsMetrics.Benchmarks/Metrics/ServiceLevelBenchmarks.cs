using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>Service level (20 s, abandons counted as missed) and ASA from per-contact waits against LINQ.</summary>
[MemoryDiagnoser]
public class ServiceLevelBenchmarks
{
    private double[] _waits = [];
    private bool[] _answered = [];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000, 100_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _waits = BenchmarkData.Seconds(N, 60, 4);
        _answered = BenchmarkData.Scores(N, 0, 9).Select(b => b != 0).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double LinqServiceLevel()
    {
        var contacts = _waits.Zip(_answered);
        double met = contacts.Count(c => c.Second && c.First <= 20);
        double asa = contacts.Where(c => c.Second).Average(c => c.First);
        return met / _waits.Length + asa;
    }

    /// <summary>Service level and ASA in one pass of the allocation-free queue kernel (what <c>QueueAccumulator.Add(span, span)</c> runs).</summary>
    [Benchmark]
    public double QueueTallyOf()
    {
        var queue = QueueTally.Of(_waits, _answered, 20);
        return queue.ServiceLevel(AbandonPolicy.CountedAsMissed).Value + queue.AverageSpeedOfAnswer.MeanSeconds;
    }
}
