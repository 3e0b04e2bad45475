using System.Text;

namespace CsMetrics.Cli;

/// <summary>
/// Writes a file so that readers only ever see the old content or the complete new content: the bytes go
/// to a temporary file beside the target, which is flushed to disk and renamed over the target only after
/// the last byte. A failed run (an exception, a full disk) deletes the temporary file and leaves the old
/// target intact; a killed run leaves at most a stray <c>.name.*.tmp</c> file beside an intact target.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text through <paramref name="write"/> to <paramref name="path"/> atomically (UTF-8, no BOM).</summary>
    /// <param name="path">The target file.</param>
    /// <param name="displayName">The name used in problem messages (the path as the user gave it).</param>
    /// <param name="write">Writes the content; an exception from it leaves the old file untouched.</param>
    public static void WriteText(string path, string displayName, Action<TextWriter> write) =>
        WriteFile(path, displayName, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
            using (var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true))
            {
                write(writer);
            }
            stream.Flush(flushToDisk: true);
        });

    /// <summary>
    /// Lets <paramref name="write"/> create the content at a temporary path (with the target's extension, for
    /// writers that choose a format by it), then renames it over <paramref name="path"/>.
    /// </summary>
    public static void WriteFile(string path, string displayName, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            Directory.CreateDirectory(directory);
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException(displayName, $"cannot write the file: {ex.Message} (any previous file is unchanged)");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the target is intact either way.
        }
    }
}
