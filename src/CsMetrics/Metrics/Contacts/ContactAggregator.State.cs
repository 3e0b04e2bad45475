using System.Globalization;
using System.Text.Json;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

public sealed partial class ContactAggregator
{
    /// <summary>The name in the <c>format</c> field of a serialised state.</summary>
    public const string StateFormat = "csmetrics-contact-state";

    /// <summary>The version of the state form this library writes (and the newest it reads).</summary>
    public const int StateVersion = 1;

    private static readonly string[] GroupFields =
        ["keys", "bucket_start", "answered", "answered_within", "abandoned", "abandoned_within", "short_abandoned",
         "answer_wait_us", "abandon_wait_us", "handled", "talk_us", "hold_us", "wrap_us", "resolved", "resolution_answers", "csat_counts", "nps_counts"];

    /// <summary>
    /// Writes the state as UTF-8 JSON in the documented, versioned form (docs/data.md): what it groups by and
    /// counts with, then one object per group with its counts and microsecond sums. <see cref="ReadState"/> reads it
    /// back exactly, on any machine.
    /// </summary>
    /// <param name="utf8Json">The output stream (left open).</param>
    public void WriteState(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var json = new Utf8JsonWriter(utf8Json);
        json.WriteStartObject();
        json.WriteString("format", StateFormat);
        json.WriteNumber("version", StateVersion);
        json.WriteStartArray("keys");
        foreach (var key in Options.Keys)
        {
            json.WriteStringValue(key);
        }
        json.WriteEndArray();
        json.WriteString("bucket", Options.Bucket.ToString().ToLowerInvariant());
        json.WriteNumber("interval_minutes", Options.IntervalMinutes);
        json.WriteString("time_zone", Options.TimeZone.Id);
        json.WriteNumber("answer_threshold_s", Options.AnswerThresholdSeconds);
        json.WriteNumber("short_abandon_s", Options.ShortAbandonSeconds);
        json.WriteStartArray("csat_scale");
        json.WriteNumberValue(Options.CsatScale.Min);
        json.WriteNumberValue(Options.CsatScale.Max);
        json.WriteNumberValue(Options.CsatScale.SatisfiedFrom);
        json.WriteNumberValue(Options.CsatScale.DissatisfiedThrough);
        json.WriteEndArray();
        json.WriteNumber("contacts", ContactCount);
        json.WriteStartArray("groups");
        foreach (var (key, slot) in _groups)
        {
            ref var s = ref _states[slot];
            json.WriteStartObject();
            json.WriteStartArray("keys");
            for (int i = 0; i < Options.Keys.Count; i++)
            {
                var name = _keyTables[i].Name(i == 0 ? key.K0 : i == 1 ? key.K1 : key.K2);
                if (name is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(name);
                }
            }
            json.WriteEndArray();
            if (Options.Bucket == TimeBucket.None)
            {
                json.WriteNull("bucket_start");
            }
            else
            {
                json.WriteString("bucket_start", new DateTime(key.Bucket, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            }
            json.WriteNumber("answered", s.Answered);
            json.WriteNumber("answered_within", s.AnsweredWithin);
            json.WriteNumber("abandoned", s.Abandoned);
            json.WriteNumber("abandoned_within", s.AbandonedWithin);
            json.WriteNumber("short_abandoned", s.ShortAbandoned);
            json.WriteNumber("answer_wait_us", s.AnswerWaitMicros);
            json.WriteNumber("abandon_wait_us", s.AbandonWaitMicros);
            json.WriteNumber("handled", s.Handled);
            json.WriteNumber("talk_us", s.TalkMicros);
            json.WriteNumber("hold_us", s.HoldMicros);
            json.WriteNumber("wrap_us", s.WrapMicros);
            json.WriteNumber("resolved", s.Resolved);
            json.WriteNumber("resolution_answers", s.ResolutionAnswers);
            WriteCounts(json, "csat_counts", s.Csat);
            WriteCounts(json, "nps_counts", s.Nps);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, in ScoreCounts counts)
    {
        json.WriteStartArray(name);
        for (int i = 0; i < 11; i++)
        {
            json.WriteNumberValue(counts[i]);
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// Reads a state written by <see cref="WriteState"/>. The grouping (keys, bucket, zone, thresholds, CSAT scale)
    /// comes from the state; the result definitions (abandon policy, short-abandon treatment, level) from
    /// <paramref name="definitions"/>. Unknown fields, duplicate fields and versions newer than <see cref="StateVersion"/> are errors.
    /// </summary>
    /// <param name="utf8Json">The input stream.</param>
    /// <param name="definitions">The result definitions; null for the defaults.</param>
    /// <exception cref="FormatException">The state is not in the documented form (the message names the field path).</exception>
    public static ContactAggregator ReadState(Stream utf8Json, ContactAggregatorOptions? definitions = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not a contact state: invalid JSON ({ex.Message})", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            var fields = Fields(root, "$", ["format", "version", "keys", "bucket", "interval_minutes", "time_zone", "answer_threshold_s", "short_abandon_s", "csat_scale", "contacts", "groups"]);
            if (fields["format"].ValueKind != JsonValueKind.String || fields["format"].GetString() != StateFormat)
            {
                throw new FormatException($"$.format: expected \"{StateFormat}\"");
            }
            int version = Int(fields["version"], "$.version");
            if (version < 1 || version > StateVersion)
            {
                throw new FormatException($"$.version: {version} is not a version this library reads (1 to {StateVersion})");
            }
            var keys = Strings(fields["keys"], "$.keys");
            var bucketName = fields["bucket"].GetString();
            if (!Enum.TryParse<TimeBucket>(bucketName, ignoreCase: true, out var bucket) || !Enum.IsDefined(bucket))
            {
                throw new FormatException($"$.bucket: '{bucketName}' is not none, interval, day, week or month");
            }
            TimeZoneInfo zone;
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(fields["time_zone"].GetString() ?? "");
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new FormatException($"$.time_zone: '{fields["time_zone"].GetString()}' is not a time zone on this machine", ex);
            }
            var scale = fields["csat_scale"].EnumerateArray().Select((e, i) => Int(e, $"$.csat_scale[{i}]")).ToArray();
            if (scale.Length != 4)
            {
                throw new FormatException("$.csat_scale: expected [min, max, satisfied_from, dissatisfied_through]");
            }
            var options = (definitions ?? new ContactAggregatorOptions()) with
            {
                Keys = keys,
                Bucket = bucket,
                IntervalMinutes = Int(fields["interval_minutes"], "$.interval_minutes"),
                TimeZone = zone,
                AnswerThresholdSeconds = fields["answer_threshold_s"].GetDouble(),
                ShortAbandonSeconds = fields["short_abandon_s"].GetDouble(),
                CsatScale = new CsatScale((byte)scale[0], (byte)scale[1], (byte)scale[2], scale[3]),
            };
            ContactAggregator aggregator;
            try
            {
                aggregator = new ContactAggregator(options);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"$: the state's options are invalid: {ex.Message}", ex);
            }
            int index = 0;
            foreach (var group in fields["groups"].EnumerateArray())
            {
                aggregator.ReadGroup(group, $"$.groups[{index++}]");
            }
            aggregator.ContactCount = Long(fields["contacts"], "$.contacts");
            return aggregator;
        }
    }

    private void ReadGroup(JsonElement group, string path)
    {
        var f = Fields(group, path, GroupFields);
        var names = f["keys"].EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Null ? null : e.ValueKind == JsonValueKind.String ? e.GetString() : throw new FormatException($"{path}.keys[{i}]: expected a string or null")).ToArray();
        if (names.Length != Options.Keys.Count)
        {
            throw new FormatException($"{path}.keys: {names.Length} values for {Options.Keys.Count} keys");
        }
        long bucket = 0;
        if (Options.Bucket != TimeBucket.None)
        {
            if (f["bucket_start"].ValueKind != JsonValueKind.String
                || !DateTime.TryParseExact(f["bucket_start"].GetString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
            {
                throw new FormatException($"{path}.bucket_start: expected a UTC time like 2026-03-29T00:00:00Z");
            }
            bucket = start.Ticks;
        }
        var key = new GroupKey(
            names.Length > 0 ? _keyTables[0].Id(names[0]) : 0,
            names.Length > 1 ? _keyTables[1].Id(names[1]) : 0,
            names.Length > 2 ? _keyTables[2].Id(names[2]) : 0,
            bucket);
        if (_groups.ContainsKey(key))
        {
            throw new FormatException($"{path}: the group appears twice in the state");
        }
        var s = new ContactGroupState
        {
            Answered = Long(f["answered"], $"{path}.answered"),
            AnsweredWithin = Long(f["answered_within"], $"{path}.answered_within"),
            Abandoned = Long(f["abandoned"], $"{path}.abandoned"),
            AbandonedWithin = Long(f["abandoned_within"], $"{path}.abandoned_within"),
            ShortAbandoned = Long(f["short_abandoned"], $"{path}.short_abandoned"),
            AnswerWaitMicros = Long(f["answer_wait_us"], $"{path}.answer_wait_us"),
            AbandonWaitMicros = Long(f["abandon_wait_us"], $"{path}.abandon_wait_us"),
            Handled = Long(f["handled"], $"{path}.handled"),
            TalkMicros = Long(f["talk_us"], $"{path}.talk_us"),
            HoldMicros = Long(f["hold_us"], $"{path}.hold_us"),
            WrapMicros = Long(f["wrap_us"], $"{path}.wrap_us"),
            Resolved = Long(f["resolved"], $"{path}.resolved"),
            ResolutionAnswers = Long(f["resolution_answers"], $"{path}.resolution_answers"),
        };
        ReadCounts(f["csat_counts"], $"{path}.csat_counts", ref s.Csat);
        ReadCounts(f["nps_counts"], $"{path}.nps_counts", ref s.Nps);
        if (s.AnsweredWithin > s.Answered || s.AbandonedWithin > s.Abandoned || s.ShortAbandoned > s.AbandonedWithin
            || s.Handled > s.Answered || s.Resolved > s.ResolutionAnswers)
        {
            throw new FormatException($"{path}: inconsistent counts (a subset larger than its whole)");
        }
        StateOf(key) = s;
    }

    private static void ReadCounts(JsonElement element, string path, ref ScoreCounts counts)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 11)
        {
            throw new FormatException($"{path}: expected 11 counts (scores 0 to 10)");
        }
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            counts[i] = Long(item, $"{path}[{i}]");
            i++;
        }
    }

    /// <summary>The object's fields by name: every expected field present, no unknown or repeated field.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] expected)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{path}: expected an object");
        }
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(expected, property.Name) < 0)
            {
                throw new FormatException($"{path}.{property.Name}: unknown field");
            }
            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new FormatException($"{path}.{property.Name}: the field appears twice");
            }
        }
        foreach (var name in expected)
        {
            if (!fields.ContainsKey(name))
            {
                throw new FormatException($"{path}.{name}: required field is missing");
            }
        }
        return fields;
    }

    private static string[] Strings(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException($"{path}[{i}]: expected a string")).ToArray()
            : throw new FormatException($"{path}: expected an array");

    private static long Long(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long value) && value >= 0
            ? value
            : throw new FormatException($"{path}: expected a whole number >= 0");

    private static int Int(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value)
            ? value
            : throw new FormatException($"{path}: expected a whole number");
}
