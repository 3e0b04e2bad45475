using CsMetrics.Forecasting;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

/// <summary>The combination, interval calibration and the automatic family choice.</summary>
public class ForecastModelsTests
{
    private static double[] RandomSeries(int seed, int n = 60, int m = 4)
    {
        var random = new Random(seed);
        double level = 50 + 50 * random.NextDouble(), slope = random.NextDouble() - 0.3;
        return Enumerable.Range(0, n).Select(t => level + slope * t + 8 * Math.Sin(2 * Math.PI * t / m) + 5 * (random.NextDouble() - 0.5)).ToArray();
    }

    [Fact]
    public void CombinationOfOneModel_IsThatModel_AndOfAModelTwice_Too()
    {
        var y = RandomSeries(1);
        var theta = Theta.Fit(y, 4);
        var direct = theta.Forecast(8, 0.8, 0.95);
        foreach (var combination in new[] { new CombinationFit([theta]), new CombinationFit([theta, theta]) })
        {
            var forecast = combination.Forecast(8, [0.8, 0.95]);
            Assert.Equal("Combination", combination.Family);
            for (int h = 0; h < 8; h++)
            {
                Assert.Equal(direct.Mean[h], forecast.Mean[h], 10);
                Assert.Equal(direct.Variance[h], forecast.Variance[h], 8);
                Assert.Equal(direct.IntervalAt(0.95).Upper[h], forecast.IntervalAt(0.95).Upper[h], 10);
            }
        }
        Assert.Throws<ArgumentException>(() => new CombinationFit([]));
    }

    [Property(MaxTest = 12)]
    public bool CombinationIntervals_Nest_AndTheMeanLiesBetweenTheMembers(int seed)
    {
        var y = RandomSeries(seed);
        IForecastModel[] members = [Ets.FitAuto(y, 4), Theta.Fit(y, 4), SeasonalNaiveModel(y)];
        var combination = new CombinationFit(members).Forecast(8, [0.8, 0.95]);
        var forecasts = members.Select(m => m.Forecast(8, [0.8, 0.95])).ToArray();
        var i80 = combination.IntervalAt(0.8);
        var i95 = combination.IntervalAt(0.95);
        return Enumerable.Range(0, 8).All(h =>
            i95.Lower[h] <= i80.Lower[h] && i80.Lower[h] <= combination.Mean[h] && combination.Mean[h] <= i80.Upper[h] && i80.Upper[h] <= i95.Upper[h]
            && combination.Mean[h] >= forecasts.Min(f => f.Mean[h]) - 1e-9 && combination.Mean[h] <= forecasts.Max(f => f.Mean[h]) + 1e-9);
    }

    /// <summary>ETS(A,N,A) stands in for a third family (the combination takes any IForecastModel).</summary>
    private static IForecastModel SeasonalNaiveModel(double[] y) => Ets.Fit(y, EtsSpecification.Parse("ANA", 4));

    [Fact]
    public void Calibration_OfStandardNormalErrors_IsAboutOne_AndOfDoubledErrors_AboutTwo()
    {
        var random = new Random(7);
        var z = Enumerable.Range(0, 20_000).Select(_ => Math.Abs(Normal(random))).ToArray();
        Assert.InRange(new IntervalCalibration(z).Factor(0.95), 1.0, 1.04);
        Assert.InRange(new IntervalCalibration(z.Select(v => 2 * v)).Factor(0.95), 1.94, 2.06);
        Assert.InRange(new IntervalCalibration(z.Select(v => 2 * v)).Factor(0.8), 1.94, 2.06);
        // Never narrower than the model: errors half the model's sd give factor 1.
        Assert.Equal(1.0, new IntervalCalibration(z.Select(v => v / 2)).Factor(0.95));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Calibration_UsesTheConformalRank()
    {
        // 19 errors 1..19: rank ceil(20 x 0.95) = 19, so q = 19; at 0.5 rank 10, q = 10.
        var calibration = new IntervalCalibration(Enumerable.Range(1, 19).Select(i => (double)i));
        Assert.Equal(19 / 1.959963984540054, calibration.Factor(0.95), 12);
        Assert.Equal(10 / 0.6744897501960817, calibration.Factor(0.5), 9);
        Assert.Equal("standardizedErrors", Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalCalibration([1, -1])).ParamName);
        Assert.Throws<ArgumentException>(() => new IntervalCalibration([]));
    }

    /// <summary>The split-conformal guarantee on the calibration errors themselves: at least a share L of them fall inside the calibrated band.</summary>
    [Property(MaxTest = 50)]
    public bool CalibratedBand_CoversAtLeastTheLevel_OfItsOwnErrors(int seed, byte count)
    {
        var random = new Random(seed);
        double spread = 0.5 + 3 * random.NextDouble();
        var u = Enumerable.Range(0, count + 5).Select(_ => spread * Math.Abs(Normal(random))).ToArray();
        var calibration = new IntervalCalibration(u);
        return new[] { 0.5, 0.8, 0.95 }.All(level =>
        {
            double limit = calibration.Factor(level) * Internal(level);
            return u.Count(v => v <= limit * (1 + 1e-12)) >= level * u.Length - 1e-9;
        });
    }

    private static double Internal(double level) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);

    [Fact]
    public void CalibratedForecast_WidensAboutTheMean_AndKeepsNesting()
    {
        var theta = Theta.Fit(RandomSeries(2), 4);
        var calibration = new IntervalCalibration(Enumerable.Repeat(3.0, 50));
        var model = new CalibratedModel(theta, calibration);
        var raw = theta.Forecast(6, 0.8, 0.95);
        var calibrated = model.Forecast(6, [0.8, 0.95]);
        double c95 = 3 / 1.959963984540054;
        for (int h = 0; h < 6; h++)
        {
            Assert.Equal(raw.Mean[h], calibrated.Mean[h]);
            Assert.Equal(raw.Mean[h] + c95 * (raw.IntervalAt(0.95).Upper[h] - raw.Mean[h]), calibrated.IntervalAt(0.95).Upper[h], 9);
            Assert.True(calibrated.IntervalAt(0.8).Upper[h] <= calibrated.IntervalAt(0.95).Upper[h]);
        }
        Assert.Equal("Theta", model.Family);
        Assert.Contains("calibrated from 50", calibrated.IntervalMethod);
    }

    [Fact]
    public void FitAuto_BacktestsEveryCandidate_AndChoosesTheLowestMase()
    {
        var y = EtsOracle.Series("AirPassengers");
        var selection = ForecastModels.FitAuto(y, 12, new ForecastModelOptions { Candidates = [ForecastFamily.Combination, ForecastFamily.Ets, ForecastFamily.Theta] });
        Assert.Equal(3, selection.Scores.Count);
        Assert.Equal(24, selection.BacktestHorizon);
        Assert.All(selection.Scores, s => Assert.Equal(4, s.Origins));
        var best = selection.Scores.Where(s => s.Error is null).MinBy(s => s.MeanAbsoluteScaledError)!;
        Assert.Equal(best.Family, selection.Family);
        Assert.NotNull(selection.Calibration);
        Assert.Equal(4 * 24, selection.Calibration!.Count);
        var forecast = selection.Model.Forecast(24, [0.8, 0.95]);
        Assert.All(Enumerable.Range(0, 24), h => Assert.True(forecast.IntervalAt(0.8).Upper[h] <= forecast.IntervalAt(0.95).Upper[h]));
    }

    [Fact]
    public void FitAuto_ShortSeries_FallsBackToTheFirstFamilyThatFits()
    {
        double[] y = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16];
        var selection = ForecastModels.FitAuto(y, 1, new ForecastModelOptions { Candidates = [ForecastFamily.Theta, ForecastFamily.Ets] });
        Assert.Equal(ForecastFamily.Theta, selection.Family);
        Assert.Empty(selection.Scores);
        Assert.Null(selection.Calibration);
        Assert.Equal(0, selection.BacktestHorizon);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("seasonLength", Assert.Throws<ArgumentOutOfRangeException>(() => ForecastModels.FitAuto(new double[30], 0)).ParamName);
        Assert.Equal("Origins", Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastModelOptions { Origins = 0 }.Validate()).ParamName);
        Assert.Equal("Candidates", Assert.Throws<ArgumentException>(() => new ForecastModelOptions { Candidates = [] }.Validate()).ParamName);
        Assert.Equal("Candidates", Assert.Throws<ArgumentOutOfRangeException>(() => new ForecastModelOptions { Candidates = [ForecastFamily.Ets, ForecastFamily.Ets] }.Validate()).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => ForecastModels.FitAuto([double.NaN, double.NaN, double.NaN], 1)).ParamName);
        var many = ForecastModels.FitAutoMany([[double.NaN, double.NaN], RandomSeries(3)], [1, 4]);
        Assert.NotNull(many[0].Error);
        Assert.NotNull(many[1].Selection);
    }

    [Fact]
    public void CoverageAndMsis_MatchAHandComputation()
    {
        double[] actual = [10, 20, 30];
        double[] lower = [9, 21, 25];
        double[] upper = [11, 25, 29];
        Assert.Equal(1 / 3.0, ForecastAccuracy.Coverage(actual, lower, upper), 12);
        // insample 0, 2, 4, 6: naive scale 2. Widths 2 + 4 + 4 = 10; penalties (2 / 0.05) x (1 + 1) = 80. (10 + 80) / 3 / 2 = 15.
        Assert.Equal(15, ForecastAccuracy.MeanScaledIntervalScore(actual, lower, upper, [0, 2, 4, 6], 1, 0.95), 10);
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => ForecastAccuracy.Coverage(actual, lower, [1])).ParamName);
    }
}
