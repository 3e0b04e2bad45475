using CsMetrics.Cli;

namespace CsMetrics.Tests.Infrastructure;

/// <summary>Runs the <c>csmetrics</c> command in-process with captured streams.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result RunWithInput(string standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, new CliContext(new StringReader(standardInput), output, error, IsInteractive: false));
        return new Result(exit, output.ToString(), error.ToString());
    }

    public static Result Run(params string[] args) => RunWithInput("", args);
}
