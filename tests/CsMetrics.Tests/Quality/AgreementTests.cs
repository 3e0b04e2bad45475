using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class AgreementTests
{
    /// <summary>Krippendorff's 3 coders × 15 units example (cases.json krippendorff[0]) as a units × raters table.</summary>
    private static RatingTable KrippendorffCase()
    {
        var item = QualityCases.Root.GetProperty("krippendorff")[0];
        var data = QualityCases.Matrix(item.GetProperty("data")); // raters × units
        var ratings = new double[data.GetLength(1), data.GetLength(0)];
        for (int u = 0; u < ratings.GetLength(0); u++)
        {
            for (int r = 0; r < ratings.GetLength(1); r++)
            {
                ratings[u, r] = data[r, u];
            }
        }
        return new RatingTable(Enumerable.Range(1, data.GetLength(0)).Select(r => $"coder{r}").ToArray(), ratings);
    }

    [Fact]
    public void The_report_reproduces_the_published_alphas()
    {
        var item = QualityCases.Root.GetProperty("krippendorff")[0];
        var report = Agreement.Analyze(KrippendorffCase());
        Assert.Equal(item.GetProperty("nominal").GetDouble(), report.KrippendorffAlphaAt(MeasurementLevel.Nominal)!.Value.Alpha, 6);
        Assert.Equal(item.GetProperty("interval").GetDouble(), report.KrippendorffAlphaAt(MeasurementLevel.Interval)!.Value.Alpha, 6);
        Assert.Equal(4, report.KrippendorffAlpha.Count);
        Assert.Equal(3, report.CohenKappa.Count);
    }

    [Fact]
    public void Cronbachs_alpha_of_the_raters_equals_ICC_3k_on_the_Shrout_Fleiss_data()
    {
        // Oracle: the identity alpha = ICC(3,k) (consistency of the mean of k raters), and Shrout & Fleiss' printed ICC(3,k) 0.91.
        var item = QualityCases.Root.GetProperty("icc_shrout_fleiss");
        var data = QualityCases.Matrix(item.GetProperty("data"));
        var table = new RatingTable(["j1", "j2", "j3", "j4"], data);
        var report = Agreement.Analyze(table);
        Assert.Equal(item.GetProperty("ICC3k").GetDouble(), report.IntraclassCorrelation!.Value.Icc3k, 4);
        Assert.Equal(report.IntraclassCorrelation.Value.Icc3k, report.CronbachAlpha!.Alpha, 12);
        Assert.Equal(0.91, report.CronbachAlpha.Alpha, 2);
    }

    [Fact]
    public void Text_categories_give_the_nominal_statistics_only()
    {
        var table = RatingTable.Parse(["a", "b", "c"],
        [
            ["pass", "pass", "fail"], ["fail", "fail", "fail"], ["pass", "pass", "pass"], ["fail", "pass", null],
        ]).Value!;
        var report = Agreement.Analyze(table);
        Assert.Equal([MeasurementLevel.Nominal], report.KrippendorffAlpha.Select(k => k.Level));
        Assert.Null(report.KrippendorffAlphaAt(MeasurementLevel.Ordinal));
        Assert.All(report.CohenKappa, p => Assert.Null(p.Linear));
        Assert.Null(report.IntraclassCorrelation);
        Assert.Null(report.CronbachAlpha);
        Assert.Equal(3, report.FleissKappa.Subjects);
        Assert.Throws<ArgumentException>(() => Agreement.Analyze(table, "a", 5));
        Assert.Throws<ArgumentException>(() => KrippendorffAlpha.Compute(table, MeasurementLevel.Interval));
        Assert.Throws<ArgumentException>(() => CohenKappa.Compute(table, 0, 1, KappaWeighting.Quadratic));
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Compute(table));
    }

    [Property(MaxTest = 60)]
    public bool Nominal_statistics_do_not_depend_on_how_the_categories_are_spelt(int seed)
    {
        // Law: relabelling categories one-to-one (numbers to words) leaves every nominal statistic unchanged.
        var random = new Random(seed);
        int units = 3 + random.Next(10), raters = 2 + random.Next(3);
        string[] words = ["one", "two", "three", "four"];
        var numbers = new List<IReadOnlyList<string?>>();
        var labels = new List<IReadOnlyList<string?>>();
        for (int u = 0; u < units; u++)
        {
            var n = new string?[raters];
            var l = new string?[raters];
            for (int r = 0; r < raters; r++)
            {
                int k = random.Next(5);
                (n[r], l[r]) = k == 4 ? (null, null) : ((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), words[k]);
            }
            numbers.Add(n);
            labels.Add(l);
        }
        var names = Enumerable.Range(0, raters).Select(r => $"r{r}").ToArray();
        var a = Agreement.Analyze(RatingTable.Parse(names, numbers).Value!);
        var b = Agreement.Analyze(RatingTable.Parse(names, labels).Value!);
        static bool Same(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) < 1e-12;
        return Same(a.KrippendorffAlphaAt(MeasurementLevel.Nominal)!.Value.Alpha, b.KrippendorffAlphaAt(MeasurementLevel.Nominal)!.Value.Alpha)
            && Same(a.FleissKappa.Kappa, b.FleissKappa.Kappa)
            && a.CohenKappa.Zip(b.CohenKappa).All(p => Same(p.First.Unweighted.Kappa, p.Second.Unweighted.Kappa));
    }

    [Fact]
    public void Weighted_kappa_uses_the_tables_whole_scale_for_every_pair()
    {
        // Ratings on a 1..5 scale where nobody used 3 or 4: with the scale given, 2 and 5 are three steps apart, as the
        // weights intend; coding only the values seen (1, 2, 5 as 0, 1, 2) would make them one step apart.
        double[,] ratings = { { 1, 2 }, { 2, 2 }, { 5, 2 }, { 1, 1 }, { 5, 5 }, { 5, 1 } };
        var table = new RatingTable(["a", "b"], ratings, [1, 2, 3, 4, 5]);
        var onScale = CohenKappa.Compute(table, 0, 1, KappaWeighting.Linear);
        var byHand = CohenKappa.FromRatings([0, 1, 4, 0, 4, 4], [1, 1, 1, 0, 4, 0], 5, KappaWeighting.Linear);
        Assert.Equal(byHand, onScale);
        var observedOnly = CohenKappa.Compute(new RatingTable(["a", "b"], ratings), 0, 1, KappaWeighting.Linear);
        // 1 - Σ|x - y| / mean over all pairs |x_i - y_j|, by hand: 0.3142857 on the scale, 0.2941176 on the seen values.
        Assert.Equal(0.3142857142857143, onScale.Kappa, 12);
        Assert.Equal(0.2941176470588236, observedOnly.Kappa, 12);
    }

    [Fact]
    public void Undefined_statistics_are_NaN_with_the_count_that_explains_them()
    {
        var sparse = new RatingTable(["a", "b", "c"], new double[,] { { 1, double.NaN, 2 }, { double.NaN, 2, 2 }, { 3, 3, double.NaN } });
        var report = Agreement.Analyze(sparse);
        Assert.Equal(0, report.CompleteUnits);
        Assert.Equal(0, report.FleissKappa.Subjects);
        Assert.True(double.IsNaN(report.FleissKappa.Kappa));
        Assert.Equal(0, report.IntraclassCorrelation!.Value.Subjects);
        Assert.True(double.IsNaN(report.IntraclassCorrelation.Value.Icc2));
        var noOverlap = new RatingTable(["a", "b"], new double[,] { { 1, double.NaN }, { double.NaN, 2 } });
        var pair = CohenKappa.Compute(noOverlap, 0, 1);
        Assert.Equal(0, pair.Subjects);
        Assert.True(double.IsNaN(pair.Kappa));
        Assert.Throws<ArgumentException>(() => Agreement.Analyze(new RatingTable(["solo"], new double[,] { { 1 }, { 2 } })));
        Assert.Throws<ArgumentException>(() => CohenKappa.Compute(noOverlap, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CohenKappa.Compute(noOverlap, 0, 2));
    }

    [Fact]
    public void The_expert_comparison_names_each_rater_and_reports_compare_by_value()
    {
        var table = new RatingTable(["expert", "ana", "ben"], new double[,] { { 80, 85, 70 }, { 90, 88, double.NaN }, { 70, 70, 75 } });
        var report = Agreement.Analyze(table, "EXPERT", tolerance: 5);
        Assert.Equal("expert", report.Expert);
        Assert.Equal(["ana", "ben"], report.DeviationFromExpert.Select(d => d.Rater));
        Assert.Equal(Calibration.DeviationFromExpert([80, 90, 70], [85, 88, 70], 5), report.DeviationFromExpert[0].Deviation);
        Assert.Equal(2, report.DeviationFromExpert[1].Deviation.Evaluations);
        Assert.Equal(report, Agreement.Analyze(table, "expert", 5));
        Assert.Throws<ArgumentException>(() => Agreement.Analyze(table, "carla", 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.Analyze(table, "expert", -1));
        Assert.Contains("ana", report.ToString());
    }
}
