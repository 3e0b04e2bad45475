namespace CsMetrics.Cli;

// One problem with the user's input is a CsMetrics.Data TableProblem (file, row, column, message, printed on one
// line as "file: row 3, column 'aht_s': message"): see the global alias InputProblem in CsMetrics.Cli.csproj.

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

    /// <summary>The problems a CsMetrics.Data reader found, one input problem each (and a count of any it did not keep).</summary>
    public static InputException FromTable(CsMetrics.Data.TableFormatException exception)
    {
        var problems = exception.Problems.ToList();
        if (exception.Omitted > 0)
        {
            problems.Add(new InputProblem(problems[0].Source, null, null, $"{exception.Omitted} more problems not listed"));
        }
        return new InputException(problems);
    }

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

    public void Add(string source, long? row, string? column, string message) =>
        _problems.Add(new InputProblem(source, row, column, message));

    public void AddRange(IEnumerable<InputProblem> problems) => _problems.AddRange(problems);

    /// <summary>
    /// Throws every collected problem when more than the first <paramref name="count"/> were collected: a command
    /// that must stop at a column problem calls it with the reader's row-problem count, so that a ragged row alone
    /// does not stop the value checks of later rows (all are reported together at the end).
    /// </summary>
    public void ThrowIfMoreThan(int count)
    {
        if (_problems.Count > count)
        {
            ThrowIfAny();
        }
    }

    /// <summary>Throws an <see cref="InputException"/> holding every collected problem, if there are any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InputException(_problems.ToArray());
        }
    }
}
