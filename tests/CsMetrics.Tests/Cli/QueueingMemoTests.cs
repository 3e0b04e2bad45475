using System.Text;
using CsMetrics.Cli.Commands;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary>
/// <c>staffing</c> and <c>queue</c> reuse the results of a row whose input cells repeat an earlier good row's
/// text. The oracle is the same command with the memo off: every row computed.
/// </summary>
public class QueueingMemoTests
{
    private static string Run(string input, string command, bool memo)
    {
        bool before = QueueingTable.UseMemo;
        QueueingTable.UseMemo = memo;
        try
        {
            var result = CliRunner.RunWithInput(input, command);
            Assert.True(result.ExitCode == 0, result.Error);
            return result.Output;
        }
        finally
        {
            QueueingTable.UseMemo = before;
        }
    }

    [Fact]
    public void Staffing_output_is_identical_with_and_without_the_memo()
    {
        // Rows that repeat, rows that differ from a repeated one in a single input column (each of them), and a
        // column the computation does not read (note), in a shuffled order.
        var random = new Random(3);
        string[] variants =
        [
            "100,1800,180,20,0.8,,,,,0.3",
            "100,1800,180,20,0.8,,,,,0.31",
            "100,1800,180,20,0.8,0.85,,,,0.3",
            "100,1800,180,20,0.8,,15,,,0.3",
            "100,1800,180,20,0.8,,,90,0.05,0.3",
            "100,1800,180,20,0.8,,,90,0.06,0.3",
            "100,1800,180,20,0.9,,,,,0.3",
            "100,1800,180,15,0.8,,,,,0.3",
            "100,1800,181,20,0.8,,,,,0.3",
            "100,1800.0,180,20,0.8,,,,,0.3",
            "101,1800,180,20,0.8,,,,,0.3",
            "100,900,180,20,0.8,,,,,0.3",
        ];
        var input = new StringBuilder("contacts,interval_s,aht_s,answer_s,target_sl,max_occupancy,max_asa_s,patience_s,max_abandon,shrinkage,note\n");
        for (int i = 0; i < 3000; i++)
        {
            input.Append(variants[random.Next(variants.Length)]).Append(',').Append(random.Next(5)).Append('\n');
        }
        string memoised = Run(input.ToString(), "staffing", memo: true);
        Assert.Equal(Run(input.ToString(), "staffing", memo: false), memoised);
        Assert.Equal(3001, memoised.Count(c => c == '\n'));
    }

    [Fact]
    public void Queue_output_is_identical_with_and_without_the_memo()
    {
        var random = new Random(4);
        var input = new StringBuilder("traffic,aht_s,answer_s,agents,patience_s\n");
        for (int i = 0; i < 3000; i++)
        {
            input.Append($"{random.Next(5, 9)},180,20,{random.Next(9, 12)}{(random.Next(2) == 0 ? ".5" : "")},{(random.Next(3) == 0 ? "60" : "")}\n");
        }
        Assert.Equal(Run(input.ToString(), "queue", memo: false), Run(input.ToString(), "queue", memo: true));
    }

    [Fact]
    public void A_bad_row_is_reported_even_when_it_repeats_a_good_rows_other_cells()
    {
        var result = CliRunner.RunWithInput("contacts,interval_s,aht_s,answer_s,target_sl\n100,1800,180,20,0.8\n100,1800,180,20,1.8\n100,1800,180,20,0.8\n", "staffing");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("row 3", result.Error);
        Assert.Contains("target_sl", result.Error);
    }
}
