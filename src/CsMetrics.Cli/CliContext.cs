namespace CsMetrics.Cli;

/// <summary>
/// The streams a command reads and writes. Commands never touch <see cref="Console"/> directly, so
/// tests run them in-process with captured streams.
/// </summary>
/// <param name="In">Standard input (used when no <c>--input</c> file is given).</param>
/// <param name="Out">Standard output (used when no <c>--output</c> file is given).</param>
/// <param name="Error">Standard error: problems and progress.</param>
/// <param name="IsInteractive">True when standard error is a terminal, so progress may be drawn.</param>
/// <param name="InBytes">Standard input as bytes, when available (the console): read instead of <paramref name="In"/> so invalid UTF-8 is found, not replaced.</param>
/// <param name="HasNoInput">
/// True when standard input can give no table: it is a terminal (reading would wait for typing) or it
/// was closed when the process started. A command then says "no input" at once instead of waiting forever.
/// </param>
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error, bool IsInteractive, bool HasNoInput = false, Stream? InBytes = null)
{
    public static CliContext FromConsole() =>
        new(Console.In, new StandardOutputWriter(Console.Out), Console.Error, !Console.IsErrorRedirected,
            HasNoInput: !Console.IsInputRedirected || StandardInputWasClosed(), InBytes: Console.OpenStandardInput());

    /// <summary>
    /// On Linux, a process started with standard input closed finds descriptor 0 reused by a pipe the runtime
    /// opened for itself, so the pipe's write end is ours too and reading would block forever. A pipe from
    /// another process (<c>cat file | csmetrics ...</c>) has its write end elsewhere (our duplicates of it are
    /// read-only).
    /// </summary>
    private static bool StandardInputWasClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            string? stdin = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (stdin is null || !stdin.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }
            foreach (var fd in new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos())
            {
                if (fd.LinkTarget == stdin && IsWriteEnd(fd.Name))
                {
                    return true;
                }
            }
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when descriptor <paramref name="fd"/> is open for writing (its flags' access mode is O_WRONLY or O_RDWR).</summary>
    private static bool IsWriteEnd(string fd)
    {
        foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                int flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8);
                return (flags & 3) != 0;
            }
        }
        return false;
    }
}

/// <summary>
/// Standard output with the CLI's error convention: a closed pipe, a full disk or a closed descriptor is
/// reported as one clear line and exit code 2 (<see cref="OutputUnavailableException"/>), not as an internal failure.
/// </summary>
internal sealed class StandardOutputWriter(TextWriter inner) : TextWriter
{
    public override System.Text.Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToArray();
        Guard(() => inner.Write(copy));
    }

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new OutputUnavailableException(ex.Message);
        }
    }
}

/// <summary>Standard output cannot be written (closed, full, or a broken pipe): exit code 2 with one line.</summary>
internal sealed class OutputUnavailableException(string reason) : Exception($"cannot write to standard output: {reason}");
