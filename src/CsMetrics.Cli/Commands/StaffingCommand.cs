using System.CommandLine;
using CsMetrics.Data;
using CsMetrics.Queueing;

namespace CsMetrics.Cli.Commands;

/// <summary><c>csmetrics staffing</c>: the fewest agents meeting every target, per row (Erlang C, or Erlang A with a patience).</summary>
internal static class StaffingCommand
{
    private static readonly string[] Required = ["aht_s", "answer_s", "target_sl"];
    private static readonly string[] Written = ["traffic", "agents", "scheduled", .. QueueingTable.MetricColumns];

    /// <summary>Every column <see cref="Row"/> reads (the key of the results memo).</summary>
    private static readonly string[] Inputs =
        [.. QueueingTable.QueueInputs, "target_sl", "max_occupancy", "max_asa_s", "max_abandon", "shrinkage"];

    private static bool Row(TableReader table, in QueueingTable.Columns columns, Span<double> results)
    {
        long before = table.ProblemCount;
        var queue = QueueingTable.ReadQueue(table, columns, out double contacts, out double answerWithin);
        var targets = new StaffingTargets
        {
            ServiceLevel = table.ReadOptionalDouble(columns["target_sl"], min: 0, max: 1),
            AnswerWithin = double.IsNaN(answerWithin) ? TimeSpan.Zero : TimeSpan.FromSeconds(answerWithin),
            MaxOccupancy = table.ReadOptionalDouble(columns["max_occupancy"], min: 0, max: 1, minExclusive: true),
            MaxAverageSpeedOfAnswer = table.ReadOptionalDouble(columns["max_asa_s"], min: 0, max: QueueingTable.MaxSeconds) is double asa ? TimeSpan.FromSeconds(asa) : null,
            MaxAbandonProbability = table.ReadOptionalDouble(columns["max_abandon"], min: 0, max: 1),
        };
        int shrinkageColumn = columns["shrinkage"];
        double shrinkage = table.ReadOptionalDouble(shrinkageColumn, min: 0, max: 1) ?? 0;
        if (shrinkage == 1)
        {
            table.AddProblem(shrinkageColumn, "1 is out of range: must be >= 0 and < 1");
        }
        if (queue is null || table.ProblemCount > before)
        {
            return false;
        }
        var result = queue.RequiredAgents(contacts, targets, shrinkage);
        if (!result.IsFeasible)
        {
            table.AddProblem(-1, $"infeasible: {result.InfeasibleReason}");
            return false;
        }
        results[0] = result.Metrics.Traffic;
        results[1] = result.Agents;
        results[2] = result.ScheduledHeadcount;
        QueueingTable.MetricCells(result.Metrics, results[3..]);
        return true;
    }

    public static Command Create(CliContext context)
    {
        var command = new Command("staffing",
            "Required agents per interval: the fewest agents meeting every target at once (Erlang C; Erlang A when patience_s > 0).\n" +
            "Input columns: contacts,interval_s,aht_s,answer_s,target_sl and optional max_occupancy,max_asa_s,shrinkage,patience_s,max_abandon\n" +
            "(or traffic in Erlangs in place of contacts and interval_s)\n" +
            "(an empty cell means no such target). Output: the input columns, then\n" +
            "traffic,agents,scheduled,service_level,wait_probability,asa_s,occupancy,abandon_probability (empty where not applicable).\n" +
            "scheduled = ceil(agents / (1 - shrinkage)), exact. See docs/queueing.md.\n" +
            "Example: csmetrics staffing --input intervals.csv --output staffing.csv");
        var io = new CommandIo().AddTo(command);
        command.SetAction(parse => QueueingTable.Run(parse, context, io, Required, Written, Inputs, Row));
        return command;
    }
}
