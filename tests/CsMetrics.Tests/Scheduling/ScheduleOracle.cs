using CsMetrics.Scheduling;

namespace CsMetrics.Tests.Scheduling;

/// <summary>
/// Independent re-implementations for the tests: coverage and cost from shifts alone (the semantics of
/// the CBC reference script's checker, written with sets), random small problems, and a brute-force
/// optimum by enumerating every integer schedule.
/// </summary>
internal static class ScheduleOracle
{
    public static int[] Coverage(ScheduleProblem problem, IEnumerable<ScheduledShift> shifts)
    {
        int interval = problem.IntervalMinutes, count = problem.IntervalCount;
        var coverage = new int[count];
        foreach (var shift in shifts)
        {
            var template = problem.Templates.Single(t => t.Name == shift.Template);
            int start = shift.Day * 1440 + shift.StartMinute;
            var off = new HashSet<int>();
            for (int k = 0; k < template.Breaks.Count; k++)
            {
                int a = shift.Day * 1440 + shift.BreakStartMinutes[k];
                for (int i = a / interval; i < (a + template.Breaks[k].LengthMinutes + interval - 1) / interval; i++)
                {
                    off.Add(i);
                }
            }
            for (int i = start / interval; i < (start + template.LengthMinutes + interval - 1) / interval; i++)
            {
                if (off.Contains(i))
                {
                    continue;
                }
                int j = problem.Cyclic ? i % count : i;
                if (j < count)
                {
                    coverage[j] += shift.Agents;
                }
            }
        }
        return coverage;
    }

    public static double Cost(ScheduleProblem problem, IEnumerable<ScheduledShift> shifts)
    {
        var list = shifts.ToList();
        var coverage = Coverage(problem, list);
        double cost = list.Sum(s => problem.Templates.Single(t => t.Name == s.Template).Cost * s.Agents);
        for (int i = 0; i < coverage.Length; i++)
        {
            cost += (problem.UnderstaffCost ?? 0) * Math.Max(0, problem.Requirements[i] - coverage[i]);
            cost += problem.OverstaffCost * Math.Max(0, coverage[i] - problem.Requirements[i]);
        }
        return cost;
    }

    /// <summary>A small random problem: hourly intervals over one day, two or three templates, optional breaks.</summary>
    public static ScheduleProblem RandomProblem(int seed, bool breaks, bool soft, bool cyclic = false, int hours = 8)
    {
        var random = new Random(seed);
        var requirements = Enumerable.Range(0, hours).Select(_ => random.Next(0, 3)).ToArray();
        var templates = new List<ShiftTemplate>();
        int templateCount = 2 + random.Next(2);
        for (int t = 0; t < templateCount; t++)
        {
            int length = 60 * (2 + random.Next(3));
            int earliest = 60 * random.Next(0, 3);
            int latest = earliest + 60 * random.Next(0, 3);
            var rules = breaks && length >= 180
                ? new[] { new BreakRule(60, 60, length - 120) }
                : Array.Empty<BreakRule>();
            templates.Add(new ShiftTemplate($"T{t}", length, earliest, latest, 60, 1 + random.Next(0, 40) / 10.0, breaks: rules));
        }
        return new ScheduleProblem(60, requirements, templates, cyclic,
            understaffCost: soft ? 1 + random.Next(0, 30) / 10.0 : null, overstaffCost: random.Next(0, 3) / 10.0);
    }

    /// <summary>
    /// The optimum by enumerating every schedule with at most <paramref name="maxPerShift"/> agents per
    /// possible shift (the shifts listed independently here). Infinity when no schedule meets hard coverage.
    /// </summary>
    public static double BruteForceOptimum(ScheduleProblem problem, int maxPerShift)
    {
        var shifts = new List<(string Template, int Day, int Start, int[] Breaks)>();
        foreach (var template in problem.Templates)
        {
            for (int day = 0; day < problem.Days; day++)
            {
                for (int start = template.EarliestStartMinute; start <= template.LatestStartMinute; start += template.StartStepMinutes)
                {
                    if (!problem.Cyclic && day * 1440 + start >= problem.IntervalCount * problem.IntervalMinutes)
                    {
                        continue;
                    }
                    foreach (var placement in Placements(template, problem.IntervalMinutes))
                    {
                        shifts.Add((template.Name, day, start, placement.Select(o => start + o).ToArray()));
                    }
                }
            }
        }
        var counts = new int[shifts.Count];
        var shiftCost = shifts.Select(s => problem.Templates.Single(t => t.Name == s.Template).Cost).ToArray();
        double best = double.PositiveInfinity;
        Enumerate(0, 0);
        return best;

        // Prunes a branch once its shift costs alone reach the best cost (staffing costs are >= 0).
        void Enumerate(int index, double partial)
        {
            if (partial >= best)
            {
                return;
            }
            if (index == shifts.Count)
            {
                var schedule = shifts.Select((s, k) => (Shift: s, Agents: counts[k])).Where(s => s.Agents > 0)
                    .Select(s => new ScheduledShift(s.Shift.Template, s.Shift.Day, s.Shift.Start, s.Shift.Breaks, s.Agents)).ToList();
                var coverage = Coverage(problem, schedule);
                if (problem.UnderstaffCost is null && coverage.Where((c, i) => c < problem.Requirements[i]).Any())
                {
                    return;
                }
                // maxAgents: agents of one template starting on one day.
                if (schedule.GroupBy(s => (s.Template, s.Day)).Any(g => problem.Templates.Single(t => t.Name == g.Key.Template).MaxAgents is int cap && g.Sum(s => s.Agents) > cap))
                {
                    return;
                }
                best = Math.Min(best, Cost(problem, schedule));
                return;
            }
            for (int n = maxPerShift; n >= 0; n--)
            {
                counts[index] = n;
                Enumerate(index + 1, partial + n * shiftCost[index]);
            }
            counts[index] = 0;
        }
    }

    private static IEnumerable<int[]> Placements(ShiftTemplate template, int interval)
    {
        if (template.Breaks.Count == 0)
        {
            yield return [];
            yield break;
        }
        // The random problems use at most one break.
        var rule = template.Breaks[0];
        for (int offset = rule.EarliestAfterStartMinutes; offset <= rule.LatestAfterStartMinutes; offset += interval)
        {
            if (offset + rule.LengthMinutes <= template.LengthMinutes)
            {
                yield return [offset];
            }
        }
    }
}
