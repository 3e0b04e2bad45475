using CsMetrics.Forecasting;
using CsMetrics.Planning;
using CsMetrics.Queueing;

namespace CsMetrics.Tests.Planning;

/// <summary>Planning is open: a forecast from outside the planner staffs, schedules and scores like the planner's own.</summary>
public class OutsideForecastTests : IClassFixture<PlanFixture>
{
    private readonly PlanFixture _fixture;

    public OutsideForecastTests(PlanFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void A_schedule_is_scored_against_a_forecast_from_elsewhere()
    {
        var plan = _fixture.Plan;
        var options = _fixture.Options;
        // Finance expects 20% more contacts than our model in every open interval.
        var financeVolumes = plan.Forecast.Contacts.ToArray().Select(c => 1.2 * c).ToArray();
        var finance = VolumeForecast.FromContacts(plan.Forecast.Start, plan.Forecast.Interval, financeVolumes, "finance 2027 budget");
        Assert.Equal("finance 2027 budget", finance.Method);
        Assert.Equal(plan.Forecast.Horizon, finance.Horizon);
        Assert.Equal(financeVolumes, finance.Contacts.ToArray());

        // Our schedule, scored against finance's volumes: delivered metrics from the same coverage, more contacts.
        var financeStaffing = WorkforcePlanner.RequiredStaff(finance, options);
        var scored = WorkforcePlanner.Evaluate(finance, financeStaffing, plan.Schedule, options);
        Assert.Equal(plan.Schedule, scored.Schedule);
        var queue = new ContactQueue(plan.Forecast.Interval, options.AverageHandleTime);
        for (int i = 0; i < finance.Horizon; i++)
        {
            if (financeVolumes[i] == 0)
            {
                continue;
            }
            // More contacts on the same agents: the delivered service level can only fall.
            Assert.True(scored.Delivered[i].ServiceLevel <= plan.Delivered[i].ServiceLevel + 1e-12, $"interval {i}");
            // Staffing for 20% more contacts needs at least as many agents, and the answer is minimal for them.
            Assert.True(financeStaffing.Agents[i] >= plan.Staffing.Agents[i], $"interval {i}");
            int agents = financeStaffing.Agents[i];
            Assert.True(options.Targets.AreMetBy(queue.Evaluate(financeVolumes[i], agents, options.AnswerWithin)), $"interval {i}");
        }
        Assert.True(scored.Total.Contacts > plan.Total.Contacts);
    }

    [Fact]
    public void A_full_forecast_keeps_its_intervals_and_closed_hours()
    {
        var fc = new Forecast([10, 20, -3], [1, 2, 3], [new PredictionInterval(0.8, [8, 17, -5], [12, 23, -1])], "given");
        var volumes = VolumeForecast.Create(new DateTime(2027, 1, 4, 9, 0, 0), TimeSpan.FromMinutes(30), fc, "vendor model", [true, false, true]);
        Assert.Equal([10.0, 0, 0], volumes.Contacts.ToArray()); // closed -> 0; a negative mean staffs for 0
        Assert.Same(fc, volumes.Forecast);
        Assert.Null(volumes.Model);
        Assert.Equal(new DateTime(2027, 1, 4, 10, 0, 0), volumes.TimeOf(2));
    }

    [Fact]
    public void Bad_outside_forecasts_are_named()
    {
        var start = new DateTime(2027, 1, 4);
        var halfHour = TimeSpan.FromMinutes(30);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => VolumeForecast.FromContacts(start, halfHour, [1, -2, 3], "x"));
        Assert.Equal("contacts", negative.ParamName);
        Assert.Contains("contacts[1]", negative.Message);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => VolumeForecast.FromContacts(start, halfHour, [1, double.NaN], "x"));
        Assert.Contains("contacts[1]", nan.Message);
        Assert.Equal("contacts", Assert.Throws<ArgumentException>(() => VolumeForecast.FromContacts(start, halfHour, [], "x")).ParamName);
        Assert.Equal("interval", Assert.Throws<ArgumentException>(() => VolumeForecast.FromContacts(start, TimeSpan.FromMinutes(7), [1], "x")).ParamName);
        Assert.Equal("method", Assert.ThrowsAny<ArgumentException>(() => VolumeForecast.FromContacts(start, halfHour, [1], " ")).ParamName);
        var fc = new Forecast([1, 2], [0, 0], [], "given");
        Assert.Equal("open", Assert.Throws<ArgumentException>(() => VolumeForecast.Create(start, halfHour, fc, "x", [true])).ParamName);
        var inf = new Forecast([1, double.PositiveInfinity], [0, 0], [], "given");
        Assert.Contains("forecast[1]", Assert.Throws<ArgumentOutOfRangeException>(() => VolumeForecast.Create(start, halfHour, inf, "x")).Message);
    }
}
