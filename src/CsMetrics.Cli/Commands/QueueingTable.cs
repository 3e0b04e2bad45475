using System.CommandLine;
using CsMetrics.Data;
using System.Runtime.InteropServices;
using CsMetrics.Queueing;

namespace CsMetrics.Cli.Commands;

/// <summary>
/// What <c>staffing</c> and <c>queue</c> share: the queue columns every row carries, the metric columns they
/// write, and the streaming loop (rows are read, computed and written one at a time; memory is flat in the
/// number of rows; the output appears only when every row is good).
/// </summary>
internal static class QueueingTable
{
    /// <summary>The metric columns, in the order the CLI contract fixes.</summary>
    public static readonly string[] MetricColumns =
        ["service_level", "wait_probability", "asa_s", "occupancy", "abandon_probability"];

    /// <summary>The columns <see cref="ReadQueue"/> reads.</summary>
    public static readonly string[] QueueInputs = ["contacts", "traffic", "interval_s", "aht_s", "answer_s", "patience_s"];

    /// <summary>The longest time a cell may hold, in seconds (about 317 years; keeps every <see cref="TimeSpan"/> in range).</summary>
    public const double MaxSeconds = 1e10;

    /// <summary>The shortest interval or handle time, in seconds: 1 ms (times are held as <see cref="TimeSpan"/>s, whose tick is 0.1 µs).</summary>
    public const double MinSeconds = 1e-3;

    /// <summary>Computes one row's results into <c>results</c> (NaN = not applicable); false when the row has a problem (recorded on the reader).</summary>
    public delegate bool RowComputer(TableReader table, in Columns columns, Span<double> results);

    /// <summary>The column indices of the queue inputs, looked up once (-1 when absent).</summary>
    public readonly struct Columns(TableReader table)
    {
        public bool UsesTraffic { get; } = !table.HasColumn("contacts") && table.HasColumn("traffic");
        public int Contacts { get; } = table.ColumnIndex("contacts");
        public int Traffic { get; } = table.ColumnIndex("traffic");
        public int IntervalSeconds { get; } = table.ColumnIndex("interval_s");
        public int HandleSeconds { get; } = table.ColumnIndex("aht_s");
        public int AnswerSeconds { get; } = table.ColumnIndex("answer_s");
        public int PatienceSeconds { get; } = table.ColumnIndex("patience_s");
        public TableReader Table { get; } = table;
        private readonly int[] _named = [.. Named.Select(table.ColumnIndex)];

        /// <summary>The commands' own columns, looked up once (a per-row lookup by name cost a tenth of a distinct row's time).</summary>
        private static readonly string[] Named = ["target_sl", "max_occupancy", "max_asa_s", "max_abandon", "shrinkage", "agents"];

        public int this[string name]
        {
            get
            {
                int i = Array.IndexOf(Named, name);
                return i >= 0 ? _named[i] : Table.ColumnIndex(name);
            }
        }
    }

    /// <summary>
    /// The shared body of <c>staffing</c> and <c>queue</c>: opens the table, checks its columns, computes each row
    /// with <paramref name="computeRow"/> and writes the echoed input columns then <paramref name="written"/>.
    /// Every problem in every row is reported; no output is written when there is any.
    /// </summary>
    /// <remarks>
    /// <paramref name="inputs"/> names every column <paramref name="computeRow"/> reads. For CSV input a row
    /// whose input cells have the same text as an earlier good row's reuses that row's formatted results (a
    /// bounded memo, <see cref="SpanMemo"/>): the computation is a pure function of that text, so the output is identical,
    /// and interval files repeat their rows often (integer volumes and handle times).
    /// </remarks>
    public static int Run(ParseResult parse, CliContext context, CommandIo io, string[] required, string[] written, string[] inputs, RowComputer computeRow)
    {
        TableReader? table = null;
        try
        {
            table = io.OpenTable(parse, context);
            var columns = new Columns(table);
            foreach (var name in columns.UsesTraffic ? required : ["contacts", "interval_s", .. required])
            {
                if (!table.HasColumn(name))
                {
                    table.AddProblem(1, name, $"required column is missing (columns found: {string.Join(",", table.Columns)})");
                }
            }
            table.ThrowIfProblems();

            var format = parse.GetValue(io.Format);
            var own = new HashSet<string>(written, StringComparer.OrdinalIgnoreCase);
            int[] echoed = Enumerable.Range(0, table.Columns.Count).Where(c => !own.Contains(table.Columns[c]) && table.Columns[c].Length > 0).ToArray();
            var outputColumns = echoed.Select(c => TableColumn.Text(table.Columns[c])).Concat(written.Select(TableColumn.Number)).ToArray();

            var tableFormat = format == OutputFormat.Json ? TableFormat.Json : TableFormat.Csv;
            // Rows are read, computed and written one at a time into the command's temporary output, which
            // appears (renamed into place, or copied to standard output) only if no row had a problem.
            io.WriteOutput(parse, context, output =>
            {
                using var writer = tableFormat == TableFormat.Json
                    ? CsMetrics.Data.TableWriter.CreateJson(output, outputColumns)
                    : CsMetrics.Data.TableWriter.CreateCsv(output, outputColumns);
                Span<double> results = stackalloc double[written.Length];
                int[] keyColumns = inputs.Select(table.ColumnIndex).ToArray();
                var memo = table.Format == TableFormat.Csv && UseMemo ? new SpanMemo() : null;
                var csv = writer as CsvTableWriter;
                int resultBytes = written.Length * sizeof(double);
                var value = new byte[resultBytes + (csv?.RunCapacity(written.Length) ?? 0)];
                char[] key = new char[256];
                while (table.MoveNext())
                {
                    int keyLength = memo is { IsDisabled: false } ? BuildKey(table, keyColumns, ref key) : -1;
                    if (keyLength >= 0 && memo!.TryGet(key.AsSpan(0, keyLength), out var cached))
                    {
                        foreach (int c in echoed)
                        {
                            EchoCell(writer, table, c, format);
                        }
                        if (csv is not null)
                        {
                            writer.WriteFormatted(written.Length, cached[resultBytes..]);
                        }
                        else
                        {
                            cached[..resultBytes].CopyTo(MemoryMarshal.AsBytes(results));
                            writer.Write(results);
                        }
                        writer.EndRow();
                        continue;
                    }
                    results.Fill(double.NaN);
                    if (!ComputeRowOrProblem(table, columns, results, computeRow) || table.HasProblems)
                    {
                        continue; // keep reading: every problem of every row is reported
                    }
                    foreach (int c in echoed)
                    {
                        EchoCell(writer, table, c, format);
                    }
                    if (csv is null)
                    {
                        writer.Write(results);
                        if (keyLength >= 0)
                        {
                            MemoryMarshal.AsBytes(results).CopyTo(value);
                            memo!.AddLast(key.AsSpan(0, keyLength), value.AsSpan(0, resultBytes));
                        }
                    }
                    else
                    {
                        // Formatted once, written and (for a memo hit later) remembered as the same bytes.
                        MemoryMarshal.AsBytes(results).CopyTo(value);
                        int n = csv.FormatRun(results, value.AsSpan(resultBytes));
                        writer.WriteFormatted(written.Length, value.AsSpan(resultBytes, n));
                        if (keyLength >= 0)
                        {
                            memo!.AddLast(key.AsSpan(0, keyLength), value.AsSpan(0, resultBytes + n));
                        }
                    }
                    writer.EndRow();
                }
                table.ThrowIfProblems();
                writer.Complete();
            });
            return CliApp.Success;
        }
        catch (TableFormatException ex)
        {
            throw InputException.FromTable(ex);
        }
        finally
        {
            table?.Dispose();
        }
    }

    /// <summary>False to compute every row (tests compare the memoised output with it).</summary>
    internal static bool UseMemo { get; set; } = true;

    /// <summary>
    /// The memo key of the current row: the exact text of each input cell, prefixed by its length (so the key
    /// is unambiguous); -1 when a cell is too long to be worth it.
    /// </summary>
    private static int BuildKey(TableReader table, int[] keyColumns, ref char[] key)
    {
        int length = 0;
        foreach (int c in keyColumns)
        {
            var text = table.GetText(c);
            if (text.Length > 1024)
            {
                return -1;
            }
            if (key.Length < length + 1 + text.Length)
            {
                Array.Resize(ref key, Math.Max(key.Length * 2, length + 1 + text.Length));
            }
            key[length++] = (char)text.Length;
            text.CopyTo(key.AsSpan(length));
            length += text.Length;
        }
        return length;
    }

    /// <summary>
    /// Runs one row; an <see cref="ArgumentException"/> from the library (a value the CLI's own range checks let
    /// through) becomes that row's problem instead of an internal failure.
    /// </summary>
    private static bool ComputeRowOrProblem(TableReader table, in Columns columns, Span<double> results, RowComputer computeRow)
    {
        try
        {
            return computeRow(table, columns, results);
        }
        catch (ArgumentException ex)
        {
            table.AddProblem(-1, InputException.FromArgument(table.Source, ex).Problems[0].Message);
            return false;
        }
    }

    /// <summary>One row's queue: interval, handle time and patience (null: Erlang C), or null after recording problems.</summary>
    public static ContactQueue? ReadQueue(TableReader table, in Columns columns, out double contacts, out double answerWithinSeconds)
    {
        long before = table.ProblemCount;
        double handle = table.ReadDouble(columns.HandleSeconds, min: MinSeconds, max: MaxSeconds);
        double interval;
        if (columns.UsesTraffic)
        {
            // Traffic in Erlangs: contacts = traffic × interval / AHT (the interval defaults to one AHT).
            double traffic = table.ReadDouble(columns.Traffic, min: 0);
            interval = table.ReadOptionalDouble(columns.IntervalSeconds, min: MinSeconds, max: MaxSeconds) ?? handle;
            contacts = traffic * interval / handle;
        }
        else
        {
            contacts = table.ReadDouble(columns.Contacts, min: 0);
            interval = table.ReadDouble(columns.IntervalSeconds, min: MinSeconds, max: MaxSeconds);
        }
        answerWithinSeconds = table.ReadDouble(columns.AnswerSeconds, min: 0, max: MaxSeconds);
        double patience = table.ReadOptionalDouble(columns.PatienceSeconds, min: 0, max: MaxSeconds) ?? 0;
        if (table.ProblemCount > before)
        {
            return null;
        }
        var queue = new ContactQueue(TimeSpan.FromSeconds(interval), TimeSpan.FromSeconds(handle), patience > 0 ? TimeSpan.FromSeconds(patience) : null);
        if (queue.Traffic(contacts) > Staffing.MaxTraffic)
        {
            table.AddProblem(columns.UsesTraffic ? columns.Traffic : columns.Contacts, $"{contacts} contacts give more than {Staffing.MaxTraffic} Erlangs");
            return null;
        }
        if (!columns.UsesTraffic && columns.Traffic >= 0 && !table.IsEmpty(columns.Traffic))
        {
            // Both ways of giving the load (e.g. a staffing output read back): they must agree, or which one to
            // believe is ambiguous and neither is picked.
            double given = table.ReadDouble(columns.Traffic, min: 0);
            double implied = queue.Traffic(contacts);
            if (double.IsNaN(given))
            {
                return null;
            }
            if (Math.Abs(given - implied) > 1e-12 * Math.Max(given, implied))
            {
                table.AddProblem(columns.Traffic,
                    $"{table.GetText(columns.Traffic)} Erlangs disagrees with contacts x aht_s / interval_s = {implied.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}: give the load one way (contacts with interval_s, or traffic)");
                return null;
            }
        }
        return queue;
    }

    /// <summary>An echoed input cell: its text as given for CSV; for JSON a number stays a number.</summary>
    private static void EchoCell(CsMetrics.Data.TableWriter writer, TableReader table, int column, OutputFormat format)
    {
        if (table.IsEmpty(column))
        {
            writer.WriteNull();
        }
        else if (format == OutputFormat.Json && table.TryGetDouble(column, out double number))
        {
            writer.Write(number);
        }
        else
        {
            writer.Write(table.GetText(column));
        }
    }

    /// <summary>Writes the metric results: abandonment is NaN (empty) for Erlang C rows (not applicable).</summary>
    public static void MetricCells(in QueueMetrics metrics, Span<double> results)
    {
        results[0] = metrics.ServiceLevel;
        results[1] = metrics.WaitProbability;
        results[2] = metrics.AverageSpeedOfAnswerSeconds;
        results[3] = metrics.Occupancy;
        results[4] = metrics.Model == QueueModel.ErlangA ? metrics.AbandonProbability : double.NaN;
    }
}
