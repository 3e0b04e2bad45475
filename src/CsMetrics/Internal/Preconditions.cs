using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CsMetrics.Internal;

/// <summary>
/// Argument checks for the public boundary. The checks are small and inlinable; the throws live in
/// <see cref="ThrowHelper"/> so that hot methods stay small.
/// </summary>
internal static class Preconditions
{
    /// <summary>Throws unless <paramref name="value"/> is finite and in [<paramref name="min"/>, <paramref name="max"/>] (NaN fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= min && value <= max))
        {
            ThrowHelper.ThrowOutOfRange(paramName, value, $"must be in [{min}, {max}]");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt;= 0 (NaN fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckNonNegative(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            ThrowHelper.ThrowOutOfRange(paramName, value, "must be a finite number >= 0");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0 (NaN fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckPositive(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            ThrowHelper.ThrowOutOfRange(paramName, value, "must be a finite number > 0");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="level"/> is a coverage level in the library's one convention: a
    /// fraction strictly between 0 and 1 (0.95 for a 95% interval). A percent such as 95 is rejected with a
    /// message that names the convention, never read as 95%.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckLevel(double level, [CallerArgumentExpression(nameof(level))] string paramName = "")
    {
        if (!(level > 0 && level < 1))
        {
            ThrowHelper.ThrowOutOfRange(paramName, level,
                level >= 1 && level < 100
                    ? $"is a fraction in (0, 1) (0.95 for 95%); {level} looks like a percent: use {level / 100}"
                    : "is a fraction in (0, 1) (0.95 for 95%)");
        }
    }

    /// <summary>
    /// Throws unless <paramref name="level"/> is a quantile level in the library's convention: a fraction in [0, 1]
    /// (0.9 for p90; 0 and 1 are the minimum and maximum). A percent such as 90 is rejected with a message that names
    /// the convention, never read as p90.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckQuantileLevel(double level, [CallerArgumentExpression(nameof(level))] string paramName = "")
    {
        if (!(level >= 0 && level <= 1))
        {
            ThrowQuantileLevel(paramName, level);
        }
    }

    /// <summary>The throw of <see cref="CheckQuantileLevel"/>, also for span elements (<paramref name="index"/> &gt;= 0).</summary>
    [DoesNotReturn]
    public static void ThrowQuantileLevel(string paramName, double level, int index = -1)
    {
        string requirement = level > 1 && level <= 100
            ? $"is a fraction in [0, 1] (0.9 for p90); {level} looks like a percent: use {level / 100}"
            : "is a fraction in [0, 1] (0.9 for p90)";
        if (index >= 0)
        {
            ThrowHelper.ThrowElementOutOfRange(paramName, index, level, requirement);
        }
        ThrowHelper.ThrowOutOfRange(paramName, level, requirement);
    }

    /// <summary>Throws unless <paramref name="value"/> is a fraction in [0, 1] (NaN fails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckFraction(double value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (!(value >= 0 && value <= 1))
        {
            ThrowHelper.ThrowOutOfRange(paramName, value, "must be a fraction in [0, 1]");
        }
    }
}

/// <summary>Throw helpers: the throw sites are kept out of line so hot callers stay small and inlinable.</summary>
internal static class ThrowHelper
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the parameter and the value.</summary>
    [DoesNotReturn]
    public static void ThrowOutOfRange(string paramName, object? value, string requirement) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} {requirement}; got {value}.");

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming the span parameter, the index and the value,
    /// e.g. "scores[17] must be in [0, 10]; got 11."
    /// </summary>
    [DoesNotReturn]
    public static void ThrowElementOutOfRange(string paramName, int index, object? value, string requirement) =>
        throw new ArgumentOutOfRangeException(paramName, value, $"{paramName}[{index}] {requirement}; got {value}.");

    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter.</summary>
    [DoesNotReturn]
    public static void ThrowArgument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    /// <summary>Throws <see cref="ArgumentException"/> for a destination span shorter than required.</summary>
    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string paramName, int required, int actual) =>
        throw new ArgumentException($"{paramName} has length {actual}; at least {required} is required.", paramName);
}
