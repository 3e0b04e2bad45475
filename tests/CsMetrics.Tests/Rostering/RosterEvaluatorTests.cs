using CsMetrics.Rostering;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Rostering;

public class RosterEvaluatorTests
{
    private static readonly int[] Instances = [1, 2, 3, 5, 7, 9];
    private static readonly Dictionary<int, RosterProblem> Cache = new();

    private static RosterProblem Instance(int number)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(number, out var p))
            {
                Cache[number] = p = CurtoisFormatTests.Instance(number);
            }
            return p;
        }
    }

    internal static void AssertAgrees(RosterProblem p, Roster roster)
    {
        var ours = RosterEvaluator.Evaluate(roster);
        var oracle = RosterOracle.Evaluate(p, roster);
        Assert.Equal(oracle.On, ours.ShiftOnPenalty);
        Assert.Equal(oracle.Off, ours.ShiftOffPenalty);
        Assert.Equal(oracle.Under, ours.UnderCoverPenalty);
        Assert.Equal(oracle.Over, ours.OverCoverPenalty);
        Assert.Equal(oracle.Objective, ours.Objective);
        foreach (var rule in Enum.GetValues<RosterRule>())
        {
            Assert.True(oracle.Hard[rule] == ours.Violations.Where(v => v.Rule == rule).Sum(v => v.Amount), $"{rule}: oracle {oracle.Hard[rule]}");
        }
        Assert.Equal(oracle.Feasible, ours.IsFeasible);
    }

    [Property(MaxTest = 60)]
    public void The_evaluator_agrees_with_the_oracle_on_random_rosters(int seed, byte density)
    {
        var p = Instance(Instances[Math.Abs(seed % Instances.Length)]);
        AssertAgrees(p, RosterOracle.Random(p, seed, density / 255.0));
    }

    private static RosterProblem Small() => CurtoisFormat.Parse("""
        SECTION_HORIZON
        14
        SECTION_SHIFTS
        D,480,
        N,600,D
        SECTION_STAFF
        A,D=14|N=1,4800,2400,4,2,2,1
        B,D=14|N=0,4800,0,5,1,1,2
        SECTION_DAYS_OFF
        A,9
        SECTION_SHIFT_ON_REQUESTS
        A,0,D,2
        B,3,D,5
        SECTION_SHIFT_OFF_REQUESTS
        A,1,N,3
        SECTION_COVER
        0,D,1,100,1
        1,N,1,50,2
        2,D,2,100,1
        """).Problem!;

    [Fact]
    public void A_hand_made_roster_has_the_penalties_worked_out_by_hand()
    {
        var p = Small();
        // A: D on 0, N on 1 (off request violated: 3), D on 2 after N (forbidden), off 3, D 4..8 (5 days > 4), off 9..13.
        // B: N on 3 (max 0 N: 1 over; on request D on 3 not met: 5), D on 5 and 6 (one weekend of 2 allowed).
        var roster = Roster.FromAssignments(p, [
            ("A", 0, "D"), ("A", 1, "N"), ("A", 2, "D"), ("A", 4, "D"), ("A", 5, "D"), ("A", 6, "D"), ("A", 7, "D"), ("A", 8, "D"),
            ("B", 3, "N"), ("B", 5, "D"), ("B", 6, "D")]);
        var e = RosterEvaluator.Evaluate(roster);
        Assert.Equal(5, e.ShiftOnPenalty);              // A's request on day 0 met; B's not
        Assert.Equal(3, e.ShiftOffPenalty);
        // Cover: day 0 D 1/1; day 1 N 1/1; day 2 D 1/2 -> 100 under; day 3 N (no requirement) no penalty; other cells have none.
        Assert.Equal(100, e.UnderCoverPenalty);
        Assert.Equal(0, e.OverCoverPenalty);
        Assert.Equal(108, e.Objective);
        int Amount(RosterRule r) => e.Violations.Where(v => v.Rule == r).Sum(v => v.Amount);
        Assert.Equal(1, Amount(RosterRule.ForbiddenSuccession));
        Assert.Equal(1, Amount(RosterRule.MaxConsecutiveShifts));   // A: 5 days from day 4, at most 4
        Assert.Equal(1, Amount(RosterRule.MaxShiftsOfType));        // B: one N, at most 0
        Assert.Equal(1, Amount(RosterRule.MinConsecutiveDaysOff));  // A: off on day 3 only (at least 2)
        Assert.Equal(0, Amount(RosterRule.MaxWeekends));            // A works weekend 0 only (days 5, 6): 1 of 1 allowed
        Assert.Equal(0, Amount(RosterRule.MinConsecutiveShifts));   // A's blocks 0-2 (touches day 0) and 4-8 are long enough; B's N on 3 is 1 >= 1
        Assert.Equal(0, Amount(RosterRule.MinTotalMinutes));        // A: 7 x 480 + 600 = 3960 >= 2400
        Assert.Contains(e.Violations, v => v.Rule == RosterRule.ForbiddenSuccession && v.AgentId == "A" && v.Day == 2);
        AssertAgrees(p, roster);
    }

    [Fact]
    public void Blocks_touching_the_ends_of_the_horizon_are_never_too_short()
    {
        var p = Small();
        // A works day 0 only and day 13 only: both blocks touch an end (min consecutive 2 not broken); the days off
        // between are 12 long. 960 minutes < 2400: min total minutes broken by 1440.
        var roster = Roster.FromAssignments(p, [("A", 0, "D"), ("A", 13, "D")]);
        var e = RosterEvaluator.Evaluate(roster);
        Assert.DoesNotContain(e.Violations, v => v.Rule is RosterRule.MinConsecutiveShifts or RosterRule.MinConsecutiveDaysOff);
        Assert.Equal(1440, Assert.Single(e.Violations).Amount);
        // A single day worked in the middle is too short by one, and so is a single day off between two blocks.
        var middle = RosterEvaluator.Evaluate(Roster.FromAssignments(p, [("A", 0, "D"), ("A", 1, "D"), ("A", 3, "D"), ("A", 4, "D"), ("A", 6, "D")]));
        Assert.Equal(1, middle.Violations.Where(v => v.Rule == RosterRule.MinConsecutiveShifts).Sum(v => v.Amount));
        Assert.Equal(2, middle.Violations.Where(v => v.Rule == RosterRule.MinConsecutiveDaysOff).Sum(v => v.Amount));
    }

    [Fact]
    public void The_empty_roster_of_instance1_costs_every_request_and_every_uncovered_agent()
    {
        var p = Instance(1);
        var e = RosterEvaluator.Evaluate(Roster.Empty(p));
        Assert.Equal(p.ShiftOnRequests.Sum(r => r.Weight), e.ShiftOnPenalty);
        Assert.Equal(0, e.ShiftOffPenalty);
        Assert.Equal(p.Cover.Sum(c => c.Required * c.UnderWeight), e.UnderCoverPenalty);
        Assert.Equal(8, e.Violations.Count); // every agent short of the minimum minutes
        Assert.All(e.Violations, v => Assert.Equal(RosterRule.MinTotalMinutes, v.Rule));
    }
}
