using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>The level of measurement, which fixes Krippendorff's difference function <c>δ²(c, k)</c>.</summary>
public enum MeasurementLevel
{
    /// <summary>Categories without order: <c>δ² = 0</c> if <c>c = k</c>, else 1.</summary>
    Nominal,

    /// <summary>Ordered ranks: <c>δ² = (Σ_{g=c..k} n_g - (n_c + n_k)/2)^2</c> over the pooled value frequencies <c>n_g</c>.</summary>
    Ordinal,

    /// <summary>Equal intervals: <c>δ² = (c - k)^2</c>.</summary>
    Interval,

    /// <summary>Ratios with a true zero: <c>δ² = ((c - k) / (c + k))^2</c>.</summary>
    Ratio,
}

/// <summary>Krippendorff's alpha with its parts. Immutable and thread-safe.</summary>
/// <param name="Alpha">1 - D_o / D_e: 1 = perfect reliability, 0 = chance level; NaN when D_e = 0 (no variation at all).</param>
/// <param name="ObservedDisagreement">D_o, the mean difference within units.</param>
/// <param name="ExpectedDisagreement">D_e, the mean difference between any two pairable values.</param>
/// <param name="PairableValues">n, the number of values in units with at least two values.</param>
/// <param name="PairableUnits">The number of units with at least two values.</param>
/// <param name="Level">The level of measurement.</param>
public readonly record struct KrippendorffAlphaResult(
    double Alpha, double ObservedDisagreement, double ExpectedDisagreement, int PairableValues, int PairableUnits, MeasurementLevel Level)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Krippendorff's alpha ({Level}) = {Alpha:F4}, D_o {ObservedDisagreement:G6}, D_e {ExpectedDisagreement:G6}, {PairableValues} values in {PairableUnits} units");
}

/// <summary>
/// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", Annenberg
/// School for Communication) for any number of raters, any level of measurement and missing values.
/// </summary>
/// <remarks>
/// <c>alpha = 1 - (n - 1) · Σ_u [Σ_{i≠j in u} δ²(x_i, x_j) / (m_u - 1)] / Σ_c Σ_k n_c n_k δ²(c, k)</c>, where
/// <c>m_u</c> is the number of values in unit <c>u</c> (units with <c>m_u &lt; 2</c> are not pairable and are
/// dropped), <c>n = Σ m_u</c> and <c>n_c</c> counts the pairable values equal to <c>c</c>. This is the
/// coincidence-matrix formula without building the matrix: the within-unit sum runs over each unit's
/// pairs, and for the nominal and interval levels the between-values sum has the closed forms
/// <c>n² - Σ n_c²</c> and <c>2 n Σ (x - x̄)²</c>, so the cost is linear in the data. Ordinal and ratio
/// levels cost <c>O(V²)</c> in the number of distinct values <c>V</c>.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Alpha from a raters × units matrix in row-major order; NaN marks a missing value.</summary>
    /// <param name="data">Row <c>r</c> holds rater <c>r</c>'s value for each unit: <c>data[r * units + u]</c>.</param>
    /// <param name="raters">The number of raters (rows), &gt;= 1.</param>
    /// <param name="level">The level of measurement.</param>
    /// <returns>The result; alpha is NaN when fewer than two pairable values exist or all are equal.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/>'s length is not a multiple of <paramref name="raters"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="raters"/> &lt; 1, a value is infinite, or a ratio-level value is negative.</exception>
    public static KrippendorffAlphaResult Compute(ReadOnlySpan<double> data, int raters, MeasurementLevel level)
    {
        if (raters < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(raters), raters, "must be >= 1");
        }
        if (data.Length % raters != 0)
        {
            ThrowHelper.ThrowArgument(nameof(data), $"data has length {data.Length}, not a multiple of raters = {raters}.");
        }
        int units = data.Length / raters;
        for (int i = 0; i < data.Length; i++)
        {
            double x = data[i];
            if (double.IsInfinity(x) || (level == MeasurementLevel.Ratio && x < 0))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(data), i, x, level == MeasurementLevel.Ratio ? "must be >= 0 at the ratio level (or NaN for missing)" : "must be finite (or NaN for missing)");
            }
        }

        // Frequencies of the pairable values (those in units with at least two values).
        var counts = new Dictionary<double, double>();
        double n = 0, sum = 0;
        int pairableUnits = 0;
        for (int u = 0; u < units; u++)
        {
            if (CountPresent(data, raters, units, u) < 2)
            {
                continue;
            }
            pairableUnits++;
            for (int r = 0; r < raters; r++)
            {
                double x = data[r * units + u];
                if (!double.IsNaN(x))
                {
                    counts[x] = counts.GetValueOrDefault(x) + 1;
                    n++;
                    sum += x;
                }
            }
        }
        if (n < 2)
        {
            return new KrippendorffAlphaResult(double.NaN, double.NaN, double.NaN, (int)n, pairableUnits, level);
        }
        var values = counts.Keys.ToArray();
        Array.Sort(values);
        var frequencies = new double[values.Length];
        var cumulative = new double[values.Length];
        double running = 0;
        for (int v = 0; v < values.Length; v++)
        {
            frequencies[v] = counts[values[v]];
            running += frequencies[v];
            cumulative[v] = running;
        }

        double expectedSum = ExpectedSum(n, sum / n, values, frequencies, cumulative, level);

        double observedSum = 0;
        Span<double> unitValues = raters <= 128 ? stackalloc double[raters] : new double[raters];
        for (int u = 0; u < units; u++)
        {
            int m = 0;
            for (int r = 0; r < raters; r++)
            {
                double x = data[r * units + u];
                if (!double.IsNaN(x))
                {
                    unitValues[m++] = x;
                }
            }
            if (m < 2)
            {
                continue;
            }
            double pairSum = 0;
            for (int i = 0; i < m; i++)
            {
                for (int j = i + 1; j < m; j++)
                {
                    pairSum += Difference(unitValues[i], unitValues[j], values, frequencies, cumulative, level);
                }
            }
            observedSum += 2 * pairSum / (m - 1);
        }

        double observed = observedSum / n;
        double expected = expectedSum / (n * (n - 1));
        double alpha = expectedSum > 0 ? 1 - (n - 1) * observedSum / expectedSum : double.NaN;
        return new KrippendorffAlphaResult(alpha, observed, expected, (int)n, pairableUnits, level);
    }

    /// <summary>Alpha from a jagged raters × units array; NaN marks a missing value.</summary>
    /// <param name="ratings">One row per rater, all of the same length (the number of units).</param>
    /// <param name="level">The level of measurement.</param>
    /// <exception cref="ArgumentException">The rows differ in length or there are none.</exception>
    public static KrippendorffAlphaResult Compute(double[][] ratings, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (ratings.Length == 0)
        {
            ThrowHelper.ThrowArgument(nameof(ratings), "ratings must have at least one rater row.");
        }
        int units = ratings[0].Length;
        var flat = new double[ratings.Length * units];
        for (int r = 0; r < ratings.Length; r++)
        {
            if (ratings[r].Length != units)
            {
                ThrowHelper.ThrowArgument(nameof(ratings), $"ratings[{r}] has {ratings[r].Length} units; ratings[0] has {units}.");
            }
            ratings[r].CopyTo(flat, r * units);
        }
        return Compute(flat, ratings.Length, level);
    }

    /// <summary>Alpha of a <see cref="RatingTable"/> at <paramref name="level"/>, using every unit with at least two ratings.</summary>
    /// <param name="table">The ratings.</param>
    /// <param name="level">
    /// The level of measurement: nominal for any table; ordinal for numbers or ordered labels (the ordinal difference
    /// depends only on the ranks, so the labels' order is enough); interval and ratio for numbers (ratio: &gt;= 0).
    /// </param>
    /// <exception cref="ArgumentException">The table cannot support the level (the message says why), or has a negative rating at the ratio level.</exception>
    public static KrippendorffAlphaResult Compute(RatingTable table, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (ProblemWithLevel(table, level) is string problem)
        {
            ThrowHelper.ThrowArgument(nameof(level), problem);
        }
        return Compute(table.RatersByUnits(), table.RaterCount, level);
    }

    /// <summary>Why <paramref name="table"/> cannot be measured at <paramref name="level"/>, or null when it can.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string? ProblemWithLevel(RatingTable table, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(table);
        return level switch
        {
            MeasurementLevel.Nominal => null,
            MeasurementLevel.Ordinal when !table.IsOrdered => "the ordinal level needs ordered categories: numbers, or text labels with their order given",
            MeasurementLevel.Interval or MeasurementLevel.Ratio when !table.IsNumeric => $"the {level.ToString().ToLowerInvariant()} level needs numeric ratings; the table holds text categories",
            MeasurementLevel.Ratio when table.Scale.Count > 0 && table.Scale[0] < 0 => $"the ratio level needs ratings >= 0 (a true zero); the table has {table.Scale[0].ToString(CultureInfo.InvariantCulture)}",
            MeasurementLevel.Ordinal or MeasurementLevel.Interval or MeasurementLevel.Ratio => null,
            _ => $"{(int)level} is not a MeasurementLevel",
        };
    }

    private static int CountPresent(ReadOnlySpan<double> data, int raters, int units, int u)
    {
        int m = 0;
        for (int r = 0; r < raters; r++)
        {
            if (!double.IsNaN(data[r * units + u]))
            {
                m++;
            }
        }
        return m;
    }

    private static double ExpectedSum(double n, double mean, double[] values, double[] frequencies, double[] cumulative, MeasurementLevel level)
    {
        switch (level)
        {
            case MeasurementLevel.Nominal:
            {
                double squares = 0;
                foreach (double f in frequencies)
                {
                    squares += f * f;
                }
                return n * n - squares;
            }
            case MeasurementLevel.Interval:
            {
                double sumSquares = 0;
                for (int v = 0; v < values.Length; v++)
                {
                    sumSquares += frequencies[v] * (values[v] - mean) * (values[v] - mean);
                }
                return 2 * n * sumSquares;
            }
            default:
            {
                double sum = 0;
                for (int c = 0; c < values.Length; c++)
                {
                    for (int k = c + 1; k < values.Length; k++)
                    {
                        sum += 2 * frequencies[c] * frequencies[k] * DistinctDifference(c, k, values, frequencies, cumulative, level);
                    }
                }
                return sum;
            }
        }
    }

    private static double Difference(double a, double b, double[] values, double[] frequencies, double[] cumulative, MeasurementLevel level)
    {
        switch (level)
        {
            case MeasurementLevel.Nominal:
                return a == b ? 0 : 1;
            case MeasurementLevel.Interval:
                return (a - b) * (a - b);
            case MeasurementLevel.Ratio:
            {
                double sum = a + b;
                return sum == 0 ? 0 : (a - b) * (a - b) / (sum * sum);
            }
            default:
            {
                int c = Array.BinarySearch(values, a);
                int k = Array.BinarySearch(values, b);
                return DistinctDifference(Math.Min(c, k), Math.Max(c, k), values, frequencies, cumulative, level);
            }
        }
    }

    /// <summary>δ² between the distinct values at sorted positions <paramref name="c"/> &lt;= <paramref name="k"/>.</summary>
    private static double DistinctDifference(int c, int k, double[] values, double[] frequencies, double[] cumulative, MeasurementLevel level)
    {
        if (c == k)
        {
            return 0;
        }
        if (level == MeasurementLevel.Ordinal)
        {
            double between = cumulative[k] - (c > 0 ? cumulative[c - 1] : 0);
            double d = between - (frequencies[c] + frequencies[k]) / 2;
            return d * d;
        }
        return Difference(values[c], values[k], values, frequencies, cumulative, level);
    }
}
