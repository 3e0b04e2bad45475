using BenchmarkDotNet.Attributes;
using CsMetrics.Scheduling;

namespace CsMetrics.Benchmarks.Scheduling;

/// <summary>
/// The root LP (bounded dual simplex, the proof's first step), a one-second solve (LP, dive, branch and
/// cut with the large-neighbourhood search; the solver uses all the time it is given unless it proves
/// optimality first) on the reference instances, beside a naive greedy covering heuristic (the
/// interval-by-interval "add the cheapest shift that covers the first short interval" rule many
/// spreadsheets use). Costs and gaps against SCIP, CP-SAT and CBC are in the scheduling docs, measured
/// by benchmarks/CsMetrics.Peers.
/// </summary>
[MemoryDiagnoser]
public class ShiftSchedulerBenchmarks
{
    private ScheduleProblem _problem = null!;
    private ShiftColumns _columns = null!;

    public static IEnumerable<string> Instances => BenchmarkSizes.Smoke
        ? ["week30_nobreaks_hard"]
        : ["week30_nobreaks_hard", "week30_breaks_soft", "day15_breaks_soft"];

    [ParamsSource(nameof(Instances))]
    public string Instance { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _problem = ScheduleInstances.Get(Instance);
        _columns = new ShiftColumns(_problem);
        // The quality beside the speed: compare with CBC's cost in tests/CsMetrics.Tests/Reference/scheduling/.
        var solution = ShiftScheduler.Solve(_problem, OneSecond);
        Console.WriteLine($"// {Instance}: solver {solution.Status} cost {solution.Cost:0.##} bound {solution.LowerBound:0.##}; naive greedy cost {NaiveGreedy.Cost(_problem, _columns):0.##}");
    }

    private static readonly ScheduleSolverOptions OneSecond = new() { TimeLimit = TimeSpan.FromSeconds(1) };

    [Benchmark]
    public double RootLp()
    {
        var lp = new CoveringLp(_columns);
        lp.Solve(CancellationToken.None, long.MaxValue);
        return lp.LagrangianBound();
    }

    [Benchmark]
    public double ShiftSchedulerSolveOneSecond() => ShiftScheduler.Solve(_problem, OneSecond).Cost;

    [Benchmark(Baseline = true)]
    public double NaiveGreedyCovering() => NaiveGreedy.Cost(_problem, _columns);
}

/// <summary>
/// The baseline: walk the intervals in order; while one is short, add the shift that covers it with the
/// lowest cost per interval it covers from there on. No bound, no improvement step.
/// </summary>
internal static class NaiveGreedy
{
    public static double Cost(ScheduleProblem problem, ShiftColumns columns)
    {
        var coverage = new int[problem.IntervalCount];
        var counts = new int[columns.Count];
        for (int i = 0; i < coverage.Length; i++)
        {
            while (coverage[i] < problem.Requirements[i])
            {
                int best = -1;
                double bestRatio = double.PositiveInfinity;
                for (int c = 0; c < columns.Count; c++)
                {
                    var rows = columns.RowsOf(c);
                    if (rows.IndexOf(i) < 0)
                    {
                        continue;
                    }
                    int ahead = 0;
                    foreach (int row in rows)
                    {
                        ahead += row >= i ? 1 : 0;
                    }
                    double ratio = columns.Cost[c] / ahead;
                    if (ratio < bestRatio)
                    {
                        bestRatio = ratio;
                        best = c;
                    }
                }
                if (best < 0)
                {
                    break;
                }
                counts[best]++;
                var covered = columns.RowsOf(best);
                var weights = columns.WeightsOf(best);
                for (int k = 0; k < covered.Length; k++)
                {
                    coverage[covered[k]] += weights[k];
                }
            }
        }
        var shifts = Enumerable.Range(0, columns.Count).Where(c => counts[c] > 0).Select(c => columns.ToShift(c, counts[c])).ToList();
        problem.Coverage(shifts, coverage);
        return problem.CostOf(shifts, coverage);
    }
}
