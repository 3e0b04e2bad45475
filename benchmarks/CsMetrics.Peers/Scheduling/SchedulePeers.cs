using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsMetrics.Scheduling;
using Mip = Google.OrTools.LinearSolver;
using Google.OrTools.Sat;

namespace CsMetrics.Peers.Scheduling;

/// <summary>
/// Side-by-side schedule runs: for each problem file and time limit, CsMetrics, SCIP (OR-Tools' linear
/// solver wrapper), CP-SAT (2 workers) and CBC (the team's <c>schedule_milp.py</c> through PuLP) one after
/// another, so the machine's load is shared alike; writes a markdown table with the load average before and
/// after. Every peer solves the same set-covering MILP as <c>schedule_milp.py</c>, built here from the
/// problem's public model (the columns are enumerated independently of CsMetrics' internals).
/// </summary>
internal static class SchedulePeers
{
    public const string Usage = "schedule [--time-limit S]... [--out table.md] [--cbc path/schedule_milp.py] [--no-cbc] problem.json...";

    public static int Run(string[] args)
    {
        var limits = new List<double>();
        var files = new List<string>();
        string? output = null, cbc = null;
        bool runCbc = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--time-limit": limits.Add(double.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--out": output = args[++i]; break;
                case "--cbc": cbc = args[++i]; break;
                case "--no-cbc": runCbc = false; break;
                default: files.Add(args[i]); break;
            }
        }
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        if (limits.Count == 0)
        {
            limits.Add(10);
        }
        cbc ??= FindCbcScript();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; load before: {Uptime()}");
        table.AppendLine();
        table.AppendLine("| instance | limit | solver | time (s) | cost | bound | gap | vs best cost |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var file in files)
        {
            var json = File.ReadAllText(file);
            var document = ScheduleJson.ParseProblem(json);
            if (document.Errors.Count > 0)
            {
                Console.Error.WriteLine($"{file}: {string.Join("; ", document.Errors)}");
                return 2;
            }
            var problem = document.Problem!;
            foreach (double limit in limits)
            {
                var results = new List<Result>
                {
                    RunCsMetrics(problem, document.Options, limit),
                    RunScip(problem, limit),
                    RunCpSat(problem, limit),
                };
                if (runCbc && cbc is not null)
                {
                    results.Add(RunCbc(cbc, file, limit));
                }
                double best = results.Where(r => double.IsFinite(r.Cost)).Select(r => r.Cost).DefaultIfEmpty(double.NaN).Min();
                foreach (var r in results)
                {
                    string line = string.Create(CultureInfo.InvariantCulture,
                        $"| {Path.GetFileNameWithoutExtension(file)} | {limit:0} s | {r.Solver} | {r.Seconds:0.00} | {Format(r.Cost)} | {Format(r.Bound)} | {Gap(r)} | {(double.IsFinite(r.Cost) ? $"{(r.Cost / best - 1) * 100:+0.00;-0.00;0.00} %" : "")} |");
                    table.AppendLine(line);
                    Console.WriteLine(line);
                }
            }
        }
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture, $"Load after: {Uptime()}");
        if (output is not null)
        {
            File.WriteAllText(output, table.ToString());
        }
        Console.WriteLine(table);
        return 0;
    }

    private sealed record Result(string Solver, double Seconds, double Cost, double Bound, string Status);

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    private static string Gap(Result r) =>
        double.IsFinite(r.Cost) && double.IsFinite(r.Bound) && r.Cost > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (r.Cost - r.Bound) / r.Cost) * 100:0.000} %{(r.Status == "optimal" ? " (optimal)" : "")}")
            : "-";

    private static Result RunCsMetrics(ScheduleProblem problem, ScheduleSolverOptions options, double limit)
    {
        var clock = Stopwatch.StartNew();
        var solution = ShiftScheduler.Solve(problem, options with { TimeLimit = TimeSpan.FromSeconds(limit) });
        return new Result("CsMetrics", clock.Elapsed.TotalSeconds, solution.Cost, solution.LowerBound, solution.Status.ToString().ToLowerInvariant());
    }

    /// <summary>One column of the MILP: cost, the intervals it covers, the cap group (or −1), and an upper bound on its agents.</summary>
    private sealed record Column(double Cost, int[] Covers, int CapGroup);

    /// <summary>Every column (template × day × start × break placement), with the semantics of <c>schedule_milp.py</c>.</summary>
    private static (List<Column> Columns, List<int> Caps) Columns(ScheduleProblem p)
    {
        int interval = p.IntervalMinutes, count = p.IntervalCount;
        int days = (int)((count * (long)interval + 1439) / 1440);
        var columns = new List<Column>();
        var caps = new List<int>();
        foreach (var t in p.Templates)
        {
            var placements = new List<int[]> { Array.Empty<int>() };
            for (int k = 0; k < t.Breaks.Count; k++)
            {
                var next = new List<int[]>();
                foreach (var partial in placements)
                {
                    for (int o = t.Breaks[k].EarliestAfterStartMinutes; o <= t.Breaks[k].LatestAfterStartMinutes; o += interval)
                    {
                        next.Add([.. partial, o]);
                    }
                }
                placements = next;
            }
            placements = placements.Where(pl => Fits(t, pl)).ToList();
            for (int d = 0; d < days; d++)
            {
                int group = -1;
                if (t.MaxAgents is int max)
                {
                    group = caps.Count;
                    caps.Add(max);
                }
                for (int s = t.EarliestStartMinute; s <= t.LatestStartMinute; s += t.StartStepMinutes)
                {
                    long start = d * 1440L + s;
                    if (!p.Cyclic && start >= (long)count * interval)
                    {
                        continue;
                    }
                    foreach (var pl in placements)
                    {
                        var off = new HashSet<long>();
                        for (int k = 0; k < pl.Length; k++)
                        {
                            long a = start + pl[k];
                            for (long i = a / interval; i < (a + t.Breaks[k].LengthMinutes + interval - 1) / interval; i++)
                            {
                                off.Add(i);
                            }
                        }
                        var covers = new List<int>();
                        for (long i = start / interval; i < (start + t.LengthMinutes + interval - 1) / interval; i++)
                        {
                            if (off.Contains(i))
                            {
                                continue;
                            }
                            long j = p.Cyclic ? i % count : i;
                            if (j < count)
                            {
                                covers.Add((int)j);
                            }
                        }
                        columns.Add(new Column(t.Cost, covers.ToArray(), group));
                    }
                }
            }
        }
        return (columns, caps);
    }

    private static bool Fits(ShiftTemplate t, int[] placement)
    {
        var spans = placement.Select((o, k) => (Start: o, End: o + t.Breaks[k].LengthMinutes)).OrderBy(x => x.Start).ToArray();
        if (spans.Any(x => x.Start < 0 || x.End > t.LengthMinutes))
        {
            return false;
        }
        for (int k = 0; k + 1 < spans.Length; k++)
        {
            if (spans[k].End > spans[k + 1].Start)
            {
                return false;
            }
        }
        return true;
    }

    private static Result RunScip(ScheduleProblem p, double limit)
    {
        var clock = Stopwatch.StartNew();
        var (columns, caps) = Columns(p);
        using var solver = Mip.Solver.CreateSolver("SCIP");
        int count = p.IntervalCount;
        var x = columns.Select((c, k) => solver.MakeIntVar(0, double.PositiveInfinity, $"x{k}")).ToArray();
        var rows = new Mip.Constraint[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = solver.MakeConstraint(p.Requirements[i], p.Requirements[i]);
        }
        var objective = solver.Objective();
        for (int k = 0; k < columns.Count; k++)
        {
            objective.SetCoefficient(x[k], columns[k].Cost);
            foreach (int i in columns[k].Covers)
            {
                rows[i].SetCoefficient(x[k], rows[i].GetCoefficient(x[k]) + 1);
            }
        }
        for (int i = 0; i < count; i++)
        {
            var over = solver.MakeNumVar(0, double.PositiveInfinity, $"o{i}");
            rows[i].SetCoefficient(over, -1);
            objective.SetCoefficient(over, p.OverstaffCost);
            if (p.UnderstaffCost is double under)
            {
                var shortVar = solver.MakeNumVar(0, double.PositiveInfinity, $"u{i}");
                rows[i].SetCoefficient(shortVar, 1);
                objective.SetCoefficient(shortVar, under);
            }
        }
        for (int g = 0; g < caps.Count; g++)
        {
            var cap = solver.MakeConstraint(double.NegativeInfinity, caps[g]);
            for (int k = 0; k < columns.Count; k++)
            {
                if (columns[k].CapGroup == g)
                {
                    cap.SetCoefficient(x[k], 1);
                }
            }
        }
        objective.SetMinimization();
        // The model counts against the limit, as CsMetrics' column enumeration does.
        solver.SetTimeLimit((long)Math.Max(1, limit * 1000 - clock.ElapsedMilliseconds));
        var status = solver.Solve();
        bool found = status is Mip.Solver.ResultStatus.OPTIMAL or Mip.Solver.ResultStatus.FEASIBLE;
        return new Result("SCIP", clock.Elapsed.TotalSeconds, found ? objective.Value() : double.NaN, found ? objective.BestBound() : double.NaN,
            status == Mip.Solver.ResultStatus.OPTIMAL ? "optimal" : status.ToString().ToLowerInvariant());
    }

    private static Result RunCpSat(ScheduleProblem p, double limit)
    {
        var clock = Stopwatch.StartNew();
        var (columns, caps) = Columns(p);
        // CP-SAT needs integer costs: scale by the cost grid (every cost here has at most 2 decimals).
        double scale = 100;
        long Scaled(double cost) => (long)Math.Round(cost * scale);
        var model = new CpModel();
        int count = p.IntervalCount;
        int most = p.Requirements.Max();
        var x = columns.Select((c, k) => model.NewIntVar(0, Math.Max(1, c.Covers.Select(i => p.Requirements[i]).DefaultIfEmpty(0).Max()), $"x{k}")).ToArray();
        var coverTerms = Enumerable.Range(0, count).Select(_ => new List<IntVar>()).ToArray();
        for (int k = 0; k < columns.Count; k++)
        {
            foreach (int i in columns[k].Covers)
            {
                coverTerms[i].Add(x[k]);
            }
        }
        var objectiveVars = new List<IntVar>();
        var objectiveCoefficients = new List<long>();
        for (int k = 0; k < columns.Count; k++)
        {
            objectiveVars.Add(x[k]);
            objectiveCoefficients.Add(Scaled(columns[k].Cost));
        }
        for (int i = 0; i < count; i++)
        {
            int reach = coverTerms[i].Count * Math.Max(1, most);
            var over = model.NewIntVar(0, Math.Max(0, reach), $"o{i}");
            LinearExpr coverage = LinearExpr.Sum(coverTerms[i]);
            if (p.UnderstaffCost is double under)
            {
                var shortVar = model.NewIntVar(0, p.Requirements[i], $"u{i}");
                model.Add(coverage + shortVar - over == p.Requirements[i]);
                objectiveVars.Add(shortVar);
                objectiveCoefficients.Add(Scaled(under));
            }
            else
            {
                model.Add(coverage - over == p.Requirements[i]);
            }
            objectiveVars.Add(over);
            objectiveCoefficients.Add(Scaled(p.OverstaffCost));
        }
        for (int g = 0; g < caps.Count; g++)
        {
            model.Add(LinearExpr.Sum(x.Where((_, k) => columns[k].CapGroup == g)) <= caps[g]);
        }
        model.Minimize(LinearExpr.WeightedSum(objectiveVars, objectiveCoefficients));
        double remaining = Math.Max(0.1, limit - clock.Elapsed.TotalSeconds);
        var solver = new CpSolver { StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{remaining:0.###} num_workers:2") };
        var status = solver.Solve(model);
        bool found = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
        return new Result("CP-SAT", clock.Elapsed.TotalSeconds, found ? solver.ObjectiveValue / scale : double.NaN,
            found ? solver.BestObjectiveBound / scale : double.NaN, status == CpSolverStatus.Optimal ? "optimal" : status.ToString().ToLowerInvariant());
    }

    private static Result RunCbc(string script, string file, double limit)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("/usr/bin/python3", [script, file, "--time-limit", limit.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            double Number(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
            return new Result("CBC", seconds, Number("cost"), Number("bound"), root.GetProperty("status").GetString() ?? "");
        }
        catch (JsonException)
        {
            return new Result("CBC", seconds, double.NaN, double.NaN, "error: " + process.StandardError.ReadToEnd());
        }
    }

    private static string? FindCbcScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "peers", "schedule_milp.py"), Path.Combine(dir.FullName, "..", "shared", "peers", "schedule_milp.py") })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }
        return null;
    }

    private static string Uptime()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
