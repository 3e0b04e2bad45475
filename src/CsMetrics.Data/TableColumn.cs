namespace CsMetrics.Data;

/// <summary>The kind of values a written column holds (it fixes the Parquet type and the JSON form).</summary>
public enum TableColumnType
{
    /// <summary>A floating-point number (Parquet DOUBLE; JSON number; NaN is no value; an infinity is <c>Infinity</c> in CSV, a Parquet infinity, and null in JSON).</summary>
    Number,

    /// <summary>A whole number (Parquet INT64; JSON number).</summary>
    Integer,

    /// <summary>Text (Parquet UTF-8 string; JSON string).</summary>
    Text,

    /// <summary>A flag (Parquet BOOLEAN; JSON true/false; CSV <c>true</c>/<c>false</c>).</summary>
    Boolean,
}

/// <summary>One column of a table being written: its name and the kind of its values.</summary>
/// <param name="Name">The column name, unique ignoring case.</param>
/// <param name="Type">The kind of values.</param>
public readonly record struct TableColumn(string Name, TableColumnType Type)
{
    /// <summary>A <see cref="TableColumnType.Number"/> column.</summary>
    /// <param name="name">The column name.</param>
    public static TableColumn Number(string name) => new(name, TableColumnType.Number);

    /// <summary>An <see cref="TableColumnType.Integer"/> column.</summary>
    /// <param name="name">The column name.</param>
    public static TableColumn Integer(string name) => new(name, TableColumnType.Integer);

    /// <summary>A <see cref="TableColumnType.Text"/> column.</summary>
    /// <param name="name">The column name.</param>
    public static TableColumn Text(string name) => new(name, TableColumnType.Text);

    /// <summary>A <see cref="TableColumnType.Boolean"/> column.</summary>
    /// <param name="name">The column name.</param>
    public static TableColumn Boolean(string name) => new(name, TableColumnType.Boolean);
}
