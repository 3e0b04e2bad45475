using CsMetrics.Internal;
using CsMetrics.Tests.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Internal;

public class SampleQuantileTests
{
    [Fact]
    public void Reference_cases_type_7_and_nearest_rank()
    {
        foreach (var c in ReferenceCases.Get("percentiles").EnumerateArray())
        {
            var sorted = c.GetProperty("data").Doubles();
            var levels = c.GetProperty("p").Doubles().Select(p => p / 100).ToArray();
            var type7 = c.GetProperty("type7").Doubles();
            var nearest = c.GetProperty("nearest_rank").Doubles();
            var shuffled = sorted.ToArray();
            new Random(9).Shuffle(shuffled);
            for (int i = 0; i < levels.Length; i++)
            {
                Assert.Equal(type7[i], SampleQuantile.Type7OfSorted(sorted, levels[i]), 1e-12);
                Assert.Equal(type7[i], SampleQuantile.Type7InPlace(shuffled, levels[i]), 1e-12); // repeated calls on one span
                Assert.Equal(nearest[i], SampleQuantile.NearestRankOfSorted(sorted, levels[i]));
            }
        }
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.True(double.IsNaN(SampleQuantile.Type7OfSorted([], 0.5)));
        Assert.True(double.IsNaN(SampleQuantile.Type7InPlace([], 0.5)));
        Assert.True(double.IsNaN(SampleQuantile.NearestRankOfSorted([], 0.5)));
        Assert.Equal(7, SampleQuantile.Type7OfSorted([7], 0.3));
        Assert.Equal(1, SampleQuantile.NearestRankOfSorted([1, 2, 3], 0));
        Assert.Equal(3, SampleQuantile.Type7OfSorted([1, 2, 3], 1));
        // 0.3 x 10 is rank 3 exactly (binary floating point gives 3.0000000000000004 and rank 4).
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(3, SampleQuantile.NearestRankOfSorted(ten, 0.3));
        Assert.Equal(7, SampleQuantile.NearestRankOfSorted(ten, 0.7));
        // The position (n - 1)p in decimal: 9 × 0.9 = 8.1, a tenth of the way from 600 to 3600 is 900 exactly
        // (binary floating point puts it at 8.0999999999999996 and gives 899.9999999999989).
        double[] responses = [15, 35, 48, 66, 75, 90, 120, 240, 600, 3600];
        Assert.Equal(900, SampleQuantile.Type7OfSorted(responses, 0.9));
        Assert.Equal(900, SampleQuantile.Type7InPlace(responses.Reverse().ToArray(), 0.9));
        // A computed level whose position is a whole number up to rounding: (18 - 1) x 135/255 = 9, the 10th value
        // (found by the selection property; decimal arithmetic on the rounded level alone gave 8.999999999999994).
        double[] eighteen = [.. Enumerable.Repeat(-1.0, 9), .. Enumerable.Repeat(0.0, 9)];
        Assert.Equal(0, SampleQuantile.Type7OfSorted(eighteen, 135 / 255.0));
        Assert.Equal(0, SampleQuantile.Type7InPlace(eighteen.Reverse().ToArray(), 135 / 255.0));
        // At an integer position the order statistic itself: an infinite neighbour does not make 0·∞ = NaN.
        Assert.Equal(2, SampleQuantile.Type7OfSorted([1, 2, double.PositiveInfinity], 0.5));
        Span<double> withInfinity = [double.PositiveInfinity, 2, 1];
        Assert.Equal(2, SampleQuantile.Type7InPlace(withInfinity, 0.5));
    }

    [Property(MaxTest = 300)]
    public void Selection_equals_sorting_and_leaves_a_permutation(int[] raw, byte levelSeed)
    {
        var values = (raw ?? []).Select(v => (double)(v % 50)).ToArray();
        double level = levelSeed / 255.0;
        var sorted = values.Order().ToArray();
        var work = values.ToArray();
        double selected = SampleQuantile.Type7InPlace(work, level);
        if (values.Length == 0)
        {
            Assert.True(double.IsNaN(selected));
            return;
        }
        Assert.Equal(SampleQuantile.Type7OfSorted(sorted, level), selected);
        Assert.Equal(sorted, work.Order().ToArray());
        // The type-7 definition by brute force: between the order statistics at floor and ceil of (n - 1)p.
        double h = (values.Length - 1) * level;
        Assert.InRange(selected, sorted[(int)Math.Floor(h)], sorted[(int)Math.Ceiling(h)]);
    }
}
