namespace CsMetrics.Tests.Metrics;

/// <summary>Splits a sequence into consecutive parts at FsCheck-chosen cut points, for the merge = concatenate laws.</summary>
internal static class Partitions
{
    /// <summary>The [start, end) ranges of <paramref name="length"/> items cut at <paramref name="cuts"/> (taken modulo length + 1, sorted).</summary>
    public static IReadOnlyList<Range> Of(int length, int[]? cuts)
    {
        var points = (cuts ?? []).Take(6).Select(c => (int)(((long)c % (length + 1) + length + 1) % (length + 1)))
            .Append(0).Append(length).Distinct().Order().ToArray();
        var ranges = new List<Range>();
        for (int i = 1; i < points.Length; i++)
        {
            ranges.Add(points[i - 1]..points[i]);
        }
        if (ranges.Count == 0)
        {
            ranges.Add(0..0);
        }
        return ranges;
    }
}
