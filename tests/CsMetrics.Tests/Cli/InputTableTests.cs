using CsMetrics.Cli;

namespace CsMetrics.Tests.Cli;

public class InputTableTests
{
    [Fact]
    public void Csv_reads_header_quoted_fields_and_line_numbers()
    {
        const string csv = "\uFEFFname,value\r\n\"a, b\",1.5\n\n\"say \"\"hi\"\"\",2\n\"multi\nline\",3\n";
        var table = InputTable.ParseCsv(new StringReader(csv), "in.csv");

        Assert.Equal(["name", "value"], table.Columns);
        Assert.Equal(3, table.RowCount);
        Assert.Equal("a, b", table.GetText(0, "name"));
        Assert.Equal("say \"hi\"", table.GetText(1, "name"));
        Assert.Equal("multi\nline", table.GetText(2, "name"));
        Assert.Equal([2, 4, 5], Enumerable.Range(0, 3).Select(table.RowNumber));
    }

    [Fact]
    public void Typed_reads_record_located_problems_instead_of_throwing()
    {
        var table = InputTable.ParseCsv(new StringReader("contacts,aht_s\n10,abc\n-1,180\n,180\n"), "in.csv");
        var problems = new InputProblems();

        Assert.True(double.IsNaN(table.ReadDouble(0, "aht_s", problems, min: 0, minExclusive: true)));
        Assert.True(double.IsNaN(table.ReadDouble(1, "contacts", problems, min: 0)));
        Assert.True(double.IsNaN(table.ReadDouble(2, "contacts", problems)));
        Assert.Null(table.ReadOptionalDouble(0, "shrinkage", problems));

        var ex = Assert.Throws<InputException>(problems.ThrowIfAny);
        Assert.Equal(
            [
                "in.csv: row 2, column 'aht_s': 'abc' is not a number (use '.' for decimals)",
                "in.csv: row 3, column 'contacts': -1 is out of range: must be >= 0",
                "in.csv: row 4, column 'contacts': a value is required",
            ],
            ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Missing_columns_and_ragged_rows_are_reported()
    {
        var table = InputTable.ParseCsv(new StringReader("a,b\n1,2\n"), "x.csv");
        var problems = new InputProblems();
        Assert.False(table.RequireColumns(problems, "a", "c"));
        Assert.Contains("column 'c': required column is missing", Assert.Throws<InputException>(problems.ThrowIfAny).Message);

        var ragged = Assert.Throws<InputException>(() => InputTable.ParseCsv(new StringReader("a,b\n1,2,3\n"), "x.csv"));
        Assert.Equal("x.csv: row 2: has 3 cells but the header has 2 columns", ragged.Problems.Single().ToString());

        var unclosed = Assert.Throws<InputException>(() => InputTable.ParseCsv(new StringReader("a\n\"open\n"), "x.csv"));
        Assert.Contains("row 2", unclosed.Message);

        Assert.Throws<InputException>(() => InputTable.ParseCsv(new StringReader(""), "x.csv"));
    }

    [Fact]
    public void Json_array_of_objects_reads_as_a_table()
    {
        var table = InputTable.ParseJson(new StringReader("""[{"a": 1.5, "b": "x"}, {"b": null, "c": true}]"""), "in.json");
        Assert.Equal(["a", "b", "c"], table.Columns);
        Assert.Equal("1.5", table.GetText(0, "a"));
        Assert.Null(table.GetText(1, "b"));
        Assert.Equal("true", table.GetText(1, "c"));
        Assert.Equal(2, table.RowNumber(1));

        Assert.Throws<InputException>(() => InputTable.ParseJson(new StringReader("{}"), "in.json"));
        Assert.Throws<InputException>(() => InputTable.ParseJson(new StringReader("[1,"), "in.json"));
    }

    [Fact]
    public void Writer_round_trips_numbers_and_marks_not_applicable()
    {
        var writer = new TableWriter(["x", "y", "note"]);
        writer.AddRow(0.1 + 0.2, double.NaN, "a,b");
        var csv = new StringWriter();
        writer.Write(csv, OutputFormat.Csv);
        Assert.Equal("x,y,note\n0.30000000000000004,,\"a,b\"\n", csv.ToString().ReplaceLineEndings("\n"));

        var json = new StringWriter();
        writer.Write(json, OutputFormat.Json);
        var back = InputTable.ParseJson(new StringReader(json.ToString()), "out.json");
        Assert.Equal(0.1 + 0.2, double.Parse(back.GetText(0, "x")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(back.GetText(0, "y"));
    }
}
