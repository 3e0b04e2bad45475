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
}
