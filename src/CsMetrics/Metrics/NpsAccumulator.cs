using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running tally of NPS responses. Mergeable: tallies of partitions merged equal the tally of the whole. A class,
/// so an accumulator held in a dictionary or list is updated in place (<c>byQueue["billing"].Add(scores)</c> adds to
/// the one in the dictionary); <see cref="State"/> is the immutable, serialisable snapshot it holds. Span adds are
/// vectorised; nothing allocates. Not thread-safe: give each thread its own and <see cref="Merge(NpsAccumulator)"/>.
/// </summary>
public sealed class NpsAccumulator
{
    private NpsTally _state;

    /// <summary>Creates an empty tally with the standard 0–10 breaks.</summary>
    public NpsAccumulator()
        : this(NpsScale.Standard)
    {
    }

    /// <summary>Creates an empty tally with custom breaks.</summary>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public NpsAccumulator(NpsScale scale) => _state = NpsTally.Empty(scale);

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public NpsAccumulator(in NpsTally state) => _state = state;

    /// <summary>The breaks in use.</summary>
    public NpsScale Scale => _state.Scale;

    /// <summary>Detractors so far.</summary>
    public long Detractors => _state.Detractors;

    /// <summary>Passives so far.</summary>
    public long Passives => _state.Passives;

    /// <summary>Promoters so far.</summary>
    public long Promoters => _state.Promoters;

    /// <summary>Responses so far.</summary>
    public long Count => _state.Count;

    /// <summary>The immutable snapshot of the counts, to merge, store or serialise.</summary>
    public NpsTally State => _state;

    /// <summary>Adds one response.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is above the scale's maximum.</exception>
    public void Add(byte score)
    {
        if (score > _state.Scale.Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [0, {_state.Scale.Max}]");
        }
        _state = _state.Plus(score);
    }

    /// <summary>Adds one answer that may be missing: null (the contact was not surveyed or did not answer) is not a response and is not counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is above the scale's maximum.</exception>
    public void Add(byte? score)
    {
        if (score is byte answered)
        {
            Add(answered);
        }
    }

    /// <summary>Adds every response in <paramref name="scores"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (named by index); nothing is added.</exception>
    public void Add(ReadOnlySpan<byte> scores) => _state = _state.Combine(NpsTally.Of(scores, _state.Scale));

    /// <summary>Adds the responses of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The two tallies use different breaks.</exception>
    public void Merge(NpsAccumulator other) => _state = _state.Combine((other ?? throw new ArgumentNullException(nameof(other)))._state);

    /// <summary>Adds the responses of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses different breaks.</exception>
    public void Merge(in NpsTally other) => _state = _state.Combine(other);

    /// <summary>The NPS of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public NpsResult Result(double level = 0.95) => _state.Result(level);

    /// <inheritdoc />
    public override string ToString() => _state.ToString();
}
