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
    /// <summary>Formats as <c>file: row 3, column 'aht_s': message</c>, leaving out the parts that are not known.</summary>
    public override string ToString() => (Row, Column) switch
    {
        (long row, string column) => $"{Source}: row {row}, column '{column}': {Message}",
        (long row, null) => $"{Source}: row {row}: {Message}",
        (null, string column) => $"{Source}: column '{column}': {Message}",
        _ => $"{Source}: {Message}",
    };
}
