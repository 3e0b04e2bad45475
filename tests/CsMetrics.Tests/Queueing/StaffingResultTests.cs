using CsMetrics.Queueing;

namespace CsMetrics.Tests.Queueing;

public class StaffingResultTests
{
    [Fact]
    public void Infeasible_result_says_so()
    {
        var result = new StaffingResult(-1, 0.3, default);
        Assert.False(result.IsFeasible);
        Assert.Equal(-1, result.ScheduledHeadcount);
        Assert.StartsWith("infeasible", result.ToString());
    }

    [Fact]
    public void Scheduled_headcount_uses_the_exact_division()
    {
        var result = new StaffingResult(21, 0.3, ErlangC.Evaluate(15, 21, 180, 20));
        Assert.Equal(30, result.ScheduledHeadcount);
        Assert.StartsWith("21 agents (30 scheduled at 30% shrinkage): Erlang C", result.ToString());
    }
}
