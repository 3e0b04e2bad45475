using System.Globalization;

namespace CsMetrics.Rostering;

/// <summary>The hard rules of a roster (Curtois &amp; Qu 2014, rules 2-9; rule 1, one shift a day, holds by construction).</summary>
public enum RosterRule
{
    /// <summary>Work on a fixed day off (amount: days).</summary>
    DayOff,

    /// <summary>A shift followed the next day by a shift that may not follow it (amount: pairs).</summary>
    ForbiddenSuccession,

    /// <summary>More shifts of a type than the contract allows (amount: shifts over).</summary>
    MaxShiftsOfType,

    /// <summary>Fewer total minutes than the contract's minimum (amount: minutes short).</summary>
    MinTotalMinutes,

    /// <summary>More total minutes than the contract's maximum (amount: minutes over).</summary>
    MaxTotalMinutes,

    /// <summary>A block of working days longer than the maximum (amount: days over).</summary>
    MaxConsecutiveShifts,

    /// <summary>A block of working days, not touching an end of the horizon, shorter than the minimum (amount: days short).</summary>
    MinConsecutiveShifts,

    /// <summary>A block of days off, not touching an end of the horizon, shorter than the minimum (amount: days short).</summary>
    MinConsecutiveDaysOff,

    /// <summary>More working weekends than the maximum (amount: weekends over).</summary>
    MaxWeekends,
}

/// <summary>One broken hard rule: which, whose, where it starts, by how much, in words.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Day">The first day concerned (the block's start, the second day of a succession), or -1 for the whole horizon.</param>
/// <param name="Amount">By how much, in the rule's unit (see <see cref="RosterRule"/>).</param>
/// <param name="Message">A sentence naming the agent, the day and the limit.</param>
public readonly record struct RosterViolation(RosterRule Rule, string AgentId, int Day, int Amount, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>
/// A roster scored: the objective and each penalty by kind, the cover per day and shift, and every broken hard rule.
/// Immutable.
/// </summary>
public sealed record RosterEvaluation
{
    /// <summary>The objective: the sum of the four penalties (whether or not the roster is feasible).</summary>
    public int Objective => ShiftOnPenalty + ShiftOffPenalty + UnderCoverPenalty + OverCoverPenalty;

    /// <summary>The weights of shift-on requests not met (the agent is off or works another shift).</summary>
    public required int ShiftOnPenalty { get; init; }

    /// <summary>The weights of shift-off requests violated (the agent works that shift that day).</summary>
    public required int ShiftOffPenalty { get; init; }

    /// <summary>Σ (required − assigned) × under-weight over the (day, shift) cells below their requirement.</summary>
    public required int UnderCoverPenalty { get; init; }

    /// <summary>Σ (assigned − required) × over-weight over the (day, shift) cells above their requirement.</summary>
    public required int OverCoverPenalty { get; init; }

    /// <summary>Agents assigned per cell, <c>[day * shiftTypes + shift]</c>.</summary>
    public required IReadOnlyList<int> Coverage { get; init; }

    /// <summary>Every broken hard rule (empty when the roster is feasible).</summary>
    public required IReadOnlyList<RosterViolation> Violations { get; init; }

    /// <summary>True when no hard rule is broken.</summary>
    public bool IsFeasible => Violations.Count == 0;

    /// <summary>"objective 607 (on 7, off 0, under 0, over 600), feasible".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"objective {Objective} (on {ShiftOnPenalty}, off {ShiftOffPenalty}, under {UnderCoverPenalty}, over {OverCoverPenalty}), {(IsFeasible ? "feasible" : $"{Violations.Count} hard violations")}");
}

/// <summary>
/// Scores rosters against a problem's hard rules and objective (Curtois &amp; Qu 2014; see <see cref="RosterProblem"/>).
/// </summary>
public static class RosterEvaluator
{
    /// <summary>Scores <paramref name="roster"/>: every penalty by kind, the cover, every broken hard rule.</summary>
    public static RosterEvaluation Evaluate(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var p = roster.Problem;
        int days = p.Days, s = p.ShiftTypes.Count;
        var cells = roster.Cells;
        var violations = new List<RosterViolation>();
        Span<int> amounts = stackalloc int[AgentRules.Kinds];
        int on = 0, off = 0;
        var coverage = new int[days * s];
        for (int a = 0; a < p.Agents.Count; a++)
        {
            var row = cells.Slice(a * days, days);
            AgentRules.Check(p, a, row, amounts, violations);
            for (int d = 0; d < days; d++)
            {
                int baseCell = (a * days + d) * s;
                for (int t = 0; t < s; t++)
                {
                    if (row[d] == t)
                    {
                        off += p.OffWeight[baseCell + t];
                    }
                    else
                    {
                        on += p.OnWeight[baseCell + t];
                    }
                }
                if (row[d] != Roster.Off)
                {
                    coverage[d * s + row[d]]++;
                }
            }
        }
        int under = 0, over = 0;
        for (int c = 0; c < coverage.Length; c++)
        {
            int diff = coverage[c] - p.Required[c];
            if (diff < 0)
            {
                under -= diff * p.UnderWeight[c];
            }
            else
            {
                over += diff * p.OverWeight[c];
            }
        }
        return new RosterEvaluation
        {
            ShiftOnPenalty = on,
            ShiftOffPenalty = off,
            UnderCoverPenalty = under,
            OverCoverPenalty = over,
            Coverage = coverage,
            Violations = violations,
        };
    }
}

/// <summary>
/// The hard rules of one agent's line, in one pass: amounts per <see cref="RosterRule"/> and, when asked, a
/// violation record each. Shared by the evaluator and the solver's moves (allocation-free without details).
/// </summary>
internal static class AgentRules
{
    public const int Kinds = 9;

    /// <summary>
    /// Fills <paramref name="amounts"/> (length <see cref="Kinds"/>, indexed by <see cref="RosterRule"/>) for agent
    /// <paramref name="a"/>'s line <paramref name="row"/>, adding a record per violation to <paramref name="details"/> when given.
    /// </summary>
    public static void Check(RosterProblem p, int a, ReadOnlySpan<int> row, Span<int> amounts, List<RosterViolation>? details)
    {
        amounts.Clear();
        int days = p.Days, s = p.ShiftTypes.Count;
        string id = details is null ? "" : p.Agents[a].Id;
        Span<int> perType = s <= 64 ? stackalloc int[s] : new int[s];
        perType.Clear();
        int minutes = 0;
        int prev = Roster.Off;
        int run = 0, runStart = 0; // current block of equal work/off status
        bool runWork = false;
        for (int d = 0; d <= days; d++)
        {
            int cur = d < days ? row[d] : Roster.Off;
            bool work = cur != Roster.Off;
            if (d < days && work)
            {
                perType[cur]++;
                minutes += p.LengthMinutes[cur];
                if (p.DayOff[a * days + d])
                {
                    amounts[(int)RosterRule.DayOff]++;
                    details?.Add(new(RosterRule.DayOff, id, d, 1, $"agent '{id}' works on day {d}, a fixed day off"));
                }
                if (prev != Roster.Off && p.Forbidden[prev * s + cur])
                {
                    amounts[(int)RosterRule.ForbiddenSuccession]++;
                    details?.Add(new(RosterRule.ForbiddenSuccession, id, d, 1,
                        $"agent '{id}' works '{p.ShiftTypes[cur].Id}' on day {d} after '{p.ShiftTypes[prev].Id}', which it may not follow"));
                }
            }
            if (d == 0)
            {
                runWork = work;
                run = 1;
                runStart = 0;
            }
            else if (d == days || work != runWork)
            {
                // Close the block [runStart, d).
                bool touchesEnd = runStart == 0 || d == days;
                if (runWork)
                {
                    if (run > p.MaxConsecutive[a])
                    {
                        int over = run - p.MaxConsecutive[a];
                        amounts[(int)RosterRule.MaxConsecutiveShifts] += over;
                        details?.Add(new(RosterRule.MaxConsecutiveShifts, id, runStart, over,
                            $"agent '{id}' works {run} consecutive days from day {runStart} (at most {p.MaxConsecutive[a]})"));
                    }
                    if (!touchesEnd && run < p.MinConsecutive[a])
                    {
                        int shortBy = p.MinConsecutive[a] - run;
                        amounts[(int)RosterRule.MinConsecutiveShifts] += shortBy;
                        details?.Add(new(RosterRule.MinConsecutiveShifts, id, runStart, shortBy,
                            $"agent '{id}' works {run} consecutive days from day {runStart} (at least {p.MinConsecutive[a]})"));
                    }
                }
                else if (!touchesEnd && run < p.MinDaysOff[a])
                {
                    int shortBy = p.MinDaysOff[a] - run;
                    amounts[(int)RosterRule.MinConsecutiveDaysOff] += shortBy;
                    details?.Add(new(RosterRule.MinConsecutiveDaysOff, id, runStart, shortBy,
                        $"agent '{id}' has {run} consecutive days off from day {runStart} (at least {p.MinDaysOff[a]})"));
                }
                runWork = work;
                run = 1;
                runStart = d;
            }
            else
            {
                run++;
            }
            prev = cur;
        }
        for (int t = 0; t < s; t++)
        {
            int max = p.MaxShifts[a * s + t];
            if (perType[t] > max)
            {
                amounts[(int)RosterRule.MaxShiftsOfType] += perType[t] - max;
                details?.Add(new(RosterRule.MaxShiftsOfType, id, -1, perType[t] - max,
                    $"agent '{id}' works {perType[t]} '{p.ShiftTypes[t].Id}' shifts (at most {max})"));
            }
        }
        if (minutes < p.MinMinutes[a])
        {
            amounts[(int)RosterRule.MinTotalMinutes] = p.MinMinutes[a] - minutes;
            details?.Add(new(RosterRule.MinTotalMinutes, id, -1, p.MinMinutes[a] - minutes,
                $"agent '{id}' works {minutes} minutes (at least {p.MinMinutes[a]})"));
        }
        else if (minutes > p.MaxMinutes[a])
        {
            amounts[(int)RosterRule.MaxTotalMinutes] = minutes - p.MaxMinutes[a];
            details?.Add(new(RosterRule.MaxTotalMinutes, id, -1, minutes - p.MaxMinutes[a],
                $"agent '{id}' works {minutes} minutes (at most {p.MaxMinutes[a]})"));
        }
        int weekends = 0;
        for (int w = 0; 7 * w + 5 < days; w++)
        {
            if (row[7 * w + 5] != Roster.Off || (7 * w + 6 < days && row[7 * w + 6] != Roster.Off))
            {
                weekends++;
            }
        }
        if (weekends > p.MaxWeekends[a])
        {
            amounts[(int)RosterRule.MaxWeekends] = weekends - p.MaxWeekends[a];
            details?.Add(new(RosterRule.MaxWeekends, id, -1, weekends - p.MaxWeekends[a],
                $"agent '{id}' works {weekends} weekends (at most {p.MaxWeekends[a]})"));
        }
    }
}
