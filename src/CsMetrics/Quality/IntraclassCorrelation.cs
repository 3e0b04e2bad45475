using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// The six intraclass correlations of Shrout and Fleiss (1979) with the ANOVA mean squares they come
/// from. Immutable and thread-safe.
/// </summary>
/// <param name="Icc1">ICC(1,1): one-way random effects, a single rater.</param>
/// <param name="Icc2">ICC(2,1): two-way random effects, absolute agreement, a single rater.</param>
/// <param name="Icc3">ICC(3,1): two-way mixed effects, consistency, a single rater.</param>
/// <param name="Icc1k">ICC(1,k): one-way random, the mean of k raters.</param>
/// <param name="Icc2k">ICC(2,k): two-way random, absolute agreement, the mean of k raters.</param>
/// <param name="Icc3k">ICC(3,k): two-way mixed, consistency, the mean of k raters.</param>
/// <param name="MeanSquareRows">MSR, between subjects.</param>
/// <param name="MeanSquareColumns">MSC, between raters.</param>
/// <param name="MeanSquareError">MSE, residual of the two-way model.</param>
/// <param name="MeanSquareWithin">MSW, within subjects (one-way model).</param>
/// <param name="Subjects">n, the number of subjects.</param>
/// <param name="Raters">k, the number of raters.</param>
public readonly record struct IccResult(
    double Icc1, double Icc2, double Icc3, double Icc1k, double Icc2k, double Icc3k,
    double MeanSquareRows, double MeanSquareColumns, double MeanSquareError, double MeanSquareWithin,
    int Subjects, int Raters)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ICC(1,1) {Icc1:F4}  ICC(2,1) {Icc2:F4}  ICC(3,1) {Icc3:F4}  ICC(1,k) {Icc1k:F4}  ICC(2,k) {Icc2k:F4}  ICC(3,k) {Icc3k:F4}  ({Subjects} subjects × {Raters} raters)");
}

/// <summary>Intraclass correlation coefficients (Shrout and Fleiss 1979, Psychological Bulletin 86(2):420-428).</summary>
/// <remarks>
/// From the two-way ANOVA of an <c>n × k</c> table: <c>ICC1 = (MSR - MSW)/(MSR + (k-1)MSW)</c>,
/// <c>ICC2 = (MSR - MSE)/(MSR + (k-1)MSE + k(MSC - MSE)/n)</c>, <c>ICC3 = (MSR - MSE)/(MSR + (k-1)MSE)</c>,
/// <c>ICC1k = (MSR - MSW)/MSR</c>, <c>ICC2k = (MSR - MSE)/(MSR + (MSC - MSE)/n)</c>, <c>ICC3k = (MSR - MSE)/MSR</c>.
/// A table without any variation gives NaN (0/0).
/// </remarks>
public static class IntraclassCorrelation
{
    /// <summary>The six ICCs of a numeric <see cref="RatingTable"/> over its complete units (every rater rated them).</summary>
    /// <param name="table">Numeric ratings from at least two raters.</param>
    /// <returns>The ICCs; NaN with fewer than 2 complete units.</returns>
    /// <exception cref="ArgumentException">The table holds text categories or has fewer than two raters.</exception>
    public static IccResult Compute(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.RequireNumeric("the ICC");
        if (table.RaterCount < 2)
        {
            ThrowHelper.ThrowArgument(nameof(table), $"the ICC needs at least two raters; the table has {table.RaterCount}.");
        }
        return Compute(table.WithCompleteUnits().UnitsByRaters, table.RaterCount);
    }

    /// <summary>The six ICCs from a subjects × raters table in row-major order, without missing values.</summary>
    /// <param name="data"><c>data[i * raters + j]</c> is rater <c>j</c>'s score of subject <c>i</c>.</param>
    /// <param name="raters">k, the number of raters (columns), &gt;= 2.</param>
    /// <returns>The ICCs; with fewer than 2 subjects there is no between-subject variance and every ICC and mean square is NaN (<see cref="IccResult.Subjects"/> says how many there were).</returns>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="raters"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="raters"/> &lt; 2, or a value is not finite.</exception>
    public static IccResult Compute(ReadOnlySpan<double> data, int raters)
    {
        if (raters < 2)
        {
            ThrowHelper.ThrowOutOfRange(nameof(raters), raters, "must be >= 2");
        }
        if (data.Length % raters != 0)
        {
            ThrowHelper.ThrowArgument(nameof(data), $"data has length {data.Length}, not a multiple of raters = {raters}.");
        }
        int n = data.Length / raters;
        double grand = 0;
        for (int i = 0; i < data.Length; i++)
        {
            if (!double.IsFinite(data[i]))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(data), i, data[i], "must be finite (the ICC needs complete data)");
            }
            grand += data[i];
        }
        if (n < 2)
        {
            double nan = double.NaN;
            return new IccResult(nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, n, raters);
        }
        grand /= data.Length;

        double ssRows = 0, ssColumns = 0, ssTotal = 0;
        for (int i = 0; i < n; i++)
        {
            double rowMean = 0;
            for (int j = 0; j < raters; j++)
            {
                double x = data[i * raters + j];
                rowMean += x;
                ssTotal += (x - grand) * (x - grand);
            }
            rowMean /= raters;
            ssRows += raters * (rowMean - grand) * (rowMean - grand);
        }
        for (int j = 0; j < raters; j++)
        {
            double columnMean = 0;
            for (int i = 0; i < n; i++)
            {
                columnMean += data[i * raters + j];
            }
            columnMean /= n;
            ssColumns += n * (columnMean - grand) * (columnMean - grand);
        }
        double ssError = ssTotal - ssRows - ssColumns;
        double k = raters;
        double msr = ssRows / (n - 1);
        double msc = ssColumns / (k - 1);
        double mse = ssError / ((n - 1) * (k - 1));
        double msw = (ssColumns + ssError) / (n * (k - 1));
        return new IccResult(
            Icc1: (msr - msw) / (msr + (k - 1) * msw),
            Icc2: (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n),
            Icc3: (msr - mse) / (msr + (k - 1) * mse),
            Icc1k: (msr - msw) / msr,
            Icc2k: (msr - mse) / (msr + (msc - mse) / n),
            Icc3k: (msr - mse) / msr,
            msr, msc, mse, msw, n, raters);
    }
}
