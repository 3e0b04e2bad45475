using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

/// <summary>
/// The accumulator redesign of issue 12 (trap 2) side by side with the 0.1.0 mutable structs it replaces: contact
/// records grouped by 16 queues, one add per record (the pipeline's hot loop), by array slot and by dictionary key,
/// then whole-span adds. Every path allocates nothing; the ratios say what the class (a reference per group, which
/// cannot be copied out of a collection by mistake) costs per record.
/// </summary>
[MemoryDiagnoser]
public class AccumulatorBenchmarks
{
    private const int Groups = 16;
    private byte[] _scores = [];
    private int[] _queue = [];
    private double[] _waits = [];
    private bool[] _answered = [];
    private readonly LegacyNpsAccumulator[] _legacyNps = new LegacyNpsAccumulator[Groups];
    private readonly NpsAccumulator[] _nps = new NpsAccumulator[Groups];
    private readonly Dictionary<int, LegacyNpsAccumulator> _legacyNpsByKey = [];
    private readonly Dictionary<int, NpsAccumulator> _npsByKey = [];
    private readonly LegacyQueueAccumulator[] _legacyQueue = new LegacyQueueAccumulator[Groups];
    private readonly QueueAccumulator[] _queues = new QueueAccumulator[Groups];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _scores = BenchmarkData.Scores(N, 0, 10);
        _queue = BenchmarkData.Scores(N, 0, Groups - 1, seed: 7).Select(b => (int)b).ToArray();
        _waits = BenchmarkData.Seconds(N, 60, 4);
        _answered = BenchmarkData.Scores(N, 0, 9, seed: 9).Select(b => b != 0).ToArray();
        for (int g = 0; g < Groups; g++)
        {
            _legacyNps[g] = new LegacyNpsAccumulator(NpsScale.Standard);
            _nps[g] = new NpsAccumulator();
            _legacyNpsByKey[g] = new LegacyNpsAccumulator(NpsScale.Standard);
            _npsByKey[g] = new NpsAccumulator();
            _legacyQueue[g] = new LegacyQueueAccumulator(20);
            _queues[g] = new QueueAccumulator(20);
        }
    }

    /// <summary>The baseline: one add per record into a struct in an array slot (the struct's one correct in-place idiom).</summary>
    [Benchmark(Baseline = true)]
    public long LegacyStructNpsPerRecord()
    {
        for (int i = 0; i < _scores.Length; i++)
        {
            _legacyNps[_queue[i]].Add(_scores[i]);
        }
        return _legacyNps[0].Count;
    }

    [Benchmark]
    public long ClassNpsPerRecord()
    {
        for (int i = 0; i < _scores.Length; i++)
        {
            _nps[_queue[i]].Add(_scores[i]);
        }
        return _nps[0].Count;
    }

    /// <summary>The struct by key needs <c>CollectionsMarshal.GetValueRefOrNullRef</c> to add in place (the indexer adds to a copy).</summary>
    [Benchmark]
    public long LegacyStructNpsByKeyWithRef()
    {
        for (int i = 0; i < _scores.Length; i++)
        {
            CollectionsMarshal.GetValueRefOrNullRef(_legacyNpsByKey, _queue[i]).Add(_scores[i]);
        }
        return _legacyNpsByKey[0].Count;
    }

    /// <summary>The class by key: the plain indexer is right.</summary>
    [Benchmark]
    public long ClassNpsByKey()
    {
        for (int i = 0; i < _scores.Length; i++)
        {
            _npsByKey[_queue[i]].Add(_scores[i]);
        }
        return _npsByKey[0].Count;
    }

    [Benchmark]
    public long LegacyStructNpsSpan()
    {
        _legacyNps[1].Add(_scores);
        return _legacyNps[1].Count;
    }

    [Benchmark]
    public long ClassNpsSpan()
    {
        _nps[1].Add(_scores);
        return _nps[1].Count;
    }

    [Benchmark]
    public long LegacyStructQueuePerRecord()
    {
        for (int i = 0; i < _waits.Length; i++)
        {
            _legacyQueue[_queue[i]].Add(_waits[i], _answered[i]);
        }
        return _legacyQueue[0].Offered;
    }

    [Benchmark]
    public long ClassQueuePerRecord()
    {
        for (int i = 0; i < _waits.Length; i++)
        {
            _queues[_queue[i]].Add(_waits[i], _answered[i]);
        }
        return _queues[0].Counts.Offered;
    }
}
