using System.Globalization;
using CsMetrics.Scheduling;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Scheduling;

/// <summary>Branch and cut and the search over the time limit: proofs, bounds, determinism, monotonicity in time, cancellation.</summary>
public partial class ShiftSchedulerTests
{
    [Property(MaxTest = 10)]
    public void Cyclic_days_with_breaks_are_proven_optimal_at_the_brute_force_optimum(int seed)
    {
        // A cyclic day: shifts that cross midnight wrap to its start.
        var problem = ScheduleOracle.RandomProblem(seed, breaks: true, soft: true, cyclic: true, hours: 24);
        var reduced = new ScheduleProblem(60, problem.Requirements.Select((r, i) => i < 8 || i >= 20 ? r : 0), problem.Templates.Select(t =>
            new ShiftTemplate(t.Name, t.LengthMinutes, 1200 + t.EarliestStartMinute, 1200 + t.EarliestStartMinute + Math.Min(60, t.LatestStartMinute - t.EarliestStartMinute), 60, t.Cost, breaks: t.Breaks)),
            cyclic: true, understaffCost: problem.UnderstaffCost, overstaffCost: problem.OverstaffCost);
        var solution = ShiftScheduler.Solve(reduced, Quick);
        double optimum = ScheduleOracle.BruteForceOptimum(reduced, maxPerShift: 2);
        Assert.Equal(ScheduleStatus.Optimal, solution.Status);
        Assert.Equal(optimum, solution.Cost, 9);
    }

    [Property(MaxTest = 20)]
    public void Capped_templates_with_breaks_are_proven_optimal_at_the_brute_force_optimum(int seed, bool soft)
    {
        // Caps of one or two agents per template and day bind on these requirements (up to 2 an hour), so
        // the cap rows, the cuts over them and reduced-cost fixing all take part in the proof.
        var random = new Random(seed);
        var problem = ScheduleOracle.RandomProblem(seed, breaks: true, soft: soft, hours: 6);
        var capped = new ScheduleProblem(problem.IntervalMinutes, problem.Requirements, problem.Templates.Select(t =>
            new ShiftTemplate(t.Name, t.LengthMinutes, t.EarliestStartMinute, t.LatestStartMinute, t.StartStepMinutes, t.Cost,
                maxAgents: random.Next(3) == 0 ? null : 1 + random.Next(2), breaks: t.Breaks)),
            problem.Cyclic, problem.UnderstaffCost, problem.OverstaffCost);
        var solution = ShiftScheduler.Solve(capped, Quick);
        double optimum = ScheduleOracle.BruteForceOptimum(capped, maxPerShift: 2);
        if (double.IsPositiveInfinity(optimum))
        {
            Assert.Equal(ScheduleStatus.Infeasible, solution.Status);
            return;
        }
        Assert.Equal(ScheduleStatus.Optimal, solution.Status);
        Assert.Equal(optimum, solution.Cost, 9);
        Assert.True(solution.LowerBound <= optimum + 1e-9, $"bound {solution.LowerBound} above the optimum {optimum}");
    }

    public static TheoryData<string, double, bool> ReferenceBestCosts()
    {
        var data = new TheoryData<string, double, bool>();
        foreach (var name in new[] { "week30_nobreaks_hard", "week30_breaks_soft", "day15_breaks_soft" })
        {
            using var optimum = ReferenceData.ReadJson($"scheduling/{name}.optimum.json");
            data.Add(name, optimum.RootElement.GetProperty("cost").GetDouble(), optimum.RootElement.GetProperty("status").GetString() == "optimal");
        }
        foreach (var row in ReferenceData.ReadCsv("scheduling/large/best_known.csv"))
        {
            data.Add("large/" + row["instance"], double.Parse(row["best_cost"], CultureInfo.InvariantCulture), false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceBestCosts))]
    public void The_bound_never_exceeds_the_optimum_on_a_reference_instance(string name, double bestKnown, bool proven)
    {
        // The optimum is at most the best known cost (equal when proven), so a valid bound is at most it.
        var document = ScheduleJson.ParseProblem(ReferenceData.ReadText($"scheduling/{name}.json"));
        var solution = ShiftScheduler.Solve(document.Problem!, document.Options with { TimeLimit = TimeSpan.FromSeconds(2) });
        Assert.True(solution.LowerBound <= bestKnown * (1 + 1e-12), $"bound {solution.LowerBound} above the best known cost {bestKnown}");
        Assert.True(solution.LowerBound <= solution.Cost);
        Assert.Equal(ScheduleOracle.Cost(document.Problem!, solution.Shifts), solution.Cost, 6);
        if (proven)
        {
            Assert.Equal(ScheduleStatus.Optimal, solution.Status);
            Assert.Equal(bestKnown, solution.Cost, 6);
        }
    }

    [Fact]
    public void A_proof_is_deterministic_for_a_seed()
    {
        var problem = ScheduleOracle.RandomProblem(21, breaks: true, soft: true, hours: 20);
        var options = new ScheduleSolverOptions { TimeLimit = TimeSpan.FromMinutes(5), Seed = 5 };
        var first = ShiftScheduler.Solve(problem, options);
        var second = ShiftScheduler.Solve(problem, options);
        Assert.Equal(ScheduleStatus.Optimal, first.Status);
        Assert.Equal(ScheduleJson.ToJson(first), ScheduleJson.ToJson(second));
        Assert.Equal(first.Shifts, second.Shifts);
    }

    [Fact]
    public void A_search_cut_short_by_a_node_limit_is_deterministic_for_a_seed()
    {
        var problem = ScheduleJson.ParseProblem(ReferenceData.ReadText("scheduling/week30_breaks_soft.json")).Problem!;
        var options = new ScheduleSolverOptions { TimeLimit = TimeSpan.FromMinutes(5), Seed = 3, NodeLimit = 10 };
        var first = ShiftScheduler.Solve(problem, options);
        var second = ShiftScheduler.Solve(problem, options);
        Assert.Equal(ScheduleJson.ToJson(first), ScheduleJson.ToJson(second));
    }

    [Fact]
    public void More_time_never_gives_a_worse_schedule_or_a_weaker_bound()
    {
        // The search is one sequence of work for a seed and time only cuts it; node limits cut it at
        // fixed points, so the comparison does not depend on the machine's load.
        var problem = ScheduleJson.ParseProblem(ReferenceData.ReadText("scheduling/day15_breaks_soft.json")).Problem!;
        ScheduleSolution After(int nodes) => ShiftScheduler.Solve(problem, new ScheduleSolverOptions { TimeLimit = TimeSpan.FromMinutes(5), NodeLimit = nodes });
        var (none, shorter, longer) = (After(0), After(10), After(40));
        Assert.True(shorter.Cost <= none.Cost + 1e-9 && longer.Cost <= shorter.Cost + 1e-9, $"{none.Cost}, {shorter.Cost}, {longer.Cost}");
        Assert.True(shorter.LowerBound >= none.LowerBound - 1e-9 && longer.LowerBound >= shorter.LowerBound - 1e-9,
            $"bounds {none.LowerBound}, {shorter.LowerBound}, {longer.LowerBound}");
    }

    [Fact]
    public void The_bound_is_never_weaker_than_the_LP_relaxation()
    {
        // The LP optimum of day15_breaks_soft, rounded up to its 0.01 cost grid (every cost is a multiple of 0.01), is 280.17.
        var problem = ScheduleJson.ParseProblem(ReferenceData.ReadText("scheduling/day15_breaks_soft.json")).Problem!;
        var solution = ShiftScheduler.Solve(problem, new ScheduleSolverOptions { TimeLimit = TimeSpan.FromMinutes(5), NodeLimit = 0 });
        Assert.True(solution.LowerBound >= 280.17 - 1e-9, $"bound {solution.LowerBound}");
    }

    [Fact]
    public void Cancelling_mid_solve_returns_the_incumbent_with_a_valid_bound()
    {
        var document = ScheduleJson.ParseProblem(ReferenceData.ReadText("scheduling/week30_breaks_soft.json"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
        var solution = ShiftScheduler.Solve(document.Problem!, document.Options with { TimeLimit = TimeSpan.FromMinutes(10) }, cancellationToken: cancel.Token);
        Assert.NotEqual(ScheduleStatus.Infeasible, solution.Status);
        Assert.True(solution.LowerBound <= 1728.2 + 1e-9);
        Assert.Equal(ScheduleOracle.Cost(document.Problem!, solution.Shifts), solution.Cost, 6);
    }
}
