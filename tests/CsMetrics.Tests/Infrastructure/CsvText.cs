namespace CsMetrics.Tests.Infrastructure;

/// <summary>Reads the CLI's CSV output (no quoted fields) into rows keyed by column name.</summary>
public static class CsvText
{
    public static List<Dictionary<string, string>> Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return header.Select((h, i) => (h, cells[i])).ToDictionary(p => p.h, p => p.Item2);
        }).ToList();
    }

    /// <summary>The cells of one column, in row order.</summary>
    public static string[] Column(string text, string name) => Parse(text).Select(row => row[name]).ToArray();
}
