using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Which intervals of a repeating calendar cycle (usually the week, e.g. 336 half-hours) are open.
/// Closed intervals are skipped by the double-seasonal recursion (no error, no state update) and
/// forecast as exactly 0, so zero-volume nights neither break multiplicative models nor distort the
/// fit. Position 0 is the cycle position of the first observation. Immutable and thread-safe.
/// </summary>
public sealed class OpenHoursMask
{
    private readonly bool[] _open;

    /// <summary>Creates a mask from one flag per interval of the cycle (true = open). The array is copied.</summary>
    /// <exception cref="ArgumentException"><paramref name="open"/> is empty or has no open interval.</exception>
    public OpenHoursMask(ReadOnlySpan<bool> open)
    {
        if (open.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(open), "The mask needs at least one interval.");
        }
        if (!open.Contains(true))
        {
            ThrowHelper.ThrowArgument(nameof(open), "The mask has no open interval.");
        }
        _open = open.ToArray();
    }

    /// <summary>The cycle length (intervals).</summary>
    public int CycleLength => _open.Length;

    /// <summary>The number of open intervals per cycle.</summary>
    public int OpenCount => _open.Count(o => o);

    /// <summary>The flags per cycle position (true = open).</summary>
    public ReadOnlySpan<bool> Flags => _open;

    /// <summary>Whether the interval at absolute time index <paramref name="t"/> (0 = first observation) is open.</summary>
    public bool IsOpen(int t) => _open[t % _open.Length];

    /// <summary>A mask with every interval open.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycleLength"/> is below 1.</exception>
    public static OpenHoursMask AllOpen(int cycleLength)
    {
        Preconditions.CheckRange(cycleLength, 1, int.MaxValue);
        return new OpenHoursMask(Enumerable.Repeat(true, cycleLength).ToArray());
    }

    /// <summary>
    /// Opening hours per day, repeated for <paramref name="days"/> days: intervals
    /// [<paramref name="openFrom"/>, <paramref name="openUntil"/>) of each day are open.
    /// </summary>
    /// <param name="intervalsPerDay">Intervals per day (e.g. 48 half-hours).</param>
    /// <param name="days">Days per cycle (e.g. 7).</param>
    /// <param name="openFrom">First open interval of the day, in [0, intervalsPerDay).</param>
    /// <param name="openUntil">First closed interval after opening, in (openFrom, intervalsPerDay].</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static OpenHoursMask Daily(int intervalsPerDay, int days, int openFrom, int openUntil)
    {
        Preconditions.CheckRange(intervalsPerDay, 1, 1_000_000);
        Preconditions.CheckRange(days, 1, 1_000);
        Preconditions.CheckRange(openFrom, 0, intervalsPerDay - 1);
        Preconditions.CheckRange(openUntil, openFrom + 1, intervalsPerDay);
        var open = new bool[intervalsPerDay * days];
        for (int t = 0; t < open.Length; t++)
        {
            int i = t % intervalsPerDay;
            open[t] = i >= openFrom && i < openUntil;
        }
        return new OpenHoursMask(open);
    }

    /// <summary>
    /// Detects closed intervals from history: a cycle position is closed when every observed
    /// (non-NaN) value at that position is 0, or when it was never observed.
    /// </summary>
    /// <param name="history">The history, starting at cycle position 0.</param>
    /// <param name="cycleLength">The cycle length (e.g. 336).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycleLength"/> is below 1.</exception>
    /// <exception cref="ArgumentException">No position has a non-zero value.</exception>
    public static OpenHoursMask Detect(ReadOnlySpan<double> history, int cycleLength)
    {
        Preconditions.CheckRange(cycleLength, 1, int.MaxValue);
        var open = new bool[cycleLength];
        for (int t = 0; t < history.Length; t++)
        {
            double y = history[t];
            if (!double.IsNaN(y) && y != 0)
            {
                open[t % cycleLength] = true;
            }
        }
        if (!open.AsSpan().Contains(true))
        {
            ThrowHelper.ThrowArgument(nameof(history), "Every observed value is 0 or NaN: no open interval can be detected.");
        }
        return new OpenHoursMask(open);
    }

    /// <summary>A readable line, e.g. <c>OpenHoursMask: 220 of 336 intervals open</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"OpenHoursMask: {OpenCount} of {CycleLength} intervals open");
}
