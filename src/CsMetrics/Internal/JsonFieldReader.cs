using System.Globalization;
using System.Text.Json;

namespace CsMetrics.Internal;

/// <summary>
/// Typed reads of the fields of a JSON document that record every problem with its field path instead of
/// throwing, so a document reader can report all of them at once. The rules, written once for every JSON
/// contract of the library: an unknown field or a key given twice in one object is an error (never "first
/// wins" or "last wins"); a field that is absent or <c>null</c> takes its documented default, or is an error
/// when required; a value of the wrong kind is an error naming what was expected and what was found.
/// Paths look like <c>sections[1].criteria[0].weight</c>; the document itself is the empty path.
/// </summary>
internal sealed class JsonFieldReader
{
    private static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly List<(string Field, string Message)> _errors = [];

    /// <summary>Every problem recorded so far, in document order.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors => _errors;

    /// <summary>Records a problem at <paramref name="field"/>.</summary>
    public void Add(string field, string message) => _errors.Add((field, message));

    /// <summary>The path of <paramref name="name"/> inside the object at <paramref name="path"/>.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Parses <paramref name="json"/>; invalid JSON is recorded (with its line) and gives null.</summary>
    public JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, s_options);
        }
        catch (JsonException ex)
        {
            Add("", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Checks that <paramref name="element"/> is an object whose keys are all in <paramref name="known"/> and
    /// each given once. Returns false (and records why) when it is not an object.
    /// </summary>
    public bool Object(JsonElement element, string path, params ReadOnlySpan<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"{Describe(path)} must be an object; got {Kind(element)}");
            return false;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string field = Join(path, property.Name);
            if (!seen.Add(property.Name))
            {
                if (reported.Add(property.Name))
                {
                    Add(field, $"the key '{property.Name}' is given more than once in {Describe(path)}; give it once");
                }
                continue;
            }
            if (known.IndexOf(property.Name) < 0)
            {
                string hint = Closest(property.Name, known) is string close ? $" (did you mean '{close}'?)" : "";
                Add(field, $"unknown field '{property.Name}'{hint}; expected one of {string.Join(", ", known.ToArray())}");
            }
        }
        return true;
    }

    /// <summary>The value of an object's field, or false when it is absent or null (recording an error when required).</summary>
    public bool TryGet(JsonElement obj, string name, string path, bool required, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        if (required)
        {
            Add(Join(path, name), $"{name} is required");
        }
        return false;
    }

    /// <summary>A string field; null when absent, null or of the wrong kind.</summary>
    public string? String(JsonElement obj, string name, string path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(Join(path, name), $"{name} must be a string; got {value.GetRawText()}");
            return null;
        }
        return value.GetString();
    }

    /// <summary>A finite number field; null when absent, null or not a finite number.</summary>
    public double? Number(JsonElement obj, string name, string path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number))
        {
            return number;
        }
        Add(Join(path, name), $"{name} must be a number; got {value.GetRawText()}");
        return null;
    }

    /// <summary>A <c>true</c>/<c>false</c> field; null when absent, null or not a boolean.</summary>
    public bool? Boolean(JsonElement obj, string name, string path, bool required = false)
    {
        if (!TryGet(obj, name, path, required, out var value))
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Add(Join(path, name), $"{name} must be true or false; got {value.GetRawText()}");
        return null;
    }

    /// <summary>A string field naming one of <paramref name="choices"/> (case-insensitive); null when absent or not a choice.</summary>
    public T? Choice<T>(JsonElement obj, string name, string path, params ReadOnlySpan<(string Name, T Value)> choices)
        where T : struct
    {
        if (String(obj, name, path) is not string text)
        {
            return null;
        }
        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        var names = new string[choices.Length];
        for (int i = 0; i < choices.Length; i++)
        {
            names[i] = choices[i].Name;
        }
        Add(Join(path, name), $"'{text}' is not one of {string.Join(", ", names)}");
        return null;
    }

    /// <summary>An array field; false when absent, null or not an array (recording an error when required or of the wrong kind).</summary>
    public bool Array(JsonElement obj, string name, string path, bool required, out JsonElement array)
    {
        if (!TryGet(obj, name, path, required, out array))
        {
            return false;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            Add(Join(path, name), $"{name} must be an array; got {Kind(array)}");
            return false;
        }
        return true;
    }

    private static string Describe(string path) => path.Length == 0 ? "the document" : path;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    /// <summary>The known name within edit distance 2 of a misspelt one (<c>alow_na</c> → <c>allow_na</c>), if exactly one is that close.</summary>
    private static string? Closest(string name, ReadOnlySpan<string> known)
    {
        string? best = null;
        int bestDistance = 3;
        bool tie = false;
        foreach (var candidate in known)
        {
            int distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Formats a number for messages in the invariant culture.</summary>
    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
