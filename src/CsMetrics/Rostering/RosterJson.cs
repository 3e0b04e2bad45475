using System.Text;
using System.Text.Json;
using CsMetrics.Internal;

namespace CsMetrics.Rostering;

/// <summary>
/// Reads and writes a rostering problem as JSON (used by <c>csmetrics roster --format json</c>; see
/// <c>docs/rostering.md</c>): the sections of <see cref="CurtoisFormat"/> (Curtois &amp; Qu 2014) with camelCase names.
/// Reflection-free (trimming and Native AOT safe). Thread-safe.
/// </summary>
/// <remarks>
/// <para>The document is an object with <c>horizonDays</c> (required, at least 1), <c>shifts</c> (required, at least one:
/// <c>id</c>, <c>minutes</c> &gt; 0, <c>cannotFollow</c> an array of shift ids that may not follow it the next day),
/// <c>staff</c> (required, at least one: <c>id</c>, <c>maxShifts</c> an object from shift id to a count, a type not listed
/// being unlimited, and <c>maxTotalMinutes</c>, <c>minTotalMinutes</c>, <c>maxConsecutiveShifts</c>,
/// <c>minConsecutiveShifts</c>, <c>minConsecutiveDaysOff</c>, <c>maxWeekends</c>, each defaulting as in
/// <see cref="RosterContract"/>), <c>daysOff</c> (<c>employee</c>, <c>days</c>), <c>shiftOnRequests</c> and
/// <c>shiftOffRequests</c> (<c>employee</c>, <c>day</c>, <c>shift</c>, <c>weight</c>) and <c>cover</c> (<c>day</c>,
/// <c>shift</c>, <c>requirement</c>, <c>underWeight</c>, <c>overWeight</c>); the last four may be absent (nothing requested).</para>
/// <para>The rules are those of <see cref="CurtoisFormat"/>: every number is a whole number at least 0; an unknown shift or
/// employee, a day outside the horizon and a duplicate (shift, employee, days-off entry, request, cover day and shift, a
/// day or shift listed twice) are problems. In addition an unknown field (a typo such as <c>maxShift</c>), a key given twice
/// in one object, a value of the wrong kind and a missing required field are problems. Every problem is reported with its
/// JSON field path in <see cref="RosterTextProblem.Path"/> (e.g. <c>staff[1].maxShifts.E</c>).</para>
/// </remarks>
public static class RosterJson
{
    private const int MaxProblems = 100;

    private static readonly string[] s_rootFields = ["horizonDays", "shifts", "staff", "daysOff", "shiftOnRequests", "shiftOffRequests", "cover"];
    private static readonly string[] s_shiftFields = ["id", "minutes", "cannotFollow"];
    private static readonly string[] s_staffFields =
        ["id", "maxShifts", "maxTotalMinutes", "minTotalMinutes", "maxConsecutiveShifts", "minConsecutiveShifts", "minConsecutiveDaysOff", "maxWeekends"];
    private static readonly string[] s_daysOffFields = ["employee", "days"];
    private static readonly string[] s_requestFields = ["employee", "day", "shift", "weight"];
    private static readonly string[] s_coverFields = ["day", "shift", "requirement", "underWeight", "overWeight"];

    /// <summary>Reads a problem from its JSON document. Never throws for bad content: every problem is in <see cref="RosterTextResult.Problems"/>, located by its JSON path.</summary>
    /// <param name="json">The JSON text (comments and trailing commas are allowed).</param>
    /// <returns>The problem, or every problem found with its JSON field path (at most 100 are kept).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static RosterTextResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new JsonFieldReader();
        using var document = reader.Parse(json);
        if (document is null || !reader.Object(document.RootElement, "", s_rootFields))
        {
            return Done(null, reader);
        }
        var root = document.RootElement;
        int days = Int(reader, root, "horizonDays", "", required: true) ?? -1;
        if (days == 0)
        {
            reader.Add("horizonDays", "the horizon must be at least 1 day; got 0");
        }
        var shifts = ReadShifts(reader, root);
        var shiftIds = new HashSet<string>(shifts.Select(s => s.Id), StringComparer.Ordinal);
        var agents = ReadStaff(reader, root, shiftIds);
        var agentIds = new HashSet<string>(agents.Select(a => a.Id), StringComparer.Ordinal);
        var daysOff = ReadDaysOff(reader, root, days, agentIds);
        var on = ReadRequests(reader, root, "shiftOnRequests", days, shiftIds, agentIds);
        var off = ReadRequests(reader, root, "shiftOffRequests", days, shiftIds, agentIds);
        var cover = ReadCover(reader, root, days, shiftIds);
        if (reader.Errors.Count > 0 || days < 1)
        {
            return Done(null, reader);
        }
        var withDaysOff = agents.Select(a => a with { DaysOff = daysOff.GetValueOrDefault(a.Id) ?? [] }).ToArray();
        try
        {
            return Done(new RosterProblem(days, shifts, withDaysOff, cover, on, off), reader);
        }
        catch (ArgumentException ex)
        {
            // Every rule the constructor checks is checked above with its path; this is a safety net.
            reader.Add("", ex.Message.Split(" (Parameter")[0]);
            return Done(null, reader);
        }
    }

    /// <summary>Writes <paramref name="problem"/> as an indented JSON document that <see cref="Parse"/> reads back to an equal problem.</summary>
    /// <remarks>Contract fields at their <see cref="RosterContract"/> default (e.g. an unlimited <c>maxWeekends</c>) are omitted.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public static string Write(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(problem, writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="problem"/> as one JSON object to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(RosterProblem problem, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(writer);
        var defaults = new RosterContract();
        writer.WriteStartObject();
        writer.WriteNumber("horizonDays", problem.Days);
        writer.WriteStartArray("shifts");
        foreach (var shift in problem.ShiftTypes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", shift.Id);
            writer.WriteNumber("minutes", shift.LengthMinutes);
            writer.WriteStartArray("cannotFollow");
            foreach (var next in shift.ForbiddenNext)
            {
                writer.WriteStringValue(next);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("staff");
        foreach (var agent in problem.Agents)
        {
            var c = agent.Contract;
            writer.WriteStartObject();
            writer.WriteString("id", agent.Id);
            writer.WriteStartObject("maxShifts");
            foreach (var (id, max) in c.MaxShiftsPerType)
            {
                writer.WriteNumber(id, max);
            }
            writer.WriteEndObject();
            WriteUnlessDefault(writer, "maxTotalMinutes", c.MaxTotalMinutes, defaults.MaxTotalMinutes);
            WriteUnlessDefault(writer, "minTotalMinutes", c.MinTotalMinutes, defaults.MinTotalMinutes);
            WriteUnlessDefault(writer, "maxConsecutiveShifts", c.MaxConsecutiveShifts, defaults.MaxConsecutiveShifts);
            WriteUnlessDefault(writer, "minConsecutiveShifts", c.MinConsecutiveShifts, defaults.MinConsecutiveShifts);
            WriteUnlessDefault(writer, "minConsecutiveDaysOff", c.MinConsecutiveDaysOff, defaults.MinConsecutiveDaysOff);
            WriteUnlessDefault(writer, "maxWeekends", c.MaxWeekends, defaults.MaxWeekends);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("daysOff");
        foreach (var agent in problem.Agents.Where(a => a.DaysOff.Count > 0))
        {
            writer.WriteStartObject();
            writer.WriteString("employee", agent.Id);
            writer.WriteStartArray("days");
            foreach (int day in agent.DaysOff)
            {
                writer.WriteNumberValue(day);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteRequests(writer, "shiftOnRequests", problem.ShiftOnRequests);
        WriteRequests(writer, "shiftOffRequests", problem.ShiftOffRequests);
        writer.WriteStartArray("cover");
        foreach (var c in problem.Cover)
        {
            writer.WriteStartObject();
            writer.WriteNumber("day", c.Day);
            writer.WriteString("shift", c.ShiftId);
            writer.WriteNumber("requirement", c.Required);
            writer.WriteNumber("underWeight", c.UnderWeight);
            writer.WriteNumber("overWeight", c.OverWeight);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteUnlessDefault(Utf8JsonWriter writer, string name, int value, int defaultValue)
    {
        if (value != defaultValue)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteRequests(Utf8JsonWriter writer, string name, IReadOnlyList<ShiftRequest> requests)
    {
        writer.WriteStartArray(name);
        foreach (var r in requests)
        {
            writer.WriteStartObject();
            writer.WriteString("employee", r.AgentId);
            writer.WriteNumber("day", r.Day);
            writer.WriteString("shift", r.ShiftId);
            writer.WriteNumber("weight", r.Weight);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static RosterTextResult Done(RosterProblem? problem, JsonFieldReader reader) =>
        new(problem, reader.Errors.Take(MaxProblems).Select(e => new RosterTextProblem(0, "", e.Message) { Path = e.Field }).ToArray());

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>A whole number at least 0 that fits an <see cref="int"/>; null (and a recorded problem) otherwise, or when absent.</summary>
    private static int? Int(JsonFieldReader reader, JsonElement obj, string name, string path, bool required = false) =>
        reader.TryGet(obj, name, path, required, out var value) ? IntValue(reader, value, JsonFieldReader.Join(path, name), name) : null;

    private static int? IntValue(JsonFieldReader reader, JsonElement value, string field, string what)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            if (number >= 0)
            {
                return number;
            }
            reader.Add(field, $"{what} must be >= 0; got {number}");
            return null;
        }
        reader.Add(field, $"{what} must be a whole number; got {Clip(value.GetRawText())}");
        return null;
    }

    /// <summary>A required, non-empty string field.</summary>
    private static string? Id(JsonFieldReader reader, JsonElement obj, string name, string path)
    {
        var id = reader.String(obj, name, path, required: true);
        if (id is { Length: 0 })
        {
            reader.Add(JsonFieldReader.Join(path, name), $"{name} is empty");
            return null;
        }
        return id;
    }

    private static int? Day(JsonFieldReader reader, JsonElement value, string field, int days)
    {
        if (IntValue(reader, value, field, "the day") is not int day)
        {
            return null;
        }
        if (days >= 1 && day >= days)
        {
            reader.Add(field, $"day {day} is outside the horizon [0, {days - 1}]");
            return null;
        }
        return day;
    }

    private static bool Known(JsonFieldReader reader, string? id, HashSet<string> ids, string field, string what)
    {
        if (id is null)
        {
            return false;
        }
        if (!ids.Contains(id))
        {
            reader.Add(field, $"unknown {what} '{Clip(id)}'");
            return false;
        }
        return true;
    }

    private static List<RosterShiftType> ReadShifts(JsonFieldReader reader, JsonElement root)
    {
        var parsed = new List<(string Path, string Id, int Minutes, List<(string Path, string Id)> Next)>();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!reader.Array(root, "shifts", "", required: true, out var array))
        {
            return [];
        }
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string path = $"shifts[{i++}]";
            if (!reader.Object(element, path, s_shiftFields))
            {
                continue;
            }
            var id = Id(reader, element, "id", path);
            int? minutes = Int(reader, element, "minutes", path, required: true);
            if (minutes == 0)
            {
                reader.Add($"{path}.minutes", $"the length of shift '{Clip(id ?? "")}' must be > 0 minutes; got 0");
            }
            var next = new List<(string, string)>();
            if (reader.Array(element, "cannotFollow", path, required: false, out var nextArray))
            {
                int n = 0;
                foreach (var item in nextArray.EnumerateArray())
                {
                    string itemPath = $"{path}.cannotFollow[{n++}]";
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        reader.Add(itemPath, $"a shift id must be a string; got {Clip(item.GetRawText())}");
                        continue;
                    }
                    next.Add((itemPath, item.GetString()!));
                }
            }
            if (id is null)
            {
                continue;
            }
            if (!first.TryAdd(id, path))
            {
                reader.Add($"{path}.id", $"duplicate shift id '{Clip(id)}' (first at {first[id]})");
                continue;
            }
            if (minutes is int length && length > 0)
            {
                parsed.Add((path, id, length, next));
            }
        }
        if (i == 0)
        {
            reader.Add("shifts", "no shift types");
        }
        var result = new List<RosterShiftType>();
        foreach (var (_, id, minutes, next) in parsed)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool ok = true;
            foreach (var (itemPath, n) in next)
            {
                if (!first.ContainsKey(n))
                {
                    reader.Add(itemPath, $"shift '{Clip(id)}': unknown shift '{Clip(n)}' among those that may not follow");
                    ok = false;
                }
                else if (!seen.Add(n))
                {
                    reader.Add(itemPath, $"shift '{Clip(id)}': '{Clip(n)}' listed twice among those that may not follow");
                    ok = false;
                }
            }
            result.Add(new RosterShiftType(id, minutes, ok ? next.Select(x => x.Id).ToArray() : []));
        }
        return result;
    }

    private static List<RosterAgent> ReadStaff(JsonFieldReader reader, JsonElement root, HashSet<string> shiftIds)
    {
        var result = new List<RosterAgent>();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!reader.Array(root, "staff", "", required: true, out var array))
        {
            return result;
        }
        var defaults = new RosterContract();
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string path = $"staff[{i++}]";
            if (!reader.Object(element, path, s_staffFields))
            {
                continue;
            }
            int before = reader.Errors.Count;
            var id = Id(reader, element, "id", path);
            var maxShifts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (reader.TryGet(element, "maxShifts", path, false, out var maxElement))
            {
                string maxPath = $"{path}.maxShifts";
                // Object() reports a shift id given twice; the shift ids must also be known.
                if (reader.Object(maxElement, maxPath, [.. shiftIds]))
                {
                    foreach (var property in maxElement.EnumerateObject())
                    {
                        if (shiftIds.Contains(property.Name) && IntValue(reader, property.Value, $"{maxPath}.{property.Name}", $"max shifts of '{Clip(property.Name)}'") is int count)
                        {
                            maxShifts.TryAdd(property.Name, count);
                        }
                    }
                }
            }
            var contract = new RosterContract
            {
                MaxShiftsPerType = maxShifts,
                MaxTotalMinutes = Int(reader, element, "maxTotalMinutes", path) ?? defaults.MaxTotalMinutes,
                MinTotalMinutes = Int(reader, element, "minTotalMinutes", path) ?? defaults.MinTotalMinutes,
                MaxConsecutiveShifts = Int(reader, element, "maxConsecutiveShifts", path) ?? defaults.MaxConsecutiveShifts,
                MinConsecutiveShifts = Int(reader, element, "minConsecutiveShifts", path) ?? defaults.MinConsecutiveShifts,
                MinConsecutiveDaysOff = Int(reader, element, "minConsecutiveDaysOff", path) ?? defaults.MinConsecutiveDaysOff,
                MaxWeekends = Int(reader, element, "maxWeekends", path) ?? defaults.MaxWeekends,
            };
            if (id is null)
            {
                continue;
            }
            if (!first.TryAdd(id, path))
            {
                reader.Add($"{path}.id", $"duplicate employee id '{Clip(id)}' (first at {first[id]})");
                continue;
            }
            if (reader.Errors.Count > before)
            {
                continue;
            }
            try
            {
                contract.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                string field = ex.ParamName switch
                {
                    nameof(RosterContract.MaxTotalMinutes) => "maxTotalMinutes",
                    nameof(RosterContract.MinTotalMinutes) => "minTotalMinutes",
                    nameof(RosterContract.MaxConsecutiveShifts) => "maxConsecutiveShifts",
                    nameof(RosterContract.MinConsecutiveShifts) => "minConsecutiveShifts",
                    nameof(RosterContract.MinConsecutiveDaysOff) => "minConsecutiveDaysOff",
                    nameof(RosterContract.MaxWeekends) => "maxWeekends",
                    _ => "maxShifts",
                };
                reader.Add($"{path}.{field}", $"employee '{Clip(id)}': {ex.Message.Split('\n')[0].Split(" (Parameter")[0]}");
                continue;
            }
            result.Add(new RosterAgent(id, contract, []));
        }
        if (i == 0)
        {
            reader.Add("staff", "no staff");
        }
        return result;
    }

    private static Dictionary<string, int[]> ReadDaysOff(JsonFieldReader reader, JsonElement root, int days, HashSet<string> agentIds)
    {
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!reader.Array(root, "daysOff", "", required: false, out var array))
        {
            return result;
        }
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string path = $"daysOff[{i++}]";
            if (!reader.Object(element, path, s_daysOffFields))
            {
                continue;
            }
            var id = reader.String(element, "employee", path, required: true);
            var list = new List<int>();
            if (reader.Array(element, "days", path, required: true, out var dayArray))
            {
                int d = 0;
                foreach (var item in dayArray.EnumerateArray())
                {
                    string dayPath = $"{path}.days[{d++}]";
                    if (Day(reader, item, dayPath, days) is not int day)
                    {
                        continue;
                    }
                    if (list.Contains(day))
                    {
                        reader.Add(dayPath, $"employee '{Clip(id ?? "")}': day {day} listed twice");
                        continue;
                    }
                    list.Add(day);
                }
            }
            if (!Known(reader, id, agentIds, $"{path}.employee", "employee"))
            {
                continue;
            }
            if (!first.TryAdd(id!, path))
            {
                reader.Add($"{path}.employee", $"a second days-off entry for employee '{Clip(id!)}' (first at {first[id!]})");
                continue;
            }
            result[id!] = list.ToArray();
        }
        return result;
    }

    private static List<ShiftRequest> ReadRequests(JsonFieldReader reader, JsonElement root, string name, int days, HashSet<string> shiftIds, HashSet<string> agentIds)
    {
        var result = new List<ShiftRequest>();
        var first = new Dictionary<(string, int, string), string>();
        if (!reader.Array(root, name, "", required: false, out var array))
        {
            return result;
        }
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string path = $"{name}[{i++}]";
            if (!reader.Object(element, path, s_requestFields))
            {
                continue;
            }
            var employee = reader.String(element, "employee", path, required: true);
            bool ok = Known(reader, employee, agentIds, $"{path}.employee", "employee");
            int? day = reader.TryGet(element, "day", path, true, out var dayElement) ? Day(reader, dayElement, $"{path}.day", days) : null;
            var shift = reader.String(element, "shift", path, required: true);
            ok &= Known(reader, shift, shiftIds, $"{path}.shift", "shift");
            int? weight = Int(reader, element, "weight", path, required: true);
            if (!ok || day is null || weight is null)
            {
                continue;
            }
            if (!first.TryAdd((employee!, day.Value, shift!), path))
            {
                reader.Add(path, $"a second request for employee '{Clip(employee!)}', day {day}, shift '{Clip(shift!)}' (first at {first[(employee!, day.Value, shift!)]})");
                continue;
            }
            result.Add(new ShiftRequest(employee!, day.Value, shift!, weight.Value));
        }
        return result;
    }

    private static List<CoverRequirement> ReadCover(JsonFieldReader reader, JsonElement root, int days, HashSet<string> shiftIds)
    {
        var result = new List<CoverRequirement>();
        var first = new Dictionary<(int, string), string>();
        if (!reader.Array(root, "cover", "", required: false, out var array))
        {
            return result;
        }
        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            string path = $"cover[{i++}]";
            if (!reader.Object(element, path, s_coverFields))
            {
                continue;
            }
            int? day = reader.TryGet(element, "day", path, true, out var dayElement) ? Day(reader, dayElement, $"{path}.day", days) : null;
            var shift = reader.String(element, "shift", path, required: true);
            bool ok = Known(reader, shift, shiftIds, $"{path}.shift", "shift");
            int? required = Int(reader, element, "requirement", path, required: true);
            int? under = Int(reader, element, "underWeight", path, required: true);
            int? over = Int(reader, element, "overWeight", path, required: true);
            if (!ok || day is null || required is null || under is null || over is null)
            {
                continue;
            }
            if (!first.TryAdd((day.Value, shift!), path))
            {
                reader.Add(path, $"a second requirement for day {day}, shift '{Clip(shift!)}' (first at {first[(day.Value, shift!)]})");
                continue;
            }
            result.Add(new CoverRequirement(day.Value, shift!, required.Value, under.Value, over.Value));
        }
        return result;
    }
}
