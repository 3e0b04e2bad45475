using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A CSAT scale: scores <see cref="Min"/>..<see cref="Max"/>, "satisfied" (top box) at or above
/// <see cref="SatisfiedFrom"/>, "dissatisfied" (bottom box) at or below <see cref="DissatisfiedThrough"/>.
/// </summary>
/// <param name="Min">The lowest score (usually 1).</param>
/// <param name="Max">The highest score, at most 100.</param>
/// <param name="SatisfiedFrom">The lowest top-box score: 4 on 1–5 for top-2-box, 5 for top-1-box.</param>
/// <param name="DissatisfiedThrough">The highest bottom-box score: 2 on 1–5 for bottom-2-box; <c>Min − 1</c> for none.</param>
public readonly record struct CsatScale(byte Min, byte Max, byte SatisfiedFrom, int DissatisfiedThrough)
{
    /// <summary>1–5, top-2-box (4–5) satisfied, bottom-2-box (1–2) dissatisfied: the common survey.</summary>
    public static CsatScale FivePoint { get; } = new(1, 5, 4, 2);

    /// <summary>A scale <paramref name="min"/>..<paramref name="max"/> whose top box starts at <paramref name="satisfiedFrom"/>, with the mirrored bottom box.</summary>
    public static CsatScale TopBox(byte min, byte max, byte satisfiedFrom) => new(min, max, satisfiedFrom, min + max - satisfiedFrom);

    internal void Validate()
    {
        if (!(Min < Max && Max <= 100))
        {
            ThrowHelper.ThrowArgument("scale", $"the scale must satisfy Min < Max <= 100; got {Min}..{Max}.");
        }
        if (SatisfiedFrom < Min || SatisfiedFrom > Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(SatisfiedFrom), SatisfiedFrom, $"must be in [{Min}, {Max}]");
        }
        if (DissatisfiedThrough < Min - 1 || DissatisfiedThrough >= SatisfiedFrom)
        {
            ThrowHelper.ThrowOutOfRange(nameof(DissatisfiedThrough), DissatisfiedThrough, $"must be in [{Min - 1}, {SatisfiedFrom - 1}]");
        }
    }
}

/// <summary>
/// Customer satisfaction (CSAT): the top-box share (satisfied / responses, with its Wilson interval), the
/// bottom-box share, the net (top − bottom) and the mean score.
/// </summary>
/// <remarks>
/// Only rated responses are counted: unrated tickets are not in the span (Zendesk, Freshdesk). The normalised
/// mean is <c>(mean − Min)/(Max − Min)</c>, a fraction in [0, 1], for comparing scales.
/// </remarks>
public static class CustomerSatisfaction
{
    /// <summary>Computes CSAT over <paramref name="scores"/> on <paramref name="scale"/>.</summary>
    /// <param name="scores">The ratings, each in [scale.Min, scale.Max].</param>
    /// <param name="scale">The scale and its boxes, e.g. <see cref="CsatScale.FivePoint"/>.</param>
    /// <param name="confidence">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value), a box
    /// bound is off the scale, or <paramref name="confidence"/> is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN values. Allocation-free and vectorised.</remarks>
    public static CsatResult Compute(ReadOnlySpan<byte> scores, CsatScale scale, double confidence = 0.95)
    {
        var accumulator = new CsatAccumulator(scale);
        accumulator.Add(scores);
        return accumulator.Result(confidence);
    }
}

/// <summary>A CSAT result. Immutable and thread-safe.</summary>
/// <param name="Scale">The scale it was computed on.</param>
/// <param name="Count">The number of ratings; 0 for empty input.</param>
/// <param name="Satisfied">Ratings in the top box.</param>
/// <param name="Dissatisfied">Ratings in the bottom box.</param>
/// <param name="Mean">The mean rating on the scale (NaN when empty).</param>
/// <param name="Interval">The Wilson interval of <see cref="SatisfiedShare"/>.</param>
public readonly record struct CsatResult(CsatScale Scale, long Count, long Satisfied, long Dissatisfied, double Mean, ConfidenceInterval Interval)
{
    /// <summary>The top-box share (the headline CSAT), a fraction in [0, 1]; NaN when empty.</summary>
    public double SatisfiedShare => (double)Satisfied / Count;

    /// <summary>The bottom-box share, a fraction in [0, 1]; NaN when empty.</summary>
    public double DissatisfiedShare => (double)Dissatisfied / Count;

    /// <summary>Top box minus bottom box, in [−1, 1]; NaN when empty.</summary>
    public double Net => SatisfiedShare - DissatisfiedShare;

    /// <summary>The mean rescaled to [0, 1]: <c>(Mean − Min)/(Max − Min)</c>.</summary>
    public double NormalisedMean => (Mean - Scale.Min) / (Scale.Max - Scale.Min);

    /// <summary>Prints e.g. <c>CSAT 0.82 (820 / 1000 at 4-5 of 1-5), CI [...], mean 4.1</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"CSAT {SatisfiedShare:G4} ({Satisfied} / {Count} at {Scale.SatisfiedFrom}-{Scale.Max} of {Scale.Min}-{Scale.Max}), CI {Interval}, mean {Mean:G4}");
}

/// <summary>
/// A running CSAT tally. Mergeable: tallies of partitions merged equal the tally of the whole.
/// A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct CsatAccumulator
{
    private readonly CsatScale _scale;
    private long _sum;

    /// <summary>Creates an empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A box bound is off the scale.</exception>
    public CsatAccumulator(CsatScale scale)
    {
        scale.Validate();
        _scale = scale;
    }

    /// <summary>The scale (<see cref="CsatScale.FivePoint"/> for a <c>default</c> instance).</summary>
    public readonly CsatScale Scale => _scale.Max == 0 ? CsatScale.FivePoint : _scale;

    /// <summary>Ratings so far.</summary>
    public long Count { get; private set; }

    /// <summary>Top-box ratings so far.</summary>
    public long Satisfied { get; private set; }

    /// <summary>Bottom-box ratings so far.</summary>
    public long Dissatisfied { get; private set; }

    /// <summary>Adds one rating.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte score)
    {
        var scale = Scale;
        if (score < scale.Min || score > scale.Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [{scale.Min}, {scale.Max}]");
        }
        Count++;
        _sum += score;
        Satisfied += score >= scale.SatisfiedFrom ? 1 : 0;
        Dissatisfied += score <= scale.DissatisfiedThrough ? 1 : 0;
    }

    /// <summary>Adds every rating in <paramref name="scores"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; nothing is added.</exception>
    public void Add(ReadOnlySpan<byte> scores)
    {
        var scale = Scale;
        var tally = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(scale.DissatisfiedThrough + 1), scale.SatisfiedFrom, nameof(scores));
        Count += tally.Count;
        _sum += tally.Sum;
        Satisfied += tally.High;
        Dissatisfied += tally.Low;
    }

    /// <summary>Adds the ratings of <paramref name="other"/>.</summary>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    public void Merge(in CsatAccumulator other)
    {
        if (other.Scale != Scale)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot merge tallies on different scales ({other.Scale} and {Scale}).");
        }
        Count += other.Count;
        _sum += other._sum;
        Satisfied += other.Satisfied;
        Dissatisfied += other.Dissatisfied;
    }

    /// <summary>The CSAT of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public readonly CsatResult Result(double confidence = 0.95) =>
        new(Scale, Count, Satisfied, Dissatisfied, Count == 0 ? double.NaN : (double)_sum / Count,
            ProportionStatistics.WilsonInterval(Satisfied, Count, confidence));
}
