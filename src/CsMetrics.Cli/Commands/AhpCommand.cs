using System.CommandLine;
using System.Globalization;
using CsMetrics.Quality;

namespace CsMetrics.Cli;

/// <summary><c>csmetrics ahp</c>: AHP weights and consistency from a pairwise comparison matrix.</summary>
internal static class AhpCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("ahp",
            "AHP weights (e.g. for scorecard sections) from a pairwise comparison matrix: a 'criterion' column with the row names " +
            "and one column per criterion (matched by name); cells are judgements on Saaty's 1-9 scale, written as numbers or " +
            "fractions like 1/3. Writes JSON: the weights, lambda max, CI, CR and whether CR < 0.10.\n" +
            "Example: csmetrics ahp -i docs/examples/data/quality/ahp.csv");
        var io = new CommandIo().AddTo(command);
        var method = new Option<string>("--method") { Description = "eigenvector (Saaty) or geometric-mean.", DefaultValueFactory = _ => "eigenvector" };
        method.AcceptOnlyFromAmong("eigenvector", "geometric-mean");
        var randomIndex = new Option<string>("--random-index")
        {
            Description = "The random-index table: saaty (classic, n <= 15), saaty2008 (n <= 16), or a list RI(1),RI(2),... like \"0,0,0.58,0.9\" (RI(n) > 0 from n = 3).",
            DefaultValueFactory = _ => "saaty",
        };
        var extended = new Option<bool>("--allow-extended-scale") { Description = "Accept judgements outside Saaty's 1/9..9 (rejected by default as a likely typo)." };
        command.Options.Add(method);
        command.Options.Add(randomIndex);
        command.Options.Add(extended);

        command.SetAction(parse =>
        {
            var options = new AhpOptions
            {
                Method = parse.GetValue(method) == "geometric-mean" ? AhpWeightMethod.GeometricMean : AhpWeightMethod.Eigenvector,
                RandomIndex = ParseRandomIndex(parse.GetValue(randomIndex)!),
                AllowExtendedScale = parse.GetValue(extended),
            };
            var problems = new InputProblems(); // a ragged row is reported with, not instead of, later rows' problems
            var input = io.ReadTable(parse, context, problems);
            var (names, matrix) = ReadMatrix(input, options, problems);
            var result = AnalyticHierarchyProcess.Weights(matrix, options, names);
            io.WriteOutput(parse, context, writer => JsonOutput.Write(writer, json =>
            {
                json.WriteStartObject();
                json.WriteString("method", result.Method == AhpWeightMethod.GeometricMean ? "geometric-mean" : "eigenvector");
                json.WriteStartArray("weights");
                for (int i = 0; i < names.Length; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("criterion", names[i]);
                    json.WriteNumber("weight", result.Weights[i]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteNumber("lambda_max", result.LambdaMax);
                json.WriteNumber("consistency_index", result.ConsistencyIndex);
                json.WriteNumber("random_index", result.RandomIndex);
                json.WriteNumber("consistency_ratio", result.ConsistencyRatio);
                json.WriteBoolean("acceptable", result.IsAcceptablyConsistent);
                json.WriteEndObject();
            }));
            return CliApp.Success;
        });
        return command;
    }

    private static RandomIndexTable ParseRandomIndex(string text)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "saaty":
                return RandomIndexTable.Saaty;
            case "saaty2008":
                return RandomIndexTable.Saaty2008;
        }
        var values = new List<double>();
        foreach (var token in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            {
                throw new InputException("--random-index", $"'{token}' is not a number (use saaty, saaty2008 or a list like 0,0,0.58,0.9 with '.' for decimals)");
            }
            values.Add(v);
        }
        try
        {
            return new RandomIndexTable(values.ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new InputException("--random-index", QualityInput.Message(ex).Replace("values[", "value [", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Reads the matrix: every header criterion needs a row and every row a column (matched by name, ignoring case); then
    /// the library's rules (diagonal, reciprocity, Saaty's scale) are reported at their cells.
    /// </summary>
    private static (string[] Names, double[,] Matrix) ReadMatrix(InputTable input, AhpOptions options, InputProblems problems)
    {
        int fromReader = problems.Count; // the reader's row problems (ragged rows, bad text)
        input.RequireColumns(problems, "criterion");
        problems.ThrowIfMoreThan(fromReader);
        if (input.RowCount == 0)
        {
            throw new InputException(input.Source, "the matrix has no rows: give one row per criterion");
        }
        var names = new string[input.RowCount];
        var rowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < input.RowCount; i++)
        {
            names[i] = QualityInput.ReadText(input, i, "criterion") ?? "";
            if (names[i].Length == 0)
            {
                problems.Add(input.Source, input.RowNumber(i), "criterion", "a criterion name is required");
            }
            else if (!rowOf.TryAdd(names[i], i))
            {
                problems.Add(input.Source, input.RowNumber(i), "criterion",
                    $"criterion '{names[i]}' has two rows (rows {input.RowNumber(rowOf[names[i]])} and {input.RowNumber(i)}, ignoring case): give each criterion one row");
            }
            else if (!input.HasColumn(names[i]))
            {
                problems.Add(input.Source, input.RowNumber(i), "criterion",
                    $"criterion '{names[i]}' has a row but no column: the matrix needs a column for every row (columns found: {string.Join(",", input.Columns)})");
            }
        }
        foreach (var column in input.Columns)
        {
            if (!string.Equals(column, "criterion", StringComparison.OrdinalIgnoreCase) && !rowOf.ContainsKey(column))
            {
                problems.Add(input.Source, 1, column, $"criterion '{column}' has a column but no row: the matrix needs a row for every column");
            }
        }
        problems.ThrowIfMoreThan(fromReader);

        int n = names.Length;
        var matrix = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                string? text = QualityInput.ReadText(input, i, names[j]);
                if (text is null)
                {
                    problems.Add(input.Source, input.RowNumber(i), names[j], $"a judgement is required ('{names[i]}' vs '{names[j]}')");
                }
                else if (!TryParseJudgement(text, out matrix[i, j]))
                {
                    problems.Add(input.Source, input.RowNumber(i), names[j], MissingValue.LooksLikeCommaNumber(text)
                        ? $"'{text}' looks like a number written with a comma: use '.' for decimals (1.5) or a fraction (3/2)"
                        : $"'{text}' is not a positive judgement (a number like 3 or a fraction like 1/3)");
                }
            }
        }
        problems.ThrowIfMoreThan(fromReader);
        foreach (var error in AnalyticHierarchyProcess.Validate(matrix, options, names))
        {
            if (error.Field == "options.RandomIndex")
            {
                problems.Add("--random-index", null, null, error.Message);
            }
            else
            {
                string message = error.Message.Contains("AllowExtendedScale", StringComparison.Ordinal)
                    ? error.Message.Replace("AllowExtendedScale", "--allow-extended-scale", StringComparison.Ordinal)
                    : error.Message;
                problems.Add(input.Source, error.Row >= 0 ? input.RowNumber(error.Row) : null, error.Column >= 0 ? names[error.Column] : null, message);
            }
        }
        problems.ThrowIfAny();
        return (names, matrix);
    }

    /// <summary>A judgement: a number or a fraction <c>a/b</c> of two numbers, invariant culture, finite and &gt; 0.</summary>
    private static bool TryParseJudgement(string text, out double value)
    {
        int slash = text.IndexOf('/');
        if (slash > 0)
        {
            bool ok = double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out double numerator)
                & double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double denominator);
            value = ok && denominator != 0 ? numerator / denominator : double.NaN;
        }
        else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = double.NaN;
        }
        return value > 0 && double.IsFinite(value);
    }
}
