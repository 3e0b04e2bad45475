using System.CommandLine;
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

    /// <summary>The shortest interval or handle time, in seconds: 1 ms (times are held as <see cref="TimeSpan"/>s, whose tick is 0.1 µs).</summary>
    public const double MinSeconds = 1e-3;

    /// <summary>
    /// Records a problem unless the table has the volume columns: <c>contacts</c> and <c>interval_s</c>,
    /// or instead <c>traffic</c> (offered load in Erlangs), and the other <paramref name="required"/> columns.
    /// </summary>
    public static void RequireColumns(InputTable table, InputProblems problems, params string[] required)
    {
        if (UsesTraffic(table))
        {
            table.RequireColumns(problems, required);
        }
        else
        {
            table.RequireColumns(problems, ["contacts", "interval_s", .. required]);
        }
    }

    /// <summary>
    /// The shared body of <c>staffing</c> and <c>queue</c>: reads the table, checks its columns, computes each
    /// row with <paramref name="computeRow"/> (null when the row has a problem, recorded in the collector),
    /// and writes the echoed input columns then <paramref name="written"/> only when no row had a problem.
    /// </summary>
    public static int Run(ParseResult parse, CliContext context, CommandIo io, string[] required, string[] written,
        Func<InputTable, int, InputProblems, IEnumerable<object?>?> computeRow)
    {
        var table = io.ReadTable(parse, context);
        var problems = new InputProblems();
        RequireColumns(table, problems, required);
        problems.ThrowIfAny();

        var format = parse.GetValue(io.Format);
        var echoed = EchoedColumns(table, written);
        var writer = new TableWriter([.. echoed, .. written]);
        for (int row = 0; row < table.RowCount; row++)
        {
            if (ComputeRowOrProblem(table, row, problems, computeRow) is { } cells)
            {
                writer.AddRow([.. echoed.Select(c => EchoCell(table, row, c, format)), .. cells]);
            }
        }
        problems.ThrowIfAny();
        io.WriteOutput(parse, context, output => writer.Write(output, format));
        return CliApp.Success;
    }

    /// <summary>
    /// Runs one row; an <see cref="ArgumentException"/> from the library (a value the CLI's own range checks let
    /// through) becomes that row's problem instead of an internal failure.
    /// </summary>
    private static IEnumerable<object?>? ComputeRowOrProblem(InputTable table, int row, InputProblems problems,
        Func<InputTable, int, InputProblems, IEnumerable<object?>?> computeRow)
    {
        try
        {
            return computeRow(table, row, problems);
        }
        catch (ArgumentException ex)
        {
            problems.Add(table.Source, table.RowNumber(row), null, InputException.FromArgument(table.Source, ex).Problems[0].Message);
            return null;
        }
    }

    /// <summary>True when the rows give the load as <c>traffic</c> in Erlangs rather than contacts per interval.</summary>
    private static bool UsesTraffic(InputTable table) => !table.HasColumn("contacts") && table.HasColumn("traffic");

    /// <summary>One row's queue: interval, handle time and patience (null: Erlang C), or null after recording problems.</summary>
    public static ContactQueue? ReadQueue(InputTable table, int row, InputProblems problems, out double contacts, out double answerWithinSeconds)
    {
        double handle = table.ReadDouble(row, "aht_s", problems, min: MinSeconds, max: MaxSeconds);
        double interval;
        if (UsesTraffic(table))
        {
            // Traffic in Erlangs: contacts = traffic × interval / AHT (the interval defaults to one AHT).
            double traffic = table.ReadDouble(row, "traffic", problems, min: 0);
            interval = table.ReadOptionalDouble(row, "interval_s", problems, min: MinSeconds, max: MaxSeconds) ?? handle;
            contacts = traffic * interval / handle;
        }
        else
        {
            contacts = table.ReadDouble(row, "contacts", problems, min: 0);
            interval = table.ReadDouble(row, "interval_s", problems, min: MinSeconds, max: MaxSeconds);
        }
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
        if (table.HasColumn("contacts") && table.HasColumn("traffic") && table.GetText(row, "traffic") is not null)
        {
            // Both ways of giving the load (e.g. a staffing output read back): they must agree, or which one to
            // believe is ambiguous and neither is picked.
            double given = table.ReadDouble(row, "traffic", problems, min: 0);
            double implied = queue.Traffic(contacts);
            if (double.IsNaN(given))
            {
                return null;
            }
            if (Math.Abs(given - implied) > 1e-12 * Math.Max(given, implied))
            {
                problems.Add(table.Source, table.RowNumber(row), "traffic",
                    $"{table.GetText(row, "traffic")} Erlangs disagrees with contacts x aht_s / interval_s = {implied.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}: give the load one way (contacts with interval_s, or traffic)");
                return null;
            }
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
