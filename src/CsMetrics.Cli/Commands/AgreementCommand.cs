using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsMetrics.Quality;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics agreement</c>: calibration statistics for evaluators who rated the same units.</summary>
internal static class AgreementCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("agreement",
            "Inter-rater agreement for calibration: one row per unit (interaction, evaluation or item) and one column per rater " +
            "(an id column, 'unit' by default, is not a rater; empty, NA or N/A = missing). Ratings are numbers or text category " +
            "labels (give their order with --categories for the ordinal statistics). Writes JSON: Krippendorff's alpha at every " +
            "level the ratings support, Fleiss' kappa, Cohen's kappa per rater pair (unweighted, linear, quadratic, with standard " +
            "errors), the six Shrout-Fleiss ICCs and Cronbach's alpha (complete rows), and with --expert each rater's deviation " +
            "from the expert.\n" +
            "Example: csmetrics agreement -i docs/examples/data/quality/calibration.csv --expert expert --tolerance 5");
        var io = new CommandIo().AddTo(command);
        var id = new Option<string?>("--id-column") { Description = "The column that names units (not a rater). Default: 'unit' when there is one." };
        var expert = new Option<string?>("--expert") { Description = "The rater column that is the expert baseline (numeric ratings)." };
        var tolerance = new Option<double>("--tolerance") { Description = "With --expert: the accepted absolute deviation, in the ratings' unit.", DefaultValueFactory = _ => 5 };
        var categories = new Option<string?>("--categories")
        {
            Description = "The categories from lowest to highest, comma separated: text labels (\"poor,fair,good\") become ordinal; numbers (\"1,2,3,4,5\") fix the scale.",
        };
        command.Options.Add(id);
        command.Options.Add(expert);
        command.Options.Add(tolerance);
        command.Options.Add(categories);

        command.SetAction(parse =>
        {
            double tol = parse.GetValue(tolerance);
            if (!(tol >= 0 && double.IsFinite(tol)))
            {
                throw new InputException("--tolerance", $"must be a number >= 0; got {tol.ToString(CultureInfo.InvariantCulture)}");
            }
            string[]? order = parse.GetValue(categories) is string list ? list.Split(',', StringSplitOptions.TrimEntries) : null;
            var problems = new InputProblems();
            var table = io.ReadTable(parse, context, problems);
            int fromReader = problems.Count; // the reader's row problems (ragged rows, bad text)
            string? idColumn = parse.GetValue(id);
            if (idColumn is not null && !table.HasColumn(idColumn))
            {
                problems.Add(table.Source, 1, idColumn, $"--id-column names a column that is not in the input (columns found: {string.Join(",", table.Columns)})");
            }
            idColumn ??= "unit";
            var raters = table.Columns.Where(c => !string.Equals(c, idColumn, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (raters.Length < 2)
            {
                problems.Add(table.Source, 1, null, $"at least two rater columns are required (columns found: {string.Join(",", table.Columns)})");
            }
            problems.ThrowIfMoreThan(fromReader); // the columns must be right before cells can be read as ratings

            // Every further problem is reported together: the table's shape, the options and every bad cell.
            if (table.RowCount < 2)
            {
                problems.Add(table.Source, null, null, "at least two units (rows) are required");
            }
            string? expertColumn = parse.GetValue(expert);
            if (expertColumn is not null && !raters.Contains(expertColumn, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(table.Source, 1, expertColumn, $"--expert names a column that is not a rater (raters: {string.Join(",", raters)})");
            }

            var rows = Enumerable.Range(0, table.RowCount)
                .Select(u => (IReadOnlyList<string?>)raters.Select(r => table.GetText(u, r)).ToArray())
                .ToArray();
            var read = RatingTable.Parse(raters, rows, order);
            foreach (var error in read.Errors)
            {
                switch (error.Field)
                {
                    case "categories":
                        problems.Add("--categories", null, null, error.Message);
                        break;
                    case "raters":
                        problems.Add(table.Source, 1, error.Column >= 0 ? raters[error.Column] : null, error.Message);
                        break;
                    default:
                        problems.Add(table.Source, error.Row >= 0 ? table.RowNumber(error.Row) : null, error.Column >= 0 ? raters[error.Column] : null, error.Message);
                        break;
                }
            }
            problems.ThrowIfAny();
            var ratings = read.Value!;
            if (expertColumn is not null && !ratings.IsNumeric)
            {
                throw new InputException("--expert", "the deviation from an expert needs numeric ratings; these are text categories");
            }
            var report = expertColumn is null ? Agreement.Analyze(ratings) : Agreement.Analyze(ratings, expertColumn, tol);

            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json => WriteReport(json, report)));
            return CliApp.Success;
        });
        return command;
    }

    private static void WriteReport(Utf8JsonWriter json, AgreementReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("units", report.Units);
        json.WriteNumber("raters", report.Raters.Count);
        json.WriteString("ratings", report.IsNumeric ? "numeric" : report.IsOrdered ? "ordered_categories" : "categories");
        json.WriteStartArray("categories");
        foreach (var category in report.Categories)
        {
            json.WriteStringValue(category);
        }
        json.WriteEndArray();
        json.WriteNumber("missing_ratings", report.MissingRatings);
        json.WriteStartObject("krippendorff_alpha");
        foreach (var level in Enum.GetValues<MeasurementLevel>())
        {
            string name = level.ToString().ToLowerInvariant();
            if (report.KrippendorffAlphaAt(level) is { } alpha)
            {
                JsonOutput.WriteNumberOrNull(json, name, alpha.Alpha);
            }
            else
            {
                json.WriteNull(name); // the ratings do not support this level (see docs/cli.md)
            }
        }
        json.WriteEndObject();
        json.WriteNumber("complete_units", report.CompleteUnits);

        var fleiss = report.FleissKappa;
        json.WriteStartObject("fleiss_kappa");
        JsonOutput.WriteNumberOrNull(json, "kappa", fleiss.Kappa);
        JsonOutput.WriteNumberOrNull(json, "null_standard_error", fleiss.NullStandardError);
        JsonOutput.WriteNumberOrNull(json, "observed_agreement", fleiss.ObservedAgreement);
        JsonOutput.WriteNumberOrNull(json, "expected_agreement", fleiss.ExpectedAgreement);
        json.WriteNumber("subjects", fleiss.Subjects);
        json.WriteEndObject();

        json.WriteStartArray("cohen_kappa");
        foreach (var pair in report.CohenKappa)
        {
            json.WriteStartObject();
            json.WriteString("rater1", pair.Rater1);
            json.WriteString("rater2", pair.Rater2);
            json.WriteNumber("units", pair.Units);
            WriteKappa(json, "unweighted", pair.Unweighted);
            WriteKappa(json, "linear", pair.Linear);
            WriteKappa(json, "quadratic", pair.Quadratic);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (report.IntraclassCorrelation is { } icc)
        {
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
        else
        {
            json.WriteNull("icc");
        }
        if (report.CronbachAlpha is { } cronbach)
        {
            json.WriteStartObject("cronbach_alpha");
            JsonOutput.WriteNumberOrNull(json, "alpha", cronbach.Alpha);
            json.WriteNumber("units", cronbach.Respondents);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("cronbach_alpha");
        }
        if (report.Expert is not null)
        {
            json.WriteString("expert", report.Expert);
            json.WriteStartArray("deviation_from_expert");
            foreach (var (rater, d) in report.DeviationFromExpert)
            {
                json.WriteStartObject();
                json.WriteString("rater", rater);
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
    }

    private static void WriteKappa(Utf8JsonWriter json, string name, KappaResult? kappa)
    {
        if (kappa is not { } k)
        {
            json.WriteNull(name); // weighted kappa needs ordered categories
            return;
        }
        json.WriteStartObject(name);
        JsonOutput.WriteNumberOrNull(json, "kappa", k.Kappa);
        JsonOutput.WriteNumberOrNull(json, "standard_error", k.StandardError);
        JsonOutput.WriteNumberOrNull(json, "z", k.Z);
        json.WriteEndObject();
    }
}
