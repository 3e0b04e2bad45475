using System.CommandLine;
using CsMetrics.Data;

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

    /// <summary><c>--delimiter</c>, <c>--decimal-comma</c>, <c>--encoding</c>: how table input is read.</summary>
    public TableInputOptions TableInput { get; } = new();

    /// <summary>
    /// Adds <c>--input</c>, <c>--output</c> and, when <paramref name="withFormat"/>, <c>--format</c> and the table
    /// reading options to <paramref name="command"/>.
    /// </summary>
    public CommandIo AddTo(Command command, bool withFormat = true)
    {
        command.Options.Add(Input);
        command.Options.Add(Output);
        if (withFormat)
        {
            command.Options.Add(Format);
            TableInput.AddTo(command);
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

    /// <summary>Reads the whole input as a table in the format chosen by <c>--format</c> (CSV by default).</summary>
    /// <remarks>
    /// With <paramref name="rowProblems"/>, row problems (a ragged row, text that does not decode) are collected
    /// there and the other rows read, so that the value problems of later rows are reported too; the command must
    /// then throw the collector before writing anything. Without it, row problems are thrown at once.
    /// </remarks>
    public InputTable ReadTable(ParseResult parse, CliContext context, InputProblems? rowProblems = null) =>
        InputTable.Read(() => OpenTable(parse, context), rowProblems);

    /// <summary>
    /// Opens the input as a streaming table (CsMetrics.Data) in the format chosen by <c>--format</c>, with the
    /// <c>--delimiter</c>, <c>--decimal-comma</c> and <c>--encoding</c> options. A file is read as bytes, so its
    /// encoding is checked; standard input as the text the console decoded. Whole-table problems (empty input,
    /// duplicate columns) throw <see cref="TableFormatException"/>; use <see cref="InputException.FromTable"/>.
    /// </summary>
    public TableReader OpenTable(ParseResult parse, CliContext context)
    {
        var options = TableInput.Read(parse);
        var format = parse.GetValue(Format) == OutputFormat.Json ? TableFormat.Json : TableFormat.Csv;
        var source = InputName(parse);
        var file = parse.GetValue(Input);
        if (file is null)
        {
            return format == TableFormat.Json ? TableReader.OpenJson(context.In, source, options) : TableReader.OpenCsv(context.In, source, options);
        }
        return InputTable.OpenFile(file.FullName, source, format, options);
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
