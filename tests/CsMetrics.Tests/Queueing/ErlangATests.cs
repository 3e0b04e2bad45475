using CsMetrics.Queueing;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Queueing;

public class ErlangATests
{
    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double scale = Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Matches_the_40_digit_reference()
    {
        var rows = ReferenceData.ReadCsv("queueing/erlang_a_metrics.csv");
        Assert.True(rows.Count >= 60);
        foreach (var row in rows)
        {
            double handle = ReferenceData.Number(row["aht_s"]);
            double traffic = ReferenceData.Number(row["contacts"]) * handle / ReferenceData.Number(row["interval_s"]);
            var m = ErlangA.Evaluate(traffic, ReferenceData.Number(row["agents"]), handle,
                ReferenceData.Number(row["patience_s"]), ReferenceData.Number(row["answer_s"]));
            AssertRelative(ReferenceData.Number(row["wait_probability"]), m.WaitProbability, 1e-12, "wait_probability");
            AssertRelative(ReferenceData.Number(row["abandon_probability"]), m.AbandonProbability, 1e-12, "abandon_probability");
            AssertRelative(ReferenceData.Number(row["service_level"]), m.ServiceLevel, 1e-12, "service_level");
            AssertRelative(ReferenceData.Number(row["asa_s"]), m.AverageSpeedOfAnswerSeconds, 1e-12, "asa_s");
            AssertRelative(ReferenceData.Number(row["occupancy"]), m.Occupancy, 1e-12, "occupancy");
        }
    }

    [Theory]
    [InlineData(100_000.0, 90_000, 300.0, 600.0)]  // far overloaded: the integral route
    [InlineData(2_000.0, 1_700, 300.0, 3_600.0)]   // overloaded, long patience: the integral route
    [InlineData(100_000.0, 100_200, 300.0, 60.0)]  // 100,000 Erlangs, short patience: the series route
    [InlineData(50.0, 40, 180.0, 120.0)]
    public void Matches_the_birth_death_chain_summed_in_log_space(double traffic, int agents, double handle, double patience)
    {
        var (wait, abandon) = QueueingOracle.ErlangAByChain(traffic, agents, handle, patience);
        var m = ErlangA.Evaluate(traffic, agents, handle, patience, 20);
        AssertRelative(wait, m.WaitProbability, 1e-9, "wait_probability");
        AssertRelative(abandon, m.AbandonProbability, 1e-9, "abandon_probability");
        Assert.InRange(m.ServiceLevel, 0, 1);
        Assert.InRange(m.Occupancy, 0, 1);
    }

    [Theory]
    [InlineData(100_000.0, 90_000, 300.0, 600.0)]
    [InlineData(10.0, 12, 180.0, 90.0)]
    [InlineData(10.0, 6, 180.0, 30.0)]
    [InlineData(10.0, 3, 180.0, 0.5)]     // x = 0.008: the integrand's endpoint singularity at v = 1
    [InlineData(10.0, 2.5, 180.0, 40.0)]  // fractional agents, x = 0.56
    public void Answered_eventually_is_everyone_who_does_not_abandon(double traffic, double agents, double handle, double patience)
    {
        // SL(t) as t grows is P(answered) = 1 - P(Ab): checks the service-level integral against the abandonment sum.
        var m = ErlangA.Evaluate(traffic, agents, handle, patience, 1e6 * patience);
        AssertRelative(1 - m.AbandonProbability, m.ServiceLevel, 1e-11, "service_level at t -> infinity");
    }

    [Theory]
    [InlineData(100.0, 95, 180.0)]
    [InlineData(1_000.0, 980, 300.0)]
    public void The_series_and_the_integral_routes_agree_where_they_meet(double traffic, int agents, double handle)
    {
        // The series is summed while its largest term e^Shift stays below e^600, Shift = x ln(x/y) + y - x;
        // find the patience where Shift = 600 and evaluate just either side of it.
        double Shift(double patience)
        {
            double x = agents * patience / handle, y = traffic * patience / handle;
            return x * Math.Log(x / y) + y - x;
        }
        double low = 1, high = 1e12;
        for (int i = 0; i < 200; i++)
        {
            double middle = Math.Sqrt(low * high);
            if (Shift(middle) < 600) { low = middle; } else { high = middle; }
        }
        // low and high are now adjacent doubles; the service level (about e^-600 here) is the ratio that
        // exposes the scale of S, so it must agree too (S moves by only 600 × 2e-16 between them).
        Assert.True(Shift(low) < 600 && Shift(high) >= 600 && high / low < 1 + 1e-15);
        var series = ErlangA.Evaluate(traffic, agents, handle, low, 20);
        var integral = ErlangA.Evaluate(traffic, agents, handle, high, 20);
        AssertRelative(series.WaitProbability, integral.WaitProbability, 1e-12, "wait_probability");
        AssertRelative(series.AbandonProbability, integral.AbandonProbability, 1e-12, "abandon_probability");
        AssertRelative(series.ServiceLevel, integral.ServiceLevel, 1e-10, "service_level");
    }

    [Fact]
    public void Converges_to_erlang_c_as_patience_grows()
    {
        var c = ErlangC.Evaluate(10, 14, 180, 20);
        double previous = double.PositiveInfinity;
        foreach (double patience in new[] { 60.0, 600, 6_000, 60_000, 600_000, 6e6, 6e7, 6e8 })
        {
            var a = ErlangA.Evaluate(10, 14, 180, patience, 20);
            double gap = Math.Abs(a.ServiceLevel - c.ServiceLevel) + Math.Abs(a.WaitProbability - c.WaitProbability)
                + Math.Abs(a.AverageSpeedOfAnswerSeconds - c.AverageSpeedOfAnswerSeconds) / 180;
            Assert.True(gap < previous, $"gap {gap} at patience {patience} did not shrink from {previous}");
            previous = gap;
        }
        // First order in 1/patience: 8e-5 at 6e5 s, so about 8e-8 at 6e8 s.
        Assert.True(previous < 2e-7, $"gap at 6e8 s patience is {previous}");
        Assert.Equal(c, ErlangA.Evaluate(10, 14, 180, double.PositiveInfinity, 20));
    }

    [Property(MaxTest = 150)]
    public bool Patience_larger_means_closer_to_erlang_c_and_laws_hold(byte trafficSeed, byte spareSeed, byte patienceSeed)
    {
        double traffic = 0.5 + trafficSeed / 4.0;
        double agents = Math.Floor(traffic) + 1 + spareSeed % 10;
        double patience = 10 + patienceSeed * 4;
        var c = ErlangC.Evaluate(traffic, agents, 240, 20);
        var near = ErlangA.Evaluate(traffic, agents, 240, patience * 1000, 20);
        var far = ErlangA.Evaluate(traffic, agents, 240, patience, 20);
        return Math.Abs(near.WaitProbability - c.WaitProbability) <= Math.Abs(far.WaitProbability - c.WaitProbability) + 1e-15
            && 0 <= far.AbandonProbability && far.AbandonProbability <= far.WaitProbability && far.WaitProbability <= 1
            && far.ServiceLevel <= 1 - far.AbandonProbability + 1e-15;
    }

    [Property(MaxTest = 150)]
    public bool Service_level_rises_and_abandonment_falls_with_agents(byte trafficSeed, byte agentsSeed, byte patienceSeed)
    {
        double traffic = 0.5 + trafficSeed / 2.0;
        int agents = 1 + agentsSeed % 150;
        double patience = 5 + patienceSeed * 3;
        var fewer = ErlangA.Evaluate(traffic, agents, 180, patience, 15);
        var more = ErlangA.Evaluate(traffic, agents + 1, 180, patience, 15);
        return fewer.ServiceLevel <= more.ServiceLevel + 1e-14
            && more.AbandonProbability <= fewer.AbandonProbability + 1e-15
            && more.AverageSpeedOfAnswerSeconds <= fewer.AverageSpeedOfAnswerSeconds * (1 + 1e-14);
    }

    [Fact]
    public void Degenerate_teams_are_documented_values()
    {
        var none = ErlangA.Evaluate(5, 0, 180, 60, 20);
        Assert.Equal(1, none.AbandonProbability);
        Assert.Equal(0, none.ServiceLevel);
        Assert.Equal(60, none.AverageSpeedOfAnswerSeconds);
        var idle = ErlangA.Evaluate(0, 3, 180, 60, 20);
        Assert.Equal(1, idle.ServiceLevel);
        Assert.Equal(0, idle.AbandonProbability);
        Assert.Equal("patienceSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangA.Evaluate(1, 1, 1, 0, 1)).ParamName);
    }

    [Fact]
    public void Evaluate_allocates_nothing_on_both_routes()
    {
        Assert.Equal(0, Allocations.Measure(() => ErlangA.Evaluate(100, 105, 180, 120, 20)));
        Assert.Equal(0, Allocations.Measure(() => ErlangA.Evaluate(100_000, 90_000, 300, 600, 20)));
    }
}
