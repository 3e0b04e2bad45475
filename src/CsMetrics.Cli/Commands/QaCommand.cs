using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Quality;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics qa</c>: scores QA evaluations on a scorecard and pools them by agent, team and period.</summary>
internal static class QaCommand
{
    private static readonly string[] s_groupColumns = ["agent", "team", "period"];

    public static Command Create(CliContext context)
    {
        var command = new Command("qa",
            "QA scorecard results: one row per evaluation with optional agent, team and period columns and one column per " +
            "criterion (named as in the scorecard; empty, NA or N/A = not applicable). Scores every evaluation and writes JSON: " +
            "pooled scores overall and by agent, team and period, section scores against targets, pass and auto-fail rates, " +
            "the 90/90 check, the trend between the last two periods and, with --margin, evaluations needed per agent. " +
            "Without --scorecard the built-in contact-centre seed scorecard is used.\n" +
            "Example: csmetrics qa -i docs/examples/data/quality/qa_evaluations.csv --margin 0.05");
        var io = new CommandIo().AddTo(command);
        var scorecard = new Option<FileInfo?>("--scorecard", "-s") { Description = "The scorecard definition (JSON; see docs/quality.md). Default: the built-in seed scorecard." };
        var margin = new Option<double?>("--margin") { Description = "Report evaluations needed per agent for this margin of error, a fraction (0.05 = ±5 points)." };
        var level = new Option<double>("--level") { Description = "Confidence level for --margin, in percent (95; a fraction like 0.95 is rejected).", DefaultValueFactory = _ => 95 };
        var attainment = new Option<double>("--attainment") { Description = "90/90 check: share of the target an agent must reach, a fraction.", DefaultValueFactory = _ => 0.9 };
        var share = new Option<double>("--required-share") { Description = "90/90 check: share of agents that must reach it, a fraction.", DefaultValueFactory = _ => 0.9 };
        var perEvaluation = new Option<bool>("--per-evaluation") { Description = "Also list every evaluation's score." };
        command.Options.Add(scorecard);
        command.Options.Add(margin);
        command.Options.Add(level);
        command.Options.Add(attainment);
        command.Options.Add(share);
        command.Options.Add(perEvaluation);

        command.SetAction(parse =>
        {
            var options = new InputProblems();
            double confidence = QualityInput.PercentLevel(options, "--level", parse.GetValue(level));
            QualityInput.CheckFraction(options, "--attainment", parse.GetValue(attainment));
            QualityInput.CheckFraction(options, "--required-share", parse.GetValue(share));
            if (parse.GetValue(margin) is double m && !(m > 0 && m < 1))
            {
                options.Add("--margin", null, null, $"must be a fraction in (0, 1) (0.05 for ±5 points); got {m.ToString(CultureInfo.InvariantCulture)}");
            }
            options.ThrowIfAny();

            var file = parse.GetValue(scorecard);
            var card = file is null ? Scorecard.ContactCentreSeed : ReadScorecard(file);
            var problems = new InputProblems(); // a ragged row is reported with, not instead of, later rows' problems
            var table = io.ReadTable(parse, context, problems);
            var evaluations = ReadEvaluations(table, card, problems);

            var overall = new QaTally(card);
            var scores = new List<(int Row, EvaluationScore Score)>(evaluations.Count);
            foreach (var evaluation in evaluations)
            {
                scores.Add((evaluation.Row, overall.Add(evaluation.Answers)));
            }
            var summary = overall.Summarize();
            var groups = new List<(string Column, IReadOnlyList<KeyValuePair<string, QaSummary>> Summaries)>();
            for (int g = 0; g < s_groupColumns.Length; g++)
            {
                if (!table.HasColumn(s_groupColumns[g]))
                {
                    continue;
                }
                var byGroup = QaAggregation.ByGroup(card,
                    evaluations.Where(e => e.Groups[g] is not null).Select(e => (e.Groups[g]!, e.Answers)), StringComparer.Ordinal);
                IComparer<string> order = s_groupColumns[g] == "period" ? NaturalOrder.Instance : StringComparer.Ordinal;
                groups.Add((s_groupColumns[g], byGroup.OrderBy(p => p.Key, order).ToArray()));
            }
            int? needed = null;
            if (parse.GetValue(margin) is double wanted && summary.StandardDeviation > 0)
            {
                try
                {
                    needed = QaAggregation.EvaluationsForMarginOfError(summary.StandardDeviation, wanted, confidence);
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw new InputException("--margin", QualityInput.Message(ex));
                }
            }

            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json =>
            {
                json.WriteStartObject();
                json.WriteString("scorecard", card.Name);
                json.WriteString("method", card.Method == ScoringMethod.TotalPoints ? "total_points" : "weighted_sections");
                json.WritePropertyName("overall");
                WriteSummary(json, summary);
                foreach (var (column, summaries) in groups)
                {
                    json.WriteStartArray(column + "s");
                    foreach (var (key, group) in summaries)
                    {
                        WriteSummary(json, group, (column, key));
                    }
                    json.WriteEndArray();
                }
                if (groups.FirstOrDefault(g => g.Column == "agent").Summaries is { Count: > 0 } agents)
                {
                    var check = QaAggregation.NinetyNinety(agents.Select(a => a.Value), card, parse.GetValue(attainment), parse.GetValue(share));
                    json.WriteStartObject("ninety_ninety");
                    JsonOutput.WriteNumberOrNull(json, "target", check.Target);
                    json.WriteNumber("agents_reaching", check.AgentsReaching);
                    json.WriteNumber("agents", check.Agents);
                    JsonOutput.WriteNumberOrNull(json, "share", check.Share);
                    json.WriteBoolean("passed", check.Passed);
                    json.WriteEndObject();
                }
                if (groups.FirstOrDefault(g => g.Column == "period").Summaries is { Count: >= 2 } periods)
                {
                    var trend = QaAggregation.Trend(periods[^2].Value, periods[^1].Value);
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
                if (parse.GetValue(margin) is not null)
                {
                    json.WritePropertyName("evaluations_needed_per_agent");
                    JsonOutput.WriteValue(json, needed);
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

    private sealed record Evaluation(int Row, double[] Answers, string?[] Groups);

    private static List<Evaluation> ReadEvaluations(InputTable table, Scorecard card, InputProblems problems)
    {
        int fromReader = problems.Count; // the reader's row problems (ragged rows, bad text)
        foreach (var criterion in card.Criteria)
        {
            if (s_groupColumns.Contains(criterion.Name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(table.Source, null, criterion.Name,
                    $"scorecard '{card.Name}' has a criterion named '{criterion.Name}', which is also the {criterion.Name.ToLowerInvariant()} group column: rename the criterion");
            }
        }
        table.RequireColumns(problems, card.Criteria.Select(c => c.Name).ToArray());
        problems.ThrowIfMoreThan(fromReader);
        var evaluations = new List<Evaluation>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            var answers = new double[card.CriterionCount];
            for (int c = 0; c < answers.Length; c++)
            {
                string column = card.Criteria[c].Name;
                int before = problems.Count;
                answers[c] = QualityInput.ReadNumber(table, r, column, problems, "a number (empty, NA or N/A: not applicable)");
                if (problems.Count == before && card.ProblemWithAnswer(c, answers[c]) is string problem)
                {
                    problems.Add(table.Source, table.RowNumber(r), column, problem);
                }
            }
            var groups = s_groupColumns.Select(column => QualityInput.ReadText(table, r, column)).ToArray();
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

    /// <summary>Reads a scorecard definition through the library's JSON contract; every problem is located by its JSON path.</summary>
    private static Scorecard ReadScorecard(FileInfo file)
    {
        string source = file.ToString();
        var result = ScorecardJson.Parse(QualityInput.ReadFile(file), Path.GetFileNameWithoutExtension(file.Name));
        if (!result.Succeeded)
        {
            throw new InputException(result.Errors
                .Select(e => new InputProblem(source, null, e.Field.Length == 0 ? null : e.Field, e.Message) { ColumnKind = "field" })
                .ToArray());
        }
        return result.Value!;
    }
}

/// <summary>
/// What the quality commands (qa, servqual, agreement, ahp) share when they read tables: the library's missing-value
/// policy (<see cref="MissingValue"/>), numbers read one way, duplicate columns as errors, library problems mapped to
/// located input problems.
/// </summary>
internal static class QualityInput
{
    /// <summary>A cell's text, or null when it is missing (empty, NA or N/A) or the column is absent.</summary>
    public static string? ReadText(InputTable table, int row, string column)
    {
        var text = table.GetText(row, column);
        return MissingValue.IsMissing(text) ? null : text;
    }

    /// <summary>A number cell in the invariant culture: NaN when missing; anything else that is not a finite number is a located problem.</summary>
    public static double ReadNumber(InputTable table, int row, string column, InputProblems problems, string expected)
    {
        var text = table.GetText(row, column);
        if (MissingValue.IsMissing(text))
        {
            return double.NaN;
        }
        // The table's number rule: invariant culture, or a decimal comma when --decimal-comma says so.
        if (table.TryParseNumber(text!, out double value) && double.IsFinite(value))
        {
            return value;
        }
        problems.Add(table.Source, table.RowNumber(row), column, MissingValue.LooksLikeCommaNumber(text!)
            ? $"'{text}' looks like a number written with a comma: use '.' for decimals and no thousands separator"
            : $"'{text}' is not {expected}");
        return double.NaN;
    }

    /// <summary>Records a problem unless <paramref name="value"/> is a fraction in [0, 1].</summary>
    public static void CheckFraction(InputProblems problems, string option, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            problems.Add(option, null, null, $"must be a fraction in [0, 1] (0.9 for 90%); got {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>
    /// A confidence level given in percent, as every <c>--level</c> of the CLI (95 for 95%), converted to the
    /// library's fraction. A value of 1 or less looks like a fraction and is rejected rather than read as 0.95%.
    /// </summary>
    public static double PercentLevel(InputProblems problems, string option, double percent)
    {
        if (percent > 0 && percent <= 1)
        {
            problems.Add(option, null, null, $"is a percent (95 for a 95% level); {percent.ToString(CultureInfo.InvariantCulture)} looks like a fraction: use {(percent * 100).ToString(CultureInfo.InvariantCulture)}");
        }
        else if (!(percent > 1 && percent < 100))
        {
            problems.Add(option, null, null, $"must be a percent in (1, 100) (95 for a 95% level); got {percent.ToString(CultureInfo.InvariantCulture)}");
        }
        return percent / 100;
    }

    /// <summary>The whole text of a file named by an option; a missing or unreadable file is an input problem.</summary>
    public static string ReadFile(FileInfo file)
    {
        // Strict UTF-8, as every input of the command line: a Windows-1252 file is an error, not mojibake.
        return CommandIo.ReadFileText(file.FullName, file.ToString());
    }

    /// <summary>A library exception's message for an error line: its first line, without the runtime's " (Parameter 'x')" and "Actual value was" suffixes.</summary>
    public static string Message(ArgumentException exception)
    {
        var message = exception.Message.Split('\n')[0].Trim();
        if (exception.ParamName is string name)
        {
            message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        }
        return message;
    }
}

/// <summary>Orders labels with their digit runs compared as numbers: <c>2026-9</c> before <c>2026-10</c>, <c>W9</c> before <c>W10</c>.</summary>
internal sealed class NaturalOrder : IComparer<string>
{
    public static NaturalOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }
                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }
                var a = x.AsSpan(si, i - si).TrimStart('0');
                var b = y.AsSpan(sj, j - sj).TrimStart('0');
                int byLength = a.Length.CompareTo(b.Length);
                if (byLength != 0)
                {
                    return byLength;
                }
                int byDigits = a.SequenceCompareTo(b);
                if (byDigits != 0)
                {
                    return byDigits;
                }
                continue;
            }
            int byChar = x[i].CompareTo(y[j]);
            if (byChar != 0)
            {
                return byChar;
            }
            i++;
            j++;
        }
        int byRest = (x.Length - i).CompareTo(y.Length - j);
        return byRest != 0 ? byRest : string.CompareOrdinal(x, y);
    }
}
