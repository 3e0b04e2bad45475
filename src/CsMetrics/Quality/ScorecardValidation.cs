using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// The rules a scorecard must satisfy, written once: the <see cref="Scorecard"/> constructor throws on the
/// first problem, <see cref="ScorecardJson"/> reports all of them with their JSON paths.
/// </summary>
internal static class ScorecardValidation
{
    /// <summary>
    /// One broken rule: where (<paramref name="Section"/> and <paramref name="Criterion"/> indices, -1 when not
    /// inside one, and the C# member <paramref name="Member"/>), what is wrong, and the offending value for a
    /// range problem (null for any other).
    /// </summary>
    internal readonly record struct Problem(int Section, int Criterion, string Member, string Message, object? Value = null)
    {
        /// <summary>The path in C# terms: <c>sections[1].Criteria[0].Weight</c>.</summary>
        public string MemberPath => Path(this, json: false);

        /// <summary>The path in the JSON contract: <c>sections[1].criteria[0].weight</c>.</summary>
        public string JsonPath => Path(this, json: true);
    }

    private static readonly Dictionary<string, string> s_jsonNames = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["sections"] = "sections", ["passMark"] = "pass_mark", ["method"] = "method",
        ["notApplicable"] = "not_applicable", ["criticalFail"] = "critical_fail",
        ["Name"] = "name", ["Weight"] = "weight", ["Target"] = "target", ["Criteria"] = "criteria",
        ["Scale"] = "scale", ["Minimum"] = "min", ["Maximum"] = "max", ["AllowNotApplicable"] = "allow_na",
        ["Critical"] = "critical", ["CriticalThreshold"] = "critical_threshold", ["IsBonus"] = "bonus",
    };

    private static string Path(Problem problem, bool json)
    {
        string member = json ? s_jsonNames.GetValueOrDefault(problem.Member, problem.Member) : problem.Member;
        if (problem.Section < 0)
        {
            return member;
        }
        string section = $"sections[{problem.Section}]";
        if (problem.Criterion < 0)
        {
            return member.Length == 0 ? section : $"{section}.{member}";
        }
        string criterion = $"{section}.{(json ? "criteria" : "Criteria")}[{problem.Criterion}]";
        return member.Length == 0 ? criterion : $"{criterion}.{member}";
    }

    /// <summary>The constructor parameter a problem belongs to.</summary>
    public static string ParameterOf(Problem problem) => problem.Section >= 0 ? "sections" : problem.Member;

    /// <summary>Every problem with a scorecard's definition, in definition order.</summary>
    public static IEnumerable<Problem> Scorecard(string? name, IReadOnlyList<ScorecardSection?>? sections, ScoringMethod method,
        NotApplicablePolicy notApplicable, CriticalFailPolicy criticalFail, double passMark)
    {
        if (name is null)
        {
            yield return new(-1, -1, "name", "the scorecard's name is required");
        }
        if (!Enum.IsDefined(method))
        {
            yield return new(-1, -1, "method", $"{(int)method} is not a ScoringMethod", method);
        }
        if (!Enum.IsDefined(notApplicable))
        {
            yield return new(-1, -1, "notApplicable", $"{(int)notApplicable} is not a NotApplicablePolicy", notApplicable);
        }
        if (!Enum.IsDefined(criticalFail))
        {
            yield return new(-1, -1, "criticalFail", $"{(int)criticalFail} is not a CriticalFailPolicy", criticalFail);
        }
        if (!(passMark >= 0 && passMark <= 1))
        {
            yield return new(-1, -1, "passMark", $"the pass mark must be a fraction in [0, 1] (0.8 for 80%); got {Format(passMark)}", passMark);
        }
        if (sections is null || sections.Count == 0)
        {
            yield return new(-1, -1, "sections", "a scorecard needs at least one section");
            yield break;
        }

        var sectionNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var criterionNames = new Dictionary<string, (int Section, int Criterion)>(StringComparer.OrdinalIgnoreCase);
        double weightSum = 0;
        bool weightsValid = true;
        for (int s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            if (section is null)
            {
                yield return new(s, -1, "", "the section is null");
                weightsValid = false;
                continue;
            }
            string label = string.IsNullOrWhiteSpace(section.Name) ? $"sections[{s}]" : $"section '{section.Name}'";
            if (string.IsNullOrWhiteSpace(section.Name))
            {
                yield return new(s, -1, "Name", "a section needs a name");
            }
            else if (!sectionNames.TryAdd(section.Name, s))
            {
                yield return new(s, -1, "Name", $"section name '{section.Name}' is also used by sections[{sectionNames[section.Name]}]; section names must be unique (ignoring case)");
            }
            if (!(section.Weight >= 0 && double.IsFinite(section.Weight)))
            {
                yield return new(s, -1, "Weight", $"{label}: the weight must be a finite number >= 0; got {Format(section.Weight)}", section.Weight);
                weightsValid = false;
            }
            else
            {
                weightSum += section.Weight;
            }
            if (!double.IsNaN(section.Target) && !(section.Target >= 0 && section.Target <= 1))
            {
                yield return new(s, -1, "Target", $"{label}: the target must be a fraction in [0, 1] (0.9 for 90%), or NaN for none; got {Format(section.Target)}", section.Target);
            }
            if (section.Criteria is null || section.Criteria.Count == 0)
            {
                yield return new(s, -1, "Criteria", $"{label} has no criteria");
                continue;
            }
            for (int c = 0; c < section.Criteria.Count; c++)
            {
                var criterion = section.Criteria[c];
                if (criterion is null)
                {
                    yield return new(s, c, "", "the criterion is null");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(criterion.Name))
                {
                    yield return new(s, c, "Name", "a criterion needs a name");
                }
                else if (!criterionNames.TryAdd(criterion.Name, (s, c)))
                {
                    var (os, oc) = criterionNames[criterion.Name];
                    yield return new(s, c, "Name", $"criterion name '{criterion.Name}' is also used by sections[{os}].criteria[{oc}]; criterion names must be unique (ignoring case)");
                }
                foreach (var problem in Criterion(criterion))
                {
                    yield return problem with { Section = s, Criterion = c };
                }
            }
        }
        if (method == ScoringMethod.WeightedSections && weightsValid && !(Tolerance.Equal(weightSum, 100) || Tolerance.Equal(weightSum, 1)))
        {
            yield return new(-1, -1, "sections", string.Create(CultureInfo.InvariantCulture,
                $"section weights of scorecard '{name}' sum to {weightSum} ({string.Join(" + ", sections.Select(x => $"'{x!.Name}' {x.Weight}"))}); under weighted-section scoring they must sum to 100 (percent) or 1"));
        }
    }

    /// <summary>Problems with one criterion on its own (section and criterion indices left at -1).</summary>
    private static IEnumerable<Problem> Criterion(ScorecardCriterion criterion)
    {
        string label = string.IsNullOrWhiteSpace(criterion.Name) ? "the criterion" : $"criterion '{criterion.Name}'";
        double min = criterion.Minimum, max = criterion.Maximum;
        string range = $"[{Format(min)}, {Format(max)}]";
        switch (criterion.Scale)
        {
            case CriterionScale.Binary when min != 0 || max != 1:
                yield return new(-1, -1, min != 0 ? "Minimum" : "Maximum", $"{label} is binary (0 = not met, 1 = met); its scale cannot be {range}");
                break;
            case CriterionScale.Percent when min != 0 || max != 100:
                yield return new(-1, -1, min != 0 ? "Minimum" : "Maximum", $"{label} is a percentage (0 to 100); its scale cannot be {range}");
                break;
            case CriterionScale.Points when min != 0:
                yield return new(-1, -1, "Minimum", $"{label} earns points from 0 to its maximum; its minimum cannot be {Format(min)}");
                break;
            case CriterionScale.Points when !(max > 0 && double.IsFinite(max)):
                yield return new(-1, -1, "Maximum", $"{label}: the maximum points must be a finite number > 0; got {Format(max)}", max);
                break;
            case CriterionScale.Rating when !double.IsFinite(min) || !double.IsFinite(max) || min != Math.Floor(min) || max != Math.Floor(max):
                yield return new(-1, -1, min != Math.Floor(min) || !double.IsFinite(min) ? "Minimum" : "Maximum", $"{label} is a rating: its scale {range} must run between whole numbers");
                break;
            case CriterionScale.Rating when !(max > min):
                yield return new(-1, -1, "Maximum", $"{label}: the rating scale {range} needs a maximum above its minimum");
                break;
            case CriterionScale.Binary or CriterionScale.Percent or CriterionScale.Points or CriterionScale.Rating:
                break;
            default:
                yield return new(-1, -1, "Scale", $"{label}: {(int)criterion.Scale} is not a CriterionScale", criterion.Scale);
                break;
        }
        if (!(criterion.Weight > 0 && double.IsFinite(criterion.Weight)))
        {
            yield return new(-1, -1, "Weight", $"{label}: the weight must be a finite number > 0; got {Format(criterion.Weight)}", criterion.Weight);
        }
        if (!(criterion.CriticalThreshold >= 0 && criterion.CriticalThreshold <= 1))
        {
            yield return new(-1, -1, "CriticalThreshold", $"{label}: the critical threshold must be a fraction in [0, 1] (0.5 for 50%); got {Format(criterion.CriticalThreshold)}", criterion.CriticalThreshold);
        }
        if (!Enum.IsDefined(criterion.Critical))
        {
            yield return new(-1, -1, "Critical", $"{label}: {(int)criterion.Critical} is not a CriticalEffect", criterion.Critical);
        }
        else if (criterion.IsBonus && criterion.Critical != CriticalEffect.None)
        {
            yield return new(-1, -1, "Critical", $"{label} cannot be both a bonus and critical");
        }
    }

    /// <summary>Throws the exception for <paramref name="problem"/>: out of range with the value, or a plain argument exception.</summary>
    public static Exception ToException(Problem problem)
    {
        string parameter = ParameterOf(problem);
        string message = problem.Section >= 0 || parameter != problem.Member ? $"{problem.MemberPath}: {problem.Message}." : $"{problem.Message}.";
        return problem.Value is null
            ? new ArgumentException(message, parameter)
            : new ArgumentOutOfRangeException(parameter, problem.Value, message);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
