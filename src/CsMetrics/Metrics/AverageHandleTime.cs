using System.Globalization;
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
    public static HandleTimeResult Compute(ReadOnlySpan<double> talkSeconds, ReadOnlySpan<double> holdSeconds, ReadOnlySpan<double> wrapSeconds)
    {
        var accumulator = new HandleTimeAccumulator();
        accumulator.Add(talkSeconds, holdSeconds, wrapSeconds);
        return accumulator.Result();
    }

    /// <summary>AHT from one handle-time column (talk + hold + wrap already summed per contact).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite (the message names its index and value).</exception>
    public static DurationMean Compute(ReadOnlySpan<double> handleSeconds) =>
        new(handleSeconds.Length, DurationKernel.Sum(handleSeconds, nameof(handleSeconds)));
}

/// <summary>AHT and its parts. Immutable and thread-safe.</summary>
/// <param name="Count">Handled contacts; 0 for empty input.</param>
/// <param name="TalkSeconds">Total talk time.</param>
/// <param name="HoldSeconds">Total hold time.</param>
/// <param name="WrapSeconds">Total after-call work.</param>
public readonly record struct HandleTimeResult(long Count, double TalkSeconds, double HoldSeconds, double WrapSeconds)
{
    /// <summary>AHT in seconds: (talk + hold + wrap) / count; NaN when empty.</summary>
    public double AverageSeconds => (TalkSeconds + HoldSeconds + WrapSeconds) / Count;

    /// <summary>AHT as a <see cref="TimeSpan"/>; null when empty.</summary>
    public TimeSpan? Average => Count == 0 ? null : TimeSpan.FromSeconds(AverageSeconds);

    /// <summary>Average talk seconds per contact.</summary>
    public double AverageTalkSeconds => TalkSeconds / Count;

    /// <summary>Average hold seconds per contact.</summary>
    public double AverageHoldSeconds => HoldSeconds / Count;

    /// <summary>Average after-call work seconds per contact.</summary>
    public double AverageWrapSeconds => WrapSeconds / Count;

    /// <summary>Prints e.g. <c>AHT 300 s (talk 240, hold 20, wrap 40) over 1000 contacts</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"AHT {AverageSeconds:G5} s (talk {AverageTalkSeconds:G4}, hold {AverageHoldSeconds:G4}, wrap {AverageWrapSeconds:G4}) over {Count} contacts");
}

/// <summary>
/// Running totals of talk, hold and wrap time. Mergeable: totals of partitions merged equal the totals of the
/// whole (up to floating-point rounding). A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct HandleTimeAccumulator
{
    /// <summary>Contacts so far.</summary>
    public long Count { get; private set; }

    /// <summary>Total talk seconds.</summary>
    public double TalkSeconds { get; private set; }

    /// <summary>Total hold seconds.</summary>
    public double HoldSeconds { get; private set; }

    /// <summary>Total after-call work seconds.</summary>
    public double WrapSeconds { get; private set; }

    /// <summary>Adds one contact.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public void Add(TimeSpan talk, TimeSpan hold, TimeSpan wrap)
    {
        double t = talk.TotalSeconds, h = hold.TotalSeconds, w = wrap.TotalSeconds;
        Preconditions.CheckNonNegative(t, nameof(talk));
        Preconditions.CheckNonNegative(h, nameof(hold));
        Preconditions.CheckNonNegative(w, nameof(wrap));
        Count++;
        TalkSeconds += t;
        HoldSeconds += h;
        WrapSeconds += w;
    }

    /// <summary>Adds contacts from per-contact spans (see <see cref="AverageHandleTime.Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
    /// <exception cref="ArgumentException">A non-empty hold or wrap span has a different length from <paramref name="talkSeconds"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite; nothing is added.</exception>
    public void Add(ReadOnlySpan<double> talkSeconds, ReadOnlySpan<double> holdSeconds, ReadOnlySpan<double> wrapSeconds)
    {
        if (!holdSeconds.IsEmpty && holdSeconds.Length != talkSeconds.Length)
        {
            ThrowHelper.ThrowArgument(nameof(holdSeconds), $"holdSeconds has length {holdSeconds.Length}; talkSeconds has {talkSeconds.Length} (pass an empty span when hold is not measured).");
        }
        if (!wrapSeconds.IsEmpty && wrapSeconds.Length != talkSeconds.Length)
        {
            ThrowHelper.ThrowArgument(nameof(wrapSeconds), $"wrapSeconds has length {wrapSeconds.Length}; talkSeconds has {talkSeconds.Length} (pass an empty span when wrap-up is not measured).");
        }
        double talk = DurationKernel.Sum(talkSeconds, nameof(talkSeconds));
        double hold = DurationKernel.Sum(holdSeconds, nameof(holdSeconds));
        double wrap = DurationKernel.Sum(wrapSeconds, nameof(wrapSeconds));
        Count += talkSeconds.Length;
        TalkSeconds += talk;
        HoldSeconds += hold;
        WrapSeconds += wrap;
    }

    /// <summary>Adds the totals of <paramref name="other"/>.</summary>
    public void Merge(in HandleTimeAccumulator other)
    {
        Count += other.Count;
        TalkSeconds += other.TalkSeconds;
        HoldSeconds += other.HoldSeconds;
        WrapSeconds += other.WrapSeconds;
    }

    /// <summary>AHT of everything added so far.</summary>
    public readonly HandleTimeResult Result() => new(Count, TalkSeconds, HoldSeconds, WrapSeconds);
}
