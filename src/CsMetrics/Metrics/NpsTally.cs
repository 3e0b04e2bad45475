using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The state of an NPS tally: the breaks and the counts of detractors, passives and promoters. An immutable snapshot
/// that pools by adding (<see cref="Combine"/>), holds only counts (no NaN), and round-trips through System.Text.Json,
/// so partial results from threads, partitions or separate jobs combine exactly. <see cref="Of(ReadOnlySpan{byte}, NpsScale)"/>
/// is the allocation-free span kernel behind <see cref="NetPromoterScore"/> and <see cref="NpsAccumulator"/>.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>A <c>default</c> instance is an empty tally on <see cref="NpsScale.Standard"/>.</remarks>
public readonly record struct NpsTally
{
    private readonly NpsScale _scale;

    /// <summary>Creates a tally from its counts.</summary>
    /// <param name="scale">The breaks the counts were taken with.</param>
    /// <param name="detractors">Responses at or below the detractor break, &gt;= 0.</param>
    /// <param name="passives">Responses between the breaks, &gt;= 0.</param>
    /// <param name="promoters">Responses at or above the promoter break, &gt;= 0.</param>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    [JsonConstructor]
    public NpsTally(NpsScale scale, long detractors, long passives, long promoters)
    {
        scale.Validate(nameof(scale));
        TallyChecks.Count(detractors, nameof(detractors));
        TallyChecks.Count(passives, nameof(passives));
        TallyChecks.Count(promoters, nameof(promoters));
        _scale = scale;
        Detractors = detractors;
        Passives = passives;
        Promoters = promoters;
    }

    /// <summary>The breaks (<see cref="NpsScale.Standard"/> for a <c>default</c> instance).</summary>
    public NpsScale Scale => _scale.Max == 0 ? NpsScale.Standard : _scale;

    /// <summary>Responses at or below the detractor break.</summary>
    public long Detractors { get; private init; }

    /// <summary>Responses between the breaks.</summary>
    public long Passives { get; private init; }

    /// <summary>Responses at or above the promoter break.</summary>
    public long Promoters { get; private init; }

    /// <summary>All responses.</summary>
    [JsonIgnore]
    public long Count => Detractors + Passives + Promoters;

    /// <summary>An empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public static NpsTally Empty(NpsScale scale) => new(scale, 0, 0, 0);

    /// <summary>The tally of 0–10 <paramref name="scores"/> on the standard breaks (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is above 10 (the message names its index and value).</exception>
    public static NpsTally Of(ReadOnlySpan<byte> scores) => Of(scores, NpsScale.Standard);

    /// <summary>The tally of <paramref name="scores"/> on <paramref name="scale"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value).</exception>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public static NpsTally Of(ReadOnlySpan<byte> scores, NpsScale scale)
    {
        scale.Validate(nameof(scale));
        var tally = ScoreKernel.Tally(scores, 0, scale.Max, (byte)(scale.DetractorThrough + 1), scale.PromoterFrom, nameof(scores));
        return new NpsTally(scale, tally.Low, tally.Count - tally.Low - tally.High, tally.High);
    }

    /// <summary>This tally with one more answer: the accumulators' per-record path (a copy, no checks: the caller checked the score).</summary>
    internal NpsTally Plus(byte score)
    {
        var scale = Scale;
        return score >= scale.PromoterFrom ? this with { Promoters = Promoters + 1 }
            : score <= scale.DetractorThrough ? this with { Detractors = Detractors + 1 }
            : this with { Passives = Passives + 1 };
    }

    /// <summary>The tally of both (counts add).</summary>
    /// <exception cref="ArgumentException">The tallies use different breaks.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public NpsTally Combine(in NpsTally other)
    {
        if (other.Scale != Scale)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot combine NPS tallies with different breaks ({other.Scale} and {Scale}).");
        }
        return new NpsTally(Scale, checked(Detractors + other.Detractors), checked(Passives + other.Passives), checked(Promoters + other.Promoters));
    }

    /// <summary>The NPS with its standard error and adjusted-Wald interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public NpsResult Result(double level = 0.95) => NetPromoterScore.FromCounts(Detractors, Passives, Promoters, level);

    /// <summary>Value equality; a <c>default</c> tally equals an empty one on the standard breaks.</summary>
    public bool Equals(NpsTally other) =>
        Scale == other.Scale && Detractors == other.Detractors && Passives == other.Passives && Promoters == other.Promoters;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scale, Detractors, Passives, Promoters);

    /// <summary>Prints e.g. <c>NPS tally: 20 detractors, 30 passives, 50 promoters (0-10: ...)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"NPS tally: {Detractors} detractors, {Passives} passives, {Promoters} promoters ({Scale})");
}
