using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The state of a CSAT tally: the scale, the number of ratings, the top- and bottom-box counts and the sum of the
/// scores. An immutable snapshot that pools by adding (<see cref="Combine"/>), holds only integers (no NaN; the mean
/// is exact to the last rating), and round-trips through System.Text.Json, so partial results from threads,
/// partitions or separate jobs combine exactly. <see cref="Of"/> is the allocation-free span kernel behind
/// <see cref="CustomerSatisfaction"/> and <see cref="CsatAccumulator"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>A <c>default</c> instance is an empty tally on <see cref="CsatScale.FivePoint"/>.</remarks>
public readonly record struct CsatTally
{
    private readonly CsatScale _scale;

    /// <summary>Creates a tally from its counts.</summary>
    /// <param name="scale">The scale the ratings were taken on.</param>
    /// <param name="count">Ratings, &gt;= 0.</param>
    /// <param name="satisfied">Ratings in the top box.</param>
    /// <param name="dissatisfied">Ratings in the bottom box; <c>satisfied + dissatisfied ≤ count</c>.</param>
    /// <param name="scoreSum">The sum of the ratings, in <c>[count·Min, count·Max]</c>.</param>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range (the message names it).</exception>
    [JsonConstructor]
    public CsatTally(CsatScale scale, long count, long satisfied, long dissatisfied, long scoreSum)
    {
        scale.Validate(nameof(scale));
        TallyChecks.Count(count, nameof(count));
        TallyChecks.Part(satisfied, count, "the count", nameof(satisfied));
        TallyChecks.Part(dissatisfied, count - satisfied, "the count less the satisfied", nameof(dissatisfied));
        TallyChecks.ScoreSum(scoreSum, count, scale.Min, scale.Max, nameof(scoreSum));
        _scale = scale;
        Count = count;
        Satisfied = satisfied;
        Dissatisfied = dissatisfied;
        ScoreSum = scoreSum;
    }

    /// <summary>The scale (<see cref="CsatScale.FivePoint"/> for a <c>default</c> instance).</summary>
    public CsatScale Scale => _scale.Max == 0 ? CsatScale.FivePoint : _scale;

    /// <summary>The number of ratings.</summary>
    public long Count { get; private init; }

    /// <summary>Ratings in the top box.</summary>
    public long Satisfied { get; private init; }

    /// <summary>Ratings in the bottom box.</summary>
    public long Dissatisfied { get; private init; }

    /// <summary>The sum of the ratings.</summary>
    public long ScoreSum { get; private init; }

    /// <summary>An empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    public static CsatTally Empty(CsatScale scale) => new(scale, 0, 0, 0, 0);

    /// <summary>The tally of <paramref name="scores"/> on <paramref name="scale"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value).</exception>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    public static CsatTally Of(ReadOnlySpan<byte> scores, CsatScale scale)
    {
        scale.Validate(nameof(scale));
        var tally = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(scale.DissatisfiedThrough + 1), scale.SatisfiedFrom, nameof(scores));
        return new CsatTally(scale, tally.Count, tally.High, tally.Low, tally.Sum);
    }

    /// <summary>This tally with one more rating: the accumulators' per-record path (a copy, no checks: the caller checked the score).</summary>
    internal CsatTally Plus(byte score) => this with
    {
        Count = Count + 1,
        ScoreSum = ScoreSum + score,
        Satisfied = Satisfied + (score >= Scale.SatisfiedFrom ? 1 : 0),
        Dissatisfied = Dissatisfied + (score <= Scale.DissatisfiedThrough ? 1 : 0),
    };

    /// <summary>The tally of both (counts and sums add).</summary>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public CsatTally Combine(in CsatTally other)
    {
        if (other.Scale != Scale)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot combine CSAT tallies on different scales ({other.Scale} and {Scale}).");
        }
        return new CsatTally(Scale, checked(Count + other.Count), checked(Satisfied + other.Satisfied),
            checked(Dissatisfied + other.Dissatisfied), checked(ScoreSum + other.ScoreSum));
    }

    /// <summary>The CSAT with the Wilson interval of the top-box share at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public CsatResult Result(double level = 0.95) =>
        new()
        {
            Scale = Scale, Count = Count, Satisfied = Satisfied, Dissatisfied = Dissatisfied,
            Mean = Count == 0 ? double.NaN : (double)ScoreSum / Count, Interval = ProportionStatistics.WilsonInterval(Satisfied, Count, level),
        };

    /// <summary>Value equality; a <c>default</c> tally equals an empty one on <see cref="CsatScale.FivePoint"/>.</summary>
    public bool Equals(CsatTally other) =>
        Scale == other.Scale && Count == other.Count && Satisfied == other.Satisfied && Dissatisfied == other.Dissatisfied && ScoreSum == other.ScoreSum;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scale, Count, Satisfied, Dissatisfied, ScoreSum);

    /// <summary>Prints e.g. <c>CSAT tally: 85 satisfied, 10 dissatisfied of 100 (sum 421; 1-5: ...)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"CSAT tally: {Satisfied} satisfied, {Dissatisfied} dissatisfied of {Count} (sum {ScoreSum}; {Scale})");
}
