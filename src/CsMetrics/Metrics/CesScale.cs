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
/// Immutable and thread-safe.
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

    /// <summary>
    /// A scale <paramref name="min"/>..<paramref name="max"/> read the way both published CES versions are: the middle
    /// score (or the two middle scores of an even scale) is neutral; "agree / easy" is every (mirrored) score above the
    /// middle unless <paramref name="agreeFrom"/> says otherwise; the net index is the top two scores minus every score
    /// below the middle. <c>FromRange()</c> is <see cref="SevenPointAgreement"/> and
    /// <c>FromRange(1, 5, EffortDirection.LowerIsEasier)</c> is <see cref="FivePointEffort"/>; 1–6 gives agree 5–6, net
    /// 5–6 against 1–2. (The rule <c>csmetrics metrics --metric ces</c> applies to its options.)
    /// </summary>
    /// <param name="min">The lowest score, in [0, 98] (default 1).</param>
    /// <param name="max">The highest score, in [min + 2, 100] (default 7).</param>
    /// <param name="direction">Which end is easy; thresholds apply to the mirrored score for <see cref="EffortDirection.LowerIsEasier"/>.</param>
    /// <param name="agreeFrom">The lowest (mirrored) score that counts as agree, in [min, max]; null for the first score above the middle.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (the message names it and its value).</exception>
    /// <exception cref="ArgumentException"><paramref name="direction"/> is not a defined value.</exception>
    public static CesScale FromRange(int? min = null, int? max = null, EffortDirection direction = EffortDirection.HigherIsEasier, int? agreeFrom = null)
    {
        int low = min ?? 1, high = max ?? 7;
        if (low is < 0 or > 98)
        {
            ThrowHelper.ThrowOutOfRange(nameof(min), low, "must be in [0, 98]");
        }
        if (high < low + 2 || high > 100)
        {
            ThrowHelper.ThrowOutOfRange(nameof(max), high, $"must be in [{low + 2}, 100] (at least three points from min = {low})");
        }
        if (!Enum.IsDefined(direction))
        {
            ThrowHelper.ThrowArgument(nameof(direction), $"Unknown effort direction {direction}.");
        }
        int lowerMiddle = (low + high) / 2, upperMiddle = (low + high + 1) / 2;
        int agree = agreeFrom ?? upperMiddle + 1;
        if (agree < low || agree > high)
        {
            ThrowHelper.ThrowOutOfRange(nameof(agreeFrom), agree, $"must be in [{low}, {high}]");
        }
        return new CesScale((byte)low, (byte)high, direction, (byte)agree, (byte)(high - 1), (byte)(lowerMiddle - 1));
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
        if (!Enum.IsDefined(Direction))
        {
            ThrowHelper.ThrowArgument(paramName, $"Unknown effort direction {Direction}.");
        }
        if (AgreeFrom < Min || AgreeFrom > Max)
        {
            ThrowHelper.ThrowOutOfRange(paramName, AgreeFrom, $"{nameof(AgreeFrom)} must be in [{Min}, {Max}]");
        }
        if (NetTopFrom < Min || NetTopFrom > Max)
        {
            ThrowHelper.ThrowOutOfRange(paramName, NetTopFrom, $"{nameof(NetTopFrom)} must be in [{Min}, {Max}]");
        }
        if (NetBottomThrough < Min || NetBottomThrough >= NetTopFrom)
        {
            ThrowHelper.ThrowOutOfRange(paramName, NetBottomThrough, $"{nameof(NetBottomThrough)} must be in [{Min}, {NetTopFrom - 1}]");
        }
    }

    /// <summary>Prints e.g. <c>1-7, higher is easier: agree 5-7, net 6-7 vs 1-3</c> (thresholds on the mirrored score).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Min}-{Max}, {(Direction == EffortDirection.HigherIsEasier ? "higher" : "lower")} is easier: agree {AgreeFrom}-{Max}, net {NetTopFrom}-{Max} vs {Min}-{NetBottomThrough}");
}
