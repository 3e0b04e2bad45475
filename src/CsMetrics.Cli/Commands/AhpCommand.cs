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
            "and one column per criterion, in the same order; cells are judgements on Saaty's 1-9 scale, written as numbers or " +
            "fractions like 1/3. Writes JSON: the weights, lambda max, CI, CR and whether CR < 0.10.\n" +
            "Example: csmetrics ahp -i docs/examples/data/quality/ahp.csv");
        var io = new CommandIo().AddTo(command);
        var method = new Option<string>("--method") { Description = "eigenvector (Saaty) or geometric-mean.", DefaultValueFactory = _ => "eigenvector" };
        method.AcceptOnlyFromAmong("eigenvector", "geometric-mean");
        var randomIndex = new Option<string>("--random-index")
        {
            Description = "The random-index table: saaty (classic, n <= 15), saaty2008 (n <= 16), or a list RI(1),RI(2),... like \"0,0,0.58,0.9\".",
            DefaultValueFactory = _ => "saaty",
        };
        command.Options.Add(method);
        command.Options.Add(randomIndex);

        command.SetAction(parse =>
        {
            var table = ParseRandomIndex(parse.GetValue(randomIndex)!);
            var input = io.ReadTable(parse, context);
            var (names, matrix) = ReadMatrix(input);
            if (names.Length > table.MaximumSize)
            {
                throw new InputException("--random-index", $"the table covers at most {table.MaximumSize} criteria; the matrix has {names.Length}");
            }
            var result = AnalyticHierarchyProcess.Weights(matrix,
                parse.GetValue(method) == "geometric-mean" ? AhpWeightMethod.GeometricMean : AhpWeightMethod.Eigenvector, table);
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
        switch (text.ToLowerInvariant())
        {
            case "saaty":
                return RandomIndexTable.Saaty;
            case "saaty2008":
                return RandomIndexTable.Saaty2008;
        }
        var values = new List<double>();
        foreach (var token in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v >= 0) || !double.IsFinite(v))
            {
                throw new InputException("--random-index", $"'{token}' is not a random index >= 0 (use saaty, saaty2008 or a list like 0,0,0.58,0.9)");
            }
            values.Add(v);
        }
        return new RandomIndexTable(values.ToArray());
    }

    private static (string[] Names, double[,] Matrix) ReadMatrix(InputTable input)
    {
        var problems = new InputProblems();
        input.RequireColumns(problems, "criterion");
        problems.ThrowIfAny();
        var names = new string[input.RowCount];
        for (int i = 0; i < input.RowCount; i++)
        {
            names[i] = input.GetText(i, "criterion") ?? "";
            if (names[i].Length == 0)
            {
                problems.Add(input.Source, input.RowNumber(i), "criterion", "a criterion name is required");
            }
        }
        if (input.RowCount == 0)
        {
            problems.Add(input.Source, null, null, "the matrix has no rows");
        }
        input.RequireColumns(problems, names.Where(n => n.Length > 0).ToArray());
        problems.ThrowIfAny();
        int n = names.Length;
        var matrix = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                string? text = input.GetText(i, names[j]);
                if (text is null || !TryParseJudgement(text, out matrix[i, j]))
                {
                    problems.Add(input.Source, input.RowNumber(i), names[j], $"'{text}' is not a positive judgement (a number or a fraction like 1/3)");
                }
            }
        }
        problems.ThrowIfAny();
        for (int i = 0; i < n; i++)
        {
            if (matrix[i, i] != 1)
            {
                problems.Add(input.Source, input.RowNumber(i), names[i], $"a criterion compared with itself must be 1; got {input.GetText(i, names[i])}");
            }
            for (int j = 0; j < i; j++)
            {
                if (Math.Abs(matrix[i, j] * matrix[j, i] - 1) > AnalyticHierarchyProcess.ReciprocityTolerance)
                {
                    problems.Add(input.Source, input.RowNumber(i), names[j],
                        $"not reciprocal: '{names[i]}' vs '{names[j]}' is {input.GetText(i, names[j])} but '{names[j]}' vs '{names[i]}' is {input.GetText(j, names[i])} (expected 1/{input.GetText(j, names[i])})");
                }
            }
        }
        problems.ThrowIfAny();
        return (names, matrix);
    }

    private static bool TryParseJudgement(string text, out double value)
    {
        int slash = text.IndexOf('/');
        if (slash > 0)
        {
            bool ok = double.TryParse(text.AsSpan(0, slash), NumberStyles.Float, CultureInfo.InvariantCulture, out double num)
                & double.TryParse(text.AsSpan(slash + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double den);
            value = ok && den != 0 ? num / den : double.NaN;
        }
        else
        {
            _ = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        return value > 0 && double.IsFinite(value);
    }
}
