using System.Globalization;

namespace CsMetrics.Metrics;

/// <summary>
/// The mean of a set of durations (ASA, average abandon time, AHT from one handle-time column), carrying the
/// total and the count so results pool exactly. Immutable and thread-safe.
/// </summary>
/// <param name="Count">The number of durations; 0 for empty input.</param>
/// <param name="TotalSeconds">The sum of the durations in seconds.</param>
public readonly record struct DurationMean(long Count, double TotalSeconds)
{
    /// <summary>The mean in seconds; NaN when <see cref="Count"/> is 0.</summary>
    public double MeanSeconds => Count == 0 ? double.NaN : TotalSeconds / Count;

    /// <summary>The mean as a <see cref="TimeSpan"/>; null when <see cref="Count"/> is 0.</summary>
    public TimeSpan? Mean => Count == 0 ? null : TimeSpan.FromSeconds(MeanSeconds);

    /// <summary>The mean of <paramref name="seconds"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, NaN or infinite (the message names its index and value).</exception>
    public static DurationMean Of(ReadOnlySpan<double> seconds) =>
        new(seconds.Length, DurationKernel.Sum(seconds, nameof(seconds)));

    /// <summary>Pools two means: totals and counts add (never average the averages).</summary>
    public DurationMean Combine(DurationMean other) => new(Count + other.Count, TotalSeconds + other.TotalSeconds);

    /// <summary>Prints e.g. <c>32 s mean over 5</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MeanSeconds:G6} s mean over {Count}");
}

/// <summary>
/// A running sum and count of durations. Mergeable: sums of partitions merged equal the sum of the whole
/// (up to floating-point rounding of the totals).
/// A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct DurationAccumulator
{
    /// <summary>Durations so far.</summary>
    public long Count { get; private set; }

    /// <summary>Their total in seconds.</summary>
    public double TotalSeconds { get; private set; }

    /// <summary>Adds one duration in seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is negative, NaN or infinite.</exception>
    public void Add(double seconds)
    {
        if (!(seconds >= 0 && seconds < double.PositiveInfinity))
        {
            Internal.ThrowHelper.ThrowOutOfRange(nameof(seconds), seconds, "must be a finite number of seconds >= 0");
        }
        Count++;
        TotalSeconds += seconds;
    }

    /// <summary>Adds one duration.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public void Add(TimeSpan duration) => Add(duration.TotalSeconds);

    /// <summary>Adds every duration in <paramref name="seconds"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, NaN or infinite; nothing is added.</exception>
    public void Add(ReadOnlySpan<double> seconds)
    {
        TotalSeconds += DurationKernel.Sum(seconds, nameof(seconds));
        Count += seconds.Length;
    }

    /// <summary>Adds the durations of <paramref name="other"/>.</summary>
    public void Merge(in DurationAccumulator other)
    {
        Count += other.Count;
        TotalSeconds += other.TotalSeconds;
    }

    /// <summary>The mean of everything added so far.</summary>
    public readonly DurationMean Result() => new(Count, TotalSeconds);
}
