namespace CsMetrics.Data;

/// <summary>The table formats CsMetrics.Data reads and writes.</summary>
public enum TableFormat
{
    /// <summary>Delimited text with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>A JSON array of flat objects whose property names are the columns.</summary>
    Json,

    /// <summary>Apache Parquet with flat (not nested, not repeated) columns.</summary>
    Parquet,
}

/// <summary>Helpers for <see cref="TableFormat"/>.</summary>
public static class TableFormats
{
    /// <summary>
    /// The format a file name implies: <c>.json</c> is JSON, <c>.parquet</c> (or <c>.pq</c>) is Parquet,
    /// anything else is CSV.
    /// </summary>
    /// <param name="path">A file name or path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static TableFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? TableFormat.Json
            : extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase) || extension.Equals(".pq", StringComparison.OrdinalIgnoreCase) ? TableFormat.Parquet
            : TableFormat.Csv;
    }
}
