using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>How disagreements between ordered categories are weighted in Cohen's kappa.</summary>
public enum KappaWeighting
{
    /// <summary>Every disagreement counts fully (Cohen 1960): agreement weight 1 on the diagonal, 0 elsewhere.</summary>
    Unweighted,

    /// <summary>Agreement weight <c>1 - |i - j| / (k - 1)</c> (Cicchetti and Allison 1971).</summary>
    Linear,

    /// <summary>Agreement weight <c>1 - (i - j)^2 / (k - 1)^2</c> (Fleiss and Cohen 1973).</summary>
    Quadratic,
}

/// <summary>
/// Cohen's kappa for two raters and its asymptotic standard errors. Immutable and thread-safe.
/// </summary>
/// <param name="Kappa">The chance-corrected agreement, in [-1, 1] (1 = perfect agreement).</param>
/// <param name="ObservedAgreement">The weighted observed agreement <c>p_o</c>.</param>
/// <param name="ExpectedAgreement">The weighted agreement expected by chance <c>p_e</c>.</param>
/// <param name="StandardError">The asymptotic standard error of kappa (Fleiss, Cohen and Everitt 1969), for confidence intervals.</param>
/// <param name="NullStandardError">The standard error under the hypothesis kappa = 0, for the z test.</param>
/// <param name="Subjects">The number of rated subjects <c>n</c>.</param>
/// <param name="Weighting">The disagreement weighting used.</param>
public readonly record struct KappaResult(
    double Kappa, double ObservedAgreement, double ExpectedAgreement,
    double StandardError, double NullStandardError, double Subjects, KappaWeighting Weighting)
{
    /// <summary>The z statistic <c>kappa / NullStandardError</c> for the test of no agreement beyond chance.</summary>
    public double Z => Kappa / NullStandardError;

    /// <summary>A normal-approximation confidence interval <c>kappa ± z·SE</c> at <paramref name="level"/> (e.g. 0.95).</summary>
    /// <param name="level">The confidence level, a fraction in (0, 1) (0.95 for 95%).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) (95 is rejected with the convention named).</exception>
    public (double Lower, double Upper) ConfidenceInterval(double level = 0.95)
    {
        double z = StandardNormal.TwoSidedCritical(level);
        return StandardNormal.Interval(Kappa, StandardError, z);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Cohen's kappa ({Weighting}) = {Kappa:F4} (SE {StandardError:F4}, z {Z:F2}), p_o {ObservedAgreement:F4}, p_e {ExpectedAgreement:F4}, n {Subjects}");
}

/// <summary>
/// Cohen's kappa (Cohen 1960) and weighted kappa (Cohen 1968) for two raters who each put every
/// subject into one of <c>k</c> ordered categories.
/// </summary>
/// <remarks>
/// With cell proportions <c>p_ij</c>, margins <c>p_i.</c>, <c>p_.j</c> and agreement weights <c>w_ij</c>:
/// <c>p_o = Σ w_ij p_ij</c>, <c>p_e = Σ w_ij p_i. p_.j</c>, <c>kappa = (p_o - p_e) / (1 - p_e)</c>.
/// Standard errors from Fleiss, Cohen and Everitt (1969), Psychological Bulletin 72(5):323-327:
/// <c>var = [Σ p_ij (w_ij - (w̄_i. + w̄_.j)(1 - kappa))^2 - (kappa - p_e(1 - kappa))^2] / (n (1 - p_e)^2)</c>
/// with <c>w̄_i. = Σ_j p_.j w_ij</c>, <c>w̄_.j = Σ_i p_i. w_ij</c>; under kappa = 0,
/// <c>var0 = [Σ p_i. p_.j (w_ij - (w̄_i. + w̄_.j))^2 - p_e^2] / (n (1 - p_e)^2)</c>.
/// When chance agreement is total (<c>p_e = 1</c>, both raters always use one category) kappa is
/// undefined and NaN is returned.
/// </remarks>
public static class CohenKappa
{
    /// <summary>Kappa from a <c>k × k</c> contingency table of counts (rows: rater 1's category, columns: rater 2's).</summary>
    /// <param name="table">Counts, each finite and &gt;= 0, with a positive total.</param>
    /// <param name="weighting">The disagreement weighting.</param>
    /// <exception cref="ArgumentException">The table is not square or is empty, or the total is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not finite.</exception>
    public static KappaResult FromTable(double[,] table, KappaWeighting weighting = KappaWeighting.Unweighted)
    {
        ArgumentNullException.ThrowIfNull(table);
        int k = table.GetLength(0);
        if (k == 0 || table.GetLength(1) != k)
        {
            ThrowHelper.ThrowArgument(nameof(table), $"table must be square and non-empty; got {table.GetLength(0)} × {table.GetLength(1)}.");
        }
        double n = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double count = table[i, j];
                if (!(count >= 0 && double.IsFinite(count)))
                {
                    ThrowHelper.ThrowOutOfRange(nameof(table), count, $"table[{i}, {j}] must be a finite count >= 0");
                }
                n += count;
            }
        }
        if (n <= 0)
        {
            ThrowHelper.ThrowArgument(nameof(table), "table has no ratings (its total is 0).");
        }

        var rowMargin = new double[k];
        var columnMargin = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                rowMargin[i] += table[i, j] / n;
                columnMargin[j] += table[i, j] / n;
            }
        }

        double observed = 0, expected = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double w = AgreementWeight(i, j, k, weighting);
                observed += w * table[i, j] / n;
                expected += w * rowMargin[i] * columnMargin[j];
            }
        }
        if (expected >= 1)
        {
            return new KappaResult(double.NaN, observed, expected, double.NaN, double.NaN, n, weighting);
        }
        double kappa = (observed - expected) / (1 - expected);

        var rowMeanWeight = new double[k];
        var columnMeanWeight = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double w = AgreementWeight(i, j, k, weighting);
                rowMeanWeight[i] += columnMargin[j] * w;
                columnMeanWeight[j] += rowMargin[i] * w;
            }
        }
        double sumAlternative = 0, sumNull = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double w = AgreementWeight(i, j, k, weighting);
                double a = w - (rowMeanWeight[i] + columnMeanWeight[j]) * (1 - kappa);
                sumAlternative += table[i, j] / n * a * a;
                double b = w - (rowMeanWeight[i] + columnMeanWeight[j]);
                sumNull += rowMargin[i] * columnMargin[j] * b * b;
            }
        }
        double scale = n * (1 - expected) * (1 - expected);
        double shift = kappa - expected * (1 - kappa);
        double variance = Math.Max(0, (sumAlternative - shift * shift) / scale);
        double nullVariance = Math.Max(0, (sumNull - expected * expected) / scale);
        return new KappaResult(kappa, observed, expected, Math.Sqrt(variance), Math.Sqrt(nullVariance), n, weighting);
    }

    /// <summary>Kappa from two raters' category codes per subject (0-based, in [0, <paramref name="categories"/>)).</summary>
    /// <param name="rater1">Rater 1's category per subject.</param>
    /// <param name="rater2">Rater 2's category per subject; same length.</param>
    /// <param name="categories">The number of ordered categories <c>k</c> (&gt;= 1).</param>
    /// <param name="weighting">The disagreement weighting.</param>
    /// <exception cref="ArgumentException">The lengths differ or are 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A code is outside [0, k) or <paramref name="categories"/> &lt; 1.</exception>
    public static KappaResult FromRatings(ReadOnlySpan<int> rater1, ReadOnlySpan<int> rater2, int categories,
        KappaWeighting weighting = KappaWeighting.Unweighted)
    {
        if (categories < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(categories), categories, "must be >= 1");
        }
        if (rater1.Length != rater2.Length || rater1.Length == 0)
        {
            ThrowHelper.ThrowArgument(nameof(rater2), $"rater2 has length {rater2.Length}; rater1 has {rater1.Length} (both must be equal and > 0).");
        }
        var table = new double[categories, categories];
        for (int s = 0; s < rater1.Length; s++)
        {
            if ((uint)rater1[s] >= (uint)categories)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(rater1), s, rater1[s], $"must be a category in [0, {categories - 1}]");
            }
            if ((uint)rater2[s] >= (uint)categories)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(rater2), s, rater2[s], $"must be a category in [0, {categories - 1}]");
            }
            table[rater1[s], rater2[s]]++;
        }
        return FromTable(table, weighting);
    }

    /// <summary>
    /// Kappa between two raters of a <see cref="RatingTable"/>, on the units both rated, with the table's categories
    /// (all of them, in order) as the k categories: every pair of raters is compared on the same scale.
    /// </summary>
    /// <param name="table">The ratings.</param>
    /// <param name="rater1">The first rater's index.</param>
    /// <param name="rater2">The second rater's index (a different rater).</param>
    /// <param name="weighting">The disagreement weighting; linear and quadratic need ordered categories (numbers, or labels with their order).</param>
    /// <returns>The result; when no unit was rated by both, every statistic is NaN and <see cref="KappaResult.Subjects"/> is 0.</returns>
    /// <exception cref="ArgumentException">The raters are the same, or a weighted kappa is asked of unordered categories.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rater index is out of range.</exception>
    public static KappaResult Compute(RatingTable table, int rater1, int rater2, KappaWeighting weighting = KappaWeighting.Unweighted)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.CheckRater(rater1, nameof(rater1));
        table.CheckRater(rater2, nameof(rater2));
        if (rater1 == rater2)
        {
            ThrowHelper.ThrowArgument(nameof(rater2), $"rater2 is rater1 ({rater1}): kappa compares two different raters.");
        }
        if (weighting != KappaWeighting.Unweighted && !table.IsOrdered)
        {
            ThrowHelper.ThrowArgument(nameof(weighting), $"{weighting.ToString().ToLowerInvariant()} weights need ordered categories: numbers, or text labels with their order given.");
        }
        int k = table.Categories.Count;
        var counts = new double[Math.Max(k, 1), Math.Max(k, 1)];
        var codes = table.Codes;
        int raters = table.RaterCount;
        int both = 0;
        for (int u = 0; u < table.UnitCount; u++)
        {
            int a = codes[u * raters + rater1], b = codes[u * raters + rater2];
            if (a >= 0 && b >= 0)
            {
                counts[a, b]++;
                both++;
            }
        }
        if (both == 0)
        {
            return new KappaResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, weighting);
        }
        return FromTable(counts, weighting);
    }

    private static double AgreementWeight(int i, int j, int k, KappaWeighting weighting)
    {
        if (i == j)
        {
            return 1;
        }
        if (k == 1)
        {
            return 0;
        }
        double distance = Math.Abs(i - j) / (double)(k - 1);
        return weighting switch
        {
            KappaWeighting.Linear => 1 - distance,
            KappaWeighting.Quadratic => 1 - distance * distance,
            _ => 0,
        };
    }
}
