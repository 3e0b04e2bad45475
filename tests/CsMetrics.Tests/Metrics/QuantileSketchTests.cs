using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class QuantileSketchTests
{
    private static readonly double[] s_levels = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

    /// <summary>The guarantee: within α (relative) of the exact value of 0-based rank ⌊q(n − 1)⌋.</summary>
    private static void AssertWithinGuarantee(QuantileSketch sketch, double[] values)
    {
        var sorted = values.Order().ToArray();
        foreach (double q in s_levels)
        {
            double exact = sorted[(int)Math.Floor(q * (sorted.Length - 1))];
            double estimate = sketch.Quantile(q);
            Assert.True(Math.Abs(estimate - exact) <= sketch.RelativeAccuracy * exact * (1 + 1e-9) + 1e-9,
                $"q = {q}: estimate {estimate}, exact {exact}, alpha {sketch.RelativeAccuracy}");
        }
    }

    [Theory]
    [InlineData(0.01, 1)]
    [InlineData(0.02, 2)]
    [InlineData(0.005, 3)]
    public void Random_heavy_tailed_response_times_stay_within_the_stated_error(double alpha, int seed)
    {
        var random = new Random(seed);
        // Log-normal response times (median ~ 2 min, long tail) plus exponential ones and some exact zeros.
        var values = Enumerable.Range(0, 50_000).Select(i => i % 10 == 0 ? 0.0
            : i % 3 == 0 ? -Math.Log(1 - random.NextDouble()) * 600
            : Math.Exp(4.8 + 1.2 * Normal(random))).ToArray();
        var sketch = new QuantileSketch(alpha);
        sketch.Add(values);
        Assert.Equal(values.Length, sketch.Count);
        Assert.False(sketch.IsCollapsed);
        AssertWithinGuarantee(sketch, values);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Property(MaxTest = 100)]
    public void Merge_equals_one_sketch_of_the_concatenation(int[] first, int[] second)
    {
        var a = (first ?? []).Select(v => Math.Abs((double)v) / 7).ToArray();
        var b = (second ?? []).Select(v => Math.Abs((double)v) / 3).ToArray();
        var left = new QuantileSketch();
        left.Add(a);
        var right = new QuantileSketch();
        right.Add(b);
        left.Merge(right);
        var whole = new QuantileSketch();
        whole.Add(a.Concat(b).ToArray());
        Assert.Equal(whole.Count, left.Count);
        foreach (double q in s_levels)
        {
            Assert.Equal(whole.Quantile(q), left.Quantile(q));
        }
        if (whole.Count > 0)
        {
            AssertWithinGuarantee(left, a.Concat(b).ToArray());
        }
    }

    [Fact]
    public void Collapsing_keeps_memory_bounded_and_the_upper_quantiles_accurate()
    {
        var sketch = new QuantileSketch(0.01, maxBuckets: 64);
        var values = Enumerable.Range(1, 10_000).Select(i => (double)i).ToArray();
        sketch.Add(values);
        Assert.True(sketch.IsCollapsed);
        // 64 buckets at 1% cover a factor γ^64 ≈ 3.6 below the maximum: p90 (9,000) is above the collapsed range.
        Assert.Equal(9000.0, sketch.Quantile(0.9), 9000 * 0.01);
    }

    [Fact]
    public void Empty_bad_input_and_allocation_free_adds()
    {
        var sketch = new QuantileSketch();
        Assert.True(double.IsNaN(sketch.Quantile(0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add(-1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Add([1, double.NaN]));
        Assert.Contains("values[1]", ex.Message);
        Assert.Equal(0, sketch.Count); // nothing added from the bad span
        Assert.Throws<ArgumentException>(() => sketch.Merge(new QuantileSketch(0.02)));
        var values = Enumerable.Range(1, 1000).Select(i => i * 0.5).ToArray();
        sketch.Add(values); // the bucket range is now reserved
        Assert.Equal(0, Allocations.Measure(() => sketch.Add(values)));
        Assert.Equal(0, Allocations.Measure(() => sketch.Quantile(0.95)));
    }
}
