using BenchmarkDotNet.Attributes;
using CsMetrics.Queueing;

namespace CsMetrics.Benchmarks.Queueing;

/// <summary>One staffing calculation (80% answered within 20 s, AHT 180 s) at 10, 100, 1,000 and 10,000 Erlangs.</summary>
[MemoryDiagnoser]
public class StaffingBenchmarks
{
    private static readonly StaffingTargets Targets = new() { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };

    public static IEnumerable<int> Erlangs => BenchmarkSizes.Of(10, 100, 1_000, 10_000);

    [ParamsSource(nameof(Erlangs))]
    public int Traffic { get; set; }

    [Benchmark(Baseline = true)]
    public int TextbookFactorialPowerSearch() => TextbookErlangC.RequiredAgents(Traffic, 180, 0.8, 20);

    [Benchmark]
    public int RecursionGallopBisect() => Staffing.RequiredAgents(Traffic, 180, Targets).Agents;

    [Benchmark]
    public int ErlangAWithPatience() => Staffing.RequiredAgents(Traffic, 180, Targets, patienceSeconds: 120).Agents;
}

/// <summary>A week of 336 half-hour intervals (a double-peaked day shape, 5 to 140 Erlangs), staffed interval by interval.</summary>
[MemoryDiagnoser]
public class WeekStaffingBenchmarks
{
    private static readonly StaffingTargets Targets = new() { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };
    private readonly double[] _traffic = new double[336];
    private readonly int[] _agents = new int[336];

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < _traffic.Length; i++)
        {
            double hour = i % 48 / 2.0;
            double shape = Math.Exp(-Math.Pow((hour - 10.5) / 2.5, 2)) + 0.8 * Math.Exp(-Math.Pow((hour - 15) / 2.5, 2));
            _traffic[i] = 5 + 135 * shape * (i / 48 < 5 ? 1 : 0.6);
        }
    }

    [Benchmark(Baseline = true)]
    public int TextbookFactorialPowerWeek()
    {
        int total = 0;
        foreach (double traffic in _traffic)
        {
            total += TextbookErlangC.RequiredAgents(traffic, 180, 0.8, 20);
        }
        return total;
    }

    [Benchmark]
    public int[] SpanBatchWeek()
    {
        Staffing.RequiredAgents(_traffic, 180, Targets, _agents);
        return _agents;
    }

    [Benchmark]
    public int[] ParallelBatchWeek()
    {
        Staffing.RequiredAgentsParallel(_traffic, 180, Targets, _agents);
        return _agents;
    }
}
