using System.CommandLine;

namespace CsMetrics.Cli.Commands;

/// <summary><c>csmetrics queue</c>: what a given (possibly fractional) team delivers, per row.</summary>
internal static class QueueCommand
{
    private static readonly string[] Required = ["contacts", "interval_s", "aht_s", "answer_s", "agents"];
    private static readonly string[] Written = ["traffic", .. QueueingTable.MetricColumns];

    public static Command Create(CliContext context)
    {
        var command = new Command("queue",
            "Service level, wait probability, ASA, occupancy and abandonment delivered by a given team (Erlang C; Erlang A when patience_s > 0).\n" +
            "Input columns: contacts,interval_s,aht_s,answer_s,agents (agents may be fractional) and optional patience_s.\n" +
            "Output: the input columns, then traffic,service_level,wait_probability,asa_s,occupancy,abandon_probability\n" +
            "(abandon_probability empty for Erlang C; an overloaded Erlang C team, agents <= traffic, has asa_s Infinity). See docs/queueing.md.\n" +
            "Example: csmetrics queue --input team.csv");
        var io = new CommandIo().AddTo(command);
        command.SetAction(parse =>
        {
            var table = io.ReadTable(parse, context);
            var problems = new InputProblems();
            table.RequireColumns(problems, Required);
            problems.ThrowIfAny();

            var format = parse.GetValue(io.Format);
            var echoed = QueueingTable.EchoedColumns(table, Written);
            var writer = new TableWriter([.. echoed, .. Written]);
            for (int row = 0; row < table.RowCount; row++)
            {
                var queue = QueueingTable.ReadQueue(table, row, problems, out double contacts, out double answerWithin);
                double agents = table.ReadDouble(row, "agents", problems, min: 0);
                if (queue is null || double.IsNaN(agents))
                {
                    continue;
                }
                var metrics = queue.Evaluate(contacts, agents, TimeSpan.FromSeconds(answerWithin));
                writer.AddRow([
                    .. echoed.Select(c => QueueingTable.EchoCell(table, row, c, format)),
                    metrics.Traffic,
                    .. QueueingTable.MetricCells(metrics),
                ]);
            }
            problems.ThrowIfAny();
            io.WriteOutput(parse, context, output => writer.Write(output, format));
            return CliApp.Success;
        });
        return command;
    }
}
