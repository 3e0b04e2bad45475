using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>The answer scale of a scorecard criterion.</summary>
public enum CriterionScale
{
    /// <summary>Yes/no: 1 = met, 0 = not met.</summary>
    Binary,

    /// <summary>An integer rating from <c>Minimum</c> to <c>Maximum</c> (e.g. 1..5), scored <c>(answer - min)/(max - min)</c> as in Zendesk QA.</summary>
    Rating,

    /// <summary>Points earned from 0 to <c>Maximum</c> (e.g. 0..10, half points allowed), as in MaestroQA and Playvox.</summary>
    Points,

    /// <summary>A percentage from 0 to 100.</summary>
    Percent,
}

/// <summary>What a failed critical criterion does.</summary>
public enum CriticalEffect
{
    /// <summary>Not critical.</summary>
    None,

    /// <summary>The criterion's section earns nothing ("Fail Section" in Playvox and Scorebuddy).</summary>
    FailSection,

    /// <summary>The whole evaluation fails ("Fail All", "auto-fail", Zendesk's critical category).</summary>
    FailEvaluation,
}

/// <summary>
/// One question of a QA scorecard: its scale, weight, whether N/A is allowed, whether it is critical or a
/// bonus. Build with <see cref="Binary"/>, <see cref="Rating"/>, <see cref="Points"/> or <see cref="Percent"/>.
/// Immutable and thread-safe; validated when a <see cref="Scorecard"/> is built.
/// </summary>
public sealed record ScorecardCriterion
{
    /// <summary>The criterion's name, unique within the scorecard.</summary>
    public required string Name { get; init; }

    /// <summary>The answer scale.</summary>
    public required CriterionScale Scale { get; init; }

    /// <summary>The lowest answer (scored 0).</summary>
    public double Minimum { get; init; }

    /// <summary>The highest answer (scored 1).</summary>
    public double Maximum { get; init; } = 1;

    /// <summary>
    /// The criterion's weight: its possible points in total-points scoring, its relative weight inside
    /// its section in weighted-section scoring (&gt; 0). For a bonus criterion under weighted-section scoring
    /// it is a share of the whole score in the unit of the section weights (5 on a 100-point card = +5%).
    /// </summary>
    public double Weight { get; init; } = 1;

    /// <summary>
    /// Whether N/A (a NaN answer) is accepted; when false, N/A is an error. For a bonus criterion N/A means the bonus
    /// was not earned; with false, every evaluation must answer it.
    /// </summary>
    public bool AllowNotApplicable { get; init; } = true;

    /// <summary>What happens when the normalised score is below <see cref="CriticalThreshold"/>.</summary>
    public CriticalEffect Critical { get; init; }

    /// <summary>
    /// A critical criterion fails when its normalised score is below this fraction (default 0.5, Zendesk QA's rule); a
    /// score equal to it in decimal arithmetic does not fail (the library's relative 1e-12).
    /// </summary>
    public double CriticalThreshold { get; init; } = 0.5;

    /// <summary>A bonus criterion adds to the earned score without adding to what is possible, so the score can exceed 100%.</summary>
    public bool IsBonus { get; init; }

    /// <summary>A yes/no criterion (1 = met).</summary>
    public static ScorecardCriterion Binary(string name, double weight = 1, CriticalEffect critical = CriticalEffect.None, bool allowNotApplicable = true) =>
        new() { Name = name, Scale = CriterionScale.Binary, Minimum = 0, Maximum = 1, Weight = weight, Critical = critical, AllowNotApplicable = allowNotApplicable };

    /// <summary>An integer rating from <paramref name="lowest"/> to <paramref name="highest"/> (e.g. 1..5).</summary>
    public static ScorecardCriterion Rating(string name, int lowest, int highest, double weight = 1, CriticalEffect critical = CriticalEffect.None, bool allowNotApplicable = true) =>
        new() { Name = name, Scale = CriterionScale.Rating, Minimum = lowest, Maximum = highest, Weight = weight, Critical = critical, AllowNotApplicable = allowNotApplicable };

    /// <summary>Points from 0 to <paramref name="maximumPoints"/>; the weight is the maximum points, so total-points scoring is earned/possible.</summary>
    public static ScorecardCriterion Points(string name, double maximumPoints, CriticalEffect critical = CriticalEffect.None, bool allowNotApplicable = true) =>
        new() { Name = name, Scale = CriterionScale.Points, Minimum = 0, Maximum = maximumPoints, Weight = maximumPoints, Critical = critical, AllowNotApplicable = allowNotApplicable };

    /// <summary>A percentage from 0 to 100.</summary>
    public static ScorecardCriterion Percent(string name, double weight = 1, CriticalEffect critical = CriticalEffect.None, bool allowNotApplicable = true) =>
        new() { Name = name, Scale = CriterionScale.Percent, Minimum = 0, Maximum = 100, Weight = weight, Critical = critical, AllowNotApplicable = allowNotApplicable };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Scale} [{Minimum}, {Maximum}], weight {Weight}{(IsBonus ? ", bonus" : "")}{(Critical != CriticalEffect.None ? $", critical ({Critical} below {CriticalThreshold:P0})" : "")}{(AllowNotApplicable ? "" : ", N/A not allowed")}");
}

/// <summary>
/// A section (category) of a scorecard. Immutable, with value equality (the criteria are copied and compared
/// element by element); validated when a <see cref="Scorecard"/> is built.
/// </summary>
/// <param name="Name">The section's name, unique within the scorecard (ignoring case).</param>
/// <param name="Weight">The section's weight in weighted-section scoring; all section weights sum to 100 (percent) or 1.</param>
/// <param name="Criteria">The section's criteria, in answer order.</param>
/// <param name="Target">The target section score as a fraction in [0, 1] (e.g. 0.95), or NaN for none.</param>
public sealed record ScorecardSection(string Name, double Weight, IReadOnlyList<ScorecardCriterion> Criteria, double Target = double.NaN)
{
    /// <summary>The section's criteria, in answer order (a copy of what was given).</summary>
    public IReadOnlyList<ScorecardCriterion> Criteria { get; init => field = ReadOnlyValueList<ScorecardCriterion>.CopyOf(value ?? []); } = ReadOnlyValueList<ScorecardCriterion>.CopyOf(Criteria ?? []);

    /// <summary>A target stated on a rating scale, as a fraction: <c>(value - lowest)/(highest - lowest)</c> (4.5 of 1..5 = 0.875).</summary>
    /// <exception cref="ArgumentException">The scale's highest value is not above its lowest, or a value is not finite.</exception>
    public static double TargetOnScale(double value, double lowest, double highest)
    {
        if (!(highest > lowest) || !double.IsFinite(lowest) || !double.IsFinite(highest) || !double.IsFinite(value))
        {
            ThrowHelper.ThrowArgument(nameof(highest), string.Create(CultureInfo.InvariantCulture,
                $"the scale [{lowest}, {highest}] needs a finite highest value above its lowest, and a finite value; got {value}."));
        }
        return (value - lowest) / (highest - lowest);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} (weight {Weight}{(double.IsNaN(Target) ? "" : $", target {Target:P1}")}): {Criteria.Count} criteria");
}
