namespace CsMetrics.Scheduling;

/// <summary>The outcome of a <see cref="CoveringLp"/> solve.</summary>
internal enum LpOutcome
{
    Optimal,
    Infeasible,
    Stopped,
}

/// <summary>
/// The LP relaxation of the covering problem over explicit columns, solved by the dual simplex method
/// with an explicit basis inverse (revised simplex; Dantzig 1963, Lemke 1954; Harris 1973 ratio test):
/// <code>
/// min  Σ_j c_j x_j + U Σ_i u_i + O Σ_i o_i
/// s.t. Σ_j a_ij x_j + u_i − o_i = r_i      (each interval i; u absent with hard coverage)
///      Σ_{j in g} x_j + s_g = cap_g        (each capped template and day g)
///      x, u, o, s ≥ 0
/// </code>
/// The slack basis {o, s} is dual feasible because every cost is ≥ 0, so no phase 1 is needed, every
/// iterate's objective is a valid lower bound, and a change of right-hand side (fixing agents in a dive)
/// warm-starts from the current basis.
/// </summary>
internal sealed class CoveringLp
{
    private const double PrimalTolerance = 1e-9;
    private const double DualTolerance = 1e-9;
    private const double PivotTolerance = 1e-9;

    private readonly int _rowCount;
    private readonly int _structural;
    private readonly int[] _varStart;
    private readonly int[] _varRow;
    private readonly double[] _varValue;
    private readonly double[] _cost;
    private readonly double[] _rhs;
    private readonly int[] _basis;
    private readonly int[] _position;
    private readonly double[] _inverse;
    private readonly double[] _basic;
    private readonly double[] _reduced;
    private readonly double[] _rho;
    private readonly double[] _alphaRow;
    private readonly double[] _column;

    public CoveringLp(ShiftColumns columns)
    {
        var problem = columns.Problem;
        int intervals = problem.IntervalCount, caps = columns.Caps.Length;
        bool soft = problem.UnderstaffCost.HasValue;
        _rowCount = intervals + caps;
        _structural = columns.Count;
        int variables = _structural + intervals * (soft ? 2 : 1) + caps;
        _varStart = new int[variables + 1];
        var rows = new List<int>(columns.Rows.Length + _structural + 3 * intervals);
        var values = new List<double>(rows.Capacity);
        _cost = new double[variables];
        int v = 0;
        for (int c = 0; c < _structural; c++, v++)
        {
            var covered = columns.RowsOf(c);
            var weights = columns.WeightsOf(c);
            for (int k = 0; k < covered.Length; k++)
            {
                rows.Add(covered[k]);
                values.Add(weights[k]);
            }
            if (columns.CapGroup[c] >= 0)
            {
                rows.Add(intervals + columns.CapGroup[c]);
                values.Add(1);
            }
            _cost[v] = columns.Cost[c];
            _varStart[v + 1] = rows.Count;
        }
        OverIndex = v;
        for (int i = 0; i < intervals; i++, v++)
        {
            rows.Add(i);
            values.Add(-1);
            _cost[v] = problem.OverstaffCost;
            _varStart[v + 1] = rows.Count;
        }
        UnderIndex = soft ? v : -1;
        if (soft)
        {
            for (int i = 0; i < intervals; i++, v++)
            {
                rows.Add(i);
                values.Add(1);
                _cost[v] = problem.UnderstaffCost!.Value;
                _varStart[v + 1] = rows.Count;
            }
        }
        int slack = v;
        for (int g = 0; g < caps; g++, v++)
        {
            rows.Add(intervals + g);
            values.Add(1);
            _varStart[v + 1] = rows.Count;
        }
        _varRow = rows.ToArray();
        _varValue = values.ToArray();
        _rhs = new double[_rowCount];
        _basis = new int[_rowCount];
        _position = new int[variables];
        _inverse = new double[_rowCount * _rowCount];
        _basic = new double[_rowCount];
        _reduced = new double[variables];
        _rho = new double[_rowCount];
        _alphaRow = new double[variables];
        _column = new double[_rowCount];

        // Slack basis: o_i for interval rows (coefficient −1), s_g for cap rows.
        Array.Fill(_position, -1);
        for (int r = 0; r < _rowCount; r++)
        {
            int basic = r < intervals ? OverIndex + r : slack + (r - intervals);
            _basis[r] = basic;
            _position[basic] = r;
            _inverse[r * _rowCount + r] = r < intervals ? -1 : 1;
        }
        RecomputeReducedCosts();
    }

    /// <summary>The first over-staffing variable (o_0); u_0 is at <see cref="UnderIndex"/> (−1 with hard coverage).</summary>
    public int OverIndex { get; }

    public int UnderIndex { get; }

    public int Iterations { get; private set; }

    /// <summary>Sets the right-hand side: requirements per interval, then the remaining cap per cap row.</summary>
    public void SetRightHandSide(ReadOnlySpan<double> requirements, ReadOnlySpan<double> caps)
    {
        requirements.CopyTo(_rhs);
        caps.CopyTo(_rhs.AsSpan(requirements.Length));
        RecomputeBasicValues();
    }

    /// <summary>The objective of the current basis: c_B·B⁻¹b = the dual objective, a lower bound while the basis stays dual feasible.</summary>
    public double Objective
    {
        get
        {
            double total = 0;
            for (int r = 0; r < _rowCount; r++)
            {
                total += _cost[_basis[r]] * _basic[r];
            }
            return total;
        }
    }

    /// <summary>Writes the structural variables' values (agents per column) into <paramref name="destination"/>.</summary>
    public void Primal(Span<double> destination)
    {
        destination[.._structural].Clear();
        for (int r = 0; r < _rowCount; r++)
        {
            if (_basis[r] < _structural)
            {
                destination[_basis[r]] = Math.Max(0, _basic[r]);
            }
        }
    }

    /// <summary>The value of variable <paramref name="variable"/> in the current basic solution.</summary>
    public double Value(int variable) => _position[variable] >= 0 ? _basic[_position[variable]] : 0;

    /// <summary>Runs dual simplex iterations until optimal, infeasible, cancelled or <paramref name="deadline"/> passes.</summary>
    public LpOutcome Solve(CancellationToken cancellationToken, long deadline)
    {
        int sinceRefresh = 0;
        while (true)
        {
            if ((Iterations & 63) == 0 && (cancellationToken.IsCancellationRequested || Environment.TickCount64 > deadline))
            {
                return LpOutcome.Stopped;
            }
            if (++sinceRefresh == 200)
            {
                sinceRefresh = 0;
                RecomputeBasicValues();
                RecomputeReducedCosts();
            }
            int leave = ChooseLeavingRow();
            if (leave < 0)
            {
                return LpOutcome.Optimal;
            }
            int enter = ChooseEnteringVariable(leave);
            if (enter < 0)
            {
                return LpOutcome.Infeasible;
            }
            Pivot(leave, enter);
            Iterations++;
        }
    }

    /// <summary>The most negative basic variable (Dantzig's rule for the dual simplex), or −1 when all are ≥ 0.</summary>
    private int ChooseLeavingRow()
    {
        int leave = -1;
        double worst = -PrimalTolerance;
        for (int r = 0; r < _rowCount; r++)
        {
            if (_basic[r] < worst)
            {
                worst = _basic[r];
                leave = r;
            }
        }
        return leave;
    }

    /// <summary>The dual ratio test on row <paramref name="leave"/>: the entering column with α &lt; 0 that keeps every reduced cost ≥ 0.</summary>
    private int ChooseEnteringVariable(int leave)
    {
        int n = _rowCount;
        Array.Copy(_inverse, leave * n, _rho, 0, n);
        var rho = _rho.AsSpan();
        double bound = double.PositiveInfinity;
        for (int j = 0; j < _alphaRow.Length; j++)
        {
            if (_position[j] >= 0)
            {
                _alphaRow[j] = 0;
                continue;
            }
            double alpha = 0;
            for (int k = _varStart[j]; k < _varStart[j + 1]; k++)
            {
                alpha += rho[_varRow[k]] * _varValue[k];
            }
            _alphaRow[j] = alpha;
            if (alpha < -PivotTolerance)
            {
                bound = Math.Min(bound, (Math.Max(0, _reduced[j]) + DualTolerance) / -alpha);
            }
        }
        if (double.IsPositiveInfinity(bound))
        {
            return -1;
        }
        // Harris's second pass: among the ratios within the relaxed bound, the largest pivot.
        int enter = -1;
        double largest = 0;
        for (int j = 0; j < _alphaRow.Length; j++)
        {
            double alpha = _alphaRow[j];
            if (alpha < -PivotTolerance && Math.Max(0, _reduced[j]) / -alpha <= bound && -alpha > largest)
            {
                largest = -alpha;
                enter = j;
            }
        }
        return enter;
    }

    private void Pivot(int leave, int enter)
    {
        int n = _rowCount;
        var inverse = _inverse.AsSpan();
        var column = _column.AsSpan();
        column.Clear();
        for (int k = _varStart[enter]; k < _varStart[enter + 1]; k++)
        {
            int row = _varRow[k];
            double value = _varValue[k];
            for (int r = 0; r < n; r++)
            {
                column[r] += inverse[r * n + row] * value;
            }
        }
        double pivot = column[leave];

        // Dual step: reduced costs move by θ·α (θ ≥ 0); the leaving variable's becomes θ.
        double theta = Math.Max(0, _reduced[enter]) / -_alphaRow[enter];
        for (int j = 0; j < _reduced.Length; j++)
        {
            if (_alphaRow[j] != 0)
            {
                _reduced[j] += theta * _alphaRow[j];
            }
        }
        int leaving = _basis[leave];
        _reduced[leaving] = theta;
        _reduced[enter] = 0;

        // Primal step: the entering variable takes x_B[leave] / pivot.
        double step = _basic[leave] / pivot;
        for (int r = 0; r < n; r++)
        {
            if (column[r] != 0)
            {
                _basic[r] -= step * column[r];
            }
        }
        _basic[leave] = step;

        // B⁻¹ ← E·B⁻¹: scale the pivot row, eliminate the entering column elsewhere.
        var pivotRow = inverse.Slice(leave * n, n);
        double scale = 1 / pivot;
        for (int c = 0; c < n; c++)
        {
            pivotRow[c] *= scale;
        }
        for (int r = 0; r < n; r++)
        {
            double factor = column[r];
            if (r == leave || factor == 0)
            {
                continue;
            }
            var row = inverse.Slice(r * n, n);
            for (int c = 0; c < n; c++)
            {
                row[c] -= factor * pivotRow[c];
            }
        }
        _basis[leave] = enter;
        _position[enter] = leave;
        _position[leaving] = -1;
    }

    private void RecomputeBasicValues()
    {
        int n = _rowCount;
        for (int r = 0; r < n; r++)
        {
            double value = 0;
            var row = _inverse.AsSpan(r * n, n);
            for (int c = 0; c < n; c++)
            {
                value += row[c] * _rhs[c];
            }
            _basic[r] = value;
        }
    }

    private void RecomputeReducedCosts()
    {
        int n = _rowCount;
        var duals = _rho.AsSpan();
        duals.Clear();
        for (int r = 0; r < n; r++)
        {
            double cost = _cost[_basis[r]];
            if (cost == 0)
            {
                continue;
            }
            var row = _inverse.AsSpan(r * n, n);
            for (int c = 0; c < n; c++)
            {
                duals[c] += cost * row[c];
            }
        }
        for (int j = 0; j < _reduced.Length; j++)
        {
            if (_position[j] >= 0)
            {
                _reduced[j] = 0;
                continue;
            }
            double value = _cost[j];
            for (int k = _varStart[j]; k < _varStart[j + 1]; k++)
            {
                value -= duals[_varRow[k]] * _varValue[k];
            }
            _reduced[j] = value;
        }
    }
}
