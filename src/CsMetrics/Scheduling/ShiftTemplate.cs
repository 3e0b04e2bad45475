using CsMetrics.Internal;

namespace CsMetrics.Scheduling;

/// <summary>
/// A break inside a shift: <see cref="LengthMinutes"/> long, starting between
/// <see cref="EarliestAfterStartMinutes"/> and <see cref="LatestAfterStartMinutes"/> after the shift
/// starts, in steps of the problem's interval length. Immutable and thread-safe.
/// </summary>
/// <param name="LengthMinutes">The break length in minutes (&gt; 0).</param>
/// <param name="EarliestAfterStartMinutes">The earliest break start, in minutes after the shift start (&gt;= 0).</param>
/// <param name="LatestAfterStartMinutes">The latest break start, in minutes after the shift start (&gt;= the earliest).</param>
public sealed record BreakRule(int LengthMinutes, int EarliestAfterStartMinutes, int LatestAfterStartMinutes);

/// <summary>
/// A shift template: agents work <see cref="LengthMinutes"/> from a start between
/// <see cref="EarliestStartMinute"/> and <see cref="LatestStartMinute"/> (minutes after midnight, in steps
/// of <see cref="StartStepMinutes"/>) on every day of the horizon, take the <see cref="Breaks"/>, and cost
/// <see cref="Cost"/> per agent. Shifts may cross midnight. Immutable and thread-safe.
/// </summary>
public sealed class ShiftTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="name">A unique, non-empty name (used in solutions).</param>
    /// <param name="lengthMinutes">The shift length in minutes (&gt; 0), breaks included.</param>
    /// <param name="earliestStartMinute">The earliest start, in minutes after midnight (&gt;= 0).</param>
    /// <param name="latestStartMinute">The latest start, in minutes after midnight (&gt;= the earliest; may exceed 1440).</param>
    /// <param name="startStepMinutes">The step between allowed starts in minutes (&gt; 0).</param>
    /// <param name="cost">The cost per agent per shift (finite, &gt;= 0).</param>
    /// <param name="maxAgents">The most agents of this template that may start on any one day (&gt;= 0), or null for no limit.</param>
    /// <param name="breaks">The breaks every shift of this template takes, in order; null means none.</param>
    /// <exception cref="ArgumentException">A value is out of range (the message names the parameter and, for breaks, the index).</exception>
    public ShiftTemplate(
        string name,
        int lengthMinutes,
        int earliestStartMinute,
        int latestStartMinute,
        int startStepMinutes,
        double cost,
        int? maxAgents = null,
        IEnumerable<BreakRule>? breaks = null)
    {
        var rules = breaks?.ToArray() ?? [];
        foreach (var (parameter, message) in ScheduleValidation.Template(name, lengthMinutes, earliestStartMinute, latestStartMinute, startStepMinutes, cost, maxAgents, rules))
        {
            ThrowHelper.ThrowArgument(parameter.Split('[', '.')[0], message + ".");
        }
        Name = name;
        LengthMinutes = lengthMinutes;
        EarliestStartMinute = earliestStartMinute;
        LatestStartMinute = latestStartMinute;
        StartStepMinutes = startStepMinutes;
        Cost = cost;
        MaxAgents = maxAgents;
        Breaks = rules;
    }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The shift length in minutes, breaks included.</summary>
    public int LengthMinutes { get; }

    /// <summary>The earliest start, in minutes after midnight.</summary>
    public int EarliestStartMinute { get; }

    /// <summary>The latest start, in minutes after midnight.</summary>
    public int LatestStartMinute { get; }

    /// <summary>The step between allowed starts, in minutes.</summary>
    public int StartStepMinutes { get; }

    /// <summary>The cost per agent per shift.</summary>
    public double Cost { get; }

    /// <summary>The most agents of this template that may start on any one day, or null for no limit.</summary>
    public int? MaxAgents { get; }

    /// <summary>The breaks every shift takes, in order (empty when none).</summary>
    public IReadOnlyList<BreakRule> Breaks { get; }

    /// <summary>One line: name, length, start window, cost, cap and breaks.</summary>
    public override string ToString()
    {
        var cap = MaxAgents is int max ? $", at most {max}/day" : "";
        var breaks = Breaks.Count == 0 ? "" : ", breaks " + string.Join("; ", Breaks.Select(
            b => $"{b.LengthMinutes} min at +{b.EarliestAfterStartMinutes}..+{b.LatestAfterStartMinutes}"));
        return $"{Name}: {LengthMinutes} min from {EarliestStartMinute}..{LatestStartMinute} step {StartStepMinutes}, cost {Cost}{cap}{breaks}";
    }
}

/// <summary>
/// Agents working one shift: <see cref="Agents"/> agents of <see cref="Template"/> starting on
/// <see cref="Day"/> at <see cref="StartMinute"/>, taking their breaks at <see cref="BreakStartMinutes"/>.
/// Immutable and thread-safe.
/// </summary>
/// <param name="Template">The template's name.</param>
/// <param name="Day">The day (0 = the first day of the horizon).</param>
/// <param name="StartMinute">The start, in minutes after that day's midnight.</param>
/// <param name="BreakStartMinutes">Each break's start (in the template's break order), in minutes after that day's midnight (may exceed 1440).</param>
/// <param name="Agents">The number of agents (&gt;= 1).</param>
public sealed record ScheduledShift(string Template, int Day, int StartMinute, IReadOnlyList<int> BreakStartMinutes, int Agents)
{
    /// <summary>One line: <c>FT8 day 0 06:00 breaks 10:00 x3</c>.</summary>
    public override string ToString()
    {
        var breaks = BreakStartMinutes.Count == 0 ? "" : " breaks " + string.Join(",", BreakStartMinutes.Select(Clock));
        return $"{Template} day {Day} {Clock(StartMinute)}{breaks} x{Agents}";
    }

    private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
