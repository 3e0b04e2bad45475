using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class AnalyticHierarchyProcessTests
{
    [Fact]
    public void Every_reference_case_matches_to_the_printed_precision()
    {
        foreach (var item in QualityCases.Root.GetProperty("ahp").EnumerateArray())
        {
            var result = AnalyticHierarchyProcess.Weights(QualityCases.Matrix(item.GetProperty("matrix")));
            var w = QualityCases.Vector(item.GetProperty("w"));
            for (int i = 0; i < w.Length; i++)
            {
                Assert.Equal(w[i], result.Weights[i], 5e-4);
            }
            Assert.Equal(item.GetProperty("lambda_max").GetDouble(), result.LambdaMax, 5e-5);
            Assert.Equal(item.GetProperty("CI").GetDouble(), result.ConsistencyIndex, 5e-5);
            Assert.Equal(item.GetProperty("CR_saaty").GetDouble(), result.ConsistencyRatio, 5e-5);
            Assert.True(result.IsAcceptablyConsistent);
        }
    }

    [Fact]
    public void Eigenvector_satisfies_the_eigen_equation_and_geometric_mean_is_close_but_not_equal()
    {
        double[,] a = { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 1 / 3.0, 1 } };
        var eigen = AnalyticHierarchyProcess.Weights(a);
        for (int i = 0; i < 3; i++)
        {
            double row = 0;
            for (int j = 0; j < 3; j++)
            {
                row += a[i, j] * eigen.Weights[j];
            }
            Assert.Equal(eigen.LambdaMax * eigen.Weights[i], row, 12);
        }
        // Geometric mean by hand: (15)^(1/3), (1)^(1/3), (1/15)^(1/3), normalised.
        double g0 = Math.Cbrt(15), g1 = 1, g2 = Math.Cbrt(1 / 15.0), s = g0 + g1 + g2;
        var gm = AnalyticHierarchyProcess.Weights(a, AhpWeightMethod.GeometricMean);
        Assert.Equal(g0 / s, gm.Weights[0], 12);
        Assert.Equal(g2 / s, gm.Weights[2], 12);
        // For n = 3 the two methods coincide (a known property of reciprocal 3 × 3 matrices); for n = 4 they differ.
        Assert.Equal(eigen.Weights[0], gm.Weights[0], 12);
        double[,] four = { { 1, 2, 6, 3 }, { 0.5, 1, 4, 7 }, { 1 / 6.0, 0.25, 1, 2 }, { 1 / 3.0, 1 / 7.0, 0.5, 1 } };
        Assert.NotEqual(AnalyticHierarchyProcess.Weights(four).Weights[0], AnalyticHierarchyProcess.Weights(four, AhpWeightMethod.GeometricMean).Weights[0], 4);
    }

    [Fact]
    public void Random_index_table_is_configurable()
    {
        double[,] a = { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 1 / 3.0, 1 } };
        var saaty = AnalyticHierarchyProcess.Weights(a);
        var saaty2008 = AnalyticHierarchyProcess.Weights(a, randomIndex: RandomIndexTable.Saaty2008);
        Assert.Equal(saaty.ConsistencyIndex / 0.52, saaty2008.ConsistencyRatio, 12);
        Assert.Equal(1.48, RandomIndexTable.Saaty[12]); // the dip at n = 12 in Saaty's classic table
        var custom = new RandomIndexTable([0, 0, 0.5]);
        Assert.Equal(saaty.ConsistencyIndex / 0.5, AnalyticHierarchyProcess.Weights(a, randomIndex: custom).ConsistencyRatio, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(new double[4, 4] { { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 } }, randomIndex: custom));
    }

    [Property(MaxTest = 100)]
    public bool Consistent_matrix_has_CR_zero_and_recovers_its_weights(int seed, byte size)
    {
        int n = 1 + size % 9;
        var random = new Random(seed);
        var w = Enumerable.Range(0, n).Select(_ => 0.05 + random.NextDouble()).ToArray();
        double sum = w.Sum();
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = i == j ? 1 : w[i] / w[j];
            }
        }
        foreach (var method in Enum.GetValues<AhpWeightMethod>())
        {
            var result = AnalyticHierarchyProcess.Weights(a, method);
            if (Math.Abs(result.ConsistencyRatio) > 1e-9 || Math.Abs(result.LambdaMax - n) > 1e-9)
            {
                return false;
            }
            for (int i = 0; i < n; i++)
            {
                if (Math.Abs(result.Weights[i] - w[i] / sum) > 1e-9)
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Property(MaxTest = 100)]
    public bool Weights_sum_to_one_and_are_positive(int seed)
    {
        var random = new Random(seed);
        int n = 2 + random.Next(7);
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 1;
            for (int j = i + 1; j < n; j++)
            {
                double judgement = random.Next(1, 10);
                a[i, j] = random.Next(2) == 0 ? judgement : 1 / judgement;
                a[j, i] = 1 / a[i, j];
            }
        }
        return Enum.GetValues<AhpWeightMethod>().All(m =>
        {
            var r = AnalyticHierarchyProcess.Weights(a, m);
            return Math.Abs(r.Weights.Sum() - 1) < 1e-12 && r.Weights.All(x => x > 0) && r.LambdaMax >= n - 1e-9;
        });
    }

    [Fact]
    public void Non_reciprocal_matrix_is_rejected_naming_the_pair()
    {
        double[,] a = { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 3, 1 } };
        var ex = Assert.Throws<ArgumentException>(() => AnalyticHierarchyProcess.Weights(a));
        Assert.Contains("items 1 and 2", ex.Message);
        Assert.Contains("matrix[1, 2] = 3", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(new double[,] { { 1, -2 }, { -0.5, 1 } }));
    }

    [Fact]
    public void Two_by_two_is_always_consistent()
    {
        var r = AnalyticHierarchyProcess.Weights(new double[,] { { 1, 4 }, { 0.25, 1 } });
        Assert.Equal(0.8, r.Weights[0], 12);
        Assert.Equal(0, r.ConsistencyRatio);
    }
}
