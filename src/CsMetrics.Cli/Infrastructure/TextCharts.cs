namespace CsMetrics.Cli;

/// <summary>Compact terminal charts for reports: sparklines and shaded heat-map rows.</summary>
internal static class TextCharts
{
    private const string Bars = "▁▂▃▄▅▆▇█";
    private const string Shades = " ░▒▓█";

    /// <summary>
    /// One character per value: a space for zero, then eight bar heights scaled to <paramref name="max"/>
    /// (the values' own maximum when not given). Values are non-negative counts.
    /// </summary>
    public static string Sparkline(ReadOnlySpan<double> values, double? max = null) =>
        Render(values, max, Bars, zeroAsSpace: true);

    /// <summary>One shaded character per value (space, light, medium, dark, full) scaled to <paramref name="max"/>.</summary>
    public static string HeatRow(ReadOnlySpan<double> values, double? max = null) =>
        Render(values, max, Shades[1..], zeroAsSpace: true);

    private static string Render(ReadOnlySpan<double> values, double? max, string levels, bool zeroAsSpace)
    {
        double top = max ?? 0;
        if (max is null)
        {
            foreach (var v in values)
            {
                top = Math.Max(top, v);
            }
        }
        var chars = new char[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (zeroAsSpace && !(v > 0))
            {
                chars[i] = ' ';
                continue;
            }
            int level = top > 0 ? (int)Math.Ceiling(v / top * levels.Length) - 1 : 0;
            chars[i] = levels[Math.Clamp(level, 0, levels.Length - 1)];
        }
        return new string(chars);
    }
}
