using CsMetrics.Rostering;

namespace CsMetrics.Tests.Rostering;

/// <summary>
/// A second, deliberately plain evaluator of the benchmark's rules, written from FORMAT.md against the public model
/// (ids and records, not the library's index arrays): each rule checked on its own, block by block, by lists.
/// </summary>
internal static class RosterOracle
{
    public sealed record Score(int On, int Off, int Under, int Over, Dictionary<RosterRule, int> Hard)
    {
        public int Objective => On + Off + Under + Over;
        public bool Feasible => Hard.Values.All(v => v == 0);
    }

    /// <summary>The shift id (or null) per agent id and day.</summary>
    public static Dictionary<string, string?[]> Lines(RosterProblem p, Roster roster)
    {
        var lines = p.Agents.ToDictionary(a => a.Id, _ => new string?[p.Days]);
        foreach (var (employee, day, shift) in roster.Assignments())
        {
            Assert.Null(lines[employee][day]);
            lines[employee][day] = shift;
        }
        return lines;
    }

    public static Score Evaluate(RosterProblem p, Roster roster)
    {
        var lines = Lines(p, roster);
        var hard = Enum.GetValues<RosterRule>().ToDictionary(r => r, _ => 0);
        foreach (var agent in p.Agents)
        {
            var line = lines[agent.Id];
            var c = agent.Contract;
            // Rule 9: fixed days off.
            hard[RosterRule.DayOff] += agent.DaysOff.Count(d => line[d] is not null);
            // Rule 2: forbidden successions, no wrap across the horizon.
            for (int d = 1; d < p.Days; d++)
            {
                if (line[d - 1] is string before && line[d] is string after &&
                    p.ShiftTypes.Single(t => t.Id == before).ForbiddenNext.Contains(after))
                {
                    hard[RosterRule.ForbiddenSuccession]++;
                }
            }
            // Rule 3: shifts per type.
            foreach (var type in p.ShiftTypes)
            {
                int count = line.Count(x => x == type.Id);
                if (c.MaxShiftsPerType.TryGetValue(type.Id, out int max) && count > max)
                {
                    hard[RosterRule.MaxShiftsOfType] += count - max;
                }
            }
            // Rule 4: total minutes.
            int minutes = line.Where(x => x is not null).Sum(x => p.ShiftTypes.Single(t => t.Id == x).LengthMinutes);
            hard[RosterRule.MinTotalMinutes] += Math.Max(0, c.MinTotalMinutes - minutes);
            hard[RosterRule.MaxTotalMinutes] += Math.Max(0, minutes - c.MaxTotalMinutes);
            // Rules 5-7: blocks as (start, length, working).
            var blocks = new List<(int Start, int Length, bool Work)>();
            for (int d = 0; d < p.Days; d++)
            {
                bool work = line[d] is not null;
                if (blocks.Count > 0 && blocks[^1].Work == work)
                {
                    blocks[^1] = (blocks[^1].Start, blocks[^1].Length + 1, work);
                }
                else
                {
                    blocks.Add((d, 1, work));
                }
            }
            foreach (var (start, length, work) in blocks)
            {
                bool atEnd = start == 0 || start + length == p.Days;
                if (work)
                {
                    hard[RosterRule.MaxConsecutiveShifts] += Math.Max(0, length - c.MaxConsecutiveShifts);
                    if (!atEnd)
                    {
                        hard[RosterRule.MinConsecutiveShifts] += Math.Max(0, c.MinConsecutiveShifts - length);
                    }
                }
                else if (!atEnd)
                {
                    hard[RosterRule.MinConsecutiveDaysOff] += Math.Max(0, c.MinConsecutiveDaysOff - length);
                }
            }
            // Rule 8: weekends (Saturday 7w+5, Sunday 7w+6).
            int weekends = 0;
            for (int w = 0; 7 * w + 5 < p.Days; w++)
            {
                bool sat = line[7 * w + 5] is not null;
                bool sun = 7 * w + 6 < p.Days && line[7 * w + 6] is not null;
                if (sat || sun)
                {
                    weekends++;
                }
            }
            hard[RosterRule.MaxWeekends] += Math.Max(0, weekends - c.MaxWeekends);
        }
        int on = p.ShiftOnRequests.Where(r => lines[r.AgentId][r.Day] != r.ShiftId).Sum(r => r.Weight);
        int off = p.ShiftOffRequests.Where(r => lines[r.AgentId][r.Day] == r.ShiftId).Sum(r => r.Weight);
        int under = 0, over = 0;
        foreach (var cover in p.Cover)
        {
            int assigned = lines.Values.Count(l => l[cover.Day] == cover.ShiftId);
            under += Math.Max(0, cover.Required - assigned) * cover.UnderWeight;
            over += Math.Max(0, assigned - cover.Required) * cover.OverWeight;
        }
        return new Score(on, off, under, over, hard);
    }

    /// <summary>A random roster: each agent works each day with probability <paramref name="density"/>, a uniform shift.</summary>
    public static Roster Random(RosterProblem p, int seed, double density)
    {
        var random = new System.Random(seed);
        var cells = new int[p.Agents.Count * p.Days];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = random.NextDouble() < density ? random.Next(p.ShiftTypes.Count) : Roster.Off;
        }
        return new Roster(p, cells);
    }
}
