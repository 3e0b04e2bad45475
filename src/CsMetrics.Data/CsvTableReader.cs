using nietras.SeparatedValues;

namespace CsMetrics.Data;

/// <summary>CSV through Sep: the header is read and checked here (Sep reads every row as data).</summary>
internal sealed class CsvTableReader : TableReader
{
    private const char Replacement = '\uFFFD';

    private readonly TextReader _text;
    private readonly bool _ownsReader;
    private readonly SepReader _sep;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private int _nextLine = 1;
    private int _cellCount;

    public CsvTableReader(TextReader text, string source, TableReadOptions options, bool ownsReader)
        : base(source, TableFormat.Csv, options)
    {
        _text = text;
        _ownsReader = ownsReader;
        try
        {
            _sep = Sep.New(options.Delimiter).Reader(o => o with
            {
                HasHeader = false,
                DisableColCountCheck = true,
                Unescape = true,
                // Sep's own float parser would accept only '.', but we parse ourselves to honour the options.
                CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
            }).From(text);
            _columns = ReadHeader();
        }
        catch
        {
            Dispose(true);
            throw;
        }
    }

    public override IReadOnlyList<string> Columns => _columns;

    public override int ColumnIndex(string name) => _index.TryGetValue(name, out int c) ? c : -1;

    public override bool HasColumn(string name) => _index.ContainsKey(name);

    private string[] ReadHeader()
    {
        while (_sep.MoveNext())
        {
            var row = _sep.Current;
            int line = _nextLine;
            _nextLine = row.LineNumberToExcl;
            if (row.Span.IsWhiteSpace())
            {
                continue;
            }
            var names = new string[row.ColCount];
            for (int c = 0; c < names.Length; c++)
            {
                var span = row[c].Span.Trim();
                if (c == 0 && span.Length > 0 && span[0] == '\uFEFF')
                {
                    span = span[1..].Trim(); // byte-order mark in already-decoded text
                }
                names[c] = span.ToString();
            }
            var problems = new List<TableProblem>();
            if (CountQuotes(row.Span) % 2 == 1)
            {
                problems.Add(new TableProblem(Source, line, null, "a quoted field is not closed"));
            }
            for (int c = 0; c < names.Length; c++)
            {
                if (names[c].Contains(Replacement))
                {
                    problems.Add(new TableProblem(Source, line, names[c], NotDecodedMessage));
                }
                if (names[c].Length == 0)
                {
                    continue; // an unnamed column (e.g. a trailing delimiter) cannot be looked up, so it is not ambiguous
                }
                if (_index.TryGetValue(names[c], out int first))
                {
                    problems.Add(new TableProblem(Source, line, names[c], DuplicateMessage(names[first], first, names[c], c)));
                }
                else
                {
                    _index[names[c]] = c;
                }
            }
            if (problems.Count > 0)
            {
                throw new TableFormatException(problems);
            }
            return names;
        }
        throw new TableFormatException([new TableProblem(Source, null, null, "the input is empty: a header row is required")]);
    }

    internal static string DuplicateMessage(string firstName, int first, string name, int second) =>
        string.Equals(firstName, name, StringComparison.Ordinal)
            ? $"the column name appears twice (columns {first + 1} and {second + 1}); column names must be unique"
            : $"'{firstName}' (column {first + 1}) and '{name}' (column {second + 1}) differ only in case; column names must be unique, ignoring case";

    internal const string Utf8Message =
        "the input is not valid UTF-8 (save the file as UTF-8, \"CSV UTF-8\" in Excel, or read it with the encoding windows-1252 if it is Excel's Windows-1252 export)";

    private string NotDecodedMessage => EncodingName is "UTF-8"
        ? Utf8Message
        : $"the input does not decode as {EncodingName}";

    public override bool MoveNext()
    {
        while (_sep.MoveNext())
        {
            var row = _sep.Current;
            int line = _nextLine;
            _nextLine = row.LineNumberToExcl;
            var span = row.Span;
            if (span.IsWhiteSpace())
            {
                continue;
            }
            if (span.Contains('"') && CountQuotes(span) % 2 == 1)
            {
                AddProblem(line, null, "a quoted field is not closed");
                continue;
            }
            if (row.ColCount > _columns.Length)
            {
                AddProblem(line, null, $"has {row.ColCount} cells but the header has {_columns.Length} columns");
                continue;
            }
            if (span.Contains(Replacement))
            {
                for (int c = 0; c < row.ColCount; c++)
                {
                    if (row[c].Span.Contains(Replacement))
                    {
                        AddProblem(line, ColumnName(c) ?? $"#{c + 1}", NotDecodedMessage);
                    }
                }
                continue;
            }
            RowNumber = line;
            RowsRead++;
            _cellCount = row.ColCount;
            return true;
        }
        _cellCount = 0;
        return false;
    }

    public override ReadOnlySpan<char> GetText(int column) =>
        (uint)column < (uint)_cellCount ? _sep.Current[column].Span.Trim() : [];

    private static int CountQuotes(ReadOnlySpan<char> span) => System.MemoryExtensions.Count(span, '"');

    // CurrentEncoding is settled once the BOM has been looked for, which Sep's first read has done.
    private string EncodingName => _text is StreamReader { CurrentEncoding: { CodePage: not 65001 } encoding } ? encoding.WebName : "UTF-8";

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sep?.Dispose();
            if (_ownsReader)
            {
                _text.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}
