using System.Globalization;

namespace CsMetrics.Metrics;

/// <summary>How a queued contact ended.</summary>
public enum ContactOutcome : byte
{
    /// <summary>An agent answered it.</summary>
    Answered,

    /// <summary>The customer left the queue before an answer.</summary>
    Abandoned,
}

/// <summary>
/// One contact (a call, chat or email) as an ACD or contact platform exports it: when it arrived, how long it
/// waited, how it ended, the handle-time parts of an answered contact, and optional survey answers. The group
/// keys (queue, channel, agent) travel beside it, so that adding a record allocates nothing.
/// </summary>
/// <remarks>
/// Units: seconds for every duration; <see cref="Arrival"/> is an instant (its offset says which). An absent
/// optional value is null. Immutable and thread-safe.
/// </remarks>
public readonly record struct ContactRecord
{
    /// <summary>When the contact arrived in the queue (an instant; the offset is the one it was recorded with).</summary>
    public DateTimeOffset Arrival { get; init; }

    /// <summary>Answered or abandoned.</summary>
    public ContactOutcome Outcome { get; init; }

    /// <summary>Seconds queued until answer or abandon, finite and &gt;= 0.</summary>
    public double WaitSeconds { get; init; }

    /// <summary>Talk seconds of an answered contact (null: not recorded).</summary>
    public double? TalkSeconds { get; init; }

    /// <summary>Hold seconds of an answered contact (null: not recorded, counted as 0 when talk is recorded).</summary>
    public double? HoldSeconds { get; init; }

    /// <summary>After-contact work seconds of an answered contact (null: not recorded, counted as 0 when talk is recorded).</summary>
    public double? WrapSeconds { get; init; }

    /// <summary>The CSAT answer on the aggregator's CSAT scale (1-5 by default), or null when unrated.</summary>
    public byte? Csat { get; init; }

    /// <summary>The NPS answer, 0-10, or null when unrated.</summary>
    public byte? Nps { get; init; }

    /// <summary>Whether the contact resolved the issue on first contact, or null when unknown.</summary>
    public bool? Resolved { get; init; }

    /// <summary>Prints the arrival, the outcome and the wait.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Arrival:yyyy-MM-dd'T'HH:mm:sszzz} {Outcome} after {WaitSeconds} s");
}
