namespace CsMetrics.Scheduling;

/// <summary>
/// An integer schedule (agents per column) with its coverage and cost kept up to date, and the moves
/// of the local search: drop an agent, add an agent, move an agent to a nearby column, and a
/// large-neighbourhood step that clears a time window and refills it greedily.
/// </summary>
/// <remarks>
/// The cost of interval i at coverage c is <c>f_i(c) = U·max(0, r_i − c) + O·max(0, c − r_i)</c>; with hard
/// coverage U is a penalty larger than any schedule's savings, so the search leaves no shortfall that a
/// shift could fill. A move's change in cost is the change in the column's cost plus the changes of f over
/// the intervals it covers, so a move costs O(shift length).
/// </remarks>
internal sealed class ScheduleSearch
{
    private const double Epsilon = 1e-9;
    private const int NeighbourhoodMinutes = 240;

    private readonly ShiftColumns _columns;
    private readonly int[] _requirements;
    private readonly double _under;
    private readonly double _over;
    private readonly int[] _capUsed;
    private readonly int[] _byStart;
    private readonly int[] _rankOfColumn;
    private readonly int _neighbourIntervals;

    public ScheduleSearch(ShiftColumns columns, double understaffPenalty)
    {
        _columns = columns;
        var problem = columns.Problem;
        _requirements = problem.Requirements.ToArray();
        _under = understaffPenalty;
        _over = problem.OverstaffCost;
        Counts = new int[columns.Count];
        Coverage = new int[_requirements.Length];
        _capUsed = new int[columns.Caps.Length];
        _byStart = Enumerable.Range(0, columns.Count).OrderBy(c => columns.AbsoluteStartInterval[c]).ThenBy(c => c).ToArray();
        _rankOfColumn = new int[columns.Count];
        for (int k = 0; k < _byStart.Length; k++)
        {
            _rankOfColumn[_byStart[k]] = k;
        }
        _neighbourIntervals = Math.Max(1, NeighbourhoodMinutes / problem.IntervalMinutes);
        Cost = Penalties();
    }

    public int[] Counts { get; }

    public int[] Coverage { get; }

    /// <summary>The cost with the search's understaffing price (the true cost when coverage is soft).</summary>
    public double Cost { get; private set; }

    public void Set(ReadOnlySpan<int> counts)
    {
        Array.Clear(Coverage);
        Array.Clear(_capUsed);
        double cost = 0;
        for (int c = 0; c < Counts.Length; c++)
        {
            Counts[c] = counts[c];
            if (counts[c] == 0)
            {
                continue;
            }
            cost += _columns.Cost[c] * counts[c];
            var rows = _columns.RowsOf(c);
            var weights = _columns.WeightsOf(c);
            for (int k = 0; k < rows.Length; k++)
            {
                Coverage[rows[k]] += weights[k] * counts[c];
            }
            if (_columns.CapGroup[c] >= 0)
            {
                _capUsed[_columns.CapGroup[c]] += counts[c];
            }
        }
        Cost = cost + Penalties();
    }

    public bool CanAdd(int column) =>
        _columns.CapGroup[column] < 0 || _capUsed[_columns.CapGroup[column]] < _columns.Caps[_columns.CapGroup[column]];

    /// <summary>The change in cost of adding (<paramref name="sign"/> = +1) or removing (−1) one agent of a column.</summary>
    public double Delta(int column, int sign)
    {
        double delta = sign * _columns.Cost[column];
        var rows = _columns.RowsOf(column);
        var weights = _columns.WeightsOf(column);
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            delta += IntervalCost(i, Coverage[i] + sign * weights[k]) - IntervalCost(i, Coverage[i]);
        }
        return delta;
    }

    public void Apply(int column, int sign, double delta)
    {
        Counts[column] += sign;
        var rows = _columns.RowsOf(column);
        var weights = _columns.WeightsOf(column);
        for (int k = 0; k < rows.Length; k++)
        {
            Coverage[rows[k]] += sign * weights[k];
        }
        if (_columns.CapGroup[column] >= 0)
        {
            _capUsed[_columns.CapGroup[column]] += sign;
        }
        Cost += delta;
    }

    /// <summary>Adds agents greedily, the best improving column first, until no addition lowers the cost.</summary>
    public void FillGreedily(int fromRank, int toRank)
    {
        while (true)
        {
            int best = -1;
            double bestDelta = -Epsilon;
            for (int k = Math.Max(0, fromRank); k < Math.Min(_byStart.Length, toRank); k++)
            {
                int column = _byStart[k];
                if (!CanAdd(column))
                {
                    continue;
                }
                double delta = Delta(column, +1);
                if (delta < bestDelta)
                {
                    bestDelta = delta;
                    best = column;
                }
            }
            if (best < 0)
            {
                return;
            }
            Apply(best, +1, bestDelta);
        }
    }

    /// <summary>Runs drop, move and add moves until none improves (a local optimum) or the deadline passes.</summary>
    public void Descend(CancellationToken cancellationToken, long deadline) => Descend(0, _byStart.Length, cancellationToken, deadline);

    /// <summary>As <see cref="Descend(CancellationToken, long)"/>, for the columns ranked [from, to) by start.</summary>
    private void Descend(int fromRank, int toRank, CancellationToken cancellationToken, long deadline)
    {
        fromRank = Math.Max(0, fromRank);
        toRank = Math.Min(_byStart.Length, toRank);
        bool improved = true;
        while (improved && !cancellationToken.IsCancellationRequested && Environment.TickCount64 <= deadline)
        {
            improved = false;
            for (int k = fromRank; k < toRank; k++)
            {
                int column = _byStart[k];
                while (Counts[column] > 0 && TryDropOrMove(column))
                {
                    improved = true;
                }
            }
            for (int k = fromRank; k < toRank; k++)
            {
                int column = _byStart[k];
                while (CanAdd(column))
                {
                    double delta = Delta(column, +1);
                    if (delta >= -Epsilon)
                    {
                        break;
                    }
                    Apply(column, +1, delta);
                    improved = true;
                }
            }
        }
    }

    /// <summary>
    /// One large-neighbourhood step: removes every agent whose shift starts in a random window, refills
    /// the window greedily and descends. Returns the new cost; the caller keeps or reverts it.
    /// </summary>
    public void Perturb(Random random, CancellationToken cancellationToken, long deadline)
    {
        int width = _neighbourIntervals * (1 + random.Next(2));
        int centre = random.Next(_byStart.Length);
        long first = _columns.AbsoluteStartInterval[_byStart[centre]];
        int from = centre, to = centre;
        while (from > 0 && _columns.AbsoluteStartInterval[_byStart[from - 1]] > first - width / 2)
        {
            from--;
        }
        while (to < _byStart.Length && _columns.AbsoluteStartInterval[_byStart[to]] < first + width / 2)
        {
            to++;
        }
        for (int k = from; k < to; k++)
        {
            int column = _byStart[k];
            while (Counts[column] > 0)
            {
                Apply(column, -1, Delta(column, -1));
            }
        }
        FillGreedily(from, to);
        Descend(from, to, cancellationToken, deadline);
    }

    private bool TryDropOrMove(int column)
    {
        double drop = Delta(column, -1);
        if (drop < -Epsilon)
        {
            Apply(column, -1, drop);
            return true;
        }
        Apply(column, -1, drop);
        int rank = _rankOfColumn[column];
        long start = _columns.AbsoluteStartInterval[column];
        int best = -1;
        double bestDelta = double.PositiveInfinity;
        for (int k = rank; k >= 0 && _columns.AbsoluteStartInterval[_byStart[k]] >= start - _neighbourIntervals; k--)
        {
            Consider(_byStart[k]);
        }
        for (int k = rank + 1; k < _byStart.Length && _columns.AbsoluteStartInterval[_byStart[k]] <= start + _neighbourIntervals; k++)
        {
            Consider(_byStart[k]);
        }
        if (best >= 0 && best != column && drop + bestDelta < -Epsilon)
        {
            Apply(best, +1, bestDelta);
            return true;
        }
        Apply(column, +1, Delta(column, +1));
        return false;

        void Consider(int candidate)
        {
            if (!CanAdd(candidate))
            {
                return;
            }
            double delta = Delta(candidate, +1);
            if (delta < bestDelta)
            {
                bestDelta = delta;
                best = candidate;
            }
        }
    }

    private double IntervalCost(int interval, int coverage)
    {
        int gap = _requirements[interval] - coverage;
        return gap > 0 ? _under * gap : -_over * gap;
    }

    private double Penalties()
    {
        double total = 0;
        for (int i = 0; i < _requirements.Length; i++)
        {
            total += IntervalCost(i, Coverage[i]);
        }
        return total;
    }
}
