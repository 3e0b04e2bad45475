namespace CsMetrics.Rostering;

/// <summary>
/// The best line for one agent over a window of days with everything else fixed: a dynamic programme over
/// (last shift, length of the current run, whether that run started on day 0, weekends worked, minutes worked),
/// which keeps every hard rule of the agent exactly except the per-type maxima (checked by the caller). It is the
/// pricing problem of column generation for nurse rostering (a resource-constrained shortest path over days; Burke
/// &amp; Curtois 2014) used here as a large-neighbourhood move with the other agents' cover as the prices.
/// </summary>
internal sealed class AgentLineSearch
{
    private readonly RosterProblem _p;
    private readonly int _s, _days, _gcd;
    private double[] _cost = [], _next = [];
    private int[] _back = [];

    /// <summary>The work of the last <see cref="Solve"/>: states expanded plus states closed (a machine-independent cost).</summary>
    public long LastWork { get; private set; }

    public AgentLineSearch(RosterProblem p)
    {
        _p = p;
        _s = p.ShiftTypes.Count;
        _days = p.Days;
        _gcd = p.LengthMinutes.Aggregate(Gcd);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>The state count of a window, to skip windows too large to search.</summary>
    public long StateCount(int a, int w0, int w1)
    {
        int maxLen = _p.LengthMinutes.Max();
        long units = (long)(w1 - w0) * maxLen / _gcd + 1;
        return (long)(_s + 1) * (Caps(a).Work + Caps(a).Off + 2) * 2 * ((w1 - w0) / 7 + 2) * units;
    }

    private (int Work, int Off) Caps(int a)
    {
        int maxCons = _p.MaxConsecutive[a];
        int work = maxCons < _days ? maxCons : Math.Max(_p.MinConsecutive[a], 1);
        return (work, Math.Max(_p.MinDaysOff[a], 1));
    }

    /// <summary>
    /// Finds the cheapest line for agent <paramref name="a"/> on days [w0, w1) (w0 a Monday, w1 a Monday or the
    /// horizon's end) given its fixed line <paramref name="row"/> outside the window and the cost of each choice
    /// <paramref name="cost"/>[(d − w0) * S + s] (the off choice costs 0). Writes the line into
    /// <paramref name="result"/> (length w1 − w0) and returns true, or false when no line keeps the rules. With
    /// <paramref name="relaxMinMinutes"/>, the minimum total minutes is not required (repair: the caller rewards minutes).
    /// </summary>
    public bool Solve(int a, ReadOnlySpan<int> row, int w0, int w1, ReadOnlySpan<double> cost, Span<int> result, bool relaxMinMinutes = false)
    {
        var p = _p;
        LastWork = 0;
        int s = _s, days = _days, n = w1 - w0;
        var (capW, capO) = Caps(a);
        bool maxFinite = p.MaxConsecutive[a] < days;
        int minCons = p.MinConsecutive[a], minOff = p.MinDaysOff[a];
        // Outside the window: minutes and weekends.
        long outsideMinutes = 0;
        int outsideWeekends = 0;
        for (int d = 0; d < days; d++)
        {
            if ((d < w0 || d >= w1) && row[d] != Roster.Off)
            {
                outsideMinutes += p.LengthMinutes[row[d]];
            }
        }
        for (int w = 0; 7 * w + 5 < days; w++)
        {
            int sat = 7 * w + 5, sun = 7 * w + 6;
            if (sat >= w0 && sat < w1)
            {
                continue;
            }
            if (row[sat] != Roster.Off || (sun < days && row[sun] != Roster.Off))
            {
                outsideWeekends++;
            }
        }
        int weekendRoom = p.MaxWeekends[a] == int.MaxValue ? int.MaxValue : p.MaxWeekends[a] - outsideWeekends;
        if (weekendRoom < 0)
        {
            return false;
        }
        int windowWeekends = 0;
        for (int d = w0; d < w1; d++)
        {
            windowWeekends += d % 7 == 5 ? 1 : 0;
        }
        int wDim = Math.Min(windowWeekends, weekendRoom) + 1;
        long maxWindowMinutes = (long)p.MaxMinutes[a] - outsideMinutes;
        if (maxWindowMinutes < 0)
        {
            return false;
        }
        int uDim = (int)Math.Min(maxWindowMinutes / _gcd, (long)n * p.LengthMinutes.Max() / _gcd) + 1;
        long minWindowMinutes = relaxMinMinutes ? long.MinValue : p.MinMinutes[a] - outsideMinutes;
        int rDim = Math.Max(capW, capO) + 1;
        // State index: ((((last * rDim + r) * 2 + flag) * wDim + w) * uDim + u); last == s means off.
        long states = (long)(s + 1) * rDim * 2 * wDim * uDim;
        if (states * n > 40_000_000)
        {
            return false;
        }
        int size = (int)states;
        if (_cost.Length < size)
        {
            _cost = new double[size];
            _next = new double[size];
        }
        if (_back.Length < size * n)
        {
            _back = new int[size * n];
        }
        var cur = _cost.AsSpan(0, size);
        var nxt = _next.AsSpan(0, size);
        cur.Fill(double.PositiveInfinity);
        // Initial state from the fixed day before the window.
        int initLast, initR, initFlag;
        if (w0 == 0)
        {
            initLast = s;
            initR = capO; // a virtual long rest before day 0
            initFlag = 0;
        }
        else
        {
            int before = row[w0 - 1];
            bool work = before != Roster.Off;
            int r = 0, d = w0 - 1;
            while (d >= 0 && (row[d] != Roster.Off) == work)
            {
                r++;
                d--;
            }
            bool touchesStart = d < 0;
            initLast = work ? before : s;
            initR = work ? Math.Min(r, capW) : (touchesStart ? capO : Math.Min(r, capO));
            if (work && maxFinite && r > capW)
            {
                return false; // already too long before the window
            }
            initFlag = work && touchesStart ? 1 : 0;
        }
        LastWork = (long)size * (n + 1);
        int Index(int last, int r, int flag, int w, int u) => (((last * rDim + r) * 2 + flag) * wDim + w) * uDim + u;
        cur[Index(initLast, initR, initFlag, 0, 0)] = 0;
        var back = _back.AsSpan(0, size * n);
        for (int i = 0; i < n; i++)
        {
            int d = w0 + i;
            bool dayOff = p.DayOff[a * days + d];
            bool sunday = d % 7 == 6;
            bool lastSaturday = d % 7 == 5 && d == days - 1;
            nxt.Fill(double.PositiveInfinity);
            var backDay = back.Slice(i * size, size);
            for (int state = 0; state < size; state++)
            {
                double c = cur[state];
                if (double.IsPositiveInfinity(c))
                {
                    continue;
                }
                LastWork += s + 1;
                int u = state % uDim;
                int rest = state / uDim;
                int w = rest % wDim;
                rest /= wDim;
                int flag = rest % 2;
                rest /= 2;
                int r = rest % rDim;
                int last = rest / rDim;
                bool lastWork = last != s;
                for (int v = -1; v < s; v++)
                {
                    bool work = v >= 0;
                    int nr, nflag;
                    if (work)
                    {
                        if (dayOff || p.MaxShifts[a * s + v] == 0)
                        {
                            continue;
                        }
                        if (lastWork)
                        {
                            if (p.Forbidden[last * s + v])
                            {
                                continue;
                            }
                            nr = r + 1;
                            if (nr > capW)
                            {
                                if (maxFinite)
                                {
                                    continue;
                                }
                                nr = capW;
                            }
                            nflag = flag;
                        }
                        else
                        {
                            if (r < minOff && d > 0)
                            {
                                continue; // the rest before this block is too short
                            }
                            nr = 1;
                            nflag = d == 0 ? 1 : 0;
                        }
                    }
                    else
                    {
                        if (lastWork)
                        {
                            if (r < minCons && flag == 0)
                            {
                                continue; // the block just ended is too short
                            }
                            nr = 1;
                        }
                        else
                        {
                            nr = Math.Min(r + 1, capO);
                        }
                        nflag = 0;
                    }
                    int nw = w;
                    if ((sunday && (lastWork || work)) || (lastSaturday && work))
                    {
                        nw++;
                        if (nw >= wDim)
                        {
                            continue;
                        }
                    }
                    int nu = u;
                    double step = 0;
                    if (work)
                    {
                        nu += p.LengthMinutes[v] / _gcd;
                        if (nu >= uDim)
                        {
                            continue;
                        }
                        step = cost[i * s + v];
                    }
                    int target = Index(work ? v : s, nr, nflag, nw, nu);
                    double total = c + step;
                    if (total < nxt[target])
                    {
                        nxt[target] = total;
                        backDay[target] = state * (s + 1) + (v + 1);
                    }
                }
            }
            var swap = cur;
            cur = nxt;
            nxt = swap;
        }
        // Close: join with the fixed days after the window, minutes at least the minimum.
        int next = w1 < days ? row[w1] : Roster.Off;
        int after = 0;
        bool afterTouchesEnd = true;
        if (w1 < days)
        {
            bool work = next != Roster.Off;
            int d = w1;
            while (d < days && (row[d] != Roster.Off) == work)
            {
                after++;
                d++;
            }
            afterTouchesEnd = d == days;
        }
        double best = double.PositiveInfinity;
        int bestState = -1;
        for (int state = 0; state < size; state++)
        {
            double c = cur[state];
            if (c >= best)
            {
                continue;
            }
            int u = state % uDim;
            int rest = state / uDim / wDim;
            int flag = rest % 2;
            rest /= 2;
            int r = rest % rDim;
            int last = rest / rDim;
            if ((long)u * _gcd < minWindowMinutes)
            {
                continue;
            }
            bool lastWork = last != s;
            if (w1 < days)
            {
                bool nextWork = next != Roster.Off;
                if (lastWork && nextWork)
                {
                    if (p.Forbidden[last * s + next] || (maxFinite && r + after > p.MaxConsecutive[a]))
                    {
                        continue;
                    }
                    if (!afterTouchesEnd && flag == 0 && r + after < minCons)
                    {
                        continue;
                    }
                }
                else if (lastWork && !nextWork)
                {
                    if (flag == 0 && r < minCons)
                    {
                        continue;
                    }
                    if (!afterTouchesEnd && after < minOff)
                    {
                        continue; // the rest after the window is now a block of its own
                    }
                }
                else if (!lastWork && nextWork)
                {
                    if (r < minOff)
                    {
                        continue; // the rest ending the window is too short (it does not touch day 0: r would be the cap)
                    }
                    if (!afterTouchesEnd && after < minCons)
                    {
                        continue; // the block after the window is now a block of its own
                    }
                }
                else
                {
                    if (!afterTouchesEnd && r + after < minOff)
                    {
                        continue;
                    }
                }
            }
            best = c;
            bestState = state;
        }
        if (bestState < 0)
        {
            return false;
        }
        int st = bestState;
        for (int i = n - 1; i >= 0; i--)
        {
            int code = back[i * size + st];
            result[i] = code % (s + 1) - 1;
            st = code / (s + 1);
        }
        return true;
    }
}
