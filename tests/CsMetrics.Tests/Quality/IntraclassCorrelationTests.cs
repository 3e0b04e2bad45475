using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class IntraclassCorrelationTests
{
    [Fact]
    public void Shrout_Fleiss_1979_example_matches_all_six_forms()
    {
        // cases.json: Shrout & Fleiss (1979) Table 2 data, ICCs printed to 2 dp and recomputed (psych::ICC) to 4 dp.
        var item = QualityCases.Root.GetProperty("icc_shrout_fleiss");
        var data = QualityCases.Matrix(item.GetProperty("data"));
        var result = IntraclassCorrelation.Compute(QualityCases.Flatten(data), data.GetLength(1));
        const double tolerance = 5e-5;
        Assert.Equal(item.GetProperty("ICC1").GetDouble(), result.Icc1, tolerance);
        Assert.Equal(item.GetProperty("ICC2").GetDouble(), result.Icc2, tolerance);
        Assert.Equal(item.GetProperty("ICC3").GetDouble(), result.Icc3, tolerance);
        Assert.Equal(item.GetProperty("ICC1k").GetDouble(), result.Icc1k, tolerance);
        Assert.Equal(item.GetProperty("ICC2k").GetDouble(), result.Icc2k, tolerance);
        Assert.Equal(item.GetProperty("ICC3k").GetDouble(), result.Icc3k, tolerance);
        // Shrout & Fleiss print the ANOVA of the same table: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
        Assert.Equal(11.24, result.MeanSquareRows, 2);
        Assert.Equal(6.26, result.MeanSquareWithin, 2);
        Assert.Equal(32.49, result.MeanSquareColumns, 2);
        Assert.Equal(1.02, result.MeanSquareError, 2);
    }

    [Property(MaxTest = 100)]
    public bool Identical_raters_give_one_for_every_form(int seed)
    {
        var random = new Random(seed);
        var data = new double[8 * 3];
        for (int i = 0; i < 8; i++)
        {
            double x = i + random.NextDouble() * 3;
            data[i * 3] = data[i * 3 + 1] = data[i * 3 + 2] = x;
        }
        var r = IntraclassCorrelation.Compute(data, 3);
        return new[] { r.Icc1, r.Icc2, r.Icc3, r.Icc1k, r.Icc2k, r.Icc3k }.All(v => Math.Abs(v - 1) < 1e-12);
    }

    [Fact]
    public void Incomplete_data_is_rejected_with_its_index()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => IntraclassCorrelation.Compute([1, 2, double.NaN, 4], 2));
        Assert.Contains("data[2]", ex.Message);
    }

    [Fact]
    public void Fewer_than_two_subjects_give_NaN_with_the_count()
    {
        var one = IntraclassCorrelation.Compute([1, 2, 3], 3);
        Assert.Equal(1, one.Subjects);
        Assert.True(double.IsNaN(one.Icc1) && double.IsNaN(one.Icc3k) && double.IsNaN(one.MeanSquareRows));
        Assert.Equal(0, IntraclassCorrelation.Compute([], 2).Subjects);
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute([1, 2, 3], 2));
    }
}
