#:project ../../src/CsMetrics/CsMetrics.csproj
// A runnable tour of CsMetrics.Metrics: `dotnet run docs/examples/metrics.cs` from the repository root.
using System.Text.Json;
using System.Text.Json.Serialization;
using CsMetrics.Metrics;

// Survey scores are bytes: the span calculators are vectorised and allocate nothing. Levels are fractions (0.9 = 90%).
byte[] likelihoodToRecommend = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0, 8, 9];
var nps = NetPromoterScore.Compute(likelihoodToRecommend);
Console.WriteLine(nps); // NPS 25.0 (n = 12: 6 promoters, 3 passives, 3 detractors), SE ..., CI [...] (95%, AdjustedWald)

var csat = CustomerSatisfaction.Compute([5, 4, 4, 3, 5, 2, 5, 4], CsatScale.FivePoint, level: 0.9);
Console.WriteLine(csat);
Console.WriteLine(CustomerEffort.Compute([1, 2, 2, 4, 5], CesScale.FromRange(1, 5, EffortDirection.LowerIsEasier)));

// Service level with the abandon policy stated: waits in seconds, answered or abandoned.
double[] waits = [4, 12, 25, 3, 40, 18, 2, 60];
bool[] answered = [true, true, true, false, true, true, false, false];
var sl = ServiceLevel.Compute(waits, answered, thresholdSeconds: 20, AbandonPolicy.ExcludedIfAbandonedWithinThreshold);
Console.WriteLine($"Service level 20 s: {sl}");

// Group by queue: accumulators are classes, so the one in the dictionary is the one that is added to.
string[] queues = ["billing", "sales", "billing", "billing", "sales", "billing", "sales", "billing", "sales", "billing", "sales", "billing"];
var byQueue = new Dictionary<string, NpsAccumulator>();
for (int i = 0; i < likelihoodToRecommend.Length; i++)
{
    if (!byQueue.TryGetValue(queues[i], out var accumulator))
    {
        byQueue[queues[i]] = accumulator = new NpsAccumulator();
    }
    accumulator.Add(likelihoodToRecommend[i]);
}
foreach (var (queue, accumulator) in byQueue)
{
    Console.WriteLine($"{queue}: {accumulator.Result()}");
}

// Pool across partitions (threads, days, jobs): merge the accumulators or their immutable states; never average percentages.
var pooled = new NpsAccumulator(byQueue["billing"].State);
pooled.Merge(byQueue["sales"]);
Console.WriteLine($"Merged equals whole: {pooled.Result() == nps}");
string json = JsonSerializer.Serialize(pooled.State, StateJson.Default.NpsTally); // counts only: exact, no NaN, AOT-safe
Console.WriteLine($"A state to store or send: {json}");
Console.WriteLine($"Read back, it resumes exactly: {new NpsAccumulator(JsonSerializer.Deserialize(json, StateJson.Default.NpsTally)).Result() == nps}");

// Response-time percentiles: exact, and a mergeable sketch with a ±1% guarantee for unbounded streams.
double[] responseSeconds = [35, 120, 48, 600, 75, 90, 3600, 15, 240, 66];
Console.WriteLine($"p90 exact (type 7): {Percentile.Compute(responseSeconds, 0.9)} s");
var sketch = new QuantileSketch(relativeAccuracy: 0.01);
sketch.Add(responseSeconds);
Console.WriteLine(sketch);

// Statistics: did FCR change? How many surveys for ±5 points?
Console.WriteLine(ProportionStatistics.TwoProportionZTest(700, 1000, 745, 1000));
Console.WriteLine($"Sample size, 95% ±5%, 1,000 calls a month: {SurveySampleSize.Cochran(0.95, 0.05, population: 1000)}");

/// <summary>A source-generated JSON context for the states this script stores (reflection-free, so trim- and AOT-safe).</summary>
[JsonSerializable(typeof(NpsTally))]
internal sealed partial class StateJson : JsonSerializerContext;
