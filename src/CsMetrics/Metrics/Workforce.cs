using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// Agent-time ratios with explicit time buckets: occupancy, utilisation, shrinkage, schedule adherence and
/// conformance. Each takes pooled totals (one element per agent or interval) so nothing is averaged as a
/// percentage. Sources: Amazon Connect historical metrics; callcentrehelper.com; Salesforce
/// SchedulingAdherenceSummary; see docs/metrics.md for the variants.
/// </summary>
/// <remarks>
/// All span overloads are allocation-free; spans must have equal lengths (an <see cref="ArgumentException"/> names the
/// second span otherwise) and hold finite times &gt;= 0 (an <see cref="ArgumentOutOfRangeException"/> names the span,
/// index and value). Empty spans give <c>Count == 0</c> and NaN.
/// </remarks>
public static class Workforce
{
    /// <summary>
    /// Occupancy = handle / (handle + available idle): the share of staffed, ready time spent on contacts
    /// (Amazon Connect; Erlang C's A/N). Handle time is talk + hold + after-call work.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public static TimeRatio Occupancy(ReadOnlySpan<double> handleSeconds, ReadOnlySpan<double> availableSeconds)
    {
        CheckSameLength(handleSeconds.Length, availableSeconds.Length, nameof(availableSeconds));
        double handle = DurationKernel.Sum(handleSeconds, nameof(handleSeconds));
        double available = DurationKernel.Sum(availableSeconds, nameof(availableSeconds));
        return new TimeRatio(handleSeconds.Length, handle, handle + available);
    }

    /// <summary>Occupancy of one agent or interval: handle / (handle + available).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative.</exception>
    public static double Occupancy(TimeSpan handle, TimeSpan available) =>
        Occupancy([handle.TotalSeconds], [available.TotalSeconds]).Value;

    /// <summary>
    /// Utilisation = (handle + available) / paid time: the share of paid time spent logged in and ready or busy
    /// (callcentrehelper, WFM usage). ICMI swaps these labels; ours follow the explicit buckets.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public static TimeRatio Utilisation(ReadOnlySpan<double> handleSeconds, ReadOnlySpan<double> availableSeconds, ReadOnlySpan<double> paidSeconds)
    {
        CheckSameLength(handleSeconds.Length, availableSeconds.Length, nameof(availableSeconds));
        CheckSameLength(handleSeconds.Length, paidSeconds.Length, nameof(paidSeconds));
        double busy = DurationKernel.Sum(handleSeconds, nameof(handleSeconds)) + DurationKernel.Sum(availableSeconds, nameof(availableSeconds));
        return new TimeRatio(handleSeconds.Length, busy, DurationKernel.Sum(paidSeconds, nameof(paidSeconds)));
    }

    /// <summary>Shrinkage = time lost to absence, breaks, training, meetings (internal + external) / total paid time.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public static TimeRatio Shrinkage(ReadOnlySpan<double> shrinkageSeconds, ReadOnlySpan<double> paidSeconds)
    {
        CheckSameLength(shrinkageSeconds.Length, paidSeconds.Length, nameof(paidSeconds));
        return new TimeRatio(shrinkageSeconds.Length, DurationKernel.Sum(shrinkageSeconds, nameof(shrinkageSeconds)), DurationKernel.Sum(paidSeconds, nameof(paidSeconds)));
    }

    /// <summary>
    /// Combines independent shrinkage factors multiplicatively: <c>1 − Π(1 − sᵢ)</c> (e.g. availability 20% and
    /// attendance 2% give 21.6%, not the additive 22%). Empty input gives 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor is outside [0, 1) (named by index).</exception>
    public static double CombineShrinkage(ReadOnlySpan<double> factors)
    {
        double kept = 1;
        for (int i = 0; i < factors.Length; i++)
        {
            if (!(factors[i] >= 0 && factors[i] < 1))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(factors), i, factors[i], "must be a fraction in [0, 1)");
            }
            kept *= 1 - factors[i];
        }
        return 1 - kept;
    }

    /// <summary>
    /// Gross (scheduled) staff for a net requirement: <c>net / (1 − shrinkage)</c>, unrounded.
    /// 70 at 30% gives 100; 20 at 25% gives 26.67.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="netStaff"/> is negative or not finite, or <paramref name="shrinkage"/> is outside [0, 1).</exception>
    public static double GrossStaff(double netStaff, double shrinkage)
    {
        Preconditions.CheckNonNegative(netStaff);
        GrossUp.CheckShrinkage(shrinkage);
        return netStaff / (1 - shrinkage);
    }

    /// <summary>
    /// Gross staff rounded up to whole people: <c>⌈net / (1 − shrinkage)⌉</c>, exact: the division is done in decimal
    /// arithmetic on the inputs as written, so 70 at 30% is 100 (binary floating point gives 100.00000000000001) and 21 at
    /// 30% is 30; with no tolerance on top, 100.0000001 at 0% is 101. The same rule as
    /// <see cref="Queueing.Staffing.ScheduledHeadcount"/>. 20 at 30% gives 29.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="GrossStaff"/>.</exception>
    /// <exception cref="OverflowException">The headcount exceeds <see cref="long.MaxValue"/>.</exception>
    public static long GrossStaffRounded(double netStaff, double shrinkage)
    {
        Preconditions.CheckNonNegative(netStaff);
        GrossUp.CheckShrinkage(shrinkage);
        return GrossUp.Headcount(netStaff, shrinkage);
    }

    /// <summary>
    /// Schedule adherence = time in the scheduled state at the scheduled time / scheduled time
    /// (Salesforce TotalAdherenceMinutes / TotalScheduledMinutes). In [0, 1] when the inputs are consistent.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite, or an adherent time exceeds its scheduled time.</exception>
    public static TimeRatio Adherence(ReadOnlySpan<double> adherentSeconds, ReadOnlySpan<double> scheduledSeconds)
    {
        CheckSameLength(adherentSeconds.Length, scheduledSeconds.Length, nameof(scheduledSeconds));
        for (int i = 0; i < adherentSeconds.Length; i++)
        {
            if (adherentSeconds[i] > scheduledSeconds[i])
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(adherentSeconds), i, adherentSeconds[i], $"must not exceed scheduledSeconds[{i}] = {scheduledSeconds[i]}");
            }
        }
        return new TimeRatio(adherentSeconds.Length, DurationKernel.Sum(adherentSeconds, nameof(adherentSeconds)), DurationKernel.Sum(scheduledSeconds, nameof(scheduledSeconds)));
    }

    /// <summary>
    /// Schedule adherence from a timeline: the share of scheduled slots in which the actual state equals the scheduled
    /// one. Slots are equal-length (e.g. minutes); a slot whose scheduled state is <paramref name="unscheduledState"/> is not counted.
    /// </summary>
    /// <param name="scheduledStates">The scheduled state per slot (any codes: 1 = available, 2 = break, ...).</param>
    /// <param name="actualStates">The observed state per slot; same length.</param>
    /// <param name="unscheduledState">The code for "not scheduled" (off shift).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <remarks>Count is the number of scheduled slots; the times are in slots. Allocation-free.</remarks>
    public static TimeRatio AdherenceFromTimeline(ReadOnlySpan<int> scheduledStates, ReadOnlySpan<int> actualStates, int unscheduledState = 0)
    {
        CheckSameLength(scheduledStates.Length, actualStates.Length, nameof(actualStates));
        long scheduled = 0, adherent = 0;
        for (int i = 0; i < scheduledStates.Length; i++)
        {
            int s = scheduledStates[i];
            if (s != unscheduledState)
            {
                scheduled++;
                adherent += s == actualStates[i] ? 1 : 0;
            }
        }
        return new TimeRatio(scheduled, adherent, scheduled);
    }

    /// <summary>
    /// Schedule conformance (SWPP "compliance") = time worked / scheduled time, regardless of when; may exceed 1
    /// (Salesforce ConformancePercentage; NICE: 450 / 480 = 0.9375).
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative, NaN or infinite.</exception>
    public static TimeRatio Conformance(ReadOnlySpan<double> workedSeconds, ReadOnlySpan<double> scheduledSeconds)
    {
        CheckSameLength(workedSeconds.Length, scheduledSeconds.Length, nameof(scheduledSeconds));
        return new TimeRatio(workedSeconds.Length, DurationKernel.Sum(workedSeconds, nameof(workedSeconds)), DurationKernel.Sum(scheduledSeconds, nameof(scheduledSeconds)));
    }

    private static void CheckSameLength(int expected, int actual, string paramName)
    {
        if (expected != actual)
        {
            ThrowHelper.ThrowArgument(paramName, $"{paramName} has length {actual}; expected {expected}.");
        }
    }
}
