using System.Globalization;
using CsMetrics.Data;

namespace CsMetrics.Cli;

/// <summary>
/// A whole table in memory, for the commands that need every row at once (forecast, quality, plan).
/// A thin layer over <see cref="TableReader"/> (CsMetrics.Data), which holds every reading rule: RFC 4180,
/// duplicate columns and JSON keys, encodings, ragged rows, blank lines, numbers in one notation. Row-wise
/// commands stream through <see cref="TableReader"/> directly. Typed reads record a located
/// <see cref="InputProblem"/> instead of throwing, so a command can report every bad cell at once.
/// </summary>
internal sealed class InputTable
{
    private readonly Dictionary<string, int> _columnIndex;
    private readonly List<string?[]> _cells;
    private readonly List<int> _rowNumbers;
    private readonly NumberFormatInfo _numberFormat;
    private readonly bool _decimalComma;

    private InputTable(string source, IReadOnlyList<string> columns, List<string?[]> cells, List<int> rowNumbers, TableReadOptions options, bool textCells)
    {
        Source = source;
        Columns = columns;
        _cells = cells;
        _rowNumbers = rowNumbers;
        _decimalComma = textCells && options.DecimalComma;
        _numberFormat = _decimalComma ? options.NumberFormat : NumberFormatInfo.InvariantInfo;
        _columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i], i); // the reader has rejected duplicates; unnamed columns may repeat
        }
    }

    /// <summary>The file name, or <c>&lt;stdin&gt;</c>, used in problem messages.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Columns { get; }

    public int RowCount => _cells.Count;

    /// <summary>The row number users see for data row <paramref name="index"/> (CSV: the file line; JSON: the element's position).</summary>
    public int RowNumber(int index) => _rowNumbers[index];

    public bool HasColumn(string column) => _columnIndex.ContainsKey(column);

    /// <summary>Records a problem for each required column that is missing; returns true when all are present.</summary>
    public bool RequireColumns(InputProblems problems, params ReadOnlySpan<string> columns)
    {
        bool ok = true;
        foreach (var column in columns)
        {
            if (!HasColumn(column))
            {
                problems.Add(Source, 1, column, $"required column is missing (columns found: {string.Join(",", Columns)})");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>The raw cell text, or null when the column is absent or the cell is empty.</summary>
    public string? GetText(int index, string column)
    {
        if (!_columnIndex.TryGetValue(column, out int c))
        {
            return null;
        }
        var row = _cells[index];
        return c < row.Length ? row[c] : null;
    }

    /// <summary>Parses cell text as a number in the table's notation (invariant, or the decimal comma the options allow).</summary>
    public bool TryParseNumber(string text, out double value) => CellText.TryParseNumber(text, _numberFormat, out value);

    /// <summary>
    /// Reads a required number in [<paramref name="min"/>, <paramref name="max"/>] (or (min, max] when
    /// <paramref name="minExclusive"/>). Records a problem and returns NaN when the cell is empty, not a
    /// number, or out of range.
    /// </summary>
    public double ReadDouble(int index, string column, InputProblems problems,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        var text = GetText(index, column);
        if (text is null)
        {
            problems.Add(Source, RowNumber(index), column, "a value is required");
            return double.NaN;
        }
        return ParseDouble(index, column, text, problems, min, max, minExclusive);
    }

    /// <summary>Like <see cref="ReadDouble"/>, but an absent column or empty cell gives null (no such value).</summary>
    public double? ReadOptionalDouble(int index, string column, InputProblems problems,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        var text = GetText(index, column);
        return text is null ? null : ParseDouble(index, column, text, problems, min, max, minExclusive);
    }

    private double ParseDouble(int index, string column, string text, InputProblems problems,
        double min, double max, bool minExclusive)
    {
        if (!TryParseNumber(text, out double value))
        {
            problems.Add(Source, RowNumber(index), column, CellText.NotANumber(text, _decimalComma));
            return double.NaN;
        }
        if (CellText.CheckRange(text, value, min, max, minExclusive) is string problem)
        {
            problems.Add(Source, RowNumber(index), column, problem);
            return double.NaN;
        }
        return value;
    }

    /// <summary>Reads CSV with a header row (see <see cref="TableReader"/> for the rules).</summary>
    public static InputTable ParseCsv(TextReader reader, string source, TableReadOptions? options = null) =>
        Read(() => TableReader.OpenCsv(reader, source, options));

    /// <summary>Reads a JSON array of flat objects; property names are the columns, the element's position is the row.</summary>
    public static InputTable ParseJson(TextReader reader, string source, TableReadOptions? options = null) =>
        Read(() => TableReader.OpenJson(reader, source, options));

    /// <summary>
    /// Opens a table file as bytes (so that its encoding is checked) with <paramref name="source"/> naming it in
    /// problems. A missing or unreadable file is an <see cref="InputException"/>.
    /// </summary>
    public static TableReader OpenFile(string path, string source, TableFormat format, TableReadOptions options)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(source, "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(source, $"cannot read the file: {ex.Message}");
        }
        return TableReader.Open(stream, format, source, options);
    }

    /// <summary>
    /// Reads every row of the table <paramref name="open"/> opens. A whole-table problem (empty, duplicate columns)
    /// is an <see cref="InputException"/> at once. Row problems (a ragged row, text that does not decode) go into
    /// <paramref name="rowProblems"/> when given, and the table holds the other rows, so that the command goes on
    /// to report the value problems of later rows too; without a collector they are thrown at the end of the read.
    /// </summary>
    public static InputTable Read(Func<TableReader> open, InputProblems? rowProblems = null)
    {
        try
        {
            using var table = open();
            var cells = new List<string?[]>();
            var rowNumbers = new List<int>();
            while (table.MoveNext())
            {
                var row = new string?[table.Columns.Count];
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = table.GetString(c);
                }
                cells.Add(row);
                rowNumbers.Add(checked((int)table.RowNumber));
            }
            if (rowProblems is null)
            {
                table.ThrowIfProblems();
            }
            else if (table.HasProblems)
            {
                rowProblems.AddRange(InputException.FromTable(new TableFormatException(table.Problems, table.OmittedProblemCount)).Problems);
            }
            // JSON objects may bring new keys as they come: pad earlier rows to the final width.
            int width = table.Columns.Count;
            for (int r = 0; r < cells.Count; r++)
            {
                if (cells[r].Length < width)
                {
                    var padded = cells[r];
                    Array.Resize(ref padded, width);
                    cells[r] = padded;
                }
            }
            return new InputTable(table.Source, [.. table.Columns], cells, rowNumbers, table.Options, table.Format == TableFormat.Csv);
        }
        catch (TableFormatException ex)
        {
            throw InputException.FromTable(ex);
        }
    }
}
