namespace CsMetrics.Scheduling;

/// <summary>
/// An integer schedule (agents per column) with its coverage and cost kept up to date, and the moves
/// of the local search: drop an agent, add an agent, move an agent to a nearby column (a column of any
/// template starting within four hours) and pairs of moves, as a descent (whole or in a window).
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
    private readonly int _neighbourIntervals;
    private readonly int[] _neighbourFrom;
    private readonly int[] _neighbourTo;

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
        _neighbourIntervals = Math.Max(1, NeighbourhoodMinutes / problem.IntervalMinutes);
        (_neighbourFrom, _neighbourTo) = RankRanges(_neighbourIntervals);
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

    /// <summary>
    /// A sweep over the intervals in order: while an interval is short, adds the agent of a column covering
    /// it that lowers the cost most (none when no addition lowers it). Linear in the coverage entries per
    /// agent added, where <see cref="FillGreedily"/> scans every column per agent: the first schedule of a
    /// large problem in a fraction of a second.
    /// </summary>
    public void FillByInterval(CancellationToken cancellationToken, long deadline)
    {
        var (starts, columns) = _columns.ColumnsByRow();
        for (int i = 0; i < _requirements.Length; i++)
        {
            if ((i & 15) == 0 && (cancellationToken.IsCancellationRequested || Environment.TickCount64 > deadline))
            {
                return;
            }
            while (Coverage[i] < _requirements[i])
            {
                int best = BestImprovingAddition(columns.AsSpan(starts[i], starts[i + 1] - starts[i]), out double bestDelta);
                if (best < 0)
                {
                    break;
                }
                Apply(best, +1, bestDelta);
            }
        }
    }

    /// <summary>The column among <paramref name="candidates"/> whose added agent lowers the cost most, or −1 when none lowers it.</summary>
    private int BestImprovingAddition(ReadOnlySpan<int> candidates, out double bestDelta)
    {
        int best = -1;
        bestDelta = -Epsilon;
        foreach (int column in candidates)
        {
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
        return best;
    }

    /// <summary>Adds agents greedily, the best improving column first, until no addition lowers the cost or the deadline passes.</summary>
    public void FillGreedily(CancellationToken cancellationToken, long deadline)
    {
        while (!cancellationToken.IsCancellationRequested && Environment.TickCount64 <= deadline)
        {
            int best = BestImprovingAddition(_byStart, out double bestDelta);
            if (best < 0)
            {
                return;
            }
            Apply(best, +1, bestDelta);
        }
    }

    /// <summary>
    /// The descent restricted to the columns starting in intervals [<paramref name="from"/>, <paramref name="to"/>)
    /// (before wrapping), widened by the move neighbourhood: a repair after a local change.
    /// </summary>
    public void DescendWindow(long from, long to, CancellationToken cancellationToken, long deadline)
    {
        var starts = _columns.AbsoluteStartInterval;
        int Rank(long interval)
        {
            int low = 0, high = _byStart.Length;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (starts[_byStart[middle]] < interval)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }
        long margin = _neighbourIntervals;
        Descend(Rank(from - margin), Rank(to + margin), cancellationToken, deadline);
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
                // One pass over a large instance is long: look at the clock within it too.
                if ((k & 255) == 0 && (cancellationToken.IsCancellationRequested || Environment.TickCount64 > deadline))
                {
                    return;
                }
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
            if (!improved)
            {
                // A local optimum for single moves: try pairs of moves (an ejection chain of length two).
                for (int k = fromRank; k < toRank && !improved && Environment.TickCount64 <= deadline; k++)
                {
                    int column = _byStart[k];
                    improved = Counts[column] > 0 && TryChain(column);
                }
            }
        }
    }

    /// <summary>
    /// Moves one agent of <paramref name="column"/> to its best neighbour, then one agent of a nearby column
    /// to that one's best neighbour; keeps both if together they lower the cost.
    /// </summary>
    private bool TryChain(int column)
    {
        double drop = Delta(column, -1);
        Apply(column, -1, drop);
        int first = BestAddition(column, exclude: column, out double firstAdd);
        if (first < 0)
        {
            Apply(column, +1, -drop);
            return false;
        }
        Apply(first, +1, firstAdd);
        for (int k = _neighbourFrom[column]; k <= _neighbourTo[column]; k++)
        {
            int other = _byStart[k];
            if (Counts[other] == 0 || other == first)
            {
                continue;
            }
            double secondDrop = Delta(other, -1);
            Apply(other, -1, secondDrop);
            int second = BestAddition(other, exclude: other, out double secondAdd);
            if (second >= 0 && drop + firstAdd + secondDrop + secondAdd < -Epsilon)
            {
                Apply(second, +1, secondAdd);
                return true;
            }
            Apply(other, +1, -secondDrop);
        }
        Apply(first, -1, -firstAdd);
        Apply(column, +1, -drop);
        return false;
    }

    /// <summary>The neighbour of <paramref name="column"/> (other than <paramref name="exclude"/>) whose addition costs least.</summary>
    private int BestAddition(int column, int exclude, out double bestDelta)
    {
        int best = -1;
        bestDelta = double.PositiveInfinity;
        for (int k = _neighbourFrom[column]; k <= _neighbourTo[column]; k++)
        {
            int candidate = _byStart[k];
            if (candidate == exclude || !CanAdd(candidate))
            {
                continue;
            }
            double delta = Delta(candidate, +1);
            if (delta < bestDelta)
            {
                bestDelta = delta;
                best = candidate;
            }
        }
        return best;
    }

    /// <summary>For each column, the range of ranks (by start) of the columns starting within <paramref name="intervals"/> of it.</summary>
    private (int[] From, int[] To) RankRanges(int intervals)
    {
        var starts = _columns.AbsoluteStartInterval;
        var from = new int[_byStart.Length];
        var to = new int[_byStart.Length];
        for (int k = 0, low = 0, high = 0; k < _byStart.Length; k++)
        {
            long start = starts[_byStart[k]];
            while (starts[_byStart[low]] < start - intervals)
            {
                low++;
            }
            while (high + 1 < _byStart.Length && starts[_byStart[high + 1]] <= start + intervals)
            {
                high++;
            }
            from[_byStart[k]] = low;
            to[_byStart[k]] = Math.Max(high, k);
        }
        return (from, to);
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
        int best = -1;
        double bestDelta = double.PositiveInfinity;
        for (int k = _neighbourFrom[column]; k <= _neighbourTo[column]; k++)
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
