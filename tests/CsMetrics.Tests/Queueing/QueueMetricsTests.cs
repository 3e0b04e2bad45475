using CsMetrics.Queueing;

namespace CsMetrics.Tests.Queueing;

public class QueueMetricsTests
{
    [Fact]
    public void ToString_reads_as_one_line_with_the_model_and_units()
    {
        var c = ErlangC.Evaluate(10, 14, 180, 20);
        Assert.Equal("Erlang C: 14 agents, 10 Erlangs: SL 88.84% in 20 s, ASA 7.836 s, Pw 0.1741, occupancy 71.43%", c.ToString());
        var a = ErlangA.Evaluate(10, 12, 180, 120, 20);
        Assert.StartsWith("Erlang A: 12 agents, 10 Erlangs: SL ", a.ToString());
        Assert.Contains("abandoned", a.ToString());
    }

    [Fact]
    public void Derived_properties()
    {
        var m = ErlangC.Evaluate(10, 14, 180, 20);
        Assert.Equal(0.8258681, m.ImmediateAnswerProbability, 7); // 1 - the published Pw 0.1741319
        Assert.False(m.IsOverloaded);
        Assert.True(ErlangC.Evaluate(10, 10, 180, 20).IsOverloaded);
        Assert.False(ErlangC.Evaluate(0, 0, 180, 20).IsOverloaded); // no traffic is never overloaded
        Assert.Equal(ErlangB.BlockingProbability(10, 14), m.BlockingProbability, 15);
    }
}
