using System.Globalization;

namespace CsMetrics.Rostering;

/// <summary>One problem found while reading a rostering text: the 1-based line, the section and what is wrong.</summary>
/// <param name="Line">The 1-based line number (0 when the problem is about the whole text, e.g. a missing section).</param>
/// <param name="Section">The section's name without the <c>SECTION_</c> prefix (e.g. <c>STAFF</c>), or empty before the first section.</param>
/// <param name="Message">What is wrong, naming the value.</param>
public readonly record struct RosterTextProblem(int Line, string Section, string Message)
{
    /// <summary>
    /// The JSON field path (e.g. <c>staff[1].maxShifts.E</c>; empty for the whole document) when the problem comes from
    /// <see cref="RosterJson"/>; null for the text format.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>"line 12, section STAFF: message", or "staff[1].id: message" for a JSON problem.</summary>
    public override string ToString() =>
        Path is not null ? $"{(Path.Length == 0 ? "(document)" : Path)}: {Message}" :
        Line > 0 ? $"line {Line}, section {(Section.Length == 0 ? "(none)" : Section)}: {Message}" : $"section {Section}: {Message}";
}

/// <summary>The outcome of reading a rostering text: the problem, or every problem found (then <see cref="Problem"/> is null).</summary>
/// <param name="Problem">The rostering problem when the text has no problems.</param>
/// <param name="Problems">Every problem found, in line order (at most 100 are kept).</param>
public sealed record RosterTextResult(RosterProblem? Problem, IReadOnlyList<RosterTextProblem> Problems);

/// <summary>
/// Reads the text format of the Employee Shift Scheduling benchmark instances 1-24 (Curtois &amp; Qu 2014;
/// schedulingbenchmarks.org/nrp): sections <c>SECTION_HORIZON</c>, <c>SECTION_SHIFTS</c>, <c>SECTION_STAFF</c>,
/// <c>SECTION_DAYS_OFF</c>, <c>SECTION_SHIFT_ON_REQUESTS</c>, <c>SECTION_SHIFT_OFF_REQUESTS</c> and
/// <c>SECTION_COVER</c>; lines starting with <c>#</c> are comments and blank lines are ignored.
/// </summary>
/// <remarks>
/// Exact: every number is a plain decimal integer at least 0 ("-0" reads as 0); an unknown or repeated section, a wrong field count,
/// an unknown shift or employee, a day outside the horizon, and a duplicate key (shift, employee, cover day and shift,
/// request, days-off line) are problems, each reported with its line and section. HORIZON, SHIFTS and STAFF are
/// required; the other sections may be absent (nothing requested). Staff fields are, in order: id, max shifts per type
/// (<c>D=14|N=0</c>; a type not listed is unlimited), max total minutes, min total minutes, max consecutive shifts, min
/// consecutive shifts, min consecutive days off, max weekends.
/// </remarks>
public static class CurtoisFormat
{
    private const int MaxProblems = 100;

    private static readonly string[] KnownSections =
        ["HORIZON", "SHIFTS", "STAFF", "DAYS_OFF", "SHIFT_ON_REQUESTS", "SHIFT_OFF_REQUESTS", "COVER"];

    private readonly record struct Row(int Line, string[] Fields);

    /// <summary>Reads a problem from the benchmark's text format.</summary>
    /// <param name="text">The whole file's text (LF or CRLF line ends).</param>
    /// <returns>The problem, or every problem found with its line and section.</returns>
    public static RosterTextResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<RosterTextProblem>();
        var sections = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var sectionLine = new Dictionary<string, int>(StringComparer.Ordinal);
        string? current = null;
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line.StartsWith("SECTION_", StringComparison.Ordinal))
            {
                var name = line["SECTION_".Length..];
                if (Array.IndexOf(KnownSections, name) < 0)
                {
                    problems.Add(new(lineNumber, name, $"unknown section '{line}' (known: {string.Join(", ", KnownSections.Select(s => "SECTION_" + s))})"));
                    current = null;
                    continue;
                }
                if (sections.ContainsKey(name))
                {
                    problems.Add(new(lineNumber, name, $"section repeated (first at line {sectionLine[name]})"));
                    current = null;
                    continue;
                }
                current = name;
                sections[name] = [];
                sectionLine[name] = lineNumber;
                continue;
            }
            if (current is null)
            {
                if (!problems.Any(p => p.Line == lineNumber))
                {
                    problems.Add(new(lineNumber, "", $"a data line outside any known section: '{Clip(line)}'"));
                }
                continue;
            }
            sections[current].Add(new Row(lineNumber, line.Split(',').Select(f => f.Trim()).ToArray()));
        }
        foreach (var required in new[] { "HORIZON", "SHIFTS", "STAFF" })
        {
            if (!sections.ContainsKey(required))
            {
                problems.Add(new(0, required, $"SECTION_{required} is missing"));
            }
        }
        if (problems.Count > 0)
        {
            return Done(null, problems);
        }

        var reader = new Reader(problems);
        int days = ReadHorizon(sections["HORIZON"], sectionLine["HORIZON"], reader);
        var shifts = ReadShifts(sections["SHIFTS"], sectionLine["SHIFTS"], reader);
        var shiftIds = new HashSet<string>(shifts.Select(s => s.Type.Id), StringComparer.Ordinal);
        var agents = ReadStaff(sections["STAFF"], sectionLine["STAFF"], shiftIds, reader);
        var agentIds = new HashSet<string>(agents.Select(a => a.Id), StringComparer.Ordinal);
        var daysOff = ReadDaysOff(sections.GetValueOrDefault("DAYS_OFF") ?? [], days, agentIds, reader);
        var on = ReadRequests(sections.GetValueOrDefault("SHIFT_ON_REQUESTS") ?? [], "SHIFT_ON_REQUESTS", days, shiftIds, agentIds, reader);
        var off = ReadRequests(sections.GetValueOrDefault("SHIFT_OFF_REQUESTS") ?? [], "SHIFT_OFF_REQUESTS", days, shiftIds, agentIds, reader);
        var cover = ReadCover(sections.GetValueOrDefault("COVER") ?? [], days, shiftIds, reader);
        if (problems.Count > 0 || days < 1)
        {
            return Done(null, problems);
        }
        var withDaysOff = agents.Select(a => a with { DaysOff = daysOff.GetValueOrDefault(a.Id) ?? [] }).ToArray();
        try
        {
            var problem = new RosterProblem(days, shifts.Select(s => s.Type).ToArray(), withDaysOff, cover, on, off);
            return Done(problem, problems);
        }
        catch (ArgumentException ex)
        {
            // Every rule the constructor checks is checked above with its line; this is a safety net.
            problems.Add(new(0, "", ex.Message.Split(" (Parameter")[0]));
            return Done(null, problems);
        }
    }

    private static RosterTextResult Done(RosterProblem? problem, List<RosterTextProblem> problems)
    {
        var ordered = problems.OrderBy(p => p.Line).Take(MaxProblems).ToArray();
        return new RosterTextResult(problem, ordered);
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private sealed class Reader(List<RosterTextProblem> problems)
    {
        public void Add(int line, string section, string message) => problems.Add(new(line, section, message));

        public bool Fields(Row row, string section, int min, int max, string what)
        {
            if (row.Fields.Length < min || row.Fields.Length > max)
            {
                string expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
                Add(row.Line, section, $"expected {expected} comma-separated fields ({what}); got {row.Fields.Length}");
                return false;
            }
            return true;
        }

        /// <summary>
        /// A plain decimal integer (digits only, no spaces inside), at least 0. A minus sign is read only on zero
        /// ("-0", which Instance15's cover section contains); any other negative value is a problem.
        /// </summary>
        public bool Int(Row row, string section, string text, string field, out int value)
        {
            value = 0;
            var digits = text.StartsWith('-') ? text[1..] : text;
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) ||
                !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                Add(row.Line, section, $"{field} must be a whole number; got '{Clip(text)}'");
                return false;
            }
            if (value != 0 && digits.Length != text.Length)
            {
                Add(row.Line, section, $"{field} must be >= 0; got {Clip(text)}");
                value = 0;
                return false;
            }
            return true;
        }

        public bool Day(Row row, string section, string text, int days, out int day)
        {
            if (!Int(row, section, text, "day", out day))
            {
                return false;
            }
            if (days >= 1 && day >= days)
            {
                Add(row.Line, section, $"day {day} is outside the horizon [0, {days - 1}]");
                return false;
            }
            return true;
        }

        public bool Known(Row row, string section, HashSet<string> ids, string id, string what)
        {
            if (!ids.Contains(id))
            {
                Add(row.Line, section, $"unknown {what} '{Clip(id)}'");
                return false;
            }
            return true;
        }
    }

    private static int ReadHorizon(List<Row> rows, int headerLine, Reader reader)
    {
        if (rows.Count != 1)
        {
            reader.Add(rows.Count == 0 ? headerLine : rows[1].Line, "HORIZON", $"expected one line with the horizon in days; got {rows.Count}");
            return 0;
        }
        if (!reader.Fields(rows[0], "HORIZON", 1, 1, "the horizon in days") || !reader.Int(rows[0], "HORIZON", rows[0].Fields[0], "the horizon", out int days))
        {
            return 0;
        }
        if (days < 1)
        {
            reader.Add(rows[0].Line, "HORIZON", "the horizon must be at least 1 day; got 0");
        }
        return days;
    }

    private static List<(RosterShiftType Type, int Line)> ReadShifts(List<Row> rows, int headerLine, Reader reader)
    {
        const string section = "SHIFTS";
        var result = new List<(RosterShiftType, int)>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<(Row Row, string Id, int Length, string[] Next)>();
        foreach (var row in rows)
        {
            if (!reader.Fields(row, section, 2, 3, "id, length in minutes, shifts that may not follow ('|'-separated)"))
            {
                continue;
            }
            var id = row.Fields[0];
            if (id.Length == 0)
            {
                reader.Add(row.Line, section, "the shift id is empty");
                continue;
            }
            if (!lines.TryAdd(id, row.Line))
            {
                reader.Add(row.Line, section, $"duplicate shift id '{Clip(id)}' (first at line {lines[id]})");
                continue;
            }
            if (!reader.Int(row, section, row.Fields[1], $"the length of shift '{Clip(id)}'", out int length))
            {
                continue;
            }
            if (length < 1)
            {
                reader.Add(row.Line, section, $"the length of shift '{Clip(id)}' must be > 0 minutes; got 0");
                continue;
            }
            var next = row.Fields.Length == 3 && row.Fields[2].Length > 0 ? row.Fields[2].Split('|').Select(f => f.Trim()).ToArray() : [];
            parsed.Add((row, id, length, next));
        }
        if (rows.Count == 0)
        {
            reader.Add(headerLine, section, "no shift types");
        }
        foreach (var (row, id, length, next) in parsed)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool ok = true;
            foreach (var n in next)
            {
                if (!lines.ContainsKey(n))
                {
                    reader.Add(row.Line, section, $"shift '{Clip(id)}': unknown shift '{Clip(n)}' among those that may not follow");
                    ok = false;
                }
                else if (!seen.Add(n))
                {
                    reader.Add(row.Line, section, $"shift '{Clip(id)}': '{Clip(n)}' listed twice among those that may not follow");
                    ok = false;
                }
            }
            // A shift with a bad succession list is still known, so later sections are not reported as naming an unknown shift.
            result.Add((new RosterShiftType(id, length, ok ? next : []), row.Line));
        }
        return result;
    }

    private static List<RosterAgent> ReadStaff(List<Row> rows, int headerLine, HashSet<string> shiftIds, Reader reader)
    {
        const string section = "STAFF";
        var result = new List<RosterAgent>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            reader.Add(headerLine, section, "no staff");
        }
        foreach (var row in rows)
        {
            if (!reader.Fields(row, section, 8, 8, "id, max shifts, max total minutes, min total minutes, max consecutive shifts, min consecutive shifts, min consecutive days off, max weekends"))
            {
                continue;
            }
            var f = row.Fields;
            var id = f[0];
            if (id.Length == 0)
            {
                reader.Add(row.Line, section, "the employee id is empty");
                continue;
            }
            if (!lines.TryAdd(id, row.Line))
            {
                reader.Add(row.Line, section, $"duplicate employee id '{Clip(id)}' (first at line {lines[id]})");
                continue;
            }
            bool ok = true;
            var maxShifts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (f[1].Length > 0)
            {
                foreach (var part in f[1].Split('|'))
                {
                    var kv = part.Split('=');
                    if (kv.Length != 2)
                    {
                        reader.Add(row.Line, section, $"employee '{Clip(id)}': max shifts '{Clip(part)}' is not SHIFT=COUNT");
                        ok = false;
                        continue;
                    }
                    var shift = kv[0].Trim();
                    if (!reader.Known(row, section, shiftIds, shift, "shift in max shifts"))
                    {
                        ok = false;
                        continue;
                    }
                    if (!reader.Int(row, section, kv[1].Trim(), $"max shifts of '{Clip(shift)}'", out int count))
                    {
                        ok = false;
                        continue;
                    }
                    if (!maxShifts.TryAdd(shift, count))
                    {
                        reader.Add(row.Line, section, $"employee '{Clip(id)}': max shifts of '{Clip(shift)}' given twice");
                        ok = false;
                    }
                }
            }
            string[] names = ["max total minutes", "min total minutes", "max consecutive shifts", "min consecutive shifts", "min consecutive days off", "max weekends"];
            var values = new int[6];
            for (int i = 0; i < 6; i++)
            {
                ok &= reader.Int(row, section, f[2 + i], names[i], out values[i]);
            }
            if (!ok)
            {
                continue;
            }
            var contract = new RosterContract
            {
                MaxShiftsPerType = maxShifts,
                MaxTotalMinutes = values[0],
                MinTotalMinutes = values[1],
                MaxConsecutiveShifts = values[2],
                MinConsecutiveShifts = values[3],
                MinConsecutiveDaysOff = values[4],
                MaxWeekends = values[5],
            };
            try
            {
                contract.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                reader.Add(row.Line, section, $"employee '{Clip(id)}': {ex.Message.Split('\n')[0].Split(" (Parameter")[0]}");
                continue;
            }
            result.Add(new RosterAgent(id, contract, []));
        }
        return result;
    }

    private static Dictionary<string, int[]> ReadDaysOff(List<Row> rows, int days, HashSet<string> agentIds, Reader reader)
    {
        const string section = "DAYS_OFF";
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = row.Fields[0];
            if (!reader.Known(row, section, agentIds, id, "employee"))
            {
                continue;
            }
            if (!lines.TryAdd(id, row.Line))
            {
                reader.Add(row.Line, section, $"a second days-off line for employee '{Clip(id)}' (first at line {lines[id]})");
                continue;
            }
            var list = new List<int>();
            for (int i = 1; i < row.Fields.Length; i++)
            {
                if (row.Fields.Length == 2 && row.Fields[1].Length == 0)
                {
                    break; // "A," : no days off
                }
                if (!reader.Day(row, section, row.Fields[i], days, out int day))
                {
                    continue;
                }
                if (list.Contains(day))
                {
                    reader.Add(row.Line, section, $"employee '{Clip(id)}': day {day} listed twice");
                    continue;
                }
                list.Add(day);
            }
            result[id] = list.ToArray();
        }
        return result;
    }

    private static List<ShiftRequest> ReadRequests(List<Row> rows, string section, int days, HashSet<string> shiftIds, HashSet<string> agentIds, Reader reader)
    {
        var result = new List<ShiftRequest>();
        var lines = new Dictionary<(string, int, string), int>();
        foreach (var row in rows)
        {
            if (!reader.Fields(row, section, 4, 4, "employee, day, shift, weight"))
            {
                continue;
            }
            var f = row.Fields;
            bool ok = reader.Known(row, section, agentIds, f[0], "employee");
            ok &= reader.Day(row, section, f[1], days, out int day);
            ok &= reader.Known(row, section, shiftIds, f[2], "shift");
            ok &= reader.Int(row, section, f[3], "the weight", out int weight);
            if (!ok)
            {
                continue;
            }
            if (!lines.TryAdd((f[0], day, f[2]), row.Line))
            {
                reader.Add(row.Line, section, $"a second request for employee '{Clip(f[0])}', day {day}, shift '{Clip(f[2])}' (first at line {lines[(f[0], day, f[2])]})");
                continue;
            }
            result.Add(new ShiftRequest(f[0], day, f[2], weight));
        }
        return result;
    }

    private static List<CoverRequirement> ReadCover(List<Row> rows, int days, HashSet<string> shiftIds, Reader reader)
    {
        const string section = "COVER";
        var result = new List<CoverRequirement>();
        var lines = new Dictionary<(int, string), int>();
        foreach (var row in rows)
        {
            if (!reader.Fields(row, section, 5, 5, "day, shift, requirement, weight for under, weight for over"))
            {
                continue;
            }
            var f = row.Fields;
            bool ok = reader.Day(row, section, f[0], days, out int day);
            ok &= reader.Known(row, section, shiftIds, f[1], "shift");
            ok &= reader.Int(row, section, f[2], "the requirement", out int required);
            ok &= reader.Int(row, section, f[3], "the weight for under", out int under);
            ok &= reader.Int(row, section, f[4], "the weight for over", out int over);
            if (!ok)
            {
                continue;
            }
            if (!lines.TryAdd((day, f[1]), row.Line))
            {
                reader.Add(row.Line, section, $"a second requirement for day {day}, shift '{Clip(f[1])}' (first at line {lines[(day, f[1])]})");
                continue;
            }
            result.Add(new CoverRequirement(day, f[1], required, under, over));
        }
        return result;
    }
}

/// <summary>Writes rosters as <c>employee,day,shift</c> rows (one per worked day; days off omitted).</summary>
public static class RosterRows
{
    /// <summary>The header row.</summary>
    public const string Header = "employee,day,shift";

    /// <summary>Writes the header and one row per worked day, agent by agent, day by day.</summary>
    /// <remarks>Ids containing a comma, quote or line break are quoted as RFC 4180 fields.</remarks>
    public static void Write(Roster roster, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var (employee, day, shift) in roster.Assignments())
        {
            writer.Write(Quote(employee));
            writer.Write(',');
            writer.Write(day.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Quote(shift));
            writer.Write('\n');
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
