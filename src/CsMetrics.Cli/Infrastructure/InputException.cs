namespace CsMetrics.Cli;

/// <summary>
/// One problem with the user's input, located as precisely as we know it: the file (or
/// <c>&lt;stdin&gt;</c>), the row (the file's line number, header = row 1; for JSON arrays, the
/// element's 1-based position) and the column.
/// </summary>
internal sealed record InputProblem(string Source, int? Row, string? Column, string Message)
{
    /// <summary>What <see cref="Column"/> names: "column" in a table, "field" (a JSON path such as <c>templates[0].cost</c>) in a document.</summary>
    public string ColumnKind { get; init; } = "column";

    /// <summary>
    /// Formats as <c>file: row 3, column 'aht_s': message</c>, dropping the parts we do not know. Always one
    /// line: control characters from the input (a quoted cell may hold a line break) are shown escaped.
    /// </summary>
    public override string ToString() => OneLine((Row, Column) switch
    {
        (int row, string column) => $"{Source}: row {row}, {ColumnKind} '{column}': {Message}",
        (int row, null) => $"{Source}: row {row}: {Message}",
        (null, string column) => $"{Source}: {ColumnKind} '{column}': {Message}",
        _ => $"{Source}: {Message}",
    });

    /// <summary>Escapes line breaks, tabs and other control characters so a message stays on one line.</summary>
    public static string OneLine(string text)
    {
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

/// <summary>
/// Bad user input. <see cref="CliApp.Run"/> prints one line per problem and exits with code 2.
/// Commands collect every problem first and throw once, before writing any output.
/// </summary>
internal sealed class InputException : Exception
{
    public InputException(IReadOnlyList<InputProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public InputException(string source, string message)
        : this([new InputProblem(source, null, null, message)])
    {
    }

    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>
    /// Turns a library's <see cref="ArgumentException"/> about the user's input into an input problem:
    /// its first line, without the " (Parameter 'x')" suffix the runtime appends.
    /// </summary>
    public static InputException FromArgument(string source, ArgumentException exception)
    {
        var message = exception.Message.Split('\n')[0].Trim();
        if (exception.ParamName is string name)
        {
            message = message.Replace($" (Parameter '{name}')", "");
        }
        return new InputException(source, message);
    }
}

/// <summary>Collects problems while a command reads its input, so that all are reported at once.</summary>
internal sealed class InputProblems
{
    private readonly List<InputProblem> _problems = [];

    public bool Any => _problems.Count > 0;

    /// <summary>The number of problems collected so far (to tell whether one row added any).</summary>
    public int Count => _problems.Count;

    public void Add(string source, int? row, string? column, string message) =>
        _problems.Add(new InputProblem(source, row, column, message));

    /// <summary>Throws an <see cref="InputException"/> holding every collected problem, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InputException(_problems.ToArray());
        }
    }
}
