using System.Globalization;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

public class QueueCommandTests
{
    [Fact]
    public void Reproduces_the_erlang_a_reference()
    {
        var reference = ReferenceData.ReadCsv("queueing/erlang_a_metrics.csv");
        var columns = new[] { "contacts", "interval_s", "aht_s", "patience_s", "answer_s", "agents" };
        var input = string.Join(',', columns) + "\n" + string.Join("\n", reference.Select(r => string.Join(',', columns.Select(c => r[c])))) + "\n";
        var result = CliRunner.RunWithInput(input, "queue");
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (var column in new[] { "wait_probability", "abandon_probability", "service_level", "asa_s", "occupancy" })
            {
                double expected = ReferenceData.Number(reference[i][column]), actual = ReferenceData.Number(rows[i][column]);
                Assert.True(Math.Abs(expected - actual) <= 1e-12 * expected, $"row {i + 2}, {column}: {actual:R} vs {expected:R}");
            }
        }
    }

    [Fact]
    public void Reads_the_erlang_c_reference_as_is_with_traffic_in_erlangs()
    {
        // erlang_c_metrics.csv gives the load as traffic (no contacts or interval_s): the file is a valid input unchanged.
        var reference = ReferenceData.ReadCsv("queueing/erlang_c_metrics.csv");
        var result = CliRunner.Run("queue", "--input", ReferenceData.Path("queueing/erlang_c_metrics.csv"));
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = CsvText.Parse(result.Output);
        Assert.Equal(reference.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (var column in new[] { "wait_probability", "service_level", "asa_s", "occupancy" })
            {
                double expected = ReferenceData.Number(reference[i][column]), actual = ReferenceData.Number(rows[i][column]);
                Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected), $"row {i + 2}, {column}: {actual:R} vs {expected:R}");
            }
        }
    }

    [Fact]
    public void Fractional_agents_and_erlang_c_rows()
    {
        var result = CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,agents\n100,1800,180,20,14\n100,1800,180,20,13.4\n100,1800,180,20,9\n", "queue");
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        Assert.Equal(0.88835, double.Parse(rows[0]["service_level"], CultureInfo.InvariantCulture), 5);
        Assert.Equal("", rows[0]["abandon_probability"]);
        double fractional = double.Parse(rows[1]["service_level"], CultureInfo.InvariantCulture);
        Assert.InRange(fractional, 0.7, 0.8883);
        Assert.Equal("0", rows[2]["service_level"]); // overloaded: 9 agents for 10 Erlangs
        Assert.Equal("Infinity", rows[2]["asa_s"]);
    }

    [Fact]
    public void Bad_cells_are_located_and_exit_2()
    {
        var result = CliRunner.RunWithInput(
            "contacts,interval_s,aht_s,answer_s,agents,patience_s\n100,1800,180,20,abc,\n100,0,180,20,3,\n100,1800,180,20,3,1e12\n", "queue");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("row 2, column 'agents': 'abc' is not a number", result.Error);
        Assert.Contains("row 3, column 'interval_s'", result.Error);
        Assert.Contains("row 4, column 'patience_s': 1e12 is out of range", result.Error);
        Assert.Equal("", result.Output);
    }
}
