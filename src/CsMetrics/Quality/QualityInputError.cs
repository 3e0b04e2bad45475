using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// One problem found while reading or validating quality input: where it is and what is wrong. Readers of
/// documents and tables (<see cref="ScorecardJson"/>, <see cref="RatingTable.Parse"/>) and the validators
/// (<see cref="AnalyticHierarchyProcess.Validate"/>, <see cref="Servqual.Validate(ServqualInstrument, IReadOnlyList{ServqualResponse})"/>)
/// report every problem this way; constructors and analyses throw an <see cref="ArgumentException"/> for the
/// first one instead. Immutable.
/// </summary>
/// <param name="Field">
/// Where the problem is: a JSON path such as <c>sections[1].criteria[0].weight</c>, or the name of the list or
/// matrix (<c>Perceptions</c>, <c>ImportancePoints</c>, <c>matrix</c>, <c>ratings</c>, <c>raters</c>); empty for
/// the input as a whole.
/// </param>
/// <param name="Message">What is wrong, naming the item (criterion, rater, category) where there is one.</param>
public readonly record struct QualityInputError(string Field, string Message)
{
    /// <summary>For tables and matrices, the 0-based row: the unit, respondent or matrix row; -1 when the problem is not in one row.</summary>
    public int Row { get; init; } = -1;

    /// <summary>For tables and matrices, the 0-based column: the rater, item, dimension or matrix column; -1 when the problem is not in one column.</summary>
    public int Column { get; init; } = -1;

    /// <summary><c>field[row, column]: message</c>, leaving out the parts that are not known.</summary>
    public override string ToString()
    {
        string where = (Row, Column) switch
        {
            ( >= 0, >= 0) => $"{Field}[{Row}, {Column}]",
            ( >= 0, _) => $"{Field}[{Row}]",
            (_, >= 0) => $"{Field}[{Column}]",
            _ => Field,
        };
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}

/// <summary>
/// What a quality reader produced: the value, or every problem that prevented it. Immutable, with value equality.
/// </summary>
/// <typeparam name="T">What was read: a <see cref="Scorecard"/>, a <see cref="RatingTable"/>.</typeparam>
public sealed record QualityParseResult<T>
    where T : class
{
    /// <summary>Creates a result.</summary>
    /// <param name="value">The value read; null when <paramref name="errors"/> is not empty.</param>
    /// <param name="errors">Every problem found (empty on success); copied.</param>
    public QualityParseResult(T? value, IEnumerable<QualityInputError> errors)
    {
        Errors = ReadOnlyValueList<QualityInputError>.CopyOf(errors ?? []);
        Value = Errors.Count == 0 ? value : null;
    }

    /// <summary>The value read, or null when there are errors.</summary>
    public T? Value { get; }

    /// <summary>Every problem found, in input order (empty on success).</summary>
    public IReadOnlyList<QualityInputError> Errors { get; }

    /// <summary>True when the input was read without problems.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The value, or an <see cref="ArgumentException"/> listing every problem.</summary>
    /// <param name="paramName">The parameter to name in the exception (the input the caller read).</param>
    /// <exception cref="ArgumentException">The input had problems.</exception>
    public T GetValueOrThrow(string paramName)
    {
        if (Value is null)
        {
            ThrowHelper.ThrowArgument(paramName, string.Join(Environment.NewLine, Errors));
        }
        return Value;
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"read: {Value}" : $"{Errors.Count} problem(s): {string.Join("; ", Errors)}";
}
