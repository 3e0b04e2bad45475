using System.Globalization;
using System.Text.Json;

namespace CsMetrics.Cli;

/// <summary>
/// Writes rows as CSV (header row, invariant culture, shortest round-trip numbers, empty cell for
/// "not applicable") or as a JSON array of objects (null for "not applicable"). Cells are
/// <see cref="double"/>, <see cref="int"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="string"/> or null;
/// a NaN double is written as "not applicable".
/// </summary>
internal sealed class TableWriter
{
    private readonly string[] _columns;
    private readonly List<object?[]> _rows = [];

    public TableWriter(IEnumerable<string> columns)
    {
        _columns = columns.ToArray();
    }

    public IReadOnlyList<string> Columns => _columns;

    public void AddRow(params object?[] cells)
    {
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"expected {_columns.Length} cells, got {cells.Length}", nameof(cells));
        }
        _rows.Add(cells);
    }

    public void Write(TextWriter writer, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(writer);
        }
        else
        {
            WriteCsv(writer);
        }
    }

    private void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(',', _columns.Select(Quote)));
        foreach (var row in _rows)
        {
            writer.WriteLine(string.Join(',', row.Select(FormatCsvCell)));
        }
    }

    private void WriteJson(TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in _rows)
            {
                json.WriteStartObject();
                for (int c = 0; c < _columns.Length; c++)
                {
                    json.WritePropertyName(_columns[c]);
                    JsonOutput.WriteValue(json, row[c]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Formats one cell as CSV text: invariant culture, shortest round-trip doubles, empty for null or NaN.</summary>
    public static string FormatCsvCell(object? cell) => cell switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(cell.ToString() ?? ""),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}

/// <summary>Helpers for JSON output with the CLI's conventions: NaN and infinities become null.</summary>
internal static class JsonOutput
{
    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d:
                WriteNumberOrNull(json, d);
                break;
            case float f:
                WriteNumberOrNull(json, f);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Writes a number, or null when it is NaN or infinite (JSON has no such numbers).</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>Writes a property whose value is a number, or null when it is NaN or infinite.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        WriteNumberOrNull(json, value);
    }

    /// <summary>Runs <paramref name="write"/> against an indented UTF-8 JSON writer and copies the text to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write, System.Text.Encodings.Web.JavaScriptEncoder? encoder = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = encoder }))
        {
            write(json);
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
