using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

public class CliAppTests
{
    [Fact]
    public void Help_succeeds_and_lists_exit_codes()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Exit codes", result.Output);
    }

    [Fact]
    public void Unknown_command_is_bad_input_with_one_line_per_problem()
    {
        var result = CliRunner.Run("no-such-command");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
    }
}
