using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class KrippendorffAlphaTests
{
    [Fact]
    public void Every_reference_case_matches()
    {
        foreach (var item in QualityCases.Root.GetProperty("krippendorff").EnumerateArray())
        {
            var data = QualityCases.Matrix(item.GetProperty("data"));
            int raters = data.GetLength(0);
            var flat = QualityCases.Flatten(data);
            Assert.Equal(item.GetProperty("nominal").GetDouble(), KrippendorffAlpha.Compute(flat, raters, MeasurementLevel.Nominal).Alpha, 6);
            Assert.Equal(item.GetProperty("interval").GetDouble(), KrippendorffAlpha.Compute(flat, raters, MeasurementLevel.Interval).Alpha, 6);
        }
    }

    [Fact]
    public void Krippendorff_2011_four_observer_example_at_every_level()
    {
        // Source: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (4 observers,
        // 12 units, missing values): nominal .743, ordinal .815, interval .849, ratio .797 (printed to 3 dp).
        double m = double.NaN;
        double[][] data =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
            [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
        ];
        Assert.Equal(0.743, KrippendorffAlpha.Compute(data, MeasurementLevel.Nominal).Alpha, 3);
        Assert.Equal(0.815, KrippendorffAlpha.Compute(data, MeasurementLevel.Ordinal).Alpha, 3);
        Assert.Equal(0.849, KrippendorffAlpha.Compute(data, MeasurementLevel.Interval).Alpha, 3);
        Assert.Equal(0.797, KrippendorffAlpha.Compute(data, MeasurementLevel.Ratio).Alpha, 3);
    }

    [Property(MaxTest = 60)]
    public bool Matches_the_textbook_coincidence_matrix_at_every_level(int seed)
    {
        var random = new Random(seed);
        int raters = 2 + random.Next(4), units = 3 + random.Next(15);
        var data = new double[raters * units];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextDouble() < 0.2 ? double.NaN : 1 + random.Next(5);
        }
        foreach (var level in Enum.GetValues<MeasurementLevel>())
        {
            double ours = KrippendorffAlpha.Compute(data, raters, level).Alpha;
            double textbook = TextbookAlpha(data, raters, level);
            if (!(double.IsNaN(ours) && double.IsNaN(textbook)) && Math.Abs(ours - textbook) > 1e-9)
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 100)]
    public bool Alpha_is_one_for_identical_raters(int seed)
    {
        var random = new Random(seed);
        int units = 10;
        var data = new double[3 * units];
        for (int u = 0; u < units; u++)
        {
            double x = u < 2 ? u + 1 : 1 + random.Next(6);
            data[u] = data[units + u] = data[2 * units + u] = x;
        }
        return Enum.GetValues<MeasurementLevel>().All(level => Math.Abs(KrippendorffAlpha.Compute(data, 3, level).Alpha - 1) < 1e-12);
    }

    [Fact]
    public void No_variation_gives_NaN_and_bad_values_are_located()
    {
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute([2, 2, 2, 2], 2, MeasurementLevel.Interval).Alpha));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KrippendorffAlpha.Compute([1, -2, 3, 4], 2, MeasurementLevel.Ratio));
        Assert.Contains("data[1]", ex.Message);
        Assert.Throws<ArgumentException>(() => KrippendorffAlpha.Compute([1, 2, 3], 2, MeasurementLevel.Nominal));
    }

    /// <summary>Krippendorff's (2011) procedure step by step: the values-by-values coincidence matrix, then δ² per level.</summary>
    internal static double TextbookAlpha(double[] data, int raters, MeasurementLevel level)
    {
        int units = data.Length / raters;
        var values = data.Where(x => !double.IsNaN(x)).Distinct().OrderBy(x => x).ToList();
        int v = values.Count;
        var o = new double[v, v];
        for (int u = 0; u < units; u++)
        {
            var present = Enumerable.Range(0, raters).Select(r => data[r * units + u]).Where(x => !double.IsNaN(x)).ToList();
            if (present.Count < 2)
            {
                continue;
            }
            for (int i = 0; i < present.Count; i++)
            {
                for (int j = 0; j < present.Count; j++)
                {
                    if (i != j)
                    {
                        o[values.IndexOf(present[i]), values.IndexOf(present[j])] += 1.0 / (present.Count - 1);
                    }
                }
            }
        }
        var nc = new double[v];
        for (int c = 0; c < v; c++)
        {
            for (int k = 0; k < v; k++)
            {
                nc[c] += o[c, k];
            }
        }
        double n = nc.Sum();
        double Delta(int c, int k)
        {
            double a = values[c], b = values[k];
            switch (level)
            {
                case MeasurementLevel.Nominal:
                    return c == k ? 0 : 1;
                case MeasurementLevel.Interval:
                    return (a - b) * (a - b);
                case MeasurementLevel.Ratio:
                    return a + b == 0 ? 0 : Math.Pow((a - b) / (a + b), 2);
                default:
                    int lo = Math.Min(c, k), hi = Math.Max(c, k);
                    double sum = 0;
                    for (int g = lo; g <= hi; g++)
                    {
                        sum += nc[g];
                    }
                    return Math.Pow(sum - (nc[c] + nc[k]) / 2, 2);
            }
        }
        double observed = 0, expected = 0;
        for (int c = 0; c < v; c++)
        {
            for (int k = 0; k < v; k++)
            {
                observed += o[c, k] * Delta(c, k);
                expected += nc[c] * nc[k] * Delta(c, k);
            }
        }
        return expected > 0 ? 1 - (n - 1) * observed / expected : double.NaN;
    }

    [Fact]
    public void A_table_is_measured_at_the_levels_its_ratings_support()
    {
        var numbers = new RatingTable(["a", "b"], new double[,] { { -1, 1 }, { 2, 2 } });
        Assert.Null(KrippendorffAlpha.ProblemWithLevel(numbers, MeasurementLevel.Interval));
        Assert.Contains("ratings >= 0", KrippendorffAlpha.ProblemWithLevel(numbers, MeasurementLevel.Ratio));
        var labels = new RatingTable(["a", "b"], new string?[,] { { "x", "y" }, { "y", "y" } });
        Assert.Contains("ordered categories", KrippendorffAlpha.ProblemWithLevel(labels, MeasurementLevel.Ordinal));
        Assert.Equal("level", Assert.Throws<ArgumentException>(() => KrippendorffAlpha.Compute(labels, MeasurementLevel.Ratio)).ParamName);
        // Ordered labels are ordinal: the same alpha as their ranks.
        var ordered = new RatingTable(["a", "b"], new string?[,] { { "low", "mid" }, { "mid", "mid" }, { "high", "low" } }, ["low", "mid", "high"]);
        var ranks = new RatingTable(["a", "b"], new double[,] { { 1, 2 }, { 2, 2 }, { 3, 1 } });
        Assert.Equal(KrippendorffAlpha.Compute(ranks, MeasurementLevel.Ordinal).Alpha, KrippendorffAlpha.Compute(ordered, MeasurementLevel.Ordinal).Alpha, 12);
    }
}
