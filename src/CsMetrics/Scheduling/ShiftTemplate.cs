using System.Globalization;
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
public sealed record BreakRule(int LengthMinutes, int EarliestAfterStartMinutes, int LatestAfterStartMinutes)
{
    /// <summary>A break rule from time spans (each a whole number of minutes).</summary>
    /// <param name="length">The break length (&gt; 0).</param>
    /// <param name="earliestAfterStart">The earliest break start after the shift start (&gt;= 0).</param>
    /// <param name="latestAfterStart">The latest break start after the shift start (&gt;= the earliest).</param>
    /// <exception cref="ArgumentException">A span is not a whole number of minutes or is out of range.</exception>
    public static BreakRule Create(TimeSpan length, TimeSpan earliestAfterStart, TimeSpan latestAfterStart) =>
        new(Minutes.Of(length, nameof(length)), Minutes.Of(earliestAfterStart, nameof(earliestAfterStart)), Minutes.Of(latestAfterStart, nameof(latestAfterStart)));

    /// <summary>The break length.</summary>
    public TimeSpan Length => TimeSpan.FromMinutes(LengthMinutes);

    /// <summary>One line: <c>30 min at +180..+300</c>.</summary>
    public override string ToString() => $"{LengthMinutes} min at +{EarliestAfterStartMinutes}..+{LatestAfterStartMinutes}";
}

/// <summary>
/// A shift template: agents work <see cref="LengthMinutes"/> from a start between
/// <see cref="EarliestStartMinute"/> and <see cref="LatestStartMinute"/> (minutes after midnight, in steps
/// of <see cref="StartStepMinutes"/>) on every day of the horizon, take the <see cref="Breaks"/>, and cost
/// <see cref="Cost"/> per agent. Shifts may cross midnight. Immutable and thread-safe; equal when every
/// field is equal.
/// </summary>
public sealed class ShiftTemplate : IEquatable<ShiftTemplate>
{
    private readonly ReadOnlyValueList<BreakRule> _breaks;

    /// <summary>Creates a template from whole minutes (the kernel's unit; see <see cref="Create"/> for time spans and times of day).</summary>
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
        var rules = ReadOnlyValueList<BreakRule>.CopyOf(breaks ?? []);
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
        _breaks = rules;
    }

    /// <summary>
    /// A template from time spans and times of day: shifts of <paramref name="length"/> start from
    /// <paramref name="earliestStart"/> to <paramref name="latestStart"/> every <paramref name="startStep"/>.
    /// A <paramref name="latestStart"/> earlier in the day than <paramref name="earliestStart"/> is on the
    /// next day (22:00 to 02:00 is a window of four hours across midnight).
    /// </summary>
    /// <param name="name">A unique, non-empty name.</param>
    /// <param name="length">The shift length, breaks included (whole minutes, &gt; 0).</param>
    /// <param name="earliestStart">The earliest start (whole minutes).</param>
    /// <param name="latestStart">The latest start (whole minutes; before <paramref name="earliestStart"/> means the next day).</param>
    /// <param name="startStep">The step between allowed starts (whole minutes, &gt; 0).</param>
    /// <param name="cost">The cost per agent per shift (finite, &gt;= 0).</param>
    /// <param name="maxAgents">The most agents of this template that may start on any one day, or null for no limit.</param>
    /// <param name="breaks">The breaks every shift takes, in order (see <see cref="BreakRule.Create"/>).</param>
    /// <exception cref="ArgumentException">A span or time is not a whole number of minutes, or a value is out of range.</exception>
    public static ShiftTemplate Create(
        string name,
        TimeSpan length,
        TimeOnly earliestStart,
        TimeOnly latestStart,
        TimeSpan startStep,
        double cost,
        int? maxAgents = null,
        IEnumerable<BreakRule>? breaks = null)
    {
        int earliest = Minutes.Of(earliestStart.ToTimeSpan(), nameof(earliestStart));
        int latest = Minutes.Of(latestStart.ToTimeSpan(), nameof(latestStart));
        if (latest < earliest)
        {
            latest += 1440;
        }
        return new ShiftTemplate(name, Minutes.Of(length, nameof(length)), earliest, latest, Minutes.Of(startStep, nameof(startStep)), cost, maxAgents, breaks);
    }

    /// <summary>The JSON form's constructor (<see cref="Serialization.CsMetricsJsonContext"/>): the same checks and copies as the public one; parameters reordered only to keep overload resolution unambiguous.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal ShiftTemplate(IReadOnlyList<BreakRule> breaks, string name, int lengthMinutes, int earliestStartMinute, int latestStartMinute,
        int startStepMinutes, double cost, int? maxAgents)
        : this(name, lengthMinutes, earliestStartMinute, latestStartMinute, startStepMinutes, cost, maxAgents, (IEnumerable<BreakRule>?)breaks)
    {
    }

    /// <summary>The template's name.</summary>
    public string Name { get; }

    /// <summary>The shift length in minutes, breaks included.</summary>
    public int LengthMinutes { get; }

    /// <summary>The shift length, breaks included.</summary>
    public TimeSpan Length => TimeSpan.FromMinutes(LengthMinutes);

    /// <summary>The earliest start, in minutes after midnight.</summary>
    public int EarliestStartMinute { get; }

    /// <summary>The latest start, in minutes after midnight (more than 1440 for a start on the next day).</summary>
    public int LatestStartMinute { get; }

    /// <summary>The step between allowed starts, in minutes.</summary>
    public int StartStepMinutes { get; }

    /// <summary>The step between allowed starts.</summary>
    public TimeSpan StartStep => TimeSpan.FromMinutes(StartStepMinutes);

    /// <summary>The cost per agent per shift.</summary>
    public double Cost { get; }

    /// <summary>The most agents of this template that may start on any one day, or null for no limit.</summary>
    public int? MaxAgents { get; }

    /// <summary>The breaks every shift takes, in order (empty when none).</summary>
    public IReadOnlyList<BreakRule> Breaks => _breaks;

    /// <summary>True when every field (breaks included, in order) is equal.</summary>
    public bool Equals(ShiftTemplate? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (string.Equals(Name, other.Name, StringComparison.Ordinal) && LengthMinutes == other.LengthMinutes
             && EarliestStartMinute == other.EarliestStartMinute && LatestStartMinute == other.LatestStartMinute
             && StartStepMinutes == other.StartStepMinutes && Cost.Equals(other.Cost) && MaxAgents == other.MaxAgents
             && _breaks.Equals(other._breaks)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ShiftTemplate);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, LengthMinutes, EarliestStartMinute, LatestStartMinute, StartStepMinutes, Cost, MaxAgents, _breaks);

    /// <summary>One line: name, length, start window, cost, cap and breaks.</summary>
    public override string ToString()
    {
        var cap = MaxAgents is int max ? $", at most {max}/day" : "";
        var breaks = Breaks.Count == 0 ? "" : ", breaks " + string.Join("; ", Breaks);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {LengthMinutes} min from {EarliestStartMinute}..{LatestStartMinute} step {StartStepMinutes}, cost {Cost}{cap}{breaks}");
    }
}

/// <summary>
/// Agents working one shift: <see cref="Agents"/> agents of <see cref="Template"/> starting on
/// <see cref="Day"/> at <see cref="StartMinute"/>, taking their breaks at <see cref="BreakStartMinutes"/>.
/// Immutable and thread-safe; equal when every field (the break starts included) is equal.
/// </summary>
public sealed record ScheduledShift
{
    private readonly ReadOnlyValueList<int> _breakStartMinutes;

    /// <summary>Creates a shift. The break starts are copied.</summary>
    /// <param name="template">The template's name.</param>
    /// <param name="day">The day (0 = the first day of the horizon; &gt;= 0).</param>
    /// <param name="startMinute">The start, in minutes after that day's midnight (&gt;= 0).</param>
    /// <param name="breakStartMinutes">Each break's start (in the template's break order), in minutes after that day's midnight (may exceed 1440).</param>
    /// <param name="agents">The number of agents (&gt;= 1).</param>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public ScheduledShift(string template, int day, int startMinute, IEnumerable<int> breakStartMinutes, int agents)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(breakStartMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(day);
        ArgumentOutOfRangeException.ThrowIfNegative(startMinute);
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        Template = template;
        Day = day;
        StartMinute = startMinute;
        _breakStartMinutes = ReadOnlyValueList<int>.CopyOf(breakStartMinutes);
        Agents = agents;
    }

    /// <summary>The JSON form's constructor (<see cref="Serialization.CsMetricsJsonContext"/>): the same checks and copies as the public one; parameters reordered only to keep overload resolution unambiguous.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal ScheduledShift(int agents, string template, int day, int startMinute, IReadOnlyList<int> breakStartMinutes)
        : this(template, day, startMinute, (IEnumerable<int>)breakStartMinutes, agents)
    {
    }

    /// <summary>The template's name.</summary>
    public string Template { get; }

    /// <summary>The day (0 = the first day of the horizon).</summary>
    public int Day { get; }

    /// <summary>The start, in minutes after that day's midnight.</summary>
    public int StartMinute { get; }

    /// <summary>Each break's start (in the template's break order), in minutes after that day's midnight.</summary>
    public IReadOnlyList<int> BreakStartMinutes => _breakStartMinutes;

    /// <summary>The number of agents.</summary>
    public int Agents { get; }

    /// <summary>The start as an offset from midnight of day 0 (the horizon's start).</summary>
    public TimeSpan StartOffset => TimeSpan.FromMinutes(Day * 1440L + StartMinute);

    /// <summary>The start as a date-time, for a horizon that starts (at midnight of day 0) at <paramref name="horizonStart"/>.</summary>
    public DateTime StartAt(DateTime horizonStart) => horizonStart + StartOffset;

    /// <summary>Each break's start as a date-time, for a horizon that starts at <paramref name="horizonStart"/>.</summary>
    public IReadOnlyList<DateTime> BreakStartsAt(DateTime horizonStart) =>
        ReadOnlyValueList<DateTime>.Own(_breakStartMinutes.Select(m => horizonStart + TimeSpan.FromMinutes(Day * 1440L + m)).ToArray());

    /// <summary>True when every field (the break starts included, in order) is equal.</summary>
    public bool Equals(ScheduledShift? other) =>
        other is not null && string.Equals(Template, other.Template, StringComparison.Ordinal) && Day == other.Day
        && StartMinute == other.StartMinute && Agents == other.Agents && _breakStartMinutes.Equals(other._breakStartMinutes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Template, Day, StartMinute, Agents, _breakStartMinutes);

    /// <summary>One line: <c>FT8 day 0 06:00 breaks 10:00 x3</c>.</summary>
    public override string ToString()
    {
        var breaks = BreakStartMinutes.Count == 0 ? "" : " breaks " + string.Join(",", BreakStartMinutes.Select(Clock));
        return string.Create(CultureInfo.InvariantCulture, $"{Template} day {Day} {Clock(StartMinute)}{breaks} x{Agents}");
    }

    private static string Clock(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}

/// <summary>Whole minutes from time spans, the scheduling kernel's unit.</summary>
internal static class Minutes
{
    public static int Of(TimeSpan span, string paramName)
    {
        if (span.Ticks % TimeSpan.TicksPerMinute != 0 || span.TotalMinutes > int.MaxValue || span.TotalMinutes < int.MinValue)
        {
            ThrowHelper.ThrowArgument(paramName, $"{paramName} must be a whole number of minutes; got {span}.");
        }
        return (int)(span.Ticks / TimeSpan.TicksPerMinute);
    }
}
