using CsMetrics.Forecasting;
using CsMetrics.Planning;
using CsMetrics.Queueing;

namespace CsMetrics.Tests.Planning;

public class WorkforcePlannerTests : IClassFixture<PlanFixture>
{
    private readonly PlanFixture _fixture;

    public WorkforcePlannerTests(PlanFixture fixture)
    {
        _fixture = fixture;
    }

    private WorkforcePlan Plan => _fixture.Plan;

    [Fact]
    public void The_horizon_is_the_week_after_the_history_with_closed_nights()
    {
        Assert.Equal(_fixture.Start.AddDays(21), Plan.Forecast.Start);
        Assert.Equal(336, Plan.Forecast.Horizon);
        for (int i = 0; i < 336; i++)
        {
            bool open = i % 48 is >= 16 and < 40;
            Assert.Equal(open, Plan.Forecast.Open[i]);
            if (!open)
            {
                Assert.Equal(0, Plan.Forecast.Contacts[i]);
                Assert.Equal(0, Plan.Staffing.Agents[i]);
            }
        }
        Assert.Equal(7, Plan.Days.Count);
        Assert.Equal("Week", Plan.Total.Label);
    }

    [Fact]
    public void Staffing_is_the_minimal_Erlang_C_answer_and_the_exact_shrinkage_gross_up()
    {
        var queue = new ContactQueue(TimeSpan.FromMinutes(30), _fixture.Options.AverageHandleTime);
        var targets = _fixture.Options.Targets;
        for (int i = 0; i < Plan.Forecast.Horizon; i++)
        {
            double contacts = Plan.Forecast.Contacts[i];
            int agents = Plan.Staffing.Agents[i];
            if (contacts == 0)
            {
                continue;
            }
            Assert.True(targets.AreMetBy(queue.Evaluate(contacts, agents, targets.AnswerWithin!.Value)), $"interval {i}: {agents} agents miss the targets");
            Assert.False(targets.AreMetBy(queue.Evaluate(contacts, agents - 1, targets.AnswerWithin!.Value)), $"interval {i}: {agents - 1} agents would do");
            // Independent of the library: the smallest h with h x (1 - s) >= agents, in exact decimal arithmetic.
            decimal productiveShare = 1 - (decimal)_fixture.Options.Shrinkage;
            int headcount = (int)Math.Ceiling(agents / productiveShare);
            Assert.Equal(headcount, Plan.Staffing.ScheduledHeadcount[i]);
        }
    }

    [Fact]
    public void Delivered_service_is_computed_from_the_coverage_not_the_requirement()
    {
        double handle = _fixture.Options.AverageHandleTime.TotalSeconds, threshold = _fixture.Options.AnswerWithin.TotalSeconds;
        for (int i = 0; i < Plan.Forecast.Horizon; i++)
        {
            double productive = Plan.Schedule.Coverage[i] * (1 - _fixture.Options.Shrinkage);
            double traffic = Plan.Forecast.Contacts[i] * handle / 1800;
            Assert.Equal(productive, Plan.Delivered[i].Agents, 12);
            Assert.Equal(IndependentErlangCServiceLevel(traffic, productive, handle, threshold), Plan.Delivered[i].ServiceLevel, 7);
            // Where the schedule covers the headcount, the targets hold (ceil makes productive >= agents).
            if (Plan.Forecast.Contacts[i] > 0 && Plan.Schedule.Coverage[i] >= Plan.Staffing.ScheduledHeadcount[i])
            {
                Assert.True(Plan.Delivered[i].ServiceLevel >= _fixture.Options.ServiceLevelTarget - 1e-12, $"interval {i}");
            }
        }
    }

    /// <summary>
    /// Erlang C's service level for fractional agents written independently of the library: the continuous
    /// Erlang B by its integral 1/B(x, a) = a ∫₀^∞ e^(-at) (1 + t)^x dt (Jagerman 1974), taken by composite Simpson
    /// in log space, then C = B / (1 - (a/x)(1 - B)) and SL = 1 - C e^(-(x - a)t/h). Overloaded (x ≤ a): 0.
    /// </summary>
    private static double IndependentErlangCServiceLevel(double a, double x, double handle, double threshold)
    {
        if (a == 0)
        {
            return 1;
        }
        if (x <= a)
        {
            return 0;
        }
        // The integrand's log, x log(1 + t) - a t, peaks at t = x/a - 1; beyond its peak it falls at least as fast
        // as a line of slope a - x/(1 + t), so it is below e^-60 of the peak well before the end chosen here.
        double peak = Math.Max(0, x / a - 1);
        double LogIntegrand(double t) => x * Math.Log(1 + t) - a * t;
        double top = LogIntegrand(peak);
        double end = peak + 1;
        while (LogIntegrand(end) - top > -60)
        {
            end = peak + 2 * (end - peak);
        }
        const int Panels = 20_000;
        double width = end / Panels, sum = 0;
        for (int k = 0; k <= Panels; k++)
        {
            double weight = k == 0 || k == Panels ? 1 : k % 2 == 1 ? 4 : 2;
            sum += weight * Math.Exp(LogIntegrand(k * width) - top);
        }
        double inverseBlocking = a * sum * width / 3 * Math.Exp(top);
        double blocking = 1 / inverseBlocking;
        double waitProbability = blocking / (1 - a / x * (1 - blocking));
        return 1 - waitProbability * Math.Exp(-(x - a) * threshold / handle);
    }

    [Fact]
    public void Day_and_week_summaries_pool_over_contacts()
    {
        for (int d = 0; d < 7; d++)
        {
            double contacts = 0, answered = 0, busy = 0, productive = 0, shift = 0;
            for (int i = d * 48; i < (d + 1) * 48; i++)
            {
                double c = Plan.Forecast.Contacts[i];
                contacts += c;
                answered += c > 0 ? c * Plan.Delivered[i].ServiceLevel : 0;
                busy += Plan.Delivered[i].Agents > 0 ? Plan.Delivered[i].Occupancy * Plan.Delivered[i].Agents : 0;
                productive += Plan.Delivered[i].Agents;
                shift += Plan.Schedule.Coverage[i] * 0.5;
            }
            var day = Plan.Days[d];
            Assert.Equal(contacts, day.Contacts, 9);
            Assert.Equal(answered / contacts, day.ServiceLevel, 12);
            Assert.Equal(busy / productive, day.Occupancy, 12);
            Assert.Equal(shift, day.ScheduledAgentHours, 9);
        }
        Assert.Equal(Plan.Days.Sum(d => d.Contacts), Plan.Total.Contacts, 6);
        Assert.Equal(Plan.Days.Sum(d => d.ServiceLevel * d.Contacts) / Plan.Total.Contacts, Plan.Total.ServiceLevel, 12);
    }

    [Fact]
    public void The_schedule_reports_a_valid_bound_and_a_small_gap()
    {
        Assert.True(Plan.Schedule.LowerBound <= Plan.Schedule.Cost + 1e-9);
        Assert.True(Plan.Schedule.Gap <= 0.02, $"gap {Plan.Schedule.Gap}");
        Assert.Contains("Week", Plan.ToString());
    }

    [Fact]
    public void The_backtest_holds_out_the_last_week_and_scores_the_baselines()
    {
        var backtest = Assert.IsType<CsMetrics.Forecasting.BacktestComparison>(Plan.Backtest);
        Assert.Equal(["double-seasonal HW", "daily ETS x profile", "historical average", "seasonal naive"], backtest.Rows.Select(r => r.Name));
        // Seasonal naive forecasts the held-out week with the week before: its MAE, computed directly.
        var history = _fixture.History;
        double absolute = 0;
        for (int t = history.Length - 336; t < history.Length; t++)
        {
            absolute += Math.Abs(history[t] - history[t - 336]);
        }
        var naive = backtest.Rows[3].Result;
        Assert.Equal(absolute / 336, naive.Aggregate.MeanAbsoluteError, 9);
        Assert.Equal(history.Length - 336, Assert.Single(naive.Origins).Origin);
        Assert.All(backtest.Rows, r => Assert.True(double.IsFinite(r.Result.Aggregate.MeanAbsoluteScaledError)));
        Assert.Null(WorkforcePlanner.BacktestForecast(history.AsSpan(0, 2 * 336), TimeSpan.FromMinutes(30), _fixture.Options));
    }

    [Fact]
    public void The_backtest_scores_known_answers_on_a_series_that_grows_by_a_constant_each_week()
    {
        // Week k (0-based) is base + 2k in every interval: holding out the fourth week, seasonal naive (the third
        // week) is off by exactly 2 everywhere and the historical average (base + 2, the mean of weeks 0-2) by 4.
        var history = new double[4 * 336];
        for (int t = 0; t < history.Length; t++)
        {
            history[t] = 10 + 5 * Math.Sin(2 * Math.PI * (t % 48) / 48) + (t % 336) / 48 + 2 * (t / 336);
        }
        var backtest = WorkforcePlanner.BacktestForecast(history, TimeSpan.FromMinutes(30), _fixture.Options)!;
        Assert.Equal(2, backtest.Rows.Single(r => r.Name == "seasonal naive").Result.Aggregate.MeanAbsoluteError, 9);
        Assert.Equal(4, backtest.Rows.Single(r => r.Name == "historical average").Result.Aggregate.MeanAbsoluteError, 9);
    }

    [Fact]
    public void The_historical_average_method_forecasts_each_weekday_and_interval_by_its_mean()
    {
        var options = _fixture.Options with { ForecastMethod = ForecastMethod.HistoricalAverage };
        var forecast = WorkforcePlanner.ForecastVolumes(_fixture.History, _fixture.Start, TimeSpan.FromMinutes(30), options);
        var history = _fixture.History;
        int weeks = history.Length / 336;
        for (int i = 0; i < 336; i++)
        {
            double mean = Enumerable.Range(0, weeks).Average(w => history[w * 336 + i]);
            Assert.Equal(forecast.Open[i] ? mean : 0, forecast.Contacts[i], 9);
        }
        Assert.Null(forecast.Model);
        Assert.Equal("historical average", forecast.Method);
    }

    [Fact]
    public void Best_picks_the_method_with_the_lowest_backtest_mase()
    {
        var backtest = Plan.Backtest!;
        var best = backtest.Rows.MinBy(r => r.Result.Aggregate.MeanAbsoluteScaledError)!;
        var options = _fixture.Options with { ForecastMethod = ForecastMethod.Best };
        var forecast = WorkforcePlanner.ForecastVolumes(_fixture.History, _fixture.Start, TimeSpan.FromMinutes(30), options, backtest);
        Assert.StartsWith(best.Name == "double-seasonal HW" ? "DSHW" : best.Name, forecast.Method);
        Assert.Contains("chosen by back-test", forecast.Method);
        // Two weeks cannot be back-tested: the documented fallback is the double-seasonal model, and the method says so.
        var tooShort = WorkforcePlanner.ForecastVolumes(_fixture.History.AsSpan(0, 2 * 336), _fixture.Start, TimeSpan.FromMinutes(30), options);
        Assert.StartsWith("DSHW", tooShort.Method);
        Assert.Contains("under three weeks (no back-test: 672 of 1008 intervals)", tooShort.Method);
        Assert.Equal(ForecastMethod.Best, new PlanOptions().ForecastMethod);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var history = _fixture.History;
        var interval = TimeSpan.FromMinutes(30);
        var shortHistory = Assert.Throws<ArgumentException>(() => WorkforcePlanner.ForecastVolumes(history.AsSpan(0, 400), _fixture.Start, interval, new PlanOptions()));
        Assert.Contains("at least two weeks (672 intervals", shortHistory.Message);

        var negative = (double[])history.Clone();
        negative[500] = -1;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => WorkforcePlanner.ForecastVolumes(negative, _fixture.Start, interval, new PlanOptions()));
        Assert.Contains("history[500]", ex.Message);

        Assert.Throws<ArgumentException>(() => WorkforcePlanner.ForecastVolumes(history, _fixture.Start, TimeSpan.FromMinutes(7), new PlanOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlanOptions { Shrinkage = 1 }.Validate());

        var night = new PlanOptions { Templates = [new CsMetrics.Scheduling.ShiftTemplate("Night", 240, 0, 180, 30, 4)] };
        var nightError = Assert.Throws<ArgumentException>(() => WorkforcePlanner.ScheduleProblemFor(Plan.Forecast, Plan.Staffing, night));
        Assert.Contains("Template 'Night' cannot cover any open interval", nightError.Message);
    }
}
