// Exercises the library under Native AOT. Every module adds a call here as it lands.
using CsMetrics.Metrics;
using CsMetrics.Quality;

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

Console.WriteLine("OK");
return 0;
