using System.Globalization;
using System.Runtime.CompilerServices;

namespace CsMetrics.Data;

/// <summary>The one place where cell text becomes a number, and where range problems are worded.</summary>
internal static class CellText
{
    /// <summary>Parses a finite number: optional sign, digits, one decimal separator, an exponent; no thousands separators.</summary>
    /// <remarks>
    /// Plain decimals (<c>1800</c>, <c>-0.8</c>, <c>12.5</c>) take an exact fast path: at most 2^53 as the
    /// integer of their digits and at most 22 decimals, so both the digits and the power of ten are exact
    /// doubles and one IEEE division gives the correctly rounded value, the one <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/>
    /// gives (Clinger 1990, "How to read floating point numbers accurately", PLDI). Everything else
    /// (exponents, long mantissas, anything unusual) goes to <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseNumber(ReadOnlySpan<char> text, NumberFormatInfo format, out double value)
    {
        if (text.IsEmpty)
        {
            value = double.NaN;
            return false;
        }
        if (TryParsePlainDecimal(text, format.NumberDecimalSeparator, out value))
        {
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, format, out value) && double.IsFinite(value))
        {
            return true;
        }
        value = double.NaN;
        return false;
    }

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// <c>[+-]digits[.digits]</c> (one of the two digit runs may be empty), digits as an integer at most 2^53 and
    /// at most 22 decimals: the exact value rounded once. False (not a problem: the caller falls back) otherwise.
    /// </summary>
    internal static bool TryParsePlainDecimal(ReadOnlySpan<char> text, string decimalSeparator, out double value)
    {
        value = 0;
        if (decimalSeparator.Length != 1)
        {
            return false;
        }
        char separator = decimalSeparator[0];
        int i = 0;
        bool negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }
        const ulong MaxExact = 1UL << 53;
        ulong mantissa = 0;
        int decimals = 0;
        bool digits = false, point = false;
        for (; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                mantissa = mantissa * 10 + digit;
                if (mantissa > MaxExact)
                {
                    return false;
                }
                digits = true;
                if (point)
                {
                    decimals++;
                }
            }
            else if (text[i] == separator && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }
        if (!digits || decimals >= PowersOfTen.Length)
        {
            return false;
        }
        double magnitude = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        value = negative ? -magnitude : magnitude;
        return true;
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
