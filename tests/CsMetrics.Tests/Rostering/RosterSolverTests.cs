using CsMetrics.Rostering;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Rostering;

public class RosterSolverTests
{
    // Iteration limits make the tests independent of the machine's load; the time limit is only a safety net.
    private static RosterSolverOptions Quick(long iterations = 300_000, int seed = 1) =>
        new() { TimeLimit = TimeSpan.FromSeconds(30), IterationLimit = iterations, Seed = seed };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void The_roster_is_feasible_and_its_objective_is_the_oracles(int number)
    {
        var p = CurtoisFormatTests.Instance(number);
        var solution = RosterSolver.Solve(p, Quick());
        Assert.Contains(solution.Status, new[] { RosterStatus.Feasible, RosterStatus.Optimal });
        var oracle = RosterOracle.Evaluate(p, solution.Roster!);
        Assert.True(oracle.Feasible, string.Join(", ", oracle.Hard.Where(h => h.Value > 0)));
        Assert.Equal(oracle.Objective, solution.Objective);
        Assert.Equal(oracle.Under, solution.Evaluation!.UnderCoverPenalty);
        Assert.True(solution.LowerBound <= solution.Objective);
        Assert.InRange(solution.Gap!.Value, 0, 1);
    }

    [Fact]
    public void Instance1_reaches_its_proven_optimum_607()
    {
        var solution = RosterSolver.Solve(CurtoisFormatTests.Instance(1), Quick(1_000_000));
        Assert.Equal(607, solution.Objective);
    }

    [Fact]
    public void The_bound_never_exceeds_the_published_optimum_or_best_known()
    {
        foreach (var row in ReferenceData.ReadCsv("rostering/best_known.csv"))
        {
            int number = int.Parse(row["instance"]["Instance".Length..]);
            int bound = RosterBound.Of(CurtoisFormatTests.Instance(number));
            Assert.True(bound <= int.Parse(row["lower_bound"]), $"Instance{number}: bound {bound}");
        }
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_roster()
    {
        var p = CurtoisFormatTests.Instance(3);
        var first = RosterSolver.Solve(p, Quick(100_000, seed: 7));
        var second = RosterSolver.Solve(p, Quick(100_000, seed: 7));
        Assert.Equal(first.Roster, second.Roster);
        Assert.Equal(first.Objective, second.Objective);
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void A_cancelled_solve_returns_its_best_so_far_without_throwing()
    {
        var p = CurtoisFormatTests.Instance(2);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var solution = RosterSolver.Solve(p, new RosterSolverOptions { TimeLimit = TimeSpan.FromSeconds(30) }, cancellationToken: cancel.Token);
        Assert.Equal(0, solution.Iterations);
        Assert.Equal(RosterStatus.Unknown, solution.Status);
        Assert.Contains("no feasible roster found", solution.Reason);
    }

    [Fact]
    public void Progress_reports_the_best_objective_and_the_bound()
    {
        var reports = new List<RosterProgress>();
        var solution = RosterSolver.Solve(CurtoisFormatTests.Instance(1), Quick(50_000), new SynchronousProgress<RosterProgress>(reports.Add));
        Assert.NotEmpty(reports);
        Assert.Equal(solution.Objective, reports[^1].BestObjective);
        Assert.All(reports, r => Assert.Equal(solution.LowerBound, r.LowerBound));
    }

    [Fact]
    public void An_agent_who_cannot_reach_its_minimum_minutes_is_proven_infeasible()
    {
        var p = CurtoisFormat.Parse("""
            SECTION_HORIZON
            7
            SECTION_SHIFTS
            D,480,
            SECTION_STAFF
            A,D=7,3360,2880,2,1,1,1
            """).Problem!;
        var solution = RosterSolver.Solve(p, Quick());
        Assert.Equal(RosterStatus.Infeasible, solution.Status);
        Assert.Null(solution.Roster);
        Assert.Contains("agent 'A' can work at most 2400 minutes", solution.Reason); // at most 2 days in any 3: 5 of 7 days
    }

    /// <summary>A tiny random problem: 2 agents, 5 days, 2 shift types (3^10 rosters: enumerable).</summary>
    internal static RosterProblem Tiny(int seed, int agents = 2)
    {
        var random = new Random(seed);
        var shifts = new[] { new RosterShiftType("E", 480), new RosterShiftType("L", 480, random.Next(2) == 0 ? ["E"] : []) };
        var staff = Enumerable.Range(0, agents).Select(i => new RosterAgent($"A{i}", new RosterContract
        {
            MaxShiftsPerType = new Dictionary<string, int> { ["E"] = 5, ["L"] = random.Next(1, 4) },
            MinTotalMinutes = 480 * random.Next(0, 3),
            MaxTotalMinutes = 480 * random.Next(3, 6),
            MaxConsecutiveShifts = random.Next(2, 5),
            MinConsecutiveShifts = random.Next(1, 3),
            MinConsecutiveDaysOff = random.Next(1, 3),
        }, random.Next(3) == 0 ? [random.Next(5)] : [])).ToArray();
        var cover = Enumerable.Range(0, 5).SelectMany(d => shifts.Select(s => new CoverRequirement(d, s.Id, random.Next(0, 2), 10 * random.Next(1, 4), random.Next(0, 3)))).ToArray();
        var on = Enumerable.Range(0, 3).Select(_ => new ShiftRequest($"A{random.Next(agents)}", random.Next(5), shifts[random.Next(2)].Id, random.Next(1, 4)))
            .DistinctBy(r => (r.AgentId, r.Day, r.ShiftId)).ToArray();
        var off = Enumerable.Range(0, 3).Select(_ => new ShiftRequest($"A{random.Next(agents)}", random.Next(5), shifts[random.Next(2)].Id, random.Next(1, 4)))
            .DistinctBy(r => (r.AgentId, r.Day, r.ShiftId)).ToArray();
        return new RosterProblem(5, shifts, staff, cover, on, off);
    }

    /// <summary>The optimum by enumerating every roster (null when none is feasible), scored by the oracle's rules through the evaluator.</summary>
    internal static int? BruteForce(RosterProblem p)
    {
        int cells = p.Agents.Count * p.Days, options = p.ShiftTypes.Count + 1;
        var roster = new int[cells];
        int? best = null;
        long total = (long)Math.Pow(options, cells);
        for (long code = 0; code < total; code++)
        {
            long c = code;
            for (int i = 0; i < cells; i++)
            {
                roster[i] = (int)(c % options) - 1;
                c /= options;
            }
            var e = RosterEvaluator.Evaluate(new Roster(p, roster));
            if (e.IsFeasible && (best is null || e.Objective < best))
            {
                best = e.Objective;
            }
        }
        return best;
    }

    [Property(MaxTest = 4)]
    public void Tiny_problems_reach_the_optimum_found_by_enumeration(int seed)
    {
        var p = Tiny(seed);
        int? optimum = BruteForce(p);
        var solution = RosterSolver.Solve(p, Quick(100_000));
        if (optimum is null)
        {
            Assert.Null(solution.Roster);
            return;
        }
        Assert.Equal(optimum, solution.Objective);
        Assert.True(solution.LowerBound <= optimum);
        // The laws of the optimum: another agent never raises it (it may stay off every day when the contract
        // allows 0 minutes; otherwise feasibility is not monotone), a looser contract never raises it.
        var looser = new RosterProblem(p.Days, p.ShiftTypes, p.Agents.Select(a => a with { Contract = a.Contract with { MinTotalMinutes = 0, MaxWeekends = int.MaxValue } }).ToArray(),
            p.Cover, p.ShiftOnRequests, p.ShiftOffRequests);
        Assert.True(BruteForce(looser) <= optimum);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
