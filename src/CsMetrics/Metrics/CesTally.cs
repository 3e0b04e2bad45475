using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The state of a CES tally: the scale, the number of answers, the agreeing (easy) answers, the net index's top
/// and bottom groups and the sum of the raw scores. An immutable snapshot that pools by adding
/// (<see cref="Combine"/>), holds only integers (no NaN), and round-trips through System.Text.Json, so partial results
/// combine exactly. <see cref="Of"/> is the allocation-free span kernel behind <see cref="CustomerEffort"/> and
/// <see cref="CesAccumulator"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>A <c>default</c> instance is an empty tally on <see cref="CesScale.SevenPointAgreement"/>.</remarks>
public readonly record struct CesTally
{
    private readonly CesScale _scale;

    /// <summary>Creates a tally from its counts.</summary>
    /// <param name="scale">The scale the answers were taken on.</param>
    /// <param name="count">Answers, &gt;= 0.</param>
    /// <param name="agreeing">Answers in the agree (easy) group, in [0, count].</param>
    /// <param name="netTop">Answers in the net index's top group.</param>
    /// <param name="netBottom">Answers in the net index's bottom group; <c>netTop + netBottom ≤ count</c>.</param>
    /// <param name="scoreSum">The sum of the raw scores, in <c>[count·Min, count·Max]</c>.</param>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range (the message names it).</exception>
    [JsonConstructor]
    public CesTally(CesScale scale, long count, long agreeing, long netTop, long netBottom, long scoreSum)
    {
        scale.Validate(nameof(scale));
        TallyChecks.Count(count, nameof(count));
        TallyChecks.Part(agreeing, count, "the count", nameof(agreeing));
        TallyChecks.Part(netTop, count, "the count", nameof(netTop));
        TallyChecks.Part(netBottom, count - netTop, "the count less the top group", nameof(netBottom));
        TallyChecks.ScoreSum(scoreSum, count, scale.Min, scale.Max, nameof(scoreSum));
        _scale = scale;
        Count = count;
        Agreeing = agreeing;
        NetTop = netTop;
        NetBottom = netBottom;
        ScoreSum = scoreSum;
    }

    /// <summary>The scale (<see cref="CesScale.SevenPointAgreement"/> for a <c>default</c> instance).</summary>
    public CesScale Scale => _scale.Max == 0 ? CesScale.SevenPointAgreement : _scale;

    /// <summary>The number of answers.</summary>
    public long Count { get; private init; }

    /// <summary>Answers in the agree (easy) group.</summary>
    public long Agreeing { get; private init; }

    /// <summary>Answers in the net index's top group.</summary>
    public long NetTop { get; private init; }

    /// <summary>Answers in the net index's bottom group.</summary>
    public long NetBottom { get; private init; }

    /// <summary>The sum of the raw scores.</summary>
    public long ScoreSum { get; private init; }

    /// <summary>An empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    public static CesTally Empty(CesScale scale) => new(scale, 0, 0, 0, 0, 0);

    /// <summary>The tally of <paramref name="scores"/> on <paramref name="scale"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value).</exception>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    public static CesTally Of(ReadOnlySpan<byte> scores, CesScale scale)
    {
        scale.Validate(nameof(scale));
        if (scale.Direction == EffortDirection.HigherIsEasier)
        {
            var net = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(scale.NetBottomThrough + 1), scale.NetTopFrom, nameof(scores));
            var agree = ScoreKernel.Tally(scores, scale.Min, scale.Max, 0, scale.AgreeFrom, nameof(scores));
            return new CesTally(scale, net.Count, agree.High, net.High, net.Low, net.Sum);
        }
        // Mirrored: ease >= t  <=>  score <= Min + Max - t  <=>  score < Min + Max - t + 1.
        int mirror = scale.Min + scale.Max;
        var mirroredNet = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(mirror - scale.NetTopFrom + 1), (byte)(mirror - scale.NetBottomThrough), nameof(scores));
        var mirroredAgree = ScoreKernel.Tally(scores, scale.Min, scale.Max, (byte)(mirror - scale.AgreeFrom + 1), byte.MaxValue, nameof(scores));
        return new CesTally(scale, mirroredNet.Count, mirroredAgree.Low, mirroredNet.Low, mirroredNet.High, mirroredNet.Sum);
    }

    /// <summary>This tally with one more answer: the accumulators' per-record path (a copy, no checks: the caller checked the score).</summary>
    internal CesTally Plus(byte score)
    {
        var scale = Scale;
        int ease = scale.Direction == EffortDirection.HigherIsEasier ? score : scale.Min + scale.Max - score;
        return this with
        {
            Count = Count + 1,
            ScoreSum = ScoreSum + score,
            Agreeing = Agreeing + (ease >= scale.AgreeFrom ? 1 : 0),
            NetTop = NetTop + (ease >= scale.NetTopFrom ? 1 : 0),
            NetBottom = NetBottom + (ease <= scale.NetBottomThrough ? 1 : 0),
        };
    }

    /// <summary>The tally of both (counts and sums add).</summary>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public CesTally Combine(in CesTally other)
    {
        if (other.Scale != Scale)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot combine CES tallies on different scales ({other.Scale} and {Scale}).");
        }
        return new CesTally(Scale, checked(Count + other.Count), checked(Agreeing + other.Agreeing), checked(NetTop + other.NetTop),
            checked(NetBottom + other.NetBottom), checked(ScoreSum + other.ScoreSum));
    }

    /// <summary>The CES with the Wilson interval of the agree share at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public CesResult Result(double level = 0.95) =>
        new()
        {
            Scale = Scale, Count = Count, Mean = Count == 0 ? double.NaN : (double)ScoreSum / Count, Agreeing = Agreeing,
            NetIndex = Count == 0 ? double.NaN : 100.0 * (NetTop - NetBottom) / Count, Interval = ProportionStatistics.WilsonInterval(Agreeing, Count, level),
        };

    /// <summary>Value equality; a <c>default</c> tally equals an empty one on <see cref="CesScale.SevenPointAgreement"/>.</summary>
    public bool Equals(CesTally other) =>
        Scale == other.Scale && Count == other.Count && Agreeing == other.Agreeing && NetTop == other.NetTop
        && NetBottom == other.NetBottom && ScoreSum == other.ScoreSum;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scale, Count, Agreeing, NetTop, NetBottom, ScoreSum);

    /// <summary>Prints the counts and the scale.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"CES tally: {Agreeing} agreeing of {Count}, net {NetTop} top vs {NetBottom} bottom (sum {ScoreSum}; {Scale})");
}
