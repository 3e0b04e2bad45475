using System.CommandLine;
using System.CommandLine.Help;
using CsMetrics.Cli.Commands;

namespace CsMetrics.Cli;

/// <summary>Builds the <c>csmetrics</c> command tree and runs it with the CLI's error conventions.</summary>
internal static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for an internal failure (a bug: please report it).</summary>
    public const int InternalFailure = 1;

    /// <summary>Exit code for bad input: arguments, files, rows or values.</summary>
    public const int BadInput = 2;

    /// <summary>The command's name as users type it (a tool's assembly is CsMetrics.Cli; help must still say csmetrics).</summary>
    public const string Name = "csmetrics";

    public static Command BuildRoot(CliContext context)
    {
        // A plain Command named csmetrics as the root, not RootCommand, whose name is the assembly's.
        var root = new Command(Name,
            "CsMetrics: contact-centre metrics, Erlang staffing, shift scheduling, quality and forecasting.\n" +
            "Reads CSV (header row, invariant culture) or JSON; writes to standard output or --output.\n" +
            "Exit codes: 0 success, 2 bad input (one line per problem on standard error), 1 internal failure.");
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        NumberOptions.Apply(root);
        return root;
    }

    /// <summary>Each module's subcommand, in the order <c>--help</c> lists them.</summary>
    private static IEnumerable<Command> Commands(CliContext context)
    {
        yield return PlanCommand.Create(context);
        yield return MetricsCommand.Create(context);
        yield return ReportCommand.Create(context);
        yield return StaffingCommand.Create(context);
        yield return QueueCommand.Create(context);
        yield return ScheduleCommand.Create(context);
        yield return RosterCommand.Create(context);
        yield return ForecastCommand.Create(context);
        yield return ServqualCommand.Create(context);
        yield return QaCommand.Create(context);
        yield return AgreementCommand.Create(context);
        yield return AhpCommand.Create(context);
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Parse errors and <see cref="InputException"/> print one
    /// line per problem and return <see cref="BadInput"/>; anything else is an internal failure,
    /// reported in one line without a stack trace (set <c>CSMETRICS_DEBUG=1</c> to see it).
    /// </summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                // One line per problem: some parser messages list the allowed values on lines of their own.
                context.Error.WriteLine($"error: {InputProblem.OneLine(string.Join(" ", error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))}");
            }
            context.Error.WriteLine("Run 'csmetrics --help' (or 'csmetrics <command> --help') for usage.");
            return BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (InputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                context.Error.WriteLine($"error: {problem}");
            }
            return BadInput;
        }
        catch (OutputUnavailableException ex)
        {
            context.Error.WriteLine($"error: {InputProblem.OneLine(ex.Message)}");
            return BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            if (Environment.GetEnvironmentVariable("CSMETRICS_DEBUG") == "1")
            {
                context.Error.WriteLine(ex);
            }
            return InternalFailure;
        }
    }
}
