using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsMetrics.Data;
using CsMetrics.Queueing;

namespace CsMetrics.Benchmarks.Data;

/// <summary>
/// Staffing rows per second, CSV in and CSV out, through the library (CsMetrics.Data reading and writing, the
/// Erlang C solve per row; no memo: every row distinct), beside a baseline of the solve alone over numbers
/// already in arrays, so the ratio is what reading and writing cost on top of the mathematics.
/// </summary>
[MemoryDiagnoser]
public class StaffingPipelineBenchmarks
{
    private byte[] _csv = [];
    private double[] _contacts = [];
    private double[] _aht = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    private static readonly TableColumn[] Output =
        [TableColumn.Text("contacts"), TableColumn.Text("interval_s"), TableColumn.Text("aht_s"), TableColumn.Text("answer_s"), TableColumn.Text("target_sl"),
         TableColumn.Number("traffic"), TableColumn.Number("agents"), TableColumn.Number("service_level"), TableColumn.Number("asa_s"), TableColumn.Number("occupancy")];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _contacts = new double[Rows];
        _aht = new double[Rows];
        var text = new StringBuilder("contacts,interval_s,aht_s,answer_s,target_sl\n");
        for (int i = 0; i < Rows; i++)
        {
            _contacts[i] = Math.Round(random.NextDouble() * 400, 3);
            _aht[i] = Math.Round(180 + random.NextDouble() * 120, 1);
            text.Append(CultureInfo.InvariantCulture, $"{_contacts[i]},1800,{_aht[i]},20,0.8\n");
        }
        _csv = Encoding.UTF8.GetBytes(text.ToString());
    }

    private static readonly StaffingTargets Targets = new() { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };

    [Benchmark(Baseline = true)]
    public double SolveOnly()
    {
        double sum = 0;
        for (int i = 0; i < _contacts.Length; i++)
        {
            var queue = new ContactQueue(TimeSpan.FromSeconds(1800), TimeSpan.FromSeconds(_aht[i]));
            sum += queue.RequiredAgents(_contacts[i], Targets).Agents;
        }
        return sum;
    }

    [Benchmark]
    public long CsvInSolveCsvOut()
    {
        var output = new MemoryStream(_csv.Length * 3);
        using var reader = TableReader.OpenCsv(new MemoryStream(_csv), "staffing.csv");
        int contacts = reader.ColumnIndex("contacts"), interval = reader.ColumnIndex("interval_s"), aht = reader.ColumnIndex("aht_s"),
            answer = reader.ColumnIndex("answer_s"), target = reader.ColumnIndex("target_sl");
        using (var writer = TableWriter.Create(output, TableFormat.Csv, Output, leaveOpen: true))
        {
            Span<double> results = stackalloc double[5];
            while (reader.MoveNext())
            {
                double n = reader.ReadDouble(contacts, min: 0), seconds = reader.ReadDouble(interval, min: 1e-3), handle = reader.ReadDouble(aht, min: 1e-3);
                var targets = new StaffingTargets { ServiceLevel = reader.ReadDouble(target, 0, 1), AnswerWithin = TimeSpan.FromSeconds(reader.ReadDouble(answer, min: 0)) };
                var result = new ContactQueue(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(handle)).RequiredAgents(n, targets);
                results[0] = result.Metrics.Traffic;
                results[1] = result.Agents;
                results[2] = result.Metrics.ServiceLevel;
                results[3] = result.Metrics.AverageSpeedOfAnswerSeconds;
                results[4] = result.Metrics.Occupancy;
                foreach (int c in (ReadOnlySpan<int>)[contacts, interval, aht, answer, target])
                {
                    writer.Write(reader.GetText(c));
                }
                writer.Write(results);
                writer.EndRow();
            }
            reader.ThrowIfProblems();
        }
        return output.Length;
    }
}
