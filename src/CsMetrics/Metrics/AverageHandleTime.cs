using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// Average handle time: <c>AHT = (Σ talk + Σ hold + Σ after-call work) / handled contacts</c> (Amazon Connect,
/// ICMI). Voximplant's variant without hold is the same call with no hold column.
/// </summary>
public static class AverageHandleTime
{
    /// <summary>AHT from per-contact talk, hold and wrap-up (after-call work) times in seconds.</summary>
    /// <param name="talkSeconds">Talk time per handled contact.</param>
    /// <param name="holdSeconds">Hold time per contact, same length as <paramref name="talkSeconds"/>; empty when hold is not measured (or not counted).</param>
    /// <param name="wrapSeconds">After-call work per contact, same length as <paramref name="talkSeconds"/>; empty when not measured.</param>
    /// <exception cref="ArgumentException"><paramref name="holdSeconds"/> or <paramref name="wrapSeconds"/> is non-empty with a different length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite (the message names the span, index and value).</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN averages. Vectorised and allocation-free.</remarks>
    public static HandleTimeResult Compute(ReadOnlySpan<double> talkSeconds, ReadOnlySpan<double> holdSeconds, ReadOnlySpan<double> wrapSeconds) =>
        HandleTimeResult.Of(talkSeconds, holdSeconds, wrapSeconds);

    /// <summary>AHT from one handle-time column (talk + hold + wrap already summed per contact).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite (the message names its index and value).</exception>
    public static DurationMean Compute(ReadOnlySpan<double> handleSeconds) =>
        new(handleSeconds.Length, DurationKernel.Sum(handleSeconds, nameof(handleSeconds)));
}

/// <summary>
/// AHT and its parts: both the result of <see cref="AverageHandleTime"/> and the state of a
/// <see cref="HandleTimeAccumulator"/> (a count and three totals: pools by adding, holds no NaN, round-trips through
/// System.Text.Json). Immutable and thread-safe.
/// </summary>
public readonly record struct HandleTimeResult
{
    /// <summary>Creates a result from its count and totals.</summary>
    /// <param name="count">Handled contacts, &gt;= 0.</param>
    /// <param name="talkSeconds">Total talk time, finite and &gt;= 0.</param>
    /// <param name="holdSeconds">Total hold time, finite and &gt;= 0.</param>
    /// <param name="wrapSeconds">Total after-call work, finite and &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range, or a total is non-zero with no contacts.</exception>
    [JsonConstructor]
    public HandleTimeResult(long count, double talkSeconds, double holdSeconds, double wrapSeconds)
    {
        if (count < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count), count, "must be >= 0");
        }
        Preconditions.CheckNonNegative(talkSeconds);
        Preconditions.CheckNonNegative(holdSeconds);
        Preconditions.CheckNonNegative(wrapSeconds);
        if (count == 0 && talkSeconds + holdSeconds + wrapSeconds != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count), count, "must be > 0 when a total is non-zero");
        }
        Count = count;
        TalkSeconds = talkSeconds;
        HoldSeconds = holdSeconds;
        WrapSeconds = wrapSeconds;
    }

    /// <summary>Handled contacts; 0 for empty input.</summary>
    public long Count { get; private init; }

    /// <summary>Total talk time.</summary>
    public double TalkSeconds { get; private init; }

    /// <summary>Total hold time.</summary>
    public double HoldSeconds { get; private init; }

    /// <summary>Total after-call work.</summary>
    public double WrapSeconds { get; private init; }

    /// <summary>AHT in seconds: (talk + hold + wrap) / count; NaN when empty.</summary>
    [JsonIgnore]
    public double AverageSeconds => (TalkSeconds + HoldSeconds + WrapSeconds) / Count;

    /// <summary>AHT as a <see cref="TimeSpan"/>; null when empty.</summary>
    [JsonIgnore]
    public TimeSpan? Average => Count == 0 ? null : TimeSpan.FromSeconds(AverageSeconds);

    /// <summary>Average talk seconds per contact (NaN when empty).</summary>
    [JsonIgnore]
    public double AverageTalkSeconds => TalkSeconds / Count;

    /// <summary>Average hold seconds per contact (NaN when empty).</summary>
    [JsonIgnore]
    public double AverageHoldSeconds => HoldSeconds / Count;

    /// <summary>Average after-call work seconds per contact (NaN when empty).</summary>
    [JsonIgnore]
    public double AverageWrapSeconds => WrapSeconds / Count;

    /// <summary>The totals of per-contact spans (see <see cref="AverageHandleTime.Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>); vectorised, allocation-free.</summary>
    /// <exception cref="ArgumentException">A non-empty hold or wrap span has a different length from <paramref name="talkSeconds"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite (named by span and index).</exception>
    public static HandleTimeResult Of(ReadOnlySpan<double> talkSeconds, ReadOnlySpan<double> holdSeconds, ReadOnlySpan<double> wrapSeconds)
    {
        if (!holdSeconds.IsEmpty && holdSeconds.Length != talkSeconds.Length)
        {
            ThrowHelper.ThrowArgument(nameof(holdSeconds), $"holdSeconds has length {holdSeconds.Length}; talkSeconds has {talkSeconds.Length} (pass an empty span when hold is not measured).");
        }
        if (!wrapSeconds.IsEmpty && wrapSeconds.Length != talkSeconds.Length)
        {
            ThrowHelper.ThrowArgument(nameof(wrapSeconds), $"wrapSeconds has length {wrapSeconds.Length}; talkSeconds has {talkSeconds.Length} (pass an empty span when wrap-up is not measured).");
        }
        return new HandleTimeResult(talkSeconds.Length, DurationKernel.Sum(talkSeconds, nameof(talkSeconds)),
            DurationKernel.Sum(holdSeconds, nameof(holdSeconds)), DurationKernel.Sum(wrapSeconds, nameof(wrapSeconds)));
    }

    /// <summary>This result with one more contact: the accumulator's per-record path (a copy, no checks: the caller checked the times).</summary>
    internal HandleTimeResult Plus(double talkSeconds, double holdSeconds, double wrapSeconds) => this with
    {
        Count = Count + 1,
        TalkSeconds = TalkSeconds + talkSeconds,
        HoldSeconds = HoldSeconds + holdSeconds,
        WrapSeconds = WrapSeconds + wrapSeconds,
    };

    /// <summary>Pools two results: counts and totals add.</summary>
    /// <exception cref="OverflowException">The count overflows.</exception>
    public HandleTimeResult Combine(in HandleTimeResult other) => new(checked(Count + other.Count),
        TalkSeconds + other.TalkSeconds, HoldSeconds + other.HoldSeconds, WrapSeconds + other.WrapSeconds);

    /// <summary>Prints e.g. <c>AHT 300 s (talk 240, hold 20, wrap 40) over 1000 contacts</c>, or <c>AHT: no contacts</c>.</summary>
    public override string ToString() => Count == 0
        ? "AHT: no contacts"
        : string.Create(CultureInfo.InvariantCulture,
            $"AHT {AverageSeconds:G5} s (talk {AverageTalkSeconds:G4}, hold {AverageHoldSeconds:G4}, wrap {AverageWrapSeconds:G4}) over {Count} contacts");
}

/// <summary>
/// Running totals of talk, hold and wrap time. Mergeable: totals of partitions merged equal the totals of the whole
/// (up to floating-point rounding). A class, so an accumulator held in a dictionary or list is updated in place;
/// <see cref="State"/> is the immutable, serialisable snapshot it holds. Nothing allocates. Not thread-safe: give each
/// thread its own and <see cref="Merge(HandleTimeAccumulator)"/>.
/// </summary>
public sealed class HandleTimeAccumulator
{
    private HandleTimeResult _state;

    /// <summary>Creates an empty accumulator.</summary>
    public HandleTimeAccumulator()
    {
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public HandleTimeAccumulator(in HandleTimeResult state) => _state = state;

    /// <summary>Contacts so far.</summary>
    public long Count => _state.Count;

    /// <summary>Total talk seconds.</summary>
    public double TalkSeconds => _state.TalkSeconds;

    /// <summary>Total hold seconds.</summary>
    public double HoldSeconds => _state.HoldSeconds;

    /// <summary>Total after-call work seconds.</summary>
    public double WrapSeconds => _state.WrapSeconds;

    /// <summary>The immutable snapshot of the count and totals, to merge, store or serialise.</summary>
    public HandleTimeResult State => _state;

    /// <summary>Adds one contact.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public void Add(TimeSpan talk, TimeSpan hold, TimeSpan wrap) => Add(talk.TotalSeconds, hold.TotalSeconds, wrap.TotalSeconds);

    /// <summary>Adds one contact from its times in seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public void Add(double talkSeconds, double holdSeconds, double wrapSeconds)
    {
        Preconditions.CheckNonNegative(talkSeconds);
        Preconditions.CheckNonNegative(holdSeconds);
        Preconditions.CheckNonNegative(wrapSeconds);
        _state = _state.Plus(talkSeconds, holdSeconds, wrapSeconds);
    }

    /// <summary>Adds contacts from per-contact spans (see <see cref="AverageHandleTime.Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
    /// <exception cref="ArgumentException">A non-empty hold or wrap span has a different length from <paramref name="talkSeconds"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite; nothing is added.</exception>
    public void Add(ReadOnlySpan<double> talkSeconds, ReadOnlySpan<double> holdSeconds, ReadOnlySpan<double> wrapSeconds) =>
        _state = _state.Combine(HandleTimeResult.Of(talkSeconds, holdSeconds, wrapSeconds));

    /// <summary>Adds the totals of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(HandleTimeAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the totals of a snapshot.</summary>
    public void Merge(in HandleTimeResult other) => _state = _state.Combine(other);

    /// <summary>AHT of everything added so far.</summary>
    public HandleTimeResult Result() => _state;

    /// <inheritdoc />
    public override string ToString() => _state.ToString();
}
