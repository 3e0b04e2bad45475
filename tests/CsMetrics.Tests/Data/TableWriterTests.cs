using System.Text;
using CsMetrics.Data;

namespace CsMetrics.Tests.Data;

public class TableWriterTests
{
    [Fact]
    public void Csv_quotes_what_needs_quoting_and_writes_no_value_as_empty()
    {
        var text = new StringWriter();
        using (var writer = TableWriter.CreateCsv(text, [TableColumn.Text("note"), TableColumn.Number("x"), TableColumn.Integer("n"), TableColumn.Boolean("b")]))
        {
            writer.Write("a,\"b\"\nc");
            writer.Write(0.1 + 0.2);
            writer.Write(7L);
            writer.Write(true);
            writer.EndRow();
            writer.Write(" padded ");
            writer.Write(double.NaN);
            writer.WriteNull();
            writer.WriteNull();
            writer.EndRow();
        }
        Assert.Equal("note,x,n,b\n\"a,\"\"b\"\"\nc\",0.30000000000000004,7,true\n\" padded \",,,\n", text.ToString());
    }

    [Fact]
    public void Json_writes_an_array_of_objects_with_null_for_no_value()
    {
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Json, [TableColumn.Text("q"), TableColumn.Number("x")], leaveOpen: true))
        {
            writer.Write("Jos\u00e9");
            writer.Write(double.PositiveInfinity);
            writer.EndRow();
        }
        stream.Position = 0;
        using var reader = TableReader.OpenJson(stream, "out.json");
        Assert.True(reader.MoveNext());
        Assert.Equal("Jos\u00e9", reader.GetString(0));
        Assert.True(reader.IsEmpty(1));
        Assert.False(reader.MoveNext());
    }

    [Fact]
    public void Columns_must_be_unique_ignoring_case_and_rows_complete()
    {
        var ex = Assert.Throws<ArgumentException>(() => TableWriter.CreateCsv(new StringWriter(), [TableColumn.Text("a"), TableColumn.Text("A")]));
        Assert.Equal("columns", ex.ParamName);
        using var writer = TableWriter.CreateCsv(new StringWriter(), [TableColumn.Text("a"), TableColumn.Text("b")]);
        writer.Write("x");
        Assert.Throws<InvalidOperationException>(writer.EndRow);
        writer.Write("y");
        Assert.Throws<InvalidOperationException>(() => writer.Write("z"));
        writer.EndRow();
    }

    [Fact]
    public void Writing_csv_rows_allocates_nothing()
    {
        var writer = TableWriter.Create(Stream.Null, TableFormat.Csv, [TableColumn.Text("q"), TableColumn.Number("x"), TableColumn.Integer("n")]);
        long bytes = Infrastructure.Allocations.Measure(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                writer.Write("queue".AsSpan());
                writer.Write(i * 0.37);
                writer.Write((long)i);
                writer.EndRow();
            }
        });
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Reading_csv_rows_allocates_nothing_per_row()
    {
        var text = "q,x,n\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"queue{i % 7},{i * 0.37},{i}\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        long Measure(int rows)
        {
            using var reader = TableReader.OpenCsv(new MemoryStream(bytes), "in.csv");
            long before = GC.GetAllocatedBytesForCurrentThread();
            double sum = 0;
            for (int r = 0; r < rows && reader.MoveNext(); r++)
            {
                sum += reader.ReadDouble(1) + reader.ReadDouble(2) + reader.GetText(0).Length;
            }
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Measure(20_000);
        // Reading 19,000 more rows costs no more than a few buffer refills.
        Assert.True(Measure(20_000) - Measure(1_000) < 64 * 1024, "per-row allocation in the CSV reader");
    }
}
