using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Data;
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
            // One streaming pass: memory does not grow with the rows (percentile keeps one number a row, as an exact
            // percentile must). Rows the reader cannot use (ragged, undecodable) and bad values are reported together,
            // in row order, after any problem with the options.
            JsonBody? output;
            TableReader table;
            try
            {
                table = io.OpenTable(parse, context);
            }
            catch (TableFormatException ex)
            {
                throw InputException.FromTable(ex);
            }
            using (table)
            {
                try
                {
                    output = metric switch
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
                }
                catch (TableFormatException ex)
                {
                    throw InputException.FromTable(ex); // input damaged beyond reading on (invalid JSON syntax)
                }
                shell.CheckDeferredColumns(table);
                if (table.HasProblems)
                {
                    shell.Problems.AddRange(InputException.FromTable(new TableFormatException(table.Problems, table.OmittedProblemCount)).Problems);
                    output = null;
                }
            }
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
        public string? RequiredColumn(TableReader table)
        {
            var column = parse.GetValue(options.Column);
            if (column is null)
            {
                Problems.Add(table.Source, null, null, $"--column is required for --metric {parse.GetValue(options.Metric)}");
                return null;
            }
            return RequireColumns(table, column) ? column : null;
        }

        /// <summary>JSON columns looked for but not yet seen: any object may bring a key, so they are checked after the pass.</summary>
        private readonly List<string> _deferred = [];

        /// <summary>
        /// Records a problem for each required column that is missing; returns true when all are present. For JSON,
        /// where a key may first appear in a later object, a column not seen yet is reserved and checked by
        /// <see cref="CheckDeferredColumns"/> after the pass.
        /// </summary>
        public bool RequireColumns(TableReader table, params ReadOnlySpan<string> columns)
        {
            bool ok = true;
            foreach (var column in columns)
            {
                if (table.Format == TableFormat.Json && !table.HasColumn(column))
                {
                    table.ColumnIndex(column);
                    _deferred.Add(column);
                    continue;
                }
                if (!table.HasColumn(column))
                {
                    Problems.Add(table.Source, 1, column, $"required column is missing (columns found: {string.Join(",", table.Columns)})");
                    ok = false;
                }
            }
            return ok;
        }

        /// <summary>After the pass: a JSON column that no object had is missing.</summary>
        public void CheckDeferredColumns(TableReader table)
        {
            foreach (var column in _deferred)
            {
                if (!table.HasColumn(column))
                {
                    Problems.Add(table.Source, 1, column, $"required column is missing (columns found: {string.Join(",", table.Columns.Where(table.HasColumn))})");
                }
            }
        }
    }

    /// <summary>
    /// Rows are handed to the library in chunks of this many (the accumulators' span overloads, vectorised),
    /// so memory is bounded whatever the number of rows.
    /// </summary>
    private const int Chunk = 8192;

    /// <summary>
    /// Reads the current row's score cell: a whole number on [<paramref name="min"/>, <paramref name="max"/>] (the
    /// scale's range); null for an empty cell (a contact without an answer: the library does not count it), or
    /// after recording a problem (<paramref name="bad"/> true).
    /// </summary>
    private static byte? ReadScore(TableReader table, int column, int min, int max, out bool bad)
    {
        bad = false;
        if (table.IsEmpty(column))
        {
            return null;
        }
        double value = table.ReadDouble(column, min, max);
        if (double.IsNaN(value))
        {
            bad = true;
            return null;
        }
        if (value != Math.Floor(value))
        {
            table.AddProblem(column, $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole score on the {min}-{max} scale");
            bad = true;
            return null;
        }
        return (byte)value;
    }

    /// <summary>Streams a score column into <paramref name="add"/>; returns the number of empty cells (contacts without an answer).</summary>
    private static int ReadScores(TableReader table, string column, int min, int max, Action<byte?> add)
    {
        int index = table.ColumnIndex(column);
        int missing = 0;
        while (table.MoveNext())
        {
            var score = ReadScore(table, index, min, max, out bool bad);
            if (!bad)
            {
                missing += score is null ? 1 : 0;
                add(score);
            }
        }
        return missing;
    }

    /// <summary>Reads a flag cell: true or false, null when empty (or a problem when not a flag and <paramref name="required"/> or malformed).</summary>
    private static bool? ReadFlag(TableReader table, int column, bool required)
    {
        var text = table.GetText(column);
        if (text.IsEmpty)
        {
            if (required)
            {
                table.AddProblem(column, "a value is required (0/1, true/false or yes/no)");
            }
            return null;
        }
        foreach (var yes in (ReadOnlySpan<string>)["1", "true", "yes", "y"])
        {
            if (text.Equals(yes, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        foreach (var no in (ReadOnlySpan<string>)["0", "false", "no", "n"])
        {
            if (text.Equals(no, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        table.AddProblem(column, $"'{text}' is not a flag: use 0/1, true/false or yes/no");
        return null;
    }

    private static JsonBody? Nps(Shell shell, TableReader table)
    {
        var scale = shell.Library(() => NpsScale.ZeroTo(shell.Get(shell.Options.ScaleMax) ?? 10, shell.Get(shell.Options.Threshold)));
        var column = shell.RequiredColumn(table);
        if (shell.Problems.Any)
        {
            return null;
        }
        var accumulator = new NpsAccumulator(scale);
        int missing = ReadScores(table, column!, 0, scale.Max, accumulator.Add);
        var result = accumulator.Result(shell.Level);
        return json => Write(json, "nps", column!, result.Count, result.Score, result.Interval, details =>
        {
            details.WriteNumber("promoters", result.Promoters);
            details.WriteNumber("passives", result.Passives);
            details.WriteNumber("detractors", result.Detractors);
            JsonOutput.WriteNumberOrNull(details, "standard_error", result.StandardError);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Csat(Shell shell, TableReader table)
    {
        var scale = shell.Library(() => CsatScale.TopBox(shell.Get(shell.Options.ScaleMin), shell.Get(shell.Options.ScaleMax), shell.Get(shell.Options.Threshold)));
        var column = shell.RequiredColumn(table);
        if (shell.Problems.Any)
        {
            return null;
        }
        var accumulator = new CsatAccumulator(scale);
        int missing = ReadScores(table, column!, scale.Min, scale.Max, accumulator.Add);
        var result = accumulator.Result(shell.Level);
        return json => Write(json, "csat", column!, result.Count, result.SatisfiedShare, result.Interval, details =>
        {
            details.WriteNumber("satisfied", result.Satisfied);
            details.WriteNumber("dissatisfied", result.Dissatisfied);
            JsonOutput.WriteNumberOrNull(details, "mean", result.Mean);
            JsonOutput.WriteNumberOrNull(details, "net", result.Net);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Ces(Shell shell, TableReader table)
    {
        var direction = shell.Get(shell.Options.Direction) == "lower-is-easier" ? EffortDirection.LowerIsEasier : EffortDirection.HigherIsEasier;
        var scale = shell.Library(() => CesScale.FromRange(shell.Get(shell.Options.ScaleMin), shell.Get(shell.Options.ScaleMax), direction, shell.Get(shell.Options.Threshold)));
        var column = shell.RequiredColumn(table);
        if (shell.Problems.Any)
        {
            return null;
        }
        var accumulator = new CesAccumulator(scale);
        int missing = ReadScores(table, column!, scale.Min, scale.Max, accumulator.Add);
        var result = accumulator.Result(shell.Level);
        return json => Write(json, "ces", column!, result.Count, result.Mean, null, details =>
        {
            JsonOutput.WriteNumberOrNull(details, "agree_share", result.AgreeShare);
            WriteInterval(details, "agree_interval", result.Interval);
            JsonOutput.WriteNumberOrNull(details, "net_index", result.NetIndex);
            details.WriteNumber("missing", missing);
        });
    }

    private static JsonBody? Fcr(Shell shell, TableReader table)
    {
        var column = shell.RequiredColumn(table);
        if (column is null)
        {
            return null;
        }
        int index = table.ColumnIndex(column);
        var accumulator = new ProportionAccumulator();
        int missing = 0;
        while (table.MoveNext())
        {
            missing += table.IsEmpty(index) ? 1 : 0;
            accumulator.Add(ReadFlag(table, index, required: false));
        }
        var result = accumulator.Result(shell.Level);
        return json => Write(json, "fcr", column, result.Count, result.Value, result.Interval, details =>
        {
            details.WriteNumber("resolved", result.Successes);
            details.WriteNumber("missing", missing);
        });
    }

    /// <summary>
    /// Streams rows, reading each given column's seconds (>= 0; -1 for a column not given, read as no values) into
    /// chunks of <see cref="Chunk"/> handed to <paramref name="flush"/>; with <paramref name="flagColumn"/> also a
    /// required flag per row. A row with a problem is left out (the output is discarded anyway).
    /// </summary>
    private static void ReadChunks(TableReader table, int[] columns, int flagColumn, Action<double[][], bool[], int> flush)
    {
        var seconds = columns.Select(c => c >= 0 ? new double[Chunk] : []).ToArray();
        var flags = new bool[flagColumn >= 0 ? Chunk : 0];
        int n = 0;
        while (table.MoveNext())
        {
            long before = table.ProblemCount;
            for (int i = 0; i < columns.Length; i++)
            {
                if (columns[i] >= 0)
                {
                    seconds[i][n] = table.ReadDouble(columns[i], min: 0);
                }
            }
            if (flagColumn >= 0)
            {
                flags[n] = ReadFlag(table, flagColumn, required: true) ?? false;
            }
            if (table.ProblemCount > before)
            {
                continue;
            }
            if (++n == Chunk)
            {
                flush(seconds, flags, n);
                n = 0;
            }
        }
        flush(seconds, flags, n);
    }

    private static JsonBody? Aht(Shell shell, TableReader table)
    {
        var talkColumn = shell.Get(shell.Options.TalkColumn);
        if (talkColumn is null)
        {
            var column = shell.RequiredColumn(table);
            if (column is null)
            {
                return null;
            }
            var handle = new DurationAccumulator();
            ReadChunks(table, [table.ColumnIndex(column)], -1, (seconds, _, n) => handle.Add(seconds[0].AsSpan(0, n)));
            var mean = handle.State;
            return json => Write(json, "aht", column, mean.Count, mean.MeanSeconds, null, details =>
                details.WriteNumber("total_seconds", mean.TotalSeconds));
        }
        var holdColumn = shell.Get(shell.Options.HoldColumn);
        var wrapColumn = shell.Get(shell.Options.WrapColumn);
        string[] columns = [talkColumn, .. holdColumn is null ? Array.Empty<string>() : [holdColumn], .. wrapColumn is null ? Array.Empty<string>() : [wrapColumn]];
        if (!shell.RequireColumns(table, columns))
        {
            return null;
        }
        int Index(string? name) => name is null ? -1 : table.ColumnIndex(name);
        var accumulator = new HandleTimeAccumulator();
        ReadChunks(table, [Index(talkColumn), Index(holdColumn), Index(wrapColumn)], -1, (seconds, _, n) =>
            accumulator.Add(seconds[0].AsSpan(0, n), holdColumn is null ? [] : seconds[1].AsSpan(0, n), wrapColumn is null ? [] : seconds[2].AsSpan(0, n)));
        var result = accumulator.Result();
        return json => Write(json, "aht", string.Join(",", columns), result.Count, result.AverageSeconds, null, details =>
        {
            JsonOutput.WriteNumberOrNull(details, "talk_seconds", result.AverageTalkSeconds);
            JsonOutput.WriteNumberOrNull(details, "hold_seconds", result.AverageHoldSeconds);
            JsonOutput.WriteNumberOrNull(details, "wrap_seconds", result.AverageWrapSeconds);
        });
    }

    private static JsonBody? Asa(Shell shell, TableReader table)
    {
        var column = shell.RequiredColumn(table);
        var answeredColumn = shell.Get(shell.Options.AnsweredColumn);
        if (answeredColumn is not null)
        {
            shell.RequireColumns(table, answeredColumn);
        }
        if (shell.Problems.Any)
        {
            return null;
        }
        // Without an answered column every row is an answered contact's wait.
        var accumulator = new QueueAccumulator(0);
        int flagColumn = answeredColumn is null ? -1 : table.ColumnIndex(answeredColumn);
        var allAnswered = flagColumn < 0 ? Enumerable.Repeat(true, Chunk).ToArray() : null;
        ReadChunks(table, [table.ColumnIndex(column!)], flagColumn, (seconds, flags, n) =>
            accumulator.Add(seconds[0].AsSpan(0, n), (allAnswered ?? flags).AsSpan(0, n)));
        var tally = accumulator.State;
        var asa = tally.AverageSpeedOfAnswer;
        return json => Write(json, "asa", column!, asa.Count, asa.MeanSeconds, null, details =>
        {
            details.WriteNumber("total_seconds", asa.TotalSeconds);
            details.WriteNumber("abandoned", tally.Counts.Abandoned);
            JsonOutput.WriteNumberOrNull(details, "average_abandon_seconds", tally.AverageAbandonTime.MeanSeconds);
        });
    }

    private static JsonBody? Queue(Shell shell, TableReader table, string metric)
    {
        var column = shell.RequiredColumn(table);
        var answeredColumn = shell.Get(shell.Options.AnsweredColumn);
        if (answeredColumn is null)
        {
            shell.Problems.Add(table.Source, null, null, $"--answered-column is required for --metric {metric}");
        }
        else
        {
            shell.RequireColumns(table, answeredColumn);
        }
        var accumulator = shell.Library(() => new QueueAccumulator(shell.Get(shell.Options.AnswerThreshold), shell.Get(shell.Options.ShortAbandon)));
        if (shell.Problems.Any)
        {
            return null;
        }
        ReadChunks(table, [table.ColumnIndex(column!)], table.ColumnIndex(answeredColumn!), (seconds, flags, n) =>
            accumulator.Add(seconds[0].AsSpan(0, n), flags.AsSpan(0, n)));
        var tally = accumulator.State;
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

    private static JsonBody? Percentile(Shell shell, TableReader table)
    {
        var column = shell.RequiredColumn(table);
        if (column is null)
        {
            return null;
        }
        // An exact percentile needs every value: one double a row (8 bytes), not the row's text.
        var values = new List<double>();
        ReadChunks(table, [table.ColumnIndex(column)], -1, (seconds, _, n) => values.AddRange(seconds[0].AsSpan(0, n)));
        double p = shell.Get(shell.Options.Percentile);
        var method = shell.Get(shell.Options.Method) == "nearest-rank" ? PercentileMethod.NearestRank : PercentileMethod.Linear;
        // --p is a percent (R's and the SLA tools' habit); the library takes the level as a fraction.
        double value = table.HasProblems ? double.NaN : CsMetrics.Metrics.Percentile.Compute(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values), p / 100, method);
        int count = values.Count;
        return json => Write(json, "percentile", column, count, value, null, details =>
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
