using System.Text;
using System.Text.Json;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// Reads and writes the scorecard JSON contract (used by <c>csmetrics qa --scorecard</c>; see
/// <c>docs/quality.md</c>). Reflection-free (trimming and Native AOT safe). Thread-safe.
/// </summary>
/// <remarks>
/// <para>The document is an object with <c>name</c> (default: the name passed to <see cref="Parse"/>), <c>method</c>
/// (<c>weighted_sections</c> default, or <c>total_points</c>), <c>not_applicable</c> (<c>exclude</c> default,
/// <c>count_as_full_score</c>, <c>count_as_zero</c>), <c>critical_fail</c> (<c>zero_score</c> default, <c>keep_score</c>),
/// <c>pass_mark</c> (a fraction, default 0.8) and <c>sections</c> (required, at least one).</para>
/// <para>A section has <c>name</c> (required), <c>weight</c> (required under weighted sections, where all sum to 100 or 1;
/// optional under total points, default 1, used only for the overall target), <c>target</c> (a fraction, optional) and
/// <c>criteria</c> (required, at least one).</para>
/// <para>A criterion has <c>name</c> (required, unique ignoring case), <c>scale</c> (<c>binary</c> default, <c>rating</c>,
/// <c>points</c>, <c>percent</c>), <c>min</c> and <c>max</c> (ratings only, default 1 and 5; <c>max</c> is required for
/// points, which run from 0; binary and percent scales are fixed and take neither), <c>weight</c> (default 1; points
/// default to <c>max</c>), <c>allow_na</c> (default true), <c>critical</c> (<c>none</c> default, <c>fail_section</c>,
/// <c>fail_evaluation</c>), <c>critical_threshold</c> (a fraction, default 0.5; only with <c>critical</c>) and <c>bonus</c>
/// (default false).</para>
/// <para>Every problem is reported with its field path: invalid JSON, an unknown field (a typo such as <c>alow_na</c>),
/// a key given twice in one object, a value of the wrong kind, a missing required field, a field that does not apply
/// (<c>max</c> on a binary criterion, <c>critical_threshold</c> without <c>critical</c>), and every rule the
/// <see cref="Scorecard"/> constructor checks. An absent field and <c>null</c> mean the same: the default.</para>
/// </remarks>
public static class ScorecardJson
{
    private static readonly string[] s_rootFields = ["name", "method", "not_applicable", "critical_fail", "pass_mark", "sections"];
    private static readonly string[] s_sectionFields = ["name", "weight", "target", "criteria"];
    private static readonly string[] s_criterionFields = ["name", "scale", "min", "max", "weight", "allow_na", "critical", "critical_threshold", "bonus"];

    private static readonly (string, ScoringMethod)[] s_methods = [("weighted_sections", ScoringMethod.WeightedSections), ("total_points", ScoringMethod.TotalPoints)];

    private static readonly (string, NotApplicablePolicy)[] s_notApplicable =
        [("exclude", NotApplicablePolicy.Exclude), ("count_as_full_score", NotApplicablePolicy.CountAsFullScore), ("count_as_zero", NotApplicablePolicy.CountAsZero)];

    private static readonly (string, CriticalFailPolicy)[] s_criticalFail = [("zero_score", CriticalFailPolicy.ZeroScore), ("keep_score", CriticalFailPolicy.KeepScore)];

    private static readonly (string, CriterionScale)[] s_scales =
        [("binary", CriterionScale.Binary), ("rating", CriterionScale.Rating), ("points", CriterionScale.Points), ("percent", CriterionScale.Percent)];

    private static readonly (string, CriticalEffect)[] s_critical =
        [("none", CriticalEffect.None), ("fail_section", CriticalEffect.FailSection), ("fail_evaluation", CriticalEffect.FailEvaluation)];

    /// <summary>The default pass mark: 0.8 (Zendesk QA's default baseline).</summary>
    public const double DefaultPassMark = 0.8;

    /// <summary>The default critical threshold: 0.5 (Zendesk QA's rule: a critical criterion below 50% fails).</summary>
    public const double DefaultCriticalThreshold = 0.5;

    /// <summary>Reads a scorecard document. Never throws for bad content: every problem is in <see cref="QualityParseResult{T}.Errors"/>, located by its JSON path.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="defaultName">The scorecard's name when the document has none (e.g. the file name).</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="defaultName"/> is null.</exception>
    public static QualityParseResult<Scorecard> Parse(string json, string defaultName = "Scorecard")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(defaultName);
        var reader = new JsonFieldReader();
        using var document = reader.Parse(json);
        if (document is null || !reader.Object(document.RootElement, "", s_rootFields))
        {
            return Result(null, reader);
        }
        var root = document.RootElement;
        string name = reader.String(root, "name", "") ?? defaultName;
        var method = reader.Choice(root, "method", "", s_methods) ?? ScoringMethod.WeightedSections;
        var notApplicable = reader.Choice(root, "not_applicable", "", s_notApplicable) ?? NotApplicablePolicy.Exclude;
        var criticalFail = reader.Choice(root, "critical_fail", "", s_criticalFail) ?? CriticalFailPolicy.ZeroScore;
        double passMark = reader.Number(root, "pass_mark", "") ?? DefaultPassMark;

        // Built sections and criteria keep their position in the document, so validation problems get the right path.
        var sections = new List<ScorecardSection>();
        var sectionAt = new List<int>();
        var criterionAt = new List<List<int>>();
        if (reader.Array(root, "sections", "", required: true, out var sectionArray))
        {
            int s = 0;
            foreach (var element in sectionArray.EnumerateArray())
            {
                string path = $"sections[{s}]";
                if (ReadSection(reader, element, path, method) is var (section, positions))
                {
                    sections.Add(section);
                    sectionAt.Add(s);
                    criterionAt.Add(positions);
                }
                s++;
            }
            if (s == 0)
            {
                reader.Add("sections", "a scorecard needs at least one section");
            }
        }

        // The constructor's rules, reported where no reading problem is already reported.
        var reported = reader.Errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        bool weightUnread = reported.Any(f => f.StartsWith("sections[", StringComparison.Ordinal) && f.EndsWith(".weight", StringComparison.Ordinal));
        var problems = sections.Count == 0 ? [] : ScorecardValidation.Scorecard(name, sections, method, notApplicable, criticalFail, passMark).ToList();
        foreach (var problem in problems)
        {
            var located = problem with
            {
                Section = problem.Section < 0 ? -1 : sectionAt[problem.Section],
                Criterion = problem.Criterion < 0 ? -1 : criterionAt[problem.Section][problem.Criterion],
            };
            string field = located.JsonPath;
            if (reported.Contains(field) || (field == "sections" && weightUnread))
            {
                continue;
            }
            reader.Add(field, problem.Message);
        }
        return Result(reader.Errors.Count == 0 ? new Scorecard(name, sections, method, notApplicable, criticalFail, passMark) : null, reader);
    }

    private static (ScorecardSection Section, List<int> Positions)? ReadSection(JsonFieldReader reader, JsonElement element, string path, ScoringMethod method)
    {
        if (!reader.Object(element, path, s_sectionFields))
        {
            return null;
        }
        string name = reader.String(element, "name", path, required: true) ?? "";
        double weight = reader.Number(element, "weight", path, required: method == ScoringMethod.WeightedSections) ?? 1;
        double target = reader.Number(element, "target", path) ?? double.NaN;
        var criteria = new List<ScorecardCriterion>();
        var positions = new List<int>();
        if (reader.Array(element, "criteria", path, required: true, out var array))
        {
            int c = 0;
            foreach (var criterionElement in array.EnumerateArray())
            {
                if (ReadCriterion(reader, criterionElement, $"{path}.criteria[{c}]") is { } criterion)
                {
                    criteria.Add(criterion);
                    positions.Add(c);
                }
                c++;
            }
        }
        return (new ScorecardSection(name, weight, criteria, target), positions);
    }

    private static ScorecardCriterion? ReadCriterion(JsonFieldReader reader, JsonElement element, string path)
    {
        if (!reader.Object(element, path, s_criterionFields))
        {
            return null;
        }
        string name = reader.String(element, "name", path, required: true) ?? "";
        var scale = reader.Choice(element, "scale", path, s_scales) ?? CriterionScale.Binary;
        double? min = reader.Number(element, "min", path);
        double? max = reader.Number(element, "max", path);
        string scaleName = scale.ToString().ToLowerInvariant();
        void NotApplicable(string field, string why)
        {
            if (Given(element, field))
            {
                reader.Add(JsonFieldReader.Join(path, field), $"{field} does not apply to a {scaleName} criterion ({why})");
            }
        }
        double minimum = 0, maximum = 1;
        switch (scale)
        {
            case CriterionScale.Binary:
                NotApplicable("min", "it is scored 0 or 1");
                NotApplicable("max", "it is scored 0 or 1");
                break;
            case CriterionScale.Percent:
                NotApplicable("min", "it runs from 0 to 100");
                NotApplicable("max", "it runs from 0 to 100");
                maximum = 100;
                break;
            case CriterionScale.Points:
                NotApplicable("min", "points run from 0 to max");
                if (!Given(element, "max"))
                {
                    reader.Add(JsonFieldReader.Join(path, "max"), "max is required for a points criterion (the most points it can earn)");
                }
                maximum = max ?? 1;
                break;
            default:
                minimum = min ?? 1;
                maximum = max ?? 5;
                break;
        }
        var critical = reader.Choice(element, "critical", path, s_critical) ?? CriticalEffect.None;
        double? threshold = reader.Number(element, "critical_threshold", path);
        if (threshold is not null && critical == CriticalEffect.None)
        {
            if (!Given(element, "critical"))
            {
                reader.Add(JsonFieldReader.Join(path, "critical_threshold"), "critical_threshold applies only to a critical criterion: add \"critical\": \"fail_section\" or \"fail_evaluation\", or remove it");
            }
            else if (element.GetProperty("critical").ValueKind == JsonValueKind.String
                && string.Equals(element.GetProperty("critical").GetString(), "none", StringComparison.OrdinalIgnoreCase))
            {
                reader.Add(JsonFieldReader.Join(path, "critical_threshold"), "critical_threshold applies only to a critical criterion, and critical is \"none\"");
            }
        }
        return new ScorecardCriterion
        {
            Name = name,
            Scale = scale,
            Minimum = minimum,
            Maximum = maximum,
            Weight = reader.Number(element, "weight", path) ?? (scale == CriterionScale.Points ? maximum : 1),
            AllowNotApplicable = reader.Boolean(element, "allow_na", path) ?? true,
            Critical = critical,
            CriticalThreshold = threshold ?? DefaultCriticalThreshold,
            IsBonus = reader.Boolean(element, "bonus", path) ?? false,
        };
    }

    private static bool Given(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    private static QualityParseResult<Scorecard> Result(Scorecard? scorecard, JsonFieldReader reader) =>
        new(scorecard, reader.Errors.Select(e => new QualityInputError(e.Field, e.Message)));

    /// <summary>Writes <paramref name="scorecard"/> as a scorecard document that <see cref="Parse"/> reads back to the same scorecard.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Scorecard scorecard, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("name", scorecard.Name);
        writer.WriteString("method", Name(s_methods, scorecard.Method));
        writer.WriteString("not_applicable", Name(s_notApplicable, scorecard.NotApplicable));
        writer.WriteString("critical_fail", Name(s_criticalFail, scorecard.CriticalFail));
        writer.WriteNumber("pass_mark", scorecard.PassMark);
        writer.WriteStartArray("sections");
        foreach (var section in scorecard.Sections)
        {
            writer.WriteStartObject();
            writer.WriteString("name", section.Name);
            writer.WriteNumber("weight", section.Weight);
            if (!double.IsNaN(section.Target))
            {
                writer.WriteNumber("target", section.Target);
            }
            writer.WriteStartArray("criteria");
            foreach (var criterion in section.Criteria)
            {
                writer.WriteStartObject();
                writer.WriteString("name", criterion.Name);
                writer.WriteString("scale", Name(s_scales, criterion.Scale));
                if (criterion.Scale == CriterionScale.Rating)
                {
                    writer.WriteNumber("min", criterion.Minimum);
                }
                if (criterion.Scale is CriterionScale.Rating or CriterionScale.Points)
                {
                    writer.WriteNumber("max", criterion.Maximum);
                }
                writer.WriteNumber("weight", criterion.Weight);
                writer.WriteBoolean("allow_na", criterion.AllowNotApplicable);
                writer.WriteString("critical", Name(s_critical, criterion.Critical));
                if (criterion.Critical != CriticalEffect.None)
                {
                    writer.WriteNumber("critical_threshold", criterion.CriticalThreshold);
                }
                writer.WriteBoolean("bonus", criterion.IsBonus);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The scorecard document as indented JSON text (see <see cref="Write"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="scorecard"/> is null.</exception>
    public static string ToJson(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(scorecard, writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Name<T>((string Name, T Value)[] choices, T value)
        where T : struct, Enum => choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Name;
}
