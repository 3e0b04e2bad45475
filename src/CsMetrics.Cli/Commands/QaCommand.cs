using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Quality;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics qa</c>: scores QA evaluations on a scorecard and pools them by agent, team and period.</summary>
internal static class QaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("qa",
            "QA scorecard results: one row per evaluation with optional agent, team and period columns and one column per " +
            "criterion (named as in the scorecard; empty or N/A = not applicable). Scores every evaluation and writes JSON: " +
            "pooled scores overall and by agent, team and period, section scores against targets, pass and auto-fail rates, " +
            "the 90/90 check, the trend between the last two periods and, with --margin, evaluations needed per agent. " +
            "Without --scorecard the built-in contact-centre seed scorecard is used.\n" +
            "Example: csmetrics qa -i docs/examples/data/quality/qa_evaluations.csv --margin 0.05");
        var io = new CommandIo().AddTo(command);
        var scorecard = new Option<FileInfo?>("--scorecard", "-s") { Description = "The scorecard definition (JSON; see docs/cli.md). Default: the built-in seed scorecard." };
        var margin = new Option<double?>("--margin") { Description = "Report evaluations needed per agent for this margin of error (e.g. 0.05 = ±5 points)." };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level for --margin.", DefaultValueFactory = _ => 0.95 };
        var attainment = new Option<double>("--attainment") { Description = "90/90 check: share of the target an agent must reach.", DefaultValueFactory = _ => 0.9 };
        var share = new Option<double>("--required-share") { Description = "90/90 check: share of agents that must reach it.", DefaultValueFactory = _ => 0.9 };
        var perEvaluation = new Option<bool>("--per-evaluation") { Description = "Also list every evaluation's score." };
        command.Options.Add(scorecard);
        command.Options.Add(margin);
        command.Options.Add(confidence);
        command.Options.Add(attainment);
        command.Options.Add(share);
        command.Options.Add(perEvaluation);

        command.SetAction(parse =>
        {
            var options = new InputProblems();
            CheckFraction(options, "--confidence", parse.GetValue(confidence), exclusive: true);
            CheckFraction(options, "--attainment", parse.GetValue(attainment), exclusive: false);
            CheckFraction(options, "--required-share", parse.GetValue(share), exclusive: false);
            if (parse.GetValue(margin) is double m && !(m > 0 && m < 1))
            {
                options.Add("--margin", null, null, $"must be in (0, 1); got {m.ToString(CultureInfo.InvariantCulture)}");
            }
            options.ThrowIfAny();

            var file = parse.GetValue(scorecard);
            var card = file is null ? Scorecard.ContactCentreSeed : ReadScorecard(file);
            var table = io.ReadTable(parse, context);
            var evaluations = ReadEvaluations(table, card);

            var overall = new QaTally(card);
            var groups = new Dictionary<string, Dictionary<string, QaTally>>
            {
                ["agent"] = new(StringComparer.Ordinal),
                ["team"] = new(StringComparer.Ordinal),
                ["period"] = new(StringComparer.Ordinal),
            };
            var scores = new List<(int Row, EvaluationScore Score)>();
            foreach (var evaluation in evaluations)
            {
                var score = overall.Add(evaluation.Answers);
                scores.Add((evaluation.Row, score));
                foreach (var (column, key) in evaluation.Groups)
                {
                    if (!groups[column].TryGetValue(key, out var tally))
                    {
                        groups[column][key] = tally = new QaTally(card);
                    }
                    tally.Add(evaluation.Answers);
                }
            }
            var summary = overall.Summarize();
            var agents = groups["agent"].ToDictionary(p => p.Key, p => p.Value.Summarize());
            var periods = groups["period"].OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Summary: p.Value.Summarize())).ToList();

            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json =>
            {
                json.WriteStartObject();
                json.WriteString("scorecard", card.Name);
                json.WriteString("method", card.Method == ScoringMethod.TotalPoints ? "total_points" : "weighted_sections");
                json.WritePropertyName("overall");
                WriteSummary(json, summary);
                foreach (var (column, tallies) in groups)
                {
                    if (tallies.Count == 0)
                    {
                        continue;
                    }
                    json.WriteStartArray(column == "agent" ? "agents" : column == "team" ? "teams" : "periods");
                    foreach (var (key, tally) in tallies.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        WriteSummary(json, tally.Summarize(), (column, key));
                    }
                    json.WriteEndArray();
                }
                double target = double.IsNaN(card.OverallTarget) ? card.PassMark : card.OverallTarget;
                if (agents.Count > 0 && target > 0)
                {
                    var check = QaAggregation.NinetyNinety(agents.Values, target, parse.GetValue(attainment), parse.GetValue(share));
                    json.WriteStartObject("ninety_ninety");
                    json.WriteNumber("target", target);
                    json.WriteNumber("agents_reaching", check.AgentsReaching);
                    json.WriteNumber("agents", check.Agents);
                    JsonOutput.WriteNumberOrNull(json, "share", check.Share);
                    json.WriteBoolean("passed", check.Passed);
                    json.WriteEndObject();
                }
                if (periods.Count >= 2)
                {
                    var trend = QaAggregation.Trend(periods[^2].Summary, periods[^1].Summary);
                    json.WriteStartObject("trend");
                    json.WriteString("from", periods[^2].Key);
                    json.WriteString("to", periods[^1].Key);
                    JsonOutput.WriteNumberOrNull(json, "previous", trend.Previous);
                    JsonOutput.WriteNumberOrNull(json, "current", trend.Current);
                    JsonOutput.WriteNumberOrNull(json, "change", trend.Change);
                    JsonOutput.WriteNumberOrNull(json, "standard_error", trend.StandardError);
                    JsonOutput.WriteNumberOrNull(json, "z", trend.Z);
                    json.WriteEndObject();
                }
                if (parse.GetValue(margin) is double wanted && summary.StandardDeviation > 0)
                {
                    json.WriteNumber("evaluations_needed_per_agent",
                        QaAggregation.EvaluationsForMarginOfError(summary.StandardDeviation, wanted, parse.GetValue(confidence)));
                }
                if (parse.GetValue(perEvaluation))
                {
                    json.WriteStartArray("evaluations");
                    foreach (var (row, score) in scores)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("row", row);
                        JsonOutput.WriteNumberOrNull(json, "score", score.Score);
                        json.WriteBoolean("auto_failed", score.AutoFailed);
                        json.WriteNumber("failed_sections", score.FailedSections);
                        json.WriteNumber("not_applicable", score.NotApplicable);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }));
            return CliApp.Success;
        });
        return command;
    }

    private static void CheckFraction(InputProblems problems, string option, double value, bool exclusive)
    {
        bool ok = exclusive ? value > 0 && value < 1 : value >= 0 && value <= 1;
        if (!ok)
        {
            problems.Add(option, null, null, $"must be in {(exclusive ? "(0, 1)" : "[0, 1]")}; got {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private sealed record Evaluation(int Row, double[] Answers, List<(string Column, string Key)> Groups);

    private static List<Evaluation> ReadEvaluations(InputTable table, Scorecard card)
    {
        var problems = new InputProblems();
        table.RequireColumns(problems, card.Criteria.Select(c => c.Name).ToArray());
        problems.ThrowIfAny();
        var evaluations = new List<Evaluation>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            var answers = new double[card.CriterionCount];
            for (int c = 0; c < answers.Length; c++)
            {
                string column = card.Criteria[c].Name;
                string? text = table.GetText(r, column);
                if (text is null || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("N/A", StringComparison.OrdinalIgnoreCase))
                {
                    answers[c] = double.NaN;
                }
                else if (!table.TryParseNumber(text, out answers[c]))
                {
                    problems.Add(table.Source, table.RowNumber(r), column, $"'{text}' is not a number or N/A");
                    continue;
                }
                if (card.ProblemWithAnswer(c, answers[c]) is string problem)
                {
                    problems.Add(table.Source, table.RowNumber(r), column, problem);
                }
            }
            var groups = new List<(string, string)>();
            foreach (var column in new[] { "agent", "team", "period" })
            {
                if (table.GetText(r, column) is string key)
                {
                    groups.Add((column, key));
                }
            }
            evaluations.Add(new Evaluation(table.RowNumber(r), answers, groups));
        }
        problems.ThrowIfAny();
        return evaluations;
    }

    private static void WriteSummary(Utf8JsonWriter json, QaSummary summary, (string Column, string Key)? group = null)
    {
        json.WriteStartObject();
        if (group is var (column, key))
        {
            json.WriteString(column, key);
        }
        json.WriteNumber("evaluations", summary.Evaluations);
        JsonOutput.WriteNumberOrNull(json, "pooled_score", summary.PooledScore);
        JsonOutput.WriteNumberOrNull(json, "mean_of_scores", summary.MeanOfScores);
        JsonOutput.WriteNumberOrNull(json, "standard_deviation", summary.StandardDeviation);
        JsonOutput.WriteNumberOrNull(json, "standard_error", summary.StandardError);
        JsonOutput.WriteNumberOrNull(json, "pass_rate", summary.PassRate);
        JsonOutput.WriteNumberOrNull(json, "auto_fail_rate", summary.AutoFailRate);
        JsonOutput.WriteNumberOrNull(json, "target", summary.Target);
        JsonOutput.WriteNumberOrNull(json, "attainment", summary.Attainment);
        json.WriteStartArray("sections");
        foreach (var section in summary.Sections)
        {
            json.WriteStartObject();
            json.WriteString("name", section.Name);
            JsonOutput.WriteNumberOrNull(json, "pooled_score", section.PooledScore);
            JsonOutput.WriteNumberOrNull(json, "target", section.Target);
            JsonOutput.WriteNumberOrNull(json, "pass_rate", section.PassRate);
            json.WriteBoolean("meets_target", section.MeetsTarget);
            json.WriteNumber("evaluations", section.Evaluations);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a scorecard definition (JSON); every problem is located by its JSON path.</summary>
    private static Scorecard ReadScorecard(FileInfo file)
    {
        string source = file.ToString();
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(source, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file: {ex.Message}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InputException([new InputProblem(source, (int?)(ex.LineNumber + 1), null, $"invalid JSON: {ex.Message}")]);
        }
        using (document)
        {
            var problems = new InputProblems();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sections", out var sectionsElement) || sectionsElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputException(source, "expected an object with a \"sections\" array");
            }
            var reader = new JsonFields(source, problems);
            string name = reader.String(root, "name", "$") ?? file.Name;
            var method = reader.Choice(root, "method", "$", ScoringMethod.WeightedSections,
                ("weighted_sections", ScoringMethod.WeightedSections), ("total_points", ScoringMethod.TotalPoints));
            var notApplicable = reader.Choice(root, "not_applicable", "$", NotApplicablePolicy.Exclude,
                ("exclude", NotApplicablePolicy.Exclude), ("count_as_full_score", NotApplicablePolicy.CountAsFullScore), ("count_as_zero", NotApplicablePolicy.CountAsZero));
            var criticalFail = reader.Choice(root, "critical_fail", "$", CriticalFailPolicy.ZeroScore,
                ("zero_score", CriticalFailPolicy.ZeroScore), ("keep_score", CriticalFailPolicy.KeepScore));
            double passMark = reader.Number(root, "pass_mark", "$", 0.8, 0, 1);
            var sections = new List<ScorecardSection>();
            int s = 0;
            foreach (var sectionElement in sectionsElement.EnumerateArray())
            {
                string path = $"sections[{s++}]";
                string sectionName = reader.String(sectionElement, "name", path) ?? path;
                double weight = reader.Number(sectionElement, "weight", path, 1, 0, double.PositiveInfinity);
                double target = reader.Number(sectionElement, "target", path, double.NaN, 0, 1);
                var criteria = new List<ScorecardCriterion>();
                if (!sectionElement.TryGetProperty("criteria", out var criteriaElement) || criteriaElement.ValueKind != JsonValueKind.Array)
                {
                    problems.Add(source, null, path, "needs a \"criteria\" array");
                    continue;
                }
                int c = 0;
                foreach (var criterionElement in criteriaElement.EnumerateArray())
                {
                    string cpath = $"{path}.criteria[{c++}]";
                    criteria.Add(ReadCriterion(reader, criterionElement, cpath));
                }
                sections.Add(new ScorecardSection(sectionName, weight, criteria, target));
            }
            problems.ThrowIfAny();
            try
            {
                return new Scorecard(name, sections, method, notApplicable, criticalFail, passMark);
            }
            catch (ArgumentException ex)
            {
                throw new InputException(source, ex.Message.Replace(" (Parameter 'sections')", "", StringComparison.Ordinal));
            }
        }
    }

    private static ScorecardCriterion ReadCriterion(JsonFields reader, JsonElement element, string path)
    {
        string name = reader.String(element, "name", path) ?? path;
        var scale = reader.Choice(element, "scale", path, CriterionScale.Binary,
            ("binary", CriterionScale.Binary), ("rating", CriterionScale.Rating), ("points", CriterionScale.Points), ("percent", CriterionScale.Percent));
        var (min, max) = scale switch
        {
            CriterionScale.Rating => (reader.Number(element, "min", path, 1), reader.Number(element, "max", path, 5)),
            CriterionScale.Points => (0.0, reader.Number(element, "max", path, 1, 0, double.PositiveInfinity)),
            CriterionScale.Percent => (0.0, 100.0),
            _ => (0.0, 1.0),
        };
        double weight = reader.Number(element, "weight", path, scale == CriterionScale.Points ? max : 1);
        return new ScorecardCriterion
        {
            Name = name,
            Scale = scale,
            Minimum = min,
            Maximum = max,
            Weight = weight,
            AllowNotApplicable = reader.Boolean(element, "allow_na", path, true),
            Critical = reader.Choice(element, "critical", path, CriticalEffect.None,
                ("none", CriticalEffect.None), ("fail_section", CriticalEffect.FailSection), ("fail_evaluation", CriticalEffect.FailEvaluation)),
            CriticalThreshold = reader.Number(element, "critical_threshold", path, 0.5, 0, 1),
            IsBonus = reader.Boolean(element, "bonus", path, false),
        };
    }

    /// <summary>Typed reads of optional JSON properties that record located problems instead of throwing.</summary>
    private sealed class JsonFields(string source, InputProblems problems)
    {
        public string? String(JsonElement element, string property, string path)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add(source, null, $"{path}.{property}", "must be a string");
                return null;
            }
            return value.GetString();
        }

        public double Number(JsonElement element, string property, string path, double fallback,
            double min = double.NegativeInfinity, double max = double.PositiveInfinity)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }
            if (value.ValueKind != JsonValueKind.Number || !(value.GetDouble() >= min && value.GetDouble() <= max))
            {
                problems.Add(source, null, $"{path}.{property}", $"must be a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; got {value.GetRawText()}");
                return fallback;
            }
            return value.GetDouble();
        }

        public bool Boolean(JsonElement element, string property, string path, bool fallback)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return fallback;
            }
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(source, null, $"{path}.{property}", "must be true or false");
                return fallback;
            }
            return value.GetBoolean();
        }

        public T Choice<T>(JsonElement element, string property, string path, T fallback, params (string Name, T Value)[] choices)
        {
            var text = String(element, property, path);
            if (text is null)
            {
                return fallback;
            }
            foreach (var (name, value) in choices)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
            problems.Add(source, null, $"{path}.{property}", $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.Name))}");
            return fallback;
        }
    }
}
