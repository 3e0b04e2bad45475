using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CsMetrics.Data;

/// <summary>
/// A JSON array of flat objects, read token by token from a stream (memory bounded by the largest
/// object, not the array). Keys are the columns; each object is a row, numbered by its position.
/// </summary>
internal sealed class JsonTableReader : TableReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(ReaderOptions);

    private readonly List<string> _columns = [];
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private string?[] _cells = new string?[8];
    private long[] _stamp = new long[8];
    private long _position;
    private bool _pending;
    private bool _done;

    // The token just read.
    private JsonTokenType _token;
    private string? _value;
    private bool _valueValid;

    public JsonTableReader(Stream stream, string source, TableReadOptions options, bool leaveOpen)
        : base(source, TableFormat.Json, options)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        try
        {
            SkipByteOrderMark();
            if (IsBlank() || !Next())
            {
                throw new TableFormatException([new TableProblem(Source, null, null, "the input is empty: expected a JSON array of objects, one per row")]);
            }
            if (_token != JsonTokenType.StartArray)
            {
                throw new TableFormatException([new TableProblem(Source, null, null, "expected a JSON array of objects, one per row")]);
            }
            // Read the first object now, so that Columns holds its keys before the first MoveNext.
            _pending = ReadElement();
        }
        catch
        {
            Dispose(true);
            throw;
        }
    }

    public override IReadOnlyList<string> Columns => _columns;

    public override int ColumnIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _index.TryGetValue(name, out int c) ? c : AddColumn(name, seen: false);
    }

    public override bool HasColumn(string name) => _seen.Contains(name);

    public override bool MoveNext()
    {
        if (_pending)
        {
            _pending = false;
            RowsRead++;
            return true;
        }
        if (ReadElement())
        {
            RowsRead++;
            return true;
        }
        return false;
    }

    public override ReadOnlySpan<char> GetText(int column) =>
        (uint)column < (uint)_columns.Count && _stamp[column] == _position ? _cells[column].AsSpan().Trim() : [];

    /// <summary>Reads array elements until one is a usable object (true) or the array ends (false).</summary>
    private bool ReadElement()
    {
        while (!_done)
        {
            if (!Next())
            {
                Fail("the JSON array is not closed");
            }
            if (_token == JsonTokenType.EndArray)
            {
                _done = true;
                if (Next())
                {
                    Fail("unexpected content after the JSON array");
                }
                break;
            }
            _position++;
            RowNumber = _position;
            if (_token != JsonTokenType.StartObject)
            {
                AddProblem(_position, null, $"expected an object, got {Describe(_token)}");
                SkipValue();
                continue;
            }
            if (ReadObject())
            {
                return true;
            }
        }
        RowNumber = 0;
        return false;
    }

    /// <summary>Reads one object's properties into the cells; false when the row had a problem (recorded).</summary>
    private bool ReadObject()
    {
        bool ok = true;
        while (true)
        {
            Require();
            if (_token == JsonTokenType.EndObject)
            {
                return ok;
            }
            string name = _value!;
            if (!_valueValid)
            {
                AddProblem(_position, null, $"a key: {CsvTableReader.Utf8Message}");
                ok = false;
            }
            int c = _index.TryGetValue(name, out int known) ? known : AddColumn(name, seen: true);
            _seen.Add(name);
            if (_stamp[c] == _position)
            {
                AddProblem(_position, name, string.Equals(_columns[c], name, StringComparison.Ordinal)
                    ? "the key appears twice in this object; keys must be unique"
                    : $"'{_columns[c]}' and '{name}' differ only in case; keys must be unique, ignoring case");
                ok = false;
            }
            _stamp[c] = _position;
            Require();
            switch (_token)
            {
                case JsonTokenType.String:
                case JsonTokenType.Number:
                    _cells[c] = _value;
                    if (!_valueValid)
                    {
                        AddProblem(_position, name, CsvTableReader.Utf8Message);
                        ok = false;
                    }
                    break;
                case JsonTokenType.True:
                    _cells[c] = "true";
                    break;
                case JsonTokenType.False:
                    _cells[c] = "false";
                    break;
                case JsonTokenType.Null:
                    _cells[c] = null;
                    break;
                default:
                    AddProblem(_position, name, $"expected a plain value (a string, number, true, false or null), got {Describe(_token)}");
                    SkipValue();
                    ok = false;
                    break;
            }
        }
    }

    private int AddColumn(string name, bool seen)
    {
        int c = _columns.Count;
        _columns.Add(name);
        _index[name] = c;
        if (c == _cells.Length)
        {
            Array.Resize(ref _cells, c * 2);
            Array.Resize(ref _stamp, c * 2);
        }
        if (seen)
        {
            _seen.Add(name);
        }
        return c;
    }

    /// <summary>Skips the rest of a value whose first token was just read.</summary>
    private void SkipValue()
    {
        int depth = _token is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : 0;
        while (depth > 0)
        {
            Require();
            if (_token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (_token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
            }
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private void Require()
    {
        if (!Next())
        {
            Fail("the JSON ends inside an object");
        }
    }

    /// <summary>Reads the next token into <see cref="_token"/> and <see cref="_value"/>; false at the end of the input.</summary>
    private bool Next()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (JsonException ex)
            {
                Fail($"invalid JSON (line {ex.LineNumber + 1}): {ex.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ')}");
                return false;
            }
            if (read)
            {
                _token = reader.TokenType;
                _value = null;
                _valueValid = true;
                if (_token is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number)
                {
                    var raw = reader.ValueSpan;
                    _valueValid = Utf8.IsValid(raw);
                    _value = _token == JsonTokenType.Number ? Encoding.UTF8.GetString(raw)
                        : _valueValid ? reader.GetString()
                        : Encoding.UTF8.GetString(raw);
                }
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }
            if (_final)
            {
                return false;
            }
            Refill((int)reader.BytesConsumed);
        }
    }

    private void Refill(int consumed)
    {
        _start += consumed;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // one token larger than the buffer
        }
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _final = true;
        }
        _end += n;
    }

    private void SkipByteOrderMark()
    {
        while (_end < 3 && !_final)
        {
            Refill(0);
        }
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
        }
    }

    /// <summary>True when the input holds nothing but white space (reads ahead as far as it must).</summary>
    private bool IsBlank()
    {
        int i = _start;
        while (true)
        {
            for (; i < _end; i++)
            {
                if (_buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
            if (_final)
            {
                return true;
            }
            int offset = i - _start;
            Refill(0);
            i = _start + offset;
        }
    }

    private void Fail(string message)
    {
        AddProblem(_position == 0 ? null : _position, null, message);
        throw new TableFormatException(Problems, OmittedProblemCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _stream.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>A read-only stream of the UTF-8 bytes of a <see cref="TextReader"/>'s text.</summary>
internal sealed class TextReaderUtf8Stream(TextReader reader) : Stream
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[1 << 14];

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so read at most count / 3 characters.
        int max = Math.Min(_chars.Length, Math.Max(1, count / 3));
        if (count < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "read at least 3 bytes at a time");
        }
        while (true)
        {
            int n = reader.Read(_chars, 0, max);
            int bytes = _encoder.GetBytes(_chars, 0, n, buffer, offset, flush: n == 0);
            if (bytes > 0 || n == 0)
            {
                return bytes; // zero bytes from a non-empty read: a lone high surrogate held for the next read
            }
        }
    }
}
