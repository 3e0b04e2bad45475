using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace CsMetrics.Data;

/// <summary>
/// Parquet through Parquet.Net, one row group in memory at a time. Numeric, boolean, string, date and
/// timestamp columns are read; numbers keep their binary value (no text round trip).
/// </summary>
internal sealed class ParquetTableReader : TableReader
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ParquetReader _parquet;
    private readonly DataField[] _fields;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly Column[] _data;
    private int _group = -1;
    private int _groupRows;
    private int _row = -1;

    private ParquetTableReader(Stream stream, bool ownsStream, ParquetReader parquet, string source, TableReadOptions options)
        : base(source, TableFormat.Parquet, options)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _parquet = parquet;
        var problems = new List<TableProblem>();
        var fields = new List<DataField>();
        foreach (var field in parquet.Schema.Fields)
        {
            if (field is DataField data && !data.IsArray && data.MaxRepetitionLevel == 0)
            {
                if (Column.Supports(data.ClrType))
                {
                    fields.Add(data);
                }
                else
                {
                    problems.Add(new TableProblem(Source, null, field.Name, $"the Parquet type {Column.Describe(data.ClrType)} is not supported (numbers, booleans, strings, dates and timestamps are)"));
                }
            }
            else
            {
                problems.Add(new TableProblem(Source, null, field.Name, "is nested or repeated; only flat columns are read"));
            }
        }
        _fields = [.. fields];
        _columns = _fields.Select(f => f.Name).ToArray();
        for (int c = 0; c < _columns.Length; c++)
        {
            if (_index.TryGetValue(_columns[c], out int first))
            {
                problems.Add(new TableProblem(Source, null, _columns[c], CsvTableReader.DuplicateMessage(_columns[first], first, _columns[c], c)));
            }
            else
            {
                _index[_columns[c]] = c;
            }
        }
        if (problems.Count > 0)
        {
            throw new TableFormatException(problems);
        }
        _data = _fields.Select(f => new Column(f)).ToArray();
    }

    internal static ParquetTableReader Create(Stream stream, string source, TableReadOptions options, bool leaveOpen)
    {
        bool owns = !leaveOpen;
        if (!stream.CanSeek)
        {
            // Parquet's footer is at the end: a pipe is spooled to a temporary file first (memory stays flat).
            var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            stream.CopyTo(copy);
            copy.Position = 0;
            if (!leaveOpen)
            {
                stream.Dispose();
            }
            stream = copy;
            owns = true;
        }
        ParquetReader parquet;
        try
        {
            parquet = ParquetReader.CreateAsync(stream, new ParquetOptions { TreatByteArrayAsString = true }, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            if (owns)
            {
                stream.Dispose();
            }
            throw new TableFormatException([new TableProblem(source, null, null, $"not a readable Parquet file: {ex.Message}")]);
        }
        try
        {
            return new ParquetTableReader(stream, owns, parquet, source, options);
        }
        catch
        {
            parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (owns)
            {
                stream.Dispose();
            }
            throw;
        }
    }

    public override IReadOnlyList<string> Columns => _columns;

    public override int ColumnIndex(string name) => _index.TryGetValue(name, out int c) ? c : -1;

    public override bool HasColumn(string name) => _index.ContainsKey(name);

    public override bool MoveNext()
    {
        while (++_row >= _groupRows)
        {
            if (++_group >= _parquet.RowGroupCount)
            {
                _row = _groupRows = 0;
                RowNumber = 0;
                return false;
            }
            using var group = _parquet.OpenRowGroupReader(_group);
            _groupRows = checked((int)group.RowCount);
            foreach (var column in _data)
            {
                column.Read(group, _groupRows);
            }
            _row = -1;
        }
        RowNumber++;
        RowsRead++;
        return true;
    }

    public override bool IsEmpty(int column) => (uint)column >= (uint)_data.Length || _data[column].IsNull(_row);

    public override ReadOnlySpan<char> GetText(int column) =>
        (uint)column < (uint)_data.Length ? _data[column].Text(_row, Scratch(40)) : [];

    public override bool TryGetDouble(int column, out double value)
    {
        if ((uint)column < (uint)_data.Length && _data[column].IsNumeric)
        {
            value = _data[column].Number(_row);
            if (double.IsFinite(value))
            {
                return true;
            }
            value = double.NaN;
            return false;
        }
        return base.TryGetDouble(column, out value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (_ownsStream)
            {
                _stream.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    /// <summary>One column's values in the current row group: numbers as doubles, others as text or times.</summary>
    private sealed class Column(DataField field)
    {
        private readonly Kind _kind = KindOf(field.ClrType);
        private double[] _numbers = [];
        private bool[] _present = [];
        private string?[] _strings = [];
        private DateTime[] _times = [];
        private DateTimeOffset[] _offsets = [];

        private enum Kind { Double, Float, Int, Long, Short, Byte, SByte, UShort, UInt, ULong, Decimal, Boolean, String, DateTime, DateTimeOffset, DateOnly, Unsupported }

        public bool IsNumeric => _kind is not (Kind.String or Kind.DateTime or Kind.DateTimeOffset or Kind.DateOnly or Kind.Boolean);

        public static bool Supports(Type type) => KindOf(type) != Kind.Unsupported;

        public static string Describe(Type type) => type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}>" : type.Name;

        private static Kind KindOf(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type == typeof(double) ? Kind.Double
                : type == typeof(float) ? Kind.Float
                : type == typeof(int) ? Kind.Int
                : type == typeof(long) ? Kind.Long
                : type == typeof(short) ? Kind.Short
                : type == typeof(byte) ? Kind.Byte
                : type == typeof(sbyte) ? Kind.SByte
                : type == typeof(ushort) ? Kind.UShort
                : type == typeof(uint) ? Kind.UInt
                : type == typeof(ulong) ? Kind.ULong
                : type == typeof(decimal) ? Kind.Decimal
                : type == typeof(bool) ? Kind.Boolean
                : type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(ReadOnlyMemory<byte>) ? Kind.String
                : type == typeof(DateTime) ? Kind.DateTime
                : type == typeof(DateTimeOffset) ? Kind.DateTimeOffset
                : type == typeof(DateOnly) ? Kind.DateOnly
                : Kind.Unsupported;
        }

        public void Read(ParquetRowGroupReader group, int rows)
        {
            if (_present.Length < rows)
            {
                _present = new bool[rows];
            }
            switch (_kind)
            {
                case Kind.Double: ReadNumbers<double>(group, rows, v => v); break;
                case Kind.Float: ReadNumbers<float>(group, rows, v => v); break;
                case Kind.Int: ReadNumbers<int>(group, rows, v => v); break;
                case Kind.Long: ReadNumbers<long>(group, rows, v => v); break;
                case Kind.Short: ReadNumbers<short>(group, rows, v => v); break;
                case Kind.Byte: ReadNumbers<byte>(group, rows, v => v); break;
                case Kind.SByte: ReadNumbers<sbyte>(group, rows, v => v); break;
                case Kind.UShort: ReadNumbers<ushort>(group, rows, v => v); break;
                case Kind.UInt: ReadNumbers<uint>(group, rows, v => v); break;
                case Kind.ULong: ReadNumbers<ulong>(group, rows, v => v); break;
                case Kind.Decimal: ReadNumbers<decimal>(group, rows, v => (double)v); break;
                case Kind.Boolean: ReadNumbers<bool>(group, rows, v => v ? 1 : 0); break;
                case Kind.DateTime: _times = ReadValues<DateTime>(group, rows, _times); break;
                case Kind.DateTimeOffset: _offsets = ReadValues<DateTimeOffset>(group, rows, _offsets); break;
                case Kind.DateOnly:
                    var dates = ReadValues<DateOnly>(group, rows, []);
                    _times = new DateTime[rows];
                    for (int i = 0; i < rows; i++)
                    {
                        _times[i] = dates[i].ToDateTime(TimeOnly.MinValue);
                    }
                    break;
                case Kind.String:
                    if (_strings.Length < rows)
                    {
                        _strings = new string?[rows];
                    }
                    group.ReadAsync(field, _strings.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
                    for (int i = 0; i < rows; i++)
                    {
                        _present[i] = _strings[i] is not null;
                    }
                    break;
            }
        }

        private void ReadNumbers<T>(ParquetRowGroupReader group, int rows, Func<T, double> convert)
            where T : struct
        {
            if (_numbers.Length < rows)
            {
                _numbers = new double[rows];
            }
            var values = ReadNullable<T>(group, rows);
            for (int i = 0; i < rows; i++)
            {
                _numbers[i] = values[i] is T v ? convert(v) : double.NaN;
            }
        }

        private T[] ReadValues<T>(ParquetRowGroupReader group, int rows, T[] target)
            where T : struct
        {
            if (target.Length < rows)
            {
                target = new T[rows];
            }
            var values = ReadNullable<T>(group, rows);
            for (int i = 0; i < rows; i++)
            {
                target[i] = values[i].GetValueOrDefault();
            }
            return target;
        }

        /// <summary>Reads the row group's values of this column and marks which are present.</summary>
        private T?[] ReadNullable<T>(ParquetRowGroupReader group, int rows)
            where T : struct
        {
            var values = new T?[rows];
            group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
            {
                _present[i] = values[i].HasValue;
            }
            return values;
        }

        public bool IsNull(int row) => !_present[row] || (_kind == Kind.String && string.IsNullOrWhiteSpace(_strings[row]));

        public double Number(int row) => _present[row] ? _numbers[row] : double.NaN;

        public ReadOnlySpan<char> Text(int row, Span<char> scratch)
        {
            if (!_present[row])
            {
                return [];
            }
            int written;
            switch (_kind)
            {
                case Kind.String:
                    return _strings[row].AsSpan().Trim();
                case Kind.Boolean:
                    return _numbers[row] != 0 ? "true" : "false";
                case Kind.DateTime:
                    var time = _times[row];
                    // A UTC instant keeps its 'Z'; a local (unadjusted) timestamp is written without an offset.
                    time.TryFormat(scratch, out written, time.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                    return scratch[..written];
                case Kind.DateTimeOffset:
                    _offsets[row].TryFormat(scratch, out written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
                    return scratch[..written];
                case Kind.DateOnly:
                    _times[row].TryFormat(scratch, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return scratch[..written];
                default:
                    _numbers[row].TryFormat(scratch, out written, default, CultureInfo.InvariantCulture);
                    return scratch[..written];
            }
        }
    }
}
