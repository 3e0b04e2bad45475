namespace CsMetrics.Metrics;

/// <summary>
/// Average speed of answer and average abandon time from per-contact queue waits (one pass of a
/// <see cref="QueueTally"/>; use the tally directly to get service level in the same pass).
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
    public static DurationMean AverageSpeedOfAnswer(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered) =>
        QueueTally.Of(waitSeconds, answered, 0).AverageSpeedOfAnswer;

    /// <summary>ASA of a table of answered contacts only: the mean of <paramref name="answerWaitSeconds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index).</exception>
    public static DurationMean AverageSpeedOfAnswer(ReadOnlySpan<double> answerWaitSeconds) =>
        QueueTally.OfAnswered(answerWaitSeconds, 0).AverageSpeedOfAnswer;

    /// <summary>Average abandon time: the mean queue wait of abandoned contacts (short abandons included).</summary>
    /// <param name="waitSeconds">Queue wait per contact, in seconds.</param>
    /// <param name="answered">Whether each contact was answered (false: abandoned); same length.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A wait is negative, NaN or infinite (named by index).</exception>
    /// <remarks>No abandoned contacts gives <c>Count == 0</c> and NaN. Allocation-free.</remarks>
    public static DurationMean AverageAbandonTime(ReadOnlySpan<double> waitSeconds, ReadOnlySpan<bool> answered) =>
        QueueTally.Of(waitSeconds, answered, 0).AverageAbandonTime;
}
