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
        var scaleMin = new Option<double>("--scale-min") { Description = "With --map: the lowest answer.", DefaultValueFactory = _ => 1 };
        var scaleMax = new Option<double>("--scale-max") { Description = "With --map: the highest answer.", DefaultValueFactory = _ => 7 };
        command.Options.Add(instrument);
        command.Options.Add(map);
        command.Options.Add(reverse);
        command.Options.Add(scaleMin);
        command.Options.Add(scaleMax);

        command.SetAction(parse =>
        {
            var chosen = BuildInstrument(parse.GetValue(instrument)!, parse.GetValue(map), parse.GetValue(reverse), parse.GetValue(scaleMin), parse.GetValue(scaleMax));
            var table = io.ReadTable(parse, context);
            var responses = ReadResponses(table, chosen);
            var report = Servqual.Analyze(chosen, responses);
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json => WriteReport(json, report)));
            return CliApp.Success;
        });
        return command;
    }

    private static ServqualInstrument BuildInstrument(string name, string? map, string? reverse, double min, double max)
    {
        if (map is null)
        {
            if (reverse is not null)
            {
                throw new InputException("--reverse", "only applies with --map (the built-in '1988' instrument already reverse-scores its items)");
            }
            return name == "1988" ? ServqualInstrument.Standard1988 : ServqualInstrument.Standard;
        }
        var dimensions = new List<string>();
        var itemDimension = new SortedDictionary<int, int>();
        foreach (var part in map.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0)
            {
                throw new InputException("--map", $"'{part}' is not dimension=items (e.g. Speed=1-3)");
            }
            int dimension = dimensions.Count;
            dimensions.Add(part[..eq].Trim());
            foreach (int item in ParseItems(part[(eq + 1)..], "--map"))
            {
                if (!itemDimension.TryAdd(item, dimension))
                {
                    throw new InputException("--map", $"item {item} is listed in two dimensions");
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
        if (!(max > min))
        {
            throw new InputException("--scale-max", $"must be above --scale-min ({min})");
        }
        try
        {
            return new ServqualInstrument(dimensions, itemDimension.Values.ToArray(), reversed, min, max);
        }
        catch (ArgumentException ex)
        {
            throw new InputException("--map", ex.Message);
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

    private static List<ServqualResponse> ReadResponses(InputTable table, ServqualInstrument instrument)
    {
        var problems = new InputProblems();
        int n = instrument.ItemCount;
        int k = instrument.Dimensions.Count;
        var required = Enumerable.Range(1, n).SelectMany(i => new[] { $"e{i}", $"p{i}" }).ToArray();
        if (!table.RequireColumns(problems, required))
        {
            problems.ThrowIfAny();
        }
        bool zone = table.HasColumn("a1");
        bool desired = table.HasColumn("d1");
        bool weights = table.HasColumn("w1");
        if (zone)
        {
            table.RequireColumns(problems, Enumerable.Range(1, n).Select(i => $"a{i}").ToArray());
        }
        if (desired)
        {
            table.RequireColumns(problems, Enumerable.Range(1, n).Select(i => $"d{i}").ToArray());
        }
        if (weights)
        {
            table.RequireColumns(problems, Enumerable.Range(1, k).Select(d => $"w{d}").ToArray());
        }
        problems.ThrowIfAny();

        var responses = new List<ServqualResponse>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            double[] Read(string prefix) => Enumerable.Range(1, n)
                .Select(i => table.ReadOptionalDouble(r, $"{prefix}{i}", problems, instrument.ScaleMinimum, instrument.ScaleMaximum) ?? double.NaN)
                .ToArray();
            var response = new ServqualResponse(Read("e"), Read("p"))
            {
                Adequate = zone ? Read("a") : null,
                Desired = desired ? Read("d") : null,
                ImportancePoints = weights ? ReadWeights(table, r, k, problems) : null,
            };
            responses.Add(response);
        }
        if (table.RowCount == 0)
        {
            problems.Add(table.Source, null, null, "no respondents: at least one data row is required");
        }
        problems.ThrowIfAny();
        return responses;
    }

    private static double[]? ReadWeights(InputTable table, int r, int k, InputProblems problems)
    {
        var points = Enumerable.Range(1, k).Select(d => table.ReadOptionalDouble(r, $"w{d}", problems, 0, 100)).ToArray();
        if (points.All(p => p is null))
        {
            return null;
        }
        if (points.Any(p => p is null))
        {
            problems.Add(table.Source, table.RowNumber(r), "w1", $"the importance allocation needs all of w1..w{k} (or none)");
            return null;
        }
        double sum = points.Sum(p => p!.Value);
        if (Math.Abs(sum - 100) > 1e-6)
        {
            problems.Add(table.Source, table.RowNumber(r), "w1", string.Create(CultureInfo.InvariantCulture, $"w1..w{k} sum to {sum}; the importance allocation must total 100 points"));
            return null;
        }
        return points.Select(p => p!.Value).ToArray();
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
