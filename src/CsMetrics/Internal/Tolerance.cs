using System.Runtime.CompilerServices;

namespace CsMetrics.Internal;

/// <summary>
/// The one rule for comparing a computed value with a target (occupancy, ASA, abandonment, service level,
/// schedule costs and bounds): a target is met when the value is within a relative
/// <see cref="Relative"/> of it. Inputs are decimal numbers (612 contacts, 180 s, 0.85) that binary
/// floating point cannot hold exactly, so 612 x 180 / 1800 / 72 comes out as 0.8500000000000001; the
/// tolerance absorbs that rounding, and it is far below the precision of any real input (no contact count
/// or handle time is known to 12 significant digits), so it never makes a real shortfall pass.
/// A target of exactly 0 gets no tolerance: "at most 0" is met only by 0. Impossible targets stay
/// impossible: callers compare the quantity that can reach the target exactly (the share of contacts
/// that miss the threshold, 1 - SL, rather than SL itself, so SL = 1 is never "reached" by rounding).
/// </summary>
internal static class Tolerance
{
    /// <summary>The relative tolerance of every target comparison: 1e-12.</summary>
    public const double Relative = 1e-12;

    /// <summary>True when <paramref name="value"/> &lt;= <paramref name="limit"/> up to the relative tolerance (NaN fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AtMost(double value, double limit) =>
        value <= limit || value - limit <= Relative * Math.Abs(limit);

    /// <summary>True when <paramref name="value"/> &gt;= <paramref name="limit"/> up to the relative tolerance (NaN fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AtLeast(double value, double limit) =>
        value >= limit || limit - value <= Relative * Math.Abs(limit);

    /// <summary>True when two values are equal up to the relative tolerance of the larger magnitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(double a, double b) =>
        a == b || Math.Abs(a - b) <= Relative * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>
    /// The smallest integer k with <c>AtLeast(k, value)</c>: <c>⌈value⌉</c>, except that a value within the relative
    /// tolerance above an integer gives that integer (a computed requirement of 385.00000000000006 is met by 385).
    /// For counts derived from irrational inputs (a normal quantile), where decimal arithmetic cannot help.
    /// </summary>
    public static double Ceiling(double value)
    {
        double ceiling = Math.Ceiling(value);
        double below = ceiling - 1;
        return AtLeast(below, value) ? below : ceiling;
    }
}
