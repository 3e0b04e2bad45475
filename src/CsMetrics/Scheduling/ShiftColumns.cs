namespace CsMetrics.Scheduling;

/// <summary>
/// Every possible shift of a problem (template × day × start × break placement) as a column of the
/// covering matrix: the intervals it covers (with multiplicity, for shifts longer than a cyclic horizon),
/// its cost and its template's per-day cap group. Column order is deterministic.
/// </summary>
internal sealed class ShiftColumns
{
    public ShiftColumns(ScheduleProblem problem)
    {
        Problem = problem;
        int interval = problem.IntervalMinutes, count = problem.IntervalCount, days = problem.Days;
        long horizonMinutes = (long)count * interval;
        var template = new List<int>();
        var day = new List<int>();
        var start = new List<int>();
        var placement = new List<int[]>();
        var firstInterval = new List<long>();
        var rowStart = new List<int> { 0 };
        var rows = new List<int>();
        var weights = new List<int>();
        var capGroup = new List<int>();
        var caps = new List<int>();
        var covered = new Dictionary<int, int>();
        var ordered = new List<int>();
        for (int t = 0; t < problem.Templates.Count; t++)
        {
            var shift = problem.Templates[t];
            var placements = BreakPlacements.Enumerate(shift, interval);
            for (int d = 0; d < days; d++)
            {
                int group = -1;
                if (shift.MaxAgents is int max)
                {
                    group = caps.Count;
                    caps.Add(max);
                }
                for (int s = shift.EarliestStartMinute; s <= shift.LatestStartMinute; s += shift.StartStepMinutes)
                {
                    long absolute = d * 1440L + s;
                    if (!problem.Cyclic && absolute >= horizonMinutes)
                    {
                        continue;
                    }
                    foreach (var offsets in placements)
                    {
                        covered.Clear();
                        ordered.Clear();
                        long first = absolute / interval, end = ScheduleProblem.CeilDiv(absolute + shift.LengthMinutes, interval);
                        for (long i = first; i < end; i++)
                        {
                            if (OnBreak(i, absolute, offsets, shift, interval))
                            {
                                continue;
                            }
                            long j = problem.Cyclic ? i % count : i;
                            if (j >= count)
                            {
                                continue;
                            }
                            if (covered.TryGetValue((int)j, out int seen))
                            {
                                covered[(int)j] = seen + 1;
                            }
                            else
                            {
                                covered[(int)j] = 1;
                                ordered.Add((int)j);
                            }
                        }
                        template.Add(t);
                        day.Add(d);
                        start.Add(s);
                        placement.Add(offsets);
                        firstInterval.Add(first);
                        capGroup.Add(group);
                        foreach (int j in ordered)
                        {
                            rows.Add(j);
                            weights.Add(covered[j]);
                        }
                        rowStart.Add(rows.Count);
                    }
                }
            }
        }
        Template = template.ToArray();
        Day = day.ToArray();
        StartMinute = start.ToArray();
        BreakOffsets = placement.ToArray();
        AbsoluteStartInterval = firstInterval.ToArray();
        RowStart = rowStart.ToArray();
        Rows = rows.ToArray();
        Weights = weights.ToArray();
        CapGroup = capGroup.ToArray();
        Caps = caps.ToArray();
        Cost = new double[Template.Length];
        for (int c = 0; c < Cost.Length; c++)
        {
            Cost[c] = problem.Templates[Template[c]].Cost;
        }
    }

    public ScheduleProblem Problem { get; }

    public int Count => Template.Length;

    public int[] Template { get; }

    public int[] Day { get; }

    public int[] StartMinute { get; }

    /// <summary>Break offsets from the shift start, in the template's break order.</summary>
    public int[][] BreakOffsets { get; }

    /// <summary>The first interval the shift meets, before wrapping (for ordering columns in time).</summary>
    public long[] AbsoluteStartInterval { get; }

    /// <summary>CSR layout: column c covers <c>Rows[RowStart[c]..RowStart[c+1]]</c>, each <c>Weights</c> times.</summary>
    public int[] RowStart { get; }

    public int[] Rows { get; }

    public int[] Weights { get; }

    public double[] Cost { get; }

    /// <summary>The cap row of the column's (template, day), or -1 when the template has no cap.</summary>
    public int[] CapGroup { get; }

    public int[] Caps { get; }

    /// <summary>The transpose (built once, on first use): interval i is covered by <c>Columns[Starts[i]..Starts[i+1]]</c>, in column order.</summary>
    public (int[] Starts, int[] Columns) ColumnsByRow()
    {
        if (_byRow is { } built)
        {
            return built;
        }
        int intervals = Problem.IntervalCount;
        var starts = new int[intervals + 1];
        foreach (int row in Rows)
        {
            starts[row + 1]++;
        }
        for (int i = 0; i < intervals; i++)
        {
            starts[i + 1] += starts[i];
        }
        var columns = new int[Rows.Length];
        var fill = (int[])starts.Clone();
        for (int c = 0; c < Count; c++)
        {
            foreach (int row in RowsOf(c))
            {
                columns[fill[row]++] = c;
            }
        }
        _byRow = (starts, columns);
        return _byRow.Value;
    }

    private (int[] Starts, int[] Columns)? _byRow;

    public ReadOnlySpan<int> RowsOf(int column) => Rows.AsSpan(RowStart[column], RowStart[column + 1] - RowStart[column]);

    public ReadOnlySpan<int> WeightsOf(int column) => Weights.AsSpan(RowStart[column], RowStart[column + 1] - RowStart[column]);

    /// <summary>The shift a column stands for, with <paramref name="agents"/> agents.</summary>
    public ScheduledShift ToShift(int column, int agents)
    {
        var breaks = new int[BreakOffsets[column].Length];
        for (int k = 0; k < breaks.Length; k++)
        {
            breaks[k] = StartMinute[column] + BreakOffsets[column][k];
        }
        return new ScheduledShift(Problem.Templates[Template[column]].Name, Day[column], StartMinute[column], breaks, agents);
    }

    private static bool OnBreak(long interval, long start, int[] offsets, ShiftTemplate shift, int intervalMinutes)
    {
        for (int k = 0; k < offsets.Length; k++)
        {
            long breakStart = start + offsets[k];
            if (interval >= breakStart / intervalMinutes && interval < ScheduleProblem.CeilDiv(breakStart + shift.Breaks[k].LengthMinutes, intervalMinutes))
            {
                return true;
            }
        }
        return false;
    }
}
