using System.Numerics;
using CsMetrics.Queueing;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Queueing;

/// <summary>Targets met exactly in decimal arithmetic are met; impossible targets are infeasible, never rounded.</summary>
public partial class StaffingTests
{
    [Fact]
    public void An_occupancy_met_exactly_in_decimal_is_met()
    {
        // 612 contacts x 180 s / 1800 s = 61.2 Erlangs; on 72 agents occupancy is 0.85 exactly
        // (binary floating point computes 0.8500000000000001).
        var result = Staffing.RequiredAgents(612 * 180 / 1800.0, 180, new StaffingTargets { MaxOccupancy = 0.85 });
        Assert.Equal(72, result.Agents);
    }

    /// <summary>
    /// The occupancy-only answer against exact rational arithmetic: the least N with
    /// contacts x AHT &lt;= (k / 100) x interval x N, i.e. ceil(100 contacts AHT / (k interval)) in integers.
    /// </summary>
    [Property(MaxTest = 400)]
    public bool Occupancy_caps_agree_with_exact_rational_arithmetic(ushort contactsSeed, byte ahtSeed, byte capSeed, bool hourly)
    {
        long contacts = 1 + contactsSeed % 3000;
        long aht = 30 + ahtSeed * 3;
        long interval = hourly ? 3600 : 1800;
        long percent = 50 + capSeed % 50;
        long numerator = 100 * contacts * aht, denominator = percent * interval;
        long exact = (long)BigInteger.Divide(numerator + denominator - 1, denominator);
        var result = Staffing.RequiredAgents(contacts * aht / (double)interval, aht, new StaffingTargets { MaxOccupancy = percent / 100.0 });
        return result.Agents == exact;
    }

    [Fact]
    public void Boundary_rows_through_the_cli_get_no_extra_agent()
    {
        // Every row has contacts x AHT / interval / N equal to the cap in decimal arithmetic.
        var rows = new List<(int Contacts, int Agents, string Cap)>();
        for (int agents = 20; agents <= 120; agents += 4)
        {
            // contacts = cap x agents x interval / AHT with cap 0.85, interval 1800, AHT 180: 8.5 x agents.
            rows.Add((17 * agents / 2, agents, "0.85"));
        }
        var input = "contacts,interval_s,aht_s,answer_s,target_sl,max_occupancy\n"
            + string.Concat(rows.Select(r => $"{r.Contacts},1800,180,20,,{r.Cap}\n"));
        var result = CliRunner.RunWithInput(input, "staffing");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(rows.Select(r => r.Agents.ToString(System.Globalization.CultureInfo.InvariantCulture)), CsvText.Column(result.Output, "agents"));
    }

    public static TheoryData<StaffingTargets, double, string> ImpossibleTargets => new()
    {
        { new StaffingTargets { ServiceLevel = 1, AnswerWithin = TimeSpan.FromSeconds(20) }, double.PositiveInfinity, "a service level of 1" },
        { new StaffingTargets { ServiceLevel = 1, AnswerWithin = TimeSpan.FromSeconds(20) }, 120, "a service level of 1" },
        { new StaffingTargets { MaxAverageSpeedOfAnswer = TimeSpan.Zero }, double.PositiveInfinity, "an ASA of 0 s" },
        { new StaffingTargets { MaxWaitProbability = 0 }, 120, "a wait probability of 0" },
        { new StaffingTargets { MaxAbandonProbability = 0 }, 120, "an abandonment of 0" },
        { new StaffingTargets { MaxBlockingProbability = 0 }, double.PositiveInfinity, "a blocking probability of 0" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleTargets))]
    public void Impossible_targets_are_infeasible_with_the_reason(StaffingTargets targets, double patience, string reason)
    {
        var result = Staffing.RequiredAgents(10, 180, targets, patience);
        Assert.False(result.IsFeasible);
        Assert.StartsWith(reason, result.InfeasibleReason);
        Assert.Contains(reason, result.ToString());
    }

    [Fact]
    public void An_abandonment_of_zero_is_met_by_erlang_c_which_has_none()
    {
        var result = Staffing.RequiredAgents(10, 180, new StaffingTargets { MaxAbandonProbability = 0, MaxOccupancy = 0.8 });
        Assert.Equal(13, result.Agents);
    }

    [Fact]
    public void A_service_level_just_below_1_is_met_by_a_finite_team_that_truly_meets_it()
    {
        // 1 - 1e-12: reached where C·e^(-(N - A)t/h) <= 1e-12, not where 1 - that rounds to 1.
        var targets = new StaffingTargets { ServiceLevel = 1 - 1e-12, AnswerWithin = TimeSpan.FromSeconds(20) };
        var result = Staffing.RequiredAgents(10, 180, targets);
        Assert.True(result.IsFeasible);
        Assert.True(result.Metrics.MissProbability <= 1e-12 * (1 + 1e-12));
        var fewer = ErlangC.Evaluate(10, result.Agents - 1, 180, 20);
        Assert.True(fewer.MissProbability > 1e-12);
    }

    [Fact]
    public void The_cli_reports_an_impossible_service_level_as_infeasible()
    {
        var result = CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,target_sl\n100,1800,180,20,0.8\n100,1800,180,20,1\n", "staffing");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("error: <stdin>: row 3: infeasible: a service level of 1 is met by no finite team: with contacts arriving, some always wait longer than the threshold", result.Error.Trim());
    }

    [Fact]
    public void Contacts_and_traffic_that_disagree_are_an_error_and_agreeing_ones_are_read()
    {
        var bad = CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,target_sl,traffic\n100,1800,180,20,0.8,3\n", "staffing");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: <stdin>: row 2, column 'traffic': 3 Erlangs disagrees with contacts x aht_s / interval_s = 10", bad.Error);
        var agreeing = CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,target_sl,traffic\n100,1800,180,20,0.8,10\n", "staffing");
        Assert.Equal(0, agreeing.ExitCode);
        Assert.Equal("14", CsvText.Column(agreeing.Output, "agents").Single());
    }

    [Theory]
    [InlineData("interval_s", "1e-300")]
    [InlineData("aht_s", "1e-300")]
    [InlineData("aht_s", "0")]
    public void Times_below_a_millisecond_are_located_errors(string column, string value)
    {
        string header = "contacts,interval_s,aht_s,answer_s,target_sl";
        string row = column == "interval_s" ? $"100,{value},180,20,0.8" : $"100,1800,{value},20,0.8";
        var result = CliRunner.RunWithInput($"{header}\n{row}\n", "staffing");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: <stdin>: row 2, column '{column}': {value} is out of range", result.Error);
    }

    [Fact]
    public void A_team_of_1e300_agents_is_evaluated_at_once()
    {
        var result = CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,agents\n100,1800,180,20,1e300\n", "queue");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1", CsvText.Column(result.Output, "service_level").Single());
    }
}
