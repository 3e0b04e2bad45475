using System.CommandLine;
using CsMetrics.Queueing;

namespace CsMetrics.Cli.Commands;

/// <summary><c>csmetrics staffing</c>: the fewest agents meeting every target, per row (Erlang C, or Erlang A with a patience).</summary>
internal static class StaffingCommand
{
    private static readonly string[] Required = ["aht_s", "answer_s", "target_sl"];
    private static readonly string[] Written = ["traffic", "agents", "scheduled", .. QueueingTable.MetricColumns];

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
        command.SetAction(parse => QueueingTable.Run(parse, context, io, Required, Written, (table, row, problems) =>
        {
            int before = problems.Count;
            var queue = QueueingTable.ReadQueue(table, row, problems, out double contacts, out double answerWithin);
            var targets = new StaffingTargets
            {
                ServiceLevel = table.ReadOptionalDouble(row, "target_sl", problems, min: 0, max: 1),
                AnswerWithin = double.IsNaN(answerWithin) ? TimeSpan.Zero : TimeSpan.FromSeconds(answerWithin),
                MaxOccupancy = table.ReadOptionalDouble(row, "max_occupancy", problems, min: 0, max: 1, minExclusive: true),
                MaxAverageSpeedOfAnswer = table.ReadOptionalDouble(row, "max_asa_s", problems, min: 0, max: QueueingTable.MaxSeconds) is double asa ? TimeSpan.FromSeconds(asa) : null,
                MaxAbandonProbability = table.ReadOptionalDouble(row, "max_abandon", problems, min: 0, max: 1),
            };
            double shrinkage = table.ReadOptionalDouble(row, "shrinkage", problems, min: 0, max: 1) ?? 0;
            if (shrinkage == 1)
            {
                problems.Add(table.Source, table.RowNumber(row), "shrinkage", "1 is out of range: must be >= 0 and < 1");
            }
            if (queue is null || problems.Count > before)
            {
                return null;
            }
            var result = queue.RequiredAgents(contacts, targets, shrinkage);
            if (!result.IsFeasible)
            {
                problems.Add(table.Source, table.RowNumber(row), null, $"infeasible: {result.InfeasibleReason}");
                return null;
            }
            return [result.Metrics.Traffic, result.Agents, result.ScheduledHeadcount, .. QueueingTable.MetricCells(result.Metrics)];
        }));
        return command;
    }
}
