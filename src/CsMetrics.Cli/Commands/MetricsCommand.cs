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
            Description = "Confidence level of the interval, a fraction in (0, 1) (0.95 for 95%).",
            DefaultValueFactory = _ => 0.95,
        };

        public Option<int?> ScaleMin { get; } = new("--scale-min") { Description = "Lowest score on the scale (csat, ces; default 1)." };

        public Option<int?> ScaleMax { get; } = new("--scale-max") { Description = "Highest score (nps default 10, csat 5, ces 7)." };

        public Option<int?> Threshold { get; } = new("--threshold")
        {
            Description = "Score threshold: csat top box starts here (default max - 1: top-2-box); ces 'agree' starts here (default the first score above the middle: 5 on 1-7); nps promoters start here (default max - 1; the two scores below are passive).",
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
            Description = "asa, service-level, abandonment: 0/1 column, 1 = answered, 0 = abandoned (asa: only answered rows count; without it every row is an answered contact).",
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
            Description = "service-level, abandonment: short-abandon threshold in seconds (0 = none; to exclude or meet them in the service level it must not exceed --answer-threshold).",
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
            "An empty score or flag cell is a contact without an answer: not counted (details.missing says how many); times are required.\n" +
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
        AddRangeValidator(options.Percentile, 0, 100);
        AddRangeValidator(options.AnswerThreshold, 0, double.MaxValue);
        AddRangeValidator(options.ShortAbandon, 0, double.MaxValue);
        var io = new CommandIo().AddTo(command);

        command.SetAction(parse =>
        {
            var metric = parse.GetValue(options.Metric)!;
            // The level convention (a fraction; 95 is rejected with the reason) is the library's: check it before reading.
            var shell = new Shell(parse, options, io.InputName(parse));
            shell.Library(() => ConfidenceInterval.Empty(parse.GetValue(options.Confidence), IntervalMethod.Unspecified));
            shell.Problems.ThrowIfAny();
            // Rows the reader cannot use (ragged, undecodable) join the value problems: every problem is reported.
            var table = io.ReadTable(parse, context, shell.Problems);
            var output = metric switch
            {
                "nps" => Nps(shell, table),
                "csat" => Csat(shell, table),
                "ces" => Ces(shell, table),
                "fcr" => Fcr(shell, table),
                "aht" => Aht(shell, table),
                "asa" => Asa(shell, table),
                "service-level" or "abandonment" => Queue(shell, table, metric),
                _ => Percentile(shell, table),
            };
            shell.Problems.ThrowIfAny();
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json => output!(json)));
            return CliApp.Success;
        });
        return command;
    }

    private static void AddRangeValidator(Option<double> option, double min, double max)
    {
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!(value >= min && value <= max) || !double.IsFinite(value))
            {
                string range = max == double.MaxValue ? $">= {min}" : $"in [{min}, {max}]";
                result.AddError($"{option.Name} must be {range}; got {value.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
    }

    private delegate void JsonBody(Utf8JsonWriter json);

    /// <summary>
    /// What every metric needs from the command line: the parsed options, the problems collected so far, and the one
    /// mapper from a library <see cref="ArgumentException"/> about an option's value to a problem naming the option.
    /// </summary>
    private sealed class Shell(ParseResult parse, Options options, string source)
    {
        /// <summary>Library parameter names and the options that set them.</summary>
        private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
        {
            ["level"] = "--confidence",
            ["min"] = "--scale-min",
            ["max"] = "--scale-max",
            ["promoterFrom"] = "--threshold",
            ["satisfiedFrom"] = "--threshold",
            ["agreeFrom"] = "--threshold",
            ["shortAbandons"] = "--short-abandons",
            ["shortAbandonSeconds"] = "--short-abandon",
            ["thresholdSeconds"] = "--answer-threshold",
        };

        public InputProblems Problems { get; } = new();

        public string Source => source;

        public T Get<T>(Option<T> option) => parse.GetValue(option)!;

        public Options Options => options;

        public double Level => parse.GetValue(options.Confidence);

        /// <summary>Runs a library call on option values; an <see cref="ArgumentException"/> becomes one problem naming the option.</summary>
        public T Library<T>(Func<T> call)
        {
            try
            {
                return call();
            }
            catch (ArgumentException ex)
            {
                string message = InputException.FromArgument(source, ex).Problems[0].Message;
                string? option = ex.ParamName is string name && OptionOf.TryGetValue(name, out var o) ? o : null;
                Problems.Add(source, null, null, option is null ? $"invalid options: {message}" : $"{option}: {message}");
                return default!;
            }
        }

        /// <summary>The column named by --column, recorded as a problem when absent.</summary>
        public string? RequiredColumn(InputTable table)
        {
            var column = parse.GetValue(options.Column);
            if (column is null)
            {
                Problems.Add(table.Source, null, null, $"--column is required for --metric {parse.GetValue(options.Metric)}");
                return null;
            }
            return table.RequireColumns(Problems, column) ? column : null;
        }
    }

    /// <summary>
    /// Feeds a score column to <paramref name="add"/>: each cell a whole number on [<paramref name="min"/>, <paramref name="max"/>]
    /// (the scale's range), or empty for a contact without an answer (passed as null: the library does not count it).
    /// </summary>
    private static void ReadScores(Shell shell, InputTable table, string? column, int min, int max, Action<byte?> add)
    {
        if (column is null)
        {
            return;
        }
        for (int row = 0; row < table.RowCount; row++)
        {
            if (table.GetText(row, column) is null)
            {
                add(null);
                continue;
            }
            double value = table.ReadDouble(row, column, shell.Problems, min, max);
            if (double.IsNaN(value))
            {
                continue;
            }
            if (value != Math.Floor(value))
            {
                shell.Problems.Add(table.Source, table.RowNumber(row), column, $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole score on the {min}-{max} scale");
                continue;
            }
            add((byte)value);
        }
    }

    /// <summary>The number of empty cells in <paramref name="column"/>: contacts without an answer.</summary>
    private static int Missing(InputTable table, string column)
    {
        int missing = 0;
        for (int row = 0; row < table.RowCount; row++)
        {
            missing += table.GetText(row, column) is null ? 1 : 0;
        }
        return missing;
    }

    private static double[] ReadSeconds(Shell shell, InputTable table, string? column)
    {
        if (column is null)
        {
            return [];
        }
        var seconds = new double[table.RowCount];
        for (int row = 0; row < table.RowCount; row++)
        {
            seconds[row] = table.ReadDouble(row, column, shell.Problems, min: 0);
        }
        return seconds;
    }

    /// <summary>Reads a flag cell: true or false, null when empty (or a problem when not a flag and <paramref name="required"/> or malformed).</summary>
    private static bool? ReadFlag(Shell shell, InputTable table, int row, string column, bool required)
    {
        var text = table.GetText(row, column);
        switch (text?.ToLowerInvariant())
        {
            case "1" or "true" or "yes" or "y":
                return true;
            case "0" or "false" or "no" or "n":
                return false;
            case null:
                if (required)
                {
                    shell.Problems.Add(table.Source, table.RowNumber(row), column, "a value is required (0/1, true/false or yes/no)");
                }
                return null;
            default:
                shell.Problems.Add(table.Source, table.RowNumber(row), column, $"'{text}' is not a flag: use 0/1, true/false or yes/no");
                return null;
        }
    }

    private static bool[] ReadRequiredFlags(Shell shell, InputTable table, string? column)
    {
        if (column is null)
        {
            return [];
        }
        var flags = new bool[table.RowCount];
        for (int row = 0; row < table.RowCount; row++)
        {
            flags[row] = ReadFlag(shell, table, row, column, required: true) ?? false;
        }
        return flags;
    }

    private static JsonBody? Nps(Shell shell, InputTable table)
    {
        var scale = shell.Library(() => NpsScale.ZeroTo(shell.Get(shell.Options.ScaleMax) ?? 10, shell.Get(shell.Options.Threshold)));
        var column = shell.RequiredColumn(table);
        if (shell.Problems.Any)
        {
            return null;
        }
        var accumulator = new NpsAccumulator(scale);
        ReadScores(shell, table, column, 0, scale.Max, accumulator.Add);
        if (shell.Problems.Any)
        {
            return null;
        }
        var result = accumulator.Result(shell.Level);
        int missing = Missing(table, column!);
        return json => Write(json, "nps", column!, result.Count, result.Score, result.Interval, details =>
        {
            details.WriteNumber("promoters", result.Promoters);
            details.WriteNumber("passives", result.Passives);
            details.WriteNumber("detractors", result.Detractors);
            JsonOutput.WriteNumberOrNull(details, "standard_error", result.StandardError);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Csat(Shell shell, InputTable table)
    {
        var scale = shell.Library(() => CsatScale.TopBox(shell.Get(shell.Options.ScaleMin), shell.Get(shell.Options.ScaleMax), shell.Get(shell.Options.Threshold)));
        var column = shell.RequiredColumn(table);
        if (shell.Problems.Any)
        {
            return null;
        }
        var accumulator = new CsatAccumulator(scale);
        ReadScores(shell, table, column, scale.Min, scale.Max, accumulator.Add);
        if (shell.Problems.Any)
        {
            return null;
        }
        var result = accumulator.Result(shell.Level);
        int missing = Missing(table, column!);
        return json => Write(json, "csat", column!, result.Count, result.SatisfiedShare, result.Interval, details =>
        {
            details.WriteNumber("satisfied", result.Satisfied);
            details.WriteNumber("dissatisfied", result.Dissatisfied);
            JsonOutput.WriteNumberOrNull(details, "mean", result.Mean);
            JsonOutput.WriteNumberOrNull(details, "net", result.Net);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Ces(Shell shell, InputTable table)
    {
        var direction = shell.Get(shell.Options.Direction) == "lower-is-easier" ? EffortDirection.LowerIsEasier : EffortDirection.HigherIsEasier;
        var scale = shell.Library(() => CesScale.FromRange(shell.Get(shell.Options.ScaleMin), shell.Get(shell.Options.ScaleMax), direction, shell.Get(shell.Options.Threshold)));
        var column = shell.RequiredColumn(table);
        if (shell.Problems.Any)
        {
            return null;
        }
        var accumulator = new CesAccumulator(scale);
        ReadScores(shell, table, column, scale.Min, scale.Max, accumulator.Add);
        if (shell.Problems.Any)
        {
            return null;
        }
        var result = accumulator.Result(shell.Level);
        int missing = Missing(table, column!);
        return json => Write(json, "ces", column!, result.Count, result.Mean, null, details =>
        {
            JsonOutput.WriteNumberOrNull(details, "agree_share", result.AgreeShare);
            WriteInterval(details, "agree_interval", result.Interval);
            JsonOutput.WriteNumberOrNull(details, "net_index", result.NetIndex);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Fcr(Shell shell, InputTable table)
    {
        var column = shell.RequiredColumn(table);
        if (column is null)
        {
            return null;
        }
        var accumulator = new ProportionAccumulator();
        for (int row = 0; row < table.RowCount; row++)
        {
            accumulator.Add(ReadFlag(shell, table, row, column, required: false));
        }
        if (shell.Problems.Any)
        {
            return null;
        }
        var result = accumulator.Result(shell.Level);
        int missing = Missing(table, column);
        return json => Write(json, "fcr", column, result.Count, result.Value, result.Interval, details =>
        {
            details.WriteNumber("resolved", result.Successes);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Aht(Shell shell, InputTable table)
    {
        var talkColumn = shell.Get(shell.Options.TalkColumn);
        if (talkColumn is null)
        {
            var column = shell.RequiredColumn(table);
            var handle = ReadSeconds(shell, table, column);
            if (shell.Problems.Any)
            {
                return null;
            }
            var mean = AverageHandleTime.Compute(handle);
            return json => Write(json, "aht", column!, mean.Count, mean.MeanSeconds, null, details =>
                details.WriteNumber("total_seconds", mean.TotalSeconds));
        }
        var holdColumn = shell.Get(shell.Options.HoldColumn);
        var wrapColumn = shell.Get(shell.Options.WrapColumn);
        string[] columns = [talkColumn, .. holdColumn is null ? Array.Empty<string>() : [holdColumn], .. wrapColumn is null ? Array.Empty<string>() : [wrapColumn]];
        if (!table.RequireColumns(shell.Problems, columns))
        {
            return null;
        }
        var talk = ReadSeconds(shell, table, talkColumn);
        var hold = ReadSeconds(shell, table, holdColumn);
        var wrap = ReadSeconds(shell, table, wrapColumn);
        if (shell.Problems.Any)
        {
            return null;
        }
        var result = AverageHandleTime.Compute(talk, hold, wrap);
        return json => Write(json, "aht", string.Join(",", columns), result.Count, result.AverageSeconds, null, details =>
        {
            JsonOutput.WriteNumberOrNull(details, "talk_seconds", result.AverageTalkSeconds);
            JsonOutput.WriteNumberOrNull(details, "hold_seconds", result.AverageHoldSeconds);
            JsonOutput.WriteNumberOrNull(details, "wrap_seconds", result.AverageWrapSeconds);
        });
    }

    private static JsonBody? Asa(Shell shell, InputTable table)
    {
        var column = shell.RequiredColumn(table);
        var waits = ReadSeconds(shell, table, column);
        var answeredColumn = shell.Get(shell.Options.AnsweredColumn);
        var answered = answeredColumn is not null && table.RequireColumns(shell.Problems, answeredColumn)
            ? ReadRequiredFlags(shell, table, answeredColumn)
            : null;
        if (shell.Problems.Any)
        {
            return null;
        }
        var tally = answered is null ? QueueTally.OfAnswered(waits, 0) : QueueTally.Of(waits, answered, 0);
        var asa = tally.AverageSpeedOfAnswer;
        return json => Write(json, "asa", column!, asa.Count, asa.MeanSeconds, null, details =>
        {
            details.WriteNumber("total_seconds", asa.TotalSeconds);
            details.WriteNumber("abandoned", tally.Counts.Abandoned);
            JsonOutput.WriteNumberOrNull(details, "average_abandon_seconds", tally.AverageAbandonTime.MeanSeconds);
        });
    }

    private static JsonBody? Queue(Shell shell, InputTable table, string metric)
    {
        var column = shell.RequiredColumn(table);
        var answeredColumn = shell.Get(shell.Options.AnsweredColumn);
        if (answeredColumn is null)
        {
            shell.Problems.Add(table.Source, null, null, $"--answered-column is required for --metric {metric}");
        }
        else
        {
            table.RequireColumns(shell.Problems, answeredColumn);
        }
        var waits = ReadSeconds(shell, table, column);
        var answered = ReadRequiredFlags(shell, table, shell.Problems.Any ? null : answeredColumn);
        if (shell.Problems.Any)
        {
            return null;
        }
        var tally = QueueTally.Of(waits, answered, shell.Get(shell.Options.AnswerThreshold), shell.Get(shell.Options.ShortAbandon));
        var shortTreatment = ShortTreatments[shell.Get(shell.Options.ShortAbandons)];
        var result = shell.Library(() => metric == "service-level"
            ? tally.ServiceLevel(Policies[shell.Get(shell.Options.AbandonPolicy)], shortTreatment, shell.Level)
            : tally.AbandonmentRate(shortTreatment == ShortAbandonTreatment.Excluded, shell.Level));
        if (shell.Problems.Any)
        {
            return null;
        }
        var counts = tally.Counts;
        return json => Write(json, metric, column!, result.Count, result.Value, result.Interval, details =>
        {
            details.WriteNumber("numerator", result.Successes);
            details.WriteNumber("answered", counts.Answered);
            details.WriteNumber("answered_within_threshold", counts.AnsweredWithinThreshold);
            details.WriteNumber("abandoned", counts.Abandoned);
            details.WriteNumber("abandoned_within_threshold", counts.AbandonedWithinThreshold);
            details.WriteNumber("short_abandons", counts.ShortAbandons);
        });
    }

    private static JsonBody? Percentile(Shell shell, InputTable table)
    {
        var column = shell.RequiredColumn(table);
        var values = ReadSeconds(shell, table, column);
        if (shell.Problems.Any)
        {
            return null;
        }
        double p = shell.Get(shell.Options.Percentile);
        var method = shell.Get(shell.Options.Method) == "nearest-rank" ? PercentileMethod.NearestRank : PercentileMethod.Linear;
        // --p is a percent (R's and the SLA tools' habit); the library takes the level as a fraction.
        double value = CsMetrics.Metrics.Percentile.Compute(values, p / 100, method);
        return json => Write(json, "percentile", column!, values.Length, value, null, details =>
        {
            details.WriteNumber("p", p);
            details.WriteString("method", method == PercentileMethod.NearestRank ? "nearest-rank" : "linear (Hyndman-Fan type 7)");
        });
    }

    private static void Write(Utf8JsonWriter json, string metric, string column, long count, double value,
        ConfidenceInterval? interval, Action<Utf8JsonWriter> details)
    {
        json.WriteStartObject();
        json.WriteString("metric", metric);
        json.WriteString("column", column);
        json.WriteNumber("count", count);
        JsonOutput.WriteNumberOrNull(json, "value", value);
        if (interval is ConfidenceInterval ci)
        {
            WriteInterval(json, "interval", ci);
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

    private static void WriteInterval(Utf8JsonWriter json, string name, ConfidenceInterval interval)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        JsonOutput.WriteNumberOrNull(json, "lower", interval.Lower);
        JsonOutput.WriteNumberOrNull(json, "upper", interval.Upper);
        json.WriteNumber("level", interval.Level);
        json.WriteString("method", interval.Method switch
        {
            IntervalMethod.Wilson => "Wilson",
            IntervalMethod.WilsonContinuityCorrected => "Wilson with continuity correction",
            IntervalMethod.AdjustedWald => "adjusted Wald",
            IntervalMethod.Wald => "Wald",
            _ => "unspecified",
        });
        json.WriteEndObject();
    }
}
