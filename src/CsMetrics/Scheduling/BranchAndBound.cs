namespace CsMetrics.Scheduling;

/// <summary>
/// Branch and cut over the covering LP: Gomory mixed-integer cuts at the root (Gomory 1960; in the
/// form of Cornuéjols 2008), then branching on a fractional variable's bounds, best bound first with a
/// dive into one child after each branching (Land &amp; Doig 1960). Every variable of the model (agents,
/// short, over, cap slacks) is integral in some optimal solution, so the integer rounding of every
/// tableau row is valid. Works in slices so the caller can interleave the large-neighbourhood search.
/// </summary>
internal sealed class BranchAndBound
{
    private const double IntegralityTolerance = 1e-6;
    private const int MaxCuts = 120;

    private readonly ShiftColumns _columns;
    private CoveringLp _lp = null!;
    private double[]? _rootReduced;
    private double _rootLagrangian = double.NegativeInfinity;
    private readonly double _grid;
    private readonly PriorityQueue<Node, double> _open = new();
    private readonly List<int> _dirty = [];
    private readonly bool[] _isDirty;
    private Node? _dive;
    private long _nodes;

    public BranchAndBound(ShiftColumns columns, double grid)
    {
        // The LP (and its dense inverse) is built by SolveRoot, only when there is time for the tree.
        _columns = columns;
        _grid = grid;
        _isDirty = new bool[columns.Count + 2 * columns.Problem.IntervalCount + columns.Caps.Length + MaxCuts];
    }

    /// <summary>The best proven lower bound on the optimal cost (the smallest bound of an open node, or the incumbent once none is open).</summary>
    public double Bound { get; private set; } = double.NegativeInfinity;

    /// <summary>The root LP bound after the cuts.</summary>
    public double RootBound { get; private set; } = double.NegativeInfinity;

    public double Incumbent { get; private set; } = double.PositiveInfinity;

    public int[]? IncumbentCounts { get; private set; }

    public long Nodes => _nodes;

    public long LpIterations => _lp?.Iterations ?? 0;

    public int Cuts => _lp?.CutCount ?? 0;

    /// <summary>Shift columns whose bounds reduced-cost fixing has tightened (most to zero agents).</summary>
    public int Fixed { get; private set; }

    /// <summary>True when every node is closed: the incumbent is optimal (or the problem infeasible).</summary>
    public bool Finished { get; private set; }

    public bool Infeasible { get; private set; }

    /// <summary>Tells the search about a schedule found elsewhere (it prunes nodes that cannot beat it).</summary>
    public void Offer(double cost, int[]? counts)
    {
        if (cost < Incumbent)
        {
            Incumbent = cost;
            if (counts is not null)
            {
                IncumbentCounts = (int[])counts.Clone();
            }
            FixByReducedCost();
        }
    }

    /// <summary>Solves the root LP and adds rounds of cuts. False when stopped before the root LP finished.</summary>
    public bool SolveRoot(CancellationToken cancellationToken, long deadline)
    {
        _lp ??= new CoveringLp(_columns, MaxCuts);
        var outcome = _lp.Solve(cancellationToken, deadline);
        if (outcome == LpOutcome.Infeasible)
        {
            Infeasible = Finished = true;
            return true;
        }
        Bound = RootBound = RoundUp(_lp.LagrangianBound());
        if (outcome != LpOutcome.Optimal)
        {
            return false;
        }
        for (int round = 0; round < 12 && _lp.CutCount < MaxCuts; round++)
        {
            double before = _lp.Objective;
            int added = AddGomoryCuts(Math.Min(20, MaxCuts - _lp.CutCount));
            if (added == 0)
            {
                break;
            }
            outcome = _lp.Solve(cancellationToken, deadline);
            if (outcome != LpOutcome.Optimal)
            {
                break;
            }
            RootBound = Math.Max(RootBound, RoundUp(_lp.LagrangianBound()));
            if (_lp.Objective - before < 1e-4 * Math.Max(1, Math.Abs(before)))
            {
                break;
            }
        }
        Bound = RootBound;
        _rootReduced = new double[_lp.BaseVariables];
        _rootLagrangian = _lp.RootLagrangian(_rootReduced);
        FixByReducedCost();
        _dive = new Node([], RootBound);
        return true;
    }

    /// <summary>
    /// Reduced-cost fixing (Dantzig, Fulkerson &amp; Johnson 1954; Nemhauser &amp; Wolsey 1988, II.5.1): with
    /// the root duals, every schedule costs at least <c>L + d_j (x_j − l_j)</c> for a variable with
    /// <c>d_j &gt; 0</c> (L the root Lagrangian bound), so one that beats the incumbent by half a cost step
    /// has <c>x_j ≤ l_j + ⌊(z* − step/2 − L) / d_j⌋</c>; symmetrically from the upper bound when <c>d_j &lt; 0</c>.
    /// The root bounds are tightened (for every node after this one) and so is the working LP.
    /// </summary>
    private void FixByReducedCost()
    {
        if (_rootReduced is null || double.IsPositiveInfinity(Incumbent))
        {
            return;
        }
        double slack = _grid > 0 ? _grid / 2 : 1e-9 * Math.Max(1, Math.Abs(Incumbent));
        double room = Incumbent - slack - _rootLagrangian + 1e-7 * Math.Max(1, Math.Abs(Incumbent));
        if (room < 0)
        {
            return;
        }
        int tightened = 0;
        for (int j = 0; j < _lp.Structural; j++)
        {
            double d = _rootReduced[j], lower = _lp.RootLower[j], upper = _lp.RootUpper[j];
            if (lower == upper || Math.Abs(d) < 1e-9)
            {
                continue;
            }
            double steps = Math.Floor(room / Math.Abs(d));
            if (steps >= upper - lower)
            {
                continue;
            }
            if (d > 0)
            {
                _lp.RootUpper[j] = lower + steps;
            }
            else
            {
                _lp.RootLower[j] = upper - steps;
            }
            tightened++;
            if (!_isDirty[j])
            {
                _lp.SetBounds(j, _lp.RootLower[j], _lp.RootUpper[j]);
            }
        }
        if (tightened > 0)
        {
            Fixed += tightened;
            _lp.Refresh();
        }
    }

    /// <summary>The root bounds after reduced-cost fixing (null before the root LP), for the other LPs of the solve.</summary>
    public (double[] Lower, double[] Upper)? RootBounds => _rootReduced is null ? null : (_lp.RootLower, _lp.RootUpper);

    /// <summary>Processes nodes until <paramref name="nodeBudget"/> nodes, the deadline, cancellation or the end of the tree.</summary>
    public void Run(int nodeBudget, CancellationToken cancellationToken, long deadline)
    {
        for (int processed = 0; processed < nodeBudget; processed++)
        {
            if (cancellationToken.IsCancellationRequested || Environment.TickCount64 > deadline)
            {
                return;
            }
            var node = _dive;
            _dive = null;
            if (node is null)
            {
                while (_open.TryDequeue(out var candidate, out _))
                {
                    if (!Pruned(candidate.Bound))
                    {
                        node = candidate;
                        break;
                    }
                }
            }
            if (node is null)
            {
                Finished = true;
                Bound = Math.Min(Incumbent, Math.Max(Bound, RootBound));
                return;
            }
            Process(node, cancellationToken, deadline);
            UpdateBound();
        }
    }

    private void UpdateBound()
    {
        double lowest = Incumbent;
        if (_dive is not null)
        {
            lowest = Math.Min(lowest, _dive.Bound);
        }
        if (_open.TryPeek(out var best, out _))
        {
            lowest = Math.Min(lowest, best.Bound);
        }
        Bound = Math.Max(Bound, lowest);
    }

    private void Process(Node node, CancellationToken cancellationToken, long deadline)
    {
        _nodes++;
        if (!Apply(node))
        {
            return;
        }
        var outcome = _lp.Solve(cancellationToken, deadline);
        if (outcome == LpOutcome.Infeasible)
        {
            return;
        }
        double bound = Math.Max(node.Bound, RoundUp(_lp.LagrangianBound()));
        if (outcome == LpOutcome.Stopped)
        {
            _open.Enqueue(node with { Bound = bound }, bound);
            return;
        }
        if (Pruned(bound))
        {
            return;
        }
        int branch = ChooseBranch(out double value);
        if (branch < 0)
        {
            // Integral: a schedule with the LP's cost.
            var counts = new int[_lp.Structural];
            for (int j = 0; j < counts.Length; j++)
            {
                counts[j] = (int)Math.Round(_lp.Value(j));
            }
            NewIncumbent?.Invoke(counts);
            return;
        }
        double down = Math.Floor(value), up = down + 1;
        var downNode = new Node([.. node.Changes, (branch, _lp.Lower(branch), down)], bound);
        var upNode = new Node([.. node.Changes, (branch, up, _lp.Upper(branch))], bound);
        // Dive towards the nearer integer; the other child waits in the queue by its bound.
        bool upFirst = value - down >= 0.5;
        _dive = upFirst ? upNode : downNode;
        var other = upFirst ? downNode : upNode;
        _open.Enqueue(other, bound);
    }

    /// <summary>Called with the agents per column of each integral LP solution found in the tree.</summary>
    public Action<int[]>? NewIncumbent { get; set; }

    private bool Pruned(double bound)
    {
        if (double.IsPositiveInfinity(Incumbent))
        {
            return false;
        }
        double slack = _grid > 0 ? _grid / 2 : 1e-9 * Math.Max(1, Math.Abs(Incumbent));
        return bound >= Incumbent - slack;
    }

    /// <summary>The most fractional agents variable (ties: the dearer shift), then any fractional variable, or −1 when integral.</summary>
    private int ChooseBranch(out double value)
    {
        int best = -1;
        double bestScore = 0;
        value = 0;
        for (int pass = 0; pass < 2 && best < 0; pass++)
        {
            int from = pass == 0 ? 0 : _lp.Structural, to = pass == 0 ? _lp.Structural : _lp.BaseVariables;
            for (int j = from; j < to; j++)
            {
                if (!_lp.IsBasic(j))
                {
                    continue;
                }
                double x = _lp.Value(j);
                double fraction = x - Math.Floor(x);
                double distance = Math.Min(fraction, 1 - fraction);
                if (distance <= IntegralityTolerance)
                {
                    continue;
                }
                double score = distance * (1 + _lp.Cost(j));
                if (score > bestScore)
                {
                    bestScore = score;
                    best = j;
                    value = x;
                }
            }
        }
        return best;
    }

    /// <summary>Sets the node's bounds (within the root bounds, which reduced-cost fixing may have tightened since); false when they are empty.</summary>
    private bool Apply(Node node)
    {
        foreach (int j in _dirty)
        {
            _lp.SetBounds(j, _lp.RootLower[j], _lp.RootUpper[j]);
            _isDirty[j] = false;
        }
        _dirty.Clear();
        bool empty = false;
        foreach (var (variable, lower, upper) in node.Changes)
        {
            double low = Math.Max(lower, _lp.RootLower[variable]), high = Math.Min(upper, _lp.RootUpper[variable]);
            if (low > high)
            {
                empty = true;
                high = low;
            }
            _lp.SetBounds(variable, low, high);
            if (!_isDirty[variable])
            {
                _isDirty[variable] = true;
                _dirty.Add(variable);
            }
        }
        _lp.Refresh();
        return !empty;
    }

    /// <summary>Gomory mixed-integer cuts from the most fractional basic rows; returns how many were added.</summary>
    private int AddGomoryCuts(int limit)
    {
        int rows = _lp.Rows, baseVariables = _lp.BaseVariables;
        var candidates = new List<(int Row, double Distance)>();
        for (int r = 0; r < rows; r++)
        {
            int variable = _lp.BasicOf(r);
            if (variable >= baseVariables)
            {
                continue;
            }
            double x = _lp.Value(variable);
            double fraction = x - Math.Floor(x);
            if (fraction > 0.01 && fraction < 0.99)
            {
                candidates.Add((r, Math.Min(fraction, 1 - fraction)));
            }
        }
        candidates.Sort((a, b) => b.Distance.CompareTo(a.Distance));
        int added = 0;
        foreach (var (row, _) in candidates)
        {
            if (added == limit)
            {
                break;
            }
            if (GomoryCut(row) is { } cut && _lp.AddCut(cut.Coefficients, cut.Rhs))
            {
                _cutRows.Add(cut);
                added++;
            }
        }
        return added;
    }

    /// <summary>
    /// The GMI cut of one tableau row x_p + Σ a_j t_j = b (t_j ≥ 0 the nonbasic variables' distances from
    /// their bounds, f0 = frac(b)): Σ_{integer j} min(f_j/f0, (1−f_j)/(1−f0)) t_j + Σ_{continuous j}
    /// (a_j⁺/f0 + a_j⁻/(1−f0)) t_j ≥ 1, written back in the original variables (cut surpluses substituted).
    /// </summary>
    private (double[] Coefficients, double Rhs)? GomoryCut(int row)
    {
        int baseVariables = _lp.BaseVariables;
        var alpha = _lp.TableauRow(row, out double value);
        double f0 = value - Math.Floor(value);
        var coefficients = new double[baseVariables];
        double rhs = 1;
        for (int j = 0; j < alpha.Length; j++)
        {
            if (_lp.IsBasic(j) || alpha[j] == 0 || Math.Abs(alpha[j]) < 1e-11 || _lp.RootLower[j] == _lp.RootUpper[j])
            {
                continue;
            }
            bool atUpper = _lp.AtUpper(j);
            double a = atUpper ? -alpha[j] : alpha[j];
            double g;
            if (j < baseVariables)
            {
                double fj = a - Math.Floor(a);
                g = fj <= f0 ? fj / f0 : (1 - fj) / (1 - f0);
            }
            else
            {
                g = a >= 0 ? a / f0 : -a / (1 - f0);
            }
            if (g == 0)
            {
                continue;
            }
            // t_j = x_j − l_j at the lower bound, u_j − x_j at the upper bound.
            double bound = atUpper ? _lp.RootUpper[j] : _lp.RootLower[j];
            double sign = atUpper ? -1 : 1;
            if (j < baseVariables)
            {
                coefficients[j] += sign * g;
            }
            else
            {
                // A cut surplus t_k = h_k·x − β_k: substitute it.
                var (h, beta) = _cutRows[j - baseVariables];
                for (int k = 0; k < baseVariables; k++)
                {
                    coefficients[k] += sign * g * h[k];
                }
                rhs += sign * g * beta;
            }
            rhs += sign * g * bound;
        }
        // Drop tiny coefficients safely, and refuse badly scaled cuts.
        double largest = 0;
        for (int k = 0; k < baseVariables; k++)
        {
            largest = Math.Max(largest, Math.Abs(coefficients[k]));
        }
        if (largest == 0)
        {
            return null;
        }
        double norm = 0, activity = 0;
        for (int k = 0; k < baseVariables; k++)
        {
            double h = coefficients[k];
            if (h != 0 && Math.Abs(h) < 1e-9 * largest)
            {
                if (h > 0)
                {
                    rhs -= h * _lp.RootUpper[k];
                }
                else
                {
                    rhs -= h * _lp.RootLower[k];
                }
                coefficients[k] = 0;
                continue;
            }
            norm += h * h;
            activity += h * _lp.Value(k);
        }
        double smallest = double.PositiveInfinity;
        for (int k = 0; k < baseVariables; k++)
        {
            if (coefficients[k] != 0)
            {
                smallest = Math.Min(smallest, Math.Abs(coefficients[k]));
            }
        }
        if (largest / smallest > 1e6)
        {
            return null;
        }
        double efficacy = (rhs - activity) / Math.Sqrt(norm);
        if (!(efficacy > 1e-5))
        {
            return null;
        }
        return (coefficients, rhs);
    }

    private readonly List<(double[] H, double Beta)> _cutRows = [];

    private double RoundUp(double bound) =>
        _grid > 0 ? Math.Ceiling(bound / _grid - 1e-6) * _grid : bound;

    private sealed record Node((int Variable, double Lower, double Upper)[] Changes, double Bound);
}
