using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class CronbachAlphaTests
{
    [Fact]
    public void Every_reference_case_matches_alpha_and_alpha_if_deleted()
    {
        foreach (var item in QualityCases.Root.GetProperty("cronbach_alpha").EnumerateArray())
        {
            var result = CronbachAlpha.FromCovariance(QualityCases.Matrix(item.GetProperty("cov")));
            Assert.Equal(item.GetProperty("alpha").GetDouble(), result.Alpha, 12);
            var expected = QualityCases.Vector(item.GetProperty("if_dropped"));
            Assert.Equal(expected.Length, result.AlphaIfItemDeleted.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], result.AlphaIfItemDeleted[i], 12);
            }
        }
    }

    [Fact]
    public void From_scores_equals_the_textbook_formula_on_item_and_total_variances()
    {
        // Oracle: alpha = k/(k-1)(1 - Σ var(item) / var(total)) with the totals summed per respondent.
        double[,] scores = { { 4, 5, 4 }, { 3, 3, 2 }, { 5, 5, 5 }, { 2, 3, 3 }, { 4, 4, 5 }, { 1, 2, 1 } };
        int n = 6, k = 3;
        double Variance(IEnumerable<double> xs)
        {
            var a = xs.ToArray();
            double m = a.Average();
            return a.Sum(x => (x - m) * (x - m)) / (a.Length - 1);
        }
        double itemVariances = Enumerable.Range(0, k).Sum(i => Variance(Enumerable.Range(0, n).Select(r => scores[r, i])));
        double totalVariance = Variance(Enumerable.Range(0, n).Select(r => scores[r, 0] + scores[r, 1] + scores[r, 2]));
        double expected = k / (k - 1.0) * (1 - itemVariances / totalVariance);

        var withMissing = QualityCases.Flatten(scores).Concat([double.NaN, 3, 4]).ToArray();
        var result = CronbachAlpha.FromScores(withMissing, k);
        Assert.Equal(expected, result.Alpha, 12);
        Assert.Equal(6, result.Respondents); // the incomplete respondent is dropped listwise
    }

    [Fact]
    public void Feldt_interval_uses_the_F_quantiles_of_the_printed_table()
    {
        // Oracle: NIST/SEMATECH e-Handbook 1.3.6.7.3 (upper critical values of F): F_.975(10, 30) = 2.511 and
        // F_.975(30, 10) = 3.311, so F_.025(10, 30) = 1/3.311. With alpha = 0.8, n = 11, k = 4:
        // [1 - 0.2 · 2.511, 1 - 0.2 / 3.311] = [0.4978, 0.9396].
        var result = new ReliabilityResult { Alpha = 0.8, AlphaIfItemDeleted = [], Items = 4, Respondents = 11 };
        var (lower, upper) = result.FeldtInterval(0.95);
        Assert.Equal(1 - 0.2 * 2.511, lower, 3);
        Assert.Equal(1 - 0.2 / 3.311, upper, 3);
        Assert.True(double.IsNaN(CronbachAlpha.FromCovariance(new double[,] { { 1, 0.5 }, { 0.5, 1 } }).FeldtInterval().Lower));
    }

    [Property(MaxTest = 100)]
    public bool Alpha_of_identical_items_is_one(int seed, byte itemCount)
    {
        int k = 2 + itemCount % 6;
        var random = new Random(seed);
        var scores = new double[10 * k];
        for (int r = 0; r < 10; r++)
        {
            double x = r < 2 ? r : random.Next(1, 8);
            for (int i = 0; i < k; i++)
            {
                scores[r * k + i] = x;
            }
        }
        return Math.Abs(CronbachAlpha.FromScores(scores, k).Alpha - 1) < 1e-12;
    }

    [Fact]
    public void Asymmetric_covariance_is_rejected_naming_the_cell()
    {
        var ex = Assert.Throws<ArgumentException>(() => CronbachAlpha.FromCovariance(new double[,] { { 1, 0.5 }, { 0.4, 1 } }));
        Assert.Contains("covariance[1, 0]", ex.Message);
    }

    [Fact]
    public void Feldt_levels_are_fractions()
    {
        var result = new ReliabilityResult { Alpha = 0.8, AlphaIfItemDeleted = [], Items = 4, Respondents = 11 };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => result.FeldtInterval(95));
        Assert.Equal("level", ex.ParamName);
        Assert.Contains("looks like a percent", ex.Message);
    }
}
