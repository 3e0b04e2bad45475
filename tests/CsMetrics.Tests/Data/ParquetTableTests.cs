using CsMetrics.Data;

namespace CsMetrics.Tests.Data;

/// <summary>Parquet through <see cref="TableWriter"/> and <see cref="TableReader"/>: types, nulls, row groups, bad files.</summary>
public class ParquetTableTests
{
    [Fact]
    public void Typed_columns_round_trip_with_nulls_across_row_groups()
    {
        int rows = TableWriter.ParquetRowGroupSize + 7;
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Parquet,
            [TableColumn.Text("queue"), TableColumn.Number("wait_s"), TableColumn.Integer("n"), TableColumn.Boolean("resolved")], leaveOpen: true))
        {
            for (int i = 0; i < rows; i++)
            {
                writer.Write(i % 3 == 0 ? null : $"q{i % 5}");
                writer.Write(i % 4 == 0 ? double.NaN : i * 0.5);
                writer.Write((long)i);
                writer.Write(i % 2 == 0);
                writer.EndRow();
            }
        }
        stream.Position = 0;
        using var reader = TableReader.OpenParquet(stream, "t.parquet");
        Assert.Equal(["queue", "wait_s", "n", "resolved"], reader.Columns);
        int count = 0;
        while (reader.MoveNext())
        {
            int i = count++;
            Assert.Equal(i + 1, reader.RowNumber);
            Assert.Equal(i % 3 == 0 ? null : $"q{i % 5}", reader.GetString(0));
            Assert.Equal(i % 4 == 0 ? null : i * 0.5, reader.ReadOptionalDouble(1));
            Assert.Equal(i, reader.ReadDouble(2));
            Assert.Equal(i % 2 == 0, reader.ReadOptionalBoolean(3));
        }
        Assert.Equal(rows, count);
        Assert.False(reader.HasProblems);
    }

    [Fact]
    public void Text_cells_in_parquet_follow_the_same_number_rule()
    {
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Parquet, [TableColumn.Text("aht_s")], leaveOpen: true))
        {
            writer.Write("2,8");
            writer.EndRow();
        }
        stream.Position = 0;
        using var reader = TableReader.OpenParquet(stream, "t.parquet");
        Assert.True(reader.MoveNext());
        Assert.True(double.IsNaN(reader.ReadDouble(0)));
        Assert.Equal("t.parquet: row 1, column 'aht_s': '2,8' is not a number (use '.' for decimals)", reader.Problems.Single().ToString());
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_error()
    {
        var ex = Assert.Throws<TableFormatException>(() => TableReader.OpenParquet(new MemoryStream("a,b\n1,2\n"u8.ToArray()), "x.parquet"));
        Assert.StartsWith("x.parquet: not a readable Parquet file", ex.Problems.Single().ToString());
    }

    [Fact]
    public void A_non_seekable_stream_is_spooled()
    {
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Parquet, [TableColumn.Number("x")], leaveOpen: true))
        {
            writer.Write(1.5);
            writer.EndRow();
        }
        using var reader = TableReader.OpenParquet(new ForwardOnlyStream(stream.ToArray()), "pipe");
        Assert.True(reader.MoveNext());
        Assert.Equal(1.5, reader.ReadDouble(0));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
