// Side-by-side runs against peers: each peer registers a named entry in Peers below.
// Usage: dotnet run -c Release --project benchmarks/CsMetrics.Peers -- <name> [args]

var peers = new SortedDictionary<string, (string Description, Func<string[], int> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["ortools-version"] = ("prints the OR-Tools version (checks the native runtime loads)", _ =>
    {
        Console.WriteLine($"OR-Tools {Google.OrTools.Init.OrToolsVersion.VersionString()}");
        return 0;
    }),
    ["report-vs-duckdb"] = ("csmetrics report's aggregation (CsMetrics.Data + ContactAggregator) against DuckDB's GROUP BY on one contact CSV: report-vs-duckdb FILE [runs]",
        CsMetrics.Peers.Data.ReportPeer.Run),
    ["schedule"] = ("CsMetrics, SCIP, CP-SAT and CBC side by side on schedule problems: " + CsMetrics.Peers.Scheduling.SchedulePeers.Usage, CsMetrics.Peers.Scheduling.SchedulePeers.Run),
};

if (args.Length == 0 || !peers.TryGetValue(args[0], out var peer))
{
    Console.Error.WriteLine("usage: CsMetrics.Peers <name> [args]");
    foreach (var (name, (description, _)) in peers)
    {
        Console.Error.WriteLine($"  {name,-24} {description}");
    }
    return args.Length == 0 ? 0 : 2;
}
return peer.Run(args[1..]);
