namespace CsMetrics.Scheduling;

/// <summary>The allowed break placements of a template: every combination of break offsets that lies inside the shift without overlap.</summary>
internal static class BreakPlacements
{
    /// <summary>
    /// Each placement as the breaks' offsets from the shift start, in the template's break order. Break k
    /// starts at offsets earliest, earliest + I, ... up to latest (I = interval minutes).
    /// </summary>
    public static List<int[]> Enumerate(ShiftTemplate template, int intervalMinutes)
    {
        var placements = new List<int[]>();
        var breaks = template.Breaks;
        if (breaks.Count == 0)
        {
            placements.Add([]);
            return placements;
        }
        var offsets = new int[breaks.Count];
        Extend(0);
        return placements;

        void Extend(int k)
        {
            if (k == breaks.Count)
            {
                if (Valid(template, offsets))
                {
                    placements.Add((int[])offsets.Clone());
                }
                return;
            }
            for (int offset = breaks[k].EarliestAfterStartMinutes; offset <= breaks[k].LatestAfterStartMinutes; offset += intervalMinutes)
            {
                offsets[k] = offset;
                Extend(k + 1);
            }
        }
    }

    /// <summary>True when the breaks at <paramref name="placement"/> (offsets from the shift start) lie inside the shift and do not overlap.</summary>
    public static bool Valid(ShiftTemplate template, ReadOnlySpan<int> placement)
    {
        var breaks = template.Breaks;
        for (int a = 0; a < placement.Length; a++)
        {
            int startA = placement[a], endA = startA + breaks[a].LengthMinutes;
            if (startA < 0 || endA > template.LengthMinutes)
            {
                return false;
            }
            for (int b = a + 1; b < placement.Length; b++)
            {
                int startB = placement[b], endB = startB + breaks[b].LengthMinutes;
                // Sorted by start, the earlier break must end by the later one's start (touching is allowed).
                bool overlap = startA <= startB ? endA > startB : endB > startA;
                if (overlap)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
