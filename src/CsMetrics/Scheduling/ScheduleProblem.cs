using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Scheduling;

/// <summary>
/// A shift-scheduling problem: a horizon of equal intervals with a required number of agents in each,
/// shift templates that apply to every day, and the costs of the schedule. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Interval <c>i</c> covers minutes <c>[i·I, (i+1)·I)</c> after midnight of day 0, <c>I</c> =
/// <see cref="IntervalMinutes"/>. A shift of template <c>t</c> on day <c>d</c> starting at minute <c>s</c> of
/// that day covers the intervals that meet <c>[d·1440 + s, d·1440 + s + length)</c>, except those that meet a
/// break. With <see cref="Cyclic"/>, coverage past the end wraps to the start (a week that repeats);
/// otherwise it is lost (a non-cyclic shift may run past the end: it covers what lies inside). The cost of a schedule is
/// <c>Σ cost_t·agents + understaffCost·Σ max(0, r_i − c_i) + overstaffCost·Σ max(0, c_i − r_i)</c>;
/// without an understaffing cost every requirement must be met. Two problems are equal when every field is.
/// </remarks>
public sealed class ScheduleProblem : IEquatable<ScheduleProblem>
{
    /// <summary>The largest requirement of one interval (one million agents): beyond it coverage sums could overflow.</summary>
    public const int MaxRequirement = 1_000_000;

    private readonly int[] _requirements;
    private readonly ShiftTemplate[] _templates;
    private readonly ReadOnlyValueList<int> _requirementList;
    private readonly ReadOnlyValueList<ShiftTemplate> _templateList;

    /// <summary>Creates a problem. The sequences are copied.</summary>
    /// <param name="intervalMinutes">The interval length in minutes (&gt; 0; usually 15, 30 or 60).</param>
    /// <param name="requirements">The required agents per interval (each in [0, <see cref="MaxRequirement"/>]; at least one interval).</param>
    /// <param name="templates">The shift templates (at least one; unique names).</param>
    /// <param name="cyclic">True if the horizon wraps around (shifts crossing the end continue at the start); the horizon must then be a whole number of days and no shift longer than it.</param>
    /// <param name="understaffCost">The cost per agent-interval short (finite, &gt;= 0), or null for hard coverage.</param>
    /// <param name="overstaffCost">The cost per agent-interval over the requirement (finite, &gt;= 0).</param>
    /// <exception cref="ArgumentException">A value is out of range, a template name repeats, a template's breaks cannot be placed, or (cyclic) the horizon is not whole days or a shift is longer than it (the message names the field and index).</exception>
    public ScheduleProblem(
        int intervalMinutes,
        IEnumerable<int> requirements,
        IEnumerable<ShiftTemplate> templates,
        bool cyclic = false,
        double? understaffCost = null,
        double overstaffCost = 0)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(templates);
        _requirements = requirements.ToArray();
        _templates = templates.ToArray();
        for (int t = 0; t < _templates.Length; t++)
        {
            if (_templates[t] is null)
            {
                ThrowHelper.ThrowArgument(nameof(templates), $"templates[{t}] is null.");
            }
        }
        IntervalMinutes = intervalMinutes;
        Cyclic = cyclic;
        UnderstaffCost = understaffCost;
        OverstaffCost = overstaffCost;
        foreach (var (field, message) in ScheduleValidation.Problem(intervalMinutes, _requirements, cyclic, understaffCost, overstaffCost)
            .Concat(ScheduleValidation.Templates(_templates, intervalMinutes, _requirements.Length, cyclic)))
        {
            ThrowHelper.ThrowArgument(field.Split('[', '.')[0], (message.StartsWith(field, StringComparison.Ordinal) ? message : $"{field}: {message}") + ".");
        }
        _requirementList = ReadOnlyValueList<int>.Own(_requirements);
        _templateList = ReadOnlyValueList<ShiftTemplate>.Own(_templates);
    }

    /// <summary>Creates a problem with the interval as a time span (a whole number of minutes).</summary>
    /// <param name="interval">The interval length (whole minutes, &gt; 0).</param>
    /// <param name="requirements">The required agents per interval.</param>
    /// <param name="templates">The shift templates (see <see cref="ShiftTemplate.Create"/>).</param>
    /// <param name="cyclic">True if the horizon wraps around.</param>
    /// <param name="understaffCost">The cost per agent-interval short, or null for hard coverage.</param>
    /// <param name="overstaffCost">The cost per agent-interval over the requirement.</param>
    /// <exception cref="ArgumentException">As the constructor, or <paramref name="interval"/> is not whole minutes.</exception>
    public static ScheduleProblem Create(TimeSpan interval, IEnumerable<int> requirements, IEnumerable<ShiftTemplate> templates,
        bool cyclic = false, double? understaffCost = null, double overstaffCost = 0) =>
        new(Minutes.Of(interval, nameof(interval)), requirements, templates, cyclic, understaffCost, overstaffCost);

    /// <summary>The JSON form's constructor (<see cref="Serialization.CsMetricsJsonContext"/>): the same checks and copies as the public one; parameters reordered only to keep overload resolution unambiguous.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal ScheduleProblem(IReadOnlyList<ShiftTemplate> templates, IReadOnlyList<int> requirements, int intervalMinutes, bool cyclic,
        double? understaffCost, double overstaffCost)
        : this(intervalMinutes, (IEnumerable<int>)requirements, (IEnumerable<ShiftTemplate>)templates, cyclic, understaffCost, overstaffCost)
    {
    }

    /// <summary>The interval length in minutes.</summary>
    public int IntervalMinutes { get; }

    /// <summary>The interval length.</summary>
    public TimeSpan Interval => TimeSpan.FromMinutes(IntervalMinutes);

    /// <summary>The required agents per interval.</summary>
    public IReadOnlyList<int> Requirements => _requirementList;

    /// <summary>The number of intervals in the horizon.</summary>
    public int IntervalCount => _requirements.Length;

    /// <summary>The number of days templates start on: ⌈intervals · interval minutes / 1440⌉.</summary>
    public int Days => (int)((_requirements.LongLength * IntervalMinutes + 1439) / 1440);

    /// <summary>The shift templates.</summary>
    public IReadOnlyList<ShiftTemplate> Templates => _templateList;

    /// <summary>True if the horizon wraps around.</summary>
    public bool Cyclic { get; }

    /// <summary>The cost per agent-interval short, or null when coverage is a hard constraint.</summary>
    public double? UnderstaffCost { get; }

    /// <summary>The cost per agent-interval over the requirement.</summary>
    public double OverstaffCost { get; }

    /// <summary>
    /// Writes the number of working agents per interval that <paramref name="shifts"/> give into
    /// <paramref name="destination"/>. Allocation-free; recomputes from the shifts alone.
    /// </summary>
    /// <param name="shifts">The shifts (templates named as in <see cref="Templates"/>).</param>
    /// <param name="destination">Receives the coverage; length &gt;= <see cref="IntervalCount"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, a shift names an unknown template or has the wrong number of breaks, or an interval's coverage exceeds <see cref="int.MaxValue"/>.</exception>
    public void Coverage(IReadOnlyList<ScheduledShift> shifts, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        int count = _requirements.Length;
        if (destination.Length < count)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), count, destination.Length);
        }
        destination[..count].Clear();
        int interval = IntervalMinutes;
        for (int s = 0; s < shifts.Count; s++)
        {
            var shift = shifts[s];
            var template = FindTemplate(shift, s);
            long start = shift.Day * 1440L + shift.StartMinute;
            long first = FloorDiv(start, interval), end = CeilDiv(start + template.LengthMinutes, interval);
            for (long i = first; i < end; i++)
            {
                if (OnBreak(shift, template, i))
                {
                    continue;
                }
                long j = Cyclic ? Mod(i, count) : i;
                if (j >= 0 && j < count)
                {
                    int covered = destination[(int)j];
                    if (covered > int.MaxValue - shift.Agents)
                    {
                        ThrowHelper.ThrowArgument(nameof(shifts), $"The coverage of interval {j} exceeds {int.MaxValue} agents (at shifts[{s}]).");
                    }
                    destination[(int)j] = covered + shift.Agents;
                }
            }
        }
    }

    /// <summary>
    /// The cost of <paramref name="shifts"/> whose coverage is <paramref name="coverage"/> (from
    /// <see cref="Coverage"/>): template costs plus under- and over-staffing costs. With hard coverage, a
    /// shortfall is charged nothing here; check <see cref="Shortfall"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="coverage"/> has the wrong length, or a shift names an unknown template.</exception>
    public double CostOf(IReadOnlyList<ScheduledShift> shifts, ReadOnlySpan<int> coverage)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        CheckCoverageLength(coverage);
        double cost = 0;
        for (int s = 0; s < shifts.Count; s++)
        {
            cost += FindTemplate(shifts[s], s).Cost * shifts[s].Agents;
        }
        return cost + (UnderstaffCost ?? 0) * Shortfall(coverage) + OverstaffCost * Excess(coverage);
    }

    /// <summary>The total agent-intervals short: <c>Σ max(0, r_i − c_i)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="coverage"/> has the wrong length.</exception>
    public long Shortfall(ReadOnlySpan<int> coverage)
    {
        CheckCoverageLength(coverage);
        long total = 0;
        for (int i = 0; i < coverage.Length; i++)
        {
            total += Math.Max(0, _requirements[i] - coverage[i]);
        }
        return total;
    }

    /// <summary>The total agent-intervals over the requirement: <c>Σ max(0, c_i − r_i)</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="coverage"/> has the wrong length.</exception>
    public long Excess(ReadOnlySpan<int> coverage)
    {
        CheckCoverageLength(coverage);
        long total = 0;
        for (int i = 0; i < coverage.Length; i++)
        {
            total += Math.Max(0, coverage[i] - _requirements[i]);
        }
        return total;
    }

    /// <summary>True when every field (requirements and templates included, in order) is equal.</summary>
    public bool Equals(ScheduleProblem? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (IntervalMinutes == other.IntervalMinutes && Cyclic == other.Cyclic && Nullable.Equals(UnderstaffCost, other.UnderstaffCost)
             && OverstaffCost.Equals(other.OverstaffCost) && _requirementList.Equals(other._requirementList) && _templateList.Equals(other._templateList)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScheduleProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IntervalMinutes, Cyclic, UnderstaffCost, OverstaffCost, _requirementList, _templateList);

    /// <summary>A summary line: intervals, days, templates and costs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{IntervalCount} x {IntervalMinutes} min ({Days} day(s){(Cyclic ? ", cyclic" : "")}), ");
        text.Append(CultureInfo.InvariantCulture, $"{_templates.Length} template(s), ");
        text.Append(UnderstaffCost is double under ? $"understaff {under.ToString(CultureInfo.InvariantCulture)}" : "hard coverage");
        text.Append(CultureInfo.InvariantCulture, $", overstaff {OverstaffCost}");
        return text.ToString();
    }

    private void CheckCoverageLength(ReadOnlySpan<int> coverage)
    {
        if (coverage.Length != _requirements.Length)
        {
            ThrowHelper.ThrowArgument(nameof(coverage), $"coverage has length {coverage.Length}; the horizon has {_requirements.Length} intervals.");
        }
    }

    private ShiftTemplate FindTemplate(ScheduledShift shift, int index)
    {
        foreach (var template in _templates)
        {
            if (string.Equals(template.Name, shift.Template, StringComparison.Ordinal))
            {
                if (shift.BreakStartMinutes.Count != template.Breaks.Count)
                {
                    ThrowHelper.ThrowArgument("shifts", $"shifts[{index}] has {shift.BreakStartMinutes.Count} break(s); template '{template.Name}' has {template.Breaks.Count}.");
                }
                return template;
            }
        }
        throw new ArgumentException($"shifts[{index}] names the unknown template '{shift.Template}'.", "shifts");
    }

    private bool OnBreak(ScheduledShift shift, ShiftTemplate template, long interval)
    {
        for (int k = 0; k < template.Breaks.Count; k++)
        {
            long start = shift.Day * 1440L + shift.BreakStartMinutes[k];
            if (interval >= FloorDiv(start, IntervalMinutes) && interval < CeilDiv(start + template.Breaks[k].LengthMinutes, IntervalMinutes))
            {
                return true;
            }
        }
        return false;
    }

    internal static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    internal static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    internal static long Mod(long a, long b) => ((a % b) + b) % b;
}
