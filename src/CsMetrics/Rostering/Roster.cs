namespace CsMetrics.Rostering;

/// <summary>
/// Who works what: for each agent and day, the shift type worked or a day off. Immutable and thread-safe; value
/// equality over the problem's shape and the assignments.
/// </summary>
public sealed class Roster : IEquatable<Roster>
{
    /// <summary>The value of a day off in <see cref="ShiftIndexOf"/> and the index array.</summary>
    public const int Off = -1;

    private readonly int[] _cells;

    /// <summary>A roster from agent-major shift indexes (<c>cells[agent * days + day]</c>, <see cref="Off"/> for a day off).</summary>
    /// <exception cref="ArgumentException">The length is not agents × days, or an index is neither <see cref="Off"/> nor a shift type.</exception>
    public Roster(RosterProblem problem, ReadOnlySpan<int> cells)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (cells.Length != problem.Agents.Count * problem.Days)
        {
            throw new ArgumentException($"cells has length {cells.Length}; agents × days = {problem.Agents.Count * problem.Days} is required.", nameof(cells));
        }
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i] < Off || cells[i] >= problem.ShiftTypes.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(cells), cells[i], $"cells[{i}] must be -1 (off) or a shift index in [0, {problem.ShiftTypes.Count - 1}]; got {cells[i]}.");
            }
        }
        Problem = problem;
        _cells = cells.ToArray();
    }

    private Roster(RosterProblem problem, int[] cells, bool _)
    {
        Problem = problem;
        _cells = cells;
    }

    internal static Roster Wrap(RosterProblem problem, int[] cells) => new(problem, cells, true);

    /// <summary>The problem the roster is for.</summary>
    public RosterProblem Problem { get; }

    /// <summary>The agent-major shift indexes (<see cref="Off"/> for a day off).</summary>
    public ReadOnlySpan<int> Cells => _cells;

    /// <summary>The shift index agent <paramref name="agent"/> works on <paramref name="day"/>, or <see cref="Off"/>.</summary>
    public int ShiftIndexOf(int agent, int day)
    {
        if ((uint)agent >= (uint)Problem.Agents.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(agent), agent, $"agent must be in [0, {Problem.Agents.Count - 1}]; got {agent}.");
        }
        if ((uint)day >= (uint)Problem.Days)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be in [0, {Problem.Days - 1}]; got {day}.");
        }
        return _cells[agent * Problem.Days + day];
    }

    /// <summary>The shift id agent <paramref name="agent"/> works on <paramref name="day"/>, or null for a day off.</summary>
    public string? ShiftOf(int agent, int day)
    {
        int s = ShiftIndexOf(agent, day);
        return s == Off ? null : Problem.ShiftTypes[s].Id;
    }

    /// <summary>An empty roster (every agent off every day).</summary>
    public static Roster Empty(RosterProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var cells = new int[problem.Agents.Count * problem.Days];
        Array.Fill(cells, Off);
        return new Roster(problem, cells, true);
    }

    /// <summary>A roster from (employee, day, shift) rows; days not listed are off.</summary>
    /// <exception cref="ArgumentException">An unknown employee or shift, a day outside the horizon, or two rows for the same employee and day (the message names the row index).</exception>
    public static Roster FromAssignments(RosterProblem problem, IEnumerable<(string Employee, int Day, string Shift)> rows)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new int[problem.Agents.Count * problem.Days];
        Array.Fill(cells, Off);
        int index = 0;
        foreach (var (employee, day, shift) in rows)
        {
            int a = problem.AgentIndex(employee);
            int s = problem.ShiftIndex(shift);
            if (a < 0)
            {
                throw new ArgumentException($"rows[{index}]: unknown employee '{employee}'.", nameof(rows));
            }
            if (s < 0)
            {
                throw new ArgumentException($"rows[{index}]: unknown shift '{shift}'.", nameof(rows));
            }
            if ((uint)day >= (uint)problem.Days)
            {
                throw new ArgumentException($"rows[{index}]: day {day} is outside the horizon [0, {problem.Days - 1}].", nameof(rows));
            }
            ref int cell = ref cells[a * problem.Days + day];
            if (cell != Off)
            {
                throw new ArgumentException($"rows[{index}]: employee '{employee}' already works on day {day} (at most one shift per day).", nameof(rows));
            }
            cell = s;
            index++;
        }
        return new Roster(problem, cells, true);
    }

    /// <summary>The worked days as (employee, day, shift) rows, agent by agent, day by day; days off omitted.</summary>
    public IEnumerable<(string Employee, int Day, string Shift)> Assignments()
    {
        for (int a = 0; a < Problem.Agents.Count; a++)
        {
            for (int d = 0; d < Problem.Days; d++)
            {
                int s = _cells[a * Problem.Days + d];
                if (s != Off)
                {
                    yield return (Problem.Agents[a].Id, d, Problem.ShiftTypes[s].Id);
                }
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(Roster? other) =>
        other is not null && other.Problem.Days == Problem.Days && other.Problem.Agents.Count == Problem.Agents.Count && _cells.AsSpan().SequenceEqual(other._cells);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Roster);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Problem.Days);
        foreach (int c in _cells)
        {
            hash.Add(c);
        }
        return hash.ToHashCode();
    }

    /// <summary>One line per agent: the id, then one column per day (the shift id or '-').</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        for (int a = 0; a < Problem.Agents.Count; a++)
        {
            text.Append(Problem.Agents[a].Id);
            for (int d = 0; d < Problem.Days; d++)
            {
                text.Append(' ').Append(ShiftOf(a, d) ?? "-");
            }
            text.AppendLine();
        }
        return text.ToString();
    }
}
