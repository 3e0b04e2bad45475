using CsMetrics.Queueing;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Queueing;

public class ContactQueueTests
{
    private static readonly ContactQueue HalfHour = new(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180));
    private static readonly StaffingTargets EightyTwenty = new() { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };

    [Fact]
    public void Worked_example_in_contact_centre_units()
    {
        Assert.Equal(10, HalfHour.Traffic(100), 12);
        var result = HalfHour.RequiredAgents(contacts: 100, EightyTwenty, shrinkage: 0.3);
        Assert.Equal(14, result.Agents);
        Assert.Equal(20, result.ScheduledHeadcount);
        Assert.Equal(0.1741319, result.Metrics.WaitProbability, 7);
        Assert.Equal(7.836, result.Metrics.AverageSpeedOfAnswerSeconds, 3);
    }

    [Fact]
    public void Fractional_agents_sit_between_their_integer_neighbours()
    {
        var at13 = HalfHour.Evaluate(100, 13, TimeSpan.FromSeconds(20));
        var at134 = HalfHour.Evaluate(100, 13.4, TimeSpan.FromSeconds(20));
        var at14 = HalfHour.Evaluate(100, 14, TimeSpan.FromSeconds(20));
        Assert.InRange(at134.ServiceLevel, at13.ServiceLevel, at14.ServiceLevel);
        Assert.InRange(at134.Occupancy, at14.Occupancy, at13.Occupancy);
        Assert.Equal(10 / 13.4, at134.Occupancy, 15);
    }

    [Fact]
    public void Span_forms_match_single_calls_and_allocate_nothing()
    {
        double[] contacts = [0, 40, 100, 250, 600];
        double[] agents = [0, 6.5, 14, 30, 70];
        var metrics = new QueueMetrics[contacts.Length];
        var required = new int[contacts.Length];
        HalfHour.Evaluate(contacts, agents, TimeSpan.FromSeconds(20), metrics);
        HalfHour.RequiredAgents(contacts, EightyTwenty, required);
        for (int i = 0; i < contacts.Length; i++)
        {
            Assert.Equal(HalfHour.Evaluate(contacts[i], agents[i], TimeSpan.FromSeconds(20)), metrics[i]);
            Assert.Equal(HalfHour.RequiredAgents(contacts[i], EightyTwenty).Agents, required[i]);
        }
        Assert.Equal(0, Allocations.Measure(() => HalfHour.Evaluate(contacts, agents, TimeSpan.FromSeconds(20), metrics)));
        Assert.Equal(0, Allocations.Measure(() => HalfHour.RequiredAgents(contacts, EightyTwenty, required)));
    }

    [Fact]
    public void Patience_switches_to_erlang_a()
    {
        var patient = new ContactQueue(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), patience: TimeSpan.FromSeconds(120));
        Assert.Equal(QueueModel.ErlangA, patient.Model);
        var m = patient.Evaluate(100, 12, TimeSpan.FromSeconds(20));
        Assert.Equal(QueueModel.ErlangA, m.Model);
        Assert.True(m.AbandonProbability > 0);
        Assert.Contains("abandoned", m.ToString());
        Assert.True(patient.RequiredAgents(100, EightyTwenty).Agents <= 14);
    }

    [Fact]
    public void Max_contacts_inverts_required_agents()
    {
        double contacts = HalfHour.MaxContacts(14, EightyTwenty);
        Assert.Equal(14, HalfHour.RequiredAgents(contacts, EightyTwenty).Agents);
        Assert.Equal(15, HalfHour.RequiredAgents(Math.Ceiling(contacts + 1), EightyTwenty).Agents);
    }

    [Fact]
    public void Service_level_table_walks_the_team_sizes()
    {
        var table = HalfHour.ServiceLevelTable(100, TimeSpan.FromSeconds(20), 10, 18);
        Assert.Equal(9, table.Rows.Count);
        Assert.True(table.Rows[0].IsOverloaded);
        for (int i = 1; i < table.Rows.Count; i++)
        {
            Assert.True(table.Rows[i].ServiceLevel >= table.Rows[i - 1].ServiceLevel);
            Assert.Equal(HalfHour.Evaluate(100, 10 + i, TimeSpan.FromSeconds(20)).ServiceLevel, table.Rows[i].ServiceLevel, 14);
        }
        var text = table.ToString();
        Assert.Contains("agents  service_level", text);
        Assert.Contains("0.888350", text);
    }

    [Fact]
    public void Bad_arguments_name_the_parameter()
    {
        Assert.Equal("interval", Assert.Throws<ArgumentOutOfRangeException>(() => new ContactQueue(TimeSpan.Zero, TimeSpan.FromSeconds(1))).ParamName);
        Assert.Equal("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new ContactQueue(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.Zero)).ParamName);
        Assert.Equal("contacts", Assert.Throws<ArgumentOutOfRangeException>(() => HalfHour.Traffic(-1)).ParamName);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => HalfHour.RequiredAgents([1, -2], EightyTwenty, new int[2]));
        Assert.Contains("contacts[1]", ex.Message);
        Assert.Equal("agents", Assert.Throws<ArgumentException>(() => HalfHour.Evaluate([1, 2], [1], TimeSpan.Zero, new QueueMetrics[2])).ParamName);
    }
}
