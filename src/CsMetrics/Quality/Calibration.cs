using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>How far one evaluator's scores sit from the expert's (the calibration "scoring index"). Immutable and thread-safe.</summary>
/// <param name="MeanDeviation">Mean of <c>evaluator - expert</c>: positive means the evaluator scores more leniently.</param>
/// <param name="MeanAbsoluteDeviation">Mean of <c>|evaluator - expert|</c>.</param>
/// <param name="RootMeanSquareDeviation">Square root of the mean squared difference.</param>
/// <param name="MaximumAbsoluteDeviation">The largest <c>|evaluator - expert|</c>.</param>
/// <param name="WithinTolerance">The share of evaluations with <c>|evaluator - expert| &lt;= tolerance</c>, in [0, 1].</param>
/// <param name="Evaluations">The number of evaluations compared (pairs where both scores are present).</param>
public readonly record struct EvaluatorDeviation(
    double MeanDeviation, double MeanAbsoluteDeviation, double RootMeanSquareDeviation, double MaximumAbsoluteDeviation,
    double WithinTolerance, int Evaluations)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"deviation from expert: mean {MeanDeviation:+0.####;-0.####;0}, mean |d| {MeanAbsoluteDeviation:0.####}, RMS {RootMeanSquareDeviation:0.####}, max |d| {MaximumAbsoluteDeviation:0.####}, within tolerance {WithinTolerance:P1} of {Evaluations}");
}

/// <summary>
/// Calibration against an expert baseline: each evaluator scores the same interactions as the expert
/// (Genesys' "scoring index"); the deviations say who is lenient, who is harsh, and who is inside the
/// team's tolerance (NICE CXone suggests ±5 percentage points).
/// </summary>
public static class Calibration
{
    /// <summary>Compares one rater of a numeric <see cref="RatingTable"/> with the expert rater, on the units both rated.</summary>
    /// <param name="table">Numeric ratings.</param>
    /// <param name="expert">The expert's rater index.</param>
    /// <param name="evaluator">The evaluator's rater index.</param>
    /// <param name="tolerance">The accepted absolute deviation, in the ratings' unit, &gt;= 0.</param>
    /// <exception cref="ArgumentException">The table holds text categories.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rater index is out of range, or the tolerance is negative or not finite.</exception>
    public static EvaluatorDeviation DeviationFromExpert(RatingTable table, int expert, int evaluator, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.RequireNumeric("the deviation from an expert");
        table.CheckRater(expert, nameof(expert));
        table.CheckRater(evaluator, nameof(evaluator));
        return DeviationFromExpert(table.Column(expert), table.Column(evaluator), tolerance);
    }

    /// <summary>Compares one evaluator's scores with the expert's, pair by pair; a NaN on either side skips the pair.</summary>
    /// <param name="expert">The expert's score per evaluation (any unit, e.g. percent).</param>
    /// <param name="evaluator">The evaluator's score per evaluation; same length.</param>
    /// <param name="tolerance">The accepted absolute deviation, in the scores' unit, &gt;= 0 (e.g. 5 for ±5 points).</param>
    /// <returns>The deviation summary; all NaN with <c>Evaluations = 0</c> when no pair is complete.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or not finite; a score is infinite.</exception>
    /// <remarks><c>d_i = evaluator_i - expert_i</c>; mean <c>Σ d_i / m</c>, RMS <c>sqrt(Σ d_i² / m)</c>.</remarks>
    public static EvaluatorDeviation DeviationFromExpert(ReadOnlySpan<double> expert, ReadOnlySpan<double> evaluator, double tolerance)
    {
        Preconditions.CheckNonNegative(tolerance);
        if (expert.Length != evaluator.Length)
        {
            ThrowHelper.ThrowArgument(nameof(evaluator), $"evaluator has length {evaluator.Length}; expert has {expert.Length}.");
        }
        double sum = 0, sumAbs = 0, sumSquares = 0, max = 0;
        int m = 0, within = 0;
        for (int i = 0; i < expert.Length; i++)
        {
            if (double.IsInfinity(expert[i]))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(expert), i, expert[i], "must be finite (or NaN for missing)");
            }
            if (double.IsInfinity(evaluator[i]))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(evaluator), i, evaluator[i], "must be finite (or NaN for missing)");
            }
            double d = evaluator[i] - expert[i];
            if (double.IsNaN(d))
            {
                continue;
            }
            m++;
            sum += d;
            sumAbs += Math.Abs(d);
            sumSquares += d * d;
            max = Math.Max(max, Math.Abs(d));
            if (Math.Abs(d) <= tolerance)
            {
                within++;
            }
        }
        if (m == 0)
        {
            return new EvaluatorDeviation(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }
        return new EvaluatorDeviation(sum / m, sumAbs / m, Math.Sqrt(sumSquares / m), max, (double)within / m, m);
    }
}
