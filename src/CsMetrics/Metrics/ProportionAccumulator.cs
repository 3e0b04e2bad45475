namespace CsMetrics.Metrics;

/// <summary>
/// A running count of successes out of trials (FCR, transfers, containment, QA passes). Mergeable: accumulating
/// partitions separately and merging gives exactly the counts of the whole. A class, so an accumulator held in a
/// dictionary or list is updated in place (<c>fcrByAgent["ana"].Add(flags)</c>); <see cref="State"/> is the immutable,
/// serialisable snapshot it holds. Nothing allocates. Not thread-safe: give each thread its own and
/// <see cref="Merge(ProportionAccumulator)"/>.
/// </summary>
public sealed class ProportionAccumulator
{
    private ProportionTally _state;

    /// <summary>Creates an empty accumulator.</summary>
    public ProportionAccumulator()
    {
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public ProportionAccumulator(in ProportionTally state) => _state = state;

    /// <summary>The number of successes so far.</summary>
    public long Successes => _state.Successes;

    /// <summary>The number of trials so far.</summary>
    public long Count => _state.Count;

    /// <summary>The immutable snapshot of the counts, to merge, store or serialise.</summary>
    public ProportionTally State => _state;

    /// <summary>Adds one trial.</summary>
    public void Add(bool success) => _state = _state.Plus(success);

    /// <summary>Adds one trial whose outcome may be unknown: null (no survey answer, no flag) is not a trial and is not counted.</summary>
    public void Add(bool? success)
    {
        if (success is bool known)
        {
            _state = _state.Plus(known);
        }
    }

    /// <summary>Adds every trial in <paramref name="outcomes"/> (vectorised count, allocation-free).</summary>
    public void Add(ReadOnlySpan<bool> outcomes) => _state = _state.Combine(ProportionTally.Of(outcomes));

    /// <summary>Adds pre-aggregated counts (e.g. one interval's report row).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="successes"/> is outside [0, count].</exception>
    public void Add(long successes, long count) => _state = _state.Combine(new ProportionTally(successes, count));

    /// <summary>Adds the counts of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public void Merge(ProportionAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the counts of a snapshot.</summary>
    public void Merge(in ProportionTally other) => _state = _state.Combine(other);

    /// <summary>The pooled proportion with its Wilson interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult Result(double level = 0.95) => _state.Result(level);

    /// <inheritdoc />
    public override string ToString() => $"ProportionAccumulator: {_state}";
}
