using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CsMetrics.Data;

/// <summary>
/// A forward-only, streaming reader of a table (CSV, JSON array of objects, or Parquet) with typed,
/// located access to the cells of the current row. Memory does not grow with the number of rows.
/// </summary>
/// <remarks>
/// <para>
/// Open a reader with <see cref="Open(string, TableReadOptions?)"/> or one of the <c>OpenCsv</c>,
/// <c>OpenJson</c>, <c>OpenParquet</c> factories, look up the columns once with <see cref="ColumnIndex"/>,
/// then call <see cref="MoveNext"/> and the typed readers for each row. The typed readers record a located
/// <see cref="TableProblem"/> and return NaN or null instead of throwing, so one pass reports every problem;
/// call <see cref="ThrowIfProblems"/> at the end (or inspect <see cref="Problems"/>).
/// </para>
/// <para>
/// The rules: RFC 4180 CSV (quoted fields may hold delimiters, quotes and line breaks); a byte-order mark
/// is skipped; blank lines are skipped; duplicate column names, also when they differ only in case, are an
/// error naming both (never "first wins"); a row with more cells than the header is reported and skipped
/// without hiding the problems of later rows (fewer cells leave the rest empty); duplicate keys in a JSON
/// object are an error; text that does not decode in the chosen encoding is an error naming the row and
/// column. Numbers in text are read in the invariant culture only (<c>2,8</c> is an error, not 28), unless
/// <see cref="TableReadOptions.DecimalComma"/> says otherwise. Column names are matched ignoring case.
/// Cells are trimmed of surrounding white space; an empty cell is "no value".
/// </para>
/// <para>Not thread-safe: one reader per thread. Dispose it to close the input.</para>
/// </remarks>
public abstract class TableReader : IDisposable
{
    private readonly List<TableProblem> _problems = [];
    private readonly int _maxProblems;
    private readonly NumberFormatInfo _numberFormat;
    private readonly bool _decimalComma;
    private char[] _scratch = new char[64];

    private protected TableReader(string source, TableFormat format, TableReadOptions options)
    {
        Source = source;
        Format = format;
        Options = options;
        _maxProblems = options.MaxProblems;
        _numberFormat = format == TableFormat.Csv ? options.NumberFormat : NumberFormatInfo.InvariantInfo;
        _decimalComma = format == TableFormat.Csv && options.DecimalComma;
    }

    /// <summary>The name used for the input in problems: a file path as given, or the name passed for a stream.</summary>
    public string Source { get; }

    /// <summary>The format being read.</summary>
    public TableFormat Format { get; }

    /// <summary>The options the reader was opened with.</summary>
    public TableReadOptions Options { get; }

    /// <summary>
    /// The column names as the table spells them, in table order. For JSON these are the keys seen so far
    /// (the first object's keys before the first <see cref="MoveNext"/>, and any name passed to <see cref="ColumnIndex"/>).
    /// </summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// The row number of the current row as a person finds it in the file (see <see cref="TableProblem"/>):
    /// the CSV line where the record starts, or the 1-based position of the JSON object or Parquet row.
    /// </summary>
    public long RowNumber { get; private protected set; }

    /// <summary>How many rows <see cref="MoveNext"/> has returned so far (rows skipped for problems not counted).</summary>
    public long RowsRead { get; private protected set; }

    /// <summary>The problems found so far, in order (at most <see cref="TableReadOptions.MaxProblems"/>).</summary>
    public IReadOnlyList<TableProblem> Problems => _problems;

    /// <summary>The number of problems found so far, including those beyond the cap.</summary>
    public long ProblemCount => _problems.Count + OmittedProblemCount;

    /// <summary>How many problems were found beyond <see cref="TableReadOptions.MaxProblems"/> and not kept.</summary>
    public long OmittedProblemCount { get; private set; }

    /// <summary>True when any problem has been found.</summary>
    public bool HasProblems => ProblemCount > 0;

    /// <summary>
    /// The index of the column named <paramref name="name"/> (ignoring case), or -1 when the table has no
    /// such column. For JSON, where any object may bring a new key, an unseen name is reserved and its index
    /// returned; its cells are empty until an object carries it (see <see cref="HasColumn"/>).
    /// </summary>
    /// <param name="name">A column name.</param>
    public abstract int ColumnIndex(string name);

    /// <summary>True when the table has the column (for JSON: when an object read so far, or the first object, has the key).</summary>
    /// <param name="name">A column name.</param>
    public abstract bool HasColumn(string name);

    /// <summary>
    /// Advances to the next row. Blank CSV lines are skipped; a row with a structural problem (more cells
    /// than the header, a quote left open, text that does not decode, a JSON element that is not a flat
    /// object) is recorded as a problem and skipped. Returns false at the end of the table.
    /// </summary>
    /// <exception cref="TableFormatException">The input is damaged beyond reading on (for example invalid JSON syntax); the problems so far are included.</exception>
    public abstract bool MoveNext();

    /// <summary>
    /// The text of a cell in the current row, trimmed of surrounding white space; empty when the cell is
    /// empty or absent or <paramref name="column"/> is -1. The span is valid until the next <see cref="MoveNext"/>.
    /// </summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    public abstract ReadOnlySpan<char> GetText(int column);

    /// <summary>True when the cell has no value (empty text, JSON null, Parquet null, absent column).</summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    public virtual bool IsEmpty(int column) => GetText(column).IsEmpty;

    /// <summary>The cell's text as a string, or null when it is empty (allocates; prefer <see cref="GetText"/> on hot paths).</summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    public string? GetString(int column)
    {
        var text = GetText(column);
        return text.IsEmpty ? null : text.ToString();
    }

    /// <summary>
    /// Parses the cell as a finite number without recording a problem: invariant culture (or the decimal
    /// comma the options allow) for text, the value itself for numeric Parquet and JSON cells.
    /// False for an empty cell, text that is not a number, or a non-finite value.
    /// </summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    /// <param name="value">The number, or NaN when false is returned.</param>
    public virtual bool TryGetDouble(int column, out double value) => TryParseNumber(GetText(column), out value);

    /// <summary>
    /// Reads a required number in [<paramref name="min"/>, <paramref name="max"/>] (or (min, max] when
    /// <paramref name="minExclusive"/>). Records a located problem and returns NaN when the cell is empty,
    /// not a number (<c>'2,8' is not a number (use '.' for decimals)</c>), or out of range.
    /// </summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1 (then the value is missing).</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="minExclusive">True when <paramref name="min"/> itself is not allowed.</param>
    public double ReadDouble(int column, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        if (IsEmpty(column))
        {
            AddProblem(column, "a value is required");
            return double.NaN;
        }
        return ReadNumberIn(column, min, max, minExclusive);
    }

    /// <summary>
    /// Like <see cref="ReadDouble"/>, but an empty cell or absent column gives null (no value) and no problem.
    /// </summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="minExclusive">True when <paramref name="min"/> itself is not allowed.</param>
    /// <returns>The value; NaN when the cell holds something that is not a number in range (a problem is recorded); null when empty.</returns>
    public double? ReadOptionalDouble(int column, double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false) =>
        IsEmpty(column) ? null : ReadNumberIn(column, min, max, minExclusive);

    /// <summary>
    /// Reads a flag: <c>1</c>/<c>0</c>, <c>true</c>/<c>false</c> or <c>yes</c>/<c>no</c> (any case). An empty
    /// cell gives null; anything else records a problem and gives null.
    /// </summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    public bool? ReadOptionalBoolean(int column)
    {
        var text = GetText(column);
        if (text.IsEmpty)
        {
            return null;
        }
        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        AddProblem(column, $"'{text}' is not a flag: use 0/1, true/false or yes/no");
        return null;
    }

    /// <summary>
    /// Reads a required ISO 8601 timestamp: <c>2026-03-29T01:30</c>, with optional seconds and fraction, a <c>T</c>
    /// or a space, and an offset (<c>Z</c>, <c>+01:00</c>, <c>-0500</c>). A time with an offset is that instant. A
    /// time without one is local time in <paramref name="zone"/>; it is a problem when no zone is given, when the
    /// local time does not exist (clocks went forward) or when it is ambiguous (clocks went back), since either would
    /// be a guess. Parquet timestamps adjusted to UTC are instants; others are local. Records a located problem and
    /// returns null when the cell is empty or not such a timestamp.
    /// </summary>
    /// <param name="column">A column index from <see cref="ColumnIndex"/>, or -1.</param>
    /// <param name="zone">The time zone of times written without an offset, or null to require offsets.</param>
    public DateTimeOffset? ReadTimestamp(int column, TimeZoneInfo? zone = null)
    {
        if (IsEmpty(column))
        {
            AddProblem(column, "a timestamp is required");
            return null;
        }
        var text = GetText(column);
        if (!Timestamps.TryParse(text, out var local, out var offset))
        {
            AddProblem(column, $"'{text}' is not an ISO 8601 timestamp like 2026-03-29T08:30:00+01:00");
            return null;
        }
        if (offset is TimeSpan given)
        {
            return new DateTimeOffset(local, given);
        }
        if (zone is null)
        {
            AddProblem(column, $"'{text}' has no offset: give one (Z, +01:00) or the time zone it is local to");
            return null;
        }
        if (zone.IsInvalidTime(local))
        {
            AddProblem(column, $"'{text}' does not exist in {zone.Id} (the clocks went forward)");
            return null;
        }
        if (zone.IsAmbiguousTime(local))
        {
            AddProblem(column, $"'{text}' happens twice in {zone.Id} (the clocks went back): give its offset");
            return null;
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Records a problem about a cell of the current row.</summary>
    /// <param name="column">A column index, or -1 for the row as a whole.</param>
    /// <param name="message">What is wrong.</param>
    public void AddProblem(int column, string message) => AddProblem(RowNumber, ColumnName(column), message);

    /// <summary>Records a problem with an explicit location (for checks across rows or about the whole table).</summary>
    /// <param name="row">The row, or null.</param>
    /// <param name="column">The column name, or null.</param>
    /// <param name="message">What is wrong.</param>
    public void AddProblem(long? row, string? column, string message)
    {
        if (_problems.Count < _maxProblems)
        {
            _problems.Add(new TableProblem(Source, row, column, message));
        }
        else
        {
            OmittedProblemCount++;
        }
    }

    /// <summary>Throws a <see cref="TableFormatException"/> holding every problem found, if there is any.</summary>
    /// <exception cref="TableFormatException">Some problem was found.</exception>
    public void ThrowIfProblems()
    {
        if (HasProblems)
        {
            throw new TableFormatException(_problems, OmittedProblemCount);
        }
    }

    /// <summary>The column's name as the table spells it, or null for -1.</summary>
    /// <param name="column">A column index, or -1.</param>
    public string? ColumnName(int column) => column >= 0 && column < Columns.Count ? Columns[column] : null;

    /// <summary>Parses text as a number in the reader's number format (finite values only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected bool TryParseNumber(ReadOnlySpan<char> text, out double value) => CellText.TryParseNumber(text, _numberFormat, out value);

    private double ReadNumberIn(int column, double min, double max, bool minExclusive)
    {
        if (!TryGetDouble(column, out double value))
        {
            AddProblem(column, CellText.NotANumber(GetText(column), _decimalComma));
            return double.NaN;
        }
        if (CellText.CheckRange(GetText(column), value, min, max, minExclusive) is string problem)
        {
            AddProblem(column, problem);
            return double.NaN;
        }
        return value;
    }

    /// <summary>A scratch buffer for formatting non-text cells (Parquet numbers and times) as text.</summary>
    private protected Span<char> Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }
        return _scratch;
    }

    /// <summary>Releases the input.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the input when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    // ---- Factories ----

    /// <summary>
    /// Opens a file, choosing the format from its extension (<see cref="TableFormats.FromPath"/>). Problems
    /// name the file by <paramref name="path"/> as given.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">How to read text; null for <see cref="TableReadOptions.Default"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="TableFormatException">The table is unusable as a whole (empty, duplicate columns, ...).</exception>
    public static TableReader Open(string path, TableReadOptions? options = null) => Open(path, TableFormats.FromPath(path), options);

    /// <summary>Opens a file in the given format. Problems name the file by <paramref name="path"/> as given.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="format">The table format.</param>
    /// <param name="options">How to read text; null for <see cref="TableReadOptions.Default"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="TableFormatException">The table is unusable as a whole.</exception>
    public static TableReader Open(string path, TableFormat format, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return Open(stream, format, path, options, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a stream in the given format.</summary>
    /// <param name="stream">The input; Parquet needs a seekable stream (a non-seekable one is copied to a temporary file).</param>
    /// <param name="format">The table format.</param>
    /// <param name="source">The name used for the input in problems.</param>
    /// <param name="options">How to read text; null for <see cref="TableReadOptions.Default"/>.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when the reader is disposed.</param>
    /// <exception cref="TableFormatException">The table is unusable as a whole.</exception>
    public static TableReader Open(Stream stream, TableFormat format, string source, TableReadOptions? options = null, bool leaveOpen = false) => format switch
    {
        TableFormat.Csv => OpenCsv(stream, source, options, leaveOpen),
        TableFormat.Json => OpenJson(stream, source, options, leaveOpen),
        TableFormat.Parquet => OpenParquet(stream, source, options, leaveOpen),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a table format"),
    };

    /// <summary>Opens CSV from a stream of bytes in the options' encoding (UTF-8 by default, checked).</summary>
    /// <param name="stream">The input.</param>
    /// <param name="source">The name used for the input in problems.</param>
    /// <param name="options">Delimiter, decimal separator and encoding; null for the defaults.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when the reader is disposed.</param>
    /// <exception cref="TableFormatException">The input is empty or its header is ambiguous.</exception>
    public static TableReader OpenCsv(Stream stream, string source, TableReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TableReadOptions.Default;
        options.Validate();
        var text = new StreamReader(stream, options.EffectiveEncoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen);
        return new CsvTableReader(text, source, options, ownsReader: true);
    }

    /// <summary>Opens CSV from text that is already decoded (the encoding option does not apply).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name used for the input in problems.</param>
    /// <param name="options">Delimiter and decimal separator; null for the defaults.</param>
    /// <exception cref="TableFormatException">The input is empty or its header is ambiguous.</exception>
    public static TableReader OpenCsv(TextReader reader, string source, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= TableReadOptions.Default;
        options.Validate();
        return new CsvTableReader(reader, source, options, ownsReader: false);
    }

    /// <summary>Opens a JSON array of flat objects from a stream of bytes (UTF-8, or the options' encoding).</summary>
    /// <param name="stream">The input.</param>
    /// <param name="source">The name used for the input in problems.</param>
    /// <param name="options">The encoding; null for the defaults.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when the reader is disposed.</param>
    /// <exception cref="TableFormatException">The input is empty or not a JSON array.</exception>
    public static TableReader OpenJson(Stream stream, string source, TableReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TableReadOptions.Default;
        options.Validate();
        var encoding = options.EffectiveEncoding;
        var input = encoding.CodePage == Encoding.UTF8.CodePage
            ? stream
            : Encoding.CreateTranscodingStream(stream, encoding, TableReadOptions.Utf8, leaveOpen);
        return new JsonTableReader(input, source, options, leaveOpen: input == stream && leaveOpen);
    }

    /// <summary>Opens a JSON array of flat objects from decoded text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name used for the input in problems.</param>
    /// <param name="options">Options (the encoding does not apply); null for the defaults.</param>
    /// <exception cref="TableFormatException">The input is empty or not a JSON array.</exception>
    public static TableReader OpenJson(TextReader reader, string source, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= TableReadOptions.Default;
        options.Validate();
        return new JsonTableReader(new TextReaderUtf8Stream(reader), source, options, leaveOpen: false);
    }

    /// <summary>Opens a Parquet file from a stream.</summary>
    /// <param name="stream">The input; a non-seekable stream is first copied to a temporary file.</param>
    /// <param name="source">The name used for the input in problems.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when the reader is disposed.</param>
    /// <exception cref="TableFormatException">The input is not a Parquet file or has nested or repeated columns.</exception>
    public static TableReader OpenParquet(Stream stream, string source, TableReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TableReadOptions.Default;
        options.Validate();
        return ParquetTableReader.Create(stream, source, options, leaveOpen);
    }
}
