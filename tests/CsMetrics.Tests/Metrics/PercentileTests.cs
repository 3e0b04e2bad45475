using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class PercentileTests
{
    [Fact]
    public void Reference_cases_nearest_rank_and_type_7()
    {
        foreach (var c in ReferenceCases.Get("percentiles").EnumerateArray())
        {
            var data = c.GetProperty("data").Doubles();
            var levels = c.GetProperty("p").Doubles().Select(p => p / 100).ToArray();
            var nearest = c.GetProperty("nearest_rank").Doubles();
            var type7 = c.GetProperty("type7").Doubles();
            var shuffled = data.ToArray();
            new Random(2).Shuffle(shuffled);
            var destination = new double[levels.Length];
            Percentile.Compute(shuffled, levels, destination, PercentileMethod.NearestRank);
            Assert.Equal(nearest, destination);
            for (int i = 0; i < levels.Length; i++)
            {
                Assert.Equal(nearest[i], Percentile.OfSorted(data, levels[i], PercentileMethod.NearestRank));
                Relative.Equal(type7[i], Percentile.OfSorted(data, levels[i]), 1e-12);
                Relative.Equal(type7[i], Percentile.Compute(shuffled, levels[i]), 1e-12);
            }
        }
    }

    [Fact]
    public void Edge_cases_and_bad_input()
    {
        Assert.True(double.IsNaN(Percentile.Compute([], 0.5)));
        Assert.Equal(7, Percentile.Compute([7], 0.9));
        Assert.Equal(1, Percentile.OfSorted([1, 2, 3], 0, PercentileMethod.NearestRank));
        Assert.Equal(3, Percentile.OfSorted([1, 2, 3], 1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Compute([1, double.NaN], 0.5));
        Assert.Contains("values[1]", ex.Message);
        Assert.Throws<ArgumentException>(() => Percentile.OfSorted([2, 1], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Compute([1, 2], 1.5));
        Assert.Throws<ArgumentException>(() => Percentile.Compute([1, 2], [0.5, 0.9], new double[1]));
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => Percentile.Compute([1, 2], 0.5, (PercentileMethod)5)).ParamName);
    }

    [Fact]
    public void A_percent_level_is_rejected_with_the_convention()
    {
        // p90 is 0.9: a 90 is never read as the 90th percentile (issue 12, trap 1).
        var single = Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Compute([1, 2, 3], 90));
        Assert.Equal("level", single.ParamName);
        Assert.Contains("use 0.9", single.Message);
        var many = Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Compute([1, 2, 3], [0.5, 95], new double[2]));
        Assert.Contains("levels[1]", many.Message);
        Assert.Contains("use 0.95", many.Message);
        Assert.Contains("use 0.5", Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileSketch().Quantile(50)).Message);
        Assert.Contains("use 0.99", Assert.Throws<ArgumentOutOfRangeException>(() => new P2QuantileEstimator(99)).Message);
    }

    [Fact]
    public void Span_paths_allocate_nothing_after_warm_up()
    {
        var values = Enumerable.Range(0, 5000).Select(i => (double)(i * 7919 % 5000)).ToArray();
        var sorted = values.Order().ToArray();
        double[] levels = [0.5, 0.9, 0.95];
        var destination = new double[3];
        Assert.Equal(0, Allocations.Measure(() => Percentile.Compute(values, levels, destination)));
        Assert.Equal(0, Allocations.Measure(() => Percentile.Compute(values, 0.9)));
        Assert.Equal(0, Allocations.Measure(() => Percentile.OfSorted(sorted, levels, destination, PercentileMethod.NearestRank)));
    }

    [Property(MaxTest = 200)]
    public void Nearest_rank_is_the_smallest_value_with_at_least_q_n_at_or_below(int[] raw, byte percent)
    {
        var values = (raw ?? []).Select(v => (double)(v % 1000)).ToArray();
        if (values.Length == 0) return;
        double q = percent % 101 / 100.0;
        double value = Percentile.Compute(values, q, PercentileMethod.NearestRank);
        // The definition, checked by brute force: at least q·n values are <= it, and fewer are < it (or q = 0).
        Assert.Contains(value, values);
        Assert.True(values.Count(v => v <= value) >= q * values.Length - 1e-9);
        Assert.True(q == 0 || values.Count(v => v < value) < q * values.Length - 1e-9);
    }

    [Property(MaxTest = 200)]
    public void Type_7_is_monotone_in_the_level_bounded_and_permutation_invariant(int[] raw, byte a, byte b, int seed)
    {
        var values = (raw ?? []).Select(v => (double)(v % 1000)).ToArray();
        if (values.Length == 0) return;
        double low = Math.Min(a, b) / 255.0, high = Math.Max(a, b) / 255.0;
        double pLow = Percentile.Compute(values, low), pHigh = Percentile.Compute(values, high);
        Assert.True(pLow <= pHigh);
        Assert.InRange(pLow, values.Min(), values.Max());
        var shuffled = values.ToArray();
        new Random(seed).Shuffle(shuffled);
        Assert.Equal(pHigh, Percentile.Compute(shuffled, high));
    }
}
