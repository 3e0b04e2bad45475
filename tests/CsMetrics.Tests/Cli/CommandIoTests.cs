using System.Diagnostics;
using System.Text;
using CsMetrics.Cli;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary>The seams every data command shares: standard input, encodings, atomic output, standard output failures.</summary>
public sealed class CommandIoTests : IDisposable
{
    private const string Table = "contacts,interval_s,aht_s,answer_s,target_sl\n100,1800,180,20,0.8\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("csmetrics-io-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string FileWith(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static CliRunner.Result Run(CliContext context, params string[] args)
    {
        int exit = CliApp.Run(args, context);
        return new CliRunner.Result(exit, context.Out.ToString()!, context.Error.ToString()!);
    }

    [Fact]
    public void Standard_input_that_can_give_nothing_is_no_input_at_once()
    {
        var context = new CliContext(new StringReader(""), new StringWriter(), new StringWriter(), IsInteractive: false, HasNoInput: true);
        var result = Run(context, "staffing");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("error: <stdin>: no input: give --input FILE or pipe a table into the command", result.Error.Trim());
    }

    [Fact]
    public void Invalid_utf8_in_a_file_is_an_error_naming_the_row()
    {
        string path = Path.Combine(_directory, "agents.csv");
        // "José" as Windows-1252 writes é as the single byte 0xE9: not UTF-8.
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("contacts,interval_s,aht_s,answer_s,target_sl,agent\n100,1800,180,20,0.8,Jos"), 0xE9, (byte)'\n']);
        var result = CliRunner.Run("staffing", "--input", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Matches(@"^error: .*agents\.csv: row 2, column 'agent': the input is not valid UTF-8 \(save the file as UTF-8", result.Error);
    }

    [Fact]
    public void Invalid_utf8_on_standard_input_is_an_error_naming_the_row()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("contacts,interval_s,aht_s,answer_s,target_sl,agent\n100,1800,180,20,0.8,Jos"), 0xE8, (byte)'\n'];
        var context = new CliContext(new StringReader(""), new StringWriter(), new StringWriter(), IsInteractive: false, InBytes: new MemoryStream(bytes));
        var result = Run(context, "staffing");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("error: <stdin>: row 2, column 'agent': the input is not valid UTF-8", result.Error);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_and_accents_reads_as_written()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("contacts,interval_s,aht_s,answer_s,target_sl,agent\n100,1800,180,20,0.8,José\n100,1800,180,20,0.8,Josè\n")];
        var context = new CliContext(new StringReader(""), new StringWriter(), new StringWriter(), IsInteractive: false, InBytes: new MemoryStream(bytes));
        var result = Run(context, "staffing");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["José", "Josè"], CsvText.Column(result.Output, "agent"));
    }

    [Fact]
    public void Output_equal_to_input_is_refused_and_the_input_kept()
    {
        string input = FileWith("in.csv", Table);
        var result = CliRunner.Run("staffing", "--input", input, "--output", Path.Combine(_directory, ".", "in.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the input file", result.Error);
        Assert.Equal(Table, File.ReadAllText(input));
    }

    [Fact]
    public void Output_through_a_link_to_the_input_is_refused()
    {
        string input = FileWith("in.csv", Table);
        string link = Path.Combine(_directory, "link.csv");
        File.CreateSymbolicLink(link, input);
        var result = CliRunner.Run("staffing", "--input", input, "--output", link);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(Table, File.ReadAllText(input));
    }

    [Fact]
    public void Bad_input_leaves_the_previous_output_file_intact()
    {
        string output = FileWith("out.csv", "previous result\n");
        string input = FileWith("in.csv", "contacts,interval_s,aht_s,answer_s,target_sl\n100,1800,180,20,0.8\n100,1800,-1,20,0.8\n");
        var result = CliRunner.Run("staffing", "--input", input, "--output", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("previous result\n", File.ReadAllText(output));
        Assert.Equal(["in.csv", "out.csv"], Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)!).Order().ToArray());
    }

    [Fact]
    public void A_writer_failing_part_way_leaves_the_old_file_and_no_temporary_file()
    {
        string output = FileWith("out.csv", "old\n");
        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(output, "out.csv", writer =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                writer.WriteLine("a row that is written before the failure");
            }
            throw new InvalidOperationException("failure part-way");
        }));
        Assert.Equal("failure part-way", error.Message);
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_successful_write_replaces_the_file_whole()
    {
        string output = FileWith("out.csv", "old\n");
        var result = CliRunner.Run("staffing", "--input", FileWith("in.csv", Table), "--output", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("14", CsvText.Column(File.ReadAllText(output), "agents").Single());
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }

    [Fact]
    public void Output_into_a_missing_directory_creates_it()
    {
        string output = Path.Combine(_directory, "new", "deeper", "out.csv");
        var result = CliRunner.Run("staffing", "--input", FileWith("in.csv", Table), "--output", output);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void An_unwritable_output_is_an_error_not_an_internal_failure()
    {
        string blocker = FileWith("blocker", "a file where a directory should be");
        var result = CliRunner.Run("staffing", "--input", FileWith("in.csv", Table), "--output", Path.Combine(blocker, "out.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("cannot write the file", result.Error);
    }

    [Fact]
    public void A_failing_standard_output_is_one_error_line_and_exit_2()
    {
        var context = new CliContext(new StringReader(Table), new StandardOutputWriter(new FailingWriter()), new StringWriter(), IsInteractive: false);
        int exit = CliApp.Run(["staffing"], context);
        Assert.Equal(2, exit);
        Assert.Equal("error: cannot write to standard output: No space left on device", context.Error.ToString()!.Trim());
    }

    [Fact]
    public void A_killed_run_leaves_the_previous_file_intact()
    {
        // A large input, so the child process is still writing when it is killed.
        var input = new StringBuilder("contacts,interval_s,aht_s,answer_s,target_sl\n");
        for (int i = 0; i < 300_000; i++)
        {
            input.Append(100 + i % 50).Append(",1800,180,20,0.8\n");
        }
        string inputPath = FileWith("big.csv", input.ToString());
        string output = FileWith("out.csv", "previous result\n");
        using var child = Process.Start(new ProcessStartInfo("dotnet", [typeof(CliApp).Assembly.Location, "staffing", "--input", inputPath, "--output", output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        // Kill it as soon as its temporary file appears (or whenever it ends, if it was quicker than the poll).
        while (!child.HasExited && !Directory.EnumerateFiles(_directory, ".out.*.tmp.csv").Any())
        {
            Thread.Sleep(1);
        }
        child.Kill(entireProcessTree: true);
        child.WaitForExit();
        string after = File.ReadAllText(output);
        // Either the old file (killed mid-write) or the whole new one (finished first): never a part.
        if (after != "previous result\n")
        {
            Assert.Equal(300_001, after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }

    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }
}
