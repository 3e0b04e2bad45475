using System.Globalization;
using CsMetrics.Scheduling;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Scheduling;

public partial class ShiftSchedulerTests
{
    private static readonly ScheduleSolverOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(5), Seed = 1 };

    [Property(MaxTest = 25)]
    public void Without_breaks_the_cost_is_the_brute_force_optimum(int seed, bool soft)
    {
        var problem = ScheduleOracle.RandomProblem(seed, breaks: false, soft: soft);
        var solution = ShiftScheduler.Solve(problem, Quick);
        double optimum = ScheduleOracle.BruteForceOptimum(problem, maxPerShift: 2);
        if (double.IsPositiveInfinity(optimum))
        {
            Assert.Equal(ScheduleStatus.Infeasible, solution.Status);
            return;
        }
        Assert.Equal(optimum, solution.Cost, 9);
        Assert.True(solution.LowerBound <= optimum + 1e-9, $"bound {solution.LowerBound} above the optimum {optimum}");
    }

    [Property(MaxTest = 25)]
    public void With_breaks_small_problems_are_proven_optimal_at_the_brute_force_optimum(int seed, bool soft)
    {
        var problem = ScheduleOracle.RandomProblem(seed, breaks: true, soft: soft, hours: 6);
        var solution = ShiftScheduler.Solve(problem, Quick);
        double optimum = ScheduleOracle.BruteForceOptimum(problem, maxPerShift: 2);
        if (double.IsPositiveInfinity(optimum))
        {
            Assert.Equal(ScheduleStatus.Infeasible, solution.Status);
            return;
        }
        Assert.Equal(0, solution.Understaffed * (soft ? 0 : 1));
        Assert.Equal(ScheduleStatus.Optimal, solution.Status);
        Assert.Equal(optimum, solution.Cost, 9);
        Assert.True(solution.LowerBound <= optimum + 1e-9, $"bound {solution.LowerBound} above the optimum {optimum}");
    }

    [Property(MaxTest = 30)]
    public void Coverage_and_cost_agree_with_the_shifts(int seed, bool breaks, bool cyclic)
    {
        var problem = ScheduleOracle.RandomProblem(seed, breaks, soft: true, cyclic, hours: cyclic ? 24 : 30);
        var solution = ShiftScheduler.Solve(problem, Quick);
        var coverage = ScheduleOracle.Coverage(problem, solution.Shifts);
        Assert.Equal(coverage, solution.Coverage);
        Assert.Equal(ScheduleOracle.Cost(problem, solution.Shifts), solution.Cost, 9);
        Assert.True(solution.LowerBound <= solution.Cost + 1e-9);
        for (int i = 0; i < coverage.Length; i++)
        {
            Assert.Equal(Math.Max(0, problem.Requirements[i] - coverage[i]), solution.UnderstaffedByInterval[i]);
            Assert.Equal(Math.Max(0, coverage[i] - problem.Requirements[i]), solution.OverstaffedByInterval[i]);
        }
        Assert.Equal(solution.UnderstaffedByInterval.Sum(), solution.Understaffed);
        Assert.Equal(solution.OverstaffedByInterval.Sum(), solution.Overstaffed);
    }

    [Theory]
    [InlineData("week30_nobreaks_hard", 0.0)]
    [InlineData("week30_breaks_soft", 0.015)]
    [InlineData("day15_breaks_soft", 0.01)]
    public void Reference_instances_reach_the_CBC_cost_within_the_gap_and_bound_below_it(string name, double allowedGap)
    {
        // A fixed amount of work (100 branch-and-cut nodes) rather than a time limit, so the result does not depend on the machine's load.
        var document = ScheduleJson.ParseProblem(ReferenceData.ReadText($"scheduling/{name}.json"));
        Assert.Empty(document.Errors);
        using var optimum = ReferenceData.ReadJson($"scheduling/{name}.optimum.json");
        double cbc = optimum.RootElement.GetProperty("cost").GetDouble();
        var solution = ShiftScheduler.Solve(document.Problem!, document.Options with { TimeLimit = TimeSpan.FromMinutes(5), NodeLimit = 100 });
        Assert.True(solution.LowerBound <= cbc + 1e-6, $"bound {solution.LowerBound} above CBC's cost {cbc}");
        Assert.True(solution.Cost <= cbc * (1 + allowedGap) + 1e-6, $"cost {solution.Cost} vs CBC {cbc}");
        Assert.Equal(ScheduleOracle.Cost(document.Problem!, solution.Shifts), solution.Cost, 6);
        if (allowedGap == 0)
        {
            Assert.Equal(ScheduleStatus.Optimal, solution.Status);
        }
    }

    [Fact]
    public void The_same_input_and_seed_give_the_same_schedule()
    {
        var problem = ScheduleOracle.RandomProblem(7, breaks: true, soft: true, hours: 30);
        var first = ScheduleJson.ToJson(ShiftScheduler.Solve(problem, Quick));
        var second = ScheduleJson.ToJson(ShiftScheduler.Solve(problem, Quick));
        Assert.Equal(first, second);
    }

    [Fact]
    public void An_interval_no_template_covers_is_infeasible_and_named()
    {
        var problem = new ScheduleProblem(60, [0, 1, 1, 0, 0, 2],
            [new ShiftTemplate("Early", 180, 60, 60, 60, 3)]);
        var solution = ShiftScheduler.Solve(problem);
        Assert.Equal(ScheduleStatus.Infeasible, solution.Status);
        Assert.Equal([5], solution.InfeasibleIntervals);
        Assert.Contains("5 (day 0 05:00)", solution.Message);
        Assert.True(double.IsNaN(solution.Cost));
        Assert.Empty(solution.Shifts);
    }

    [Fact]
    public void Caps_too_low_are_infeasible_and_name_the_template()
    {
        var problem = new ScheduleProblem(60, [3, 3, 3],
            [new ShiftTemplate("Capped", 180, 0, 0, 60, 3, maxAgents: 2)]);
        var solution = ShiftScheduler.Solve(problem);
        Assert.Equal(ScheduleStatus.Infeasible, solution.Status);
        Assert.Equal(["Capped"], solution.InfeasibleTemplates);
        Assert.Equal([0, 1, 2], solution.InfeasibleIntervals);
        Assert.Contains("Capped", solution.Message);
    }

    [Fact]
    public void Caps_are_respected()
    {
        // Without the cap, three 'Cheap' agents would cover everything.
        var problem = new ScheduleProblem(60, [3, 3, 3],
            [new ShiftTemplate("Cheap", 180, 0, 0, 60, 1, maxAgents: 1), new ShiftTemplate("Dear", 180, 0, 0, 60, 5)]);
        var solution = ShiftScheduler.Solve(problem);
        Assert.Equal(ScheduleStatus.Optimal, solution.Status);
        Assert.Equal(1 + 2 * 5, solution.Cost, 9);
        Assert.Equal(1, solution.Shifts.Where(s => s.Template == "Cheap").Sum(s => s.Agents));
    }

    [Fact]
    public void A_cancelled_solve_returns_a_schedule_with_a_valid_bound()
    {
        var problem = ScheduleOracle.RandomProblem(3, breaks: true, soft: true, hours: 30);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var solution = ShiftScheduler.Solve(problem, Quick, cancellationToken: cancelled.Token);
        Assert.NotEqual(ScheduleStatus.Infeasible, solution.Status);
        Assert.True(solution.LowerBound <= solution.Cost);
        Assert.Equal(ScheduleOracle.Cost(problem, solution.Shifts), solution.Cost, 9);
    }

    [Fact]
    public void Progress_reports_the_bound_and_the_incumbent()
    {
        var problem = ScheduleOracle.RandomProblem(5, breaks: true, soft: true, hours: 30);
        var reports = new List<ScheduleProgress>();
        var solution = ShiftScheduler.Solve(problem, Quick, new Recorder(reports));
        Assert.Equal("relaxation", reports[0].Phase);
        Assert.Contains(reports, r => r.Phase == "rounding");
        Assert.All(reports, r => Assert.True(r.LowerBound <= solution.Cost + 1e-9));
        Assert.Equal(solution.Cost, reports.Where(r => !double.IsNaN(r.IncumbentCost)).Min(r => r.IncumbentCost), 9);
    }

    [Fact]
    public void ToString_prints_the_summary_and_the_shifts()
    {
        var problem = new ScheduleProblem(60, [1, 1, 1], [new ShiftTemplate("A", 180, 0, 0, 60, 2)]);
        var text = ShiftScheduler.Solve(problem).ToString();
        Assert.StartsWith("optimal: cost 2, bound 2", text, StringComparison.Ordinal);
        Assert.Contains("A day 0 00:00 x1", text, StringComparison.Ordinal);
        Assert.Equal("3 x 60 min (1 day(s)), 1 template(s), hard coverage, overstaff 0", problem.ToString());
    }

    private sealed class Recorder(List<ScheduleProgress> reports) : IProgress<ScheduleProgress>
    {
        public void Report(ScheduleProgress value) => reports.Add(value);
    }
}
