using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>Cronbach's alpha of a scale and alpha with each item deleted. Immutable and thread-safe, with value equality.</summary>
public sealed record ReliabilityResult
{
    /// <summary>The internal-consistency reliability; NaN when the total score has no variance or fewer than 2 respondents are complete.</summary>
    public required double Alpha { get; init; }

    /// <summary>Alpha of the scale without item <c>i</c>, per item (NaN for a 2-item scale's 1-item remainders).</summary>
    public required IReadOnlyList<double> AlphaIfItemDeleted { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); }

    /// <summary>k, the number of items.</summary>
    public required int Items { get; init; }

    /// <summary>The number of complete respondents used (listwise deletion); 0 when computed from a covariance matrix.</summary>
    public required int Respondents { get; init; }

    /// <summary>
    /// Feldt's (1965; Feldt, Woodruff and Salih 1987) confidence interval for alpha at <paramref name="level"/> (e.g. 0.95):
    /// <c>[1 - (1 - α) F_{1-c/2}(n-1, (n-1)(k-1)), 1 - (1 - α) F_{c/2}(n-1, (n-1)(k-1))]</c>, with c = 1 - level.
    /// NaN bounds when the respondent count is unknown (alpha from a covariance matrix) or below 2.
    /// </summary>
    /// <param name="level">The confidence level, a fraction in (0, 1) (0.95 for 95%).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) (95 is rejected with the convention named).</exception>
    public (double Lower, double Upper) FeldtInterval(double level = 0.95)
    {
        Preconditions.CheckLevel(level);
        if (Respondents < 2 || double.IsNaN(Alpha))
        {
            return (double.NaN, double.NaN);
        }
        double d1 = Respondents - 1, d2 = (Respondents - 1.0) * (Items - 1);
        double tail = (1 - level) / 2;
        double upperQuantile = MathNet.Numerics.Distributions.FisherSnedecor.InvCDF(d1, d2, 1 - tail);
        double lowerQuantile = MathNet.Numerics.Distributions.FisherSnedecor.InvCDF(d1, d2, tail);
        return (1 - (1 - Alpha) * upperQuantile, 1 - (1 - Alpha) * lowerQuantile);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Cronbach's alpha = {Alpha:F4} ({Items} items, {Respondents} respondents); if deleted:");
        for (int i = 0; i < AlphaIfItemDeleted.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{i}] {AlphaIfItemDeleted[i]:F4}");
        }
        return text.ToString();
    }
}

/// <summary>Cronbach's alpha (Cronbach 1951, Psychometrika 16(3):297-334).</summary>
/// <remarks>
/// <c>alpha = k/(k-1) · (1 - Σ σ_i² / σ_total²)</c>, where <c>σ_i²</c> are the item variances and
/// <c>σ_total² = Σ_i Σ_j σ_ij</c> is the variance of the summed score. Alpha-if-deleted recomputes the
/// same formula on the covariance matrix with row and column <c>i</c> removed.
/// </remarks>
public static class CronbachAlpha
{
    /// <summary>Alpha from an item covariance matrix (<c>k × k</c>, k &gt;= 2, symmetric).</summary>
    /// <param name="covariance">The item covariances (any consistent normalisation: n or n-1).</param>
    /// <exception cref="ArgumentException">The matrix is not square, has fewer than 2 items, or is not symmetric.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry is not finite or a variance is negative.</exception>
    public static ReliabilityResult FromCovariance(double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        int k = covariance.GetLength(0);
        if (k < 2 || covariance.GetLength(1) != k)
        {
            ThrowHelper.ThrowArgument(nameof(covariance), $"covariance must be square with at least 2 items; got {covariance.GetLength(0)} × {covariance.GetLength(1)}.");
        }
        for (int i = 0; i < k; i++)
        {
            if (!(covariance[i, i] >= 0) || double.IsInfinity(covariance[i, i]))
            {
                ThrowHelper.ThrowOutOfRange(nameof(covariance), covariance[i, i], $"covariance[{i}, {i}] must be a finite variance >= 0");
            }
            for (int j = 0; j < i; j++)
            {
                double a = covariance[i, j], b = covariance[j, i];
                if (!double.IsFinite(a) || Math.Abs(a - b) > 1e-9 * Math.Max(1, Math.Abs(a)))
                {
                    ThrowHelper.ThrowArgument(nameof(covariance), $"covariance must be finite and symmetric; covariance[{i}, {j}] = {a} but covariance[{j}, {i}] = {b}.");
                }
            }
        }
        return Build(covariance, k, respondents: 0);
    }

    /// <summary>Alpha from raw scores: respondents × items in row-major order; a respondent with any NaN is dropped (listwise).</summary>
    /// <param name="scores"><c>scores[r * items + i]</c> is respondent <c>r</c>'s score on item <c>i</c>.</param>
    /// <param name="items">k, the number of items (&gt;= 2).</param>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="items"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="items"/> &lt; 2, or a score is infinite.</exception>
    /// <remarks>Uses the sample covariance (divisor n - 1); alpha does not depend on the divisor. Fewer than 2 complete respondents give NaN.</remarks>
    public static ReliabilityResult FromScores(ReadOnlySpan<double> scores, int items)
    {
        if (items < 2)
        {
            ThrowHelper.ThrowOutOfRange(nameof(items), items, "must be >= 2");
        }
        if (scores.Length % items != 0)
        {
            ThrowHelper.ThrowArgument(nameof(scores), $"scores has length {scores.Length}, not a multiple of items = {items}.");
        }
        int rows = scores.Length / items;
        var means = new double[items];
        int complete = 0;
        for (int r = 0; r < rows; r++)
        {
            var row = scores.Slice(r * items, items);
            if (!IsComplete(row, r * items))
            {
                continue;
            }
            complete++;
            for (int i = 0; i < items; i++)
            {
                means[i] += row[i];
            }
        }
        if (complete < 2)
        {
            return new ReliabilityResult { Alpha = double.NaN, AlphaIfItemDeleted = ReadOnlyValueList<double>.Own(Enumerable.Repeat(double.NaN, items).ToArray()), Items = items, Respondents = complete };
        }
        for (int i = 0; i < items; i++)
        {
            means[i] /= complete;
        }
        var covariance = new double[items, items];
        for (int r = 0; r < rows; r++)
        {
            var row = scores.Slice(r * items, items);
            if (!IsComplete(row, r * items))
            {
                continue;
            }
            for (int i = 0; i < items; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    covariance[i, j] += (row[i] - means[i]) * (row[j] - means[j]);
                }
            }
        }
        for (int i = 0; i < items; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                covariance[i, j] /= complete - 1;
                covariance[j, i] = covariance[i, j];
            }
        }
        return Build(covariance, items, complete);
    }

    /// <summary>
    /// Alpha of a numeric <see cref="RatingTable"/> with the raters as the items (the internal consistency of a panel:
    /// equal to ICC(3,k)); units missing a rating are dropped (listwise).
    /// </summary>
    /// <param name="table">Numeric ratings from at least two raters.</param>
    /// <exception cref="ArgumentException">The table holds text categories or has fewer than two raters.</exception>
    public static ReliabilityResult Compute(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.RequireNumeric("Cronbach's alpha");
        if (table.RaterCount < 2)
        {
            ThrowHelper.ThrowArgument(nameof(table), $"Cronbach's alpha needs at least two items (raters); the table has {table.RaterCount}.");
        }
        return FromScores(table.UnitsByRaters, table.RaterCount);
    }

    private static bool IsComplete(ReadOnlySpan<double> row, int offset)
    {
        for (int i = 0; i < row.Length; i++)
        {
            if (double.IsInfinity(row[i]))
            {
                ThrowHelper.ThrowElementOutOfRange("scores", offset + i, row[i], "must be finite (or NaN for missing)");
            }
            if (double.IsNaN(row[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static ReliabilityResult Build(double[,] covariance, int k, int respondents)
    {
        double alpha = AlphaWithout(covariance, k, skip: -1);
        var ifDeleted = new double[k];
        for (int i = 0; i < k; i++)
        {
            ifDeleted[i] = AlphaWithout(covariance, k, skip: i);
        }
        return new ReliabilityResult { Alpha = alpha, AlphaIfItemDeleted = ReadOnlyValueList<double>.Own(ifDeleted), Items = k, Respondents = respondents };
    }

    private static double AlphaWithout(double[,] covariance, int k, int skip)
    {
        int items = skip < 0 ? k : k - 1;
        if (items < 2)
        {
            return double.NaN;
        }
        double itemVariances = 0, total = 0;
        for (int i = 0; i < k; i++)
        {
            if (i == skip)
            {
                continue;
            }
            itemVariances += covariance[i, i];
            for (int j = 0; j < k; j++)
            {
                if (j != skip)
                {
                    total += covariance[i, j];
                }
            }
        }
        return total > 0 ? items / (items - 1.0) * (1 - itemVariances / total) : double.NaN;
    }
}
