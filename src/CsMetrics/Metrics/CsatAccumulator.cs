using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running CSAT tally. Mergeable: tallies of partitions merged equal the tally of the whole. A class, so an
/// accumulator held in a dictionary or list is updated in place (<c>byAgent["ana"].Add(scores)</c>); <see cref="State"/>
/// is the immutable, serialisable snapshot it holds. Span adds are vectorised; nothing allocates. Not thread-safe: give
/// each thread its own and <see cref="Merge(CsatAccumulator)"/>.
/// </summary>
public sealed class CsatAccumulator
{
    private CsatTally _state;

    /// <summary>Creates an empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A box bound is off the scale.</exception>
    public CsatAccumulator(CsatScale scale) => _state = CsatTally.Empty(scale);

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public CsatAccumulator(in CsatTally state) => _state = state;

    /// <summary>The scale.</summary>
    public CsatScale Scale => _state.Scale;

    /// <summary>Ratings so far.</summary>
    public long Count => _state.Count;

    /// <summary>Top-box ratings so far.</summary>
    public long Satisfied => _state.Satisfied;

    /// <summary>Bottom-box ratings so far.</summary>
    public long Dissatisfied => _state.Dissatisfied;

    /// <summary>The immutable snapshot of the counts, to merge, store or serialise.</summary>
    public CsatTally State => _state;

    /// <summary>Adds one rating.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte score)
    {
        if (!_state.Scale.Contains(score))
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [{_state.Scale.Min}, {_state.Scale.Max}]");
        }
        _state = _state.Plus(score);
    }

    /// <summary>Adds one rating that may be missing: null (an unrated ticket) is not a response and is not counted (Zendesk, Freshdesk).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte? score)
    {
        if (score is byte rated)
        {
            Add(rated);
        }
    }

    /// <summary>Adds every rating in <paramref name="scores"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (named by index); nothing is added.</exception>
    public void Add(ReadOnlySpan<byte> scores) => _state = _state.Combine(CsatTally.Of(scores, _state.Scale));

    /// <summary>Adds the ratings of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    public void Merge(CsatAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the ratings of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses a different scale.</exception>
    public void Merge(in CsatTally other) => _state = _state.Combine(other);

    /// <summary>The CSAT of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public CsatResult Result(double level = 0.95) => _state.Result(level);

    /// <inheritdoc />
    public override string ToString() => _state.ToString();
}
