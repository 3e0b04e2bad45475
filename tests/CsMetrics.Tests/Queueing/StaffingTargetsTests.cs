using CsMetrics.Queueing;

namespace CsMetrics.Tests.Queueing;

public class StaffingTargetsTests
{
    private static readonly QueueMetrics Team = ErlangA.Evaluate(10, 14, 180, 120, 20);

    [Fact]
    public void No_targets_are_always_met()
    {
        Assert.True(new StaffingTargets().AreMetBy(Team));
    }

    [Fact]
    public void Each_target_compares_its_own_metric()
    {
        // A target missed by one part in a billion fails; one met to rounding (a part in 1e14) holds.
        Assert.True(new StaffingTargets { ServiceLevel = Team.ServiceLevel, AnswerWithin = TimeSpan.FromSeconds(20) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { ServiceLevel = 1 - Team.MissProbability * (1 - 1e-9), AnswerWithin = TimeSpan.FromSeconds(20) }.AreMetBy(Team));
        Assert.True(new StaffingTargets { ServiceLevel = 1 - Team.MissProbability * (1 - 1e-14), AnswerWithin = TimeSpan.FromSeconds(20) }.AreMetBy(Team));
        Assert.True(new StaffingTargets { MaxOccupancy = Team.Occupancy }.AreMetBy(Team));
        Assert.True(new StaffingTargets { MaxOccupancy = Team.Occupancy * (1 - 1e-14) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxOccupancy = Team.Occupancy * (1 - 1e-9) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxWaitProbability = Team.WaitProbability * (1 - 1e-9) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxAbandonProbability = Team.AbandonProbability * (1 - 1e-9) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxBlockingProbability = Team.BlockingProbability * (1 - 1e-9) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(Team.AverageSpeedOfAnswerSeconds * 0.999) }.AreMetBy(Team));
        Assert.True(new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(Team.AverageSpeedOfAnswerSeconds * 1.001) }.AreMetBy(Team));
    }

    [Fact]
    public void A_service_level_target_without_its_threshold_is_an_error_wherever_the_targets_are_used()
    {
        // Issue 12, trap 3: this staffed to "80% answered in 0 s" (AnswerWithin defaulted to zero).
        var noThreshold = new StaffingTargets { ServiceLevel = 0.8 };
        var queue = new ContactQueue(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180));
        var calls = new Action[]
        {
            () => Staffing.RequiredAgents(10, 180, noThreshold),
            () => Staffing.RequiredAgents([10.0, 12], 180, noThreshold, new int[2]),
            () => Staffing.RequiredAgentsParallel(new[] { 10.0 }, 180, noThreshold, new int[1]),
            () => Staffing.MaxTrafficFor(14, 180, noThreshold),
            () => queue.RequiredAgents(100, noThreshold),
            () => queue.RequiredAgents([100.0], noThreshold, new int[1]),
            () => queue.MaxContacts(14, noThreshold),
        };
        foreach (var call in calls)
        {
            var ex = Assert.Throws<ArgumentException>(call);
            Assert.Equal("targets.AnswerWithin", ex.ParamName);
            Assert.Contains("targets.ServiceLevel = 0.8 needs its threshold", ex.Message);
        }
    }

    [Fact]
    public void An_explicit_zero_threshold_and_a_threshold_alone_are_legal()
    {
        // 80% answered without waiting is a real target (1 - Pw >= 0.8): the same answer as MaxWaitProbability 0.2.
        var immediate = Staffing.RequiredAgents(10, 180, new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.Zero });
        Assert.Equal(Staffing.RequiredAgents(10, 180, new StaffingTargets { MaxWaitProbability = 0.2 }).Agents, immediate.Agents);
        // A threshold without a service-level target sets the threshold of the reported service level.
        var reported = Staffing.RequiredAgents(10, 180, new StaffingTargets { AnswerWithin = TimeSpan.FromSeconds(20), MaxOccupancy = 0.72 });
        Assert.Equal(20, reported.Metrics.AnswerWithinSeconds);
        // No threshold and no service-level target: the reported service level is at 0 s.
        Assert.Equal(0, Staffing.RequiredAgents(10, 180, new StaffingTargets { MaxOccupancy = 0.72 }).Metrics.AnswerWithinSeconds);
        Assert.Equal("targets.AnswerWithin", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Staffing.RequiredAgents(10, 180, new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(-1) })).ParamName);
    }

    [Fact]
    public void The_planner_and_the_staffing_command_always_give_the_threshold()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), new CsMetrics.Planning.PlanOptions().Targets.AnswerWithin);
        var result = Infrastructure.CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,target_sl\n100,1800,180,20,0.8\n", "staffing");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(",14,", result.Output);
    }

    [Fact]
    public void The_miss_probability_is_the_complement_of_the_service_level()
    {
        Assert.Equal(1, Team.ServiceLevel + Team.MissProbability, 15);
        var erlangC = ErlangC.Evaluate(10, 14, 180, 20);
        Assert.Equal(1, erlangC.ServiceLevel + erlangC.MissProbability, 15);
        // Far above the traffic the service level rounds to 1 but the miss share keeps its digits:
        // C(60, 10) e^(-50 * 20 / 180), a positive number far below 1e-16.
        var large = ErlangC.Evaluate(10, 60, 180, 20);
        Assert.Equal(1.0, large.ServiceLevel);
        Assert.InRange(large.MissProbability, 1e-300, 1e-17);
    }

    [Fact]
    public void Zero_targets_are_met_only_without_traffic()
    {
        var idle = ErlangC.Evaluate(0, 3, 180, 20);
        // A team so large that every probability underflows to 0 still misses a target of exactly 0.
        var huge = ErlangA.Evaluate(10, 1_000, 180, 120, 20);
        Assert.Equal(0, huge.WaitProbability);
        foreach (var targets in new[]
        {
            new StaffingTargets { ServiceLevel = 1, AnswerWithin = TimeSpan.FromSeconds(20) },
            new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.Zero },
            new StaffingTargets { MaxWaitProbability = 0 },
            new StaffingTargets { MaxAbandonProbability = 0 },
            new StaffingTargets { MaxBlockingProbability = 0 },
        })
        {
            Assert.True(targets.AreMetBy(idle), targets.ToString());
            Assert.False(targets.AreMetBy(huge), targets.ToString());
        }
    }

    [Fact]
    public void A_service_level_target_refuses_metrics_at_another_threshold()
    {
        var atThirty = ErlangC.Evaluate(10, 14, 180, 30);
        var targets = new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };
        Assert.Equal("metrics", Assert.Throws<ArgumentException>(() => targets.AreMetBy(atThirty)).ParamName);
        // Without a service-level target the threshold does not matter.
        Assert.True(new StaffingTargets { MaxOccupancy = 0.9 }.AreMetBy(atThirty));
    }
}
