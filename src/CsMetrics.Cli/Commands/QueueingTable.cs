using System.Globalization;
using CsMetrics.Queueing;

namespace CsMetrics.Cli.Commands;

/// <summary>What <c>staffing</c> and <c>queue</c> share: the queue columns every row carries and the metric columns they write.</summary>
internal static class QueueingTable
{
    /// <summary>The metric columns, in the order the CLI contract fixes.</summary>
    public static readonly string[] MetricColumns =
        ["service_level", "wait_probability", "asa_s", "occupancy", "abandon_probability"];

    /// <summary>The longest time a cell may hold, in seconds (about 317 years; keeps every <see cref="TimeSpan"/> in range).</summary>
    public const double MaxSeconds = 1e10;

    /// <summary>One row's queue: interval, handle time and patience (null: Erlang C), or null after recording problems.</summary>
    public static ContactQueue? ReadQueue(InputTable table, int row, InputProblems problems, out double contacts, out double answerWithinSeconds)
    {
        contacts = table.ReadDouble(row, "contacts", problems, min: 0);
        double interval = table.ReadDouble(row, "interval_s", problems, min: 0, max: MaxSeconds, minExclusive: true);
        double handle = table.ReadDouble(row, "aht_s", problems, min: 0, max: MaxSeconds, minExclusive: true);
        answerWithinSeconds = table.ReadDouble(row, "answer_s", problems, min: 0, max: MaxSeconds);
        double patience = table.ReadOptionalDouble(row, "patience_s", problems, min: 0, max: MaxSeconds) ?? 0;
        if (double.IsNaN(contacts) || double.IsNaN(interval) || double.IsNaN(handle) || double.IsNaN(answerWithinSeconds) || double.IsNaN(patience))
        {
            return null;
        }
        var queue = new ContactQueue(TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(handle), patience > 0 ? TimeSpan.FromSeconds(patience) : null);
        if (queue.Traffic(contacts) > Staffing.MaxTraffic)
        {
            problems.Add(table.Source, table.RowNumber(row), "contacts", $"{contacts} contacts give more than {Staffing.MaxTraffic} Erlangs");
            return null;
        }
        return queue;
    }

    /// <summary>The input columns to echo: all but those the command writes itself.</summary>
    public static string[] EchoedColumns(InputTable table, IEnumerable<string> written)
    {
        var own = new HashSet<string>(written, StringComparer.OrdinalIgnoreCase);
        return table.Columns.Where(c => !own.Contains(c)).ToArray();
    }

    /// <summary>An echoed input cell: its text as given for CSV; for JSON a number stays a number.</summary>
    public static object? EchoCell(InputTable table, int row, string column, OutputFormat format)
    {
        var text = table.GetText(row, column);
        return format == OutputFormat.Json && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number
            : text;
    }

    /// <summary>The metric cells: abandonment is empty for Erlang C rows (not applicable).</summary>
    public static IEnumerable<object?> MetricCells(in QueueMetrics metrics) =>
    [
        metrics.ServiceLevel,
        metrics.WaitProbability,
        metrics.AverageSpeedOfAnswerSeconds,
        metrics.Occupancy,
        metrics.Model == QueueModel.ErlangA ? metrics.AbandonProbability : null,
    ];
}
