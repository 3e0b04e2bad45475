using CsMetrics.Quality;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class CohenKappaTests
{
    [Fact]
    public void Every_reference_case_matches()
    {
        foreach (var item in QualityCases.Root.GetProperty("cohen_kappa").EnumerateArray())
        {
            var result = CohenKappa.FromTable(QualityCases.Matrix(item.GetProperty("table")));
            Assert.Equal(item.GetProperty("kappa").GetDouble(), result.Kappa, 12);
        }
    }

    [Fact]
    public void Standard_error_matches_the_unweighted_closed_form_of_Fleiss_Levin_and_Paik()
    {
        // Oracle: Fleiss, Levin & Paik (2003), Statistical Methods for Rates and Proportions, eq. 18.15:
        // var = {Σ p_ii [(1-pe) - (p.i + pi.)(1-po)]² + (1-po)² Σ_{i≠j} p_ij (p.i + pj.)² - (po pe - 2pe + po)²} / (n (1-pe)^4).
        double[,] table = { { 22, 3, 1 }, { 4, 15, 2 }, { 2, 3, 18 } };
        double n = 70;
        var row = new double[3];
        var col = new double[3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                row[i] += table[i, j] / n;
                col[j] += table[i, j] / n;
            }
        }
        double po = (22 + 15 + 18) / n;
        double pe = row[0] * col[0] + row[1] * col[1] + row[2] * col[2];
        double a = 0, b = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                if (i == j)
                {
                    double t = (1 - pe) - (col[i] + row[i]) * (1 - po);
                    a += table[i, i] / n * t * t;
                }
                else
                {
                    b += table[i, j] / n * (col[i] + row[j]) * (col[i] + row[j]);
                }
            }
        }
        double c = po * pe - 2 * pe + po;
        double expectedSe = Math.Sqrt((a + (1 - po) * (1 - po) * b - c * c) / (n * Math.Pow(1 - pe, 4)));

        var result = CohenKappa.FromTable(table);
        Assert.Equal((po - pe) / (1 - pe), result.Kappa, 12);
        Assert.Equal(expectedSe, result.StandardError, 12);
    }

    [Fact]
    public void Null_standard_error_matches_Fleiss_Cohen_Everitt_unweighted_form()
    {
        // Oracle: Fleiss, Cohen & Everitt (1969) eq. 14 for unweighted kappa under kappa = 0:
        // var0 = [pe + pe² - Σ p_i. p_.i (p_i. + p_.i)] / (n (1 - pe)²).
        double[,] table = { { 22, 3, 1 }, { 4, 15, 2 }, { 2, 3, 18 } };
        double n = 70;
        double[] row = [26 / n, 21 / n, 23 / n];
        double[] col = [28 / n, 21 / n, 21 / n];
        double pe = row[0] * col[0] + row[1] * col[1] + row[2] * col[2];
        double cross = Enumerable.Range(0, 3).Sum(i => row[i] * col[i] * (row[i] + col[i]));
        double expected = Math.Sqrt((pe + pe * pe - cross) / (n * (1 - pe) * (1 - pe)));
        Assert.Equal(expected, CohenKappa.FromTable(table).NullStandardError, 12);
    }

    [Fact]
    public void Quadratic_kappa_equals_the_moment_identity()
    {
        // Oracle: with integer codes, quadratic-weighted kappa = 2 cov(x, y) / (var x + var y + (x̄ - ȳ)²)
        // with population moments (Fleiss & Cohen 1973; Schuster 2004).
        int[] x = [0, 1, 2, 3, 4, 2, 1, 3, 4, 0, 2, 2, 3, 1];
        int[] y = [0, 2, 2, 3, 3, 1, 1, 4, 4, 1, 2, 3, 3, 0];
        double mx = x.Average(), my = y.Average();
        double vx = x.Select(v => (v - mx) * (v - mx)).Average();
        double vy = y.Select(v => (v - my) * (v - my)).Average();
        double cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Average();
        double expected = 2 * cov / (vx + vy + (mx - my) * (mx - my));

        var result = CohenKappa.FromRatings(x, y, 5, KappaWeighting.Quadratic);
        Assert.Equal(expected, result.Kappa, 12);
    }

    [Fact]
    public void Linear_kappa_equals_one_minus_weighted_observed_over_expected_disagreement()
    {
        // Oracle: Cohen (1968) form with disagreement weights v_ij = |i - j|: kappa_w = 1 - Σ v o / Σ v e.
        int[] x = [0, 1, 2, 3, 2, 1, 3, 0, 2, 2];
        int[] y = [0, 2, 2, 3, 1, 1, 2, 1, 2, 3];
        double observed = 0, expected = 0;
        for (int i = 0; i < x.Length; i++)
        {
            observed += Math.Abs(x[i] - y[i]);
            for (int j = 0; j < y.Length; j++)
            {
                expected += Math.Abs(x[i] - y[j]) / (double)y.Length;
            }
        }
        var result = CohenKappa.FromRatings(x, y, 4, KappaWeighting.Linear);
        Assert.Equal(1 - observed / expected, result.Kappa, 12);
    }

    [Property(MaxTest = 100)]
    public bool Kappa_is_one_for_identical_raters(int seed, byte categories)
    {
        int k = 2 + categories % 6;
        var random = new Random(seed);
        var codes = Enumerable.Range(0, 30).Select(i => i < 2 ? i : random.Next(k)).ToArray(); // at least two categories used
        return Enum.GetValues<KappaWeighting>().All(w => Math.Abs(CohenKappa.FromRatings(codes, codes, k, w).Kappa - 1) < 1e-12);
    }

    [Property(MaxTest = 100)]
    public bool Kappa_is_at_most_one_and_weightings_agree_on_two_categories(int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, 25).Select(_ => random.Next(2)).ToArray();
        var y = Enumerable.Range(0, 25).Select(_ => random.Next(2)).ToArray();
        var plain = CohenKappa.FromRatings(x, y, 2);
        var quadratic = CohenKappa.FromRatings(x, y, 2, KappaWeighting.Quadratic);
        return double.IsNaN(plain.Kappa) || (plain.Kappa <= 1 + 1e-12 && Math.Abs(plain.Kappa - quadratic.Kappa) < 1e-12);
    }

    [Fact]
    public void Single_category_used_by_both_gives_NaN_not_an_exception()
    {
        var result = CohenKappa.FromRatings([1, 1, 1], [1, 1, 1], 3);
        Assert.True(double.IsNaN(result.Kappa));
    }

    [Fact]
    public void Bad_input_names_the_parameter_and_index()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CohenKappa.FromRatings([0, 1, 5], [0, 1, 1], 3));
        Assert.Contains("rater1[2]", ex.Message);
        Assert.Throws<ArgumentException>(() => CohenKappa.FromTable(new double[2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohenKappa.FromTable(new double[,] { { 1, -1 }, { 0, 1 } }));
    }

    [Fact]
    public void Confidence_interval_is_symmetric_about_kappa()
    {
        var result = CohenKappa.FromTable(new double[,] { { 20, 5 }, { 10, 15 } });
        var (lower, upper) = result.ConfidenceInterval(0.95);
        Assert.Equal(result.Kappa, (lower + upper) / 2, 12);
        Assert.Equal(1.959963984540054 * result.StandardError, (upper - lower) / 2, 9);
        Assert.Contains("kappa", result.ToString());
    }

    [Fact]
    public void Interval_levels_are_fractions()
    {
        var result = CohenKappa.FromTable(new double[,] { { 20, 5 }, { 10, 15 } });
        Assert.Contains("use 0.95", Assert.Throws<ArgumentOutOfRangeException>(() => result.ConfidenceInterval(95)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.ConfidenceInterval(1));
    }
}
