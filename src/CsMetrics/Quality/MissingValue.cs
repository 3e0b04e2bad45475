namespace CsMetrics.Quality;

/// <summary>
/// The one missing-value policy for quality data given as text (rating tables, QA answers, SERVQUAL answers): a cell
/// is missing when it is empty or white space, or is <c>NA</c> or <c>N/A</c> in any case. Numbers use NaN for missing.
/// Anything else is a value, and text such as <c>NaN</c>, <c>null</c> or <c>-</c> is not silently taken as missing:
/// readers report it as an error.
/// </summary>
public static class MissingValue
{
    /// <summary>The tokens that mean "missing" besides an empty cell: <c>NA</c> and <c>N/A</c> (compared ignoring case).</summary>
    public static IReadOnlyList<string> Tokens { get; } = Array.AsReadOnly(["NA", "N/A"]);

    /// <summary>True when <paramref name="text"/> is missing: null, empty, white space, <c>NA</c> or <c>N/A</c> (ignoring case and surrounding space).</summary>
    public static bool IsMissing(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var trimmed = text.AsSpan().Trim();
        return trimmed.Equals("NA", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when <paramref name="text"/> looks like a number written with a decimal or thousands comma (<c>4,5</c>,
    /// <c>1,000</c>): ambiguous, so readers reject it instead of reading it one way.
    /// </summary>
    public static bool LooksLikeCommaNumber(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            span = span[1..];
        }
        int comma = span.IndexOf(',');
        if (comma <= 0 || comma == span.Length - 1)
        {
            return false;
        }
        foreach (char c in span)
        {
            if (c != ',' && c != '.' && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
