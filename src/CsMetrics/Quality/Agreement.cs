using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>Cohen's kappa for one pair of raters at every weighting the table supports.</summary>
/// <param name="Rater1">The first rater's name.</param>
/// <param name="Rater2">The second rater's name.</param>
/// <param name="Units">The units both rated.</param>
/// <param name="Unweighted">Unweighted kappa (NaN when <paramref name="Units"/> is 0 or chance agreement is total).</param>
/// <param name="Linear">Linear-weighted kappa; null when the categories have no order.</param>
/// <param name="Quadratic">Quadratic-weighted kappa; null when the categories have no order.</param>
public readonly record struct PairwiseKappa(string Rater1, string Rater2, int Units, KappaResult Unweighted, KappaResult? Linear, KappaResult? Quadratic);

/// <summary>One rater's deviation from the expert.</summary>
/// <param name="Rater">The rater's name.</param>
/// <param name="Deviation">The deviation summary over the units both rated.</param>
public readonly record struct RaterDeviation(string Rater, EvaluatorDeviation Deviation);

/// <summary>
/// Every agreement statistic a <see cref="RatingTable"/> supports, computed by <see cref="Agreement.Analyze(RatingTable)"/>.
/// Immutable and thread-safe, with value equality.
/// </summary>
public sealed record AgreementReport
{
    /// <summary>The number of units (rows).</summary>
    public required int Units { get; init; }

    /// <summary>The raters' names.</summary>
    public required IReadOnlyList<string> Raters { get; init => field = ReadOnlyValueList<string>.CopyOf(value ?? []); }

    /// <summary>The units every rater rated (used by Fleiss' kappa and the ICCs).</summary>
    public required int CompleteUnits { get; init; }

    /// <summary>The number of missing ratings.</summary>
    public required int MissingRatings { get; init; }

    /// <summary>True for numeric ratings, false for text categories.</summary>
    public required bool IsNumeric { get; init; }

    /// <summary>True when the categories are ordered (numbers, or labels with their order).</summary>
    public required bool IsOrdered { get; init; }

    /// <summary>The categories in order (see <see cref="RatingTable.Categories"/>).</summary>
    public required IReadOnlyList<string> Categories { get; init => field = ReadOnlyValueList<string>.CopyOf(value ?? []); }

    /// <summary>Krippendorff's alpha at every level the table supports (<see cref="KrippendorffAlpha.ProblemWithLevel"/> is null), in the order nominal, ordinal, interval, ratio.</summary>
    public required IReadOnlyList<KrippendorffAlphaResult> KrippendorffAlpha { get; init => field = ReadOnlyValueList<KrippendorffAlphaResult>.CopyOf(value ?? []); }

    /// <summary>Fleiss' kappa over the complete units (NaN when there are none).</summary>
    public required FleissKappaResult FleissKappa { get; init; }

    /// <summary>Cohen's kappa for every pair of raters, in column order (1-2, 1-3, ..., 2-3, ...).</summary>
    public required IReadOnlyList<PairwiseKappa> CohenKappa { get; init => field = ReadOnlyValueList<PairwiseKappa>.CopyOf(value ?? []); }

    /// <summary>The six ICCs over the complete units; null for text categories.</summary>
    public required IccResult? IntraclassCorrelation { get; init; }

    /// <summary>Cronbach's alpha with the raters as items (complete units); null for text categories.</summary>
    public required ReliabilityResult? CronbachAlpha { get; init; }

    /// <summary>The expert rater's name, when one was named.</summary>
    public string? Expert { get; init; }

    /// <summary>Each other rater's deviation from the expert (empty without an expert).</summary>
    public IReadOnlyList<RaterDeviation> DeviationFromExpert { get; init => field = ReadOnlyValueList<RaterDeviation>.CopyOf(value ?? []); } = ReadOnlyValueList<RaterDeviation>.Empty;

    /// <summary>Krippendorff's alpha at <paramref name="level"/>, or null when the table does not support that level.</summary>
    public KrippendorffAlphaResult? KrippendorffAlphaAt(MeasurementLevel level)
    {
        foreach (var result in KrippendorffAlpha)
        {
            if (result.Level == level)
            {
                return result;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Units} units × {Raters.Count} raters ({CompleteUnits} complete, {MissingRatings} missing ratings)\n");
        foreach (var alpha in KrippendorffAlpha)
        {
            text.Append("  ").Append(alpha).Append('\n');
        }
        text.Append("  ").Append(FleissKappa).Append('\n');
        foreach (var pair in CohenKappa)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {pair.Rater1} vs {pair.Rater2}: {pair.Unweighted}\n");
        }
        if (IntraclassCorrelation is { } icc)
        {
            text.Append("  ").Append(icc).Append('\n');
        }
        foreach (var deviation in DeviationFromExpert)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {deviation.Rater}: {deviation.Deviation}\n");
        }
        return text.ToString();
    }
}

/// <summary>
/// Calibration in one call: every agreement statistic a <see cref="RatingTable"/> supports (Krippendorff's alpha at each
/// level, Fleiss' kappa, Cohen's kappa for every pair at each weighting, the ICCs, Cronbach's alpha) and, with an expert,
/// each rater's deviation from the expert. What applies follows the table's kind (see <see cref="RatingTable"/>).
/// </summary>
public static class Agreement
{
    /// <summary>Every agreement statistic the table supports.</summary>
    /// <param name="table">The ratings, with at least two raters.</param>
    /// <exception cref="ArgumentException">The table has fewer than two raters.</exception>
    public static AgreementReport Analyze(RatingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RaterCount < 2)
        {
            ThrowHelper.ThrowArgument(nameof(table), $"agreement needs at least two raters; the table has {table.RaterCount}.");
        }
        var levels = Enum.GetValues<MeasurementLevel>().Where(level => Quality.KrippendorffAlpha.ProblemWithLevel(table, level) is null);
        var pairs = new List<PairwiseKappa>();
        for (int a = 0; a < table.RaterCount; a++)
        {
            for (int b = a + 1; b < table.RaterCount; b++)
            {
                var unweighted = Quality.CohenKappa.Compute(table, a, b);
                pairs.Add(new PairwiseKappa(table.Raters[a], table.Raters[b], (int)unweighted.Subjects, unweighted,
                    table.IsOrdered ? Quality.CohenKappa.Compute(table, a, b, KappaWeighting.Linear) : null,
                    table.IsOrdered ? Quality.CohenKappa.Compute(table, a, b, KappaWeighting.Quadratic) : null));
            }
        }
        return new AgreementReport
        {
            Units = table.UnitCount,
            Raters = table.Raters,
            CompleteUnits = table.CompleteUnits.Count,
            MissingRatings = table.MissingCount,
            IsNumeric = table.IsNumeric,
            IsOrdered = table.IsOrdered,
            Categories = table.Categories,
            KrippendorffAlpha = levels.Select(level => Quality.KrippendorffAlpha.Compute(table, level)).ToArray(),
            FleissKappa = Quality.FleissKappa.Compute(table),
            CohenKappa = pairs,
            IntraclassCorrelation = table.IsNumeric ? Quality.IntraclassCorrelation.Compute(table) : null,
            CronbachAlpha = table.IsNumeric ? Quality.CronbachAlpha.Compute(table) : null,
        };
    }

    /// <summary>Every agreement statistic, and each other rater's deviation from <paramref name="expert"/>.</summary>
    /// <param name="table">Numeric ratings, with at least two raters.</param>
    /// <param name="expert">The expert rater's name (ignoring case).</param>
    /// <param name="tolerance">The accepted absolute deviation from the expert, in the ratings' unit, &gt;= 0 (NICE CXone suggests ±5 points).</param>
    /// <exception cref="ArgumentException">The expert is not a rater of the table, the table holds text categories, or has fewer than two raters.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative or not finite.</exception>
    public static AgreementReport Analyze(RatingTable table, string expert, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(expert);
        Preconditions.CheckNonNegative(tolerance);
        int e = table.IndexOf(expert);
        if (e < 0)
        {
            ThrowHelper.ThrowArgument(nameof(expert), $"'{expert}' is not a rater of the table (raters: {string.Join(", ", table.Raters)}).");
        }
        table.RequireNumeric("the deviation from an expert");
        var report = Analyze(table);
        var deviations = Enumerable.Range(0, table.RaterCount)
            .Where(r => r != e)
            .Select(r => new RaterDeviation(table.Raters[r], Calibration.DeviationFromExpert(table, e, r, tolerance)))
            .ToArray();
        return report with { Expert = table.Raters[e], DeviationFromExpert = deviations };
    }
}
