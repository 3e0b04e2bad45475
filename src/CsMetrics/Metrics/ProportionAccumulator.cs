namespace CsMetrics.Metrics;

/// <summary>
/// A running count of successes out of trials (FCR, transfers, containment, QA passes). Mergeable: accumulating
/// partitions separately and merging gives exactly the counts of the whole. A class, so an accumulator held in a
/// dictionary or list is updated in place (<c>byQueue["billing"].Add(flags)</c>); <see cref="State"/> is the
/// immutable, serialisable snapshot. Not thread-safe: give each thread its own and <see cref="Merge(ProportionAccumulator)"/>.
/// </summary>
public sealed class ProportionAccumulator
{
    private long _successes;
    private long _count;

    /// <summary>Creates an empty accumulator.</summary>
    public ProportionAccumulator()
    {
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public ProportionAccumulator(in ProportionTally state)
    {
        _successes = state.Successes;
        _count = state.Count;
    }

    /// <summary>The number of successes so far.</summary>
    public long Successes => _successes;

    /// <summary>The number of trials so far.</summary>
    public long Count => _count;

    /// <summary>An immutable snapshot of the counts, to merge, store or serialise.</summary>
    public ProportionTally State => new(_successes, _count);

    /// <summary>Adds one trial.</summary>
    public void Add(bool success)
    {
        _count++;
        _successes += success ? 1 : 0;
    }

    /// <summary>Adds one trial whose outcome may be unknown: null (no survey answer, no flag) is not a trial and is not counted.</summary>
    public void Add(bool? success)
    {
        if (success is bool known)
        {
            Add(known);
        }
    }

    /// <summary>Adds every trial in <paramref name="outcomes"/> (vectorised count, allocation-free).</summary>
    public void Add(ReadOnlySpan<bool> outcomes)
    {
        _successes += outcomes.Count(true);
        _count += outcomes.Length;
    }

    /// <summary>Adds pre-aggregated counts (e.g. one interval's report row).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="successes"/> is outside [0, count].</exception>
    public void Add(long successes, long count) => Merge(new ProportionTally(successes, count));

    /// <summary>Adds the counts of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(ProportionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Merge(other.State);
    }

    /// <summary>Adds the counts of a snapshot.</summary>
    public void Merge(in ProportionTally other)
    {
        var merged = State.Combine(other);
        _successes = merged.Successes;
        _count = merged.Count;
    }

    /// <summary>The pooled proportion with its Wilson interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult Result(double level = 0.95) => State.Result(level);

    /// <inheritdoc />
    public override string ToString() => $"ProportionAccumulator: {State}";
}
