using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace CsMetrics.Data;

/// <summary>
/// A streaming writer of a table as CSV (header row, RFC 4180 quoting, invariant culture, shortest
/// round-trip numbers, an empty cell for "no value"), a JSON array of objects (<c>null</c> for "no value"),
/// or Parquet (typed columns, written one row group at a time).
/// </summary>
/// <remarks>
/// Write each row's cells in column order with the <c>Write</c> methods, then <see cref="EndRow"/>; finish
/// with <see cref="Complete"/> (or <see cref="Dispose()"/>, which completes). Memory is bounded: CSV and JSON
/// are written as they come, Parquet buffers one row group (<see cref="ParquetRowGroupSize"/> rows).
/// Writing a row allocates nothing for CSV and JSON. Not thread-safe.
/// </remarks>
public abstract class TableWriter : IDisposable
{
    /// <summary>The rows per Parquet row group.</summary>
    public const int ParquetRowGroupSize = 1 << 17;

    private readonly TableColumn[] _columns;
    private int _cell;
    private bool _completed;

    private protected TableWriter(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a table needs at least one column", nameof(columns));
        }
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.IsNullOrEmpty(columns[i].Name))
            {
                throw new ArgumentException($"columns[{i}] has no name", nameof(columns));
            }
            if (!names.TryAdd(columns[i].Name, i))
            {
                throw new ArgumentException($"columns[{i}] '{columns[i].Name}' repeats columns[{names[columns[i].Name]}] (names must be unique, ignoring case)", nameof(columns));
            }
        }
        _columns = [.. columns];
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>How many rows have been ended.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Creates a writer of <paramref name="format"/> on <paramref name="stream"/>.</summary>
    /// <param name="stream">The output (Parquet needs a seekable stream only if the stream's Position is read; any writable stream works).</param>
    /// <param name="format">The table format.</param>
    /// <param name="columns">The columns (at least one, names unique ignoring case).</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open after <see cref="Complete"/>.</param>
    /// <exception cref="ArgumentException">No columns, or a name is empty or repeated.</exception>
    public static TableWriter Create(Stream stream, TableFormat format, IReadOnlyList<TableColumn> columns, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format switch
        {
            TableFormat.Csv => new CsvTableWriter(stream, columns, ownsStream: !leaveOpen),
            TableFormat.Json => new JsonTableWriter(stream, columns, leaveOpen),
            TableFormat.Parquet => new ParquetTableWriter(stream, columns, leaveOpen),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a table format"),
        };
    }

    /// <summary>Creates a CSV writer on text (for example standard output).</summary>
    /// <param name="writer">The output text.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="delimiter">The delimiter (default comma).</param>
    /// <exception cref="ArgumentException">No columns, or a name is empty or repeated.</exception>
    public static TableWriter CreateCsv(TextWriter writer, IReadOnlyList<TableColumn> columns, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(writer);
        return CsvTableWriter.OnText(writer, columns, delimiter);
    }

    /// <summary>Creates a JSON writer on text (the JSON is UTF-8 encoded, then decoded into <paramref name="writer"/>).</summary>
    /// <param name="writer">The output text.</param>
    /// <param name="columns">The columns.</param>
    /// <exception cref="ArgumentException">No columns, or a name is empty or repeated.</exception>
    public static TableWriter CreateJson(TextWriter writer, IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new JsonTableWriter(new TextWriterUtf8Stream(writer), columns, leaveOpen: false);
    }

    /// <summary>Writes a number: NaN is written as no value; an infinity as <c>Infinity</c> in CSV and as null in JSON and Parquet.</summary>
    /// <param name="value">The value.</param>
    public void Write(double value) => OnWrite(Next(), value);

    /// <summary>
    /// Writes consecutive number cells, as <see cref="Write(double)"/> would one by one (CSV formats the run
    /// straight into its buffer).
    /// </summary>
    /// <param name="values">The values, in column order.</param>
    /// <exception cref="InvalidOperationException">The row has fewer cells left than <paramref name="values"/> holds.</exception>
    public void Write(ReadOnlySpan<double> values)
    {
        if (_completed)
        {
            throw new InvalidOperationException("the table is complete");
        }
        if (_cell + values.Length > _columns.Length)
        {
            throw new InvalidOperationException($"row {RowsWritten + 1} has {_columns.Length - _cell} cells left, not {values.Length}");
        }
        int first = _cell;
        _cell += values.Length;
        OnWrite(first, values);
    }

    /// <summary>
    /// Writes <paramref name="count"/> CSV number cells whose text <see cref="CsvTableWriter.FormatRun"/> made for
    /// an equal run (a memo's copy); only for CSV writers.
    /// </summary>
    internal void WriteFormatted(int count, ReadOnlySpan<byte> csvText)
    {
        if (this is not CsvTableWriter csv)
        {
            throw new InvalidOperationException("preformatted cells are CSV text");
        }
        if (_completed || count <= 0 || _cell + count > _columns.Length)
        {
            throw new InvalidOperationException($"row {RowsWritten + 1} has {_columns.Length - _cell} cells left, not {count}");
        }
        int first = _cell;
        _cell += count;
        csv.OnWriteFormatted(first, csvText);
    }

    /// <summary>Writes a whole number.</summary>
    /// <param name="value">The value.</param>
    public void Write(long value) => OnWrite(Next(), value);

    /// <summary>Writes a flag.</summary>
    /// <param name="value">The value.</param>
    public void Write(bool value) => OnWrite(Next(), value);

    /// <summary>Writes text (null is no value).</summary>
    /// <param name="value">The value.</param>
    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
        }
        else
        {
            OnWrite(Next(), value.AsSpan());
        }
    }

    /// <summary>Writes text from a span (empty is an empty string, not no value).</summary>
    /// <param name="value">The value.</param>
    public void Write(ReadOnlySpan<char> value) => OnWrite(Next(), value);

    /// <summary>Writes "no value" (an empty CSV cell, JSON null, Parquet null).</summary>
    public void WriteNull() => OnWriteNull(Next());

    /// <summary>Ends the current row.</summary>
    /// <exception cref="InvalidOperationException">Fewer cells than columns were written.</exception>
    public void EndRow()
    {
        if (_cell != _columns.Length)
        {
            throw new InvalidOperationException($"row {RowsWritten + 1} has {_cell} cells; the table has {_columns.Length} columns");
        }
        OnEndRow();
        _cell = 0;
        RowsWritten++;
    }

    /// <summary>Finishes the table (closing brackets, the Parquet footer) and flushes it.</summary>
    /// <exception cref="InvalidOperationException">A row was started and not ended.</exception>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }
        if (_cell != 0)
        {
            throw new InvalidOperationException($"row {RowsWritten + 1} was not ended");
        }
        _completed = true;
        OnComplete();
    }

    private int Next()
    {
        if (_completed)
        {
            throw new InvalidOperationException("the table is complete");
        }
        if (_cell == _columns.Length)
        {
            throw new InvalidOperationException($"row {RowsWritten + 1} already has all {_columns.Length} cells; call EndRow");
        }
        return _cell++;
    }

    private protected abstract void OnWrite(int column, double value);
    private protected abstract void OnWrite(int column, long value);

    /// <summary>Writes consecutive number cells starting at <paramref name="column"/> (one by one unless a format does better).</summary>
    private protected virtual void OnWrite(int column, ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            OnWrite(column + i, values[i]);
        }
    }
    private protected abstract void OnWrite(int column, bool value);
    private protected abstract void OnWrite(int column, ReadOnlySpan<char> value);
    private protected abstract void OnWriteNull(int column);
    private protected abstract void OnEndRow();
    private protected abstract void OnComplete();

    /// <summary>Completes the table (unless a row is unfinished) and releases the output.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Completes and releases the output when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_completed && _cell == 0)
        {
            Complete();
        }
    }
}

/// <summary>
/// CSV written as UTF-8 bytes into its own buffer: text is transcoded once, numbers are formatted straight
/// into the buffer (whole numbers below 10^15 through the integer formatter, which gives the text the
/// shortest round-trip double formatter gives), and nothing is allocated per row.
/// </summary>
internal sealed class CsvTableWriter : TableWriter
{
    private const int BufferSize = 1 << 16;

    /// <summary>The largest magnitude written through the integer formatter: from 10^15 on, the round-trip format uses an exponent.</summary>
    private const double IntegerFormatLimit = 1e15;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly TextWriter? _text;
    private readonly byte[] _delimiter;
    private readonly SearchValues<char> _special;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;

    /// <summary>A writer of UTF-8 bytes on <paramref name="stream"/>.</summary>
    public CsvTableWriter(Stream stream, IReadOnlyList<TableColumn> columns, bool ownsStream, char delimiter = ',')
        : this(stream, null, ownsStream, columns, delimiter)
    {
    }

    private CsvTableWriter(Stream stream, TextWriter? text, bool ownsStream, IReadOnlyList<TableColumn> columns, char delimiter)
        : base(columns)
    {
        _stream = stream;
        _text = text;
        _ownsStream = ownsStream;
        _delimiter = Encoding.UTF8.GetBytes([delimiter]);
        _special = SearchValues.Create([delimiter, '"', '\r', '\n']);
        for (int c = 0; c < columns.Count; c++)
        {
            Separator(c);
            WriteText(columns[c].Name);
        }
        Byte((byte)'\n');
    }

    /// <summary>
    /// A writer on text. A <see cref="StreamWriter"/> that encodes UTF-8 without a byte-order mark (the CLI's
    /// files and standard output) is flushed and bypassed: the bytes go to its stream. Any other writer receives
    /// the text decoded from the bytes.
    /// </summary>
    public static CsvTableWriter OnText(TextWriter writer, IReadOnlyList<TableColumn> columns, char delimiter)
    {
        if (writer is StreamWriter { Encoding: UTF8Encoding utf8 } streamWriter && utf8.GetPreamble().Length == 0
            && utf8.EncoderFallback is EncoderReplacementFallback { DefaultString: "\uFFFD" })
        {
            streamWriter.Flush();
            return new CsvTableWriter(streamWriter.BaseStream, writer, ownsStream: false, columns, delimiter);
        }
        return new CsvTableWriter(new TextWriterUtf8Stream(writer), writer, ownsStream: false, columns, delimiter);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Space(int length)
    {
        if (BufferSize - _used < length)
        {
            FlushBuffer();
        }
        return _buffer.AsSpan(_used);
    }

    private void FlushBuffer()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Byte(byte value)
    {
        if (_used == BufferSize)
        {
            FlushBuffer();
        }
        _buffer[_used++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separator(int column)
    {
        if (column > 0)
        {
            if (_delimiter.Length == 1)
            {
                Byte(_delimiter[0]);
            }
            else
            {
                _delimiter.CopyTo(Space(_delimiter.Length));
                _used += _delimiter.Length;
            }
        }
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(_special) < 0 && (text.IsEmpty || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]))))
        {
            Transcode(text);
            return;
        }
        Byte((byte)'"');
        int quote;
        while ((quote = text.IndexOf('"')) >= 0)
        {
            Transcode(text[..(quote + 1)]);
            Byte((byte)'"');
            text = text[(quote + 1)..];
        }
        Transcode(text);
        Byte((byte)'"');
    }

    /// <summary>UTF-16 to UTF-8 into the buffer; a lone surrogate becomes U+FFFD, as a <see cref="StreamWriter"/> writes it.</summary>
    private void Transcode(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var status = System.Text.Unicode.Utf8.FromUtf16(text, Space(Math.Min(text.Length * 3, BufferSize)), out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            _used += written;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return;
            }
            text = text[read..];
            FlushBuffer();
        }
    }

    /// <summary>
    /// Formats a number as the shortest text that reads back to it (invariant culture; an infinity is
    /// <c>Infinity</c>, which reads back); whole numbers below 10^15 through the integer formatter, which gives
    /// the same text faster. NaN writes nothing. <paramref name="destination"/> needs 32 bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int FormatNumber(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }
        int n;
        if (Math.Abs(value) < IntegerFormatLimit && value == Math.Truncate(value) && !(value == 0 && double.IsNegative(value)))
        {
            ((long)value).TryFormat(destination, out n, default, CultureInfo.InvariantCulture);
        }
        else
        {
            value.TryFormat(destination, out n, default, CultureInfo.InvariantCulture);
        }
        return n;
    }

    private protected override void OnWrite(int column, double value)
    {
        Separator(column);
        var space = Space(32); // before the += reads _used: Space may flush
        _used += FormatNumber(value, space);
    }

    /// <summary>The bytes <see cref="FormatRun"/> may need for <paramref name="count"/> numbers.</summary>
    internal int RunCapacity(int count) => count * (32 + _delimiter.Length);

    /// <summary>Formats consecutive number cells (delimiters between them, none before) into <paramref name="destination"/>.</summary>
    internal int FormatRun(ReadOnlySpan<double> values, Span<byte> destination)
    {
        int n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                _delimiter.CopyTo(destination[n..]);
                n += _delimiter.Length;
            }
            n += FormatNumber(values[i], destination[n..]);
        }
        return n;
    }

    private protected override void OnWrite(int column, ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }
        Separator(column);
        int needed = RunCapacity(values.Length);
        if (needed <= BufferSize)
        {
            var space = Space(needed); // before the += reads _used: Space may flush
            _used += FormatRun(values, space);
            return;
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                Separator(column + i);
            }
            var space = Space(32);
            _used += FormatNumber(values[i], space);
        }
    }

    /// <summary>Writes cells already formatted by <see cref="FormatRun"/> (the text of an equal run), starting at <paramref name="column"/>.</summary>
    internal void OnWriteFormatted(int column, ReadOnlySpan<byte> text)
    {
        Separator(column);
        if (text.Length > BufferSize)
        {
            FlushBuffer();
            _stream.Write(text);
            return;
        }
        text.CopyTo(Space(text.Length));
        _used += text.Length;
    }

    private protected override void OnWrite(int column, long value)
    {
        Separator(column);
        value.TryFormat(Space(24), out int n, default, CultureInfo.InvariantCulture);
        _used += n;
    }

    private protected override void OnWrite(int column, bool value)
    {
        Separator(column);
        var text = value ? "true"u8 : "false"u8;
        text.CopyTo(Space(text.Length));
        _used += text.Length;
    }

    private protected override void OnWrite(int column, ReadOnlySpan<char> value)
    {
        Separator(column);
        WriteText(value);
    }

    private protected override void OnWriteNull(int column) => Separator(column);

    private protected override void OnEndRow() => Byte((byte)'\n');

    private protected override void OnComplete()
    {
        FlushBuffer();
        _stream.Flush();
        if (_text is not null)
        {
            _text.Flush();
        }
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}

internal sealed class JsonTableWriter : TableWriter
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText[] _names;

    public JsonTableWriter(Stream stream, IReadOnlyList<TableColumn> columns, bool leaveOpen)
        : base(columns)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        _names = columns.Select(c => JsonEncodedText.Encode(c.Name)).ToArray();
        _json.WriteStartArray();
    }

    private void Name(int column)
    {
        if (column == 0)
        {
            _json.WriteStartObject();
        }
        _json.WritePropertyName(_names[column]);
    }

    private protected override void OnWrite(int column, double value)
    {
        Name(column);
        if (double.IsFinite(value))
        {
            _json.WriteNumberValue(value);
        }
        else
        {
            _json.WriteNullValue();
        }
    }

    private protected override void OnWrite(int column, long value)
    {
        Name(column);
        _json.WriteNumberValue(value);
    }

    private protected override void OnWrite(int column, bool value)
    {
        Name(column);
        _json.WriteBooleanValue(value);
    }

    private protected override void OnWrite(int column, ReadOnlySpan<char> value)
    {
        Name(column);
        _json.WriteStringValue(value);
    }

    private protected override void OnWriteNull(int column)
    {
        Name(column);
        _json.WriteNullValue();
    }

    private protected override void OnEndRow()
    {
        _json.WriteEndObject();
        if (_json.BytesPending > 1 << 16)
        {
            _json.Flush();
        }
    }

    private protected override void OnComplete()
    {
        _json.WriteEndArray();
        _json.Flush();
        _stream.Write("\n"u8);
        _stream.Flush();
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}

internal sealed class ParquetTableWriter : TableWriter
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly DataField[] _fields;
    private readonly ParquetWriter _parquet;
    private readonly double?[][] _numbers;
    private readonly long?[][] _integers;
    private readonly bool?[][] _flags;
    private readonly string?[][] _texts;
    private int _rows;

    public ParquetTableWriter(Stream stream, IReadOnlyList<TableColumn> columns, bool leaveOpen)
        : base(columns)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _fields = columns.Select(c => c.Type switch
        {
            TableColumnType.Number => (DataField)new DataField<double?>(c.Name),
            TableColumnType.Integer => new DataField<long?>(c.Name),
            TableColumnType.Boolean => new DataField<bool?>(c.Name),
            _ => new DataField<string>(c.Name),
        }).ToArray();
        _numbers = new double?[columns.Count][];
        _integers = new long?[columns.Count][];
        _flags = new bool?[columns.Count][];
        _texts = new string?[columns.Count][];
        for (int c = 0; c < columns.Count; c++)
        {
            switch (columns[c].Type)
            {
                case TableColumnType.Number: _numbers[c] = new double?[ParquetRowGroupSize]; break;
                case TableColumnType.Integer: _integers[c] = new long?[ParquetRowGroupSize]; break;
                case TableColumnType.Boolean: _flags[c] = new bool?[ParquetRowGroupSize]; break;
                default: _texts[c] = new string?[ParquetRowGroupSize]; break;
            }
        }
        _parquet = ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream, new ParquetOptions(), append: false).GetAwaiter().GetResult();
    }

    private InvalidOperationException Mismatch(int column, string what) =>
        new($"column '{Columns[column].Name}' holds {Columns[column].Type} values, not {what}");

    private protected override void OnWrite(int column, double value)
    {
        if (_numbers[column] is { } numbers)
        {
            numbers[_rows] = double.IsNaN(value) ? null : value;
        }
        else if (_integers[column] is { } integers && value == Math.Floor(value) && Math.Abs(value) < 9e15)
        {
            integers[_rows] = (long)value;
        }
        else
        {
            throw Mismatch(column, "a fractional number");
        }
    }

    private protected override void OnWrite(int column, long value)
    {
        if (_integers[column] is { } integers)
        {
            integers[_rows] = value;
        }
        else if (_numbers[column] is { } numbers)
        {
            numbers[_rows] = value;
        }
        else
        {
            throw Mismatch(column, "a whole number");
        }
    }

    private protected override void OnWrite(int column, bool value)
    {
        if (_flags[column] is not { } flags)
        {
            throw Mismatch(column, "a flag");
        }
        flags[_rows] = value;
    }

    private protected override void OnWrite(int column, ReadOnlySpan<char> value)
    {
        if (_texts[column] is not { } texts)
        {
            throw Mismatch(column, "text");
        }
        texts[_rows] = value.ToString();
    }

    private protected override void OnWriteNull(int column)
    {
        if (_numbers[column] is { } n) n[_rows] = null;
        else if (_integers[column] is { } i) i[_rows] = null;
        else if (_flags[column] is { } f) f[_rows] = null;
        else _texts[column][_rows] = null;
    }

    private protected override void OnEndRow()
    {
        if (++_rows == ParquetRowGroupSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }
        using var group = _parquet.CreateRowGroup();
        for (int c = 0; c < _fields.Length; c++)
        {
            var task = _numbers[c] is { } n ? group.WriteAsync(_fields[c], new ReadOnlyMemory<double?>(n, 0, _rows))
                : _integers[c] is { } i ? group.WriteAsync(_fields[c], new ReadOnlyMemory<long?>(i, 0, _rows))
                : _flags[c] is { } f ? group.WriteAsync(_fields[c], new ReadOnlyMemory<bool?>(f, 0, _rows))
                : group.WriteAsync(_fields[c], new ArraySegment<string?>(_texts[c], 0, _rows)!);
            task.GetAwaiter().GetResult();
        }
        _rows = 0;
    }

    private protected override void OnComplete()
    {
        Flush();
        _parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}

/// <summary>A write-only stream that decodes UTF-8 bytes into a <see cref="TextWriter"/>.</summary>
internal sealed class TextWriterUtf8Stream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[1 << 14];

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => writer.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int needed = _decoder.GetCharCount(buffer, flush: false);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }
        int n = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, n);
    }
}
