using System.Diagnostics;
using System.Globalization;

namespace CsMetrics.Scheduling;

/// <summary>
/// Solves shift-scheduling problems to optimality or until the time limit: the LP relaxation over every
/// possible shift (bounded dual simplex) gives a lower bound; an LP dive and a local search give the first
/// schedule; branch and cut (Gomory mixed-integer cuts at the root, best-bound search with dives) raises
/// the bound towards a proof while a large-neighbourhood search from the incumbent improves the schedule,
/// until the gap closes, the time limit passes or the caller cancels. Thread-safe: each call is independent.
/// </summary>
/// <remarks>
/// Model: Dantzig's (1954) set-covering formulation with explicit break placements (one column per
/// template × day × start × break placement), under- and over-staffing variables, and a cap row per
/// template and day. Without breaks on a non-cyclic horizon the covering matrix has consecutive ones, is
/// totally unimodular, and the simplex optimum is integral (Segal 1974). The reported bound is the best
/// bound of the open branch-and-cut nodes, never weaker than the LP relaxation's. See <c>docs/scheduling.md</c>.
/// </remarks>
public static class ShiftScheduler
{
    /// <summary>The first schedule (before the LP) gets a tenth of the limit, at most this long.</summary>
    private const long GreedyMilliseconds = 3000;

    /// <summary>A dive round rounds up the largest 1/DiveBatch of the fractional columns.</summary>
    private const int DiveBatch = 16;

    /// <summary>Finds a low-cost schedule for <paramref name="problem"/> and proves how far from optimal it can be.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Time limit, seed and stopping rules (defaults when null).</param>
    /// <param name="progress">Receives the incumbent cost and the bound after each phase and each improvement (optional).</param>
    /// <param name="cancellationToken">Stops the solve; the best schedule found so far is returned with the bound proven so far.</param>
    /// <returns>
    /// The schedule with its cost, bound and gap. With hard coverage that cannot be met, a solution with
    /// <see cref="ScheduleStatus.Infeasible"/> naming the intervals and templates at fault (never an exception).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public static ScheduleSolution Solve(
        ScheduleProblem problem,
        ScheduleSolverOptions? options = null,
        IProgress<ScheduleProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new ScheduleSolverOptions();
        var clock = Stopwatch.StartNew();
        long deadline = Environment.TickCount64 + (long)Math.Min(options.TimeLimit.TotalMilliseconds, int.MaxValue);
        var columns = new ShiftColumns(problem);
        Trace.Log(clock, $"columns {columns.Count} intervals {problem.IntervalCount} caps {columns.Caps.Length}");
        bool hard = !problem.UnderstaffCost.HasValue;

        if (hard && Uncoverable(problem, columns) is { Count: > 0 } uncovered)
        {
            return Infeasible(problem, uncovered, [], $"no template can cover interval(s) {Describe(problem, uncovered)}", clock.Elapsed);
        }

        // 1. A greedy schedule before any LP (a tenth of the time at most): every later step only improves on
        //    it, so more time never gives a worse schedule, wherever the LP happens to stop.
        double penalty = problem.UnderstaffCost ?? HardPenalty(problem, columns);
        var search = new ScheduleSearch(columns, penalty);
        long greedyDeadline = Environment.TickCount64 + Math.Min((deadline - Environment.TickCount64) / 10, GreedyMilliseconds);
        search.FillByInterval(cancellationToken, greedyDeadline);
        search.FillGreedily(cancellationToken, greedyDeadline);
        search.Descend(cancellationToken, greedyDeadline);
        var best = (int[])search.Counts.Clone();
        double bestCost = search.Cost;

        // 2. The LP relaxation: its Lagrangian bound is valid even if stopped early. It gets most of the
        //    time but not all: a schedule must come out of an unfinished LP too.
        var lp = new CoveringLp(columns);
        long lpDeadline = Environment.TickCount64 + (long)((deadline - Environment.TickCount64) * 0.85);
        Trace.Log(clock, $"greedy {bestCost}");
        var outcome = lp.Solve(cancellationToken, lpDeadline);
        Trace.Log(clock, $"lp {outcome} iterations {lp.Iterations} bound {lp.LagrangianBound()}");
        if (outcome == LpOutcome.Infeasible)
        {
            return DiagnoseCaps(problem, columns, clock.Elapsed);
        }
        var grid = CostGrid(problem);
        double bound = RoundUp(lp.LagrangianBound(), grid);
        progress?.Report(new ScheduleProgress("relaxation", bestCost, Math.Min(bound, bestCost), clock.Elapsed));

        // 3. Dive: fix the LP's whole agents, round up its largest fraction, re-solve (warm) until integral;
        //    then fill and descend. From an unfinished LP, round its current solution up instead.
        var counts = new int[columns.Count];
        if (outcome == LpOutcome.Optimal)
        {
            Dive(lp, counts, cancellationToken, deadline);
            Trace.Log(clock, $"dived {lp.Iterations}");
        }
        else
        {
            var x = new double[columns.Count];
            lp.Primal(x);
            for (int c = 0; c < counts.Length; c++)
            {
                counts[c] = (int)Math.Min(lp.Upper(c), Math.Ceiling(x[c] - 1e-7));
            }
        }
        Repair(counts);
        if (outcome == LpOutcome.Stopped && !cancellationToken.IsCancellationRequested && Environment.TickCount64 <= deadline)
        {
            // Time is left after the repair: finish the LP for the bound, and dive from it if it finishes.
            outcome = lp.Solve(cancellationToken, deadline);
            bound = Math.Max(bound, RoundUp(lp.LagrangianBound(), grid));
            if (outcome == LpOutcome.Optimal)
            {
                Dive(lp, counts, cancellationToken, deadline);
                Repair(counts);
            }
        }
        Trace.Log(clock, $"rounded {bestCost}");
        progress?.Report(new ScheduleProgress("rounding", bestCost, Math.Min(bound, bestCost), clock.Elapsed));

        // 3. Branch and cut for the proof, interleaved with a large-neighbourhood search from the incumbent,
        //    until the gap closes, the time limit passes or the caller cancels.
        var tree = new BranchAndBound(columns, grid);
        tree.NewIncumbent = found =>
        {
            search.Set(found);
            search.Descend(cancellationToken, deadline);
            Improve("tree");
        };
        tree.Offer(bestCost, best);
        if (!Closed(bestCost, bound, options.TargetGap, grid) && outcome == LpOutcome.Optimal && tree.SolveRoot(cancellationToken, deadline))
        {
            bound = Math.Max(bound, tree.Bound);
            Trace.Log(clock, $"root cuts {tree.Cuts} bound {tree.Bound} iterations {tree.LpIterations} fixed {tree.Fixed}");
            ShareFixings();
            progress?.Report(new ScheduleProgress("cuts", bestCost, bound, clock.Elapsed));
            var neighbourhood = new NeighbourhoodSearch(columns, lp, search, options.Seed);
            while (!Closed(bestCost, bound, options.TargetGap, grid) && !tree.Finished
                && !cancellationToken.IsCancellationRequested && Environment.TickCount64 <= deadline)
            {
                long left = (options.NodeLimit ?? long.MaxValue) - tree.Nodes;
                if (left <= 0)
                {
                    break;
                }
                tree.Run((int)Math.Min(100, left), cancellationToken, deadline);
                bound = Math.Max(bound, tree.Bound);
                if (tree.Finished || Closed(bestCost, bound, options.TargetGap, grid))
                {
                    break;
                }
                for (int step = 0; step < 4; step++)
                {
                    neighbourhood.Step(best, cancellationToken, deadline);
                    Improve("search");
                }
            }
            if (tree.Finished)
            {
                bound = Math.Max(bound, Math.Min(bestCost, tree.Bound));
            }
        }
        Trace.Log(clock, $"end nodes {tree.Nodes} best {bestCost} bound {bound} fixed {tree.Fixed}");
        search.Set(best);
        return Build(problem, columns, search, bound, grid, hard, outcome, tree, clock.Elapsed);

        void Repair(int[] start)
        {
            search.Set(start);
            search.FillGreedily(cancellationToken, deadline);
            Trace.Log(clock, $"filled {search.Cost}");
            search.Descend(cancellationToken, deadline);
            if (search.Cost < bestCost - 1e-9)
            {
                bestCost = search.Cost;
                search.Counts.CopyTo(best, 0);
            }
        }

        // Reduced-cost fixing in the tree tightens the root bounds; the neighbourhood search's LP frees columns within them only.
        void ShareFixings()
        {
            if (tree.RootBounds is var (lower, upper))
            {
                Array.Copy(lower, lp.RootLower, columns.Count);
                Array.Copy(upper, lp.RootUpper, columns.Count);
            }
        }

        void Improve(string phase)
        {
            if (search.Cost < bestCost - 1e-9)
            {
                bestCost = search.Cost;
                search.Counts.CopyTo(best, 0);
                tree.Offer(bestCost, best);
                ShareFixings();
                progress?.Report(new ScheduleProgress(phase, bestCost, Math.Min(bound, bestCost), clock.Elapsed));
            }
        }
    }

    /// <summary>
    /// The LP dive: raises the lower bound of every column to the LP's whole agents, rounds the largest
    /// fraction up, and re-solves warm from the current basis, until the LP solution is integral. The
    /// bounds are restored afterwards; <paramref name="counts"/> receives the rounded schedule.
    /// </summary>
    internal static void Dive(CoveringLp lp, int[] counts, CancellationToken cancellationToken, long deadline)
    {
        const double RoundUpFraction = 0.8;
        var fractions = new List<(double Fraction, int Column)>();
        int n = lp.Structural;
        var saved = new double[n];
        for (int c = 0; c < n; c++)
        {
            saved[c] = lp.Lower(c);
        }
        var x = new double[n];
        while (true)
        {
            lp.Primal(x);
            bool raised = false;
            int largest = -1;
            for (int c = 0; c < n; c++)
            {
                double whole = Math.Floor(x[c] + 1e-7);
                double fraction = x[c] - whole;
                if (fraction >= RoundUpFraction && whole + 1 <= lp.Upper(c))
                {
                    // Nearly whole already: round up at once (a dive of one rounding per re-solve is slow on large problems).
                    whole++;
                }
                if (whole > lp.Lower(c))
                {
                    lp.SetBounds(c, whole, lp.Upper(c));
                    raised = true;
                }
                if (x[c] - whole > 1e-7 && (largest < 0 || x[c] - Math.Floor(x[c]) > x[largest] - Math.Floor(x[largest])))
                {
                    largest = c;
                }
            }
            if (!raised)
            {
                if (largest < 0)
                {
                    break;
                }
                // Round up the largest fraction, and with it the largest sixteenth of the fractions (in column
                // order on ties): one at a time takes thousands of re-solves on a large week.
                fractions.Clear();
                for (int c = 0; c < n; c++)
                {
                    double fraction = x[c] - Math.Floor(x[c] + 1e-7);
                    if (fraction > 1e-7 && Math.Floor(x[c] + 1e-7) + 1 <= lp.Upper(c))
                    {
                        fractions.Add((-fraction, c));
                    }
                }
                fractions.Sort();
                lp.SetBounds(largest, Math.Floor(x[largest]) + 1, lp.Upper(largest));
                for (int k = 0; k < fractions.Count / DiveBatch; k++)
                {
                    int c = fractions[k].Column;
                    lp.SetBounds(c, Math.Max(lp.Lower(c), Math.Floor(x[c] + 1e-7) + 1), lp.Upper(c));
                }
            }
            lp.Refresh();
            if (lp.Solve(cancellationToken, deadline) != LpOutcome.Optimal)
            {
                break;
            }
        }
        for (int c = 0; c < n; c++)
        {
            counts[c] = (int)Math.Floor(Math.Max(lp.Lower(c), x[c] + 1e-7));
            lp.SetBounds(c, saved[c], lp.Upper(c));
        }
        lp.Refresh();
    }

    private static ScheduleSolution Build(ScheduleProblem problem, ShiftColumns columns, ScheduleSearch search, double bound,
        double grid, bool hard, LpOutcome relaxation, BranchAndBound tree, TimeSpan elapsed)
    {
        var shifts = new List<ScheduledShift>();
        for (int c = 0; c < columns.Count; c++)
        {
            if (search.Counts[c] > 0)
            {
                shifts.Add(columns.ToShift(c, search.Counts[c]));
            }
        }
        var coverage = new int[problem.IntervalCount];
        problem.Coverage(shifts, coverage);
        long shortfall = problem.Shortfall(coverage);
        if (hard && shortfall > 0)
        {
            var shortIntervals = Enumerable.Range(0, coverage.Length).Where(i => coverage[i] < problem.Requirements[i]).ToArray();
            return Infeasible(problem, shortIntervals, CappedTemplates(problem),
                $"the LP relaxation is feasible but no integer schedule covering interval(s) {Describe(problem, shortIntervals)} was found within the caps", elapsed);
        }
        double cost = problem.CostOf(shifts, coverage);
        bound = Math.Min(bound, cost);
        bool optimal = Closed(cost, bound, 0, grid);
        var status = optimal ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        string work = string.Create(CultureInfo.InvariantCulture, $"{tree.Nodes} node(s), {tree.Cuts} cut(s)");
        string message = optimal ? $"optimal: the cost equals the proven lower bound ({work})"
            : relaxation == LpOutcome.Optimal ? $"feasible: the bound is the best of the open branch-and-cut nodes ({work})"
            : "feasible: stopped before the LP relaxation finished; the bound is the Lagrangian bound of the last duals";
        return new ScheduleSolution(problem, status, cost, bound, shifts, coverage, message, [], [], elapsed);
    }

    /// <summary>True when no schedule can be cheaper than <paramref name="cost"/> by more than the target gap.</summary>
    private static bool Closed(double cost, double bound, double targetGap, double grid)
    {
        // Every schedule's cost is a multiple of the grid, so a bound within half a step of the cost proves it.
        double slack = grid > 0 ? grid / 2 : 0;
        return Internal.Tolerance.AtMost(cost - Math.Max(slack, targetGap * Math.Abs(cost)), bound);
    }

    /// <summary>
    /// The largest δ in {1, 0.1, ..., 1e-6} such that every cost (templates, under, over) is a whole
    /// multiple of δ, or 0. Then every schedule's cost is a multiple of δ (coverage and requirements are
    /// integers), so a bound may be rounded up to the grid.
    /// </summary>
    private static double CostGrid(ScheduleProblem problem)
    {
        var costs = problem.Templates.Select(t => t.Cost).Append(problem.UnderstaffCost ?? 0).Append(problem.OverstaffCost).ToArray();
        for (int digits = 0; digits <= 6; digits++)
        {
            double scale = Math.Pow(10, digits);
            if (costs.All(c => Math.Abs(c * scale - Math.Round(c * scale)) <= 1e-9 * Math.Max(1, c * scale)))
            {
                return 1 / scale;
            }
        }
        return 0;
    }

    private static double RoundUp(double bound, double grid) =>
        grid > 0 ? Math.Ceiling(bound / grid - 1e-6) * grid : bound;

    /// <summary>A price per agent-interval short that no saving can outweigh: more than any column's cost plus its over-staffing.</summary>
    private static double HardPenalty(ScheduleProblem problem, ShiftColumns columns)
    {
        double largest = 0;
        for (int c = 0; c < columns.Count; c++)
        {
            largest = Math.Max(largest, columns.Cost[c] + problem.OverstaffCost * (columns.RowStart[c + 1] - columns.RowStart[c]));
        }
        return 10 * (largest + 1);
    }

    private static List<int> Uncoverable(ScheduleProblem problem, ShiftColumns columns)
    {
        var covered = new bool[problem.IntervalCount];
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns.CapGroup[c] >= 0 && columns.Caps[columns.CapGroup[c]] == 0)
            {
                continue;
            }
            foreach (int i in columns.RowsOf(c))
            {
                covered[i] = true;
            }
        }
        return Enumerable.Range(0, covered.Length).Where(i => !covered[i] && problem.Requirements[i] > 0).ToList();
    }

    /// <summary>
    /// Hard coverage whose LP is infeasible although every interval has a shift: the caps are too low.
    /// The LP that minimises the shortfall alone names the intervals left short.
    /// </summary>
    private static ScheduleSolution DiagnoseCaps(ScheduleProblem problem, ShiftColumns columns, TimeSpan elapsed)
    {
        var free = new ScheduleProblem(problem.IntervalMinutes, problem.Requirements,
            problem.Templates.Select(t => new ShiftTemplate(t.Name, t.LengthMinutes, t.EarliestStartMinute, t.LatestStartMinute, t.StartStepMinutes, 0, t.MaxAgents, t.Breaks)),
            problem.Cyclic, understaffCost: 1, overstaffCost: 0);
        var freeColumns = new ShiftColumns(free);
        var lp = new CoveringLp(freeColumns);
        lp.SetRightHandSide(problem.Requirements.Select(r => (double)r).ToArray(), freeColumns.Caps.Select(c => (double)c).ToArray());
        lp.Solve(CancellationToken.None, long.MaxValue);
        var shortIntervals = Enumerable.Range(0, problem.IntervalCount).Where(i => lp.Value(lp.UnderIndex + i) > 1e-7).ToArray();
        return Infeasible(problem, shortIntervals, CappedTemplates(problem),
            $"the maxAgents caps of {string.Join(", ", CappedTemplates(problem))} are too low to cover interval(s) {Describe(problem, shortIntervals)}", elapsed);
    }

    private static string[] CappedTemplates(ScheduleProblem problem) =>
        problem.Templates.Where(t => t.MaxAgents.HasValue).Select(t => t.Name).ToArray();

    private static ScheduleSolution Infeasible(ScheduleProblem problem, IReadOnlyList<int> intervals, IReadOnlyList<string> templates, string reason, TimeSpan elapsed)
    {
        return new ScheduleSolution(problem, ScheduleStatus.Infeasible, double.NaN, double.NaN, [], new int[problem.IntervalCount],
            "infeasible: " + reason, intervals, templates, elapsed);
    }

    /// <summary>"12 (day 0 06:00), 13 (day 0 06:30)", at most ten listed.</summary>
    private static string Describe(ScheduleProblem problem, IReadOnlyList<int> intervals)
    {
        var listed = intervals.Take(10).Select(i =>
        {
            long minute = (long)i * problem.IntervalMinutes;
            return string.Create(CultureInfo.InvariantCulture, $"{i} (day {minute / 1440} {minute % 1440 / 60:00}:{minute % 60:00})");
        });
        return string.Join(", ", listed) + (intervals.Count > 10 ? $" and {intervals.Count - 10} more" : "");
    }
}
