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
    /// <param name="values">The random indices for n = 1, 2, ...; each finite and &gt;= 0.</param>
    /// <exception cref="ArgumentException">The table is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
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
                ThrowHelper.ThrowElementOutOfRange(nameof(values), i, values[i], "must be a finite number >= 0");
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

/// <summary>AHP priority weights and consistency. Immutable and thread-safe.</summary>
/// <param name="Weights">The priority weights, summing to 1, in the matrix's row order.</param>
/// <param name="LambdaMax">The principal eigenvalue estimate <c>mean_i (A w)_i / w_i</c> (&gt;= n; = n when consistent).</param>
/// <param name="ConsistencyIndex">CI = (λmax - n) / (n - 1); 0 for n &lt;= 2.</param>
/// <param name="ConsistencyRatio">CR = CI / RI(n); 0 when RI(n) = 0 (n &lt;= 2: always consistent).</param>
/// <param name="RandomIndex">RI(n) from the table used.</param>
/// <param name="Method">How the weights were derived.</param>
public sealed record AhpResult(IReadOnlyList<double> Weights, double LambdaMax, double ConsistencyIndex, double ConsistencyRatio, double RandomIndex, AhpWeightMethod Method)
{
    /// <summary>Saaty's acceptance rule: CR &lt; 0.10.</summary>
    public bool IsAcceptablyConsistent => ConsistencyRatio < 0.10;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"AHP ({Method}): weights");
        foreach (double w in Weights)
        {
            text.Append(CultureInfo.InvariantCulture, $" {w:F4}");
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
/// important is i than j" on Saaty's 1-9 scale. Weights are the principal eigenvector (power iteration:
/// positive matrices are primitive, so it converges to the Perron vector) or the row geometric means.
/// <c>λmax = mean_i (A w)_i / w_i</c>, <c>CI = (λmax - n)/(n - 1)</c>, <c>CR = CI / RI(n)</c>.
/// </remarks>
public static class AnalyticHierarchyProcess
{
    /// <summary>The largest relative deviation from reciprocity tolerated: <c>|a_ij · a_ji - 1| &lt;= 1e-3</c> (so 0.333 for 1/3 passes).</summary>
    public const double ReciprocityTolerance = 1e-3;

    /// <summary>Priority weights and consistency of a pairwise comparison matrix.</summary>
    /// <param name="matrix">The <c>n × n</c> positive reciprocal judgement matrix (n &gt;= 1).</param>
    /// <param name="method">Eigenvector (default) or geometric mean.</param>
    /// <param name="randomIndex">The random-index table; default <see cref="RandomIndexTable.Saaty"/>.</param>
    /// <exception cref="ArgumentException">The matrix is not square or empty, a diagonal entry is not 1, or a pair is not reciprocal (the message names the pair).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry is not a finite positive number, or n exceeds the random-index table.</exception>
    public static AhpResult Weights(double[,] matrix, AhpWeightMethod method = AhpWeightMethod.Eigenvector, RandomIndexTable? randomIndex = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        randomIndex ??= RandomIndexTable.Saaty;
        int n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n)
        {
            ThrowHelper.ThrowArgument(nameof(matrix), $"matrix must be square and non-empty; got {matrix.GetLength(0)} × {matrix.GetLength(1)}.");
        }
        Validate(matrix, n);
        double ri = randomIndex[n];

        var weights = method == AhpWeightMethod.GeometricMean ? GeometricMeanWeights(matrix, n) : PrincipalEigenvector(matrix, n);
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
        double cr = ri > 0 ? ci / ri : 0;
        return new AhpResult(weights, lambdaMax, ci, cr, ri, method);
    }

    private static void Validate(double[,] matrix, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double a = matrix[i, j];
                if (!(a > 0 && double.IsFinite(a)))
                {
                    ThrowHelper.ThrowOutOfRange(nameof(matrix), a, $"matrix[{i}, {j}] must be a finite judgement > 0");
                }
            }
            if (matrix[i, i] != 1)
            {
                ThrowHelper.ThrowArgument(nameof(matrix), $"matrix[{i}, {i}] must be 1 (an item compared with itself); got {matrix[i, i]}.");
            }
            for (int j = 0; j < i; j++)
            {
                if (Math.Abs(matrix[i, j] * matrix[j, i] - 1) > ReciprocityTolerance)
                {
                    ThrowHelper.ThrowArgument(nameof(matrix),
                        string.Create(CultureInfo.InvariantCulture, $"matrix is not reciprocal at items {j} and {i}: matrix[{j}, {i}] = {matrix[j, i]} but matrix[{i}, {j}] = {matrix[i, j]} (expected {1 / matrix[j, i]})."));
                }
            }
        }
    }

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
