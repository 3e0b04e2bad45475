// Exercises the library under Native AOT. Every module adds a call here as it lands.
using CsMetrics.Metrics;

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

Console.WriteLine("OK");
return 0;
