using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Rostering;

namespace CsMetrics.Cli.Commands;

/// <summary>The input formats of <c>csmetrics roster</c>.</summary>
internal enum RosterInputFormat
{
    Curtois,

    /// <summary>The JSON document of <see cref="RosterJson"/>.</summary>
    Json,
}

/// <summary><c>csmetrics roster</c>: rosters for named agents from a benchmark-format problem (text in, employee,day,shift rows out).</summary>
internal static class RosterCommand
{
    private const double MaxSeconds = 86_400;

    public static Command Create(CliContext context)
    {
        var command = new Command("roster",
            "Builds a roster for named agents (contracts, days off, cover, shift requests) at least penalty, with a lower bound and gap.\n" +
            "Input: the Employee Shift Scheduling benchmark's text format (Curtois & Qu 2014), or --format json; output: employee,day,shift rows\n" +
            "(one per worked day, days off omitted). A JSON summary line { status, objective, lowerBound, gap, seconds } goes to\n" +
            "standard error, or to --summary. See docs/rostering.md.\n" +
            "Example: csmetrics roster --input Instance7.txt --time-limit-s 60 --output roster.csv");
        var io = new CommandIo().AddTo(command, withFormat: false);
        var format = new Option<RosterInputFormat>("--format", "-f")
        {
            Description = "The input format: curtois (the benchmark's SECTION_ text format, default) or json (the same sections as a JSON document; see docs/rostering.md).",
            DefaultValueFactory = _ => RosterInputFormat.Curtois,
        };
        var timeLimit = new Option<double>("--time-limit-s") { Description = "Time limit of the search, seconds (default 60).", DefaultValueFactory = _ => 60 };
        var seed = new Option<int>("--seed") { Description = "Seed of the search (default 1): the same input, seed and time give the same roster up to where the clock stops the search.", DefaultValueFactory = _ => 1 };
        var summary = new Option<FileInfo?>("--summary") { Description = "Write the JSON summary to this file (replaced only on success) instead of standard error." };
        command.Options.Add(format);
        command.Options.Add(timeLimit);
        command.Options.Add(seed);
        command.Options.Add(summary);
        command.SetAction(parse =>
        {
            double seconds = parse.GetValue(timeLimit);
            if (!(seconds > 0 && seconds <= MaxSeconds))
            {
                throw new InputException("--time-limit-s", $"{seconds.ToString(CultureInfo.InvariantCulture)} is out of range: must be a number of seconds above 0 and at most {MaxSeconds:0}");
            }
            var text = io.ReadAllText(parse, context);
            var source = io.InputName(parse);
            bool json = parse.GetValue(format) == RosterInputFormat.Json;
            var parsed = json ? RosterJson.Parse(text) : CurtoisFormat.Parse(text);
            if (parsed.Problem is not RosterProblem problem)
            {
                throw new InputException(parsed.Problems.Select(p => p.Path is string path
                    ? new InputProblem(source, null, path.Length == 0 ? null : path, p.Message) { ColumnKind = "field" }
                    : new InputProblem(source, null, null, p.ToString())).ToArray());
            }
            var options = new RosterSolverOptions { TimeLimit = TimeSpan.FromSeconds(seconds), Seed = parse.GetValue(seed) };
            var solution = new Progress(context).Stage("rostering", () => RosterSolver.Solve(problem, options));
            var roster = solution.Roster ?? Roster.Empty(problem);
            io.WriteOutput(parse, context, writer => RosterRows.Write(roster, writer));
            string line = SummaryJson(solution);
            if (parse.GetValue(summary) is FileInfo file)
            {
                AtomicFile.WriteText(file.FullName, file.ToString(), writer => writer.WriteLine(line));
            }
            else
            {
                context.Error.WriteLine(line);
            }
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>{ "status", "objective", "lowerBound", "gap", "seconds" } and, when there is one, "reason".</summary>
    internal static string SummaryJson(RosterSolution solution)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", solution.Status.ToString().ToLowerInvariant());
            if (solution.Objective is int objective)
            {
                json.WriteNumber("objective", objective);
            }
            else
            {
                json.WriteNull("objective");
            }
            json.WriteNumber("lowerBound", solution.LowerBound);
            if (solution.Gap is double gap)
            {
                json.WriteNumber("gap", Math.Round(gap, 6));
            }
            else
            {
                json.WriteNull("gap");
            }
            json.WriteNumber("seconds", Math.Round(solution.Elapsed.TotalSeconds, 3));
            if (solution.Reason.Length > 0)
            {
                json.WriteString("reason", solution.Reason);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
