using CsMetrics.Queueing;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Queueing;

public class ErlangBTests
{
    [Fact]
    public void Matches_the_40_digit_reference_for_integer_and_fractional_agents()
    {
        foreach (var row in Infrastructure.ReferenceData.ReadCsv("queueing/erlang_c_metrics.csv"))
        {
            double traffic = Infrastructure.ReferenceData.Number(row["traffic"]);
            double agents = Infrastructure.ReferenceData.Number(row["agents"]);
            double expected = Infrastructure.ReferenceData.Number(row["erlang_b"]);
            Assert.Equal(expected, ErlangB.BlockingProbability(traffic, agents), expected * 1e-12);
        }
    }

    [Theory]
    [InlineData(2.0, 4, 2.0 / 21)]                 // (2^4/4!) / (1 + 2 + 2 + 4/3 + 2/3) = 2/21, exact
    [InlineData(10.0, 14, 0.05681914338652086)]    // exact rational sum, rounded to double
    [InlineData(10.0, 18, 0.0071424381578997775)]  // exact rational sum, rounded to double
    public void Matches_the_defining_sum_in_exact_arithmetic(double traffic, int agents, double expected)
    {
        Assert.Equal(expected, ErlangB.BlockingProbability(traffic, agents), expected * 1e-14);
    }

    [Fact]
    public void Edge_cases_are_exact()
    {
        Assert.Equal(1.0, ErlangB.BlockingProbability(5, 0));
        Assert.Equal(0.0, ErlangB.BlockingProbability(0, 3));
        Assert.Equal(0.0, ErlangB.BlockingProbability(0, 2.5));
        Assert.Equal(1.0, ErlangB.BlockingProbability(0, 0));
        Assert.Equal(0.5, ErlangB.BlockingProbability(1, 1)); // 1/(1 + 1)
    }

    [Fact]
    public void Never_overflows_and_matches_the_poisson_route_at_100000_erlangs()
    {
        foreach (double agents in new[] { 99_000.0, 100_000.0, 100_500.0, 101_000.5 })
        {
            double b = ErlangB.BlockingProbability(100_000, agents);
            Assert.InRange(b, 0, 1);
            Assert.Equal(QueueingOracle.ErlangBByIncompleteGamma(100_000, agents), b, b * 1e-8);
        }
        Assert.Equal(0.0, ErlangB.BlockingProbability(1, 5_000)); // below 1e-308
    }

    [Theory]
    [InlineData(200.0)]
    [InlineData(10_000.0)]
    [InlineData(1_000_000.0)]
    public void Starting_below_the_traffic_gives_the_full_walk_to_rounding(double traffic)
    {
        foreach (double offset in new[] { -5 * Math.Sqrt(traffic), 0, 3 * Math.Sqrt(traffic) })
        {
            int agents = (int)(traffic + offset);
            double full = QueueingOracle.ErlangBByRecursion(traffic, agents);
            double b = ErlangB.BlockingProbability(traffic, agents);
            Assert.True(Math.Abs(b - full) <= 1e-12 * full, $"A = {traffic}, N = {agents}: {b:R} vs {full:R}");
        }
    }

    [Property(MaxTest = 200)]
    public bool Continuous_B_equals_the_recursion_at_integers_and_is_continuous_there(ushort trafficSeed, byte agentsSeed)
    {
        double traffic = 0.05 + trafficSeed / 200.0;
        int agents = agentsSeed % 120;
        double recursion = QueueingOracle.ErlangBByRecursion(traffic, agents);
        double exact = ErlangB.BlockingProbability(traffic, agents);
        double above = ErlangB.BlockingProbability(traffic, agents + 1e-9);
        double below = agents > 0 ? ErlangB.BlockingProbability(traffic, agents - 1e-9) : exact;
        if (recursion < 1e-280)
        {
            return exact < 1e-270; // both far below anything a planner sees; the naive form is in subnormals there
        }
        return Math.Abs(exact - recursion) <= 1e-13 * recursion
            && Math.Abs(above - exact) <= 1e-6 * exact
            && Math.Abs(below - exact) <= 1e-6 * exact;
    }

    [Property(MaxTest = 200)]
    public bool Fractional_agents_match_the_incomplete_gamma_route(ushort trafficSeed, ushort agentsSeed)
    {
        double traffic = 0.01 + trafficSeed / 1000.0; // (0, 65.5]
        double agents = 0.05 + agentsSeed / 1000.0;
        double expected = QueueingOracle.ErlangBByIncompleteGamma(traffic, agents);
        return Math.Abs(ErlangB.BlockingProbability(traffic, agents) - expected) <= 1e-9 * expected;
    }

    [Property(MaxTest = 200)]
    public bool Decreases_in_agents(ushort trafficSeed, ushort agentsSeed)
    {
        double traffic = 0.1 + trafficSeed / 100.0;
        double agents = agentsSeed / 100.0;
        return ErlangB.BlockingProbability(traffic, agents + 0.25) <= ErlangB.BlockingProbability(traffic, agents);
    }

    [Fact]
    public void Required_agents_is_the_fewest_meeting_the_blocking_target()
    {
        int agents = ErlangB.RequiredAgents(10, 0.01);
        Assert.True(ErlangB.BlockingProbability(10, agents) <= 0.01);
        Assert.True(ErlangB.BlockingProbability(10, agents - 1) > 0.01);
        Assert.Equal(18, agents); // Erlang B tables: 10 Erlangs at 1% -> 18 circuits
        Assert.Equal(0, ErlangB.RequiredAgents(0, 0.01));
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("traffic", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangB.BlockingProbability(-1, 3)).ParamName);
        Assert.Equal("agents", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangB.BlockingProbability(1, double.NaN)).ParamName);
        Assert.Equal("maxBlocking", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangB.RequiredAgents(1, 0)).ParamName);
    }

    [Fact]
    public void Allocates_nothing()
    {
        Assert.Equal(0, Infrastructure.Allocations.Measure(() => ErlangB.BlockingProbability(100, 107.4)));
    }
}
