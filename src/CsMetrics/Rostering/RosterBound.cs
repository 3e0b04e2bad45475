namespace CsMetrics.Rostering;

/// <summary>
/// A simple, provably valid lower bound on a rostering problem's objective, and a cheap proof of infeasibility.
/// </summary>
/// <remarks>
/// <para>
/// The bound relaxes every rule that links days or agents. For each agent and day, exactly one choice is made (off,
/// or one shift type the contract allows and the day is not a fixed day off), so the requests of that agent and day
/// cost at least the cheapest choice: min(Σ on-weights, min over allowed s of Σ on-weights − on(s) + off(s)). For each
/// day, the cover penalty of shift s is convex in the agents x_s assigned, decreasing by the under-weight per agent up
/// to the requirement and increasing beyond it; with x_s at most the agents available for s and Σ x_s at most the
/// agents available that day, its minimum is found greedily (fill the requirements with the largest under-weights
/// first). The sum of the two minima is at most the optimum, since any roster pays at least each part's minimum.
/// </para>
/// <para>
/// <see cref="Of(RosterProblem)"/> also runs the column-generation (linear programming) bound of the branch-and-price
/// methods that prove the benchmark's optima (Burke &amp; Curtois 2014, "New approaches to nurse rostering benchmark
/// instances", EJOR 237(1) 71-81), which keeps each agent's whole contract (see RosterColumnGeneration), and returns
/// the larger of the two.
/// </para>
/// </remarks>
public static class RosterBound
{
    /// <summary>
    /// The best of the simple bound described in the remarks and the column-generation bound (the best Lagrangian bound
    /// within the default work, <see cref="DefaultColumnGenerationWork"/>). Deterministic.
    /// </summary>
    public static int Of(RosterProblem problem) => WithColumnGeneration(problem, DefaultColumnGenerationWork, CancellationToken.None);

    /// <summary>
    /// The best of the simple bound and the column-generation (Dantzig-Wolfe) bound of Burke &amp; Curtois (2014): a master
    /// LP choosing one line per agent, priced by each agent's resource-constrained shortest path with the cover duals.
    /// The column-generation part reports the best Lagrangian bound seen, so it is valid when stopped early by
    /// <paramref name="maxWork"/> (dynamic-programme states, machine-independent) or by cancellation.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="maxWork">Work budget: dynamic-programme states plus m² per simplex pivot (&gt;= 0; 0 gives the simple bound only).</param>
    /// <param name="cancellationToken">Stops the column generation early; the bound stays valid.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWork"/> is negative.</exception>
    public static int WithColumnGeneration(RosterProblem problem, long maxWork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWork);
        int simple = Simple(problem);
        if (maxWork == 0)
        {
            return simple;
        }
        var cg = new RosterColumnGeneration(problem);
        if (cg.Rows > MaxMasterRows)
        {
            return simple; // the dense master would not fit in memory
        }
        return Math.Max(simple, RosterColumnGeneration.ToInteger(cg.Run(int.MaxValue, maxWork, cancellationToken)));
    }

    /// <summary>The work <see cref="Of(RosterProblem)"/> allows the column generation (dynamic-programme states plus m² per simplex pivot; a few seconds here).</summary>
    public const long DefaultColumnGenerationWork = 10_000_000_000;

    // Agents plus weighted cover cells; a dense basis inverse of this many rows takes 8 * rows² bytes (32 MB here).
    internal const int MaxMasterRows = 2_000;

    private static int Simple(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var p = problem;
        int e = p.Agents.Count, days = p.Days, s = p.ShiftTypes.Count;
        long bound = 0;
        for (int a = 0; a < e; a++)
        {
            for (int d = 0; d < days; d++)
            {
                int baseCell = (a * days + d) * s;
                int onSum = 0;
                for (int t = 0; t < s; t++)
                {
                    onSum += p.OnWeight[baseCell + t];
                }
                int best = onSum;
                if (!p.DayOff[a * days + d])
                {
                    for (int t = 0; t < s; t++)
                    {
                        if (p.MaxShifts[a * s + t] > 0)
                        {
                            best = Math.Min(best, onSum - p.OnWeight[baseCell + t] + p.OffWeight[baseCell + t]);
                        }
                    }
                }
                bound += best;
            }
        }
        var order = new int[s];
        for (int d = 0; d < days; d++)
        {
            int available = 0;
            for (int a = 0; a < e; a++)
            {
                available += p.DayOff[a * days + d] ? 0 : 1;
            }
            for (int t = 0; t < s; t++)
            {
                order[t] = t;
            }
            Array.Sort(order, (x, y) => p.UnderWeight[d * s + y].CompareTo(p.UnderWeight[d * s + x]));
            foreach (int t in order)
            {
                int cell = d * s + t;
                int canWork = 0;
                for (int a = 0; a < e; a++)
                {
                    canWork += !p.DayOff[a * days + d] && p.MaxShifts[a * s + t] > 0 ? 1 : 0;
                }
                int covered = Math.Min(Math.Min(p.Required[cell], canWork), available);
                available -= covered;
                bound += (long)(p.Required[cell] - covered) * p.UnderWeight[cell];
            }
        }
        return (int)Math.Min(bound, int.MaxValue);
    }

    /// <summary>
    /// A proof that no roster meets every hard rule, from one agent's contract alone (its minimum minutes cannot be
    /// reached within its working days and per-type limits), or null when this simple test proves nothing.
    /// </summary>
    public static string? ProveInfeasible(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var p = problem;
        int days = p.Days, s = p.ShiftTypes.Count;
        var byLength = Enumerable.Range(0, s).OrderByDescending(t => p.LengthMinutes[t]).ToArray();
        for (int a = 0; a < p.Agents.Count; a++)
        {
            int available = 0;
            for (int d = 0; d < days; d++)
            {
                available += p.DayOff[a * days + d] ? 0 : 1;
            }
            // At most MaxConsecutive working days in any MaxConsecutive + 1 consecutive days.
            int k = p.MaxConsecutive[a];
            long cap = k >= days ? days : (long)days / (k + 1) * k + Math.Min(days % (k + 1), k);
            long workable = Math.Min(available, cap);
            long minutes = 0;
            foreach (int t in byLength)
            {
                long take = Math.Min(workable, p.MaxShifts[a * s + t]);
                minutes += take * p.LengthMinutes[t];
                workable -= take;
            }
            if (minutes < p.MinMinutes[a])
            {
                return $"agent '{p.Agents[a].Id}' can work at most {minutes} minutes ({available} days not fixed off, at most {k} in a row, its per-type limits) but must work at least {p.MinMinutes[a]}";
            }
        }
        return null;
    }
}
