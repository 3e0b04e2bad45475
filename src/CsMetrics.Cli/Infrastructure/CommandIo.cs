using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Unicode;
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
/// one way to open them. Input: a missing file is a located problem, standard input that can give nothing
/// (a terminal, or closed) is "no input" at once, and text must be valid UTF-8 (the first bad byte is
/// reported with its row). Output: written to a temporary file and renamed into place (or copied to
/// standard output) only after the last byte, so bad input, a full disk or a killed run never leaves a
/// partial file, and <c>--output</c> may not name the input file.
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
        Description = "Output file, replaced only when the command succeeds. Default: standard output.",
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
        command.Validators.Add(result =>
        {
            if (result.GetValue(Input) is FileInfo input && result.GetValue(Output) is FileInfo output && SameFile(input, output))
            {
                result.AddError($"--output: '{output}' is the input file; write the result to another file (the input is never overwritten)");
            }
        });
        return this;
    }

    /// <summary>The name used for the input in problem messages: the path as given, or <c>&lt;stdin&gt;</c>.</summary>
    public string InputName(ParseResult parse) => parse.GetValue(Input)?.ToString() ?? StdinName;

    /// <summary>Reads the whole input as text. A missing or unreadable file, no input, or invalid UTF-8 is an <see cref="InputException"/>.</summary>
    public string ReadAllText(ParseResult parse, CliContext context)
    {
        var file = parse.GetValue(Input);
        return file is null ? ReadStandardInput(context) : ReadFileText(file.FullName, file.ToString());
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
    /// <c>--delimiter</c>, <c>--decimal-comma</c> and <c>--encoding</c> options. Files and the console's standard
    /// input are read as bytes, so the encoding is checked row by row (strict UTF-8 by default). Whole-table
    /// problems (empty input, duplicate columns) throw <see cref="TableFormatException"/>; use <see cref="InputException.FromTable"/>.
    /// </summary>
    public TableReader OpenTable(ParseResult parse, CliContext context, TableFormat? formatOverride = null)
    {
        var options = TableInput.Read(parse);
        var format = formatOverride ?? (parse.GetValue(Format) == OutputFormat.Json ? TableFormat.Json : TableFormat.Csv);
        var source = InputName(parse);
        if (parse.GetValue(Input) is FileInfo file)
        {
            return InputTable.OpenFile(file.FullName, source, format, options);
        }
        if (context.HasNoInput)
        {
            throw new InputException(StdinName, "no input: give --input FILE or pipe a table into the command");
        }
        if (context.InBytes is Stream bytes)
        {
            return TableReader.Open(bytes, format, source, options, leaveOpen: true);
        }
        return format == TableFormat.Json ? TableReader.OpenJson(context.In, source, options) : TableReader.OpenCsv(context.In, source, options);
    }

    /// <summary>
    /// Writes the output through <paramref name="write"/> to <c>--output</c> (atomically: a temporary file
    /// renamed into place) or to standard output (through a temporary file copied out after the last byte, so
    /// an error part-way writes nothing and memory does not grow with the output).
    /// </summary>
    public void WriteOutput(ParseResult parse, CliContext context, Action<TextWriter> write)
    {
        if (parse.GetValue(Output) is FileInfo file)
        {
            AtomicFile.WriteText(file.FullName, file.ToString(), write);
            return;
        }
        WriteToStandardOutput(context, write);
    }

    /// <summary>Writes through a temporary file, then copies it to <see cref="CliContext.Out"/>.</summary>
    public static void WriteToStandardOutput(CliContext context, Action<TextWriter> write)
    {
        string temporary = Path.Combine(Path.GetTempPath(), $"csmetrics-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
            {
                write(writer);
            }
            using var reader = new StreamReader(temporary, Encoding.UTF8);
            var buffer = new char[1 << 16];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                context.Out.Write(buffer, 0, read);
            }
            context.Out.Flush();
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a stray file in the temporary folder.
            }
        }
    }

    /// <summary>Reads a whole text file, checking it is UTF-8 (a BOM is skipped).</summary>
    public static string ReadFileText(string path, string displayName)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException(displayName, "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(displayName, $"cannot read the file: {ex.Message}");
        }
        return DecodeUtf8(bytes, displayName);
    }

    private static string ReadStandardInput(CliContext context)
    {
        if (context.HasNoInput)
        {
            throw new InputException(StdinName, "no input: give --input FILE or pipe a table into the command");
        }
        if (context.InBytes is not Stream stream)
        {
            return context.In.ReadToEnd();
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return DecodeUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), StdinName);
    }

    /// <summary>
    /// Decodes UTF-8 strictly. Invalid bytes (a Windows-1252 export's 'é' is the single byte 0xE9) are an error
    /// naming the row (line) and the byte, never replaced: replacement would turn José and Josè into one name.
    /// </summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                int line = 1 + bytes[..bytesRead].Count((byte)'\n');
                string found = bytesRead < bytes.Length ? $"byte 0x{bytes[bytesRead]:X2}" : "a truncated character at the end";
                throw new InputException([new InputProblem(source, line, null,
                    $"the input is not valid UTF-8 ({found} at byte {bytesRead + 1}); save the file as UTF-8 (\"CSV UTF-8\" in Excel)")]);
            }
            return new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>True when both paths name one file (after resolving links), so writing one would destroy the other.</summary>
    public static bool SameFile(FileInfo a, FileInfo b) =>
        string.Equals(Canonical(a), Canonical(b), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Canonical(FileInfo file)
    {
        try
        {
            return file.Exists && file.ResolveLinkTarget(returnFinalTarget: true) is FileSystemInfo target
                ? Path.GetFullPath(target.FullName)
                : Path.GetFullPath(file.FullName);
        }
        catch (IOException)
        {
            return Path.GetFullPath(file.FullName);
        }
    }
}
