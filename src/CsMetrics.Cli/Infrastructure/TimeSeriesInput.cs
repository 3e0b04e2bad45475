using System.Globalization;

namespace CsMetrics.Cli;

/// <summary>An equally spaced series read from a <c>timestamp,value</c> table.</summary>
/// <param name="Start">The first interval's start (local time, as written in the file).</param>
/// <param name="Interval">The spacing between rows.</param>
/// <param name="Values">The value per interval, in order.</param>
internal sealed record TimeSeriesInput(DateTime Start, TimeSpan Interval, double[] Values)
{
    private static readonly string[] TimestampFormats =
        ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    /// <summary>The start of interval <paramref name="index"/>.</summary>
    public DateTime TimeOf(int index) => Start + Interval * index;

    /// <summary>
    /// Reads <c>timestamp</c> and <c>value</c> columns. Every row must follow the previous one by the same
    /// spacing (the first gap sets it unless <paramref name="expectedInterval"/> is given); values must be
    /// finite and non-negative. Every problem is reported with its row and column.
    /// </summary>
    public static TimeSeriesInput Read(InputTable table, TimeSpan? expectedInterval = null)
    {
        var problems = new InputProblems();
        table.RequireColumns(problems, "timestamp", "value");
        problems.ThrowIfAny();
        if (table.RowCount < 2)
        {
            throw new InputException(table.Source, $"a history needs at least 2 rows; found {table.RowCount}");
        }

        var times = new DateTime[table.RowCount];
        var values = new double[table.RowCount];
        for (int r = 0; r < table.RowCount; r++)
        {
            var text = table.GetText(r, "timestamp");
            if (text is null)
            {
                problems.Add(table.Source, table.RowNumber(r), "timestamp", "a timestamp is required");
            }
            else if (!DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out times[r]))
            {
                problems.Add(table.Source, table.RowNumber(r), "timestamp", $"'{text}' is not a timestamp like 2026-09-28T08:30");
            }
            values[r] = table.ReadDouble(r, "value", problems, min: 0);
        }
        problems.ThrowIfAny();

        var interval = expectedInterval ?? times[1] - times[0];
        if (expectedInterval is TimeSpan given && times[1] - times[0] is var spacing && spacing > TimeSpan.Zero && spacing != given)
        {
            // One message, not one per row: the option and the file disagree about the spacing.
            throw new InputException([new InputProblem(table.Source, table.RowNumber(1), "timestamp",
                $"the timestamps are {spacing.TotalMinutes} minutes apart but --interval-minutes is {given.TotalMinutes}")]);
        }
        if (interval <= TimeSpan.Zero)
        {
            throw new InputException([new InputProblem(table.Source, table.RowNumber(1), "timestamp", $"timestamps must increase; {times[1]:yyyy-MM-ddTHH:mm} follows {times[0]:yyyy-MM-ddTHH:mm}")]);
        }
        for (int r = 1; r < times.Length; r++)
        {
            var expected = times[r - 1] + interval;
            if (times[r] != expected)
            {
                string what = times[r] > expected ? "a gap in the timestamps" : "timestamps out of order or duplicated";
                problems.Add(table.Source, table.RowNumber(r), "timestamp",
                    $"{what}: expected {expected:yyyy-MM-ddTHH:mm} ({interval.TotalMinutes} minutes after the previous row), got {times[r]:yyyy-MM-ddTHH:mm}");
            }
        }
        problems.ThrowIfAny();
        return new TimeSeriesInput(times[0], interval, values);
    }
}
