using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>Fleiss' kappa with its null standard error. Immutable and thread-safe.</summary>
/// <param name="Kappa">The chance-corrected agreement (1 = perfect; 0 = chance level).</param>
/// <param name="ObservedAgreement">The mean per-subject agreement <c>P̄</c>.</param>
/// <param name="ExpectedAgreement">The chance agreement <c>P̄_e = Σ p_j^2</c> from the pooled category shares.</param>
/// <param name="NullStandardError">The standard error under kappa = 0 (Fleiss, Nee and Landis 1979).</param>
/// <param name="Subjects">The number of subjects <c>N</c>.</param>
/// <param name="RatersPerSubject">The number of ratings per subject <c>n</c>.</param>
public readonly record struct FleissKappaResult(
    double Kappa, double ObservedAgreement, double ExpectedAgreement, double NullStandardError, int Subjects, int RatersPerSubject)
{
    /// <summary>The z statistic for the test of no agreement beyond chance.</summary>
    public double Z => Kappa / NullStandardError;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Fleiss' kappa = {Kappa:F4} (SE0 {NullStandardError:F4}), P̄ {ObservedAgreement:F4}, P̄e {ExpectedAgreement:F4}, {Subjects} subjects × {RatersPerSubject} raters");
}

/// <summary>Fleiss' kappa (Fleiss 1971, Psychological Bulletin 76(5):378-382) for many raters and nominal categories.</summary>
/// <remarks>
/// From the table <c>n_ij</c> (subjects × categories, each row summing to the same <c>n</c> ratings):
/// <c>P_i = (Σ_j n_ij^2 - n) / (n (n - 1))</c>, <c>P̄ = mean P_i</c>, <c>p_j = Σ_i n_ij / (N n)</c>,
/// <c>P̄_e = Σ p_j^2</c>, <c>kappa = (P̄ - P̄_e) / (1 - P̄_e)</c>. Null variance (Fleiss, Nee and Landis 1979):
/// <c>2 / (N n (n - 1)) · [(Σ p_j q_j)^2 - Σ p_j q_j (q_j - p_j)] / (Σ p_j q_j)^2</c> with <c>q_j = 1 - p_j</c>.
/// When every rating falls in one category, <c>P̄_e = 1</c> and kappa is NaN.
/// </remarks>
public static class FleissKappa
{
    /// <summary>
    /// Fleiss' kappa of a <see cref="RatingTable"/> over its complete units (every rater rated them), with the table's
    /// categories as nominal categories.
    /// </summary>
    /// <param name="table">The ratings (any kind: Fleiss' kappa is nominal), with at least two raters.</param>
    /// <returns>The result; when no unit is complete, every statistic is NaN and <see cref="FleissKappaResult.Subjects"/> is 0.</returns>
    /// <exception cref="ArgumentException">The table has fewer than two raters.</exception>
    public static FleissKappaResult Compute(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RaterCount < 2)
        {
            ThrowHelper.ThrowArgument(nameof(table), $"Fleiss' kappa needs at least two raters; the table has {table.RaterCount}.");
        }
        var complete = table.CompleteUnits;
        if (complete.Count == 0)
        {
            return new FleissKappaResult(double.NaN, double.NaN, double.NaN, double.NaN, 0, table.RaterCount);
        }
        var counts = new int[complete.Count, table.Categories.Count];
        for (int i = 0; i < complete.Count; i++)
        {
            for (int r = 0; r < table.RaterCount; r++)
            {
                counts[i, table.Code(complete[i], r)]++;
            }
        }
        return FromCounts(counts);
    }

    /// <summary>Fleiss' kappa from counts: <paramref name="counts"/>[i, j] raters put subject i in category j.</summary>
    /// <param name="counts">Subjects × categories counts; every row must have the same total <c>n</c> &gt;= 2.</param>
    /// <exception cref="ArgumentException">The table is empty, or a row's total differs from the first row's, or is below 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not a whole number.</exception>
    public static FleissKappaResult FromCounts(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int subjects = counts.GetLength(0);
        int categories = counts.GetLength(1);
        if (subjects == 0 || categories == 0)
        {
            ThrowHelper.ThrowArgument(nameof(counts), "counts must have at least one subject and one category.");
        }
        int raters = -1;
        var categoryTotal = new double[categories];
        double agreementSum = 0;
        for (int i = 0; i < subjects; i++)
        {
            int rowTotal = 0;
            double squares = 0;
            for (int j = 0; j < categories; j++)
            {
                int c = counts[i, j];
                if (c < 0)
                {
                    ThrowHelper.ThrowOutOfRange(nameof(counts), c, $"counts[{i}, {j}] must be >= 0");
                }
                rowTotal += c;
                squares += (double)c * c;
                categoryTotal[j] += c;
            }
            if (raters < 0)
            {
                raters = rowTotal;
                if (raters < 2)
                {
                    ThrowHelper.ThrowArgument(nameof(counts), $"subject 0 has {raters} ratings; at least 2 per subject are required.");
                }
            }
            else if (rowTotal != raters)
            {
                ThrowHelper.ThrowArgument(nameof(counts), $"subject {i} has {rowTotal} ratings but subject 0 has {raters}; Fleiss' kappa needs the same number per subject (use Krippendorff's alpha for missing ratings).");
            }
            agreementSum += (squares - raters) / ((double)raters * (raters - 1));
        }
        double observed = agreementSum / subjects;
        double total = (double)subjects * raters;
        double expected = 0, pq = 0, pqqp = 0;
        for (int j = 0; j < categories; j++)
        {
            double p = categoryTotal[j] / total;
            double q = 1 - p;
            expected += p * p;
            pq += p * q;
            pqqp += p * q * (q - p);
        }
        if (expected >= 1)
        {
            return new FleissKappaResult(double.NaN, observed, expected, double.NaN, subjects, raters);
        }
        double kappa = (observed - expected) / (1 - expected);
        double nullVariance = 2 / (total * (raters - 1)) * (pq * pq - pqqp) / (pq * pq);
        return new FleissKappaResult(kappa, observed, expected, Math.Sqrt(nullVariance), subjects, raters);
    }
}
