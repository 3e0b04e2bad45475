using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Quality;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics agreement</c>: calibration statistics for evaluators who scored the same units.</summary>
internal static class AgreementCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("agreement",
            "Inter-rater agreement for calibration: one row per unit (interaction, evaluation or item) and one column per rater " +
            "(an optional id column is ignored; empty or NA = missing). Writes JSON: Krippendorff's alpha at the four levels " +
            "(missing values allowed), Fleiss' kappa, Cohen's kappa per rater pair (unweighted, linear, quadratic, with standard " +
            "errors), the six Shrout-Fleiss ICCs (complete rows), and with --expert each rater's deviation from the expert.\n" +
            "Example: csmetrics agreement -i docs/examples/data/quality/calibration.csv --expert expert --tolerance 5");
        var io = new CommandIo().AddTo(command);
        var id = new Option<string>("--id-column") { Description = "The column that names units (not a rater).", DefaultValueFactory = _ => "unit" };
        var expert = new Option<string?>("--expert") { Description = "The rater column that is the expert baseline." };
        var tolerance = new Option<double>("--tolerance") { Description = "With --expert: the accepted absolute deviation, in the scores' unit.", DefaultValueFactory = _ => 5 };
        command.Options.Add(id);
        command.Options.Add(expert);
        command.Options.Add(tolerance);

        command.SetAction(parse =>
        {
            double tol = parse.GetValue(tolerance);
            if (!(tol >= 0 && double.IsFinite(tol)))
            {
                throw new InputException("--tolerance", $"must be a number >= 0; got {tol.ToString(CultureInfo.InvariantCulture)}");
            }
            var problems = new InputProblems();
            var table = io.ReadTable(parse, context, problems);
            string idColumn = parse.GetValue(id)!;
            var raters = table.Columns.Where(c => !string.Equals(c, idColumn, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (raters.Length < 2)
            {
                problems.Add(table.Source, 1, null, $"at least two rater columns are required (columns found: {string.Join(",", table.Columns)})");
            }
            if (table.RowCount < 2)
            {
                problems.Add(table.Source, null, null, "at least two units (rows) are required");
            }
            string? expertColumn = parse.GetValue(expert);
            if (expertColumn is not null && !raters.Contains(expertColumn, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(table.Source, 1, expertColumn, $"--expert names a column that is not in the input (raters: {string.Join(",", raters)})");
            }
            problems.ThrowIfAny();

            int units = table.RowCount;
            var data = new double[raters.Length * units]; // raters × units
            for (int u = 0; u < units; u++)
            {
                for (int r = 0; r < raters.Length; r++)
                {
                    string? text = table.GetText(u, raters[r]);
                    data[r * units + u] = text is null || text.Equals("NA", StringComparison.OrdinalIgnoreCase)
                        ? double.NaN
                        : table.ReadOptionalDouble(u, raters[r], problems) ?? double.NaN;
                }
            }
            problems.ThrowIfAny();

            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("units", units);
                json.WriteNumber("raters", raters.Length);
                WriteKrippendorff(json, data, raters.Length);
                var complete = Enumerable.Range(0, units).Where(u => Enumerable.Range(0, raters.Length).All(r => !double.IsNaN(data[r * units + u]))).ToArray();
                json.WriteNumber("complete_units", complete.Length);
                WriteFleiss(json, data, raters.Length, units, complete);
                WriteCohen(json, data, raters, units);
                WriteIcc(json, data, raters.Length, units, complete);
                if (expertColumn is not null)
                {
                    int e = Array.FindIndex(raters, r => string.Equals(r, expertColumn, StringComparison.OrdinalIgnoreCase));
                    json.WriteStartArray("deviation_from_expert");
                    for (int r = 0; r < raters.Length; r++)
                    {
                        if (r == e)
                        {
                            continue;
                        }
                        var d = Calibration.DeviationFromExpert(data.AsSpan(e * units, units), data.AsSpan(r * units, units), tol);
                        json.WriteStartObject();
                        json.WriteString("rater", raters[r]);
                        json.WriteNumber("evaluations", d.Evaluations);
                        JsonOutput.WriteNumberOrNull(json, "mean_deviation", d.MeanDeviation);
                        JsonOutput.WriteNumberOrNull(json, "mean_absolute_deviation", d.MeanAbsoluteDeviation);
                        JsonOutput.WriteNumberOrNull(json, "rms_deviation", d.RootMeanSquareDeviation);
                        JsonOutput.WriteNumberOrNull(json, "max_absolute_deviation", d.MaximumAbsoluteDeviation);
                        JsonOutput.WriteNumberOrNull(json, "within_tolerance", d.WithinTolerance);
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

    private static void WriteKrippendorff(Utf8JsonWriter json, double[] data, int raters)
    {
        bool nonNegative = data.All(x => double.IsNaN(x) || x >= 0);
        json.WriteStartObject("krippendorff_alpha");
        foreach (var level in Enum.GetValues<MeasurementLevel>())
        {
            string name = level.ToString().ToLowerInvariant();
            if (level == MeasurementLevel.Ratio && !nonNegative)
            {
                json.WriteNull(name); // the ratio level needs values >= 0
                continue;
            }
            JsonOutput.WriteNumberOrNull(json, name, KrippendorffAlpha.Compute(data, raters, level).Alpha);
        }
        json.WriteEndObject();
    }

    /// <summary>Codes the distinct values in ascending order as categories 0..k-1 (so kappa weights follow the value order).</summary>
    private static Dictionary<double, int> Categories(IEnumerable<double> values) =>
        values.Where(x => !double.IsNaN(x)).Distinct().Order().Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);

    private static void WriteFleiss(Utf8JsonWriter json, double[] data, int raters, int units, int[] complete)
    {
        if (complete.Length == 0)
        {
            json.WriteNull("fleiss_kappa");
            return;
        }
        var categories = Categories(complete.SelectMany(u => Enumerable.Range(0, raters).Select(r => data[r * units + u])));
        var counts = new int[complete.Length, categories.Count];
        for (int i = 0; i < complete.Length; i++)
        {
            for (int r = 0; r < raters; r++)
            {
                counts[i, categories[data[r * units + complete[i]]]]++;
            }
        }
        var result = FleissKappa.FromCounts(counts);
        json.WriteStartObject("fleiss_kappa");
        JsonOutput.WriteNumberOrNull(json, "kappa", result.Kappa);
        JsonOutput.WriteNumberOrNull(json, "null_standard_error", result.NullStandardError);
        JsonOutput.WriteNumberOrNull(json, "observed_agreement", result.ObservedAgreement);
        JsonOutput.WriteNumberOrNull(json, "expected_agreement", result.ExpectedAgreement);
        json.WriteNumber("subjects", result.Subjects);
        json.WriteEndObject();
    }

    private static void WriteCohen(Utf8JsonWriter json, double[] data, string[] raters, int units)
    {
        json.WriteStartArray("cohen_kappa");
        for (int a = 0; a < raters.Length; a++)
        {
            for (int b = a + 1; b < raters.Length; b++)
            {
                var pairs = Enumerable.Range(0, units)
                    .Select(u => (X: data[a * units + u], Y: data[b * units + u]))
                    .Where(p => !double.IsNaN(p.X) && !double.IsNaN(p.Y))
                    .ToArray();
                json.WriteStartObject();
                json.WriteString("rater1", raters[a]);
                json.WriteString("rater2", raters[b]);
                json.WriteNumber("units", pairs.Length);
                if (pairs.Length > 0)
                {
                    var categories = Categories(pairs.SelectMany(p => new[] { p.X, p.Y }));
                    var x = pairs.Select(p => categories[p.X]).ToArray();
                    var y = pairs.Select(p => categories[p.Y]).ToArray();
                    foreach (var weighting in Enum.GetValues<KappaWeighting>())
                    {
                        var k = CohenKappa.FromRatings(x, y, categories.Count, weighting);
                        json.WriteStartObject(weighting.ToString().ToLowerInvariant());
                        JsonOutput.WriteNumberOrNull(json, "kappa", k.Kappa);
                        JsonOutput.WriteNumberOrNull(json, "standard_error", k.StandardError);
                        JsonOutput.WriteNumberOrNull(json, "z", k.Z);
                        json.WriteEndObject();
                    }
                }
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }

    private static void WriteIcc(Utf8JsonWriter json, double[] data, int raters, int units, int[] complete)
    {
        if (complete.Length < 2)
        {
            json.WriteNull("icc");
            return;
        }
        var table = new double[complete.Length * raters]; // subjects × raters
        for (int i = 0; i < complete.Length; i++)
        {
            for (int r = 0; r < raters; r++)
            {
                table[i * raters + r] = data[r * units + complete[i]];
            }
        }
        var icc = IntraclassCorrelation.Compute(table, raters);
        json.WriteStartObject("icc");
        JsonOutput.WriteNumberOrNull(json, "icc1", icc.Icc1);
        JsonOutput.WriteNumberOrNull(json, "icc2", icc.Icc2);
        JsonOutput.WriteNumberOrNull(json, "icc3", icc.Icc3);
        JsonOutput.WriteNumberOrNull(json, "icc1k", icc.Icc1k);
        JsonOutput.WriteNumberOrNull(json, "icc2k", icc.Icc2k);
        JsonOutput.WriteNumberOrNull(json, "icc3k", icc.Icc3k);
        json.WriteNumber("subjects", icc.Subjects);
        json.WriteEndObject();
    }
}
