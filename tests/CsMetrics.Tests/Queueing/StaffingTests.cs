using CsMetrics.Queueing;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Queueing;

public partial class StaffingTests
{
    private static readonly StaffingTargets EightyTwenty = new() { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };

    internal static (double Traffic, double Handle, double Patience, StaffingTargets Targets, double Shrinkage) ReadRow(IReadOnlyDictionary<string, string> row)
    {
        double handle = ReferenceData.Number(row["aht_s"]);
        double traffic = ReferenceData.Number(row["contacts"]) * handle / ReferenceData.Number(row["interval_s"]);
        double patience = ReferenceData.Number(row["patience_s"]);
        double asa = ReferenceData.Number(row["max_asa_s"]);
        var targets = new StaffingTargets
        {
            ServiceLevel = Optional(row["target_sl"]),
            AnswerWithin = TimeSpan.FromSeconds(ReferenceData.Number(row["answer_s"])),
            MaxOccupancy = Optional(row["max_occupancy"]),
            MaxAverageSpeedOfAnswer = double.IsNaN(asa) ? null : TimeSpan.FromSeconds(asa),
            MaxAbandonProbability = Optional(row["max_abandon"]),
        };
        return (traffic, handle, double.IsNaN(patience) || patience == 0 ? double.PositiveInfinity : patience, targets, Optional(row["shrinkage"]) ?? 0);
    }

    private static double? Optional(string text) => text.Length == 0 ? null : ReferenceData.Number(text);

    [Fact]
    public void Matches_the_reference_staffing_exactly_and_its_metrics_to_1e_12()
    {
        var rows = ReferenceData.ReadCsv("queueing/staffing.csv");
        Assert.True(rows.Count >= 390);
        foreach (var row in rows)
        {
            var (traffic, handle, patience, targets, shrinkage) = ReadRow(row);
            var result = Staffing.RequiredAgents(traffic, handle, targets, patience, shrinkage);
            string where = $"row {row["contacts"]},{row["interval_s"]},{row["aht_s"]}";
            Assert.True(int.Parse(row["agents"]) == result.Agents, $"{where}: agents {result.Agents}, expected {row["agents"]}");
            Assert.True(int.Parse(row["scheduled"]) == result.ScheduledHeadcount, $"{where}: scheduled {result.ScheduledHeadcount}, expected {row["scheduled"]}");
            foreach (var (column, value) in new[]
            {
                ("service_level", result.Metrics.ServiceLevel), ("wait_probability", result.Metrics.WaitProbability),
                ("asa_s", result.Metrics.AverageSpeedOfAnswerSeconds), ("occupancy", result.Metrics.Occupancy),
            })
            {
                double expected = ReferenceData.Number(row[column]);
                Assert.True(Math.Abs(expected - value) <= 1e-12 * Math.Abs(expected), $"{where}: {column} {value:R}, expected {expected:R}");
            }
            if (!double.IsPositiveInfinity(patience))
            {
                double expected = ReferenceData.Number(row["abandon_probability"]);
                Assert.True(Math.Abs(expected - result.Metrics.AbandonProbability) <= 1e-12 * expected, $"{where}: abandon_probability");
            }
        }
    }

    [Fact]
    public void Worked_example_14_agents_20_scheduled_at_30_percent_shrinkage()
    {
        var result = Staffing.RequiredAgents(10, 180, EightyTwenty, shrinkage: 0.3);
        Assert.Equal(14, result.Agents);
        Assert.Equal(20, result.ScheduledHeadcount);
        Assert.Equal(0.8883500, result.Metrics.ServiceLevel, 7);
        Assert.StartsWith("14 agents (20 scheduled at 30% shrinkage)", result.ToString());
    }

    [Theory]
    [InlineData(21, 0.3, 30)]   // 21 / 0.7 = 30.000000000000004 in double
    [InlineData(14, 0.3, 20)]
    [InlineData(7, 0.3, 10)]
    [InlineData(9, 0.1, 10)]    // 9 / 0.9 = 10.000000000000002 in double
    [InlineData(18, 0.1, 20)]
    [InlineData(17, 0.15, 20)]
    [InlineData(6, 0.4, 10)]
    [InlineData(10, 0.35, 16)]  // 15.38...
    [InlineData(1, 0.5, 2)]
    [InlineData(0, 0.3, 0)]
    [InlineData(77, 0.3, 110)]
    [InlineData(33, 0.67, 100)] // 33 / 0.33 = 100.00000000000001 in double
    public void Scheduled_headcount_is_exact_where_binary_floating_point_is_not(int agents, double shrinkage, int expected)
    {
        Assert.Equal(expected, Staffing.ScheduledHeadcount(agents, shrinkage));
    }

    [Fact]
    public void The_floating_point_trap_is_real()
    {
        // Why ScheduledHeadcount does not simply divide doubles.
        Assert.Equal(31, (int)Math.Ceiling(21 / (1 - 0.3)));
        Assert.Equal(30, Staffing.ScheduledHeadcount(21, 0.3));
    }

    [Property(MaxTest = 150)]
    public bool The_answer_is_minimal_one_fewer_agent_fails_a_target(ushort trafficSeed, byte levelSeed, byte thresholdSeed, byte occupancySeed)
    {
        double traffic = 0.2 + trafficSeed / 50.0;
        var targets = new StaffingTargets
        {
            ServiceLevel = 0.5 + (levelSeed % 50) / 100.0,
            AnswerWithin = TimeSpan.FromSeconds(thresholdSeed % 60),
            MaxOccupancy = occupancySeed % 3 == 0 ? 0.7 + (occupancySeed % 30) / 100.0 : null,
            MaxAverageSpeedOfAnswer = occupancySeed % 5 == 0 ? TimeSpan.FromSeconds(10) : null,
        };
        var result = Staffing.RequiredAgents(traffic, 240, targets);
        var atAnswer = ErlangC.Evaluate(traffic, result.Agents, 240, targets.AnswerWithin!.Value.TotalSeconds);
        var oneFewer = ErlangC.Evaluate(traffic, result.Agents - 1, 240, targets.AnswerWithin!.Value.TotalSeconds);
        return result.IsFeasible && targets.AreMetBy(atAnswer) && atAnswer == result.Metrics
            && (!targets.AreMetBy(oneFewer) || oneFewer.IsOverloaded);
    }

    [Property(MaxTest = 80)]
    public bool The_erlang_a_answer_is_minimal(ushort trafficSeed, byte levelSeed, byte patienceSeed, byte abandonSeed)
    {
        double traffic = 0.2 + trafficSeed / 200.0;
        double patience = 10 + patienceSeed * 2;
        var targets = new StaffingTargets
        {
            ServiceLevel = 0.3 + (levelSeed % 65) / 100.0,
            AnswerWithin = TimeSpan.FromSeconds(20),
            MaxAbandonProbability = abandonSeed % 2 == 0 ? 0.01 + (abandonSeed % 20) / 100.0 : null,
        };
        var result = Staffing.RequiredAgents(traffic, 300, targets, patience);
        var oneFewer = ErlangA.Evaluate(traffic, result.Agents - 1, 300, patience, 20);
        return result.IsFeasible && targets.AreMetBy(result.Metrics) && result.Agents >= 1
            && (result.Agents == 1 || !targets.AreMetBy(oneFewer));
    }

    [Fact]
    public void Every_target_kind_binds_on_its_own()
    {
        var wait = new StaffingTargets { MaxWaitProbability = 0.05 };
        int agents = Staffing.RequiredAgents(50, 300, wait).Agents;
        Assert.True(ErlangC.WaitProbability(50, agents) <= 0.05 && ErlangC.WaitProbability(50, agents - 1) > 0.05);

        var blocking = new StaffingTargets { MaxBlockingProbability = 0.01 };
        Assert.Equal(ErlangB.RequiredAgents(50, 0.01), Staffing.RequiredAgents(50, 300, blocking).Agents);

        var occupancy = new StaffingTargets { MaxOccupancy = 0.8 };
        Assert.Equal(63, Staffing.RequiredAgents(50, 300, occupancy).Agents); // 50/0.8 = 62.5

        var asa = new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(15) };
        agents = Staffing.RequiredAgents(50, 300, asa).Agents;
        Assert.True(ErlangC.AverageSpeedOfAnswer(50, agents, 300) <= 15 && ErlangC.AverageSpeedOfAnswer(50, agents - 1, 300) > 15);

        var none = new StaffingTargets();
        Assert.Equal(51, Staffing.RequiredAgents(50, 300, none).Agents); // smallest stable team
        Assert.Equal(0, Staffing.RequiredAgents(0, 300, EightyTwenty).Agents);
    }

    [Fact]
    public void Stable_at_100000_erlangs()
    {
        var result = Staffing.RequiredAgents(100_000, 300, EightyTwenty);
        Assert.True(result.Agents > 100_000 && result.Agents < 100_400, $"{result}");
        Assert.True(result.Metrics.ServiceLevel >= 0.8);
        Assert.True(ErlangC.ServiceLevel(100_000, result.Agents - 1, 300, 20) < 0.8);
        var erlangA = Staffing.RequiredAgents(100_000, 300, EightyTwenty, patienceSeconds: 120);
        Assert.True(erlangA.IsFeasible && erlangA.Metrics.ServiceLevel >= 0.8);
    }

    [Fact]
    public void The_batch_equals_one_interval_at_a_time_and_so_does_the_parallel_batch()
    {
        var traffic = Enumerable.Range(0, 336).Select(i => 20 + 80 * Math.Sin(i * Math.PI / 48) * Math.Sin(i * Math.PI / 48)).ToArray();
        var sequential = new int[traffic.Length];
        var parallel = new int[traffic.Length];
        Staffing.RequiredAgents(traffic, 180, EightyTwenty, sequential);
        Staffing.RequiredAgentsParallel(traffic, 180, EightyTwenty, parallel);
        for (int i = 0; i < traffic.Length; i++)
        {
            Assert.Equal(Staffing.RequiredAgents(traffic[i], 180, EightyTwenty).Agents, sequential[i]);
        }
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Max_traffic_is_the_inverse_of_required_agents()
    {
        double traffic = Staffing.MaxTrafficFor(14, 180, EightyTwenty);
        Assert.True(ErlangC.ServiceLevel(traffic, 14, 180, 20) >= 0.8);
        Assert.True(ErlangC.ServiceLevel(traffic * (1 + 1e-9), 14, 180, 20) < 0.8);
        Assert.Equal(14, Staffing.RequiredAgents(traffic, 180, EightyTwenty).Agents);
        Assert.Equal(15, Staffing.RequiredAgents(traffic * 1.001, 180, EightyTwenty).Agents);

        double withPatience = Staffing.MaxTrafficFor(14, 180, EightyTwenty, patienceSeconds: 60);
        Assert.True(withPatience > 0);
        Assert.Equal(14, Staffing.RequiredAgents(withPatience, 180, EightyTwenty, 60).Agents);
    }

    [Fact]
    public void Solvers_allocate_nothing()
    {
        var targets = EightyTwenty with { MaxOccupancy = 0.85 };
        var traffic = new double[336];
        for (int i = 0; i < traffic.Length; i++)
        {
            traffic[i] = 10 + i % 90;
        }
        var destination = new int[traffic.Length];
        Assert.Equal(0, Allocations.Measure(() => Staffing.RequiredAgents(100, 180, targets)));
        Assert.Equal(0, Allocations.Measure(() => Staffing.RequiredAgents(100, 180, targets, patienceSeconds: 90)));
        Assert.Equal(0, Allocations.Measure(() => Staffing.RequiredAgents(traffic, 180, targets, destination)));
        Assert.Equal(0, Allocations.Measure(() => Staffing.MaxTrafficFor(20, 180, targets)));
    }

    [Fact]
    public void Bad_input_names_the_parameter_and_index()
    {
        var destination = new int[3];
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Staffing.RequiredAgents([1, double.NaN, 3], 180, EightyTwenty, destination));
        Assert.Equal("traffic", ex.ParamName);
        Assert.Contains("traffic[1]", ex.Message);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Staffing.RequiredAgents([1, 2, 3, 4], 180, EightyTwenty, destination)).ParamName);
        Assert.Equal("shrinkage", Assert.Throws<ArgumentOutOfRangeException>(() => Staffing.ScheduledHeadcount(3, 1)).ParamName);
        Assert.Equal("targets.ServiceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => Staffing.RequiredAgents(1, 180, new StaffingTargets { ServiceLevel = 1.5 })).ParamName);
        Assert.Equal("targets.MaxOccupancy", Assert.Throws<ArgumentOutOfRangeException>(() => Staffing.RequiredAgents(1, 180, new StaffingTargets { MaxOccupancy = 0 })).ParamName);
    }
}
