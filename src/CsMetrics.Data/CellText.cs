using System.Globalization;
using System.Runtime.CompilerServices;

namespace CsMetrics.Data;

/// <summary>The one place where cell text becomes a number, and where range problems are worded.</summary>
internal static class CellText
{
    /// <summary>Parses a finite number: optional sign, digits, one decimal separator, an exponent; no thousands separators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseNumber(ReadOnlySpan<char> text, NumberFormatInfo format, out double value)
    {
        if (!text.IsEmpty && double.TryParse(text, NumberStyles.Float, format, out value) && double.IsFinite(value))
        {
            return true;
        }
        value = double.NaN;
        return false;
    }

    /// <summary>The message for text that is not a number.</summary>
    public static string NotANumber(ReadOnlySpan<char> text, bool decimalComma) =>
        $"'{text}' is not a number ({(decimalComma ? "use ',' for decimals" : "use '.' for decimals")})";

    /// <summary>Null when <paramref name="value"/> is in range, else the message naming the range.</summary>
    public static string? CheckRange(ReadOnlySpan<char> text, double value, double min, double max, bool minExclusive)
    {
        bool belowMin = minExclusive ? value <= min : value < min;
        if (!belowMin && !(value > max))
        {
            return null;
        }
        string lower = minExclusive ? $"> {Show(min)}" : $">= {Show(min)}";
        string range = double.IsPositiveInfinity(max) ? lower
            : double.IsNegativeInfinity(min) ? $"<= {Show(max)}"
            : $"{lower} and <= {Show(max)}";
        return $"{text} is out of range: must be {range}";
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
