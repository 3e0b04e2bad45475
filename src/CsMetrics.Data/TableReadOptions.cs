using System.Globalization;
using System.Text;

namespace CsMetrics.Data;

/// <summary>
/// How a <see cref="TableReader"/> reads text: the delimiter, the decimal separator and the encoding.
/// The defaults are the strict, unambiguous ones (comma, <c>.</c> decimals, UTF-8 checked); a European
/// export is read only when the caller says so. Nothing is guessed from the data.
/// </summary>
/// <remarks>Immutable and thread-safe; use <c>with</c> to derive variants.</remarks>
public sealed record TableReadOptions
{
    /// <summary>The strict defaults: comma-separated, invariant-culture numbers, UTF-8.</summary>
    public static TableReadOptions Default { get; } = new();

    /// <summary>
    /// The CSV field delimiter (default <c>,</c>). <c>;</c>, tab and <c>|</c> are common; a quote,
    /// a line break or a letter or digit is not allowed.
    /// </summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// When true, numbers in CSV cells use a comma as the decimal separator (<c>2,8</c> is 2.8) and a
    /// point is an error; no thousands separators either way. Needs a <see cref="Delimiter"/> other than a comma.
    /// JSON and Parquet numbers are unaffected (their formats fix the notation).
    /// </summary>
    public bool DecimalComma { get; init; }

    /// <summary>
    /// The text encoding of CSV and JSON input; null (the default) is UTF-8. A byte-order mark is accepted
    /// and skipped. Text that does not decode (for UTF-8: bytes that are not UTF-8, such as Excel's
    /// Windows-1252 export of <c>José</c>) is a problem naming the row and column, never replaced silently.
    /// Use <see cref="GetEncoding"/> to look up code pages such as <c>windows-1252</c> by name.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>
    /// The most problems a reader keeps (default 1,000); further problems are counted in
    /// <see cref="TableReader.OmittedProblemCount"/>, so a file with millions of bad rows does not use unbounded memory.
    /// </summary>
    public int MaxProblems { get; init; } = 1000;

    /// <summary>
    /// Looks up an encoding by name, including the Windows code pages (<c>windows-1252</c>, <c>iso-8859-1</c>,
    /// <c>utf-8</c>, <c>utf-16</c>). Decoding with the returned encoding marks undecodable bytes rather than
    /// throwing, so that the reader can report them with their row.
    /// </summary>
    /// <param name="name">An encoding name or code page name.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> names no known encoding.</exception>
    public static Encoding GetEncoding(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            var encoding = Encoding.GetEncoding(name.Trim());
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"'{name}' is not a known encoding (for example utf-8, windows-1252, iso-8859-1, utf-16)", nameof(name));
        }
    }

    internal Encoding EffectiveEncoding => Encoding ?? Utf8;

    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The number format of text cells: invariant, or invariant with a decimal comma.</summary>
    internal NumberFormatInfo NumberFormat => DecimalComma ? DecimalCommaFormat : NumberFormatInfo.InvariantInfo;

    private static readonly NumberFormatInfo DecimalCommaFormat = new()
    {
        NumberDecimalSeparator = ",",
        // Never accepted (NumberStyles.Float has no AllowThousands), but must differ from the decimal separator.
        NumberGroupSeparator = "\u00A0",
    };

    /// <summary>Throws when the options contradict each other.</summary>
    internal void Validate()
    {
        if (Delimiter is '"' or '\r' or '\n' || char.IsLetterOrDigit(Delimiter))
        {
            throw new ArgumentException($"'{Delimiter}' cannot be a delimiter (a quote, a line break, a letter or a digit)", nameof(Delimiter));
        }
        if (DecimalComma && Delimiter == ',')
        {
            throw new ArgumentException("a decimal comma needs a delimiter other than ',' (for example ';')", nameof(DecimalComma));
        }
        if (DecimalComma && Delimiter == '.')
        {
            throw new ArgumentException("'.' cannot be the delimiter", nameof(Delimiter));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxProblems, nameof(MaxProblems));
    }
}
