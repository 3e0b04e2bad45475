using System.CommandLine;
using System.Text;

namespace CsMetrics.Cli;

/// <summary>
/// Where a streaming command writes its output while it still reads: a temporary file beside <c>--output</c>
/// (or in the temporary folder for standard output). <see cref="Commit"/> renames it into place, or copies it to
/// standard output, only after the last row, so a failed or killed run leaves no partial output and the old file
/// intact; memory stays flat however many rows are written.
/// </summary>
internal sealed class OutputSpool : IDisposable
{
    private readonly string _tempPath;
    private readonly FileInfo? _target;
    private readonly CliContext _context;
    private bool _committed;

    private OutputSpool(string tempPath, FileInfo? target, CliContext context)
    {
        _tempPath = tempPath;
        _target = target;
        _context = context;
        Stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <summary>The stream to write the output to.</summary>
    public Stream Stream { get; }

    /// <summary>Opens a spool for <c>--output</c> (or standard output when absent).</summary>
    public static OutputSpool Create(ParseResult parse, CliContext context, Option<FileInfo?> output)
    {
        var target = parse.GetValue(output);
        string directory;
        try
        {
            directory = target?.Directory?.FullName ?? Path.GetTempPath();
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $".{target?.Name ?? "csmetrics-stdout"}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            return new OutputSpool(temp, target, context);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(target?.ToString() ?? "<stdout>", $"cannot write the file: {ex.Message}");
        }
    }

    /// <summary>Moves the finished output into place (or copies it to standard output).</summary>
    public void Commit()
    {
        try
        {
            Stream.Flush();
            if (_target is null)
            {
                Stream.Position = 0;
                using var reader = new StreamReader(Stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
                var buffer = new char[1 << 15];
                int n;
                while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    _context.Out.Write(buffer, 0, n);
                }
                _context.Out.Flush();
                Stream.Dispose();
            }
            else
            {
                Stream.Dispose();
                File.Move(_tempPath, _target.FullName, overwrite: true);
            }
            _committed = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(_target?.ToString() ?? "<stdout>", $"cannot write the file: {ex.Message}");
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Deletes the temporary file unless it was moved into place.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed || _target is null)
        {
            try
            {
                File.Delete(_tempPath);
            }
            catch (IOException)
            {
                // A temporary file left behind is harmless; the target is untouched.
            }
        }
    }
}
