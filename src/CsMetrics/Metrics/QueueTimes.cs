namespace CsMetrics.Metrics;

/// <summary>
/// Average speed of answer and average abandon time from per-contact queue waits (one pass of a
/// <see cref="QueueAccumulator"/>; use the accumulator directly to get service level in the same pass).
/// </summary>
public static class QueueTimes
{
    /// <summary>
    /// ASA: the mean queue wait of answered contacts (Genesys tAnswered; abandoned contacts and time before the queue are
    /// excluded). Example (premiercontactpoint): waits 30, 15, 45, 60, 10 s give 32 s.
    /// </summary>
    /// <param name="waitSeconds">Queue wait per contact, in seconds.</param>
    /// <param name="answered">Whether each contact was answered; same length.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index).</exception>
    /// <remarks>No answered contacts gives <c>Count == 0</c> and NaN. Allocation-free.</remarks>
    public static DurationMean AverageSpeedOfAnswer(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered)
    {
        var queue = new QueueAccumulator(0);
        queue.Add(waitSeconds, answered);
        return queue.AverageSpeedOfAnswer;
    }

    /// <summary>Average abandon time: the mean queue wait of abandoned contacts (short abandons included).</summary>
    /// <param name="waitSeconds">Queue wait per contact, in seconds.</param>
    /// <param name="answered">Whether each contact was answered (false: abandoned); same length.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index).</exception>
    /// <remarks>No abandoned contacts gives <c>Count == 0</c> and NaN. Allocation-free.</remarks>
    public static DurationMean AverageAbandonTime(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered)
    {
        var queue = new QueueAccumulator(0);
        queue.Add(waitSeconds, answered);
        return queue.AverageAbandonTime;
    }
}
