namespace CsMetrics.Rostering;

/// <summary>
/// A shift type: an id, its length and the shift types that may not be worked on the day after it (a forbidden
/// succession, the benchmark's form of a minimum rest between shifts). Immutable and thread-safe.
/// </summary>
/// <param name="Id">The shift's id (non-empty, unique in a problem).</param>
/// <param name="LengthMinutes">Paid length in minutes (&gt; 0), counted against the contract's total minutes.</param>
/// <param name="ForbiddenNext">Ids of the shift types that may not follow this one on the next day (may be empty).</param>
public sealed record RosterShiftType(string Id, int LengthMinutes, IReadOnlyList<string> ForbiddenNext)
{
    /// <summary>A shift type with no forbidden successions.</summary>
    public RosterShiftType(string id, int lengthMinutes) : this(id, lengthMinutes, []) { }

    /// <inheritdoc />
    public bool Equals(RosterShiftType? other) =>
        other is not null && Id == other.Id && LengthMinutes == other.LengthMinutes && ForbiddenNext.SequenceEqual(other.ForbiddenNext);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, LengthMinutes, ForbiddenNext.Count);
}

/// <summary>
/// An agent's contract: the hard rules of the Employee Shift Scheduling benchmark (Curtois &amp; Qu 2014, rules 3-8).
/// Immutable and thread-safe.
/// </summary>
public sealed record RosterContract
{
    /// <summary>The most shifts of each type over the horizon; a type not listed may be worked without limit (use 0 to forbid it).</summary>
    public IReadOnlyDictionary<string, int> MaxShiftsPerType { get; init; } = new Dictionary<string, int>();

    /// <summary>The least total minutes worked over the horizon (&gt;= 0; default 0).</summary>
    public int MinTotalMinutes { get; init; }

    /// <summary>The most total minutes worked over the horizon (&gt;= <see cref="MinTotalMinutes"/>; default <see cref="int.MaxValue"/>).</summary>
    public int MaxTotalMinutes { get; init; } = int.MaxValue;

    /// <summary>The most consecutive working days (&gt;= 1; default no limit). A day off is assumed before day 0 and after the last day.</summary>
    public int MaxConsecutiveShifts { get; init; } = int.MaxValue;

    /// <summary>The fewest consecutive working days in a block (&gt;= 1; default 1). A block touching either end of the horizon is never too short.</summary>
    public int MinConsecutiveShifts { get; init; } = 1;

    /// <summary>The fewest consecutive days off in a block (&gt;= 1; default 1). A block touching either end of the horizon is never too short.</summary>
    public int MinConsecutiveDaysOff { get; init; } = 1;

    /// <summary>The most working weekends (&gt;= 0; default no limit). Weekend w is days 7w+5 and 7w+6 (day 0 is a Monday); it is worked when either day is.</summary>
    public int MaxWeekends { get; init; } = int.MaxValue;

    /// <summary>Checks the contract's ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its documented range (named in the exception).</exception>
    public void Validate()
    {
        foreach (var (id, max) in MaxShiftsPerType)
        {
            if (max < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxShiftsPerType), max, $"MaxShiftsPerType['{id}'] must be >= 0; got {max}.");
            }
        }
        if (MinTotalMinutes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinTotalMinutes), MinTotalMinutes, $"MinTotalMinutes must be >= 0; got {MinTotalMinutes}.");
        }
        if (MaxTotalMinutes < MinTotalMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTotalMinutes), MaxTotalMinutes, $"MaxTotalMinutes must be >= MinTotalMinutes ({MinTotalMinutes}); got {MaxTotalMinutes}.");
        }
        if (MaxConsecutiveShifts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveShifts), MaxConsecutiveShifts, $"MaxConsecutiveShifts must be >= 1; got {MaxConsecutiveShifts}.");
        }
        if (MinConsecutiveShifts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinConsecutiveShifts), MinConsecutiveShifts, $"MinConsecutiveShifts must be >= 1; got {MinConsecutiveShifts}.");
        }
        if (MinConsecutiveDaysOff < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinConsecutiveDaysOff), MinConsecutiveDaysOff, $"MinConsecutiveDaysOff must be >= 1; got {MinConsecutiveDaysOff}.");
        }
        if (MaxWeekends < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWeekends), MaxWeekends, $"MaxWeekends must be >= 0; got {MaxWeekends}.");
        }
    }
}

/// <summary>A named agent with a contract and fixed days off (leave, unavailability). Immutable and thread-safe.</summary>
/// <param name="Id">The agent's id (non-empty, unique in a problem).</param>
/// <param name="Contract">The agent's hard rules.</param>
/// <param name="DaysOff">Day indexes (0-based) on which the agent must not work.</param>
public sealed record RosterAgent(string Id, RosterContract Contract, IReadOnlyList<int> DaysOff)
{
    /// <inheritdoc />
    public bool Equals(RosterAgent? other) =>
        other is not null && Id == other.Id && Equals(Contract, other.Contract) && DaysOff.SequenceEqual(other.DaysOff);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Contract, DaysOff.Count);
}

/// <summary>
/// The cover wanted for one shift type on one day, with the penalty per agent short of it and per agent above it.
/// </summary>
/// <param name="Day">The day (0-based).</param>
/// <param name="ShiftId">The shift type.</param>
/// <param name="Required">Agents wanted (&gt;= 0).</param>
/// <param name="UnderWeight">Penalty per agent below <paramref name="Required"/> (&gt;= 0).</param>
/// <param name="OverWeight">Penalty per agent above <paramref name="Required"/> (&gt;= 0).</param>
public readonly record struct CoverRequirement(int Day, string ShiftId, int Required, int UnderWeight, int OverWeight);

/// <summary>
/// An agent's wish to work (shift-on) or not to work (shift-off) a shift type on a day; the weight is the penalty when
/// it is not met.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Day">The day (0-based).</param>
/// <param name="ShiftId">The shift type.</param>
/// <param name="Weight">The penalty when the request is not met (&gt;= 0).</param>
public readonly record struct ShiftRequest(string AgentId, int Day, string ShiftId, int Weight);
