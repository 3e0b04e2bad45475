using System.CommandLine;
using CsMetrics.Scheduling;

namespace CsMetrics.Cli.Commands;

/// <summary><c>csmetrics schedule</c>: shifts with breaks from a requirement curve (JSON in, JSON out).</summary>
internal static class ScheduleCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schedule",
            "Builds shifts (with breaks) that cover a staffing requirement curve at least cost, with a proven lower bound and gap.\n" +
            "Input: a JSON problem (intervalMinutes, cyclic, requirements, understaffCost, overstaffCost, timeLimitSeconds, seed, templates);\n" +
            "output: a JSON solution (status, cost, lowerBound, gap, shifts, coverage, understaffed, overstaffed, message). See docs/scheduling.md.\n" +
            "Example: csmetrics schedule --input problem.json --output solution.json");
        var io = new CommandIo().AddTo(command, withFormat: false);
        command.SetAction(parse =>
        {
            var text = io.ReadAllText(parse, context);
            var source = io.InputName(parse);
            ScheduleSolution solution;
            try
            {
                var document = ScheduleJson.ParseProblem(text);
                if (document.Errors.Count > 0)
                {
                    throw new InputException(document.Errors
                        .Select(e => new InputProblem(source, null, e.Field.Length == 0 ? null : e.Field, e.Message) { ColumnKind = "field" })
                        .ToArray());
                }
                solution = ShiftScheduler.Solve(document.Problem!, document.Options);
            }
            catch (ArgumentException ex)
            {
                // A value the document's validation let through (e.g. timeLimitSeconds 1e-300, zero once a TimeSpan)
                // is the user's input, not a bug: report it instead of an internal failure.
                throw InputException.FromArgument(source, ex);
            }
            io.WriteOutput(parse, context, writer => writer.WriteLine(ScheduleJson.ToJson(solution)));
            return CliApp.Success;
        });
        return command;
    }
}
