using CsMetrics.Queueing;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Queueing;

public class ErlangCTests
{
    private static void AssertRelative(double expected, double actual, double tolerance = 1e-12, string what = "") =>
        Relative.Equal(expected, actual, tolerance, what);

    [Fact]
    public void Matches_the_40_digit_reference_for_integer_and_fractional_agents()
    {
        var rows = ReferenceData.ReadCsv("queueing/erlang_c_metrics.csv");
        Assert.True(rows.Count >= 200);
        foreach (var row in rows)
        {
            var m = ErlangC.Evaluate(
                ReferenceData.Number(row["traffic"]), ReferenceData.Number(row["agents"]),
                ReferenceData.Number(row["aht_s"]), ReferenceData.Number(row["answer_s"]));
            AssertRelative(ReferenceData.Number(row["wait_probability"]), m.WaitProbability, what: "wait_probability");
            AssertRelative(ReferenceData.Number(row["service_level"]), m.ServiceLevel, what: "service_level");
            AssertRelative(ReferenceData.Number(row["asa_s"]), m.AverageSpeedOfAnswerSeconds, what: "asa_s");
            AssertRelative(ReferenceData.Number(row["occupancy"]), m.Occupancy, what: "occupancy");
        }
    }

    [Fact]
    public void Worked_example_100_contacts_per_half_hour_aht_180s_14_agents()
    {
        // Published anchor (docs/queueing.md): A = 100 × 180 / 1800 = 10 Erlangs.
        var m = ErlangC.Evaluate(10, 14, 180, 20);
        Assert.Equal(0.1741319, m.WaitProbability, 7);
        Assert.Equal(0.8883500, m.ServiceLevel, 7);
        Assert.Equal(7.836, m.AverageSpeedOfAnswerSeconds, 3);
        Relative.Equal(10.0 / 14, m.Occupancy, 1e-15, "occupancy A/N");
        Assert.Equal(0.8258681, m.ImmediateAnswerProbability, 7);            // 1 - the published Pw
        Relative.Equal(45, m.MeanDelayedWaitSeconds, 1e-12, "delayed wait"); // h/(N - A) = 180/4 s, exactly
        Assert.Equal(100.0 / 1800 * 7.836, m.MeanQueueLength, 4);           // λ·ASA with the published ASA (0.4353)
        Relative.Equal(m.AverageSpeedOfAnswerSeconds * 10 / 180, m.MeanQueueLength, 1e-12, "Little's law"); // a law, not the formula
        Assert.Equal(0, m.AbandonProbability);
    }

    [Theory]
    [InlineData(10.0, 10.0)]
    [InlineData(10.0, 9.5)]
    [InlineData(10.0, 0.0)]
    public void Overloaded_is_explicit_and_never_negative(double traffic, double agents)
    {
        var m = ErlangC.Evaluate(traffic, agents, 180, 20);
        Assert.True(m.IsOverloaded);
        Assert.Equal(1, m.WaitProbability);
        Assert.Equal(0, m.ServiceLevel);
        Assert.Equal(double.PositiveInfinity, m.AverageSpeedOfAnswerSeconds);
        Assert.Equal(double.PositiveInfinity, m.MeanQueueLength);
        Assert.Contains("overloaded", m.ToString());
    }

    [Fact]
    public void No_traffic_means_no_wait()
    {
        var m = ErlangC.Evaluate(0, 3, 180, 20);
        Assert.Equal(0, m.WaitProbability);
        Assert.Equal(1, m.ServiceLevel);
        Assert.Equal(0, m.AverageSpeedOfAnswerSeconds);
        Assert.Equal(0, m.Occupancy);
    }

    [Fact]
    public void Stable_at_100000_erlangs()
    {
        foreach (double agents in new[] { 100_001.0, 100_100.0, 100_300.5, 101_000.0 })
        {
            var m = ErlangC.Evaluate(100_000, agents, 300, 20);
            double b = QueueingOracle.ErlangBByIncompleteGamma(100_000, agents);
            double c = agents * b / (agents - 100_000 * (1 - b));
            AssertRelative(c, m.WaitProbability, 1e-8, "wait_probability");
            Assert.InRange(m.ServiceLevel, 0, 1);
            Assert.True(m.AverageSpeedOfAnswerSeconds >= 0 && double.IsFinite(m.AverageSpeedOfAnswerSeconds));
        }
    }

    [Property(MaxTest = 300)]
    public bool Blocking_is_at_most_waiting_which_is_a_probability(ushort trafficSeed, ushort spareSeed)
    {
        double traffic = 0.01 + trafficSeed / 50.0;
        double agents = traffic + 0.001 + spareSeed / 500.0;
        double b = ErlangB.BlockingProbability(traffic, agents);
        double c = ErlangC.WaitProbability(traffic, agents);
        return 0 <= b && b <= c && c <= 1;
    }

    [Property(MaxTest = 300)]
    public bool Service_level_rises_and_asa_falls_with_agents(ushort trafficSeed, byte spareSeed, byte thresholdSeed)
    {
        double traffic = 0.1 + trafficSeed / 100.0;
        double agents = Math.Floor(traffic) + 1 + spareSeed % 40;
        double t = thresholdSeed;
        var fewer = ErlangC.Evaluate(traffic, agents, 240, t);
        var more = ErlangC.Evaluate(traffic, agents + 1, 240, t);
        var fractional = ErlangC.Evaluate(traffic, agents + 0.5, 240, t);
        return fewer.ServiceLevel <= fractional.ServiceLevel && fractional.ServiceLevel <= more.ServiceLevel
            && more.AverageSpeedOfAnswerSeconds <= fractional.AverageSpeedOfAnswerSeconds
            && fractional.AverageSpeedOfAnswerSeconds <= fewer.AverageSpeedOfAnswerSeconds;
    }

    [Property(MaxTest = 300)]
    public bool Service_level_rises_with_the_threshold(ushort trafficSeed, byte spareSeed, byte thresholdSeed)
    {
        double traffic = 0.1 + trafficSeed / 100.0;
        double agents = Math.Floor(traffic) + 1 + spareSeed % 40;
        double t = thresholdSeed;
        return ErlangC.ServiceLevel(traffic, agents, 240, t) <= ErlangC.ServiceLevel(traffic, agents, 240, t + 5);
    }

    [Fact]
    public void Range_walks_the_recursion_and_matches_single_evaluations()
    {
        Span<QueueMetrics> rows = stackalloc QueueMetrics[8];
        ErlangC.EvaluateRange(10, 11, 180, 20, rows);
        for (int i = 0; i < rows.Length; i++)
        {
            var single = ErlangC.Evaluate(10, 11 + i, 180, 20);
            AssertRelative(single.ServiceLevel, rows[i].ServiceLevel, 1e-14);
            AssertRelative(single.WaitProbability, rows[i].WaitProbability, 1e-14);
        }
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("handleSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(1, 2, 0, 20)).ParamName);
        Assert.Equal("answerWithinSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(1, 2, 180, -1)).ParamName);
        Assert.Equal("traffic", Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.Evaluate(double.PositiveInfinity, 2, 180, 1)).ParamName);
    }

    [Fact]
    public void Evaluate_allocates_nothing()
    {
        Assert.Equal(0, Allocations.Measure(() => ErlangC.Evaluate(100, 108.5, 180, 20)));
    }
}
