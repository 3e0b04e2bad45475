using System.CommandLine;

namespace CsMetrics.Cli;

/// <summary>The format of tabular input and output.</summary>
internal enum OutputFormat
{
    Csv,
    Json,
}

/// <summary>
/// The options every data command shares (<c>--input</c>, <c>--output</c>, <c>--format</c>) and the
/// one way to open them: a missing file is a located input problem, and output is written only after
/// the whole result is computed, so bad input never leaves a partial file.
/// </summary>
internal sealed class CommandIo
{
    private const string StdinName = "<stdin>";

    public Option<FileInfo?> Input { get; } = new("--input", "-i")
    {
        Description = "Input file (CSV with a header row, or JSON with --format json). Default: standard input.",
    };

    public Option<FileInfo?> Output { get; } = new("--output", "-o")
    {
        Description = "Output file. Default: standard output.",
    };

    public Option<OutputFormat> Format { get; } = new("--format", "-f")
    {
        Description = "csv or json: the format of the input table and of the output.",
        DefaultValueFactory = _ => OutputFormat.Csv,
    };

    /// <summary>Adds <c>--input</c>, <c>--output</c> and, when <paramref name="withFormat"/>, <c>--format</c> to <paramref name="command"/>.</summary>
    public CommandIo AddTo(Command command, bool withFormat = true)
    {
        command.Options.Add(Input);
        command.Options.Add(Output);
        if (withFormat)
        {
            command.Options.Add(Format);
        }
        return this;
    }

    /// <summary>The name used for the input in problem messages: the path as given, or <c>&lt;stdin&gt;</c>.</summary>
    public string InputName(ParseResult parse) => parse.GetValue(Input)?.ToString() ?? StdinName;

    /// <summary>Reads the whole input as text. A missing or unreadable file is an <see cref="InputException"/>.</summary>
    public string ReadAllText(ParseResult parse, CliContext context)
    {
        var file = parse.GetValue(Input);
        if (file is null)
        {
            return context.In.ReadToEnd();
        }
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(file.ToString(), "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file.ToString(), $"cannot read the file: {ex.Message}");
        }
    }

    /// <summary>Reads the input as a table in the format chosen by <c>--format</c> (CSV by default).</summary>
    public InputTable ReadTable(ParseResult parse, CliContext context)
    {
        var text = ReadAllText(parse, context);
        var source = InputName(parse);
        using var reader = new StringReader(text);
        return parse.GetValue(Format) == OutputFormat.Json
            ? InputTable.ParseJson(reader, source)
            : InputTable.ParseCsv(reader, source);
    }

    /// <summary>Writes the complete output at once to <c>--output</c> or standard output.</summary>
    public void WriteOutput(ParseResult parse, CliContext context, Action<TextWriter> write)
    {
        var file = parse.GetValue(Output);
        if (file is null)
        {
            write(context.Out);
            context.Out.Flush();
            return;
        }
        var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(buffer);
        try
        {
            if (file.Directory is { Exists: false } directory)
            {
                directory.Create();
            }
            File.WriteAllText(file.FullName, buffer.ToString());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(file.ToString(), $"cannot write the file: {ex.Message}");
        }
    }
}
