using System.Text;
using CsMetrics.Data;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary>
/// The table-reading rules through the command line (CsMetrics.Data under every command): bad input exits 2
/// with one <c>error:</c> line per problem, naming file, row and column, and prints nothing on standard output.
/// </summary>
public sealed class TableInputTests : IDisposable
{
    private const string Header = "contacts,interval_s,aht_s,answer_s,target_sl";
    private readonly string _directory = Directory.CreateTempSubdirectory("csmetrics-input-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteFile(string name, string text) => WriteFile(name, Encoding.UTF8.GetBytes(text));

    private static string[] ErrorLines(CliRunner.Result result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => Assert.StartsWith("error: ", line));
        return lines.Select(line => line["error: ".Length..]).ToArray();
    }

    [Theory]
    [InlineData("staffing")]
    [InlineData("queue")]
    public void Duplicate_columns_are_an_error_naming_both(string command)
    {
        var lines = ErrorLines(CliRunner.RunWithInput($"{Header},agents,AHT_S\n100,1800,180,20,0.8,14,200\n", command));
        Assert.Equal(["<stdin>: row 1, column 'AHT_S': 'aht_s' (column 3) and 'AHT_S' (column 7) differ only in case; column names must be unique, ignoring case"], lines);
    }

    /// <summary>The named columns of CSV output, read with the library's reader (the output quotes European echoes).</summary>
    private static List<string> Cells(string csv, params string[] columns)
    {
        using var reader = TableReader.OpenCsv(new StringReader(csv), "out");
        var cells = new List<string>();
        while (reader.MoveNext())
        {
            cells.AddRange(columns.Select(c => reader.GetString(reader.ColumnIndex(c)) ?? ""));
        }
        return cells;
    }

    [Fact]
    public void Duplicate_keys_in_json_are_an_error()
    {
        var lines = ErrorLines(CliRunner.RunWithInput("""[{"contacts": 100, "interval_s": 1800, "aht_s": 180, "aht_s": 200, "answer_s": 20, "target_sl": 0.8}]""", "staffing", "--format", "json"));
        Assert.Equal(["<stdin>: row 1, column 'aht_s': the key appears twice in this object; keys must be unique"], lines);
    }

    [Fact]
    public void A_number_with_a_decimal_comma_is_an_error_not_a_larger_number()
    {
        var lines = ErrorLines(CliRunner.RunWithInput($"{Header}\n100,1800,\"2,8\",20,0.8\n", "staffing"));
        Assert.Equal(["<stdin>: row 2, column 'aht_s': '2,8' is not a number (use '.' for decimals)"], lines);
    }

    [Fact]
    public void European_files_are_read_with_explicit_options_and_give_the_same_answer()
    {
        var plain = CliRunner.RunWithInput($"{Header}\n100,1800,180.5,20,0.8\n", "staffing");
        var european = CliRunner.RunWithInput($"{Header.Replace(',', ';')}\n100;1800;180,5;20;0,8\n", "staffing", "--delimiter", ";", "--decimal-comma");
        Assert.Equal(0, european.ExitCode);
        Assert.Equal(Cells(plain.Output, "agents", "service_level"), Cells(european.Output, "agents", "service_level"));

        // The options are never guessed: the same file without them is one unknown column.
        var guessed = ErrorLines(CliRunner.RunWithInput($"{Header.Replace(',', ';')}\n100;1800;180,5;20;0,8\n", "staffing"));
        Assert.Contains(guessed, line => line.Contains("column 'contacts': required column is missing"));
    }

    [Theory]
    [InlineData(new[] { "--decimal-comma" }, "--decimal-comma: a decimal comma needs a delimiter other than ',' (for example ';')")]
    [InlineData(new[] { "--delimiter", ";;" }, "--delimiter: ';;' is not one character (use e.g. ';' or tab)")]
    [InlineData(new[] { "--encoding", "klingon" }, "--encoding: 'klingon' is not a known encoding (for example utf-8, windows-1252, iso-8859-1, utf-16)")]
    public void Bad_reading_options_are_errors(string[] options, string expected)
    {
        var lines = ErrorLines(CliRunner.RunWithInput($"{Header}\n100,1800,180,20,0.8\n", ["staffing", .. options]));
        Assert.Equal([expected], lines);
    }

    [Fact]
    public void Input_that_is_not_utf8_is_an_error_naming_the_row_and_windows1252_reads_it_correctly()
    {
        var windows1252 = TableReadOptions.GetEncoding("windows-1252");
        var path = WriteFile("excel.csv", windows1252.GetBytes($"agent,{Header}\nJos\u00e9,100,1800,180,20,0.8\nJos\u00e8,50,1800,180,20,0.8\n"));

        var lines = ErrorLines(CliRunner.Run("staffing", "--input", path));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{path}: row 2, column 'agent': the input is not valid UTF-8", lines[0]);
        Assert.StartsWith($"{path}: row 3, column 'agent': the input is not valid UTF-8", lines[1]);

        var read = CliRunner.Run("staffing", "--input", path, "--encoding", "windows-1252");
        Assert.Equal(0, read.ExitCode);
        Assert.Equal(["Jos\u00e9", "Jos\u00e8"], CsvText.Column(read.Output, "agent"));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_from_a_file()
    {
        var path = WriteFile("bom.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"{Header}\n100,1800,180,20,0.8\n")]);
        var result = CliRunner.Run("staffing", "--input", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["14"], CsvText.Column(result.Output, "agents"));
    }

    [Fact]
    public void A_ragged_row_does_not_hide_the_value_errors_of_later_rows()
    {
        var lines = ErrorLines(CliRunner.RunWithInput($"{Header}\n100,1800,180,20,0.8,9\n100,1800,abc,20,0.8\n\n100,1800,180,20,2\n", "staffing"));
        Assert.Equal(
            [
                "<stdin>: row 2: has 6 cells but the header has 5 columns",
                "<stdin>: row 3, column 'aht_s': 'abc' is not a number (use '.' for decimals)",
                "<stdin>: row 5, column 'target_sl': 2 is out of range: must be >= 0 and <= 1",
            ],
            lines);
    }

    [Fact]
    public void Blank_lines_are_skipped()
    {
        var result = CliRunner.RunWithInput($"\n{Header}\n\n100,1800,180,20,0.8\n\n\n50,1800,180,20,0.8\n\n", "staffing");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliRunner.RunWithInput($"{Header}\n100,1800,180,20,0.8\n50,1800,180,20,0.8\n", "staffing").Output, result.Output);
    }

    [Theory]
    [InlineData("staffing")]
    [InlineData("queue")]
    [InlineData("agreement")]
    [InlineData("ahp")]
    [InlineData("metrics", "--metric", "nps", "--column", "score")]
    public void Empty_input_gets_a_clear_message(params string[] command)
    {
        Assert.Equal(["<stdin>: the input is empty: a header row is required"], ErrorLines(CliRunner.RunWithInput("\n\n", command)));
    }

    [Fact]
    public void Plan_reads_its_history_through_the_same_rules()
    {
        var path = WriteFile("history.csv", "timestamp,value,Value\n2026-01-01T00:00,1,1\n");
        Assert.Equal([$"{path}: row 1, column 'Value': 'value' (column 2) and 'Value' (column 3) differ only in case; column names must be unique, ignoring case"],
            ErrorLines(CliRunner.Run("plan", "--input", path)));
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var path = Path.Combine(_directory, "none.csv");
        Assert.Equal([$"{path}: file not found"], ErrorLines(CliRunner.Run("staffing", "--input", path)));
    }
}
