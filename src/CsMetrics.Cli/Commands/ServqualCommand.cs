using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Quality;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics servqual</c>: SERVQUAL gaps, weighted scores, SERVPERF, zone of tolerance and reliability from survey answers.</summary>
internal static class ServqualCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("servqual",
            "SERVQUAL analysis: one row per respondent with columns e1..eN (expectations) and p1..pN (perceptions), " +
            "optional a1..aN / d1..dN (adequate / desired levels for the zone of tolerance) and w1..wK (100-point importance " +
            "allocation per dimension). Empty cell = missing answer. Writes a JSON report: gaps per item and dimension, " +
            "unweighted and weighted overall gaps, SERVPERF, MSA/MSS, Cronbach's alpha per dimension, improvement priorities.\n" +
            "Example: csmetrics servqual -i docs/examples/data/quality/servqual.csv");
        var io = new CommandIo().AddTo(command);
        var instrument = new Option<string>("--instrument")
        {
            Description = "The built-in 22-item instrument: 'standard' (1991, positive wording) or '1988' (items 10-13 and 18-22 reverse-scored).",
            DefaultValueFactory = _ => "standard",
        };
        instrument.AcceptOnlyFromAmong("standard", "1988");
        var map = new Option<string?>("--map")
        {
            Description = "A custom instrument: dimension=items, e.g. \"Speed=1-3;Care=4,5\" (items numbered from 1). Overrides --instrument.",
        };
        var reverse = new Option<string?>("--reverse") { Description = "With --map: reverse-scored items, e.g. \"2,4-5\"." };
        var scaleMin = new Option<double?>("--scale-min") { Description = "The lowest answer (default 1); applies to the built-in instruments too (a 5-point version reverse-scores as 6 - x)." };
        var scaleMax = new Option<double?>("--scale-max") { Description = "The highest answer (default 7)." };
        command.Options.Add(instrument);
        command.Options.Add(map);
        command.Options.Add(reverse);
        command.Options.Add(scaleMin);
        command.Options.Add(scaleMax);

        command.SetAction(parse =>
        {
            var chosen = BuildInstrument(parse.GetValue(instrument)!, parse.GetValue(map), parse.GetValue(reverse), parse.GetValue(scaleMin), parse.GetValue(scaleMax));
            var problems = new InputProblems(); // a ragged row is reported with, not instead of, later rows' problems
            var table = io.ReadTable(parse, context, problems);
            var responses = ReadResponses(table, chosen, problems);
            var report = Servqual.Analyze(chosen, responses);
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json => WriteReport(json, report)));
            return CliApp.Success;
        });
        return command;
    }

    private static ServqualInstrument BuildInstrument(string name, string? map, string? reverse, double? min, double? max)
    {
        double low = min ?? 1, high = max ?? 7;
        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new InputException("--scale-max", $"the scale [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}] needs --scale-max above --scale-min");
        }
        if (map is null)
        {
            if (reverse is not null)
            {
                throw new InputException("--reverse", "only applies with --map (the built-in '1988' instrument already reverse-scores its items)");
            }
            var builtIn = name == "1988" ? ServqualInstrument.Standard1988 : ServqualInstrument.Standard;
            return min is null && max is null ? builtIn : builtIn.WithScale(low, high);
        }
        var dimensions = new List<string>();
        var itemDimension = new SortedDictionary<int, int>();
        foreach (var part in map.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0 || part[..eq].Trim().Length == 0)
            {
                throw new InputException("--map", $"'{part}' is not dimension=items (e.g. Speed=1-3)");
            }
            int dimension = dimensions.Count;
            dimensions.Add(part[..eq].Trim());
            foreach (int item in ParseItems(part[(eq + 1)..], "--map"))
            {
                if (!itemDimension.TryAdd(item, dimension))
                {
                    throw new InputException("--map", $"item {item} is listed in two dimensions ('{dimensions[itemDimension[item]]}' and '{dimensions[dimension]}')");
                }
            }
        }
        int count = itemDimension.Count == 0 ? 0 : itemDimension.Keys.Max();
        if (count == 0 || itemDimension.Count != count)
        {
            throw new InputException("--map", $"items must be numbered 1..N without gaps; found {string.Join(",", itemDimension.Keys)}");
        }
        var reversed = new bool[count];
        if (reverse is not null)
        {
            foreach (int item in ParseItems(reverse, "--reverse"))
            {
                if (item > count)
                {
                    throw new InputException("--reverse", $"item {item} is not in the instrument (1..{count})");
                }
                reversed[item - 1] = true;
            }
        }
        try
        {
            return new ServqualInstrument(dimensions, itemDimension.Values.ToArray(), reversed, low, high);
        }
        catch (ArgumentException ex)
        {
            throw new InputException("--map", QualityInput.Message(ex));
        }
    }

    private static IEnumerable<int> ParseItems(string text, string option)
    {
        foreach (var token in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = token.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2
                || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
                || !int.TryParse(range[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int to)
                || from < 1 || to < from)
            {
                throw new InputException(option, $"'{token}' is not an item number or range like 1-4");
            }
            for (int i = from; i <= to; i++)
            {
                yield return i;
            }
        }
    }

    /// <summary>
    /// Reads one response per row: columns e1..eN and p1..pN (required), a1..aN, d1..dN and w1..wK (each set all or none).
    /// Cells follow the missing-value policy (empty, NA or N/A); the library's rules (scale, allocation) are reported at
    /// their cells, and a column that does not belong to the instrument (e23 for 22 items) is an error.
    /// </summary>
    private static List<ServqualResponse> ReadResponses(InputTable table, ServqualInstrument instrument, InputProblems problems)
    {
        int fromReader = problems.Count; // the reader's row problems (ragged rows, bad text)
        int n = instrument.ItemCount;
        int k = instrument.Dimensions.Count;
        var present = new Dictionary<char, SortedSet<int>>();
        foreach (var column in table.Columns)
        {
            if (column.Length >= 2 && "epadwEPADW".Contains(column[0]) && int.TryParse(column.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                char prefix = char.ToLowerInvariant(column[0]);
                int limit = prefix == 'w' ? k : n;
                if (number < 1 || number > limit)
                {
                    problems.Add(table.Source, 1, column, prefix == 'w'
                        ? $"the instrument has {k} dimensions, so importance columns run w1..w{k}"
                        : $"the instrument has {n} items, so answer columns run {prefix}1..{prefix}{n}");
                    continue;
                }
                if (!present.TryGetValue(prefix, out var numbers))
                {
                    present[prefix] = numbers = [];
                }
                numbers.Add(number);
            }
        }
        table.RequireColumns(problems, Enumerable.Range(1, n).SelectMany(i => new[] { $"e{i}", $"p{i}" }).ToArray());
        foreach (var (prefix, what, count) in new[] { ('a', "adequate levels", n), ('d', "desired levels", n), ('w', "importance points", k) })
        {
            if (present.TryGetValue(prefix, out var numbers) && numbers.Count < count)
            {
                var missing = Enumerable.Range(1, count).Where(i => !numbers.Contains(i)).Select(i => $"{prefix}{i}");
                problems.Add(table.Source, 1, null, $"the {what} need all of {prefix}1..{prefix}{count} (or none); missing: {string.Join(",", missing)}");
            }
        }
        if (table.RowCount == 0)
        {
            problems.Add(table.Source, null, null, "no respondents: at least one data row is required");
        }
        problems.ThrowIfMoreThan(fromReader);

        bool zone = present.ContainsKey('a'), desired = present.ContainsKey('d'), weights = present.ContainsKey('w');
        var responses = new List<ServqualResponse>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            double[] Read(char prefix, int count) => Enumerable.Range(1, count)
                .Select(i => QualityInput.ReadNumber(table, r, $"{prefix}{i}", problems, "a number (empty, NA or N/A: a missing answer)"))
                .ToArray();
            var points = weights ? Read('w', k) : null;
            responses.Add(new ServqualResponse(Read('e', n), Read('p', n))
            {
                Adequate = zone ? Read('a', n) : null,
                Desired = desired ? Read('d', n) : null,
                ImportancePoints = points is null || points.All(double.IsNaN) ? null : points, // no points at all: not asked
            });
        }
        problems.ThrowIfMoreThan(fromReader);
        foreach (var error in Servqual.Validate(instrument, responses))
        {
            char prefix = error.Field == nameof(ServqualResponse.ImportancePoints) ? 'w' : char.ToLowerInvariant(error.Field[0]);
            string column = error.Column >= 0 ? $"{prefix}{error.Column + 1}" : prefix == 'w' ? $"w1..w{k}" : $"{prefix}1..{prefix}{n}";
            problems.Add(table.Source, error.Row >= 0 ? table.RowNumber(error.Row) : null, column, error.Message);
        }
        problems.ThrowIfAny();
        return responses;
    }

    private static void WriteReport(Utf8JsonWriter json, ServqualReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("respondents", report.Respondents);
        json.WriteNumber("missing_answers", report.MissingAnswers);
        JsonOutput.WriteNumberOrNull(json, "unweighted_gap", report.UnweightedGap);
        JsonOutput.WriteNumberOrNull(json, "weighted_gap_respondent_weights", report.WeightedGapRespondentWeights);
        JsonOutput.WriteNumberOrNull(json, "weighted_gap_sample_mean_weights", report.WeightedGapSampleMeanWeights);
        JsonOutput.WriteNumberOrNull(json, "servperf", report.Servperf);
        JsonOutput.WriteNumberOrNull(json, "weighted_servperf", report.WeightedServperf);
        json.WriteStartArray("dimensions");
        foreach (var d in report.Dimensions)
        {
            json.WriteStartObject();
            json.WriteString("name", d.Name);
            JsonOutput.WriteNumberOrNull(json, "expectation", d.Expectation);
            JsonOutput.WriteNumberOrNull(json, "perception", d.Perception);
            JsonOutput.WriteNumberOrNull(json, "gap", d.Gap);
            JsonOutput.WriteNumberOrNull(json, "importance", d.Importance);
            JsonOutput.WriteNumberOrNull(json, "adequate", d.Adequate);
            JsonOutput.WriteNumberOrNull(json, "desired", d.Desired);
            JsonOutput.WriteNumberOrNull(json, "msa", d.Adequacy);
            JsonOutput.WriteNumberOrNull(json, "mss", d.Superiority);
            json.WriteString("zone", d.Zone == ZonePosition.NotMeasured ? "not_measured" : d.Zone.ToString().ToLowerInvariant());
            JsonOutput.WriteNumberOrNull(json, "alpha", d.Reliability?.Alpha ?? double.NaN);
            var (lower, upper) = d.Reliability?.FeldtInterval(0.95) ?? (double.NaN, double.NaN);
            JsonOutput.WriteNumberOrNull(json, "alpha_lower95", lower);
            JsonOutput.WriteNumberOrNull(json, "alpha_upper95", upper);
            json.WriteStartArray("alpha_if_item_deleted");
            foreach (double a in d.Reliability?.AlphaIfItemDeleted ?? [])
            {
                JsonOutput.WriteNumberOrNull(json, a);
            }
            json.WriteEndArray();
            JsonOutput.WriteNumberOrNull(json, "alpha_perceptions", d.PerceptionReliability?.Alpha ?? double.NaN);
            json.WriteNumber("respondents", d.Respondents);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("items");
        foreach (var item in report.Items)
        {
            json.WriteStartObject();
            json.WriteNumber("item", item.Item + 1);
            json.WriteString("dimension", item.Dimension);
            JsonOutput.WriteNumberOrNull(json, "expectation", item.Expectation);
            JsonOutput.WriteNumberOrNull(json, "perception", item.Perception);
            JsonOutput.WriteNumberOrNull(json, "gap", item.Gap);
            json.WriteNumber("answered", item.Answered);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("priorities");
        foreach (var p in report.Priorities)
        {
            json.WriteStartObject();
            json.WriteNumber("item", p.Item + 1);
            json.WriteString("dimension", p.Dimension);
            JsonOutput.WriteNumberOrNull(json, "gap", p.Gap);
            JsonOutput.WriteNumberOrNull(json, "weight", p.Weight);
            JsonOutput.WriteNumberOrNull(json, "weighted_gap", p.WeightedGap);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
