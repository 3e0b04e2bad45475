#:project ../../src/CsMetrics/CsMetrics.csproj
// The 24-instance table of docs/rostering.md, in one run:
//   dotnet run -c Release benchmarks/Rostering/roster-table.cs -- [time-limit-s=60] [first=1] [last=24] [seed=1]
// from the repository root. Reads the instances and the best-known table from tests/CsMetrics.Tests/Reference/rostering.
using System.Diagnostics;
using System.Globalization;
using CsMetrics.Rostering;

double limit = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 60;
int first = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
int last = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 24;
int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
string folder = Path.Combine("tests", "CsMetrics.Tests", "Reference", "rostering");
var best = File.ReadAllLines(Path.Combine(folder, "best_known.csv")).Skip(1)
    .Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Bound: int.Parse(f[1], CultureInfo.InvariantCulture), Best: int.Parse(f[2], CultureInfo.InvariantCulture)));
Console.WriteLine($"load (1-min average) at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; time limit {limit} s; seed {seed}; {Environment.ProcessorCount} cores");
Console.WriteLine("| instance | staff | days | shifts | ours | best known | ours / best | our bound | status | seconds |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
for (int i = first; i <= last; i++)
{
    string name = $"Instance{i}";
    var parsed = CurtoisFormat.Parse(File.ReadAllText(Path.Combine(folder, name + ".txt")));
    var problem = parsed.Problem ?? throw new InvalidOperationException(string.Join("; ", parsed.Problems));
    var clock = Stopwatch.StartNew();
    var solution = RosterSolver.Solve(problem, new RosterSolverOptions { TimeLimit = TimeSpan.FromSeconds(limit), Seed = seed });
    double seconds = clock.Elapsed.TotalSeconds;
    var (_, known) = best[name];
    string ours = solution.Objective?.ToString(CultureInfo.InvariantCulture) ?? "none";
    string ratio = solution.Objective is int o ? (o / (double)known).ToString("F3", CultureInfo.InvariantCulture) : "-";
    Console.WriteLine(FormattableString.Invariant($"| {i} | {problem.Agents.Count} | {problem.Days} | {problem.ShiftTypes.Count} | {ours} | {known} | {ratio} | {solution.LowerBound} | {solution.Status.ToString().ToLowerInvariant()} | {seconds:F1} |"));
}
Console.WriteLine($"load (1-min average) at end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
