using System.Diagnostics;
using CsMetrics.Data;
using CsMetrics.Metrics;
using DuckDB.NET.Data;

namespace CsMetrics.Peers.Data;

/// <summary>
/// <c>report-vs-duckdb FILE [runs]</c>: the same aggregation of the same contact CSV by CsMetrics (CsMetrics.Data's
/// reader into <see cref="ContactAggregator"/>, queue x 30-minute UTC interval) and by DuckDB (read_csv, GROUP BY),
/// alternated in one process, each reading the file from scratch; prints rows/s and the ratio. UTC buckets, so the
/// SQL needs no ICU time-zone functions; both count offered, answered, answered within 20 s, abandoned and sum waits.
/// </summary>
internal static class ReportPeer
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: report-vs-duckdb contacts.csv [runs]");
            return 2;
        }
        string path = Path.GetFullPath(args[0]);
        int runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        long rows = File.ReadLines(path).LongCount() - 1;
        Console.WriteLine($"{rows:N0} contacts, {new FileInfo(path).Length / 1e6:F0} MB; {Environment.ProcessorCount} cores; runs alternate");
        var ours = new List<double>();
        var duck = new List<double>();
        (int Groups, long Offered) oursResult = default, duckResult = default;
        for (int run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            oursResult = CsMetricsReport(path);
            ours.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            duckResult = DuckDbReport(path);
            duck.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine($"run {run + 1}: CsMetrics {ours[^1]:F2} s ({oursResult.Groups} groups, {oursResult.Offered} offered), DuckDB {duck[^1]:F2} s ({duckResult.Groups} groups, {duckResult.Offered} offered)");
        }
        double bestOurs = ours.Min(), bestDuck = duck.Min();
        Console.WriteLine($"best: CsMetrics {rows / bestOurs / 1e6:F2} M rows/s, DuckDB {rows / bestDuck / 1e6:F2} M rows/s; CsMetrics / DuckDB throughput = {bestDuck / bestOurs:F2}");
        return oursResult == duckResult ? 0 : 1;
    }

    private static (int, long) CsMetricsReport(string path)
    {
        using var table = TableReader.Open(path);
        int arrival = table.ColumnIndex("arrival"), outcome = table.ColumnIndex("outcome"), wait = table.ColumnIndex("wait_s"), queue = table.ColumnIndex("queue");
        var aggregator = new ContactAggregator(new ContactAggregatorOptions { Keys = ["queue"], IntervalMinutes = 30 });
        while (table.MoveNext())
        {
            var record = new ContactRecord
            {
                Arrival = table.ReadTimestamp(arrival) ?? default,
                Outcome = table.GetText(outcome).SequenceEqual("answered") ? ContactOutcome.Answered : ContactOutcome.Abandoned,
                WaitSeconds = table.ReadDouble(wait, min: 0),
            };
            aggregator.Add(record, table.GetText(queue));
        }
        table.ThrowIfProblems();
        var results = aggregator.Results(fillCalendar: false);
        return (results.Count, results.Sum(r => r.Offered));
    }

    private static (int, long) DuckDbReport(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT queue, time_bucket(INTERVAL 30 MINUTE, CAST(replace(arrival, 'Z', '') AS TIMESTAMP)) AS interval_start,
                   count(*) AS offered,
                   count(*) FILTER (WHERE outcome = 'answered') AS answered,
                   count(*) FILTER (WHERE outcome = 'answered' AND wait_s <= 20) AS answered_within,
                   count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
                   sum(wait_s) FILTER (WHERE outcome = 'answered') AS answer_wait
            FROM read_csv('{path.Replace("'", "''")}', header = true, all_varchar = false,
                          columns = {"{"}'arrival': 'VARCHAR', 'queue': 'VARCHAR', 'agent': 'VARCHAR', 'outcome': 'VARCHAR', 'wait_s': 'DOUBLE',
                                      'talk_s': 'DOUBLE', 'hold_s': 'DOUBLE', 'wrap_s': 'DOUBLE', 'csat': 'INTEGER', 'nps': 'INTEGER', 'resolved': 'INTEGER'{"}"})
            GROUP BY ALL ORDER BY ALL
            """;
        using var reader = command.ExecuteReader();
        int groups = 0;
        long offered = 0;
        while (reader.Read())
        {
            groups++;
            offered += reader.GetInt64(2);
        }
        return (groups, offered);
    }
}
