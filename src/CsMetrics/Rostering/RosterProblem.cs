namespace CsMetrics.Rostering;

/// <summary>
/// A rostering problem: named agents with contracts, shift types, per-day cover requirements with under- and over-cover
/// weights, and weighted shift-on and shift-off requests, over a horizon of whole days (day 0 is a Monday). The model
/// is the Employee Shift Scheduling benchmark's (Curtois &amp; Qu 2014, "Computational results on new staff scheduling
/// benchmark instances", doi 10.1016/j.ejor.2014.01.039). Immutable and thread-safe once constructed.
/// </summary>
/// <remarks>
/// Hard rules (never broken by a feasible roster): at most one shift per agent per day; forbidden successions; the
/// most shifts of each type; total minutes within [min, max]; consecutive working days within [min, max] and
/// consecutive days off at least the minimum (blocks touching an end of the horizon are never too short); the most
/// working weekends; no work on a fixed day off. Objective (minimised): the weights of unmet shift-on requests and
/// violated shift-off requests, plus (required − assigned) × under-weight and (assigned − required) × over-weight for
/// each day and shift type. A (day, shift) without a cover requirement has no cover penalty.
/// </remarks>
public sealed class RosterProblem
{
    /// <summary>Builds and validates a problem.</summary>
    /// <param name="days">The horizon in days (&gt;= 1).</param>
    /// <param name="shiftTypes">The shift types (at least one; unique ids).</param>
    /// <param name="agents">The agents (unique ids; contracts and days off name known shifts and days).</param>
    /// <param name="cover">Cover requirements, at most one per (day, shift).</param>
    /// <param name="shiftOnRequests">Shift-on requests, at most one per (agent, day, shift).</param>
    /// <param name="shiftOffRequests">Shift-off requests, at most one per (agent, day, shift).</param>
    /// <exception cref="ArgumentException">A duplicate or unknown id, a day outside the horizon or a value out of range; the message names the element.</exception>
    public RosterProblem(int days, IReadOnlyList<RosterShiftType> shiftTypes, IReadOnlyList<RosterAgent> agents,
        IReadOnlyList<CoverRequirement> cover, IReadOnlyList<ShiftRequest> shiftOnRequests, IReadOnlyList<ShiftRequest> shiftOffRequests)
    {
        ArgumentNullException.ThrowIfNull(shiftTypes);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(shiftOnRequests);
        ArgumentNullException.ThrowIfNull(shiftOffRequests);
        if (days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"days must be >= 1; got {days}.");
        }
        if (shiftTypes.Count == 0)
        {
            throw new ArgumentException("at least one shift type is required.", nameof(shiftTypes));
        }
        Days = days;
        ShiftTypes = shiftTypes.ToArray();
        Agents = agents.ToArray();
        Cover = cover.ToArray();
        ShiftOnRequests = shiftOnRequests.ToArray();
        ShiftOffRequests = shiftOffRequests.ToArray();

        int s = ShiftTypes.Count, e = Agents.Count;
        _shiftIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < s; i++)
        {
            var type = ShiftTypes[i] ?? throw new ArgumentException($"shiftTypes[{i}] is null.", nameof(shiftTypes));
            if (string.IsNullOrEmpty(type.Id))
            {
                throw new ArgumentException($"shiftTypes[{i}]: the id is empty.", nameof(shiftTypes));
            }
            if (type.LengthMinutes <= 0)
            {
                throw new ArgumentException($"shiftTypes[{i}] ('{type.Id}'): LengthMinutes must be > 0; got {type.LengthMinutes}.", nameof(shiftTypes));
            }
            if (!_shiftIndex.TryAdd(type.Id, i))
            {
                throw new ArgumentException($"shiftTypes[{i}]: duplicate shift id '{type.Id}'.", nameof(shiftTypes));
            }
        }
        LengthMinutes = ShiftTypes.Select(t => t.LengthMinutes).ToArray();
        Forbidden = new bool[s * s];
        for (int i = 0; i < s; i++)
        {
            foreach (var next in ShiftTypes[i].ForbiddenNext)
            {
                if (!_shiftIndex.TryGetValue(next, out int j))
                {
                    throw new ArgumentException($"shiftTypes[{i}] ('{ShiftTypes[i].Id}'): unknown shift '{next}' in ForbiddenNext.", nameof(shiftTypes));
                }
                Forbidden[i * s + j] = true;
            }
        }

        _agentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        MaxShifts = new int[e * s];
        MinMinutes = new int[e];
        MaxMinutes = new int[e];
        MinConsecutive = new int[e];
        MaxConsecutive = new int[e];
        MinDaysOff = new int[e];
        MaxWeekends = new int[e];
        DayOff = new bool[e * days];
        for (int a = 0; a < e; a++)
        {
            var agent = Agents[a] ?? throw new ArgumentException($"agents[{a}] is null.", nameof(agents));
            if (string.IsNullOrEmpty(agent.Id))
            {
                throw new ArgumentException($"agents[{a}]: the id is empty.", nameof(agents));
            }
            if (!_agentIndex.TryAdd(agent.Id, a))
            {
                throw new ArgumentException($"agents[{a}]: duplicate agent id '{agent.Id}'.", nameof(agents));
            }
            var contract = agent.Contract ?? throw new ArgumentException($"agents[{a}] ('{agent.Id}'): the contract is null.", nameof(agents));
            try
            {
                contract.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentException($"agents[{a}] ('{agent.Id}'): {ex.Message.Split('\n')[0].Split(" (Parameter")[0]}", nameof(agents), ex);
            }
            for (int t = 0; t < s; t++)
            {
                MaxShifts[a * s + t] = int.MaxValue;
            }
            foreach (var (id, max) in contract.MaxShiftsPerType)
            {
                if (!_shiftIndex.TryGetValue(id, out int t))
                {
                    throw new ArgumentException($"agents[{a}] ('{agent.Id}'): unknown shift '{id}' in MaxShiftsPerType.", nameof(agents));
                }
                MaxShifts[a * s + t] = max;
            }
            MinMinutes[a] = contract.MinTotalMinutes;
            MaxMinutes[a] = contract.MaxTotalMinutes;
            MinConsecutive[a] = contract.MinConsecutiveShifts;
            MaxConsecutive[a] = contract.MaxConsecutiveShifts;
            MinDaysOff[a] = contract.MinConsecutiveDaysOff;
            MaxWeekends[a] = contract.MaxWeekends;
            foreach (int day in agent.DaysOff)
            {
                if ((uint)day >= (uint)days)
                {
                    throw new ArgumentException($"agents[{a}] ('{agent.Id}'): day off {day} is outside the horizon [0, {days - 1}].", nameof(agents));
                }
                DayOff[a * days + day] = true;
            }
        }

        Required = new int[days * s];
        UnderWeight = new int[days * s];
        OverWeight = new int[days * s];
        var seenCover = new bool[days * s];
        for (int i = 0; i < Cover.Count; i++)
        {
            var c = Cover[i];
            int cell = CellOf(c.Day, c.ShiftId, nameof(cover), i);
            if (c.Required < 0 || c.UnderWeight < 0 || c.OverWeight < 0)
            {
                throw new ArgumentException($"cover[{i}]: Required, UnderWeight and OverWeight must be >= 0; got {c.Required}, {c.UnderWeight}, {c.OverWeight}.", nameof(cover));
            }
            if (seenCover[cell])
            {
                throw new ArgumentException($"cover[{i}]: a second requirement for day {c.Day}, shift '{c.ShiftId}'.", nameof(cover));
            }
            seenCover[cell] = true;
            Required[cell] = c.Required;
            UnderWeight[cell] = c.UnderWeight;
            OverWeight[cell] = c.OverWeight;
        }

        OnWeight = new int[e * days * s];
        OffWeight = new int[e * days * s];
        FillRequests(ShiftOnRequests, OnWeight, nameof(shiftOnRequests));
        FillRequests(ShiftOffRequests, OffWeight, nameof(shiftOffRequests));
    }

    /// <summary>The horizon in days; day 0 is a Monday.</summary>
    public int Days { get; }

    /// <summary>The shift types, in the order their indexes refer to.</summary>
    public IReadOnlyList<RosterShiftType> ShiftTypes { get; }

    /// <summary>The agents, in the order their indexes refer to.</summary>
    public IReadOnlyList<RosterAgent> Agents { get; }

    /// <summary>The cover requirements as given.</summary>
    public IReadOnlyList<CoverRequirement> Cover { get; }

    /// <summary>The shift-on requests as given.</summary>
    public IReadOnlyList<ShiftRequest> ShiftOnRequests { get; }

    /// <summary>The shift-off requests as given.</summary>
    public IReadOnlyList<ShiftRequest> ShiftOffRequests { get; }

    /// <summary>The index of a shift type by id, or -1.</summary>
    public int ShiftIndex(string shiftId) => _shiftIndex.TryGetValue(shiftId, out int i) ? i : -1;

    /// <summary>The index of an agent by id, or -1.</summary>
    public int AgentIndex(string agentId) => _agentIndex.TryGetValue(agentId, out int i) ? i : -1;

    /// <summary>The number of weekends counted by the weekend rule: those whose Saturday (day 7w+5) is in the horizon.</summary>
    public int Weekends => (Days + 1) / 7;

    // Flattened views used by the evaluator and the solver (agent-major; day × shift cells are day * S + shift).
    private readonly Dictionary<string, int> _shiftIndex;
    private readonly Dictionary<string, int> _agentIndex;
    internal int[] LengthMinutes { get; }
    internal bool[] Forbidden { get; }
    internal int[] MaxShifts { get; }
    internal int[] MinMinutes { get; }
    internal int[] MaxMinutes { get; }
    internal int[] MinConsecutive { get; }
    internal int[] MaxConsecutive { get; }
    internal int[] MinDaysOff { get; }
    internal int[] MaxWeekends { get; }
    internal bool[] DayOff { get; }
    internal int[] Required { get; }
    internal int[] UnderWeight { get; }
    internal int[] OverWeight { get; }
    internal int[] OnWeight { get; }
    internal int[] OffWeight { get; }

    private int CellOf(int day, string shiftId, string paramName, int index)
    {
        if ((uint)day >= (uint)Days)
        {
            throw new ArgumentException($"{paramName}[{index}]: day {day} is outside the horizon [0, {Days - 1}].", paramName);
        }
        if (shiftId is null || !_shiftIndex.TryGetValue(shiftId, out int s))
        {
            throw new ArgumentException($"{paramName}[{index}]: unknown shift '{shiftId}'.", paramName);
        }
        return day * ShiftTypes.Count + s;
    }

    private void FillRequests(IReadOnlyList<ShiftRequest> requests, int[] weights, string paramName)
    {
        var seen = new bool[weights.Length];
        for (int i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            if (r.AgentId is null || !_agentIndex.TryGetValue(r.AgentId, out int a))
            {
                throw new ArgumentException($"{paramName}[{i}]: unknown agent '{r.AgentId}'.", paramName);
            }
            int cell = a * Days * ShiftTypes.Count + CellOf(r.Day, r.ShiftId, paramName, i);
            if (r.Weight < 0)
            {
                throw new ArgumentException($"{paramName}[{i}]: the weight must be >= 0; got {r.Weight}.", paramName);
            }
            if (seen[cell])
            {
                throw new ArgumentException($"{paramName}[{i}]: a second request for agent '{r.AgentId}', day {r.Day}, shift '{r.ShiftId}'.", paramName);
            }
            seen[cell] = true;
            weights[cell] = r.Weight;
        }
    }
}
