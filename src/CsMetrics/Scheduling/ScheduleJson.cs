using System.Globalization;
using CsMetrics.Internal;
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
public sealed record ScheduleDocument(ScheduleProblem? Problem, ScheduleSolverOptions Options, IReadOnlyList<ScheduleInputError> Errors)
{
    private readonly IReadOnlyList<ScheduleInputError> _errors = ReadOnlyValueList<ScheduleInputError>.CopyOf(Errors ?? throw new ArgumentNullException(nameof(Errors)));

    /// <summary>Every problem found in the document (empty on success); compared by value.</summary>
    public IReadOnlyList<ScheduleInputError> Errors
    {
        get => _errors;
        init => _errors = ReadOnlyValueList<ScheduleInputError>.CopyOf(value ?? throw new ArgumentNullException(nameof(value)));
    }
}

/// <summary>A schedule read from a solution document and scored on its problem, or the problems that prevented it.</summary>
/// <param name="Solution">The schedule scored by <see cref="ScheduleSolution.Evaluate"/>, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem found in the document (empty on success).</param>
public sealed record ScheduleSolutionDocument(ScheduleSolution? Solution, IReadOnlyList<ScheduleInputError> Errors)
{
    private readonly IReadOnlyList<ScheduleInputError> _errors = ReadOnlyValueList<ScheduleInputError>.CopyOf(Errors ?? throw new ArgumentNullException(nameof(Errors)));

    /// <summary>Every problem found in the document (empty on success); compared by value.</summary>
    public IReadOnlyList<ScheduleInputError> Errors
    {
        get => _errors;
        init => _errors = ReadOnlyValueList<ScheduleInputError>.CopyOf(value ?? throw new ArgumentNullException(nameof(value)));
    }
}

/// <summary>
/// Reads and writes the <c>csmetrics schedule</c> JSON contract (see <c>docs/scheduling.md</c>): the problem
/// (<c>intervalMinutes</c>, <c>cyclic</c>, <c>requirements</c>, <c>understaffCost</c>, <c>overstaffCost</c>,
/// <c>timeLimitSeconds</c>, <c>seed</c>, <c>templates</c>) and the solution (<c>status</c>, <c>cost</c>,
/// <c>lowerBound</c>, <c>gap</c>, <c>shifts</c>, <c>coverage</c>, <c>understaffed</c>, <c>overstaffed</c>,
/// <c>message</c>). Unknown fields and duplicate keys are errors with their field paths. Reflection-free
/// (trimming and Native AOT safe). Thread-safe.
/// </summary>
public static class ScheduleJson
{
    private static readonly string[] ProblemFields =
        ["intervalMinutes", "cyclic", "requirements", "understaffCost", "overstaffCost", "timeLimitSeconds", "seed", "templates"];

    /// <summary>The shortest time limit a document may ask for, in seconds (1 ms).</summary>
    public const double MinTimeLimitSeconds = 0.001;

    /// <summary>The longest time limit a document may ask for, in seconds (one day).</summary>
    public const double MaxTimeLimitSeconds = 86_400;

    private static readonly string[] TemplateFields =
        ["name", "lengthMinutes", "earliestStartMinute", "latestStartMinute", "startStepMinutes", "cost", "maxAgents", "breaks"];

    private static readonly string[] BreakFields = ["lengthMinutes", "earliestAfterStartMinutes", "latestAfterStartMinutes"];

    private static readonly string[] SolutionFields =
        ["status", "cost", "lowerBound", "gap", "shifts", "coverage", "understaffed", "overstaffed", "message",
         "understaffedByInterval", "overstaffedByInterval", "infeasibleIntervals", "infeasibleTemplates"];

    private static readonly string[] ShiftFields = ["template", "day", "startMinute", "breakStartMinutes", "agents"];

    private static readonly JsonDocumentOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a problem document. Never throws for bad content: every problem is in <see cref="ScheduleDocument.Errors"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ScheduleDocument ParseProblem(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<ScheduleInputError>();
        if (Open(json, errors) is not { } document)
        {
            return new ScheduleDocument(null, new ScheduleSolverOptions(), errors);
        }
        using (document)
        {
            var root = document.RootElement;
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
                // At least a millisecond (a TimeSpan of 1e-300 s is zero) and at most a day.
                if (seconds >= MinTimeLimitSeconds && seconds <= MaxTimeLimitSeconds)
                {
                    options = options with { TimeLimit = TimeSpan.FromSeconds(seconds) };
                }
                else
                {
                    errors.Add(new ScheduleInputError("timeLimitSeconds",
                        string.Create(CultureInfo.InvariantCulture, $"timeLimitSeconds must be in [{MinTimeLimitSeconds}, {MaxTimeLimitSeconds}]; got {seconds}")));
                }
            }
            if (Integer(root, "seed", "seed", errors) is int seed)
            {
                options = options with { Seed = seed };
            }
            foreach (var (field, message) in ScheduleValidation.Problem(interval, requirements, cyclic, under, over))
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
            if (errors.All(e => !e.Field.StartsWith("templates", StringComparison.Ordinal) && e.Field != "intervalMinutes"))
            {
                foreach (var (field, message) in ScheduleValidation.Templates(templates, interval, requirements.Count, cyclic))
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

    /// <summary>
    /// Reads a solution document (the <c>csmetrics schedule</c> output, or a schedule from another tool in
    /// the same shape) and scores it on <paramref name="problem"/> with <see cref="ScheduleSolution.Evaluate"/>.
    /// Only <c>shifts</c> is required; <c>lowerBound</c>, when a number, is carried as the bound. Fields that
    /// restate what the shifts determine (<c>cost</c>, <c>coverage</c>, <c>understaffed</c>, <c>overstaffed</c>
    /// and the per-interval arrays) must agree with the recomputed values (<c>cost</c> to a relative 1e-12):
    /// a document that contradicts itself is an error. Never throws for bad content.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="problem">The problem the schedule is for.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ScheduleSolutionDocument ParseSolution(string json, ScheduleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new List<ScheduleInputError>();
        if (Open(json, errors) is not { } document)
        {
            return new ScheduleSolutionDocument(null, errors);
        }
        using (document)
        {
            var root = document.RootElement;
            UnknownFields(root, "", SolutionFields, errors);
            var shifts = new List<ScheduledShift>();
            if (Property(root, "shifts", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                int s = 0;
                foreach (var element in array.EnumerateArray())
                {
                    string at = $"shifts[{s++}]";
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new ScheduleInputError(at, $"{at} must be an object"));
                        continue;
                    }
                    var local = new List<ScheduleInputError>();
                    UnknownFields(element, at + ".", ShiftFields, local);
                    string template = Property(element, "template", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
                    if (template.Length == 0)
                    {
                        local.Add(new ScheduleInputError($"{at}.template", $"{at}.template must be a non-empty string"));
                    }
                    int day = Integer(element, "day", $"{at}.day", local, required: true) ?? 0;
                    int start = Integer(element, "startMinute", $"{at}.startMinute", local, required: true) ?? 0;
                    int agents = Integer(element, "agents", $"{at}.agents", local, required: true) ?? 1;
                    if (agents < 1)
                    {
                        local.Add(new ScheduleInputError($"{at}.agents", $"{at}.agents must be >= 1; got {agents}"));
                    }
                    var breaks = Integers(element, "breakStartMinutes", $"{at}.breakStartMinutes", local) ?? [];
                    if (local.Count == 0)
                    {
                        foreach (var (field, message) in ShiftValidation.Shift(problem, template, day, start, breaks))
                        {
                            local.Add(new ScheduleInputError($"{at}.{field}", message));
                        }
                    }
                    if (local.Count == 0)
                    {
                        shifts.Add(new ScheduledShift(template, day, start, breaks, agents));
                    }
                    errors.AddRange(local);
                }
            }
            else
            {
                errors.Add(new ScheduleInputError("shifts", "shifts must be an array of shifts"));
            }
            double? bound = Number(root, "lowerBound", "lowerBound", errors);
            double? cost = Number(root, "cost", "cost", errors);
            var coverage = Integers(root, "coverage", "coverage", errors);
            var understaffedByInterval = Integers(root, "understaffedByInterval", "understaffedByInterval", errors);
            var overstaffedByInterval = Integers(root, "overstaffedByInterval", "overstaffedByInterval", errors);
            long? understaffed = Long(root, "understaffed", errors);
            long? overstaffed = Long(root, "overstaffed", errors);
            if (Property(root, "status", out var status) && status.ValueKind == JsonValueKind.String
                && !Enum.TryParse<ScheduleStatus>(status.GetString(), ignoreCase: true, out _))
            {
                errors.Add(new ScheduleInputError("status", $"status must be optimal, feasible, infeasible or evaluated; got {status.GetRawText()}"));
            }
            if (errors.Count > 0)
            {
                return new ScheduleSolutionDocument(null, errors);
            }
            ScheduleSolution solution;
            try
            {
                solution = ScheduleSolution.Evaluate(problem, shifts, bound);
            }
            catch (ArgumentException ex)
            {
                errors.Add(new ScheduleInputError(ex.ParamName == "lowerBound" ? "lowerBound" : "shifts", ex.Message));
                return new ScheduleSolutionDocument(null, errors);
            }
            if (cost is double stated && !Internal.Tolerance.Equal(stated, solution.Cost))
            {
                errors.Add(new ScheduleInputError("cost", $"cost {stated} does not match the shifts' cost {solution.Cost}"));
            }
            Agree("coverage", coverage, solution.Coverage);
            Agree("understaffedByInterval", understaffedByInterval, solution.UnderstaffedByInterval);
            Agree("overstaffedByInterval", overstaffedByInterval, solution.OverstaffedByInterval);
            if (understaffed is long under && under != solution.Understaffed)
            {
                errors.Add(new ScheduleInputError("understaffed", $"understaffed {under} does not match the shifts' {solution.Understaffed}"));
            }
            if (overstaffed is long over && over != solution.Overstaffed)
            {
                errors.Add(new ScheduleInputError("overstaffed", $"overstaffed {over} does not match the shifts' {solution.Overstaffed}"));
            }
            return new ScheduleSolutionDocument(errors.Count == 0 ? solution : null, errors);

            void Agree(string field, int[]? stated, IReadOnlyList<int> actual)
            {
                if (stated is null)
                {
                    return;
                }
                if (stated.Length != actual.Count)
                {
                    errors.Add(new ScheduleInputError(field, $"{field} has {stated.Length} values; the horizon has {actual.Count} intervals"));
                    return;
                }
                for (int i = 0; i < stated.Length; i++)
                {
                    if (stated[i] != actual[i])
                    {
                        errors.Add(new ScheduleInputError($"{field}[{i}]", $"{field}[{i}] is {stated[i]}; the shifts give {actual[i]}"));
                        return;
                    }
                }
            }
        }
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

    /// <summary>The parsed document when it is a JSON object; otherwise null, with the reason in <paramref name="errors"/>.</summary>
    private static JsonDocument? Open(string json, List<ScheduleInputError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReaderOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(new ScheduleInputError("", $"not valid JSON: {ex.Message}"));
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            errors.Add(new ScheduleInputError("", "the document must be a JSON object"));
            return null;
        }
        return document;
    }

    private static bool Property(JsonElement element, string name, out JsonElement value) => element.TryGetProperty(name, out value);

    /// <summary>Unknown fields and duplicate keys of one object (a duplicate would otherwise make one value silently win).</summary>
    private static void UnknownFields(JsonElement element, string prefix, string[] known, ICollection<ScheduleInputError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                errors.Add(new ScheduleInputError(prefix + property.Name, $"unknown field '{property.Name}' (expected one of {string.Join(", ", known)})"));
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(new ScheduleInputError(prefix + property.Name, $"duplicate key '{property.Name}': give each field once"));
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

    private static int[]? Integers(JsonElement element, string name, string path, ICollection<ScheduleInputError> errors)
    {
        if (!Property(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ScheduleInputError(path, $"{path} must be an array of whole numbers"));
            return null;
        }
        var result = new int[value.GetArrayLength()];
        int index = 0;
        foreach (var item in value.EnumerateArray())
        {
            result[index] = IntegerValue(item, $"{path}[{index}]", errors) ?? 0;
            index++;
        }
        return result;
    }

    private static long? Long(JsonElement element, string name, ICollection<ScheduleInputError> errors)
    {
        if (!Property(element, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
        {
            return number;
        }
        errors.Add(new ScheduleInputError(name, $"{name} must be a whole number; got {value.GetRawText()}"));
        return null;
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
