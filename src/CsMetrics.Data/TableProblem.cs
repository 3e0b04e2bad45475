namespace CsMetrics.Data;

/// <summary>
/// One problem with a table, located as precisely as it is known: the source (a file name, or a
/// name the caller gives a stream), the row and the column.
/// </summary>
/// <remarks>
/// Rows are what a person finds in the file: for CSV the file's line number where the record starts
/// (the header is row 1, blank lines count); for JSON the 1-based position of the object in the array;
/// for Parquet the 1-based row position. <see cref="ToString"/> prints the form the <c>csmetrics</c>
/// command line uses: <c>file: row 3, column 'aht_s': message</c>. Immutable and thread-safe.
/// </remarks>
/// <param name="Source">The file name or stream name used in messages.</param>
/// <param name="Row">The row (see remarks), or null when the problem is not about one row.</param>
/// <param name="Column">The column name as the table spells it, or null when the problem is not about one column.</param>
/// <param name="Message">What is wrong, and where useful what to do about it.</param>
public sealed record TableProblem(string Source, long? Row, string? Column, string Message)
{
    /// <summary>
    /// What <see cref="Column"/> names, as printed: "column" (the default) for a table's column, "field" for the
    /// path of a field in a JSON document such as <c>templates[0].cost</c>.
    /// </summary>
    public string ColumnKind { get; init; } = "column";

    /// <summary>
    /// Formats as <c>file: row 3, column 'aht_s': message</c>, leaving out the parts that are not known. Always one
    /// line: control characters from the input (a quoted cell may hold a line break) are shown escaped.
    /// </summary>
    public override string ToString() => OneLine((Row, Column) switch
    {
        (long row, string column) => $"{Source}: row {row}, {ColumnKind} '{column}': {Message}",
        (long row, null) => $"{Source}: row {row}: {Message}",
        (null, string column) => $"{Source}: {ColumnKind} '{column}': {Message}",
        _ => $"{Source}: {Message}",
    });

    /// <summary>Escapes line breaks, tabs and other control characters (<c>\n</c>, <c>\u0001</c>) so a message stays on one line.</summary>
    /// <param name="text">Any text.</param>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !text.Contains('\u007F'))
        {
            return text;
        }
        var line = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            line.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return line.ToString();
    }
}
