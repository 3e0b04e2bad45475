namespace CsMetrics.Scheduling;

/// <summary>
/// Large-neighbourhood search from the incumbent (Shaw 1998; Pisinger &amp; Ropke 2010): every column
/// outside a random neighbourhood is fixed at the incumbent's agents, the LP over the rest is re-solved
/// warm from the last basis, dived to integers (<see cref="ShiftScheduler.Dive"/>) and polished by the
/// local search's descent. Neighbourhoods are windows of start times (a tenth to a third of the horizon,
/// wrapping on a cyclic one) and, with several templates, one template's columns. Deterministic for a seed.
/// </summary>
internal sealed class NeighbourhoodSearch
{
    private readonly ShiftColumns _columns;
    private readonly CoveringLp _lp;
    private readonly ScheduleSearch _search;
    private readonly Random _random;
    private readonly int[] _counts;
    private readonly bool[] _free;

    public NeighbourhoodSearch(ShiftColumns columns, CoveringLp lp, ScheduleSearch search, int seed)
    {
        _columns = columns;
        _lp = lp;
        _search = search;
        _random = new Random(seed);
        _counts = new int[columns.Count];
        _free = new bool[columns.Count];
    }

    public long Steps { get; private set; }

    /// <summary>One neighbourhood: leaves the repaired schedule in the search (the caller keeps it if it is better).</summary>
    public void Step(int[] incumbent, CancellationToken cancellationToken, long deadline)
    {
        Steps++;
        ChooseNeighbourhood();
        for (int c = 0; c < _columns.Count; c++)
        {
            if (_free[c])
            {
                _lp.SetBounds(c, _lp.RootLower[c], _lp.RootUpper[c]);
            }
            else
            {
                _lp.SetBounds(c, incumbent[c], incumbent[c]);
            }
        }
        _lp.Refresh();
        if (_lp.Solve(cancellationToken, deadline, maxIterations: 50_000) == LpOutcome.Optimal)
        {
            ShiftScheduler.Dive(_lp, _counts, cancellationToken, deadline);
        }
        else
        {
            incumbent.CopyTo(_counts, 0);
        }
        for (int c = 0; c < _columns.Count; c++)
        {
            _lp.SetBounds(c, _lp.RootLower[c], _lp.RootUpper[c]);
        }
        _lp.Refresh();
        _search.Set(_counts);
        _search.FillGreedily(cancellationToken, deadline);
        if (_windowLength > 0 && !_columns.Problem.Cyclic)
        {
            _search.DescendWindow(_windowFrom, _windowFrom + _windowLength, cancellationToken, deadline);
        }
        else if (_windowLength > 0)
        {
            // Columns keep their unwrapped start interval: a window that wraps is two ranges.
            long horizon = _columns.Problem.IntervalCount;
            _search.DescendWindow(_windowFrom, _windowFrom + _windowLength, cancellationToken, deadline);
            if (_windowFrom + _windowLength > horizon)
            {
                _search.DescendWindow(0, _windowFrom + _windowLength - horizon, cancellationToken, deadline);
            }
        }
        else
        {
            _search.Descend(cancellationToken, deadline);
        }
    }

    private long _windowFrom;
    private long _windowLength;

    private void ChooseNeighbourhood()
    {
        var problem = _columns.Problem;
        int templates = problem.Templates.Count;
        if (templates > 1 && _random.Next(4) == 0)
        {
            int chosen = _random.Next(templates);
            for (int c = 0; c < _columns.Count; c++)
            {
                _free[c] = _columns.Template[c] == chosen;
            }
            _windowLength = 0;
            return;
        }
        long horizon = problem.IntervalCount;
        long length = Math.Max(1, (long)(horizon * (0.1 + 0.23 * _random.NextDouble())));
        long from = _random.NextInt64(horizon);
        (_windowFrom, _windowLength) = (from, length);
        for (int c = 0; c < _columns.Count; c++)
        {
            long start = _columns.AbsoluteStartInterval[c];
            long offset = problem.Cyclic ? ScheduleProblem.Mod(start - from, horizon) : start - from;
            _free[c] = offset >= 0 && offset < length;
        }
    }
}
