using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CsMetrics.Cli;

/// <summary>
/// Tabular input read from CSV (a header row, RFC 4180 quoting, invariant culture) or from JSON
/// (an array of flat objects whose property names are the columns). Typed readers record a located
/// <see cref="InputProblem"/> instead of throwing, so a command can report every bad cell at once.
/// </summary>
internal sealed class InputTable
{
    private readonly Dictionary<string, int> _columnIndex;
    private readonly List<string?[]> _cells;
    private readonly List<int> _rowNumbers;

    private InputTable(string source, IReadOnlyList<string> columns, List<string?[]> cells, List<int> rowNumbers)
    {
        Source = source;
        Columns = columns;
        _cells = cells;
        _rowNumbers = rowNumbers;
        _columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < columns.Count; i++)
        {
            _columnIndex.TryAdd(columns[i], i);
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
        var text = c < row.Length ? row[c] : null;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

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
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            problems.Add(Source, RowNumber(index), column, $"'{text}' is not a number (use '.' for decimals)");
            return double.NaN;
        }
        bool belowMin = minExclusive ? value <= min : value < min;
        if (belowMin || value > max)
        {
            string lower = minExclusive ? $"> {Format(min)}" : $">= {Format(min)}";
            string range = double.IsPositiveInfinity(max) ? lower : $"{lower} and <= {Format(max)}";
            problems.Add(Source, RowNumber(index), column, $"{text} is out of range: must be {range}");
            return double.NaN;
        }
        return value;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads CSV with a header row. Blank lines are skipped; a row with more cells than the header is a problem.</summary>
    public static InputTable ParseCsv(TextReader reader, string source)
    {
        var problems = new InputProblems();
        var records = ReadRecords(reader, source, problems);
        problems.ThrowIfAny();
        if (records.Count == 0)
        {
            throw new InputException(source, "the input is empty: a header row is required");
        }
        var header = records[0].Fields.Select(f => (f ?? "").Trim()).ToArray();
        var cells = new List<string?[]>(records.Count - 1);
        var rowNumbers = new List<int>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length > header.Length)
            {
                problems.Add(source, line, null, $"has {fields.Length} cells but the header has {header.Length} columns");
                continue;
            }
            cells.Add(fields);
            rowNumbers.Add(line);
        }
        problems.ThrowIfAny();
        return new InputTable(source, header, cells, rowNumbers);
    }

    /// <summary>Reads a JSON array of flat objects; property names are the columns, the element's position is the row.</summary>
    public static InputTable ParseJson(TextReader reader, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reader.ReadToEnd(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InputException([new InputProblem(source, (int?)(ex.LineNumber + 1), null, $"invalid JSON: {ex.Message}")]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputException(source, "expected a JSON array of objects, one per row");
            }
            var columns = new List<string>();
            var known = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var objects = new List<Dictionary<int, string?>>();
            var problems = new InputProblems();
            int position = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                position++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(source, position, null, "expected an object");
                    continue;
                }
                var row = new Dictionary<int, string?>();
                foreach (var property in element.EnumerateObject())
                {
                    if (!known.TryGetValue(property.Name, out int c))
                    {
                        c = columns.Count;
                        known[property.Name] = c;
                        columns.Add(property.Name);
                    }
                    row[c] = property.Value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => property.Value.GetString(),
                        _ => property.Value.GetRawText(),
                    };
                }
                objects.Add(row);
            }
            problems.ThrowIfAny();
            var cells = objects.Select(o =>
            {
                var cellsOfRow = new string?[columns.Count];
                foreach (var (c, v) in o)
                {
                    cellsOfRow[c] = v;
                }
                return cellsOfRow;
            }).ToList();
            return new InputTable(source, columns, cells, Enumerable.Range(1, cells.Count).ToList());
        }
    }

    private static List<(int Line, string?[] Fields)> ReadRecords(TextReader reader, string source, InputProblems problems)
    {
        var records = new List<(int, string?[])>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        int line = 1;
        int recordStart = 1;
        bool inQuotes = false;
        bool fieldWasQuoted = false;
        bool recordHasContent = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            if (recordHasContent)
            {
                records.Add((recordStart, fields.ToArray()));
            }
            fields.Clear();
            recordHasContent = false;
        }

        int ch;
        while ((ch = reader.Read()) != -1)
        {
            char c = (char)ch;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    recordHasContent = true;
                    break;
                case ',':
                    EndField();
                    recordHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordStart = line;
                    break;
                default:
                    if (c == '\uFEFF' && line == 1 && field.Length == 0 && fields.Count == 0)
                    {
                        break; // byte-order mark
                    }
                    field.Append(c);
                    if (!char.IsWhiteSpace(c))
                    {
                        recordHasContent = true;
                    }
                    break;
            }
        }
        if (inQuotes)
        {
            problems.Add(source, recordStart, null, "a quoted field is not closed");
        }
        EndRecord();
        return records;
    }
}
