namespace CsMetrics.Data;

/// <summary>
/// A table that cannot be read as it stands: thrown with every problem found, each located by
/// source, row and column (see <see cref="TableProblem"/>).
/// </summary>
/// <remarks>
/// Thrown by <see cref="TableReader"/> when the table as a whole is unusable (empty input, duplicate
/// column names, not an array of objects, not a Parquet file) and by <see cref="TableReader.ThrowIfProblems"/>
/// after a pass that found problems in rows. The message lists the problems one per line.
/// </remarks>
public sealed class TableFormatException : FormatException
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    /// <param name="problems">The problems, in the order they were found.</param>
    /// <param name="omitted">How many further problems were found but not kept (see <see cref="TableReadOptions.MaxProblems"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public TableFormatException(IReadOnlyList<TableProblem> problems, long omitted = 0)
        : base(Describe(problems, omitted))
    {
        Problems = problems.ToArray();
        Omitted = omitted;
    }

    /// <summary>The problems, in the order they were found.</summary>
    public IReadOnlyList<TableProblem> Problems { get; }

    /// <summary>How many further problems were found beyond <see cref="Problems"/> (0 unless the cap was reached).</summary>
    public long Omitted { get; }

    private static string Describe(IReadOnlyList<TableProblem> problems, long omitted)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("at least one problem is required", nameof(problems));
        }
        var text = string.Join(Environment.NewLine, problems);
        return omitted > 0 ? $"{text}{Environment.NewLine}{problems[0].Source}: {omitted} more problems not listed" : text;
    }
}
