using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class AnalyticHierarchyProcessTests
{
    private static readonly AhpOptions s_geometric = new() { Method = AhpWeightMethod.GeometricMean };

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
        var gm = AnalyticHierarchyProcess.Weights(a, s_geometric);
        Assert.Equal(g0 / s, gm.Weights[0], 12);
        Assert.Equal(g2 / s, gm.Weights[2], 12);
        // For n = 3 the two methods coincide (a known property of reciprocal 3 × 3 matrices); for n = 4 they differ.
        Assert.Equal(eigen.Weights[0], gm.Weights[0], 12);
        double[,] four = { { 1, 2, 6, 3 }, { 0.5, 1, 4, 7 }, { 1 / 6.0, 0.25, 1, 2 }, { 1 / 3.0, 1 / 7.0, 0.5, 1 } };
        Assert.NotEqual(AnalyticHierarchyProcess.Weights(four).Weights[0], AnalyticHierarchyProcess.Weights(four, s_geometric).Weights[0], 4);
    }

    [Fact]
    public void Random_index_table_is_configurable()
    {
        double[,] a = { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 1 / 3.0, 1 } };
        var saaty = AnalyticHierarchyProcess.Weights(a);
        var saaty2008 = AnalyticHierarchyProcess.Weights(a, new AhpOptions { RandomIndex = RandomIndexTable.Saaty2008 });
        Assert.Equal(saaty.ConsistencyIndex / 0.52, saaty2008.ConsistencyRatio, 12);
        Assert.Equal(1.48, RandomIndexTable.Saaty[12]); // the dip at n = 12 in Saaty's classic table
        var custom = new RandomIndexTable([0, 0, 0.5]);
        Assert.Equal(saaty.ConsistencyIndex / 0.5, AnalyticHierarchyProcess.Weights(a, new AhpOptions { RandomIndex = custom }).ConsistencyRatio, 12);
        var tooLarge = Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(new double[4, 4] { { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 }, { 1, 1, 1, 1 } }, new AhpOptions { RandomIndex = custom }));
        Assert.Equal("options", tooLarge.ParamName);
        Assert.Contains("at most 3 criteria", tooLarge.Message);
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
            // Ratios of random weights can exceed 9, so the extended scale is allowed explicitly.
            var result = AnalyticHierarchyProcess.Weights(a, new AhpOptions { Method = method, AllowExtendedScale = true });
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
            var r = AnalyticHierarchyProcess.Weights(a, new AhpOptions { Method = m });
            return Math.Abs(r.Weights.Sum() - 1) < 1e-12 && r.Weights.All(x => x > 0) && r.LambdaMax >= n - 1e-9;
        });
    }

    [Fact]
    public void Non_reciprocal_matrix_is_rejected_naming_the_pair()
    {
        double[,] a = { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 3, 1 } };
        var ex = Assert.Throws<ArgumentException>(() => AnalyticHierarchyProcess.Weights(a));
        Assert.Equal("matrix", ex.ParamName);
        Assert.Contains("not reciprocal: matrix[2, 1] is 3 but matrix[1, 2] is 3", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(new double[,] { { 1, -2 }, { -0.5, 1 } }));
    }

    [Fact]
    public void Two_by_two_is_always_consistent()
    {
        var r = AnalyticHierarchyProcess.Weights(new double[,] { { 1, 4 }, { 0.25, 1 } });
        Assert.Equal(0.8, r.Weights[0], 12);
        Assert.Equal(0, r.ConsistencyRatio);
    }

    [Fact]
    public void Two_by_two_ratio_is_zero_by_definition_whatever_the_tables_first_entries()
    {
        // RI(1) and RI(2) are never divided by: a custom table may give anything >= 0 there.
        var r = AnalyticHierarchyProcess.Weights(new double[,] { { 1, 9 }, { 1 / 9.0, 1 } }, new AhpOptions { RandomIndex = new RandomIndexTable([0, 0.5]) });
        Assert.Equal(0, r.ConsistencyIndex);
        Assert.Equal(0, r.ConsistencyRatio);
        Assert.Equal(0.5, r.RandomIndex);
        Assert.Equal(0, AnalyticHierarchyProcess.Weights(new double[,] { { 1 } }).ConsistencyRatio);
    }

    [Fact]
    public void A_random_index_of_zero_where_the_ratio_divides_by_it_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomIndexTable([0, 0, 0]));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("values[2] (RI(3)) must be > 0", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomIndexTable([0, 0, 0.58, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomIndexTable([0, double.NaN]));
        Assert.Throws<ArgumentException>(() => new RandomIndexTable([]));
    }

    [Fact]
    public void Judgements_outside_Saatys_scale_are_rejected_unless_allowed()
    {
        double[,] a = { { 1, 12 }, { 1 / 12.0, 1 } };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(a, criteria: ["Speed", "Care"]));
        Assert.Equal("matrix", ex.ParamName);
        Assert.Contains("'Speed' vs 'Care' is 12, outside Saaty's scale 1/9..9", ex.Message);
        Assert.Equal(12 / 13.0, AnalyticHierarchyProcess.Weights(a, new AhpOptions { AllowExtendedScale = true }).Weights[0], 12);
        // The ends of the scale, written to three decimals, are on it (the reciprocity slack of 1e-3).
        Assert.Equal(0.9, AnalyticHierarchyProcess.Weights(new double[,] { { 1, 9 }, { 0.111, 1 } }).Weights[0], 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(new double[,] { { 1, 9.1 }, { 1 / 9.1, 1 } }));
    }

    [Fact]
    public void Validate_reports_every_problem_at_its_cell()
    {
        double[,] a =
        {
            { 1, 3, 0, 20 },
            { 1 / 3.0, 2, 3, 1 },
            { 1, 1, 1, 1 },
            { 1 / 20.0, 1, 1, 1 },
        };
        var errors = AnalyticHierarchyProcess.Validate(a, criteria: ["A", "B", "C", "D"]);
        Assert.Contains(errors, e => e is { Field: "matrix", Row: 0, Column: 2 } && e.Message.Contains("'A' vs 'C' must be a finite judgement > 0"));
        Assert.Contains(errors, e => e is { Row: 0, Column: 3 } && e.Message.Contains("outside Saaty's scale"));
        Assert.Contains(errors, e => e is { Row: 3, Column: 0 } && e.Message.Contains("outside Saaty's scale"));
        Assert.Contains(errors, e => e is { Row: 1, Column: 1 } && e.Message.Contains("must be 1"));
        Assert.Contains(errors, e => e is { Row: 2, Column: 1 } && e.Message.Contains("not reciprocal: 'C' vs 'B' is 1 but 'B' vs 'C' is 3"));
        Assert.Equal(5, errors.Count);
        // Weights throws the first of them.
        var first = Assert.Throws<ArgumentOutOfRangeException>(() => AnalyticHierarchyProcess.Weights(a));
        Assert.Contains("matrix[0, 2]", first.Message);

        var names = AnalyticHierarchyProcess.Validate(new double[,] { { 1, 2 }, { 0.5, 1 } }, criteria: ["A", "a"]);
        Assert.Equal(new QualityInputError("criteria", "criterion 'a' is named twice (criteria[0] and criteria[1], ignoring case)") { Column = 1 }, Assert.Single(names));
        Assert.Equal("options.RandomIndex", Assert.Single(AnalyticHierarchyProcess.Validate(new double[3, 3] { { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 } },
            new AhpOptions { RandomIndex = new RandomIndexTable([0, 0]) })).Field);
        Assert.Empty(AnalyticHierarchyProcess.Validate(new double[,] { { 1, 3 }, { 1 / 3.0, 1 } }));
    }

    [Fact]
    public void Results_compare_by_value_and_cannot_be_changed_through_a_cast()
    {
        double[,] a = { { 1, 3, 5 }, { 1 / 3.0, 1, 3 }, { 1 / 5.0, 1 / 3.0, 1 } };
        var first = AnalyticHierarchyProcess.Weights(a, criteria: ["A", "B", "C"]);
        var second = AnalyticHierarchyProcess.Weights(a, criteria: ["A", "B", "C"]);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, AnalyticHierarchyProcess.Weights(a, s_geometric with { Method = AhpWeightMethod.Eigenvector, AllowExtendedScale = true }) with { Criteria = ["x", "y", "z"] });
        Assert.False(first.Weights is double[]);
        var weights = new double[] { 0.5, 0.5 };
        var made = first with { Weights = weights };
        weights[0] = 99;
        Assert.Equal(0.5, made.Weights[0]);
        Assert.Contains("A 0.6370", first.ToString());
    }
}
