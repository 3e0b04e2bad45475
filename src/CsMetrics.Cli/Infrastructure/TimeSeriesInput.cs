using System.Globalization;
using CsMetrics.Data;

namespace CsMetrics.Cli;

/// <summary>An equally spaced series read from a <c>timestamp,value</c> table.</summary>
/// <param name="Start">The first interval's start (local wall-clock time, as written in the file).</param>
/// <param name="Interval">The spacing between rows.</param>
/// <param name="Values">The value per interval, in order.</param>
internal sealed record TimeSeriesInput(DateTime Start, TimeSpan Interval, double[] Values)
{
    /// <summary>The start of interval <paramref name="index"/>.</summary>
    public DateTime TimeOf(int index) => Start + Interval * index;

    /// <summary>
    /// Reads <c>timestamp</c> and <c>value</c> columns. Every row must follow the previous one by the same
    /// spacing (the first gap sets it unless <paramref name="expectedInterval"/> is given); values must be
    /// finite and non-negative. Every problem is reported with its row and column.
    /// </summary>
    /// <remarks>
    /// Timestamps are ISO 8601. When they carry offsets (<c>2026-03-29T02:00:00+01:00</c>, as <c>csmetrics report</c>
    /// writes them) or <paramref name="zone"/> says whose local time they are, the spacing is checked on the time
    /// line, so the 23- and 25-hour days of a DST change are no gap and no duplicate; otherwise on the wall clock.
    /// </remarks>
    public static TimeSeriesInput Read(InputTable table, TimeSpan? expectedInterval = null,
        string timestampColumn = "timestamp", string valueColumn = "value", TimeZoneInfo? zone = null)
    {
        var problems = new InputProblems();
        table.RequireColumns(problems, timestampColumn, valueColumn);
        problems.ThrowIfAny();
        if (table.RowCount < 2)
        {
            throw new InputException(table.Source, $"a history needs at least 2 rows; found {table.RowCount}");
        }

        var times = new DateTime[table.RowCount];
        var wallClocks = new DateTime[table.RowCount];
        var values = new double[table.RowCount];
        DateTime firstWallClock = default;
        int withOffset = 0;
        for (int r = 0; r < table.RowCount; r++)
        {
            var text = table.GetText(r, timestampColumn);
            if (text is null)
            {
                problems.Add(table.Source, table.RowNumber(r), timestampColumn, "a timestamp is required");
            }
            else if (Timestamps.TryParse(text, out var local, out var offset) && (offset is not null || text.Length > 10))
            {
                if (offset is TimeSpan recorded)
                {
                    withOffset++;
                    times[r] = local - recorded; // the instant, in UTC
                }
                else if (zone is not null)
                {
                    if (zone.IsInvalidTime(local) || zone.IsAmbiguousTime(local))
                    {
                        problems.Add(table.Source, table.RowNumber(r), timestampColumn,
                            $"'{text}' {(zone.IsInvalidTime(local) ? "does not exist" : "happens twice")} in {zone.Id} (a DST change): give timestamps with offsets");
                    }
                    times[r] = TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
                }
                else
                {
                    times[r] = local;
                }
                wallClocks[r] = local;
                if (r == 0)
                {
                    firstWallClock = local;
                }
            }
            else
            {
                problems.Add(table.Source, table.RowNumber(r), timestampColumn, $"'{text}' is not a timestamp like 2026-09-28T08:30 (or 2026-09-28T08:30:00+01:00)");
            }
            values[r] = table.ReadDouble(r, valueColumn, problems, min: 0);
        }
        if (withOffset > 0 && withOffset < table.RowCount)
        {
            problems.Add(table.Source, null, timestampColumn, $"{withOffset} of {table.RowCount} timestamps have an offset: give all with offsets or none");
        }
        problems.ThrowIfAny();

        var interval = expectedInterval ?? times[1] - times[0];
        if (expectedInterval is TimeSpan given && times[1] - times[0] is var spacing && spacing > TimeSpan.Zero && spacing != given)
        {
            // One message, not one per row: the option and the file disagree about the spacing.
            throw new InputException([new InputProblem(table.Source, table.RowNumber(1), timestampColumn,
                $"the timestamps are {spacing.TotalMinutes} minutes apart but --interval-minutes is {given.TotalMinutes}")]);
        }
        if (interval <= TimeSpan.Zero)
        {
            throw new InputException([new InputProblem(table.Source, table.RowNumber(1), timestampColumn, $"timestamps must increase; {times[1]:yyyy-MM-ddTHH:mm} follows {times[0]:yyyy-MM-ddTHH:mm}")]);
        }
        for (int r = 1; r < times.Length; r++)
        {
            var expected = times[r - 1] + interval;
            if (times[r] != expected)
            {
                string what = times[r] > expected ? "a gap in the timestamps"
                    : times[r] == times[r - 1] ? "a duplicated timestamp (one series per table: a report by queue has one row per queue, so use report --by interval)"
                    : "timestamps out of order";
                problems.Add(table.Source, table.RowNumber(r), timestampColumn,
                    $"{what}: expected {expected:yyyy-MM-ddTHH:mm} ({interval.TotalMinutes} minutes after the previous row), got {times[r]:yyyy-MM-ddTHH:mm}");
            }
        }
        problems.ThrowIfAny();
        return withOffset > 0 || zone is not null
            ? new TimeSeriesInput(firstWallClock, interval, OnWallClockGrid(wallClocks, values, interval))
            : new TimeSeriesInput(firstWallClock, interval, values);
    }

    /// <summary>
    /// The series on the local wall-clock grid the planner models (every local day has the same intervals): the two
    /// rows of a repeated hour (clocks going back) are added, and the intervals of a skipped hour (clocks going
    /// forward), which never happened, take the mean of their neighbours so the daily pattern is not broken.
    /// </summary>
    private static double[] OnWallClockGrid(DateTime[] wallClocks, double[] values, TimeSpan interval)
    {
        long step = interval.Ticks;
        int slots = checked((int)((wallClocks[^1] - wallClocks[0]).Ticks / step) + 1);
        var grid = new double[slots];
        var filled = new bool[slots];
        for (int r = 0; r < values.Length; r++)
        {
            int slot = (int)((wallClocks[r] - wallClocks[0]).Ticks / step);
            grid[slot] += values[r];
            filled[slot] = true;
        }
        for (int i = 0; i < slots; i++)
        {
            if (!filled[i])
            {
                int before = i - 1, after = i + 1;
                while (after < slots && !filled[after])
                {
                    after++;
                }
                grid[i] = before >= 0 && after < slots ? (grid[before] + grid[after]) / 2 : before >= 0 ? grid[before] : grid[after];
            }
        }
        return grid;
    }
}
