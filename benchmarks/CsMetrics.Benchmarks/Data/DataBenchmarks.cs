using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsMetrics.Data;
using CsMetrics.Metrics;
using nietras.SeparatedValues;

namespace CsMetrics.Benchmarks.Data;

/// <summary>Synthetic contact records (queue, arrival with offset, outcome, wait, talk) as CSV bytes and as Parquet bytes.</summary>
internal static class ContactFiles
{
    public static byte[] Csv(int rows)
    {
        var random = new Random(7);
        var text = new StringBuilder("arrival,queue,outcome,wait_s,talk_s\n");
        var start = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < rows; i++)
        {
            bool answered = random.NextDouble() < 0.9;
            text.Append(CultureInfo.InvariantCulture,
                $"{start.AddSeconds(i * 3.1):yyyy-MM-dd'T'HH:mm:ss'Z'},{(i % 3 == 0 ? "sales" : "support")},{(answered ? "answered" : "abandoned")},{random.Next(0, 600) / 10.0},{(answered ? (random.Next(600, 3000) / 10.0).ToString(CultureInfo.InvariantCulture) : "")}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Parquet(byte[] csv)
    {
        var output = new MemoryStream();
        using var reader = TableReader.OpenCsv(new MemoryStream(csv), "c");
        using (var writer = TableWriter.Create(output, TableFormat.Parquet,
            [TableColumn.Text("arrival"), TableColumn.Text("queue"), TableColumn.Text("outcome"), TableColumn.Number("wait_s"), TableColumn.Number("talk_s")], leaveOpen: true))
        {
            while (reader.MoveNext())
            {
                writer.Write(reader.GetText(0));
                writer.Write(reader.GetText(1));
                writer.Write(reader.GetText(2));
                writer.Write(reader.ReadDouble(3));
                writer.Write(reader.ReadOptionalDouble(4) ?? double.NaN);
                writer.EndRow();
            }
        }
        return output.ToArray();
    }
}

/// <summary>
/// Reading contact records into typed values: CsMetrics.Data's CSV reader (Sep, with the strictness rules) against
/// a baseline of Sep alone with no checks, and the Parquet reader. Per row: a timestamp, two texts, two numbers.
/// </summary>
[MemoryDiagnoser]
public class TableReaderBenchmarks
{
    private byte[] _csv = [];
    private byte[] _parquet = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = ContactFiles.Csv(Rows);
        _parquet = ContactFiles.Parquet(_csv);
    }

    [Benchmark(Baseline = true)]
    public double SepAloneNoChecks()
    {
        using var reader = Sep.Reader().From(new MemoryStream(_csv));
        double sum = 0;
        foreach (var row in reader)
        {
            sum += row[3].Parse<double>() + row[1].Span.Length + row[0].Span.Length;
        }
        return sum;
    }

    [Benchmark]
    public double CsvTableReader() => Read(TableReader.OpenCsv(new MemoryStream(_csv), "bench.csv"));

    [Benchmark]
    public double ParquetTableReader() => Read(TableReader.OpenParquet(new MemoryStream(_parquet), "bench.parquet"));

    private static double Read(TableReader reader)
    {
        using (reader)
        {
            double sum = 0;
            while (reader.MoveNext())
            {
                sum += reader.ReadDouble(3) + (reader.ReadOptionalDouble(4) ?? 0) + reader.GetText(1).Length
                    + (reader.ReadTimestamp(0)?.Minute ?? 0);
            }
            return sum;
        }
    }
}

/// <summary>The aggregator per record (0 B once the group exists): queue x 30-minute interval in Europe/London.</summary>
[MemoryDiagnoser]
public class ContactAggregatorBenchmarks
{
    private ContactRecord[] _records = [];
    private string[] _queues = [];
    private ContactAggregator _aggregator = null!;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var start = new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero);
        _records = new ContactRecord[Records];
        _queues = new string[Records];
        for (int i = 0; i < Records; i++)
        {
            bool answered = random.NextDouble() < 0.9;
            _records[i] = new ContactRecord
            {
                Arrival = start.AddSeconds(i * 0.5),
                Outcome = answered ? ContactOutcome.Answered : ContactOutcome.Abandoned,
                WaitSeconds = random.Next(0, 600) / 10.0,
                TalkSeconds = answered ? random.Next(600, 3000) / 10.0 : null,
                Csat = random.Next(4) == 0 ? (byte)random.Next(1, 6) : null,
            };
            _queues[i] = i % 3 == 0 ? "sales" : "support";
        }
        _aggregator = new ContactAggregator(new ContactAggregatorOptions { Keys = ["queue"], TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London") });
    }

    /// <summary>Baseline: the same records summed into one plain tally (no keys, no buckets, no time zone).</summary>
    [Benchmark(Baseline = true)]
    public long PlainTally()
    {
        long answered = 0, within = 0;
        double wait = 0;
        foreach (ref readonly var r in _records.AsSpan())
        {
            if (r.Outcome == ContactOutcome.Answered)
            {
                answered++;
                within += r.WaitSeconds <= 20 ? 1 : 0;
                wait += r.WaitSeconds;
            }
        }
        return answered + within + (long)wait;
    }

    [Benchmark]
    public long GroupedByQueueAndLocalInterval()
    {
        var records = _records;
        for (int i = 0; i < records.Length; i++)
        {
            _aggregator.Add(records[i], _queues[i]);
        }
        return _aggregator.ContactCount;
    }
}
