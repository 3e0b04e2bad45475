using System.CommandLine;
using System.Globalization;
using CsMetrics.Data;
using CsMetrics.Metrics;

namespace CsMetrics.Cli.Commands;

/// <summary>
/// <c>csmetrics report</c>: the ACD interval report from contact records, streamed through
/// <see cref="ContactAggregator"/> (memory bounded by the number of groups, not rows).
/// </summary>
internal static class ReportCommand
{
    private static readonly string[] KeyColumns = ["queue", "channel", "agent"];

    private static readonly Dictionary<string, TimeBucket> Buckets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["interval"] = TimeBucket.Interval,
        ["day"] = TimeBucket.Day,
        ["week"] = TimeBucket.Week,
        ["month"] = TimeBucket.Month,
    };

    public static Command Create(CliContext context)
    {
        var by = new Option<string?>("--by") { Description = "Group by: any of queue, channel, agent, plus one of interval, day, week, month (default queue,interval; queue only when the column exists)." };
        var intervalMinutes = new Option<int>("--interval-minutes") { Description = "Interval length in minutes for --by interval; it must divide a day.", DefaultValueFactory = _ => 30 };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone of the buckets (and of arrivals written without an offset), e.g. Europe/London. Default UTC." };
        var threshold = new Option<double>("--answer-threshold") { Description = "Service-level threshold T in seconds (a wait equal to T is within it).", DefaultValueFactory = _ => 20 };
        var policy = new Option<string>("--abandon-policy") { Description = "How abandons count in the service level: missed (default), ignored, met-within, excluded-within.", DefaultValueFactory = _ => "missed" };
        policy.AcceptOnlyFromAmong([.. MetricsCommand.Policies.Keys]);
        var shortAbandon = new Option<double>("--short-abandon") { Description = "Short-abandon threshold in seconds (abandons at or below it are short), at most --answer-threshold.", DefaultValueFactory = _ => 0 };
        var shortAbandons = new Option<string>("--short-abandons") { Description = "How short abandons count: counted (default), excluded (also from abandon_rate), met.", DefaultValueFactory = _ => "counted" };
        shortAbandons.AcceptOnlyFromAmong([.. MetricsCommand.ShortTreatments.Keys]);
        var format = new Option<string>("--format", "-f") { Description = "csv, json or parquet: the format of the input and of the output (parquet output needs --output).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "parquet");

        var command = new Command("report",
            "The interval report from contact records: offered, answered, abandoned, service level, ASA, AHT and survey scores per group and time bucket, DST-correct.\n" +
            "Input columns: arrival (ISO 8601, with an offset or local in --time-zone), outcome (answered/abandoned), wait_s, and optional\n" +
            "queue, channel, agent, talk_s, hold_s, wrap_s, csat (1-5), nps (0-10), resolved (0/1).\n" +
            "Output: the key columns, interval_start, offered, answered, abandoned, short_abandoned, answered_within, service_level,\n" +
            "abandon_rate, asa_s, aht_s, talk_s, hold_s, wrap_s (and csat, nps, fcr when those columns exist); every bucket of the calendar.\n" +
            "See docs/data.md. Example: csmetrics report --input contacts.csv --by queue,interval --time-zone Europe/London --output report.csv");
        var io = new CommandIo().AddTo(command, withFormat: false);
        io.TableInput.AddTo(command);
        foreach (var option in new Option[] { by, intervalMinutes, timeZone, threshold, policy, shortAbandon, shortAbandons, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var tableFormat = parse.GetValue(format) switch { "json" => TableFormat.Json, "parquet" => TableFormat.Parquet, _ => TableFormat.Csv };
            if (tableFormat == TableFormat.Parquet && parse.GetValue(io.Output) is null)
            {
                throw new InputException("--format", "parquet output is binary: give --output FILE");
            }
            TimeZoneInfo zone = TimeZoneInfo.Utc;
            TimeZoneInfo? localZone = null; // arrivals without an offset need an explicit --time-zone
            if (parse.GetValue(timeZone) is string zoneId)
            {
                try
                {
                    zone = localZone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    throw new InputException("--time-zone", $"'{zoneId}' is not an IANA time zone on this machine (e.g. Europe/London, America/New_York)");
                }
            }
            double answerThreshold = parse.GetValue(threshold);
            double shortSeconds = parse.GetValue(shortAbandon);
            if (!(answerThreshold >= 0) || !(shortSeconds >= 0) || shortSeconds > answerThreshold)
            {
                throw new InputException("--short-abandon", $"must be in [0, --answer-threshold] (got {shortSeconds.ToString(CultureInfo.InvariantCulture)} and {answerThreshold.ToString(CultureInfo.InvariantCulture)})");
            }

            using var table = OpenOrThrow(() => io.OpenTable(parse, context, tableFormat));
            var (keys, bucket) = ParseBy(parse.GetValue(by), table);
            ContactAggregator aggregator;
            try
            {
                aggregator = new ContactAggregator(new ContactAggregatorOptions
                {
                    Keys = keys,
                    Bucket = bucket,
                    IntervalMinutes = parse.GetValue(intervalMinutes),
                    TimeZone = zone,
                    AnswerThresholdSeconds = answerThreshold,
                    ShortAbandonSeconds = shortSeconds,
                    AbandonPolicy = MetricsCommand.Policies[parse.GetValue(policy)!],
                    ShortAbandons = MetricsCommand.ShortTreatments[parse.GetValue(shortAbandons)!],
                });
            }
            catch (ArgumentException ex)
            {
                throw InputException.FromArgument(ex.ParamName == "IntervalMinutes" ? "--interval-minutes" : "report", ex);
            }
            var columns = new RecordColumns(table, keys);
            try
            {
                while (table.MoveNext())
                {
                    if (columns.Read(table, localZone, out var record))
                    {
                        aggregator.Add(record, columns.Key(table, 0), columns.Key(table, 1), columns.Key(table, 2));
                    }
                }
                table.ThrowIfProblems();
            }
            catch (TableFormatException ex)
            {
                throw InputException.FromTable(ex);
            }
            if (aggregator.ContactCount == 0)
            {
                throw new InputException(table.Source, "no contact records: the table has a header but no rows");
            }
            Write(parse, context, io, tableFormat, aggregator, keys, bucket != TimeBucket.None, columns);
            return CliApp.Success;
        });
        return command;
    }

    private static TableReader OpenOrThrow(Func<TableReader> open)
    {
        try
        {
            return open();
        }
        catch (TableFormatException ex)
        {
            throw InputException.FromTable(ex);
        }
    }

    /// <summary>The key columns and the time bucket <c>--by</c> asks for; a key the table lacks is an error.</summary>
    private static (string[] Keys, TimeBucket Bucket) ParseBy(string? by, TableReader table)
    {
        if (by is null)
        {
            return (table.HasColumn("queue") ? ["queue"] : [], TimeBucket.Interval);
        }
        var keys = new List<string>();
        TimeBucket? bucket = null;
        var problems = new InputProblems();
        foreach (var part in by.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Buckets.TryGetValue(part, out var b))
            {
                if (bucket is not null)
                {
                    problems.Add("--by", null, null, $"one time bucket at most; got {bucket.ToString()!.ToLowerInvariant()} and {part}");
                }
                bucket = b;
            }
            else if (KeyColumns.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                var key = part.ToLowerInvariant();
                if (keys.Contains(key))
                {
                    problems.Add("--by", null, null, $"'{part}' is given twice");
                }
                else if (!table.HasColumn(key))
                {
                    problems.Add(table.Source, 1, key, $"--by {key} needs a '{key}' column (columns found: {string.Join(",", table.Columns)})");
                }
                keys.Add(key);
            }
            else
            {
                problems.Add("--by", null, null, $"'{part}' is not queue, channel, agent, interval, day, week or month");
            }
        }
        problems.ThrowIfAny();
        return ([.. keys], bucket ?? TimeBucket.None);
    }

    /// <summary>The record columns, looked up once, and the reading of one row into a <see cref="ContactRecord"/>.</summary>
    private sealed class RecordColumns
    {
        private readonly int _arrival, _outcome, _wait, _talk, _hold, _wrap, _csat, _nps, _resolved;
        private readonly int[] _keys;

        public RecordColumns(TableReader table, string[] keys)
        {
            var problems = new InputProblems();
            foreach (var required in new[] { "arrival", "outcome", "wait_s" })
            {
                if (!table.HasColumn(required))
                {
                    problems.Add(table.Source, 1, required, $"required column is missing (columns found: {string.Join(",", table.Columns)})");
                }
            }
            problems.ThrowIfAny();
            _arrival = table.ColumnIndex("arrival");
            _outcome = table.ColumnIndex("outcome");
            _wait = table.ColumnIndex("wait_s");
            _talk = table.ColumnIndex("talk_s");
            _hold = table.ColumnIndex("hold_s");
            _wrap = table.ColumnIndex("wrap_s");
            _csat = table.ColumnIndex("csat");
            _nps = table.ColumnIndex("nps");
            _resolved = table.ColumnIndex("resolved");
            _keys = keys.Select(table.ColumnIndex).ToArray();
            HasCsat = table.HasColumn("csat");
            HasNps = table.HasColumn("nps");
            HasFcr = table.HasColumn("resolved");
        }

        public bool HasCsat { get; }
        public bool HasNps { get; }
        public bool HasFcr { get; }

        public ReadOnlySpan<char> Key(TableReader table, int i) => i < _keys.Length ? table.GetText(_keys[i]) : default;

        public bool Read(TableReader table, TimeZoneInfo? zone, out ContactRecord record)
        {
            long before = table.ProblemCount;
            var arrival = table.ReadTimestamp(_arrival, zone);
            var outcomeText = table.GetText(_outcome);
            ContactOutcome outcome = ContactOutcome.Answered;
            if (outcomeText.Equals("answered", StringComparison.OrdinalIgnoreCase))
            {
                outcome = ContactOutcome.Answered;
            }
            else if (outcomeText.Equals("abandoned", StringComparison.OrdinalIgnoreCase))
            {
                outcome = ContactOutcome.Abandoned;
            }
            else
            {
                table.AddProblem(_outcome, outcomeText.IsEmpty ? "a value is required (answered or abandoned)" : $"'{outcomeText}' is not answered or abandoned");
            }
            double wait = table.ReadDouble(_wait, min: 0, max: 1e9);
            double? talk = table.ReadOptionalDouble(_talk, min: 0, max: 1e9);
            double? hold = table.ReadOptionalDouble(_hold, min: 0, max: 1e9);
            double? wrap = table.ReadOptionalDouble(_wrap, min: 0, max: 1e9);
            byte? csat = Score(table, _csat, 1, 5);
            byte? nps = Score(table, _nps, 0, 10);
            bool? resolved = table.ReadOptionalBoolean(_resolved);
            if (outcome == ContactOutcome.Abandoned && (talk > 0 || hold > 0 || wrap > 0))
            {
                table.AddProblem(_talk >= 0 && talk > 0 ? _talk : _hold >= 0 && hold > 0 ? _hold : _wrap, "an abandoned contact has no handle time");
            }
            record = new ContactRecord
            {
                Arrival = arrival ?? default,
                Outcome = outcome,
                WaitSeconds = wait,
                TalkSeconds = outcome == ContactOutcome.Answered ? talk : null,
                HoldSeconds = hold,
                WrapSeconds = wrap,
                Csat = csat,
                Nps = nps,
                Resolved = resolved,
            };
            return table.ProblemCount == before;
        }

        private static byte? Score(TableReader table, int column, int min, int max)
        {
            if (table.ReadOptionalDouble(column, min, max) is not double value || double.IsNaN(value))
            {
                return null;
            }
            if (value != Math.Floor(value))
            {
                table.AddProblem(column, $"{value.ToString(CultureInfo.InvariantCulture)} is not a whole score on the {min}-{max} scale");
                return null;
            }
            return (byte)value;
        }
    }

    private static void Write(ParseResult parse, CliContext context, CommandIo io, TableFormat format, ContactAggregator aggregator,
        string[] keys, bool timed, RecordColumns columns)
    {
        var outputColumns = new List<TableColumn>(keys.Select(TableColumn.Text));
        if (timed)
        {
            outputColumns.Add(TableColumn.Text("interval_start"));
        }
        outputColumns.AddRange(new[] { "offered", "answered", "abandoned", "short_abandoned", "answered_within" }.Select(TableColumn.Integer));
        outputColumns.AddRange(new[] { "service_level", "abandon_rate", "asa_s", "aht_s", "talk_s", "hold_s", "wrap_s" }.Select(TableColumn.Number));
        foreach (var (has, name) in new[] { (columns.HasCsat, "csat"), (columns.HasNps, "nps"), (columns.HasFcr, "fcr") })
        {
            if (has)
            {
                outputColumns.AddRange([TableColumn.Number(name), TableColumn.Number($"{name}_lower"), TableColumn.Number($"{name}_upper"), TableColumn.Integer($"{name}_responses")]);
            }
        }
        var results = aggregator.Results();
        void WriteRows(CsMetrics.Data.TableWriter writer)
        {
            Span<char> time = stackalloc char[32];
            foreach (var r in results)
            {
                foreach (var key in r.Keys)
                {
                    writer.Write(key);
                }
                if (timed)
                {
                    r.BucketStart!.Value.TryFormat(time, out int n, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                    writer.Write(time[..n]);
                }
                writer.Write(r.Offered);
                writer.Write(r.Counts.Answered);
                writer.Write(r.Counts.Abandoned);
                writer.Write(r.Counts.ShortAbandons);
                writer.Write(r.Counts.AnsweredWithinThreshold);
                writer.Write(r.ServiceLevel.Value);
                writer.Write(r.AbandonmentRate.Value);
                writer.Write(r.AverageSpeedOfAnswer.MeanSeconds);
                writer.Write(r.HandleTime.AverageSeconds);
                writer.Write(r.HandleTime.AverageTalkSeconds);
                writer.Write(r.HandleTime.AverageHoldSeconds);
                writer.Write(r.HandleTime.AverageWrapSeconds);
                if (columns.HasCsat)
                {
                    Survey(writer, r.Csat.SatisfiedShare, r.Csat.Interval, r.Csat.Count);
                }
                if (columns.HasNps)
                {
                    Survey(writer, r.Nps.Score, r.Nps.Interval, r.Nps.Count);
                }
                if (columns.HasFcr)
                {
                    Survey(writer, r.FirstContactResolution.Value, r.FirstContactResolution.Interval, r.FirstContactResolution.Count);
                }
                writer.EndRow();
            }
            writer.Complete();
        }
        if (format == TableFormat.Parquet)
        {
            var file = parse.GetValue(io.Output)!;
            AtomicFile.WriteFile(file.FullName, file.ToString(), temporary =>
            {
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
                WriteRows(CsMetrics.Data.TableWriter.Create(stream, TableFormat.Parquet, outputColumns));
            });
            return;
        }
        io.WriteOutput(parse, context, output => WriteRows(format == TableFormat.Json
            ? CsMetrics.Data.TableWriter.CreateJson(output, outputColumns)
            : CsMetrics.Data.TableWriter.CreateCsv(output, outputColumns)));
    }

    private static void Survey(CsMetrics.Data.TableWriter writer, double value, ConfidenceInterval interval, long count)
    {
        writer.Write(value);
        writer.Write(count == 0 ? double.NaN : interval.Lower);
        writer.Write(count == 0 ? double.NaN : interval.Upper);
        writer.Write(count);
    }
}
