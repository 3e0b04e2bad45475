using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The mean of a set of durations (ASA, average abandon time, AHT from one handle-time column), carrying the total
/// and the count so results pool exactly: both the result of the duration calculators and the state of a
/// <see cref="DurationAccumulator"/>. Holds no NaN (the mean is computed on demand) and round-trips through
/// System.Text.Json as <c>{"Count":5,"TotalSeconds":160}</c>. Immutable and thread-safe.
/// </summary>
public readonly record struct DurationMean
{
    /// <summary>Creates a mean from its count and total.</summary>
    /// <param name="count">The number of durations, &gt;= 0.</param>
    /// <param name="totalSeconds">Their sum in seconds, finite and &gt;= 0 (0 when <paramref name="count"/> is 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    [JsonConstructor]
    public DurationMean(long count, double totalSeconds)
    {
        if (count < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(count), count, "must be >= 0");
        }
        Preconditions.CheckNonNegative(totalSeconds);
        if (count == 0 && totalSeconds != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(totalSeconds), totalSeconds, "must be 0 when count is 0");
        }
        Count = count;
        TotalSeconds = totalSeconds;
    }

    /// <summary>The number of durations; 0 for empty input.</summary>
    public long Count { get; private init; }

    /// <summary>The sum of the durations in seconds.</summary>
    public double TotalSeconds { get; private init; }

    /// <summary>The mean in seconds; NaN when <see cref="Count"/> is 0.</summary>
    [JsonIgnore]
    public double MeanSeconds => Count == 0 ? double.NaN : TotalSeconds / Count;

    /// <summary>The mean as a <see cref="TimeSpan"/>; null when <see cref="Count"/> is 0.</summary>
    [JsonIgnore]
    public TimeSpan? Mean => Count == 0 ? null : TimeSpan.FromSeconds(MeanSeconds);

    /// <summary>The mean of <paramref name="seconds"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, NaN or infinite (the message names its index and value).</exception>
    public static DurationMean Of(ReadOnlySpan<double> seconds) =>
        new(seconds.Length, DurationKernel.Sum(seconds, nameof(seconds)));

    /// <summary>This mean with one more duration: the accumulators' per-record path (a copy, no checks: the caller checked it).</summary>
    internal DurationMean Plus(double seconds) => this with { Count = Count + 1, TotalSeconds = TotalSeconds + seconds };

    /// <summary>Pools two means: totals and counts add (never average the averages).</summary>
    /// <exception cref="OverflowException">The count overflows.</exception>
    public DurationMean Combine(in DurationMean other) => new(checked(Count + other.Count), TotalSeconds + other.TotalSeconds);

    /// <summary>Prints e.g. <c>32 s mean over 5</c>, or <c>no durations</c>.</summary>
    public override string ToString() => Count == 0
        ? "no durations"
        : string.Create(CultureInfo.InvariantCulture, $"{MeanSeconds:G6} s mean over {Count}");
}

/// <summary>
/// A running sum and count of durations. Mergeable: sums of partitions merged equal the sum of the whole (up to
/// floating-point rounding of the totals). A class, so an accumulator held in a dictionary or list is updated in
/// place; <see cref="State"/> is the immutable, serialisable snapshot it holds. Nothing allocates. Not thread-safe:
/// give each thread its own and <see cref="Merge(DurationAccumulator)"/>.
/// </summary>
public sealed class DurationAccumulator
{
    private DurationMean _state;

    /// <summary>Creates an empty accumulator.</summary>
    public DurationAccumulator()
    {
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public DurationAccumulator(in DurationMean state) => _state = state;

    /// <summary>Durations so far.</summary>
    public long Count => _state.Count;

    /// <summary>Their total in seconds.</summary>
    public double TotalSeconds => _state.TotalSeconds;

    /// <summary>The immutable snapshot (count and total), to merge, store or serialise.</summary>
    public DurationMean State => _state;

    /// <summary>Adds one duration in seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative, NaN or infinite.</exception>
    public void Add(double seconds)
    {
        if (!(seconds >= 0 && seconds < double.PositiveInfinity))
        {
            ThrowHelper.ThrowOutOfRange(nameof(seconds), seconds, "must be a finite number of seconds >= 0");
        }
        _state = _state.Plus(seconds);
    }

    /// <summary>Adds one duration.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void Add(TimeSpan duration) => Add(duration.TotalSeconds);

    /// <summary>Adds every duration in <paramref name="seconds"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, NaN or infinite; nothing is added.</exception>
    public void Add(ReadOnlySpan<double> seconds) => _state = _state.Combine(DurationMean.Of(seconds));

    /// <summary>Adds the durations of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(DurationAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the durations of a snapshot.</summary>
    public void Merge(in DurationMean other) => _state = _state.Combine(other);

    /// <summary>The mean of everything added so far.</summary>
    public DurationMean Result() => _state;

    /// <inheritdoc />
    public override string ToString() => $"DurationAccumulator: {_state}";
}
