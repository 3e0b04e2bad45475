using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running count of successes out of trials (FCR, transfers, containment, QA passes). Mergeable:
/// accumulating partitions separately and merging gives exactly the counts of the whole.
/// A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct ProportionAccumulator
{
    /// <summary>The number of successes so far.</summary>
    public long Successes { get; private set; }

    /// <summary>The number of trials so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one trial.</summary>
    public void Add(bool success)
    {
        Count++;
        if (success)
        {
            Successes++;
        }
    }

    /// <summary>Adds every trial in <paramref name="outcomes"/> (vectorised count).</summary>
    public void Add(ReadOnlySpan<bool> outcomes)
    {
        Successes += outcomes.Count(true);
        Count += outcomes.Length;
    }

    /// <summary>Adds pre-aggregated counts (e.g. one interval's report row).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="successes"/> is outside [0, count].</exception>
    public void Add(long successes, long count)
    {
        ProportionStatistics.CheckCounts(successes, count);
        Successes += successes;
        Count += count;
    }

    /// <summary>Adds the counts of <paramref name="other"/> (pooling numerators and denominators).</summary>
    public void Merge(in ProportionAccumulator other)
    {
        Successes += other.Successes;
        Count += other.Count;
    }

    /// <summary>The pooled proportion with its Wilson interval at <paramref name="confidence"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public readonly ProportionResult Result(double confidence = 0.95) =>
        ProportionResult.FromCounts(Successes, Count, confidence);
}
