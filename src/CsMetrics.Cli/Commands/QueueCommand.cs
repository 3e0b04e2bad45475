using System.CommandLine;
using CsMetrics.Data;

namespace CsMetrics.Cli.Commands;

/// <summary><c>csmetrics queue</c>: what a given (possibly fractional) team delivers, per row.</summary>
internal static class QueueCommand
{
    private static readonly string[] Required = ["aht_s", "answer_s", "agents"];
    private static readonly string[] Written = ["traffic", .. QueueingTable.MetricColumns];

    /// <summary>Every column <see cref="Row"/> reads (the key of the results memo).</summary>
    private static readonly string[] Inputs = [.. QueueingTable.QueueInputs, "agents"];

    private static bool Row(TableReader table, in QueueingTable.Columns columns, Span<double> results)
    {
        var queue = QueueingTable.ReadQueue(table, columns, out double contacts, out double answerWithin);
        double agents = table.ReadDouble(columns["agents"], min: 0);
        if (queue is null || double.IsNaN(agents))
        {
            return false;
        }
        var metrics = queue.Evaluate(contacts, agents, TimeSpan.FromSeconds(answerWithin));
        results[0] = metrics.Traffic;
        QueueingTable.MetricCells(metrics, results[1..]);
        return true;
    }

    public static Command Create(CliContext context)
    {
        var command = new Command("queue",
            "Service level, wait probability, ASA, occupancy and abandonment delivered by a given team (Erlang C; Erlang A when patience_s > 0).\n" +
            "Input columns: contacts,interval_s,aht_s,answer_s,agents (agents may be fractional) and optional patience_s\n" +
            "(or traffic in Erlangs in place of contacts and interval_s).\n" +
            "Output: the input columns, then traffic,service_level,wait_probability,asa_s,occupancy,abandon_probability\n" +
            "(abandon_probability empty for Erlang C; an overloaded Erlang C team, agents <= traffic, has asa_s Infinity). See docs/queueing.md.\n" +
            "Example: csmetrics queue --input team.csv");
        var io = new CommandIo().AddTo(command);
        command.SetAction(parse => QueueingTable.Run(parse, context, io, Required, Written, Inputs, Row));
        return command;
    }
}
