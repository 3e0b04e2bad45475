#:project ../../src/CsMetrics/CsMetrics.csproj
// A runnable tour of CsMetrics.Metrics: `dotnet run docs/examples/metrics.cs` from the repository root.
using CsMetrics.Metrics;

// Survey scores are bytes: the span calculators are vectorised and allocate nothing.
byte[] likelihoodToRecommend = [10, 9, 9, 8, 7, 6, 3, 10, 9, 0, 8, 9];
var nps = NetPromoterScore.Compute(likelihoodToRecommend);
Console.WriteLine(nps); // NPS 25.0 (n = 12: ...), SE ..., CI [...] (95%)

var csat = CustomerSatisfaction.Compute([5, 4, 4, 3, 5, 2, 5, 4], CsatScale.FivePoint);
Console.WriteLine(csat);

// Service level with the abandon policy stated: waits in seconds, answered or abandoned.
double[] waits = [4, 12, 25, 3, 40, 18, 2, 60];
bool[] answered = [true, true, true, false, true, true, false, false];
var sl = ServiceLevel.Compute(waits, answered, thresholdSeconds: 20, AbandonPolicy.ExcludedIfAbandonedWithinThreshold);
Console.WriteLine($"Service level 20 s: {sl}");

// Pool across partitions (threads, days, queues) with accumulators; never average percentages.
var monday = new NpsAccumulator();
monday.Add(likelihoodToRecommend.AsSpan(0, 6));
var tuesday = new NpsAccumulator();
tuesday.Add(likelihoodToRecommend.AsSpan(6));
monday.Merge(tuesday);
Console.WriteLine($"Merged equals whole: {monday.Result() == nps}");

// Response-time percentiles: exact, and a mergeable sketch with a ±1% guarantee for unbounded streams.
double[] responseSeconds = [35, 120, 48, 600, 75, 90, 3600, 15, 240, 66];
Console.WriteLine($"p90 exact (type 7): {Percentile.Compute(responseSeconds, 0.9)} s");
var sketch = new QuantileSketch(relativeAccuracy: 0.01);
sketch.Add(responseSeconds);
Console.WriteLine(sketch);

// Statistics: did FCR change? How many surveys for ±5 points?
Console.WriteLine(ProportionStatistics.TwoProportionZTest(700, 1000, 745, 1000));
Console.WriteLine($"Sample size, 95% ±5%, 1,000 calls a month: {SurveySampleSize.Cochran(0.95, 0.05, population: 1000)}");
