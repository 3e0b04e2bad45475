using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>Which end of a customer-effort scale is the good one.</summary>
public enum EffortDirection
{
    /// <summary>Higher scores mean less effort (CES 2.0: "the company made it easy for me", 7 = strongly agree).</summary>
    HigherIsEasier,

    /// <summary>Lower scores mean less effort (CES 1.0: "how much effort did you put forth", 1 = very low).</summary>
    LowerIsEasier,
}

/// <summary>
/// A customer-effort scale. The three bounds are stated on the "ease" ranking: for
/// <see cref="EffortDirection.LowerIsEasier"/> a score s is first mirrored to <c>Min + Max − s</c>.
/// </summary>
/// <param name="Min">The lowest score (usually 1).</param>
/// <param name="Max">The highest score, at most 100.</param>
/// <param name="Direction">Which end is easy.</param>
/// <param name="AgreeFrom">The lowest (mirrored) score that counts as "agree / easy": 5 on 1–7.</param>
/// <param name="NetTopFrom">The lowest (mirrored) score in the net index's top group: 6 on 1–7.</param>
/// <param name="NetBottomThrough">The highest (mirrored) score in the net index's bottom group: 3 on 1–7.</param>
public readonly record struct CesScale(byte Min, byte Max, EffortDirection Direction, byte AgreeFrom, byte NetTopFrom, byte NetBottomThrough)
{
    /// <summary>CES 2.0: 1–7 agreement, agree = 5–7, net = %(6–7) − %(1–3) (Gartner/CEB 2013; cys.group).</summary>
    public static CesScale SevenPointAgreement { get; } = new(1, 7, EffortDirection.HigherIsEasier, 5, 6, 3);

    /// <summary>CES 1.0: 1–5 effort, lower is better; "easy" = 1–2, net = %(1–2) − %(4–5) (CEB 2010).</summary>
    public static CesScale FivePointEffort { get; } = new(1, 5, EffortDirection.LowerIsEasier, 4, 4, 2);

    internal void Validate()
    {
        if (!(Min < Max && Max <= 100))
        {
            ThrowHelper.ThrowArgument("scale", $"the scale must satisfy Min < Max <= 100; got {Min}..{Max}.");
        }
        if (AgreeFrom < Min || AgreeFrom > Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(AgreeFrom), AgreeFrom, $"must be in [{Min}, {Max}]");
        }
        if (NetTopFrom < Min || NetTopFrom > Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(NetTopFrom), NetTopFrom, $"must be in [{Min}, {Max}]");
        }
        if (NetBottomThrough < Min || NetBottomThrough >= NetTopFrom)
        {
            ThrowHelper.ThrowOutOfRange(nameof(NetBottomThrough), NetBottomThrough, $"must be in [{Min}, {NetTopFrom - 1}]");
        }
    }
}

/// <summary>
/// Customer effort score (CES): the mean score, the share agreeing (easy) with its Wilson interval, and
/// the net index <c>100·(top share − bottom share)</c> on −100..100, like NPS.
/// </summary>
/// <remarks>
/// The mean is reported on the raw scale as answered (so a CES 1.0 mean of 2.1 still reads "low effort").
/// Example (cys.group, 1–7 counts 80/210/140/110/160/180/120): mean 4.08, agree 0.46, net index −13.
/// </remarks>
public static class CustomerEffort
{
    /// <summary>Computes CES over <paramref name="scores"/> on <paramref name="scale"/>.</summary>
    /// <param name="scores">The answers, each in [scale.Min, scale.Max].</param>
    /// <param name="scale">The scale, e.g. <see cref="CesScale.SevenPointAgreement"/>.</param>
    /// <param name="confidence">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value), a bound
    /// is off the scale, or <paramref name="confidence"/> is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN values. Allocation-free and vectorised.</remarks>
    public static CesResult Compute(ReadOnlySpan<byte> scores, CesScale scale, double confidence = 0.95)
    {
        var accumulator = new CesAccumulator(scale);
        accumulator.Add(scores);
        return accumulator.Result(confidence);
    }
}

/// <summary>A CES result. Immutable and thread-safe.</summary>
/// <param name="Count">The number of answers; 0 for empty input.</param>
/// <param name="Mean">The mean raw score (NaN when empty).</param>
/// <param name="Agreeing">Answers in the "agree / easy" group.</param>
/// <param name="NetIndex">100·(top share − bottom share), in [−100, 100] (NaN when empty).</param>
/// <param name="Interval">The Wilson interval of <see cref="AgreeShare"/>.</param>
public readonly record struct CesResult(long Count, double Mean, long Agreeing, double NetIndex, ConfidenceInterval Interval)
{
    /// <summary>The share agreeing (easy), a fraction in [0, 1]; NaN when empty.</summary>
    public double AgreeShare => (double)Agreeing / Count;

    /// <summary>Prints e.g. <c>CES mean 4.08 (n = 1000), agree 0.46 CI [...], net index -13</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CES mean {Mean:G4} (n = {Count}), agree {AgreeShare:G4} CI {Interval}, net index {NetIndex:G4}");
}

/// <summary>
/// A running CES tally. Mergeable: tallies of partitions merged equal the tally of the whole.
/// A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct CesAccumulator
{
    private readonly CesScale _scale;
    private long _sum;
    private long _top;
    private long _bottom;

    /// <summary>Creates an empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is off the scale.</exception>
    public CesAccumulator(CesScale scale)
    {
        scale.Validate();
        _scale = scale;
    }

    /// <summary>The scale (<see cref="CesScale.SevenPointAgreement"/> for a <c>default</c> instance).</summary>
    public readonly CesScale Scale => _scale.Max == 0 ? CesScale.SevenPointAgreement : _scale;

    /// <summary>Answers so far.</summary>
    public long Count { get; private set; }

    /// <summary>Agreeing (easy) answers so far.</summary>
    public long Agreeing { get; private set; }

    /// <summary>Adds one answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte score)
    {
        var scale = Scale;
        if (score < scale.Min || score > scale.Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [{scale.Min}, {scale.Max}]");
        }
        int ease = scale.Direction == EffortDirection.HigherIsEasier ? score : scale.Min + scale.Max - score;
        Count++;
        _sum += score;
        Agreeing += ease >= scale.AgreeFrom ? 1 : 0;
        _top += ease >= scale.NetTopFrom ? 1 : 0;
        _bottom += ease <= scale.NetBottomThrough ? 1 : 0;
    }

    /// <summary>Adds every answer in <paramref name="scores"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; nothing is added.</exception>
    public void Add(ReadOnlySpan<byte> scores)
    {
        var scale = Scale;
        ScoreTally net, agree;
        if (scale.Direction == EffortDirection.HigherIsEasier)
        {
            net = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(scale.NetBottomThrough + 1), scale.NetTopFrom, nameof(scores));
            agree = ScoreKernel.Tally(scores, scale.Min, scale.Max, 0, scale.AgreeFrom, nameof(scores));
            _top += net.High;
            _bottom += net.Low;
            Agreeing += agree.High;
        }
        else
        {
            // Mirrored: ease >= t  <=>  score <= Min + Max - t  <=>  score < Min + Max - t + 1.
            int mirror = scale.Min + scale.Max;
            net = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(mirror - scale.NetTopFrom + 1), (byte)(mirror - scale.NetBottomThrough), nameof(scores));
            agree = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(mirror - scale.AgreeFrom + 1), byte.MaxValue, nameof(scores));
            _top += net.Low;
            _bottom += net.High;
            Agreeing += agree.Low;
        }
        Count += net.Count;
        _sum += net.Sum;
    }

    /// <summary>Adds the answers of <paramref name="other"/>.</summary>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    public void Merge(in CesAccumulator other)
    {
        if (other.Scale != Scale)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot merge tallies on different scales ({other.Scale} and {Scale}).");
        }
        Count += other.Count;
        _sum += other._sum;
        Agreeing += other.Agreeing;
        _top += other._top;
        _bottom += other._bottom;
    }

    /// <summary>The CES of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public readonly CesResult Result(double confidence = 0.95) =>
        new(Count, Count == 0 ? double.NaN : (double)_sum / Count, Agreeing,
            Count == 0 ? double.NaN : 100.0 * (_top - _bottom) / Count,
            ProportionStatistics.WilsonInterval(Agreeing, Count, confidence));
}
