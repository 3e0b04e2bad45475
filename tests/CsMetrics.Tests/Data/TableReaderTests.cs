using System.Text;
using CsMetrics.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Data;

/// <summary>The reading rules of CsMetrics.Data, one test per rule, CSV and JSON (Parquet in <see cref="ParquetTableTests"/>).</summary>
public class TableReaderTests
{
    private static readonly Encoding Windows1252 = TableReadOptions.GetEncoding("windows-1252");

    private static TableReader Csv(string text, TableReadOptions? options = null) =>
        TableReader.OpenCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), "in.csv", options);

    private static TableReader Csv(byte[] bytes, TableReadOptions? options = null) =>
        TableReader.OpenCsv(new MemoryStream(bytes), "in.csv", options);

    private static TableReader Json(string text) =>
        TableReader.OpenJson(new MemoryStream(Encoding.UTF8.GetBytes(text)), "in.json");

    /// <summary>Reads every row as (row number, cells as text) and the problems as printed.</summary>
    private static (List<(long Row, string[] Cells)> Rows, string[] Problems) ReadAll(TableReader reader)
    {
        var rows = new List<(long, string[])>();
        using (reader)
        {
            while (reader.MoveNext())
            {
                rows.Add((reader.RowNumber, Enumerable.Range(0, reader.Columns.Count).Select(c => reader.GetText(c).ToString()).ToArray()));
            }
            return (rows, reader.Problems.Select(p => p.ToString()).ToArray());
        }
    }

    private static string[] OpenProblems(Func<TableReader> open) =>
        Assert.Throws<TableFormatException>(() => open().Dispose()).Problems.Select(p => p.ToString()).ToArray();

    [Fact]
    public void Rfc4180_quoted_fields_hold_delimiters_quotes_and_line_breaks_and_rows_are_file_lines()
    {
        var (rows, problems) = ReadAll(Csv("name,value\r\n\"a, b\",1.5\r\n\"say \"\"hi\"\"\",2\n\"multi\nline\",3\nlast,4"));
        Assert.Empty(problems);
        Assert.Equal([2L, 3, 4, 6], rows.Select(r => r.Row));
        Assert.Equal(["a, b", "say \"hi\"", "multi\nline", "last"], rows.Select(r => r.Cells[0]));
        Assert.Equal(["1.5", "2", "3", "4"], rows.Select(r => r.Cells[1]));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_keep_the_line_numbers()
    {
        var (rows, problems) = ReadAll(Csv("\n\na,b\n\n1,2\n   \n3,4\n\n"));
        Assert.Empty(problems);
        Assert.Equal([5L, 7], rows.Select(r => r.Row));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "agent,x\nAnn,1\n"u8.ToArray()];
        using var reader = Csv(bytes);
        Assert.Equal(["agent", "x"], reader.Columns);
        Assert.True(reader.MoveNext());
        Assert.Equal("Ann", reader.GetString(reader.ColumnIndex("AGENT")));

        using var json = TableReader.OpenJson(new MemoryStream([0xEF, 0xBB, 0xBF, .. """[{"a": 1}]"""u8.ToArray()]), "in.json");
        Assert.True(json.MoveNext());
        Assert.Equal("1", json.GetString(json.ColumnIndex("a")));
    }

    [Fact]
    public void Empty_input_is_a_clear_error()
    {
        Assert.Equal(["in.csv: the input is empty: a header row is required"], OpenProblems(() => Csv("")));
        Assert.Equal(["in.csv: the input is empty: a header row is required"], OpenProblems(() => Csv("\n \n\n")));
        Assert.Equal(["in.json: the input is empty: expected a JSON array of objects, one per row"], OpenProblems(() => Json("  ")));
        var (rows, problems) = ReadAll(Csv("a,b\n"));
        Assert.Empty(rows);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("agent,wait_s,agent\n", "in.csv: row 1, column 'agent': the column name appears twice (columns 1 and 3); column names must be unique")]
    [InlineData("agent,wait_s,Agent\n", "in.csv: row 1, column 'Agent': 'agent' (column 1) and 'Agent' (column 3) differ only in case; column names must be unique, ignoring case")]
    [InlineData("\n x ,y,X\n", "in.csv: row 2, column 'X': 'x' (column 1) and 'X' (column 3) differ only in case; column names must be unique, ignoring case")]
    public void Duplicate_column_names_are_an_error_naming_both_never_first_wins(string header, string expected)
    {
        Assert.Equal([expected], OpenProblems(() => Csv(header + "1,2,3\n")));
    }

    [Fact]
    public void Every_duplicate_is_reported_and_unnamed_columns_are_not_duplicates()
    {
        Assert.Equal(2, OpenProblems(() => Csv("a,b,A,B\n")).Length);
        using var reader = Csv("a,b,,\n1,2,,\n"); // Excel's trailing delimiters
        Assert.True(reader.MoveNext());
        Assert.Equal(4, reader.Columns.Count);
    }

    [Fact]
    public void Duplicate_keys_in_a_json_object_are_an_error_also_in_different_case()
    {
        var (rows, problems) = ReadAll(Json("""[{"agent": "a", "agent": "b"}, {"agent": "c", "Agent": "d"}, {"agent": "e"}]"""));
        Assert.Equal(
            [
                "in.json: row 1, column 'agent': the key appears twice in this object; keys must be unique",
                "in.json: row 2, column 'Agent': 'agent' and 'Agent' differ only in case; keys must be unique, ignoring case",
            ],
            problems);
        Assert.Equal("e", Assert.Single(rows).Cells[0]);
    }

    [Theory]
    [InlineData("\"2,8\"")]
    [InlineData("1,5e3")]
    [InlineData("1 000")]
    [InlineData("1.000,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("0x10")]
    public void Numbers_are_read_in_invariant_culture_only(string cell)
    {
        using var reader = Csv($"value\n{cell}\n", new TableReadOptions { Delimiter = ';' });
        Assert.True(reader.MoveNext());
        Assert.True(double.IsNaN(reader.ReadDouble(0)));
        var problem = Assert.Single(reader.Problems);
        Assert.Equal(2, problem.Row);
        Assert.Equal("value", problem.Column);
        Assert.EndsWith("is not a number (use '.' for decimals)", problem.Message);
    }

    [Fact]
    public void Two_comma_eight_is_an_error_not_28()
    {
        using var reader = Csv("aht_s,x\n\"2,8\",1\n");
        Assert.True(reader.MoveNext());
        Assert.True(double.IsNaN(reader.ReadDouble(0)));
        Assert.Equal("in.csv: row 2, column 'aht_s': '2,8' is not a number (use '.' for decimals)", reader.Problems.Single().ToString());
    }

    [Fact]
    public void European_files_are_read_only_with_the_explicit_options()
    {
        const string text = "aht_s;wait_s\n2,8;-1,5e1\n180;0\n";
        var european = new TableReadOptions { Delimiter = ';', DecimalComma = true };
        using (var reader = Csv(text, european))
        {
            Assert.True(reader.MoveNext());
            Assert.Equal(2.8, reader.ReadDouble(0));
            Assert.Equal(-15, reader.ReadDouble(1));
            Assert.True(reader.MoveNext());
            Assert.Equal(180, reader.ReadDouble(0));
            Assert.False(reader.HasProblems);
        }
        using (var reader = Csv("aht_s;x\n2.8;1\n", european))
        {
            Assert.True(reader.MoveNext());
            Assert.True(double.IsNaN(reader.ReadDouble(0)));
            Assert.Equal("in.csv: row 2, column 'aht_s': '2.8' is not a number (use ',' for decimals)", reader.Problems.Single().ToString());
        }
        // Without the options the same file is one column named "aht_s;wait_s": nothing is guessed.
        using (var reader = Csv(text))
        {
            Assert.Equal(["aht_s;wait_s"], reader.Columns);
        }
    }

    [Fact]
    public void Contradictory_options_are_rejected_naming_the_option()
    {
        Assert.Equal("DecimalComma", Assert.Throws<ArgumentException>(() => Csv("a\n", new TableReadOptions { DecimalComma = true })).ParamName);
        Assert.Equal("Delimiter", Assert.Throws<ArgumentException>(() => Csv("a\n", new TableReadOptions { Delimiter = '"' })).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => TableReadOptions.GetEncoding("klingon")).ParamName);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_an_error_naming_row_and_column()
    {
        // Excel's Windows-1252 export of José and Josè: é = 0xE9, è = 0xE8, neither valid UTF-8 on its own.
        byte[] bytes = [.. "agent,wait_s\n"u8, .. Windows1252.GetBytes("Jos\u00e9,10\nAnn,5\nJos\u00e8,abc\n")];
        var (rows, problems) = ReadAll(Csv(bytes));
        Assert.Equal(
            [
                "in.csv: row 2, column 'agent': the input is not valid UTF-8 (save the file as UTF-8, \"CSV UTF-8\" in Excel, or read it with the encoding windows-1252 if it is Excel's Windows-1252 export)",
                "in.csv: row 4, column 'agent': the input is not valid UTF-8 (save the file as UTF-8, \"CSV UTF-8\" in Excel, or read it with the encoding windows-1252 if it is Excel's Windows-1252 export)",
            ],
            problems);
        Assert.Equal("Ann", Assert.Single(rows).Cells[0]);
    }

    [Fact]
    public void Windows1252_is_read_correctly_when_named_and_keeps_Jose_and_Josè_apart()
    {
        byte[] bytes = Windows1252.GetBytes("agent,wait_s\nJos\u00e9,10\nJos\u00e8,5\n");
        var (rows, problems) = ReadAll(Csv(bytes, new TableReadOptions { Encoding = Windows1252 }));
        Assert.Empty(problems);
        Assert.Equal(["Jos\u00e9", "Jos\u00e8"], rows.Select(r => r.Cells[0]));

        using var json = TableReader.OpenJson(new MemoryStream(Windows1252.GetBytes("[{\"agent\": \"Jos\u00e9\"}]")), "in.json", new TableReadOptions { Encoding = Windows1252 });
        Assert.True(json.MoveNext());
        Assert.Equal("Jos\u00e9", json.GetString(0));
    }

    [Fact]
    public void Json_that_is_not_utf8_is_an_error_naming_row_and_column()
    {
        byte[] bytes = [.. "[{\"agent\": \"Jos"u8, 0xE9, .. "\"}, {\"agent\": \"Ann\"}]"u8];
        var (rows, problems) = ReadAll(TableReader.OpenJson(new MemoryStream(bytes), "in.json"));
        Assert.StartsWith("in.json: row 1, column 'agent': the input is not valid UTF-8", Assert.Single(problems));
        Assert.Equal("Ann", Assert.Single(rows).Cells[0]);
    }

    [Fact]
    public void A_ragged_row_is_reported_and_does_not_hide_the_value_errors_of_later_rows()
    {
        using var reader = Csv("contacts,aht_s\n10,180\n1,2,3\n10,abc\n\"open,1\n");
        int contacts = reader.ColumnIndex("contacts"), aht = reader.ColumnIndex("aht_s");
        while (reader.MoveNext())
        {
            reader.ReadDouble(contacts, min: 0);
            reader.ReadDouble(aht, min: 0, minExclusive: true);
        }
        Assert.Equal(
            [
                "in.csv: row 3: has 3 cells but the header has 2 columns",
                "in.csv: row 4, column 'aht_s': 'abc' is not a number (use '.' for decimals)",
                "in.csv: row 5: a quoted field is not closed",
            ],
            reader.Problems.Select(p => p.ToString()));
        var ex = Assert.Throws<TableFormatException>(reader.ThrowIfProblems);
        Assert.Equal(3, ex.Problems.Count);
    }

    [Fact]
    public void A_short_row_leaves_the_missing_cells_empty()
    {
        using var reader = Csv("a,b,c\n1\n");
        Assert.True(reader.MoveNext());
        Assert.True(reader.IsEmpty(2));
        Assert.Null(reader.ReadOptionalDouble(2));
        Assert.True(double.IsNaN(reader.ReadDouble(1)));
        Assert.Equal("in.csv: row 2, column 'b': a value is required", reader.Problems.Single().ToString());
    }

    [Fact]
    public void Ranges_flags_and_absent_columns()
    {
        using var reader = Csv("x,flag\n-1,yes\n5,maybe\n");
        int x = reader.ColumnIndex("x"), flag = reader.ColumnIndex("flag"), none = reader.ColumnIndex("none");
        Assert.Equal(-1, none);
        Assert.True(reader.MoveNext());
        Assert.True(double.IsNaN(reader.ReadDouble(x, min: 0)));
        Assert.True(reader.ReadOptionalBoolean(flag));
        Assert.Null(reader.ReadOptionalDouble(none));
        Assert.True(reader.MoveNext());
        Assert.True(double.IsNaN(reader.ReadDouble(x, min: 0, max: 1)));
        Assert.Null(reader.ReadOptionalBoolean(flag));
        Assert.Equal(
            [
                "in.csv: row 2, column 'x': -1 is out of range: must be >= 0",
                "in.csv: row 3, column 'x': 5 is out of range: must be >= 0 and <= 1",
                "in.csv: row 3, column 'flag': 'maybe' is not a flag: use 0/1, true/false or yes/no",
            ],
            reader.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Problems_beyond_the_cap_are_counted_not_kept()
    {
        var text = "x\n" + string.Concat(Enumerable.Repeat("bad\n", 50));
        using var reader = Csv(text, new TableReadOptions { MaxProblems = 10 });
        while (reader.MoveNext())
        {
            reader.ReadDouble(0);
        }
        Assert.Equal(10, reader.Problems.Count);
        Assert.Equal(50, reader.ProblemCount);
        Assert.Equal(40, Assert.Throws<TableFormatException>(reader.ThrowIfProblems).Omitted);
    }

    [Fact]
    public void Json_rows_are_positions_keys_may_come_late_and_bad_elements_are_reported()
    {
        using var reader = Json("""
            // a comment
            [{"a": 1.5, "b": " x "}, 3, {"b": null, "c": true}, {"a": {"nested": 1}}, {"c": "late", "d": 2,},]
            """);
        int d = reader.ColumnIndex("d"); // reserved before any object carries it
        Assert.Equal(["a", "b"], reader.Columns.Take(2));
        var rows = new List<(long, string?, string?, string?)>();
        while (reader.MoveNext())
        {
            rows.Add((reader.RowNumber, reader.GetString(reader.ColumnIndex("a")), reader.GetString(reader.ColumnIndex("b")), reader.GetString(reader.ColumnIndex("c"))));
        }
        Assert.Equal([(1L, "1.5", "x", null), (3L, null, null, "true"), (5L, null, null, "late")], rows);
        Assert.Equal(
            [
                "in.json: row 2: expected an object, got a number",
                "in.json: row 4, column 'a': expected a plain value (a string, number, true, false or null), got an object",
            ],
            reader.Problems.Select(p => p.ToString()));
        Assert.True(reader.HasColumn("d"));
        Assert.True(d >= 0);
    }

    [Theory]
    [InlineData("{}", "in.json: expected a JSON array of objects, one per row")]
    [InlineData("[{\"a\": 1}", "in.json: row 1: invalid JSON (line 1)")]
    [InlineData("[{\"a\": 1} {\"a\": 2}]", "invalid JSON (line 1)")]
    [InlineData("[{\"a\": 1}] []", "invalid JSON (line 1)")]
    public void Damaged_json_is_an_error(string text, string expected)
    {
        var ex = Assert.Throws<TableFormatException>(() =>
        {
            using var reader = Json(text);
            while (reader.MoveNext())
            {
            }
        });
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Json_objects_larger_than_the_buffer_stream_through()
    {
        var big = new string('x', 200_000);
        var text = "[" + string.Join(",", Enumerable.Range(0, 30).Select(i => $"{{\"i\": {i}, \"s\": \"{big}\"}}")) + "]";
        using var reader = Json(text);
        int n = 0;
        while (reader.MoveNext())
        {
            Assert.Equal(n++, reader.ReadDouble(0));
            Assert.Equal(big.Length, reader.GetText(1).Length);
        }
        Assert.Equal(30, n);
    }

    [Fact]
    public void Text_readers_are_accepted_for_csv_and_json()
    {
        using var csv = TableReader.OpenCsv(new StringReader("\uFEFFa\n1\n"), "t");
        Assert.Equal(["a"], csv.Columns);
        using var json = TableReader.OpenJson(new StringReader("[{\"\u00e9\": \"\ud83d\ude00\"}]"), "t");
        Assert.True(json.MoveNext());
        Assert.Equal("\ud83d\ude00", json.GetString(json.ColumnIndex("\u00e9")));
    }

    /// <summary>Law: any table of strings written as CSV reads back cell for cell (quoting round-trips).</summary>
    [Property(MaxTest = 200)]
    public bool Csv_written_by_the_writer_reads_back_exactly(NonEmptyArray<NonNull<string>> cells)
    {
        var values = cells.Get.Select(c => c.Get.Replace("\uFFFD", "").Trim()).Where(c => c.Length > 0 && !c.Any(char.IsSurrogate)).ToArray();
        if (values.Length == 0)
        {
            return true;
        }
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Csv, [TableColumn.Text("v"), TableColumn.Integer("i")], leaveOpen: true))
        {
            for (int i = 0; i < values.Length; i++)
            {
                writer.Write(values[i]);
                writer.Write((long)i);
                writer.EndRow();
            }
        }
        stream.Position = 0;
        using var reader = TableReader.OpenCsv(stream, "w.csv");
        var back = new List<string>();
        while (reader.MoveNext())
        {
            back.Add(reader.GetString(0)!);
        }
        return !reader.HasProblems && back.SequenceEqual(values);
    }
}
