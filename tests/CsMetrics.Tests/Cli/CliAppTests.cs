using System.CommandLine;
using CsMetrics.Cli;
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

    [Theory]
    [InlineData("--help")]
    [InlineData("staffing", "--help")]
    public void Help_names_the_command_as_users_type_it(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Usage:\s+csmetrics ", result.Output);
        Assert.DoesNotContain("CsMetrics.Cli [", result.Output);
    }

    [Fact]
    public void A_short_option_means_one_thing_in_every_command()
    {
        var root = CliApp.BuildRoot(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, IsInteractive: false));
        var meanings = new Dictionary<string, HashSet<string>>();
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options)
            {
                foreach (var alias in option.Aliases.Where(a => a.Length == 2 && a[0] == '-'))
                {
                    if (!meanings.TryGetValue(alias, out var names))
                    {
                        meanings[alias] = names = [];
                    }
                    names.Add(option.Name);
                }
            }
        }
        foreach (var (alias, names) in meanings)
        {
            Assert.True(names.Count == 1, $"{alias} means {string.Join(" and ", names)}");
        }
    }
}
