namespace CsMetrics.Rostering;

/// <summary>
/// The column-generation (Dantzig-Wolfe) lower bound of a rostering problem, reported as the best Lagrangian bound
/// seen, so it is valid at every iteration and may stop at any work limit.
/// </summary>
/// <remarks>
/// <para>
/// Master LP (Burke &amp; Curtois 2014, "New approaches to nurse rostering benchmark instances", EJOR 237(1) 71-81):
/// choose a convex combination of roster lines λ_aj per agent a (Σ_j λ_aj = 1), and for each (day, shift) cell c
/// with a cover weight, Σ_aj x_ajc λ_aj + under_c − over_c = required_c with under and over costing the under- and
/// over-weights. A line's cost is its request penalties. Pricing is the agent's resource-constrained shortest path
/// over days (<see cref="AgentLineSearch"/>) with work on cell c costing its request change − π_c.
/// </para>
/// <para>
/// Validity does not rest on the LP being solved exactly. Dualising the cover rows with any π_c in [−over_c,
/// under_c] (the duals are clipped to this box) gives L(π) = Σ_c π_c required_c + Σ_a min over lines (cost − Σ_c π_c
/// x_c) ≤ optimum, and a pricing problem over a superset of the feasible lines only lowers each minimum. The pricing
/// keeps every contract rule except the per-type maxima. Those become master rows Σ_j count_t(j) λ_aj ≤ max_at, and
/// their duals, clipped to ν_at ≥ 0, price each shift of type t in the pricing (the bound gains − Σ_t ν_at max_at,
/// again valid for every ν ≥ 0), so the master converges to the LP with the per-type maxima convexified; an agent whose search is too large
/// is priced by its per-day minimum, a further relaxation. The integer bound is ⌈L − 1e-6·max(1, |L|)⌉, the slack
/// covering floating rounding. The master is a revised primal simplex with a dense basis inverse, started from
/// big-M artificial columns; its duals steer π.
/// </para>
/// </remarks>
internal sealed class RosterColumnGeneration
{
    private readonly RosterProblem _p;
    private readonly int _e, _days, _s;
    private readonly int[] _rowOfCell; // cover row (after the agent rows) of each cell, or -1
    private readonly int[] _cellOfRow;
    private readonly int _m;
    private readonly double[] _nu; // per-type-maximum multipliers, agent-major
    private readonly int[] _typeRow; // master row of each binding (agent, type) maximum, or -1
    private readonly double[] _constant; // Σ on-weights per agent: the cost of the all-off line

    // Master columns: 0..C-1 under, C..2C-1 over, then E artificials, then roster lines.
    private readonly List<double> _colCost = [];
    private readonly List<int[]> _colRows = [];
    private readonly List<double[]> _colCoef = [];
    private double[] _binv = [];
    private int[] _basis = [];
    private double[] _xb = [];

    public RosterColumnGeneration(RosterProblem problem)
    {
        _p = problem;
        _e = problem.Agents.Count;
        _days = problem.Days;
        _s = problem.ShiftTypes.Count;
        _rowOfCell = new int[_days * _s];
        var cells = new List<int>();
        for (int c = 0; c < _rowOfCell.Length; c++)
        {
            _rowOfCell[c] = problem.UnderWeight[c] + problem.OverWeight[c] > 0 ? _e + cells.Count : -1;
            if (_rowOfCell[c] >= 0)
            {
                cells.Add(c);
            }
        }
        _cellOfRow = cells.ToArray();
        _m = _e + _cellOfRow.Length;
        _typeRow = new int[_e * _s];
        for (int k = 0; k < _typeRow.Length; k++)
        {
            _typeRow[k] = problem.MaxShifts[k] < _days ? _m++ : -1;
        }
        _nu = new double[_e * _s];
        _constant = new double[_e];
        for (int a = 0; a < _e; a++)
        {
            for (int k = a * _days * _s; k < (a + 1) * _days * _s; k++)
            {
                _constant[a] += problem.OnWeight[k];
            }
        }
    }

    /// <summary>Master rows: E convexity rows, one per weighted cover cell, one per per-type maximum below the horizon.</summary>
    public int Rows => _m;

    /// <summary>Rounds of pricing done by the last <see cref="Run"/>.</summary>
    public int Rounds { get; private set; }

    /// <summary>Roster lines added to the master.</summary>
    public int Columns => _colCost.Count - 2 * _cellOfRow.Length - _e;

    /// <summary>The last master LP value (an upper estimate of the LP bound while columns are missing).</summary>
    public double MasterObjective { get; private set; }

    /// <summary>Whether the last round found no improving column (the master LP's value is then the bound of the relaxation).</summary>
    public bool Converged { get; private set; }

    /// <summary>
    /// Runs column generation until no line prices out, <paramref name="maxRounds"/> rounds, the pricing work
    /// plus simplex work (m² per pivot) exceeds <paramref name="maxWork"/> (machine-independent, so deterministic) or
    /// cancellation; returns the best
    /// Lagrangian bound (a real number; see the remarks for its rounding).
    /// </summary>
    public double Run(int maxRounds, long maxWork, CancellationToken cancellationToken)
    {
        var p = _p;
        int C = _cellOfRow.Length;
        // Columns and the slack basis: artificials for the agent rows, under for the cover rows.
        double bigM = 1;
        for (int c = 0; c < p.UnderWeight.Length; c++)
        {
            bigM += (double)p.Required[c] * p.UnderWeight[c] + (double)_e * p.OverWeight[c];
        }
        foreach (var w in p.OnWeight)
        {
            bigM += w;
        }
        foreach (var w in p.OffWeight)
        {
            bigM += w;
        }
        for (int r = 0; r < C; r++)
        {
            AddColumn(p.UnderWeight[_cellOfRow[r]], [_e + r], [1]);
        }
        for (int r = 0; r < C; r++)
        {
            AddColumn(p.OverWeight[_cellOfRow[r]], [_e + r], [-1]);
        }
        for (int a = 0; a < _e; a++)
        {
            AddColumn(bigM, [a], [1]);
        }
        int typeSlack = _colCost.Count;
        foreach (int r in _typeRow)
        {
            if (r >= 0)
            {
                AddColumn(0, [r], [1]);
            }
        }
        _binv = new double[_m * _m];
        _basis = new int[_m];
        _xb = new double[_m];
        for (int i = 0; i < _m; i++)
        {
            _binv[i * _m + i] = 1;
        }
        for (int a = 0; a < _e; a++)
        {
            _basis[a] = 2 * C + a;
            _xb[a] = 1;
        }
        for (int r = 0; r < C; r++)
        {
            _basis[_e + r] = r;
            _xb[_e + r] = p.Required[_cellOfRow[r]];
        }
        for (int k = 0, j = typeSlack; k < _typeRow.Length; k++)
        {
            if (_typeRow[k] >= 0)
            {
                _basis[_typeRow[k]] = j++;
                _xb[_typeRow[k]] = p.MaxShifts[k];
            }
        }

        var search = new AgentLineSearch(p);
        var row = new int[_days];
        Array.Fill(row, Roster.Off);
        var line = new int[_days];
        var cost = new double[_days * _s];
        var y = new double[_m];
        var pi = new double[_days * _s];
        var count = new int[_s];
        double best = double.NegativeInfinity;
        long work = 0;
        Rounds = 0;
        Converged = false;
        while (Rounds < maxRounds && work <= maxWork && !cancellationToken.IsCancellationRequested)
        {
            Rounds++;
            MasterObjective = Simplex(cancellationToken, ref work);
            Duals(y);
            Array.Clear(pi);
            double bound = 0;
            for (int r = 0; r < C; r++)
            {
                int c = _cellOfRow[r];
                pi[c] = Math.Clamp(y[_e + r], -p.OverWeight[c], p.UnderWeight[c]);
                bound += pi[c] * p.Required[c];
            }
            for (int k = 0; k < _typeRow.Length; k++)
            {
                // The dual of a <= row of a minimisation is <= 0; its negation prices a shift of that type.
                _nu[k] = _typeRow[k] >= 0 ? Math.Max(0, -y[_typeRow[k]]) : 0;
            }
            bool improving = false;
            for (int a = 0; a < _e; a++)
            {
                int baseCell = a * _days * _s;
                for (int d = 0; d < _days; d++)
                {
                    for (int t = 0; t < _s; t++)
                    {
                        int k = d * _s + t;
                        cost[k] = p.OffWeight[baseCell + k] - p.OnWeight[baseCell + k] - pi[k] + _nu[a * _s + t];
                    }
                }
                double nuTerm = 0;
                for (int t = 0; t < _s; t++)
                {
                    if (_typeRow[a * _s + t] >= 0)
                    {
                        nuTerm += _nu[a * _s + t] * p.MaxShifts[a * _s + t];
                    }
                }
                bool found = search.Solve(a, row, 0, _days, cost, line);
                work += search.LastWork;
                double z;
                if (found)
                {
                    z = 0;
                    Array.Clear(count);
                    for (int d = 0; d < _days; d++)
                    {
                        if (line[d] != Roster.Off)
                        {
                            z += cost[d * _s + line[d]];
                            count[line[d]]++;
                        }
                    }
                    // The line's reduced cost in the master (true cost, without the ν terms) decides whether it enters.
                    double trueCost = _constant[a], reduced = -y[a];
                    var rows = new List<int> { a };
                    var coef = new List<double> { 1 };
                    for (int d = 0; d < _days; d++)
                    {
                        if (line[d] == Roster.Off)
                        {
                            continue;
                        }
                        int k = d * _s + line[d];
                        trueCost += p.OffWeight[baseCell + k] - p.OnWeight[baseCell + k];
                        if (_rowOfCell[k] >= 0)
                        {
                            rows.Add(_rowOfCell[k]);
                            coef.Add(1);
                            reduced -= y[_rowOfCell[k]];
                        }
                    }
                    reduced += trueCost;
                    for (int t = 0; t < _s; t++)
                    {
                        int r = _typeRow[a * _s + t];
                        if (r >= 0 && count[t] > 0)
                        {
                            rows.Add(r);
                            coef.Add(count[t]);
                            reduced -= y[r] * count[t];
                        }
                    }
                    if (reduced < -1e-7)
                    {
                        AddColumn(trueCost, rows.ToArray(), coef.ToArray());
                        improving = true;
                    }
                }
                else
                {
                    // A relaxation: each day's cheapest choice (off = 0, or a shift the agent may work).
                    z = 0;
                    for (int d = 0; d < _days; d++)
                    {
                        double m = 0;
                        if (!p.DayOff[a * _days + d])
                        {
                            for (int t = 0; t < _s; t++)
                            {
                                if (p.MaxShifts[a * _s + t] > 0)
                                {
                                    m = Math.Min(m, cost[d * _s + t]);
                                }
                            }
                        }
                        z += m;
                    }
                }
                bound += _constant[a] + z - nuTerm;
            }
            best = Math.Max(best, bound);
            if (!improving)
            {
                Converged = true;
                break;
            }
        }
        return best;
    }

    /// <summary>The integer bound from a real one (objectives are integers), with slack for floating rounding.</summary>
    public static int ToInteger(double bound) =>
        double.IsNegativeInfinity(bound) ? 0 : (int)Math.Max(0, Math.Min(int.MaxValue, Math.Ceiling(bound - 1e-6 * Math.Max(1, Math.Abs(bound)))));

    private void AddColumn(double cost, int[] rows, double[] coefficients)
    {
        _colCost.Add(cost);
        _colRows.Add(rows);
        _colCoef.Add(coefficients);
    }

    private void Duals(double[] y)
    {
        Array.Clear(y);
        for (int i = 0; i < _m; i++)
        {
            double cb = _colCost[_basis[i]];
            if (cb == 0)
            {
                continue;
            }
            for (int j = 0; j < _m; j++)
            {
                y[j] += cb * _binv[i * _m + j];
            }
        }
    }

    // Revised primal simplex on the current columns (Dantzig pricing, Bland's rule after degenerate runs).
    private double Simplex(CancellationToken cancellationToken, ref long work)
    {
        int m = _m;
        var y = new double[m];
        var w = new double[m];
        var isBasic = new bool[_colCost.Count];
        foreach (int b in _basis)
        {
            isBasic[b] = true;
        }
        int degenerate = 0;
        for (int iteration = 0; iteration < 50_000 && !cancellationToken.IsCancellationRequested; iteration++)
        {
            Duals(y);
            work += 2L * m * m + _colCost.Count; // the duals and the basis update dominate a pivot
            int enter = -1;
            double bestReduced = -1e-9;
            bool bland = degenerate > 50;
            for (int j = 0; j < _colCost.Count; j++)
            {
                if (isBasic[j])
                {
                    continue;
                }
                double d = _colCost[j];
                var rows = _colRows[j];
                var coef = _colCoef[j];
                for (int k = 0; k < rows.Length; k++)
                {
                    d -= coef[k] * y[rows[k]];
                }
                if (d < bestReduced)
                {
                    enter = j;
                    bestReduced = d;
                    if (bland)
                    {
                        break;
                    }
                }
            }
            if (enter < 0)
            {
                break;
            }
            // w = B⁻¹ A_enter.
            Array.Clear(w);
            var enterRows = _colRows[enter];
            var enterCoef = _colCoef[enter];
            for (int k = 0; k < enterRows.Length; k++)
            {
                for (int i = 0; i < m; i++)
                {
                    w[i] += enterCoef[k] * _binv[i * m + enterRows[k]];
                }
            }
            int leave = -1;
            double ratio = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                if (w[i] > 1e-9)
                {
                    double q = Math.Max(0, _xb[i]) / w[i];
                    if (q < ratio - 1e-12 || (q <= ratio + 1e-12 && leave >= 0 && _basis[i] < _basis[leave]))
                    {
                        ratio = q;
                        leave = i;
                    }
                }
            }
            if (leave < 0)
            {
                break; // unbounded cannot happen (every cost is >= 0); stop rather than loop
            }
            degenerate = ratio < 1e-12 ? degenerate + 1 : 0;
            double pivot = w[leave];
            for (int j = 0; j < m; j++)
            {
                _binv[leave * m + j] /= pivot;
            }
            _xb[leave] = Math.Max(0, _xb[leave]) / pivot;
            for (int i = 0; i < m; i++)
            {
                if (i == leave || w[i] == 0)
                {
                    continue;
                }
                double f = w[i];
                for (int j = 0; j < m; j++)
                {
                    _binv[i * m + j] -= f * _binv[leave * m + j];
                }
                _xb[i] -= f * _xb[leave];
            }
            isBasic[_basis[leave]] = false;
            _basis[leave] = enter;
            isBasic[enter] = true;
        }
        double objective = 0;
        for (int i = 0; i < m; i++)
        {
            objective += _colCost[_basis[i]] * _xb[i];
        }
        return objective;
    }
}
