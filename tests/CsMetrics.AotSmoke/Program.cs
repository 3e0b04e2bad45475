// Exercises the library under Native AOT. Every module adds a call here as it lands.
using CsMetrics.Forecasting;
using CsMetrics.Metrics;
using CsMetrics.Quality;
using CsMetrics.Queueing;

// Metrics: the vectorised NPS tally and the quantile sketch.
var nps = NetPromoterScore.Compute([10, 9, 8, 7, 6, 0, 10, 9]);
var sketch = new QuantileSketch(0.01);
sketch.Add([12.0, 30.5, 45.0, 8.25, 120.0]);
if (nps.Score != 25 || Math.Abs(sketch.Quantile(0.5) - 30.5) > 0.305)
{
    Console.WriteLine($"Metrics smoke failed: {nps}; {sketch}");
    return 1;
}
Console.WriteLine(nps);

// Quality: score an evaluation on the seed scorecard, AHP weights, Krippendorff's alpha.
var qaScore = Scorecard.ContactCentreSeed.Score([1, 5, 1, 4, 5, 1, 1, 4, 1, 5]);
var ahp = AnalyticHierarchyProcess.Weights(new double[,] { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 1 / 3.0, 1 } });
var alpha = KrippendorffAlpha.Compute([1, 2, 3, 3, 1, 2, 3, 2], 2, MeasurementLevel.Ordinal);
if (!(qaScore.Score > 0.9 && Math.Abs(ahp.ConsistencyRatio - 0.0332) < 1e-3 && alpha.Alpha > 0))
{
    Console.WriteLine($"Quality smoke failed: {qaScore}; {ahp}; {alpha}");
    return 1;
}

// Queueing: staffing for the worked example (100 contacts per 30 min, AHT 180 s, 80/20 -> 14 agents, 20 scheduled)
// and an Erlang A evaluation with fractional agents (series, quadrature and incomplete-gamma paths).
var queue = new ContactQueue(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180));
var staffing = queue.RequiredAgents(100, new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) }, shrinkage: 0.3);
var erlangA = ErlangA.Evaluate(traffic: 2_000, agents: 1_700.5, handleSeconds: 300, patienceSeconds: 3_600, answerWithinSeconds: 20);
if (staffing.Agents != 14 || staffing.ScheduledHeadcount != 20 || !(erlangA.AbandonProbability > 0 && erlangA.AbandonProbability < 1))
{
    Console.WriteLine($"Queueing FAILED: {staffing}; {erlangA}");
    return 1;
}
Console.WriteLine(staffing);

// Forecasting (intraday): a double-seasonal fit with simulated intervals, and the accuracy measures.
var intraday = Enumerable.Range(0, 2 * 336).Select(t => 100 + 40 * Math.Sin(2 * Math.PI * (t % 48) / 48) + (t % 336) / 48).ToArray();
var dshw = CsMetrics.Forecasting.DoubleSeasonalHoltWinters.Fit(intraday, 48, 336, new CsMetrics.Forecasting.DoubleSeasonalOptions { MaxEvaluations = 200 });
var dshwForecast = dshw.Forecast(48, [0.8, 0.95], paths: 200, seed: 1);
var accuracy = CsMetrics.Forecasting.ForecastAccuracy.Measure(intraday.AsSpan(0, 48), dshwForecast.Mean.ToArray(), intraday, 336);
if (!double.IsFinite(dshw.MeanSquaredError) || !double.IsFinite(accuracy.MeanAbsoluteError))
{
    Console.WriteLine("Forecasting (intraday) failed");
    return 1;
}

var seasonal = Enumerable.Range(0, 48).Select(t => 100 + t + 10 * Math.Sin(2 * Math.PI * t / 12)).ToArray();
var ets = Ets.FitAuto(seasonal, 12);
var etsForecast = ets.Forecast(6, 0.8, 0.95);
var holtWinters = HoltWinters.Fit(seasonal, 12, HoltWintersSeasonality.Additive);
if (!double.IsFinite(etsForecast.Mean[0]) || !double.IsFinite(holtWinters.SumSquaredErrors))
{
    Console.WriteLine("forecasting failed");
    return 1;
}

// Scheduling: JSON problem in, solve, JSON solution out (reflection-free System.Text.Json).
var scheduleDocument = CsMetrics.Scheduling.ScheduleJson.ParseProblem("""
    { "intervalMinutes": 60, "requirements": [1, 2, 2, 1],
      "templates": [ { "name": "Half", "lengthMinutes": 180, "earliestStartMinute": 0, "latestStartMinute": 60,
                       "startStepMinutes": 60, "cost": 3, "breaks": [] } ] }
    """);
var schedule = CsMetrics.Scheduling.ShiftScheduler.Solve(scheduleDocument.Problem!, scheduleDocument.Options);
if (schedule.Status != CsMetrics.Scheduling.ScheduleStatus.Optimal || schedule.Cost != 6)
{
    Console.WriteLine($"scheduling: unexpected {schedule}");
    return 1;
}
Console.WriteLine(CsMetrics.Scheduling.ScheduleJson.ToJson(schedule).Length > 0 ? "scheduling OK" : "scheduling: empty JSON");

// Results round-trip through the source-generated context, NaN included (trim- and AOT-safe).
var emptyShare = CsMetrics.Metrics.ProportionResult.FromCounts(0, 0);
string resultJson = System.Text.Json.JsonSerializer.Serialize(emptyShare, CsMetrics.Serialization.CsMetricsJsonContext.Default.ProportionResult);
var readBack = System.Text.Json.JsonSerializer.Deserialize(resultJson, CsMetrics.Serialization.CsMetricsJsonContext.Default.ProportionResult);
string scheduleJson = System.Text.Json.JsonSerializer.Serialize(schedule, CsMetrics.Serialization.CsMetricsJsonContext.Default.ScheduleSolution);
var scheduleBack = System.Text.Json.JsonSerializer.Deserialize(scheduleJson, CsMetrics.Serialization.CsMetricsJsonContext.Default.ScheduleSolution);
if (!readBack.Equals(emptyShare) || !resultJson.Contains("\"NaN\"", StringComparison.Ordinal) || !schedule.Equals(scheduleBack))
{
    Console.WriteLine($"serialization: {resultJson}");
    return 1;
}
Console.WriteLine("serialization OK");

Console.WriteLine("OK");
return 0;
