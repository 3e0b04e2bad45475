using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Metrics;

namespace CsMetrics.Cli.Commands;

/// <summary><c>csmetrics metrics</c>: one service metric over a column of a CSV or JSON table, printed as JSON.</summary>
internal static class MetricsCommand
{
    private static readonly string[] MetricNames = ["nps", "csat", "ces", "fcr", "aht", "asa", "service-level", "abandonment", "percentile"];

    internal static readonly Dictionary<string, AbandonPolicy> Policies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ignored"] = AbandonPolicy.Ignored,
        ["missed"] = AbandonPolicy.CountedAsMissed,
        ["met-within"] = AbandonPolicy.MetIfAbandonedWithinThreshold,
        ["excluded-within"] = AbandonPolicy.ExcludedIfAbandonedWithinThreshold,
    };

    internal static readonly Dictionary<string, ShortAbandonTreatment> ShortTreatments = new(StringComparer.OrdinalIgnoreCase)
    {
        ["counted"] = ShortAbandonTreatment.Counted,
        ["excluded"] = ShortAbandonTreatment.Excluded,
        ["met"] = ShortAbandonTreatment.Met,
    };

    private sealed class Options
    {
        public Option<string> Metric { get; } = new("--metric", "-m")
        {
            Description = "The metric: nps, csat, ces, fcr, aht, asa, service-level, abandonment or percentile.",
            Required = true,
        };

        public Option<string?> Column { get; } = new("--column", "-c")
        {
            Description = "The input column: scores (nps 0-10, csat, ces), 0/1 flags (fcr), seconds (aht handle time, asa/service-level/abandonment wait, percentile values).",
        };

        public Option<double> Confidence { get; } = new("--confidence")
        {
            Description = "Confidence level of the interval, in (0, 1).",
            DefaultValueFactory = _ => 0.95,
        };

        public Option<int?> ScaleMin { get; } = new("--scale-min") { Description = "Lowest score on the scale (csat, ces; default 1)." };

        public Option<int?> ScaleMax { get; } = new("--scale-max") { Description = "Highest score (nps default 10, csat 5, ces 7)." };

        public Option<int?> Threshold { get; } = new("--threshold")
        {
            Description = "Score threshold: csat top box starts here (default 4 on 1-5: top-2-box); ces 'agree' starts here (default 5 on 1-7); nps promoters start here (default 9).",
        };

        public Option<string> Direction { get; } = new("--direction")
        {
            Description = "ces only: higher-is-easier (CES 2.0, default) or lower-is-easier (CES 1.0); thresholds then apply to the mirrored score.",
            DefaultValueFactory = _ => "higher-is-easier",
        };

        public Option<double> Percentile { get; } = new("--p")
        {
            Description = "percentile only: the percentile in [0, 100], e.g. 90.",
            DefaultValueFactory = _ => 90,
        };

        public Option<string> Method { get; } = new("--method")
        {
            Description = "percentile only: nearest-rank (an observed value) or linear (Hyndman-Fan type 7, the default).",
            DefaultValueFactory = _ => "linear",
        };

        public Option<string?> TalkColumn { get; } = new("--talk-column") { Description = "aht: talk seconds column (use with --hold-column and --wrap-column instead of --column)." };

        public Option<string?> HoldColumn { get; } = new("--hold-column") { Description = "aht: hold seconds column (optional)." };

        public Option<string?> WrapColumn { get; } = new("--wrap-column") { Description = "aht: after-call work seconds column (optional)." };

        public Option<string?> AnsweredColumn { get; } = new("--answered-column")
        {
            Description = "asa, service-level, abandonment: 0/1 column, 1 = answered, 0 = abandoned (asa: only answered rows count).",
        };

        public Option<double> AnswerThreshold { get; } = new("--answer-threshold")
        {
            Description = "service-level: the threshold T in seconds ('answered within T'; a wait equal to T is within).",
            DefaultValueFactory = _ => 20,
        };

        public Option<string> AbandonPolicy { get; } = new("--abandon-policy")
        {
            Description = "service-level: ignored (A<=T / A), missed (A<=T / (A+Ab), default), met-within ((A<=T + Ab<=T) / (A+Ab)) or excluded-within (A<=T / (A + Ab>T)).",
            DefaultValueFactory = _ => "missed",
        };

        public Option<double> ShortAbandon { get; } = new("--short-abandon")
        {
            Description = "service-level, abandonment: short-abandon threshold in seconds (0 = none).",
            DefaultValueFactory = _ => 0,
        };

        public Option<string> ShortAbandons { get; } = new("--short-abandons")
        {
            Description = "service-level: counted (default), excluded, or met; abandonment: excluded removes them, anything else counts them.",
            DefaultValueFactory = _ => "counted",
        };
    }

    public static Command Create(CliContext context)
    {
        var command = new Command("metrics",
            "Computes one service metric over a column and prints JSON: the value, the count and the interval (Wilson for proportions,\n" +
            "adjusted Wald for NPS; none for times). Scores must be whole numbers on the scale; flags are 0/1, true/false or yes/no.\n" +
            "Definitions, formulas and variants: docs/metrics.md.\n" +
            "Example: csmetrics metrics --metric nps --input src/CsMetrics.Cli/Samples/survey.csv --column score");
        var options = new Options();
        command.Options.Add(options.Metric);
        command.Options.Add(options.Column);
        command.Options.Add(options.Confidence);
        command.Options.Add(options.ScaleMin);
        command.Options.Add(options.ScaleMax);
        command.Options.Add(options.Threshold);
        command.Options.Add(options.Direction);
        command.Options.Add(options.Percentile);
        command.Options.Add(options.Method);
        command.Options.Add(options.TalkColumn);
        command.Options.Add(options.HoldColumn);
        command.Options.Add(options.WrapColumn);
        command.Options.Add(options.AnsweredColumn);
        command.Options.Add(options.AnswerThreshold);
        command.Options.Add(options.AbandonPolicy);
        command.Options.Add(options.ShortAbandon);
        command.Options.Add(options.ShortAbandons);
        options.Metric.AcceptOnlyFromAmong(MetricNames);
        options.Direction.AcceptOnlyFromAmong("higher-is-easier", "lower-is-easier");
        options.Method.AcceptOnlyFromAmong("nearest-rank", "linear");
        options.AbandonPolicy.AcceptOnlyFromAmong([.. Policies.Keys]);
        options.ShortAbandons.AcceptOnlyFromAmong([.. ShortTreatments.Keys]);
        AddRangeValidator(options.Confidence, 0, 1, exclusive: true);
        AddRangeValidator(options.Percentile, 0, 100, exclusive: false);
        AddRangeValidator(options.AnswerThreshold, 0, double.MaxValue, exclusive: false);
        AddRangeValidator(options.ShortAbandon, 0, double.MaxValue, exclusive: false);
        var io = new CommandIo().AddTo(command);

        command.SetAction(parse =>
        {
            var metric = parse.GetValue(options.Metric)!;
            var problems = new InputProblems();
            var table = io.ReadTable(parse, context, problems);
            var output = metric switch
            {
                "nps" => Nps(parse, options, table, problems),
                "csat" => Csat(parse, options, table, problems),
                "ces" => Ces(parse, options, table, problems),
                "fcr" => Fcr(parse, options, table, problems),
                "aht" => Aht(parse, options, table, problems),
                "asa" => Asa(parse, options, table, problems),
                "service-level" or "abandonment" => Queue(parse, options, table, problems, metric),
                _ => Percentile(parse, options, table, problems),
            };
            problems.ThrowIfAny();
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json => output!(json)));
            return CliApp.Success;
        });
        return command;
    }

    private static void AddRangeValidator(Option<double> option, double min, double max, bool exclusive)
    {
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            bool ok = exclusive ? value > min && value < max : value >= min && value <= max;
            if (!ok || !double.IsFinite(value))
            {
                string range = exclusive ? $"in ({min}, {max})" : max == double.MaxValue ? $">= {min}" : $"in [{min}, {max}]";
                result.AddError($"{option.Name} must be {range}; got {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
    }

    private delegate void JsonBody(Utf8JsonWriter json);

    /// <summary>The column named by --column, recorded as a problem when absent.</summary>
    private static string? RequiredColumn(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        var column = parse.GetValue(options.Column);
        if (column is null)
        {
            problems.Add(table.Source, null, null, $"--column is required for --metric {parse.GetValue(options.Metric)}");
            return null;
        }
        return table.RequireColumns(problems, column) ? column : null;
    }

    private static byte[] ReadScores(InputTable table, string? column, int min, int max, InputProblems problems)
    {
        if (column is null)
        {
            return [];
        }
        var scores = new byte[table.RowCount];
        for (int row = 0; row < table.RowCount; row++)
        {
            double value = table.ReadDouble(row, column, problems, min, max);
            if (double.IsNaN(value))
            {
                continue;
            }
            if (value != Math.Floor(value))
            {
                problems.Add(table.Source, table.RowNumber(row), column, $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole score on the {min}-{max} scale");
                continue;
            }
            scores[row] = (byte)value;
        }
        return scores;
    }

    private static double[] ReadSeconds(InputTable table, string? column, InputProblems problems)
    {
        if (column is null)
        {
            return [];
        }
        var seconds = new double[table.RowCount];
        for (int row = 0; row < table.RowCount; row++)
        {
            seconds[row] = table.ReadDouble(row, column, problems, min: 0);
        }
        return seconds;
    }

    private static bool[] ReadFlags(InputTable table, string? column, InputProblems problems)
    {
        if (column is null)
        {
            return [];
        }
        var flags = new bool[table.RowCount];
        for (int row = 0; row < table.RowCount; row++)
        {
            var text = table.GetText(row, column);
            switch (text?.ToLowerInvariant())
            {
                case "1" or "true" or "yes" or "y":
                    flags[row] = true;
                    break;
                case "0" or "false" or "no" or "n":
                    break;
                case null:
                    problems.Add(table.Source, table.RowNumber(row), column, "a value is required (0/1, true/false or yes/no)");
                    break;
                default:
                    problems.Add(table.Source, table.RowNumber(row), column, $"'{text}' is not a flag: use 0/1, true/false or yes/no");
                    break;
            }
        }
        return flags;
    }

    private static byte CheckScale(InputTable table, InputProblems problems, string what, int value)
    {
        if (value is < 0 or > 100)
        {
            problems.Add(table.Source, null, null, $"{what} must be in [0, 100]; got {value}");
            return 0;
        }
        return (byte)value;
    }

    private static JsonBody? Nps(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        int max = parse.GetValue(options.ScaleMax) ?? 10;
        int promoterFrom = parse.GetValue(options.Threshold) ?? max - 1;
        var column = RequiredColumn(parse, options, table, problems);
        var scores = ReadScores(table, column, 0, max, problems);
        var scale = new NpsScale(CheckScale(table, problems, "--scale-max", max), CheckScale(table, problems, "--threshold", promoterFrom), (byte)Math.Max(0, promoterFrom - 3));
        if (problems.Any)
        {
            return null;
        }
        var result = Validated(table, problems, () => NetPromoterScore.Compute(scores, scale, parse.GetValue(options.Confidence)));
        return json => Write(json, "nps", column!, result.Count, result.Score, result.Interval, "adjusted Wald", details =>
        {
            details.WriteNumber("promoters", result.Promoters);
            details.WriteNumber("passives", result.Passives);
            details.WriteNumber("detractors", result.Detractors);
            JsonOutput.WriteNumberOrNull(details, "standard_error", result.StandardError);
        });
    }

    private static JsonBody? Csat(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        int min = parse.GetValue(options.ScaleMin) ?? 1;
        int max = parse.GetValue(options.ScaleMax) ?? 5;
        int satisfiedFrom = parse.GetValue(options.Threshold) ?? max - 1;
        var column = RequiredColumn(parse, options, table, problems);
        var scores = ReadScores(table, column, min, max, problems);
        if (problems.Any)
        {
            return null;
        }
        var result = Validated(table, problems, () => CustomerSatisfaction.Compute(scores,
            CsatScale.TopBox(CheckScale(table, problems, "--scale-min", min), CheckScale(table, problems, "--scale-max", max), CheckScale(table, problems, "--threshold", satisfiedFrom)),
            parse.GetValue(options.Confidence)));
        return json => Write(json, "csat", column!, result.Count, result.SatisfiedShare, result.Interval, "Wilson", details =>
        {
            details.WriteNumber("satisfied", result.Satisfied);
            details.WriteNumber("dissatisfied", result.Dissatisfied);
            JsonOutput.WriteNumberOrNull(details, "mean", result.Mean);
            JsonOutput.WriteNumberOrNull(details, "net", result.Net);
        });
    }

    private static JsonBody? Ces(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        int min = parse.GetValue(options.ScaleMin) ?? 1;
        int max = parse.GetValue(options.ScaleMax) ?? 7;
        int agreeFrom = parse.GetValue(options.Threshold) ?? max - 2;
        var direction = parse.GetValue(options.Direction) == "lower-is-easier" ? EffortDirection.LowerIsEasier : EffortDirection.HigherIsEasier;
        var column = RequiredColumn(parse, options, table, problems);
        var scores = ReadScores(table, column, min, max, problems);
        if (problems.Any)
        {
            return null;
        }
        // Net index groups: the top two (mirrored) scores against the bottom half below the midpoint (1-7: 6-7 vs 1-3).
        var scale = new CesScale(CheckScale(table, problems, "--scale-min", min), CheckScale(table, problems, "--scale-max", max), direction,
            CheckScale(table, problems, "--threshold", agreeFrom), (byte)(max - 1), (byte)((min + max) / 2 - 1));
        var result = Validated(table, problems, () => CustomerEffort.Compute(scores, scale, parse.GetValue(options.Confidence)));
        return json => Write(json, "ces", column!, result.Count, result.Mean, null, null, details =>
        {
            JsonOutput.WriteNumberOrNull(details, "agree_share", result.AgreeShare);
            WriteInterval(details, "agree_interval", result.Interval, "Wilson");
            JsonOutput.WriteNumberOrNull(details, "net_index", result.NetIndex);
        });
    }

    private static JsonBody? Fcr(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        var column = RequiredColumn(parse, options, table, problems);
        var flags = ReadFlags(table, column, problems);
        if (problems.Any)
        {
            return null;
        }
        var result = ContactOutcomes.FirstContactResolution(flags, parse.GetValue(options.Confidence));
        return json => Write(json, "fcr", column!, result.Count, result.Value, result.Interval, "Wilson", details =>
            details.WriteNumber("resolved", result.Successes));
    }

    private static JsonBody? Aht(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        var talkColumn = parse.GetValue(options.TalkColumn);
        if (talkColumn is null)
        {
            var column = RequiredColumn(parse, options, table, problems);
            var handle = ReadSeconds(table, column, problems);
            if (problems.Any)
            {
                return null;
            }
            var mean = AverageHandleTime.Compute(handle);
            return json => Write(json, "aht", column!, mean.Count, mean.MeanSeconds, null, null, details =>
                details.WriteNumber("total_seconds", mean.TotalSeconds));
        }
        var holdColumn = parse.GetValue(options.HoldColumn);
        var wrapColumn = parse.GetValue(options.WrapColumn);
        string[] columns = [talkColumn, .. holdColumn is null ? Array.Empty<string>() : [holdColumn], .. wrapColumn is null ? Array.Empty<string>() : [wrapColumn]];
        if (!table.RequireColumns(problems, columns))
        {
            return null;
        }
        var talk = ReadSeconds(table, talkColumn, problems);
        var hold = ReadSeconds(table, holdColumn, problems);
        var wrap = ReadSeconds(table, wrapColumn, problems);
        if (problems.Any)
        {
            return null;
        }
        var result = AverageHandleTime.Compute(talk, hold, wrap);
        return json => Write(json, "aht", string.Join(",", columns), result.Count, result.AverageSeconds, null, null, details =>
        {
            JsonOutput.WriteNumberOrNull(details, "talk_seconds", result.AverageTalkSeconds);
            JsonOutput.WriteNumberOrNull(details, "hold_seconds", result.AverageHoldSeconds);
            JsonOutput.WriteNumberOrNull(details, "wrap_seconds", result.AverageWrapSeconds);
        });
    }

    private static JsonBody? Asa(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        var column = RequiredColumn(parse, options, table, problems);
        var waits = ReadSeconds(table, column, problems);
        var answeredColumn = parse.GetValue(options.AnsweredColumn);
        var answered = answeredColumn is not null && table.RequireColumns(problems, answeredColumn)
            ? ReadFlags(table, answeredColumn, problems)
            : [.. waits.Select(_ => true)];
        if (problems.Any)
        {
            return null;
        }
        var queue = new QueueAccumulator(0);
        queue.Add(waits, answered);
        var asa = queue.AverageSpeedOfAnswer;
        return json => Write(json, "asa", column!, asa.Count, asa.MeanSeconds, null, null, details =>
        {
            details.WriteNumber("total_seconds", asa.TotalSeconds);
            details.WriteNumber("abandoned", queue.Counts.Abandoned);
            JsonOutput.WriteNumberOrNull(details, "average_abandon_seconds", queue.AverageAbandonTime.MeanSeconds);
        });
    }

    private static JsonBody? Queue(ParseResult parse, Options options, InputTable table, InputProblems problems, string metric)
    {
        var column = RequiredColumn(parse, options, table, problems);
        var answeredColumn = parse.GetValue(options.AnsweredColumn);
        if (answeredColumn is null)
        {
            problems.Add(table.Source, null, null, $"--answered-column is required for --metric {metric}");
        }
        else
        {
            table.RequireColumns(problems, answeredColumn);
        }
        double threshold = parse.GetValue(options.AnswerThreshold);
        double shortAbandon = parse.GetValue(options.ShortAbandon);
        if (metric == "service-level" && shortAbandon > threshold)
        {
            problems.Add(table.Source, null, null, $"--short-abandon ({shortAbandon.ToString(CultureInfo.InvariantCulture)} s) must not exceed --answer-threshold ({threshold.ToString(CultureInfo.InvariantCulture)} s)");
        }
        var waits = ReadSeconds(table, column, problems);
        var answered = ReadFlags(table, problems.Any ? null : answeredColumn, problems);
        if (problems.Any)
        {
            return null;
        }
        var queue = new QueueAccumulator(Math.Max(threshold, shortAbandon), shortAbandon);
        queue.Add(waits, answered);
        var counts = queue.Counts;
        var shortTreatment = ShortTreatments[parse.GetValue(options.ShortAbandons)!];
        var result = metric == "service-level"
            ? queue.ServiceLevel(Policies[parse.GetValue(options.AbandonPolicy)!], shortTreatment, parse.GetValue(options.Confidence))
            : queue.AbandonmentRate(shortTreatment == ShortAbandonTreatment.Excluded, parse.GetValue(options.Confidence));
        return json => Write(json, metric, column!, result.Count, result.Value, result.Interval, "Wilson", details =>
        {
            details.WriteNumber("numerator", result.Successes);
            details.WriteNumber("answered", counts.Answered);
            details.WriteNumber("answered_within_threshold", counts.AnsweredWithinThreshold);
            details.WriteNumber("abandoned", counts.Abandoned);
            details.WriteNumber("abandoned_within_threshold", counts.AbandonedWithinThreshold);
            details.WriteNumber("short_abandons", counts.ShortAbandons);
        });
    }

    private static JsonBody? Percentile(ParseResult parse, Options options, InputTable table, InputProblems problems)
    {
        var column = RequiredColumn(parse, options, table, problems);
        var values = ReadSeconds(table, column, problems);
        if (problems.Any)
        {
            return null;
        }
        double p = parse.GetValue(options.Percentile);
        var method = parse.GetValue(options.Method) == "nearest-rank" ? PercentileMethod.NearestRank : PercentileMethod.Linear;
        double value = CsMetrics.Metrics.Percentile.Compute(values, p / 100, method);
        return json => Write(json, "percentile", column!, values.Length, value, null, null, details =>
        {
            details.WriteNumber("p", p);
            details.WriteString("method", method == PercentileMethod.NearestRank ? "nearest-rank" : "linear (Hyndman-Fan type 7)");
        });
    }

    /// <summary>Runs a library call whose scale arguments came from options; an invalid scale becomes an input problem.</summary>
    private static T Validated<T>(InputTable table, InputProblems problems, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentException ex)
        {
            problems.Add(table.Source, null, null, $"invalid options: {ex.Message}");
            problems.ThrowIfAny();
            throw;
        }
    }

    private static void Write(Utf8JsonWriter json, string metric, string column, long count, double value,
        ConfidenceInterval? interval, string? intervalMethod, Action<Utf8JsonWriter> details)
    {
        json.WriteStartObject();
        json.WriteString("metric", metric);
        json.WriteString("column", column);
        json.WriteNumber("count", count);
        JsonOutput.WriteNumberOrNull(json, "value", value);
        if (interval is ConfidenceInterval ci)
        {
            WriteInterval(json, "interval", ci, intervalMethod!);
        }
        else
        {
            json.WriteNull("interval");
        }
        json.WritePropertyName("details");
        json.WriteStartObject();
        details(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter json, string name, ConfidenceInterval interval, string method)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        JsonOutput.WriteNumberOrNull(json, "lower", interval.Lower);
        JsonOutput.WriteNumberOrNull(json, "upper", interval.Upper);
        json.WriteNumber("level", interval.Level);
        json.WriteString("method", method);
        json.WriteEndObject();
    }
}
