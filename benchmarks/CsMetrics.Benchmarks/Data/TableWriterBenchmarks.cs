using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsMetrics.Data;

namespace CsMetrics.Benchmarks.Data;

/// <summary>
/// Writing a staffing-shaped CSV (two text cells echoed, eight result numbers a row, five of them full-precision
/// fractions): CsMetrics.Data's byte-level CSV writer against a baseline of a <see cref="StreamWriter"/> fed
/// round-trip text (what the writer did before: chars formatted, then encoded).
/// </summary>
[MemoryDiagnoser]
public class TableWriterBenchmarks
{
    private double[] _numbers = [];
    private string[] _texts = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000);

    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    private static readonly TableColumn[] Columns =
        [TableColumn.Text("interval"), TableColumn.Text("contacts"), .. Enumerable.Range(0, 8).Select(i => TableColumn.Number($"r{i}"))];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(9);
        _numbers = new double[1024 * 8];
        for (int i = 0; i < _numbers.Length; i++)
        {
            // Agents, headcount and traffic-like whole numbers beside probabilities and seconds.
            _numbers[i] = (i % 8) switch { 1 or 2 => random.Next(1, 200), 7 => double.NaN, _ => random.NextDouble() * (i % 8 == 5 ? 30 : 1) };
        }
        _texts = Enumerable.Range(0, 1024).Select(i => (i * 7 % 400).ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public long StreamWriterRoundTripText()
    {
        var output = new CountingStream();
        using (var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16))
        {
            Span<char> number = stackalloc char[32];
            writer.Write(string.Join(',', Columns.Select(c => c.Name)));
            writer.Write('\n');
            for (int r = 0; r < Rows; r++)
            {
                int k = r & 1023;
                writer.Write(k % 48);
                writer.Write(',');
                writer.Write(_texts[k]);
                for (int i = 0; i < 8; i++)
                {
                    writer.Write(',');
                    double value = _numbers[k * 8 + i];
                    if (!double.IsNaN(value))
                    {
                        value.TryFormat(number, out int n, default, CultureInfo.InvariantCulture);
                        writer.Write(number[..n]);
                    }
                }
                writer.Write('\n');
            }
        }
        return output.Length;
    }

    [Benchmark]
    public long CsvTableWriter()
    {
        var output = new CountingStream();
        using (var writer = TableWriter.Create(output, TableFormat.Csv, Columns))
        {
            Span<char> interval = stackalloc char[8];
            for (int r = 0; r < Rows; r++)
            {
                int k = r & 1023;
                (k % 48).TryFormat(interval, out int n, default, CultureInfo.InvariantCulture);
                writer.Write(interval[..n]);
                writer.Write(_texts[k].AsSpan());
                writer.Write(_numbers.AsSpan(k * 8, 8));
                writer.EndRow();
            }
        }
        return output.Length;
    }

    /// <summary>A write-only stream that counts bytes (no disk in the measurement).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
