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
        Assert.True(new StaffingTargets { ServiceLevel = Team.ServiceLevel }.AreMetBy(Team));
        Assert.False(new StaffingTargets { ServiceLevel = Math.BitIncrement(Team.ServiceLevel) }.AreMetBy(Team));
        Assert.True(new StaffingTargets { MaxOccupancy = Team.Occupancy }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxOccupancy = Math.BitDecrement(Team.Occupancy) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxWaitProbability = Math.BitDecrement(Team.WaitProbability) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxAbandonProbability = Math.BitDecrement(Team.AbandonProbability) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxBlockingProbability = Math.BitDecrement(Team.BlockingProbability) }.AreMetBy(Team));
        Assert.False(new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(Team.AverageSpeedOfAnswerSeconds * 0.999) }.AreMetBy(Team));
        Assert.True(new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(Team.AverageSpeedOfAnswerSeconds * 1.001) }.AreMetBy(Team));
    }
}
