using System.Buffers;
using System.Globalization;
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
            TableFormat.Csv => new CsvTableWriter(new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen), columns, ownsWriter: true),
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
        return new CsvTableWriter(writer, columns, ownsWriter: false, delimiter);
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

internal sealed class CsvTableWriter : TableWriter
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly char _delimiter;
    private readonly SearchValues<char> _special;
    private readonly char[] _number = new char[32];

    public CsvTableWriter(TextWriter writer, IReadOnlyList<TableColumn> columns, bool ownsWriter, char delimiter = ',')
        : base(columns)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _delimiter = delimiter;
        _special = SearchValues.Create([delimiter, '"', '\r', '\n']);
        for (int c = 0; c < columns.Count; c++)
        {
            Separator(c);
            WriteText(columns[c].Name);
        }
        _writer.Write('\n');
    }

    private void Separator(int column)
    {
        if (column > 0)
        {
            _writer.Write(_delimiter);
        }
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(_special) < 0 && (text.IsEmpty || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]))))
        {
            _writer.Write(text);
            return;
        }
        _writer.Write('"');
        foreach (var c in text)
        {
            if (c == '"')
            {
                _writer.Write('"');
            }
            _writer.Write(c);
        }
        _writer.Write('"');
    }

    private protected override void OnWrite(int column, double value)
    {
        Separator(column);
        if (!double.IsNaN(value))
        {
            value.TryFormat(_number, out int n, default, CultureInfo.InvariantCulture); // an infinity is "Infinity", which reads back
            _writer.Write(_number, 0, n);
        }
    }

    private protected override void OnWrite(int column, long value)
    {
        Separator(column);
        value.TryFormat(_number, out int n, default, CultureInfo.InvariantCulture);
        _writer.Write(_number, 0, n);
    }

    private protected override void OnWrite(int column, bool value)
    {
        Separator(column);
        _writer.Write(value ? "true" : "false");
    }

    private protected override void OnWrite(int column, ReadOnlySpan<char> value)
    {
        Separator(column);
        WriteText(value);
    }

    private protected override void OnWriteNull(int column) => Separator(column);

    private protected override void OnEndRow() => _writer.Write('\n');

    private protected override void OnComplete()
    {
        _writer.Flush();
        if (_ownsWriter)
        {
            _writer.Dispose();
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
