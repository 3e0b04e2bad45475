using System.Text;
using System.Text.Json;

namespace CsMetrics.Scheduling;

/// <summary>One problem found while reading a schedule problem: the field's path and what is wrong.</summary>
/// <param name="Field">The field's path, e.g. <c>templates[1].breaks[0].lengthMinutes</c> (empty for the document itself).</param>
/// <param name="Message">What is wrong, naming the template where there is one.</param>
public readonly record struct ScheduleInputError(string Field, string Message)
{
    /// <summary><c>field: message</c>.</summary>
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}

/// <summary>A schedule problem read from JSON with the solver options it carries, or the problems that prevented it.</summary>
/// <param name="Problem">The problem, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Options">The solver options from <c>timeLimitSeconds</c> and <c>seed</c> (defaults when absent).</param>
/// <param name="Errors">Every problem found in the document (empty on success).</param>
public sealed record ScheduleDocument(ScheduleProblem? Problem, ScheduleSolverOptions Options, IReadOnlyList<ScheduleInputError> Errors);

/// <summary>
/// Reads and writes the <c>csmetrics schedule</c> JSON contract (see <c>docs/scheduling.md</c>): the problem
/// (<c>intervalMinutes</c>, <c>cyclic</c>, <c>requirements</c>, <c>understaffCost</c>, <c>overstaffCost</c>,
/// <c>timeLimitSeconds</c>, <c>seed</c>, <c>templates</c>) and the solution (<c>status</c>, <c>cost</c>,
/// <c>lowerBound</c>, <c>gap</c>, <c>shifts</c>, <c>coverage</c>, <c>understaffed</c>, <c>overstaffed</c>,
/// <c>message</c>). Reflection-free (trimming and Native AOT safe). Thread-safe.
/// </summary>
public static class ScheduleJson
{
    private static readonly string[] ProblemFields =
        ["intervalMinutes", "cyclic", "requirements", "understaffCost", "overstaffCost", "timeLimitSeconds", "seed", "templates"];

    private static readonly string[] TemplateFields =
        ["name", "lengthMinutes", "earliestStartMinute", "latestStartMinute", "startStepMinutes", "cost", "maxAgents", "breaks"];

    private static readonly string[] BreakFields = ["lengthMinutes", "earliestAfterStartMinutes", "latestAfterStartMinutes"];

    /// <summary>Reads a problem document. Never throws for bad content: every problem is in <see cref="ScheduleDocument.Errors"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ScheduleDocument ParseProblem(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<ScheduleInputError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add(new ScheduleInputError("", $"not valid JSON: {ex.Message}"));
            return new ScheduleDocument(null, new ScheduleSolverOptions(), errors);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ScheduleInputError("", "the document must be a JSON object"));
                return new ScheduleDocument(null, new ScheduleSolverOptions(), errors);
            }
            UnknownFields(root, "", ProblemFields, errors);
            int interval = Integer(root, "intervalMinutes", "intervalMinutes", errors, required: true) ?? 0;
            bool cyclic = Boolean(root, "cyclic", errors);
            var requirements = new List<int>();
            if (Property(root, "requirements", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    requirements.Add(IntegerValue(element, $"requirements[{index++}]", errors) ?? 0);
                }
            }
            else
            {
                errors.Add(new ScheduleInputError("requirements", "requirements must be an array of agent counts"));
            }
            double? under = Number(root, "understaffCost", "understaffCost", errors);
            double over = Number(root, "overstaffCost", "overstaffCost", errors) ?? 0;
            var options = new ScheduleSolverOptions();
            if (Number(root, "timeLimitSeconds", "timeLimitSeconds", errors) is double seconds)
            {
                if (seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds)
                {
                    options = options with { TimeLimit = TimeSpan.FromSeconds(seconds) };
                }
                else
                {
                    errors.Add(new ScheduleInputError("timeLimitSeconds", $"timeLimitSeconds must be > 0; got {seconds}"));
                }
            }
            if (Integer(root, "seed", "seed", errors) is int seed)
            {
                options = options with { Seed = seed };
            }
            foreach (var (field, message) in ScheduleValidation.Problem(interval, requirements, under, over))
            {
                if (field != "intervalMinutes" || errors.All(e => e.Field != "intervalMinutes"))
                {
                    errors.Add(new ScheduleInputError(field, message));
                }
            }
            IReadOnlyList<ShiftTemplate> templates = [];
            if (Property(root, "templates", out var templateArray))
            {
                templates = ParseTemplates(templateArray, errors, "templates");
            }
            else
            {
                errors.Add(new ScheduleInputError("templates", "templates is required"));
            }
            if (errors.Count == 0)
            {
                foreach (var (field, message) in ScheduleValidation.Templates(templates, interval))
                {
                    errors.Add(new ScheduleInputError(field, message));
                }
            }
            var problem = errors.Count == 0 ? new ScheduleProblem(interval, requirements, templates, cyclic, under, over) : null;
            return new ScheduleDocument(problem, options, errors);
        }
    }

    /// <summary>
    /// Reads a <c>templates</c> array (the same shape as in a problem document), adding every problem to
    /// <paramref name="errors"/>. Returns the templates that were valid.
    /// </summary>
    /// <param name="templates">The JSON array.</param>
    /// <param name="errors">Receives the problems, with field paths under <paramref name="path"/>.</param>
    /// <param name="path">The array's path in the document, for messages (default <c>templates</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null.</exception>
    public static IReadOnlyList<ShiftTemplate> ParseTemplates(JsonElement templates, ICollection<ScheduleInputError> errors, string path = "templates")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new List<ShiftTemplate>();
        if (templates.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ScheduleInputError(path, $"{path} must be an array of templates"));
            return result;
        }
        int t = 0;
        foreach (var element in templates.EnumerateArray())
        {
            string at = $"{path}[{t++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ScheduleInputError(at, $"{at} must be an object"));
                continue;
            }
            var local = new List<ScheduleInputError>();
            string name = Property(element, "name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                ? nameElement.GetString()! : "";
            string label = name.Length > 0 ? $"template '{name}': " : $"{at}: ";
            if (name.Length == 0)
            {
                local.Add(new ScheduleInputError($"{at}.name", $"{at}.name must be a non-empty string"));
            }
            UnknownFields(element, at + ".", TemplateFields, local);
            int length = Integer(element, "lengthMinutes", $"{at}.lengthMinutes", local, required: true) ?? 0;
            int earliest = Integer(element, "earliestStartMinute", $"{at}.earliestStartMinute", local, required: true) ?? 0;
            int latest = Integer(element, "latestStartMinute", $"{at}.latestStartMinute", local, required: true) ?? 0;
            int step = Integer(element, "startStepMinutes", $"{at}.startStepMinutes", local, required: true) ?? 0;
            double cost = Number(element, "cost", $"{at}.cost", local, required: true) ?? 0;
            int? max = Integer(element, "maxAgents", $"{at}.maxAgents", local);
            var breaks = new List<BreakRule>();
            if (Property(element, "breaks", out var breakArray) && breakArray.ValueKind != JsonValueKind.Null)
            {
                if (breakArray.ValueKind != JsonValueKind.Array)
                {
                    local.Add(new ScheduleInputError($"{at}.breaks", "breaks must be an array"));
                }
                else
                {
                    int k = 0;
                    foreach (var rule in breakArray.EnumerateArray())
                    {
                        string breakAt = $"{at}.breaks[{k++}]";
                        if (rule.ValueKind != JsonValueKind.Object)
                        {
                            local.Add(new ScheduleInputError(breakAt, $"{breakAt} must be an object"));
                            continue;
                        }
                        UnknownFields(rule, breakAt + ".", BreakFields, local);
                        breaks.Add(new BreakRule(
                            Integer(rule, "lengthMinutes", $"{breakAt}.lengthMinutes", local, required: true) ?? 0,
                            Integer(rule, "earliestAfterStartMinutes", $"{breakAt}.earliestAfterStartMinutes", local, required: true) ?? 0,
                            Integer(rule, "latestAfterStartMinutes", $"{breakAt}.latestAfterStartMinutes", local, required: true) ?? 0));
                    }
                }
            }
            if (local.Count == 0)
            {
                foreach (var (field, message) in ScheduleValidation.Template(name, length, earliest, latest, step, cost, max, breaks))
                {
                    local.Add(new ScheduleInputError($"{at}.{field}", message));
                }
                if (local.Count == 0)
                {
                    result.Add(new ShiftTemplate(name, length, earliest, latest, step, cost, max, breaks));
                }
            }
            foreach (var error in local)
            {
                errors.Add(error with { Message = label + error.Message });
            }
        }
        return result;
    }

    /// <summary>Writes <paramref name="solution"/> as the contract's solution document (NaN as null).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteSolution(ScheduleSolution solution, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("status", solution.Status.ToString().ToLowerInvariant());
        WriteNumber(writer, "cost", solution.Cost);
        WriteNumber(writer, "lowerBound", solution.LowerBound);
        WriteNumber(writer, "gap", solution.Gap);
        writer.WriteStartArray("shifts");
        foreach (var shift in solution.Shifts)
        {
            writer.WriteStartObject();
            writer.WriteString("template", shift.Template);
            writer.WriteNumber("day", shift.Day);
            writer.WriteNumber("startMinute", shift.StartMinute);
            writer.WriteStartArray("breakStartMinutes");
            foreach (int minute in shift.BreakStartMinutes)
            {
                writer.WriteNumberValue(minute);
            }
            writer.WriteEndArray();
            writer.WriteNumber("agents", shift.Agents);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteIntegers(writer, "coverage", solution.Coverage);
        writer.WriteNumber("understaffed", solution.Understaffed);
        writer.WriteNumber("overstaffed", solution.Overstaffed);
        writer.WriteString("message", solution.Message);
        WriteIntegers(writer, "understaffedByInterval", solution.UnderstaffedByInterval);
        WriteIntegers(writer, "overstaffedByInterval", solution.OverstaffedByInterval);
        WriteIntegers(writer, "infeasibleIntervals", solution.InfeasibleIntervals);
        writer.WriteStartArray("infeasibleTemplates");
        foreach (var name in solution.InfeasibleTemplates)
        {
            writer.WriteStringValue(name);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The solution document as indented JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="solution"/> is null.</exception>
    public static string ToJson(ScheduleSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return Indented(writer => WriteSolution(solution, writer));
    }

    /// <summary>
    /// Writes <paramref name="problem"/> as the contract's problem document, which
    /// <see cref="ParseProblem"/> reads back; <paramref name="options"/> adds <c>timeLimitSeconds</c> and <c>seed</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteProblem(ScheduleProblem problem, Utf8JsonWriter writer, ScheduleSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("intervalMinutes", problem.IntervalMinutes);
        writer.WriteBoolean("cyclic", problem.Cyclic);
        writer.WriteStartArray("requirements");
        foreach (int requirement in problem.Requirements)
        {
            writer.WriteNumberValue(requirement);
        }
        writer.WriteEndArray();
        if (problem.UnderstaffCost is double understaff)
        {
            writer.WriteNumber("understaffCost", understaff);
        }
        writer.WriteNumber("overstaffCost", problem.OverstaffCost);
        if (options is not null)
        {
            writer.WriteNumber("timeLimitSeconds", options.TimeLimit.TotalSeconds);
            writer.WriteNumber("seed", options.Seed);
        }
        writer.WriteStartArray("templates");
        foreach (var template in problem.Templates)
        {
            writer.WriteStartObject();
            writer.WriteString("name", template.Name);
            writer.WriteNumber("lengthMinutes", template.LengthMinutes);
            writer.WriteNumber("earliestStartMinute", template.EarliestStartMinute);
            writer.WriteNumber("latestStartMinute", template.LatestStartMinute);
            writer.WriteNumber("startStepMinutes", template.StartStepMinutes);
            writer.WriteNumber("cost", template.Cost);
            if (template.MaxAgents is int maxAgents)
            {
                writer.WriteNumber("maxAgents", maxAgents);
            }
            else
            {
                writer.WriteNull("maxAgents");
            }
            writer.WriteStartArray("breaks");
            foreach (var rule in template.Breaks)
            {
                writer.WriteStartObject();
                writer.WriteNumber("lengthMinutes", rule.LengthMinutes);
                writer.WriteNumber("earliestAfterStartMinutes", rule.EarliestAfterStartMinutes);
                writer.WriteNumber("latestAfterStartMinutes", rule.LatestAfterStartMinutes);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The problem document as indented JSON text (see <see cref="WriteProblem"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    public static string ToJson(ScheduleProblem problem, ScheduleSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Indented(writer => WriteProblem(problem, writer, options));
    }

    private static string Indented(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, Math.Round(value, 9));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteIntegers(Utf8JsonWriter writer, string name, IReadOnlyList<int> values)
    {
        writer.WriteStartArray(name);
        foreach (int value in values)
        {
            writer.WriteNumberValue(value);
        }
        writer.WriteEndArray();
    }

    private static bool Property(JsonElement element, string name, out JsonElement value) => element.TryGetProperty(name, out value);

    private static void UnknownFields(JsonElement element, string prefix, string[] known, ICollection<ScheduleInputError> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                errors.Add(new ScheduleInputError(prefix + property.Name, $"unknown field '{property.Name}' (expected one of {string.Join(", ", known)})"));
            }
        }
    }

    private static bool Boolean(JsonElement element, string name, ICollection<ScheduleInputError> errors)
    {
        if (!Property(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        errors.Add(new ScheduleInputError(name, $"{name} must be true or false"));
        return false;
    }

    private static double? Number(JsonElement element, string name, string path, ICollection<ScheduleInputError> errors, bool required = false)
    {
        if (!Property(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new ScheduleInputError(path, $"{path} is required"));
            }
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number))
        {
            return number;
        }
        errors.Add(new ScheduleInputError(path, $"{path} must be a number; got {value.GetRawText()}"));
        return null;
    }

    private static int? Integer(JsonElement element, string name, string path, ICollection<ScheduleInputError> errors, bool required = false)
    {
        if (!Property(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new ScheduleInputError(path, $"{path} is required"));
            }
            return null;
        }
        return IntegerValue(value, path, errors);
    }

    private static int? IntegerValue(JsonElement value, string path, ICollection<ScheduleInputError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number)
            && number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue)
        {
            return (int)number;
        }
        errors.Add(new ScheduleInputError(path, $"{path} must be a whole number; got {value.GetRawText()}"));
        return null;
    }
}
