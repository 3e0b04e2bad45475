using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsMetrics.Forecasting;
using CsMetrics.Metrics;
using CsMetrics.Planning;
using CsMetrics.Quality;
using CsMetrics.Queueing;
using CsMetrics.Serialization;
using CsMetrics.Tests.Planning;

namespace CsMetrics.Tests.Serialization;

/// <summary>
/// Every result type registered in <see cref="CsMetricsJsonContext"/> round-trips: serialised, read back and serialised
/// again it gives the same JSON, and where the type has value equality the value read back equals the original.
/// </summary>
public class JsonRoundTripTests : IClassFixture<PlanFixture>
{
    private static readonly CsMetricsJsonContext Json = CsMetricsJsonContext.Default;
    private readonly PlanFixture _fixture;

    public JsonRoundTripTests(PlanFixture fixture)
    {
        _fixture = fixture;
    }

    private static T RoundTrip<T>(T value, JsonTypeInfo<T> info, bool valueEquality = true)
    {
        string first = JsonSerializer.Serialize(value, info);
        T back = JsonSerializer.Deserialize(first, info)!;
        Assert.Equal(first, JsonSerializer.Serialize(back, info));
        if (valueEquality)
        {
            Assert.Equal(value, back);
        }
        return back;
    }

    [Fact]
    public void Metric_results_and_states_round_trip()
    {
        byte[] nps = [10, 9, 9, 8, 7, 6, 3, 10, 0, 9];
        RoundTrip(NetPromoterScore.Compute(nps), Json.NpsResult);
        RoundTrip(NetPromoterScore.DifferenceTest(NetPromoterScore.Compute(nps), NetPromoterScore.FromCounts(3, 3, 4)), Json.NpsDifference);
        RoundTrip(NpsTally.Of(nps), Json.NpsTally);
        byte[] csat = [5, 4, 4, 3, 1, 5, 2];
        RoundTrip(CustomerSatisfaction.Compute(csat, CsatScale.TopBox()), Json.CsatResult);
        RoundTrip(CsatTally.Of(csat, CsatScale.TopBox()), Json.CsatTally);
        RoundTrip(CustomerEffort.Compute([7, 6, 5, 2, 1], CesScale.FromRange()), Json.CesResult);
        var proportion = ProportionResult.FromCounts(85, 100);
        RoundTrip(proportion, Json.ProportionResult);
        RoundTrip(proportion.Interval, Json.ConfidenceInterval);
        RoundTrip(ProportionResult.FromCounts(0, 0), Json.ProportionResult); // NaN value and bounds
        RoundTrip(ProportionStatistics.TwoProportionZTest(85, 100, 70, 100), Json.TwoProportionTest);
        RoundTrip(CustomerRetention.Compute(1000, 950, 30), Json.ChurnResult);
        RoundTrip(AverageHandleTime.Compute([240, 300], [0, 30], [60, 45]), Json.HandleTimeResult);
        RoundTrip(DurationMean.Of([12.5, 3, 40]), Json.DurationMean);
        var counts = new ServiceLevelCounts(80, 70, 12, 5, 2);
        RoundTrip(counts, Json.ServiceLevelCounts);
        RoundTrip(QueueTally.Of([3, 25, 40, 1], [true, true, false, false], 20, 5), Json.QueueTally);
        RoundTrip(ProportionTally.Of([true, false, true]), Json.ProportionTally);
    }

    [Fact]
    public void Queueing_results_round_trip()
    {
        RoundTrip(ErlangC.Evaluate(10, 13, 180, 20), Json.QueueMetrics);
        var targets = new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20), MaxOccupancy = 0.9 };
        RoundTrip(targets, Json.StaffingTargets);
        RoundTrip(Staffing.RequiredAgents(10, 180, targets), Json.StaffingResult);
    }

    [Fact]
    public void Quality_results_round_trip()
    {
        double[,] data = { { 1, 1, 1 }, { 2, 2, 2 }, { 3, 3, 3 }, { 3, 3, 2 }, { 2, 2, 2 } }; // units x raters
        var table = new RatingTable(["a", "b", "c"], data);
        RoundTrip(KrippendorffAlpha.Compute(table, MeasurementLevel.Interval), Json.KrippendorffAlphaResult);
        RoundTrip(CohenKappa.Compute(table, 0, 1), Json.KappaResult);
        RoundTrip(FleissKappa.Compute(table), Json.FleissKappaResult);
        RoundTrip(IntraclassCorrelation.Compute(table), Json.IccResult);
        RoundTrip(CronbachAlpha.Compute(table), Json.ReliabilityResult);
        RoundTrip(Agreement.Analyze(table), Json.AgreementReport, valueEquality: false);
        RoundTrip(AnalyticHierarchyProcess.Weights(new double[,] { { 1, 3, 5 }, { 1 / 3.0, 1, 2 }, { 0.2, 0.5, 1 } }), Json.AhpResult, valueEquality: false);
        var e = Enumerable.Repeat(6.0, 22).ToArray();
        var p = Enumerable.Range(0, 22).Select(i => 4.0 + i % 3).ToArray();
        RoundTrip(Servqual.Analyze(ServqualInstrument.Standard, [new ServqualResponse(e, p), new ServqualResponse(p, e)]), Json.ServqualReport, valueEquality: false);
        var card = new Scorecard("points", [new("Accuracy", 100, [ScorecardCriterion.Points("Correct", 10)])], ScoringMethod.TotalPoints, passMark: 0.7);
        var tally = new QaTally(card);
        tally.Add([8]);
        tally.Add([5]);
        RoundTrip(tally.Summarize(), Json.QaSummary, valueEquality: false);
    }

    [Fact]
    public void Forecasts_and_fits_round_trip()
    {
        double[] y = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17, 16, 18];
        var fit = Ets.Fit(y, new EtsSpecification(EtsError.Additive, EtsTrend.Additive, EtsSeason.None, 1));
        RoundTrip(fit.Specification, Json.EtsSpecification);
        RoundTrip(fit.Parameters, Json.EtsParameters);
        var forecast = fit.Forecast(3, 0.8, 0.95);
        var back = RoundTrip(forecast, Json.Forecast);
        Assert.Equal(forecast.Mean, back.Mean);
        RoundTrip(forecast.Intervals[0], Json.PredictionInterval);
        RoundTrip(ForecastAccuracy.Measure([10, 12, 14], [11, 12, 13], y, 1), Json.AccuracyReport);
    }

    [Fact]
    public void Plans_and_schedules_round_trip()
    {
        var plan = _fixture.Plan;
        RoundTrip(plan.Schedule, Json.ScheduleSolution);
        RoundTrip(plan.Schedule.Shifts[0], Json.ScheduledShift);
        RoundTrip(plan.Total, Json.PlanPeriod);
        RoundTrip(plan.Staffing, Json.StaffingRequirement, valueEquality: false);
        RoundTrip(plan.Backtest!, Json.BacktestComparison, valueEquality: false);
        RoundTrip(plan.Backtest!.Rows[0].Result, Json.BacktestResult, valueEquality: false);
    }

    [Fact]
    public void Nan_and_infinity_are_named_literals()
    {
        string json = JsonSerializer.Serialize(ProportionResult.FromCounts(0, 0), Json.ProportionResult);
        Assert.Contains("\"NaN\"", json);
        var infinite = ErlangC.Evaluate(10, 9, 180, 20); // unstable queue: infinite waits
        string text = JsonSerializer.Serialize(infinite, Json.QueueMetrics);
        Assert.Contains("\"Infinity\"", text);
        Assert.Equal(text, JsonSerializer.Serialize(JsonSerializer.Deserialize(text, Json.QueueMetrics), Json.QueueMetrics));
    }
}
