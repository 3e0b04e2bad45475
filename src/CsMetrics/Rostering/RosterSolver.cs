using System.Diagnostics;

namespace CsMetrics.Rostering;

/// <summary>
/// Builds rosters for named agents: a feasible roster first, then a better one until the time limit, with a proven
/// lower bound and the gap (see <see cref="RosterProblem"/> for the rules and the objective).
/// </summary>
/// <remarks>
/// <para>
/// The search is simulated annealing (Kirkpatrick, Gelatt &amp; Vecchi 1983) over a penalty function: the objective
/// plus a weight times the amount of every broken hard rule, starting from the empty roster, so that the same search
/// first repairs (construction by repair: every agent short of its minimum minutes) and then improves. Its moves are
/// those of the ejection-chain and variable-depth searches of Burke &amp; Curtois (2014, "New approaches to nurse
/// rostering benchmark instances", EJOR 237(1) 71-81) and Curtois &amp; Qu (2014, doi 10.1016/j.ejor.2014.01.039):
/// change one agent's shift on one day, swap a block of days between two agents (cover unchanged), set a block of
/// days of one agent to one shift or off, and move a shift of one agent to another day. Each move re-scores only the
/// agents and (day, shift) cells it touches. The temperature falls geometrically over cycles; each cycle restarts
/// from the best roster. The best feasible roster is kept.
/// </para>
/// <para>
/// Deterministic for a seed up to where the clock stops the search (<see cref="RosterSolverOptions.IterationLimit"/>
/// makes a solve independent of the machine's speed). The bound is <see cref="RosterBound.WithColumnGeneration"/> with the default work, stopped
/// after a quarter of the time limit unless an iteration limit is set (then it is deterministic too); the status is
/// <see cref="RosterStatus.Optimal"/> when the best objective equals it.
/// </para>
/// </remarks>
public static class RosterSolver
{
    // With an iteration limit the solve is deterministic, so the bound gets its full (machine-independent) work budget;
    // otherwise it may use at most a quarter of the time limit, so the search keeps the rest (the bound stays valid when
    // stopped early: it is the best Lagrangian bound seen).
    private static int LowerBound(RosterProblem problem, RosterSolverOptions options, CancellationToken cancellationToken)
    {
        if (options.IterationLimit is not null)
        {
            return RosterBound.WithColumnGeneration(problem, RosterBound.DefaultColumnGenerationWork, cancellationToken);
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.TimeLimit / 4);
        return RosterBound.WithColumnGeneration(problem, RosterBound.DefaultColumnGenerationWork, budget.Token);
    }

    /// <summary>Solves <paramref name="problem"/> within the options' limits.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Limits and seed (default: 60 s, seed 1).</param>
    /// <param name="progress">Receives a report when the best roster improves and at the end.</param>
    /// <param name="cancellationToken">Stops the search early; the best roster so far is returned (not an exception).</param>
    public static RosterSolution Solve(RosterProblem problem, RosterSolverOptions? options = null,
        IProgress<RosterProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new RosterSolverOptions();
        var clock = Stopwatch.StartNew();
        int bound = LowerBound(problem, options, cancellationToken);
        if (RosterBound.ProveInfeasible(problem) is string proof)
        {
            return new RosterSolution { Status = RosterStatus.Infeasible, LowerBound = bound, Reason = proof, Elapsed = clock.Elapsed };
        }
        var search = new RosterSearch(problem, options.Seed, bound);
        search.Run(options.TimeLimit, options.IterationLimit, clock, progress, cancellationToken);
        if (search.BestFeasible is not int[] best)
        {
            var current = RosterEvaluator.Evaluate(Roster.Wrap(problem, search.Current));
            var reason = "no feasible roster found within the limits (not proven infeasible); the best roster breaks: " +
                string.Join("; ", current.Violations.Take(5).Select(v => v.Message)) + (current.Violations.Count > 5 ? $"; and {current.Violations.Count - 5} more" : "");
            progress?.Report(new RosterProgress("feasibility", null, bound, search.Iterations, clock.Elapsed));
            return new RosterSolution { Status = RosterStatus.Unknown, LowerBound = bound, Reason = reason, Iterations = search.Iterations, Elapsed = clock.Elapsed };
        }
        var roster = Roster.Wrap(problem, best);
        var evaluation = RosterEvaluator.Evaluate(roster);
        if (!evaluation.IsFeasible || evaluation.Objective != search.BestObjective)
        {
            throw new InvalidOperationException($"internal error: the search scored its best roster {search.BestObjective}, the evaluator {evaluation}.");
        }
        progress?.Report(new RosterProgress("improvement", evaluation.Objective, bound, search.Iterations, clock.Elapsed));
        return new RosterSolution
        {
            Status = evaluation.Objective <= bound ? RosterStatus.Optimal : RosterStatus.Feasible,
            Roster = roster,
            Evaluation = evaluation,
            LowerBound = bound,
            Iterations = search.Iterations,
            Elapsed = clock.Elapsed,
        };
    }
}

/// <summary>The annealing search behind <see cref="RosterSolver"/>; scores are incremental per agent and cell.</summary>
internal sealed class RosterSearch
{
    private readonly RosterProblem _p;
    private readonly int _e, _d, _s;
    private readonly int[] _cells, _count, _agentHard, _reqCost;
    private readonly int[][] _allowed;
    private readonly int _minHardWeight, _onTotal, _bound;
    private double _hardWeight;
    private readonly int _minuteUnit;
    private long _replanWork;
    private int _repairNext = -1;

    /// <summary>
    /// Whether the next step is a re-plan: re-plans take about <paramref name="share"/> of the work, moves the rest. Work
    /// is counted, not timed (a move re-scores about 2 agent lines of days + shift types; a re-plan its states), so the
    /// search is the same on any machine and load.
    /// </summary>
    private bool ReplanDue(double share = ReplanShare) => _replanWork < share / (1 - share) * (Iterations * 2.0 * (_d + _s));

    private const double ReplanShare = 0.5, RepairReplanShare = 0.85;
    private readonly Random _random;
    private readonly int[] _amounts = new int[AgentRules.Kinds];
    private long _hard, _soft;

    // Undo log of the current move.
    private readonly List<(int Index, int Old)> _log = [];
    private readonly int[] _touched = new int[2];
    private readonly int[] _touchedOldHard = new int[2];
    private int _touchedCount;

    public RosterSearch(RosterProblem p, int seed, int bound)
    {
        _p = p;
        _e = p.Agents.Count;
        _d = p.Days;
        _s = p.ShiftTypes.Count;
        _bound = bound;
        _random = new Random(seed);
        _cells = new int[_e * _d];
        Array.Fill(_cells, Roster.Off);
        _count = new int[_d * _s];
        _agentHard = new int[_e];
        _reqCost = new int[_e * _d * _s];
        int maxWeight = 1;
        for (int i = 0; i < _reqCost.Length; i++)
        {
            _reqCost[i] = p.OffWeight[i] - p.OnWeight[i];
            _onTotal += p.OnWeight[i];
            maxWeight = Math.Max(maxWeight, Math.Max(p.OffWeight[i], p.OnWeight[i]));
        }
        for (int c = 0; c < _count.Length; c++)
        {
            maxWeight = Math.Max(maxWeight, Math.Max(p.UnderWeight[c], p.OverWeight[c]));
            _soft += CoverCost(c, 0);
        }
        _soft += _onTotal;
        _minHardWeight = 2 * maxWeight + 10;
        _hardWeight = _minHardWeight;
        _minuteUnit = p.LengthMinutes.Min();
        _allowed = new int[_e][];
        for (int a = 0; a < _e; a++)
        {
            _allowed[a] = Enumerable.Range(0, _s).Where(t => p.MaxShifts[a * _s + t] > 0).ToArray();
            _agentHard[a] = HardOf(a);
            _hard += _agentHard[a];
        }
    }

    public int[] Current => _cells;

    private AgentLineSearch? _line;
    private double[] _lineCost = [];
    private int[] _lineResult = [];

    /// <summary>
    /// Re-plans agent a's days [w0, w1) at their best given every other agent (<see cref="AgentLineSearch"/>); keeps the
    /// new line when it breaks no more rules and costs no more (in repair: when it breaks fewer rules, or as many for
    /// no more cost). Returns true when the roster changed.
    /// </summary>
    private bool Replan(int a, int w0, int w1, bool repair)
    {
        _line ??= new AgentLineSearch(_p);
        int n = w1 - w0;
        bool shortOfMinutes = false;
        if (repair)
        {
            long minutes = 0;
            for (int d = 0; d < _d; d++)
            {
                int v = _cells[a * _d + d];
                minutes += v == Roster.Off ? 0 : _p.LengthMinutes[v];
            }
            shortOfMinutes = minutes < _p.MinMinutes[a];
        }
        if (_lineCost.Length < n * _s)
        {
            _lineCost = new double[n * _s];
            _lineResult = new int[n];
        }
        for (int i = 0; i < n; i++)
        {
            int d = w0 + i;
            int mine = _cells[a * _d + d];
            for (int v = 0; v < _s; v++)
            {
                int cell = d * _s + v;
                int others = _count[cell] - (mine == v ? 1 : 0);
                _lineCost[i * _s + v] = CoverCost(cell, others + 1) - CoverCost(cell, others) + _reqCost[(a * _d + d) * _s + v]
                    + _random.NextDouble() * 1e-3 // random ties: plateaus are walked, not cycled
                    - (shortOfMinutes ? _minHardWeight * 10.0 * _p.LengthMinutes[v] / _minuteUnit : 0); // repair: work as much as the rules allow
            }
        }
        var result = _lineResult.AsSpan(0, n);
        bool solved = _line.Solve(a, _cells.AsSpan(a * _d, _d), w0, w1, _lineCost.AsSpan(0, n * _s), result, relaxMinMinutes: shortOfMinutes);
        _replanWork += _line.LastWork + n * _s;
        if (!solved)
        {
            return false;
        }
        _log.Clear();
        _touchedCount = 0;
        Touch(a);
        long ds = 0;
        for (int i = 0; i < n; i++)
        {
            ds += Set(a, w0 + i, result[i]);
        }
        if (_log.Count == 0)
        {
            return false;
        }
        long dh = Rescore();
        bool keep = repair ? dh < 0 || (dh == 0 && ds <= 0)
            : dh <= 0 && _hard + dh == 0 && ds <= 0;
        if (!keep)
        {
            Undo();
            return false;
        }
        _hard += dh;
        _soft += ds;
        return true;
    }

    private readonly List<RosterViolation> _violations = [];

    /// <summary>A window around one of agent a's broken rules (from the Monday a week before it), or a random one.</summary>
    private (int W0, int W1) RepairWindow(int a)
    {
        _line ??= new AgentLineSearch(_p);
        if (_line.StateCount(a, 0, _d) * _d <= 3_000_000)
        {
            return (0, _d);
        }
        _violations.Clear();
        AgentRules.Check(_p, a, _cells.AsSpan(a * _d, _d), _amounts, _violations);
        var located = _violations.Where(v => v.Day >= 0).ToList();
        if (located.Count == 0)
        {
            return Window(a);
        }
        int day = located[_random.Next(located.Count)].Day;
        int start = Math.Max(0, day / 7 - 1);
        int length = 2 + _random.Next(2);
        while (length > 1 && _line.StateCount(a, 0, 7 * length) * 7 * length > 3_000_000)
        {
            length--;
        }
        return (7 * start, Math.Min(_d, 7 * (start + length)));
    }

    /// <summary>A random window for <see cref="Replan"/>: the whole horizon when small enough, else 1-4 weeks from a Monday.</summary>
    private (int W0, int W1) Window(int a)
    {
        _line ??= new AgentLineSearch(_p);
        if (_line.StateCount(a, 0, _d) * _d <= 3_000_000)
        {
            return (0, _d);
        }
        int weeks = (_d + 6) / 7;
        int length = 1 + _random.Next(Math.Min(4, weeks));
        while (length > 1 && _line.StateCount(a, 0, 7 * length) * 7 * length > 3_000_000)
        {
            length--;
        }
        int start = _random.Next(Math.Max(1, weeks - length + 1));
        return (7 * start, Math.Min(_d, 7 * (start + length)));
    }

    public int[]? BestFeasible { get; private set; }

    public int BestObjective { get; private set; } = int.MaxValue;

    public long Iterations { get; private set; }

    private int CoverCost(int cell, int count)
    {
        int diff = count - _p.Required[cell];
        return diff < 0 ? -diff * _p.UnderWeight[cell] : diff * _p.OverWeight[cell];
    }

    /// <summary>The hard-rule amount of agent a's line in penalty units (minutes per started shortest shift, so that one shift too few weighs as one day too many in a row).</summary>
    private int HardOf(int a)
    {
        Span<int> m = _amounts;
        AgentRules.Check(_p, a, _cells.AsSpan(a * _d, _d), m, null);
        return m[(int)RosterRule.DayOff] + m[(int)RosterRule.ForbiddenSuccession] + m[(int)RosterRule.MaxShiftsOfType]
            + (m[(int)RosterRule.MinTotalMinutes] + _minuteUnit - 1) / _minuteUnit + (m[(int)RosterRule.MaxTotalMinutes] + _minuteUnit - 1) / _minuteUnit
            + m[(int)RosterRule.MaxConsecutiveShifts] + m[(int)RosterRule.MinConsecutiveShifts]
            + m[(int)RosterRule.MinConsecutiveDaysOff] + m[(int)RosterRule.MaxWeekends];
    }

    /// <summary>Sets one cell, logging the old value; returns the change of the soft score.</summary>
    private long Set(int a, int day, int value)
    {
        int index = a * _d + day;
        int old = _cells[index];
        if (old == value)
        {
            return 0;
        }
        _log.Add((index, old));
        _cells[index] = value;
        long delta = 0;
        int reqBase = index * _s;
        if (old != Roster.Off)
        {
            int cell = day * _s + old;
            delta -= CoverCost(cell, _count[cell]);
            _count[cell]--;
            delta += CoverCost(cell, _count[cell]) - _reqCost[reqBase + old];
        }
        if (value != Roster.Off)
        {
            int cell = day * _s + value;
            delta -= CoverCost(cell, _count[cell]);
            _count[cell]++;
            delta += CoverCost(cell, _count[cell]) + _reqCost[reqBase + value];
        }
        return delta;
    }

    private void Touch(int a)
    {
        for (int i = 0; i < _touchedCount; i++)
        {
            if (_touched[i] == a)
            {
                return;
            }
        }
        _touched[_touchedCount] = a;
        _touchedOldHard[_touchedCount] = _agentHard[a];
        _touchedCount++;
    }

    /// <summary>Re-scores the touched agents; returns the hard change.</summary>
    private long Rescore()
    {
        long delta = 0;
        for (int i = 0; i < _touchedCount; i++)
        {
            int a = _touched[i];
            int h = HardOf(a);
            delta += h - _agentHard[a];
            _agentHard[a] = h;
        }
        return delta;
    }

    private void Undo()
    {
        for (int i = _log.Count - 1; i >= 0; i--)
        {
            var (index, old) = _log[i];
            int day = index % _d;
            int cur = _cells[index];
            if (cur != Roster.Off)
            {
                _count[day * _s + cur]--;
            }
            if (old != Roster.Off)
            {
                _count[day * _s + old]++;
            }
            _cells[index] = old;
        }
        for (int i = 0; i < _touchedCount; i++)
        {
            _agentHard[_touched[i]] = _touchedOldHard[i];
        }
    }

    private int RandomValue(int a, int day)
    {
        var allowed = _allowed[a];
        if (allowed.Length == 0 || _p.DayOff[a * _d + day] || _random.Next(allowed.Length + 1) == 0)
        {
            return Roster.Off;
        }
        return allowed[_random.Next(allowed.Length)];
    }

    /// <summary>Proposes one random move and applies it; returns (hard delta, soft delta), or null when it changes nothing.</summary>
    private (long Hard, long Soft)? Propose()
    {
        _log.Clear();
        _touchedCount = 0;
        long soft = 0;
        double r = _random.NextDouble();
        int a = _random.Next(_e);
        int day = _random.Next(_d);
        if (r < 0.3)
        {
            Touch(a);
            soft += Set(a, day, RandomValue(a, day));
        }
        else if (r < 0.7 && _e > 1)
        {
            int b = _random.Next(_e - 1);
            if (b >= a)
            {
                b++;
            }
            int length = 1 + Math.Min(_random.Next(7), _random.Next(7));
            int end = Math.Min(_d, day + length);
            Touch(a);
            Touch(b);
            for (int x = day; x < end; x++)
            {
                int ca = _cells[a * _d + x], cb = _cells[b * _d + x];
                if (ca != cb)
                {
                    soft += Set(a, x, cb);
                    soft += Set(b, x, ca);
                }
            }
        }
        else if (r < 0.88)
        {
            int length = 1 + _random.Next(Math.Min(7, _d));
            int end = Math.Min(_d, day + length);
            int value = RandomValue(a, day);
            Touch(a);
            for (int x = day; x < end; x++)
            {
                soft += Set(a, x, value != Roster.Off && _p.DayOff[a * _d + x] ? Roster.Off : value);
            }
        }
        else
        {
            int other = _random.Next(_d);
            int c1 = _cells[a * _d + day], c2 = _cells[a * _d + other];
            Touch(a);
            soft += Set(a, day, c2);
            soft += Set(a, other, c1);
        }
        if (_log.Count == 0)
        {
            return null;
        }
        return (Rescore(), soft);
    }

    public void Run(TimeSpan timeLimit, long? iterationLimit, Stopwatch clock, IProgress<RosterProgress>? progress, CancellationToken cancellationToken)
    {
        long limit = iterationLimit ?? long.MaxValue;
        // Phase 1 (repair): anneal on the broken rules alone (the objective only breaks ties), from the empty roster.
        const double R0 = 0.4, R1 = 0.02;
        long repairCycle = 100_000;
        double repairCooling = Math.Pow(R1 / R0, 1.0 / repairCycle);
        double temperature = R0;
        long inCycle = 0;
        while (_hard > 0 && Iterations < limit)
        {
            if ((Iterations & 255) == 0 && (clock.Elapsed >= timeLimit || cancellationToken.IsCancellationRequested))
            {
                break;
            }
            Iterations++;
            if ((Iterations & 255) == 0 && ReplanDue(RepairReplanShare))
            {
                int a = _repairNext = (_repairNext + 1) % _e;
                if (_agentHard[a] > 0)
                {
                    var (w0, w1) = RepairWindow(a);
                    Replan(a, w0, w1, repair: true);
                }
                continue;
            }
            if (Propose() is not (long dh, long ds))
            {
                continue;
            }
            double delta = dh + ds * 1e-6;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / temperature))
            {
                _hard += dh;
                _soft += ds;
            }
            else
            {
                Undo();
            }
            temperature *= repairCooling;
            if (++inCycle >= repairCycle)
            {
                inCycle = 0;
                temperature = R0;
            }
        }
        if (_hard == 0)
        {
            Improve(limit, timeLimit, clock, progress, cancellationToken);
        }
    }

    private void Improve(long limit, TimeSpan timeLimit, Stopwatch clock, IProgress<RosterProgress>? progress, CancellationToken cancellationToken)
    {
        // Phase 2 (improvement): anneal on objective + weight x broken rules, restarting each cycle from the best.
        Record(clock, progress);
        long cycle = Math.Max(200_000, 400L * _e * _d);
        const double T0 = 8, T1 = 0.3;
        double cooling = Math.Pow(T1 / T0, 1.0 / cycle);
        double temperature = T0;
        long inCycle = 0;
        TimeSpan lastReport = clock.Elapsed;
        while (Iterations < limit)
        {
            if ((Iterations & 255) == 0 && (clock.Elapsed >= timeLimit || cancellationToken.IsCancellationRequested))
            {
                break;
            }
            if (_bound >= BestObjective)
            {
                break; // proven optimal
            }
            Iterations++;
            if ((Iterations & 255) == 0 && _hard == 0 && ReplanDue())
            {
                int a = _random.Next(_e);
                var (w0, w1) = Window(a);
                if (Replan(a, w0, w1, repair: false) && _soft < BestObjective)
                {
                    Record(clock, null);
                }
                continue;
            }
            var move = Propose();
            if (move is not (long dh, long ds))
            {
                continue;
            }
            double delta = dh * _hardWeight + ds;
            if (delta <= 0 || _random.NextDouble() < Math.Exp(-delta / temperature))
            {
                _hard += dh;
                _soft += ds;
                if (_hard == 0 && _soft < BestObjective)
                {
                    Record(clock, null);
                    if (progress is not null && clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(200))
                    {
                        lastReport = clock.Elapsed;
                        progress.Report(new RosterProgress("improvement", BestObjective, _bound, Iterations, clock.Elapsed));
                    }
                }
            }
            else
            {
                Undo();
            }
            temperature *= cooling;
            if ((Iterations & 8191) == 0)
            {
                // Strategic oscillation (Glover): a roster that stays infeasible makes broken rules dearer; a feasible
                // one lets the weight fall back towards its floor, so the search may cross infeasible rosters.
                _hardWeight = _hard > 0 ? Math.Min(_hardWeight * 1.3, 1e7) : Math.Max(_hardWeight / 1.1, _minHardWeight);
            }
            if (++inCycle >= cycle)
            {
                inCycle = 0;
                temperature = T0;
                Restore(BestFeasible!);
            }
        }
    }

    private void Record(Stopwatch clock, IProgress<RosterProgress>? progress)
    {
        BestObjective = (int)_soft;
        BestFeasible ??= new int[_cells.Length];
        Array.Copy(_cells, BestFeasible, _cells.Length);
        progress?.Report(new RosterProgress("improvement", BestObjective, _bound, Iterations, clock.Elapsed));
    }

    private void Restore(int[] cells)
    {
        Array.Copy(cells, _cells, cells.Length);
        Array.Clear(_count);
        for (int a = 0; a < _e; a++)
        {
            for (int day = 0; day < _d; day++)
            {
                int v = _cells[a * _d + day];
                if (v != Roster.Off)
                {
                    _count[day * _s + v]++;
                }
            }
        }
        _hard = 0;
        long soft = _onTotal;
        for (int a = 0; a < _e; a++)
        {
            _agentHard[a] = HardOf(a);
            _hard += _agentHard[a];
            for (int day = 0; day < _d; day++)
            {
                int v = _cells[a * _d + day];
                if (v != Roster.Off)
                {
                    soft += _reqCost[(a * _d + day) * _s + v];
                }
            }
        }
        for (int c = 0; c < _count.Length; c++)
        {
            soft += CoverCost(c, _count[c]);
        }
        _soft = soft;
    }
}
