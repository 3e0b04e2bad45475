using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running CES tally. Mergeable: tallies of partitions merged equal the tally of the whole. A class, so an
/// accumulator held in a dictionary or list is updated in place; <see cref="State"/> is the immutable, serialisable
/// snapshot it holds. Span adds are vectorised; nothing allocates. Not thread-safe: give each thread its own and
/// <see cref="Merge(CesAccumulator)"/>.
/// </summary>
public sealed class CesAccumulator
{
    private CesTally _state;

    /// <summary>Creates an empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is off the scale.</exception>
    public CesAccumulator(CesScale scale) => _state = CesTally.Empty(scale);

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public CesAccumulator(in CesTally state) => _state = state;

    /// <summary>The scale.</summary>
    public CesScale Scale => _state.Scale;

    /// <summary>Answers so far.</summary>
    public long Count => _state.Count;

    /// <summary>Agreeing (easy) answers so far.</summary>
    public long Agreeing => _state.Agreeing;

    /// <summary>The immutable snapshot of the counts, to merge, store or serialise.</summary>
    public CesTally State => _state;

    /// <summary>Adds one answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte score)
    {
        if (!_state.Scale.Contains(score))
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [{_state.Scale.Min}, {_state.Scale.Max}]");
        }
        _state = _state.Plus(score);
    }

    /// <summary>Adds one answer that may be missing: null (no survey answer) is not a response and is not counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte? score)
    {
        if (score is byte answered)
        {
            Add(answered);
        }
    }

    /// <summary>Adds every answer in <paramref name="scores"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (named by index); nothing is added.</exception>
    public void Add(ReadOnlySpan<byte> scores) => _state = _state.Combine(CesTally.Of(scores, _state.Scale));

    /// <summary>Adds the answers of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    public void Merge(CesAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the answers of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses a different scale.</exception>
    public void Merge(in CesTally other) => _state = _state.Combine(other);

    /// <summary>The CES of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public CesResult Result(double level = 0.95) => _state.Result(level);

    /// <inheritdoc />
    public override string ToString() => _state.ToString();
}
