using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A CSAT scale: scores <see cref="Min"/>..<see cref="Max"/>, "satisfied" (top box) at or above
/// <see cref="SatisfiedFrom"/>, "dissatisfied" (bottom box) at or below <see cref="DissatisfiedThrough"/>.
/// Immutable and thread-safe.
/// </summary>
/// <param name="Min">The lowest score (usually 1).</param>
/// <param name="Max">The highest score, at most 100.</param>
/// <param name="SatisfiedFrom">The lowest top-box score: 4 on 1–5 for top-2-box, 5 for top-1-box.</param>
/// <param name="DissatisfiedThrough">The highest bottom-box score: 2 on 1–5 for bottom-2-box; <c>Min − 1</c> for none.</param>
public readonly record struct CsatScale(byte Min, byte Max, byte SatisfiedFrom, int DissatisfiedThrough)
{
    /// <summary>1–5, top-2-box (4–5) satisfied, bottom-2-box (1–2) dissatisfied: the common survey.</summary>
    public static CsatScale FivePoint { get; } = new(1, 5, 4, 2);

    /// <summary>
    /// A scale <paramref name="min"/>..<paramref name="max"/> whose top box starts at <paramref name="satisfiedFrom"/>
    /// (default the top two scores: top-2-box), with the mirrored bottom box (<c>min + max − satisfiedFrom</c> and below).
    /// <c>TopBox()</c> is <see cref="FivePoint"/>; <c>TopBox(1, 10, 9)</c> counts 9–10 satisfied and 1–2 dissatisfied.
    /// </summary>
    /// <param name="min">The lowest score, in [0, 99] (default 1).</param>
    /// <param name="max">The highest score, in [min + 2, 100] (default 5).</param>
    /// <param name="satisfiedFrom">The lowest top-box score, above the middle of the scale so the mirrored boxes do not
    /// meet, and at most <paramref name="max"/>; null for <c>max − 1</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the message names it and its value).</exception>
    public static CsatScale TopBox(int? min = null, int? max = null, int? satisfiedFrom = null)
    {
        int low = min ?? 1, high = max ?? 5;
        if (low is < 0 or > 98)
        {
            ThrowHelper.ThrowOutOfRange(nameof(min), low, "must be in [0, 98]");
        }
        if (high < low + 2 || high > 100)
        {
            ThrowHelper.ThrowOutOfRange(nameof(max), high, $"must be in [{low + 2}, 100] (at least three points from min = {low})");
        }
        int top = satisfiedFrom ?? high - 1;
        int firstAboveMiddle = (low + high) / 2 + 1;
        if (top < firstAboveMiddle || top > high)
        {
            ThrowHelper.ThrowOutOfRange(nameof(satisfiedFrom), top,
                $"must be in [{firstAboveMiddle}, {high}]: above the middle of the {low}-{high} scale, so the mirrored bottom box does not meet the top box");
        }
        return new CsatScale((byte)low, (byte)high, (byte)top, low + high - top);
    }

    /// <summary>True when <paramref name="score"/> is on the scale (<see cref="Min"/>..<see cref="Max"/>).</summary>
    public bool Contains(int score) => score >= Min && score <= Max;

    /// <summary>Throws unless the scale is consistent; <paramref name="paramName"/> names the caller's parameter.</summary>
    internal void Validate(string paramName = "scale")
    {
        if (!(Min < Max && Max <= 100))
        {
            ThrowHelper.ThrowArgument(paramName, $"the scale must satisfy Min < Max <= 100; got {Min}..{Max}.");
        }
        if (SatisfiedFrom < Min || SatisfiedFrom > Max)
        {
            ThrowHelper.ThrowOutOfRange(paramName, SatisfiedFrom, $"{nameof(SatisfiedFrom)} must be in [{Min}, {Max}]");
        }
        if (DissatisfiedThrough < Min - 1 || DissatisfiedThrough >= SatisfiedFrom)
        {
            ThrowHelper.ThrowOutOfRange(paramName, DissatisfiedThrough, $"{nameof(DissatisfiedThrough)} must be in [{Min - 1}, {SatisfiedFrom - 1}]");
        }
    }

    /// <summary>Prints e.g. <c>1-5: satisfied 4-5, dissatisfied 1-2</c>.</summary>
    public override string ToString() => DissatisfiedThrough < Min
        ? string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}: satisfied {SatisfiedFrom}-{Max}, no bottom box")
        : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}: satisfied {SatisfiedFrom}-{Max}, dissatisfied {Min}-{DissatisfiedThrough}");
}
