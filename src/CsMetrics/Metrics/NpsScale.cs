using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The breaks of a Net Promoter Score survey: scores 0..<see cref="Max"/>, promoters at or above
/// <see cref="PromoterFrom"/>, detractors at or below <see cref="DetractorThrough"/>, passives between.
/// Immutable and thread-safe.
/// </summary>
/// <param name="Max">The top of the scale (10 for the standard 0–10 question), at most 100.</param>
/// <param name="PromoterFrom">The lowest promoter score (9).</param>
/// <param name="DetractorThrough">The highest detractor score (6).</param>
public readonly record struct NpsScale(byte Max, byte PromoterFrom, byte DetractorThrough)
{
    /// <summary>The standard breaks: 0–6 detractors, 7–8 passives, 9–10 promoters (Reichheld 2003).</summary>
    public static NpsScale Standard { get; } = new(10, 9, 6);

    /// <summary>
    /// The breaks of a 0..<paramref name="max"/> question with Reichheld's shape: promoters from
    /// <paramref name="promoterFrom"/> (default the top two scores, <c>max − 1</c>), the two scores below it passive,
    /// and everything lower a detractor. <c>ZeroTo(10)</c> is <see cref="Standard"/>; <c>ZeroTo(5)</c> gives promoters
    /// 4–5, passives 2–3, detractors 0–1; <c>ZeroTo(10, promoterFrom: 10)</c> gives promoters 10, passives 8–9,
    /// detractors 0–7. (The rule <c>csmetrics metrics --metric nps</c> applies to <c>--scale-max</c> and <c>--threshold</c>.)
    /// </summary>
    /// <param name="max">The top of the scale, in [3, 100] (default 10).</param>
    /// <param name="promoterFrom">The lowest promoter score, in [3, <paramref name="max"/>]: room for two passive scores and
    /// at least one detractor score below it; null for <c>max − 1</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the message names it and its value).</exception>
    public static NpsScale ZeroTo(int max = 10, int? promoterFrom = null)
    {
        if (max is < 3 or > 100)
        {
            ThrowHelper.ThrowOutOfRange(nameof(max), max, "must be in [3, 100] (an NPS scale runs 0..max)");
        }
        int promoters = promoterFrom ?? max - 1;
        if (promoters < 3 || promoters > max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(promoterFrom), promoters,
                $"must be in [3, {max}]: the two scores below it are passive and at least one score below those is a detractor");
        }
        return new NpsScale((byte)max, (byte)promoters, (byte)(promoters - 3));
    }

    /// <summary>True when <paramref name="score"/> is on the scale (0..<see cref="Max"/>).</summary>
    public bool Contains(int score) => score >= 0 && score <= Max;

    /// <summary>Throws unless the breaks are consistent; <paramref name="paramName"/> names the caller's parameter.</summary>
    internal void Validate(string paramName = "scale")
    {
        if (Max is 0 or > 100)
        {
            ThrowHelper.ThrowOutOfRange(paramName, Max, $"{nameof(Max)} must be in [1, 100]");
        }
        if (!(DetractorThrough < PromoterFrom && PromoterFrom <= Max))
        {
            ThrowHelper.ThrowArgument(paramName, $"the breaks must satisfy DetractorThrough < PromoterFrom <= Max; got {DetractorThrough}, {PromoterFrom}, {Max}.");
        }
    }

    /// <summary>Prints e.g. <c>0-10: detractors 0-6, passives 7-8, promoters 9-10</c>.</summary>
    public override string ToString() => PromoterFrom - DetractorThrough > 1
        ? string.Create(CultureInfo.InvariantCulture,
            $"0-{Max}: detractors 0-{DetractorThrough}, passives {DetractorThrough + 1}-{PromoterFrom - 1}, promoters {PromoterFrom}-{Max}")
        : string.Create(CultureInfo.InvariantCulture, $"0-{Max}: detractors 0-{DetractorThrough}, no passives, promoters {PromoterFrom}-{Max}");
}
