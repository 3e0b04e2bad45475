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
    public static IEnumerable<(string Field, string Message)> Problem(int intervalMinutes, IReadOnlyList<int> requirements, double? understaffCost, double overstaffCost)
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
    public static IEnumerable<(string Field, string Message)> Templates(IReadOnlyList<ShiftTemplate> templates, int intervalMinutes)
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
        }
    }
}
