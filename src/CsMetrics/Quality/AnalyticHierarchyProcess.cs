using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>How AHP priority weights are derived from the pairwise comparison matrix.</summary>
public enum AhpWeightMethod
{
    /// <summary>Saaty's principal right eigenvector, normalised to sum 1 (found by power iteration).</summary>
    Eigenvector,

    /// <summary>The row geometric means, normalised to sum 1 (Crawford and Williams 1985); equal to the eigenvector when the matrix is consistent.</summary>
    GeometricMean,
}

/// <summary>
/// A random-consistency-index table: <c>RI(n)</c> for <c>n = 1, 2, ...</c> criteria. Published tables
/// disagree, so the table is a parameter. Immutable and thread-safe.
/// </summary>
public sealed class RandomIndexTable
{
    private readonly double[] _values;

    /// <summary>Creates a table from <c>RI(1), RI(2), ...</c>.</summary>
    /// <param name="values">
    /// The random indices for n = 1, 2, ...: each finite and &gt;= 0, and &gt; 0 from n = 3 on, because the consistency
    /// ratio divides by RI(n) there (RI(1) and RI(2) are never used: every 1 × 1 and 2 × 2 reciprocal matrix is consistent).
    /// </param>
    /// <exception cref="ArgumentException">The table is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite, or RI(n) = 0 for some n &gt;= 3 (the message names n).</exception>
    public RandomIndexTable(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(values), "values must hold RI(1), RI(2), ...");
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0 && double.IsFinite(values[i])))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), i, values[i], $"(RI({i + 1})) must be a finite number >= 0");
            }
            if (i >= 2 && values[i] == 0)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), i, values[i],
                    $"(RI({i + 1})) must be > 0: the consistency ratio CR = CI / RI(n) of {i + 1} criteria divides by it");
            }
        }
        _values = values.ToArray();
    }

    /// <summary>Saaty's classic table, n = 1..15 (as in R AHPWR): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.</summary>
    public static RandomIndexTable Saaty { get; } = new([0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]);

    /// <summary>Saaty's 2008 table, n = 1..16 (older R ahpsurvey): 0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59, 1.60.</summary>
    public static RandomIndexTable Saaty2008 { get; } = new([0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59, 1.60]);

    /// <summary>The largest n the table covers.</summary>
    public int MaximumSize => _values.Length;

    /// <summary>RI(n).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1 or above <see cref="MaximumSize"/>.</exception>
    public double this[int n]
    {
        get
        {
            if (n < 1 || n > _values.Length)
            {
                ThrowHelper.ThrowOutOfRange(nameof(n), n, $"must be in [1, {_values.Length}] for this random-index table");
            }
            return _values[n - 1];
        }
    }
}

/// <summary>Options for <see cref="AnalyticHierarchyProcess"/>: how weights are derived and judged. Immutable.</summary>
public sealed record AhpOptions
{
    /// <summary>The weight method: Saaty's eigenvector (default) or the row geometric means.</summary>
    public AhpWeightMethod Method { get; init; } = AhpWeightMethod.Eigenvector;

    /// <summary>The random-index table for the consistency ratio (default <see cref="RandomIndexTable.Saaty"/>).</summary>
    public RandomIndexTable RandomIndex { get; init; } = RandomIndexTable.Saaty;

    /// <summary>
    /// Whether judgements outside Saaty's scale 1/9..9 are accepted (default false: a judgement of 12 or 1/20 is an
    /// error, the usual sign of a typo or of a scale other than Saaty's).
    /// </summary>
    public bool AllowExtendedScale { get; init; }

    /// <summary>The default options.</summary>
    public static AhpOptions Default { get; } = new();
}

/// <summary>AHP priority weights and consistency. Immutable and thread-safe, with value equality.</summary>
public sealed record AhpResult
{
    /// <summary>The priority weights, summing to 1, in the matrix's row order.</summary>
    public required IReadOnlyList<double> Weights { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); }

    /// <summary>The criteria's names in row order, when they were given; otherwise empty.</summary>
    public IReadOnlyList<string> Criteria { get; init => field = ReadOnlyValueList<string>.CopyOf(value ?? []); } = ReadOnlyValueList<string>.Empty;

    /// <summary>The principal eigenvalue estimate <c>mean_i (A w)_i / w_i</c> (&gt;= n; = n when consistent).</summary>
    public required double LambdaMax { get; init; }

    /// <summary>CI = (λmax - n) / (n - 1); 0 for n &lt;= 2.</summary>
    public required double ConsistencyIndex { get; init; }

    /// <summary>
    /// CR = CI / RI(n). For n &lt;= 2 the ratio is 0 by definition (0/0 as a formula, but every 1 × 1 and 2 × 2
    /// reciprocal matrix is perfectly consistent), whatever the table's RI(1) and RI(2).
    /// </summary>
    public required double ConsistencyRatio { get; init; }

    /// <summary>RI(n) from the table used.</summary>
    public required double RandomIndex { get; init; }

    /// <summary>How the weights were derived.</summary>
    public required AhpWeightMethod Method { get; init; }

    /// <summary>Saaty's acceptance rule: CR &lt; 0.10.</summary>
    public bool IsAcceptablyConsistent => ConsistencyRatio < 0.10;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"AHP ({Method}): weights");
        for (int i = 0; i < Weights.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {(Criteria.Count > i ? Criteria[i] + " " : "")}{Weights[i]:F4}");
        }
        text.Append(CultureInfo.InvariantCulture, $"; λmax {LambdaMax:F4}, CI {ConsistencyIndex:F4}, CR {ConsistencyRatio:F4} ({(IsAcceptablyConsistent ? "acceptable" : "revise the judgements")})");
        return text.ToString();
    }
}

/// <summary>
/// Saaty's Analytic Hierarchy Process (Saaty 1980, <i>The Analytic Hierarchy Process</i>; Saaty 1977,
/// J. Math. Psychology 15:234-281): weights for scorecard sections from pairwise judgements.
/// </summary>
/// <remarks>
/// <c>A</c> is a positive reciprocal matrix (<c>a_ji = 1/a_ij</c>, <c>a_ii = 1</c>) of judgements "how much more
/// important is i than j" on Saaty's 1-9 scale (so every judgement is in [1/9, 9]). Weights are the principal
/// eigenvector (power iteration: positive matrices are primitive, so it converges to the Perron vector) or the row
/// geometric means. <c>λmax = mean_i (A w)_i / w_i</c>, <c>CI = (λmax - n)/(n - 1)</c>, <c>CR = CI / RI(n)</c>
/// (0 for n &lt;= 2). <see cref="Validate"/> lists every problem with a matrix; <see cref="Weights"/> throws on the first.
/// </remarks>
public static class AnalyticHierarchyProcess
{
    /// <summary>
    /// The largest relative deviation from reciprocity tolerated: <c>|a_ij · a_ji - 1| &lt;= 1e-3</c> (so 0.333 for 1/3 and
    /// 0.111 for 1/9 pass, exactly on the bound in decimal); the same relative slack applies at the ends of Saaty's scale.
    /// </summary>
    public const double ReciprocityTolerance = 1e-3;

    /// <summary>The largest judgement on Saaty's scale: 9 ("extreme importance"); the smallest is its reciprocal 1/9.</summary>
    public const double SaatyScaleMaximum = 9;

    /// <summary>Priority weights and consistency of a pairwise comparison matrix.</summary>
    /// <param name="matrix">The <c>n × n</c> positive reciprocal judgement matrix (n &gt;= 1).</param>
    /// <param name="options">The weight method, random-index table and scale; default <see cref="AhpOptions.Default"/>.</param>
    /// <param name="criteria">The criteria's names in row order (optional; used in messages and carried in the result).</param>
    /// <exception cref="ArgumentException">
    /// The first problem <see cref="Validate"/> finds: the matrix is not square or empty, a diagonal entry is not 1, a pair is
    /// not reciprocal (the message names the pair), the names are not n distinct non-empty names.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An entry is not a finite positive number, or is outside Saaty's 1/9..9 without <see cref="AhpOptions.AllowExtendedScale"/>;
    /// n exceeds the random-index table (<c>ParamName</c> is <c>options</c>).
    /// </exception>
    public static AhpResult Weights(double[,] matrix, AhpOptions? options = null, IReadOnlyList<string>? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= AhpOptions.Default;
        foreach (var problem in Problems(matrix, options, criteria))
        {
            string message = problem.Message + ".";
            throw problem.Value is null
                ? new ArgumentException(message, problem.Field)
                : new ArgumentOutOfRangeException(problem.Field, problem.Value, message);
        }
        int n = matrix.GetLength(0);
        double ri = options.RandomIndex[n];

        var weights = options.Method == AhpWeightMethod.GeometricMean ? GeometricMeanWeights(matrix, n) : PrincipalEigenvector(matrix, n);
        double lambdaMax = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++)
            {
                row += matrix[i, j] * weights[j];
            }
            lambdaMax += row / weights[i];
        }
        lambdaMax /= n;
        double ci = n <= 2 ? 0 : Math.Max(0, (lambdaMax - n) / (n - 1));
        double cr = n <= 2 ? 0 : ci / ri; // RI(n) > 0 for n >= 3 (RandomIndexTable's rule)
        return new AhpResult
        {
            Weights = ReadOnlyValueList<double>.Own(weights),
            Criteria = criteria ?? [],
            LambdaMax = lambdaMax,
            ConsistencyIndex = ci,
            ConsistencyRatio = cr,
            RandomIndex = ri,
            Method = options.Method,
        };
    }

    /// <summary>
    /// Every problem with a pairwise comparison matrix, located by row and column (0-based), so that a reader can report
    /// all of them at once. Empty when <see cref="Weights"/> would accept the matrix.
    /// </summary>
    /// <param name="matrix">The judgement matrix.</param>
    /// <param name="options">The options the matrix will be used with (the scale rule and the table's size); default <see cref="AhpOptions.Default"/>.</param>
    /// <param name="criteria">The criteria's names in row order (optional): messages name the criteria instead of indices.</param>
    /// <returns>
    /// Problems with <see cref="QualityInputError.Field"/> <c>matrix</c> (with the cell's row and column), <c>criteria</c>
    /// (with the name's column) or <c>options.RandomIndex</c>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static IReadOnlyList<QualityInputError> Validate(double[,] matrix, AhpOptions? options = null, IReadOnlyList<string>? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return Problems(matrix, options ?? AhpOptions.Default, criteria)
            .Select(p => new QualityInputError(p.Field == "options" ? "options.RandomIndex" : p.Field, p.Message) { Row = p.Row, Column = p.Column })
            .ToArray();
    }

    /// <summary>One broken rule: the parameter, the cell (or -1), the offending value for a range problem (else null), and the message.</summary>
    private readonly record struct Problem(string Field, int Row, int Column, object? Value, string Message);

    /// <summary>The rules, written once: each problem as the exception <see cref="Weights"/> throws for it.</summary>
    private static IEnumerable<Problem> Problems(double[,] matrix, AhpOptions options, IReadOnlyList<string>? criteria)
    {
        int n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n)
        {
            yield return new Problem("matrix", -1, -1, null, $"the matrix must be square and non-empty; got {matrix.GetLength(0)} × {matrix.GetLength(1)}");
            yield break;
        }
        if (criteria is not null)
        {
            if (criteria.Count != n)
            {
                yield return new Problem("criteria", -1, -1, null, $"{criteria.Count} criteria names for a {n} × {n} matrix");
            }
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < criteria.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(criteria[i]))
                {
                    yield return new Problem("criteria", -1, i, null, $"criteria[{i}] is empty: every criterion needs a name");
                }
                else if (!seen.TryAdd(criteria[i], i))
                {
                    yield return new Problem("criteria", -1, i, null, $"criterion '{criteria[i]}' is named twice (criteria[{seen[criteria[i]]}] and criteria[{i}], ignoring case)");
                }
            }
            if (criteria.Count != n || seen.Count != criteria.Count)
            {
                criteria = null; // the names cannot label the cells
            }
        }
        string Cell(int i, int j) => criteria is null
            ? $"matrix[{i}, {j}]"
            : $"'{criteria[i]}' vs '{criteria[j]}'";
        // Judgements are decimals typed by people: 0.111 for 1/9 sits exactly on the bound (9 × 0.111 = 0.999), and binary
        // rounding must not push it off, hence the 1e-9 slack on the 1e-3 rule.
        const double slack = ReciprocityTolerance * (1 + 1e-9);
        double low = 1 / SaatyScaleMaximum * (1 - slack), high = SaatyScaleMaximum * (1 + slack);
        var valid = new bool[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double a = matrix[i, j];
                if (!(a > 0 && double.IsFinite(a)))
                {
                    yield return new Problem("matrix", i, j, a, $"{Cell(i, j)} must be a finite judgement > 0; got {Format(a)}");
                }
                else if (i == j && a != 1)
                {
                    yield return new Problem("matrix", i, j, null, $"{Cell(i, j)} must be 1 (a criterion compared with itself); got {Format(a)}");
                }
                else if (!options.AllowExtendedScale && !(a >= low && a <= high))
                {
                    yield return new Problem("matrix", i, j, a,
                        $"{Cell(i, j)} is {Format(a)}, outside Saaty's scale 1/9..9 (judgements 1 to 9 and their reciprocals); allow it explicitly with AllowExtendedScale");
                }
                else
                {
                    valid[i, j] = true;
                }
            }
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (valid[i, j] && valid[j, i] && Math.Abs(matrix[i, j] * matrix[j, i] - 1) > slack)
                {
                    yield return new Problem("matrix", i, j, null, string.Create(CultureInfo.InvariantCulture,
                        $"not reciprocal: {Cell(i, j)} is {Format(matrix[i, j])} but {Cell(j, i)} is {Format(matrix[j, i])} (expected {Format(1 / matrix[j, i])} = 1/{Format(matrix[j, i])})"));
                }
            }
        }
        if (n > options.RandomIndex.MaximumSize)
        {
            yield return new Problem("options", -1, -1, n,
                $"the random-index table covers at most {options.RandomIndex.MaximumSize} criteria; the matrix has {n}");
        }
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static double[] GeometricMeanWeights(double[,] matrix, int n)
    {
        var weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double logSum = 0;
            for (int j = 0; j < n; j++)
            {
                logSum += Math.Log(matrix[i, j]);
            }
            weights[i] = Math.Exp(logSum / n);
            sum += weights[i];
        }
        for (int i = 0; i < n; i++)
        {
            weights[i] /= sum;
        }
        return weights;
    }

    private static double[] PrincipalEigenvector(double[,] matrix, int n)
    {
        // Start from the geometric-mean solution: already exact for a consistent matrix, and close otherwise.
        var weights = GeometricMeanWeights(matrix, n);
        var next = new double[n];
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double row = 0;
                for (int j = 0; j < n; j++)
                {
                    row += matrix[i, j] * weights[j];
                }
                next[i] = row;
                sum += row;
            }
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - weights[i]));
            }
            (weights, next) = (next, weights);
            if (change <= 1e-15)
            {
                break;
            }
        }
        return weights;
    }
}
