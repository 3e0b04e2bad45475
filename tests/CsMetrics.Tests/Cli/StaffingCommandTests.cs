using System.Globalization;
using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

public class StaffingCommandTests
{
    private const string Header = "contacts,interval_s,aht_s,answer_s,target_sl";
    private static readonly string[] OutputColumns =
        ["traffic", "agents", "scheduled", "service_level", "wait_probability", "asa_s", "occupancy", "abandon_probability"];

    [Fact]
    public void Worked_example()
    {
        var result = CliRunner.RunWithInput($"{Header},shrinkage\n100,1800,180,20,0.8,0.3\n", "staffing");
        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(CsvText.Parse(result.Output));
        Assert.Equal("14", row["agents"]);
        Assert.Equal("20", row["scheduled"]);
        Assert.Equal("", row["abandon_probability"]);
        Assert.Equal(0.88835, double.Parse(row["service_level"], CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public void Output_columns_are_the_input_columns_then_the_contract_columns()
    {
        var result = CliRunner.RunWithInput($"{Header},note\n100,1800,180,20,0.8,busy\n", "staffing");
        Assert.Equal(0, result.ExitCode);
        var header = result.Output.Split('\n')[0].Trim();
        Assert.Equal($"{Header},note," + string.Join(',', OutputColumns), header);
    }

    [Fact]
    public void Round_trips_every_reference_row()
    {
        var inputColumns = new[] { "contacts", "interval_s", "aht_s", "answer_s", "target_sl", "max_occupancy", "max_asa_s", "shrinkage", "patience_s", "max_abandon" };
        var reference = ReferenceData.ReadCsv("queueing/staffing.csv");
        var input = string.Join(',', inputColumns) + "\n"
            + string.Join("\n", reference.Select(r => string.Join(',', inputColumns.Select(c => r[c])))) + "\n";
        var result = CliRunner.RunWithInput(input, "staffing");
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        Assert.Equal(reference.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(reference[i]["agents"], rows[i]["agents"]);
            Assert.Equal(reference[i]["scheduled"], rows[i]["scheduled"]);
            foreach (var column in new[] { "traffic", "service_level", "wait_probability", "asa_s", "occupancy", "abandon_probability" })
            {
                string expectedText = reference[i][column], actualText = rows[i][column];
                Assert.True((expectedText.Length == 0) == (actualText.Length == 0), $"row {i + 2}, {column}: '{actualText}' vs '{expectedText}'");
                if (expectedText.Length > 0)
                {
                    double expected = ReferenceData.Number(expectedText), actual = ReferenceData.Number(actualText);
                    Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected), $"row {i + 2}, {column}: {actual:R} vs {expected:R}");
                }
            }
        }
    }

    [Fact]
    public void Bad_rows_are_located_exit_2_and_nothing_is_written()
    {
        var output = Path.Combine(Path.GetTempPath(), $"csmetrics-staffing-{Guid.NewGuid():N}.csv");
        var result = CliRunner.RunWithInput(
            $"{Header},shrinkage\n100,1800,180,20,0.8,0.3\n100,1800,-5,20,0.8,0.3\n100,1800,180,20,1.2,1\n", "staffing", "--output", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("row 3, column 'aht_s'", result.Error);
        Assert.Contains("-5", result.Error);
        Assert.Contains("row 4, column 'target_sl'", result.Error);
        Assert.Contains("row 4, column 'shrinkage'", result.Error);
        Assert.False(File.Exists(output));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void A_missing_required_column_is_reported()
    {
        var result = CliRunner.RunWithInput("contacts,interval_s,aht_s\n100,1800,180\n", "staffing");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("column 'answer_s'", result.Error);
        Assert.Contains("column 'target_sl'", result.Error);
    }

    [Fact]
    public void Json_in_and_out()
    {
        var result = CliRunner.RunWithInput(
            """[{"contacts": 100, "interval_s": 1800, "aht_s": 180, "answer_s": 20, "target_sl": 0.8, "patience_s": 120}]""",
            "staffing", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var row = Assert.Single(document.RootElement.EnumerateArray().ToArray());
        Assert.True(row.GetProperty("agents").GetInt32() <= 14);
        Assert.True(row.GetProperty("abandon_probability").GetDouble() > 0);
        Assert.Equal(100, row.GetProperty("contacts").GetDouble()); // echoed numbers stay numbers in JSON
    }

    [Fact]
    public void Help_ends_with_an_example()
    {
        var result = CliRunner.Run("staffing", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example: csmetrics staffing", result.Output);
    }
}
