using System.Globalization;
using System.Text.Json;

namespace CsMetrics.Tests.Infrastructure;

/// <summary>
/// The one way tests read oracle files: from <c>Reference/</c> in the test project (copied from the
/// team's shared reference folder, with their sources in <c>Reference/*/SOURCES.md</c>).
/// </summary>
public static class ReferenceData
{
    /// <summary>The full path of a reference file, e.g. <c>Path("queueing/staffing.csv")</c>.</summary>
    public static string Path(string relative)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Reference", relative);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Reference file missing from the test output: {relative}", path);
        }
        return path;
    }

    public static string ReadText(string relative) => File.ReadAllText(Path(relative));

    public static JsonDocument ReadJson(string relative) => JsonDocument.Parse(ReadText(relative));

    /// <summary>Reads a CSV with a header row into dictionaries keyed by column name (no quoting in our reference files).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string relative)
    {
        var lines = File.ReadAllLines(Path(relative)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line =>
            {
                var cells = line.Split(',');
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < header.Length; i++)
                {
                    row[header[i]] = i < cells.Length ? cells[i] : "";
                }
                return (IReadOnlyDictionary<string, string>)row;
            })
            .ToArray();
    }

    /// <summary>Parses a reference number (invariant culture); an empty cell is NaN.</summary>
    public static double Number(string text) =>
        text.Length == 0 ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
