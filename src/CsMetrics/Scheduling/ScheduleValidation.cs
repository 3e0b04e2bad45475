namespace CsMetrics.Scheduling;

/// <summary>
/// The rules a schedule problem must satisfy, written once: the constructors throw on the first
/// problem, the JSON reader reports all of them with their field paths.
/// </summary>
internal static class ScheduleValidation
{
    /// <summary>Problems with one template on its own: (parameter or field, message).</summary>
    public static IEnumerable<(string Field, string Message)> Template(
        string name, int lengthMinutes, int earliestStartMinute, int latestStartMinute, int startStepMinutes,
        double cost, int? maxAgents, IReadOnlyList<BreakRule> breaks)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return ("name", "name must be a non-empty string");
        }
        if (lengthMinutes <= 0)
        {
            yield return ("lengthMinutes", $"lengthMinutes must be > 0; got {lengthMinutes}");
        }
        if (earliestStartMinute < 0)
        {
            yield return ("earliestStartMinute", $"earliestStartMinute must be >= 0; got {earliestStartMinute}");
        }
        if (latestStartMinute < earliestStartMinute)
        {
            yield return ("latestStartMinute", $"latestStartMinute must be >= earliestStartMinute ({earliestStartMinute}); got {latestStartMinute}");
        }
        if (startStepMinutes <= 0)
        {
            yield return ("startStepMinutes", $"startStepMinutes must be > 0; got {startStepMinutes}");
        }
        if (!(cost >= 0 && double.IsFinite(cost)))
        {
            yield return ("cost", $"cost must be a finite number >= 0; got {cost}");
        }
        if (maxAgents is < 0)
        {
            yield return ("maxAgents", $"maxAgents must be >= 0 or null; got {maxAgents}");
        }
        for (int k = 0; k < breaks.Count; k++)
        {
            var rule = breaks[k];
            if (rule is null)
            {
                yield return ($"breaks[{k}]", $"breaks[{k}] must not be null");
                continue;
            }
            if (rule.LengthMinutes <= 0)
            {
                yield return ($"breaks[{k}].lengthMinutes", $"breaks[{k}].lengthMinutes must be > 0; got {rule.LengthMinutes}");
            }
            if (rule.EarliestAfterStartMinutes < 0)
            {
                yield return ($"breaks[{k}].earliestAfterStartMinutes", $"breaks[{k}].earliestAfterStartMinutes must be >= 0; got {rule.EarliestAfterStartMinutes}");
            }
            if (rule.LatestAfterStartMinutes < rule.EarliestAfterStartMinutes)
            {
                yield return ($"breaks[{k}].latestAfterStartMinutes", $"breaks[{k}].latestAfterStartMinutes must be >= earliestAfterStartMinutes ({rule.EarliestAfterStartMinutes}); got {rule.LatestAfterStartMinutes}");
            }
            else if (rule.LengthMinutes > 0 && rule.EarliestAfterStartMinutes + rule.LengthMinutes > lengthMinutes)
            {
                yield return ($"breaks[{k}]", $"breaks[{k}] starting {rule.EarliestAfterStartMinutes} min after the start does not fit inside the {lengthMinutes}-minute shift");
            }
        }
    }

    /// <summary>Problems with the problem's scalar fields and requirements: (field, message).</summary>
    public static IEnumerable<(string Field, string Message)> Problem(int intervalMinutes, IReadOnlyList<int> requirements, bool cyclic, double? understaffCost, double overstaffCost)
    {
        if (intervalMinutes <= 0)
        {
            yield return ("intervalMinutes", $"intervalMinutes must be > 0; got {intervalMinutes}");
        }
        if (requirements.Count == 0)
        {
            yield return ("requirements", "requirements must hold at least one interval");
        }
        for (int i = 0; i < requirements.Count; i++)
        {
            if (requirements[i] < 0)
            {
                yield return ($"requirements[{i}]", $"requirements[{i}] must be >= 0; got {requirements[i]}");
            }
            else if (requirements[i] > ScheduleProblem.MaxRequirement)
            {
                yield return ($"requirements[{i}]", $"requirements[{i}] must be <= {ScheduleProblem.MaxRequirement} agents; got {requirements[i]}");
            }
        }
        long horizonMinutes = (long)requirements.Count * intervalMinutes;
        if (cyclic && intervalMinutes > 0 && requirements.Count > 0 && horizonMinutes % 1440 != 0)
        {
            // Templates start every day; a cyclic horizon that is not whole days would wrap a day's shifts onto another day.
            yield return ("requirements", $"a cyclic horizon must be a whole number of days: {requirements.Count} intervals x {intervalMinutes} min = {horizonMinutes} min is not a multiple of 1440");
        }
        if (understaffCost is double under && !(under >= 0 && double.IsFinite(under)))
        {
            yield return ("understaffCost", $"understaffCost must be a finite number >= 0 or absent; got {under}");
        }
        if (!(overstaffCost >= 0 && double.IsFinite(overstaffCost)))
        {
            yield return ("overstaffCost", $"overstaffCost must be a finite number >= 0; got {overstaffCost}");
        }
    }

    /// <summary>Problems with the template list as a whole, for a given interval length: (field, message).</summary>
    public static IEnumerable<(string Field, string Message)> Templates(IReadOnlyList<ShiftTemplate> templates, int intervalMinutes, int intervalCount, bool cyclic)
    {
        if (templates.Count == 0)
        {
            yield return ("templates", "templates must hold at least one template");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < templates.Count; t++)
        {
            var template = templates[t];
            if (!seen.Add(template.Name))
            {
                yield return ($"templates[{t}].name", $"templates[{t}].name '{template.Name}' is used by an earlier template");
            }
            if (intervalMinutes > 0 && template.Breaks.Count > 0 && BreakPlacements.Enumerate(template, intervalMinutes).Count == 0)
            {
                yield return ($"templates[{t}].breaks", $"template '{template.Name}': no placement of its breaks (in {intervalMinutes}-minute steps) fits inside the shift without overlapping");
            }
            if (cyclic && intervalMinutes > 0 && intervalCount > 0 && MostIntervalsMet(template, intervalMinutes) > intervalCount)
            {
                // On a cyclic horizon a longer shift would wrap onto itself and count its agents twice.
                yield return ($"templates[{t}].lengthMinutes", $"template '{template.Name}': a {template.LengthMinutes}-minute shift is longer than the cyclic horizon ({intervalCount} x {intervalMinutes} min) and would cover an interval twice");
            }
        }
    }

    /// <summary>The most intervals one shift of <paramref name="template"/> meets (its start need not be on an interval boundary).</summary>
    private static long MostIntervalsMet(ShiftTemplate template, int intervalMinutes)
    {
        long most = 0;
        // Start residues modulo the interval repeat after at most intervalMinutes starts.
        long start = template.EarliestStartMinute;
        for (int k = 0; k < intervalMinutes && start <= template.LatestStartMinute; k++, start += template.StartStepMinutes)
        {
            long offset = start % intervalMinutes;
            most = Math.Max(most, (offset + template.LengthMinutes + intervalMinutes - 1) / intervalMinutes);
        }
        return most;
    }
}

/// <summary>The rules a shift of a given problem must satisfy, written once for <see cref="ScheduleSolution.Evaluate"/> and <see cref="ScheduleJson.ParseSolution"/>.</summary>
internal static class ShiftValidation
{
    /// <summary>Problems with one shift: (field under the shift's path, message). Empty when the shift is one the problem allows.</summary>
    public static IEnumerable<(string Field, string Message)> Shift(ScheduleProblem problem, string template, int day, int startMinute, IReadOnlyList<int> breakStartMinutes)
    {
        var rule = problem.Templates.FirstOrDefault(t => string.Equals(t.Name, template, StringComparison.Ordinal));
        if (rule is null)
        {
            yield return ("template", $"template '{template}' is not one of the problem's templates ({string.Join(", ", problem.Templates.Select(t => t.Name))})");
            yield break;
        }
        if (day < 0 || day >= problem.Days)
        {
            yield return ("day", $"day must be in [0, {problem.Days - 1}]; got {day}");
        }
        if (startMinute < rule.EarliestStartMinute || startMinute > rule.LatestStartMinute || (startMinute - rule.EarliestStartMinute) % rule.StartStepMinutes != 0)
        {
            yield return ("startMinute", $"template '{rule.Name}' starts at {rule.EarliestStartMinute}..{rule.LatestStartMinute} in steps of {rule.StartStepMinutes} minutes; got {startMinute}");
        }
        else if (!problem.Cyclic && day >= 0 && day * 1440L + startMinute >= (long)problem.IntervalCount * problem.IntervalMinutes)
        {
            yield return ("startMinute", $"the shift starts after the end of the (non-cyclic) horizon at minute {(long)problem.IntervalCount * problem.IntervalMinutes}");
        }
        if (breakStartMinutes.Count != rule.Breaks.Count)
        {
            yield return ("breakStartMinutes", $"template '{rule.Name}' has {rule.Breaks.Count} break(s); got {breakStartMinutes.Count}");
            yield break;
        }
        var offsets = new int[breakStartMinutes.Count];
        bool inWindows = true;
        for (int k = 0; k < offsets.Length; k++)
        {
            var window = rule.Breaks[k];
            offsets[k] = breakStartMinutes[k] - startMinute;
            if (offsets[k] < window.EarliestAfterStartMinutes || offsets[k] > window.LatestAfterStartMinutes
                || (offsets[k] - window.EarliestAfterStartMinutes) % problem.IntervalMinutes != 0)
            {
                inWindows = false;
                yield return ($"breakStartMinutes[{k}]", $"break {k} of template '{rule.Name}' starts {window.EarliestAfterStartMinutes}..{window.LatestAfterStartMinutes} min after the shift start in steps of {problem.IntervalMinutes}; got {offsets[k]} ({breakStartMinutes[k]})");
            }
        }
        if (inWindows && !BreakPlacements.Valid(rule, offsets))
        {
            yield return ("breakStartMinutes", $"the breaks of template '{rule.Name}' overlap or do not fit inside the shift");
        }
    }
}
