using CsMetrics.Quality;

namespace CsMetrics.Tests.Quality;

public class CalibrationTests
{
    [Fact]
    public void Deviation_from_expert_is_computed_pair_by_pair_skipping_missing()
    {
        double[] expert = [80, 90, 70, 60, double.NaN];
        double[] evaluator = [85, 88, 70, 70, 50];
        var d = Calibration.DeviationFromExpert(expert, evaluator, tolerance: 5);
        // Differences +5, -2, 0, +10 (the fifth pair is incomplete).
        Assert.Equal(4, d.Evaluations);
        Assert.Equal(13 / 4.0, d.MeanDeviation, 12);
        Assert.Equal(17 / 4.0, d.MeanAbsoluteDeviation, 12);
        Assert.Equal(Math.Sqrt((25 + 4 + 0 + 100) / 4.0), d.RootMeanSquareDeviation, 12);
        Assert.Equal(10, d.MaximumAbsoluteDeviation);
        Assert.Equal(0.75, d.WithinTolerance, 12);
    }

    [Fact]
    public void Length_mismatch_and_negative_tolerance_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Calibration.DeviationFromExpert([1, 2], [1], 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.DeviationFromExpert([1], [1], -1));
        Assert.Equal(0, Calibration.DeviationFromExpert([double.NaN], [1], 5).Evaluations);
    }
}
