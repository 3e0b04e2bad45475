namespace CsMetrics.Scheduling;

/// <summary>The outcome of a <see cref="CoveringLp"/> solve.</summary>
internal enum LpOutcome
{
    Optimal,
    Infeasible,
    Stopped,
}

/// <summary>
/// The LP relaxation of the covering problem over explicit columns with every variable boxed, solved by
/// the bounded dual simplex method (Lemke 1954; Koberstein 2005 for the bounded form; Harris 1973 ratio
/// test) on an explicit basis inverse that is refactorised from scratch every <see cref="RefactorEvery"/>
/// pivots:
/// <code>
/// min  Σ_j c_j x_j + U Σ_i u_i + O Σ_i o_i
/// s.t. Σ_j a_ij x_j + u_i − o_i = r_i      (each interval i; u fixed at 0 with hard coverage)
///      Σ_{j in g} x_j + s_g = cap_g        (each capped template and day g)
///      Σ_j h_kj x_j − t_k = β_k            (each cut k, t_k ≥ 0)
///      l ≤ x, u, o, s, t ≤ v               (finite boxes: branching changes them)
/// </code>
/// Every cost is ≥ 0, so the slack basis {o, s} with every other variable at its lower bound is dual
/// feasible: no phase 1, and a change of bounds or right-hand side (branching, fixing agents in a dive)
/// warm-starts from the current basis. Because every variable is boxed, any duals y give the valid
/// bound <c>y·b + Σ_j min(d_j l_j, d_j v_j)</c> (<see cref="LagrangianBound"/>), so a stopped or
/// slightly inexact solve still proves a bound.
/// </summary>
internal sealed class CoveringLp
{

    private const double PrimalTolerance = 1e-7;
    private const double DualTolerance = 1e-9;
    private const double PivotTolerance = 1e-9;
    private const int RefactorEvery = 400;

    private readonly int _baseRows;
    private readonly int _baseVariables;
    private readonly int _maxCuts;
    private readonly int _structural;
    private readonly int[] _varStart;
    private readonly int[] _varRow;
    private readonly double[] _varValue;
    private readonly double[] _cost;
    private readonly double[] _rhs;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly bool[] _atUpper;
    private readonly int[] _basis;
    private readonly int[] _position;
    private readonly double[] _inverse;
    private readonly double[] _basic;
    private readonly double[] _reduced;
    private readonly double[] _rho;
    private readonly double[] _alphaRow;
    private readonly double[] _column;
    private readonly double[] _work;
    private readonly double[] _weight;
    private readonly List<double[]> _cuts = [];
    private readonly List<(int[] Variables, double[] Values)> _cutRows = [];
    private readonly List<(int Cut, double Value)>?[] _cutEntries;
    private readonly int[] _rowStart;
    private readonly int[] _rowVariable;
    private readonly double[] _rowValue;
    private int _sincePivotRefactor;
    private readonly int _capRows;

    public CoveringLp(ShiftColumns columns, int maxCuts = 0)
    {
        var problem = columns.Problem;
        int intervals = problem.IntervalCount, caps = columns.Caps.Length;
        _maxCuts = maxCuts;
        _baseRows = intervals + caps;
        _capRows = caps;
        _structural = columns.Count;
        _baseVariables = _structural + 2 * intervals + caps;
        int variables = _baseVariables + maxCuts, rows = _baseRows + maxCuts;
        _varStart = new int[_baseVariables + 1];
        var rowList = new List<int>(columns.Rows.Length + _structural + 3 * intervals);
        var values = new List<double>(rowList.Capacity);
        _cost = new double[variables];
        _lower = new double[variables];
        _upper = new double[variables];
        int v = 0;
        var largestRequirement = new double[_structural];
        for (int c = 0; c < _structural; c++, v++)
        {
            var covered = columns.RowsOf(c);
            var weights = columns.WeightsOf(c);
            double most = 0;
            for (int k = 0; k < covered.Length; k++)
            {
                rowList.Add(covered[k]);
                values.Add(weights[k]);
                most = Math.Max(most, Math.Ceiling(problem.Requirements[covered[k]] / (double)weights[k]));
            }
            if (columns.CapGroup[c] >= 0)
            {
                rowList.Add(intervals + columns.CapGroup[c]);
                values.Add(1);
                most = Math.Min(most, columns.Caps[columns.CapGroup[c]]);
            }
            _cost[v] = columns.Cost[c];
            // More agents on one shift than its most demanding interval needs never lower the cost (all costs are >= 0).
            _upper[v] = most;
            _varStart[v + 1] = rowList.Count;
        }
        // The most coverage any interval can get, to box the over-staffing variables.
        var reach = new double[intervals];
        for (int c = 0; c < _structural; c++)
        {
            var covered = columns.RowsOf(c);
            var weights = columns.WeightsOf(c);
            for (int k = 0; k < covered.Length; k++)
            {
                reach[covered[k]] += weights[k] * _upper[c];
            }
        }
        OverIndex = v;
        for (int i = 0; i < intervals; i++, v++)
        {
            rowList.Add(i);
            values.Add(-1);
            _cost[v] = problem.OverstaffCost;
            _upper[v] = Math.Max(0, reach[i] - problem.Requirements[i]);
            _varStart[v + 1] = rowList.Count;
        }
        UnderIndex = v;
        bool soft = problem.UnderstaffCost.HasValue;
        for (int i = 0; i < intervals; i++, v++)
        {
            rowList.Add(i);
            values.Add(1);
            _cost[v] = problem.UnderstaffCost ?? 0;
            _upper[v] = soft ? problem.Requirements[i] : 0;
            _varStart[v + 1] = rowList.Count;
        }
        SlackIndex = v;
        for (int g = 0; g < caps; g++, v++)
        {
            rowList.Add(intervals + g);
            values.Add(1);
            _upper[v] = columns.Caps[g];
            _varStart[v + 1] = rowList.Count;
        }
        _varRow = rowList.ToArray();
        _varValue = values.ToArray();
        _cutEntries = new List<(int, double)>?[_baseVariables];
        // The same matrix by rows, for pricing rows of the tableau from the nonzeros of a row of B⁻¹.
        _rowStart = new int[_baseRows + 1];
        foreach (int row in _varRow)
        {
            _rowStart[row + 1]++;
        }
        for (int r = 0; r < _baseRows; r++)
        {
            _rowStart[r + 1] += _rowStart[r];
        }
        _rowVariable = new int[_varRow.Length];
        _rowValue = new double[_varRow.Length];
        var fill = (int[])_rowStart.Clone();
        for (int j = 0; j < _baseVariables; j++)
        {
            for (int k = _varStart[j]; k < _varStart[j + 1]; k++)
            {
                int at = fill[_varRow[k]]++;
                _rowVariable[at] = j;
                _rowValue[at] = _varValue[k];
            }
        }
        _rhs = new double[rows];
        _atUpper = new bool[variables];
        _basis = new int[rows];
        _position = new int[variables];
        _inverse = new double[rows * rows];
        _basic = new double[rows];
        _reduced = new double[variables];
        _rho = new double[rows];
        _alphaRow = new double[variables];
        _column = new double[rows];
        _work = new double[rows];
        _weight = new double[rows];
        for (int i = 0; i < intervals; i++)
        {
            _rhs[i] = problem.Requirements[i];
        }
        for (int g = 0; g < caps; g++)
        {
            _rhs[intervals + g] = columns.Caps[g];
        }
        RootLower = (double[])_lower.Clone();
        RootUpper = (double[])_upper.Clone();

        // Slack basis: o_i for interval rows (coefficient −1), s_g for cap rows.
        Array.Fill(_position, -1);
        for (int r = 0; r < _baseRows; r++)
        {
            int basic = r < intervals ? OverIndex + r : SlackIndex + (r - intervals);
            _basis[r] = basic;
            _position[basic] = r;
        }
        Refactor();
        RecomputeReducedCosts();
    }

    /// <summary>The first over-staffing variable (o_0).</summary>
    public int OverIndex { get; }

    /// <summary>The first under-staffing variable (u_0; fixed at 0 with hard coverage).</summary>
    public int UnderIndex { get; }

    /// <summary>The first cap slack.</summary>
    public int SlackIndex { get; }

    /// <summary>The number of structural variables (shift columns).</summary>
    public int Structural => _structural;

    /// <summary>The variables of the original model (structural, over, under, cap slacks); cut slacks follow.</summary>
    public int BaseVariables => _baseVariables;

    public int Rows => _baseRows + _cuts.Count;

    public int CutCount => _cuts.Count;

    public int Iterations { get; private set; }

    /// <summary>The bounds every variable had before any branching (cut slacks included once added).</summary>
    public double[] RootLower { get; }

    public double[] RootUpper { get; }

    public double Lower(int variable) => _lower[variable];

    public double Upper(int variable) => _upper[variable];

    public double Cost(int variable) => _cost[variable];

    /// <summary>Sets a variable's bounds; nonbasic variables move with their bound (the basis stays dual feasible).</summary>
    public void SetBounds(int variable, double lower, double upper)
    {
        _lower[variable] = lower;
        _upper[variable] = upper;
    }

    /// <summary>Sets the right-hand side: requirements per interval, then the remaining cap per cap row (cuts keep theirs).</summary>
    public void SetRightHandSide(ReadOnlySpan<double> requirements, ReadOnlySpan<double> caps)
    {
        requirements.CopyTo(_rhs);
        caps.CopyTo(_rhs.AsSpan(requirements.Length));
        RecomputeBasicValues();
    }

    /// <summary>Recomputes the basic values after bounds changed.</summary>
    public void Refresh() => RecomputeBasicValues();

    /// <summary>The objective of the current basic solution (the dual objective while the basis is dual feasible).</summary>
    public double Objective
    {
        get
        {
            double total = 0;
            for (int j = 0; j < _baseVariables; j++)
            {
                total += _cost[j] * Value(j);
            }
            return total;
        }
    }

    /// <summary>The value of <paramref name="variable"/> in the current basic solution.</summary>
    public double Value(int variable) =>
        _position[variable] >= 0 ? _basic[_position[variable]] : _atUpper[variable] ? _upper[variable] : _lower[variable];

    /// <summary>Writes the structural variables' values (agents per column) into <paramref name="destination"/>.</summary>
    public void Primal(Span<double> destination)
    {
        for (int j = 0; j < _structural; j++)
        {
            destination[j] = Math.Max(0, Value(j));
        }
    }

    /// <summary>True when variable <paramref name="variable"/> is basic.</summary>
    public bool IsBasic(int variable) => _position[variable] >= 0;

    /// <summary>
    /// A bound valid whatever the state of the solve: with the current duals y (recomputed here),
    /// <c>y·b + Σ_j min(d_j l_j, d_j v_j)</c>, the Lagrangian dual of the boxed LP.
    /// </summary>
    public double LagrangianBound() => Lagrangian(_lower, _upper, default);

    /// <summary>
    /// The Lagrangian bound of the current duals over the root bounds (<see cref="RootLower"/>,
    /// <see cref="RootUpper"/>), valid for the whole problem whatever bounds a branch has set, and the
    /// reduced costs <c>d_j = c_j − y·a_j</c> of the original variables it was computed with (written
    /// into <paramref name="reduced"/>).
    /// </summary>
    public double RootLagrangian(Span<double> reduced) => Lagrangian(RootLower, RootUpper, reduced);

    private double Lagrangian(double[] lower, double[] upper, Span<double> reduced)
    {
        int rows = Rows;
        var duals = Duals();
        double bound = 0;
        for (int r = 0; r < rows; r++)
        {
            bound += duals[r] * _rhs[r];
        }
        int variables = _baseVariables + _cuts.Count;
        for (int j = 0; j < variables; j++)
        {
            double d = _cost[j] - DotColumn(duals, j);
            if (j < reduced.Length)
            {
                reduced[j] = d;
            }
            bound += Math.Min(d * lower[j], d * upper[j]);
        }
        return bound;
    }

    /// <summary>Runs dual simplex iterations until optimal, infeasible, cancelled, <paramref name="deadline"/> or <paramref name="maxIterations"/>.</summary>
    public LpOutcome Solve(CancellationToken cancellationToken, long deadline, int maxIterations = int.MaxValue)
    {
        int done = 0;
        while (true)
        {
            if ((Iterations & 31) == 0 && (cancellationToken.IsCancellationRequested || Environment.TickCount64 > deadline))
            {
                return LpOutcome.Stopped;
            }
            if (done++ >= maxIterations)
            {
                return LpOutcome.Stopped;
            }
            if (_sincePivotRefactor >= RefactorEvery)
            {
                Refactor();
                RecomputeBasicValues();
                RecomputeReducedCosts();
            }
            int leave = ChooseLeavingRow(out bool toUpper);
            if (leave < 0)
            {
                return LpOutcome.Optimal;
            }
            int enter = ChooseEnteringVariable(leave, toUpper);
            if (enter < 0)
            {
                // The row proves primal infeasibility (dual unbounded), unless the inverse has drifted: refactor once and retry.
                if (_sincePivotRefactor > 0)
                {
                    Refactor();
                    RecomputeBasicValues();
                    RecomputeReducedCosts();
                    continue;
                }
                return LpOutcome.Infeasible;
            }
            Pivot(leave, enter, toUpper);
            Iterations++;
        }
    }

    /// <summary>Row <paramref name="row"/> of the simplex tableau B⁻¹A over every variable, and the basic value of that row.</summary>
    public ReadOnlySpan<double> TableauRow(int row, out double value)
    {
        int n = _baseRows + _maxCuts;
        Array.Copy(_inverse, row * n, _rho, 0, Rows);
        int variables = _baseVariables + _cuts.Count;
        PriceRow(_rho.AsSpan(0, Rows));
        value = _basic[row];
        return _alphaRow.AsSpan(0, variables);
    }

    /// <summary>The basic variable of <paramref name="row"/>.</summary>
    public int BasicOf(int row) => _basis[row];

    /// <summary>True when a variable sits at its upper bound (nonbasic).</summary>
    public bool AtUpper(int variable) => _atUpper[variable];

    /// <summary>
    /// Adds the cut <c>Σ_j h_j x_j ≥ β</c> over the original variables as a row with a basic surplus
    /// t = h·x − β in [0, max h·x − β]. False when there is no room.
    /// </summary>
    public bool AddCut(double[] coefficients, double rhs)
    {
        if (_cuts.Count == _maxCuts)
        {
            return false;
        }
        int row = Rows, slack = _baseVariables + _cuts.Count;
        var variablesOfCut = new List<int>();
        var valuesOfCut = new List<double>();
        for (int j = 0; j < _baseVariables; j++)
        {
            if (coefficients[j] != 0)
            {
                variablesOfCut.Add(j);
                valuesOfCut.Add(coefficients[j]);
                (_cutEntries[j] ??= []).Add((_cuts.Count, coefficients[j]));
            }
        }
        _cutRows.Add((variablesOfCut.ToArray(), valuesOfCut.ToArray()));
        _cuts.Add(coefficients);
        double most = 0;
        for (int j = 0; j < _baseVariables; j++)
        {
            most += Math.Max(coefficients[j] * RootLower[j], coefficients[j] * RootUpper[j]);
        }
        _rhs[row] = rhs;
        _cost[slack] = 0;
        _lower[slack] = RootLower[slack] = 0;
        _upper[slack] = RootUpper[slack] = Math.Max(0, most - rhs);
        _basis[row] = slack;
        _position[slack] = row;
        // B' = [B 0; h_B −1], so B'⁻¹ = [B⁻¹ 0; h_B B⁻¹ −1].
        int n = _baseRows + _maxCuts;
        var last = _inverse.AsSpan(row * n, n);
        last.Clear();
        for (int r = 0; r < row; r++)
        {
            double h = CutCoefficient(_cuts.Count - 1, _basis[r]);
            if (h == 0)
            {
                continue;
            }
            var source = _inverse.AsSpan(r * n, row);
            for (int c = 0; c < row; c++)
            {
                last[c] += h * source[c];
            }
        }
        last[row] = -1;
        for (int r = 0; r < row; r++)
        {
            _inverse[r * n + row] = 0;
        }
        _weight[row] = Math.Max(1e-12, Internal.Cholesky.Dot(_inverse.AsSpan(row * n, row + 1), _inverse.AsSpan(row * n, row + 1)));
        _reduced[slack] = 0;
        RecomputeBasicValues();
        return true;
    }

    private double CutCoefficient(int cut, int variable) =>
        variable < _baseVariables ? _cuts[cut][variable] : variable == _baseVariables + cut ? -1 : 0;

    /// <summary>α_j = ρ·a_j for every variable, from the rows where ρ is nonzero (a row of B⁻¹ is usually sparse).</summary>
    private void PriceRow(ReadOnlySpan<double> rho)
    {
        int variables = _baseVariables + _cuts.Count;
        var alpha = _alphaRow.AsSpan(0, variables);
        alpha.Clear();
        for (int r = 0; r < _baseRows; r++)
        {
            double weight = rho[r];
            if (weight == 0)
            {
                continue;
            }
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
            {
                alpha[_rowVariable[k]] += weight * _rowValue[k];
            }
        }
        for (int c = 0; c < _cuts.Count; c++)
        {
            double weight = rho[_baseRows + c];
            if (weight == 0)
            {
                continue;
            }
            var (cutVariables, cutValues) = _cutRows[c];
            for (int k = 0; k < cutVariables.Length; k++)
            {
                alpha[cutVariables[k]] += weight * cutValues[k];
            }
            alpha[_baseVariables + c] -= weight;
        }
    }

    /// <summary>rho · a_j over the active rows.</summary>
    private double DotColumn(ReadOnlySpan<double> rho, int j)
    {
        double alpha = 0;
        if (j < _baseVariables)
        {
            for (int k = _varStart[j]; k < _varStart[j + 1]; k++)
            {
                alpha += rho[_varRow[k]] * _varValue[k];
            }
            if (_cutEntries[j] is { } entries)
            {
                foreach (var (cut, h) in entries)
                {
                    alpha += rho[_baseRows + cut] * h;
                }
            }
        }
        else
        {
            alpha = -rho[_baseRows + (j - _baseVariables)];
        }
        return alpha;
    }

    /// <summary>Scatters column j into <paramref name="destination"/> (length Rows, cleared first).</summary>
    private void ScatterColumn(int j, Span<double> destination)
    {
        destination.Clear();
        if (j < _baseVariables)
        {
            for (int k = _varStart[j]; k < _varStart[j + 1]; k++)
            {
                destination[_varRow[k]] += _varValue[k];
            }
            if (_cutEntries[j] is { } entries)
            {
                foreach (var (cut, h) in entries)
                {
                    destination[_baseRows + cut] = h;
                }
            }
        }
        else
        {
            destination[_baseRows + (j - _baseVariables)] = -1;
        }
    }

    private double[] Duals()
    {
        int rows = Rows, n = _baseRows + _maxCuts;
        var duals = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double cost = _cost[_basis[r]];
            if (cost == 0)
            {
                continue;
            }
            var row = _inverse.AsSpan(r * n, rows);
            for (int c = 0; c < rows; c++)
            {
                duals[c] += cost * row[c];
            }
        }
        return duals;
    }

    /// <summary>
    /// The leaving row by dual steepest edge (Forrest &amp; Goldfarb 1992): the largest infeasibility² / ‖e_rB⁻¹‖²,
    /// with the exact row norms of the explicit inverse (kept up to date in <see cref="Pivot"/>); −1 when primal feasible.
    /// </summary>
    private int ChooseLeavingRow(out bool toUpper)
    {
        int leave = -1;
        double best = 0;
        toUpper = false;
        int rows = Rows;
        for (int r = 0; r < rows; r++)
        {
            int variable = _basis[r];
            double value = _basic[r];
            double below = _lower[variable] - value, above = value - _upper[variable];
            double tolerance = PrimalTolerance * (1 + Math.Abs(value) * 1e-9);
            double violation = below > tolerance ? below : above > tolerance ? above : 0;
            if (violation == 0)
            {
                continue;
            }
            double score = violation * violation / _weight[r];
            if (score > best)
            {
                best = score;
                leave = r;
                toUpper = above > tolerance;
            }
        }
        return leave;
    }

    private void RecomputeWeights()
    {
        int rows = Rows, n = _baseRows + _maxCuts;
        for (int r = 0; r < rows; r++)
        {
            var row = _inverse.AsSpan(r * n, rows);
            _weight[r] = Math.Max(1e-12, Internal.Cholesky.Dot(row, row));
        }
    }

    /// <summary>
    /// The bounded dual ratio test on row <paramref name="leave"/>: the basic variable goes to its lower
    /// bound (<paramref name="toUpper"/> false) or its upper bound; the entering variable keeps every
    /// reduced cost on the right side of zero (Harris's two passes).
    /// </summary>
    private int ChooseEnteringVariable(int leave, bool toUpper)
    {
        int n = _baseRows + _maxCuts, rows = Rows;
        Array.Copy(_inverse, leave * n, _rho, 0, rows);
        var rho = _rho.AsSpan(0, rows);
        int variables = _baseVariables + _cuts.Count;
        PriceRow(rho);
        double bound = double.PositiveInfinity;
        for (int j = 0; j < variables; j++)
        {
            if (_position[j] >= 0 || _lower[j] == _upper[j])
            {
                _alphaRow[j] = 0;
                continue;
            }
            double alpha = _alphaRow[j];
            if (alpha == 0)
            {
                continue;
            }
            // Moving x_j in its free direction must push the basic variable towards its violated bound.
            double signed = Eligible(j, alpha, toUpper);
            if (signed > PivotTolerance)
            {
                bound = Math.Min(bound, (DualSlack(j) + DualTolerance) / signed);
            }
        }
        if (double.IsPositiveInfinity(bound))
        {
            return -1;
        }
        int enter = -1;
        double largest = 0;
        for (int j = 0; j < variables; j++)
        {
            if (_alphaRow[j] == 0)
            {
                continue;
            }
            double signed = Eligible(j, _alphaRow[j], toUpper);
            if (signed > PivotTolerance && DualSlack(j) / signed <= bound && signed > largest)
            {
                largest = signed;
                enter = j;
            }
        }
        return enter;
    }

    /// <summary>|α| when x_j may enter for this direction, else 0 (or negative).</summary>
    private double Eligible(int j, double alpha, bool toUpper)
    {
        // Leaving to the lower bound (the basic value must rise): at lower with α &lt; 0, or at upper with α &gt; 0.
        double direction = _atUpper[j] ? alpha : -alpha;
        return toUpper ? -direction : direction;
    }

    /// <summary>The reduced cost's distance from infeasibility: d_j at lower, −d_j at upper (clamped at 0).</summary>
    private double DualSlack(int j) => Math.Max(0, _atUpper[j] ? -_reduced[j] : _reduced[j]);

    private void Pivot(int leave, int enter, bool toUpper)
    {
        int n = _baseRows + _maxCuts, rows = Rows;
        var inverse = _inverse.AsSpan();
        var column = _column.AsSpan(0, rows);
        var a = _work.AsSpan(0, rows);
        ScatterColumn(enter, a);
        column.Clear();
        for (int k = 0; k < rows; k++)
        {
            double value = a[k];
            if (value == 0)
            {
                continue;
            }
            for (int r = 0; r < rows; r++)
            {
                column[r] += inverse[r * n + k] * value;
            }
        }
        double pivot = column[leave];
        int leaving = _basis[leave];

        // Dual step: d_j −= θ α_j with θ = d_q / α_q; the leaving variable's reduced cost becomes −θ.
        double theta = _reduced[enter] / _alphaRow[enter];
        int variables = _baseVariables + _cuts.Count;
        for (int j = 0; j < variables; j++)
        {
            if (_alphaRow[j] != 0)
            {
                _reduced[j] -= theta * _alphaRow[j];
            }
        }
        _reduced[leaving] = -theta;
        _reduced[enter] = 0;

        // Primal step: the leaving variable goes to its violated bound.
        double target = toUpper ? _upper[leaving] : _lower[leaving];
        double step = (_basic[leave] - target) / pivot;
        double entering = (_atUpper[enter] ? _upper[enter] : _lower[enter]) + step;
        for (int r = 0; r < rows; r++)
        {
            if (column[r] != 0)
            {
                _basic[r] -= step * column[r];
            }
        }
        _basic[leave] = entering;
        _atUpper[leaving] = toUpper;
        _atUpper[enter] = false;

        // B⁻¹ ← E·B⁻¹: scale the pivot row, eliminate the entering column elsewhere.
        var pivotRow = inverse.Slice(leave * n, rows);
        Scale(pivotRow, 1 / pivot);
        double pivotWeight = _weight[leave] / (pivot * pivot);
        _weight[leave] = Math.Max(1e-12, pivotWeight);
        for (int r = 0; r < rows; r++)
        {
            double factor = column[r];
            if (r == leave || factor == 0)
            {
                continue;
            }
            var row = inverse.Slice(r * n, rows);
            AddScaled(row, pivotRow, -factor);
            _weight[r] = Math.Max(1e-12, Internal.Cholesky.Dot(row, row));
        }
        _basis[leave] = enter;
        _position[enter] = leave;
        _position[leaving] = -1;
        _sincePivotRefactor++;
    }

    /// <summary>
    /// Inverts the basis from scratch to shed the rounding the updates accumulate. A basis that rounding has
    /// made singular is replaced by the slack basis (o, cap slacks, cut surpluses: always regular) with
    /// every other variable at the bound its reduced cost prefers, which is dual feasible because every
    /// variable is boxed; the dual simplex then goes on from there, so the solve never fails on it.
    /// </summary>
    private void Refactor()
    {
        if (TryRefactor())
        {
            return;
        }
        int rows = Rows;
        Array.Fill(_position, -1);
        for (int r = 0; r < rows; r++)
        {
            int basic = r < _baseRows - _capRows ? OverIndex + r : r < _baseRows ? SlackIndex + (r - (_baseRows - _capRows)) : _baseVariables + (r - _baseRows);
            _basis[r] = basic;
            _position[basic] = r;
        }
        if (!TryRefactor())
        {
            throw new InvalidOperationException("The slack basis is singular (a bug).");
        }
        // The statuses follow the reduced costs of the new basis (RecomputeReducedCosts, called after every refactorisation).
    }

    /// <summary>Gauss-Jordan with partial pivoting; false (the inverse left unchanged) when the basis is numerically singular.</summary>
    private bool TryRefactor()
    {
        _sincePivotRefactor = 0;
        int rows = Rows, n = _baseRows + _maxCuts;
        var matrix = new double[rows * rows];
        var column = _work.AsSpan(0, rows);
        for (int r = 0; r < rows; r++)
        {
            ScatterColumn(_basis[r], column);
            for (int k = 0; k < rows; k++)
            {
                matrix[k * rows + r] = column[k];
            }
        }
        // [B | I] → [I | B⁻¹]; row k of B⁻¹ belongs to basis position k.
        var inverse = new double[rows * rows];
        for (int k = 0; k < rows; k++)
        {
            inverse[k * rows + k] = 1;
        }
        for (int c = 0; c < rows; c++)
        {
            int pivotRow = c;
            double best = Math.Abs(matrix[c * rows + c]);
            for (int r = c + 1; r < rows; r++)
            {
                double value = Math.Abs(matrix[r * rows + c]);
                if (value > best)
                {
                    best = value;
                    pivotRow = r;
                }
            }
            if (best < 1e-12)
            {
                return false;
            }
            if (pivotRow != c)
            {
                SwapRows(matrix, rows, c, pivotRow);
                SwapRows(inverse, rows, c, pivotRow);
            }
            double scale = 1 / matrix[c * rows + c];
            var mRow = matrix.AsSpan(c * rows, rows);
            var iRow = inverse.AsSpan(c * rows, rows);
            for (int k = 0; k < rows; k++)
            {
                mRow[k] *= scale;
                iRow[k] *= scale;
            }
            for (int r = 0; r < rows; r++)
            {
                double factor = matrix[r * rows + c];
                if (r == c || factor == 0)
                {
                    continue;
                }
                var target = matrix.AsSpan(r * rows, rows);
                var targetInverse = inverse.AsSpan(r * rows, rows);
                for (int k = c; k < rows; k++)
                {
                    target[k] -= factor * mRow[k];
                }
                for (int k = 0; k < rows; k++)
                {
                    targetInverse[k] -= factor * iRow[k];
                }
            }
        }
        for (int r = 0; r < rows; r++)
        {
            inverse.AsSpan(r * rows, rows).CopyTo(_inverse.AsSpan(r * n, rows));
        }
        RecomputeWeights();
        return true;
    }

    /// <summary>y += a·x, vectorised.</summary>
    private static void AddScaled(Span<double> y, ReadOnlySpan<double> x, double a)
    {
        int width = System.Numerics.Vector<double>.Count, i = 0;
        var scale = new System.Numerics.Vector<double>(a);
        for (; i <= y.Length - width; i += width)
        {
            (new System.Numerics.Vector<double>(y[i..]) + scale * new System.Numerics.Vector<double>(x[i..])).CopyTo(y[i..]);
        }
        for (; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Scale(Span<double> y, double a)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] *= a;
        }
    }

    private static void SwapRows(double[] matrix, int width, int a, int b)
    {
        var rowA = matrix.AsSpan(a * width, width);
        var rowB = matrix.AsSpan(b * width, width);
        for (int k = 0; k < width; k++)
        {
            (rowA[k], rowB[k]) = (rowB[k], rowA[k]);
        }
    }

    /// <summary>x_B = B⁻¹ (b − Σ_N a_j x_j).</summary>
    private void RecomputeBasicValues()
    {
        int rows = Rows, n = _baseRows + _maxCuts;
        var residual = _work.AsSpan(0, rows);
        _rhs.AsSpan(0, rows).CopyTo(residual);
        int variables = _baseVariables + _cuts.Count;
        var column = _column.AsSpan(0, rows);
        for (int j = 0; j < variables; j++)
        {
            if (_position[j] >= 0)
            {
                continue;
            }
            double value = _atUpper[j] ? _upper[j] : _lower[j];
            if (value == 0)
            {
                continue;
            }
            if (j < _baseVariables)
            {
                for (int k = _varStart[j]; k < _varStart[j + 1]; k++)
                {
                    residual[_varRow[k]] -= _varValue[k] * value;
                }
                if (_cutEntries[j] is { } entries)
                {
                    foreach (var (cut, h) in entries)
                    {
                        residual[_baseRows + cut] -= h * value;
                    }
                }
            }
            else
            {
                residual[_baseRows + (j - _baseVariables)] += value;
            }
        }
        for (int r = 0; r < rows; r++)
        {
            double value = 0;
            var row = _inverse.AsSpan(r * n, rows);
            for (int c = 0; c < rows; c++)
            {
                value += row[c] * residual[c];
            }
            column[r] = value;
        }
        column.CopyTo(_basic);
    }

    private void RecomputeReducedCosts()
    {
        var duals = Duals();
        int variables = _baseVariables + _cuts.Count;
        for (int j = 0; j < variables; j++)
        {
            _reduced[j] = _position[j] >= 0 ? 0 : _cost[j] - DotColumn(duals, j);
        }
        // Keep the nonbasic statuses dual feasible (a boxed variable may sit at either bound).
        for (int j = 0; j < variables; j++)
        {
            if (_position[j] < 0)
            {
                if (_reduced[j] < -DualTolerance && !_atUpper[j])
                {
                    _atUpper[j] = true;
                }
                else if (_reduced[j] > DualTolerance && _atUpper[j])
                {
                    _atUpper[j] = false;
                }
            }
        }
        RecomputeBasicValues();
    }
}
