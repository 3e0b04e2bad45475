using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running tally of NPS responses. Mergeable: tallies of partitions merged equal the tally of the whole. A class,
/// so an accumulator held in a dictionary or list is updated in place (<c>byQueue["billing"].Add(scores)</c> adds to
/// the one in the dictionary); <see cref="State"/> is the immutable, serialisable snapshot. Span adds are vectorised and
/// allocation-free. Not thread-safe: give each thread its own and <see cref="Merge(NpsAccumulator)"/>.
/// </summary>
public sealed class NpsAccumulator
{
    private long _detractors;
    private long _passives;
    private long _promoters;

    /// <summary>Creates an empty tally with the standard 0–10 breaks.</summary>
    public NpsAccumulator()
        : this(NpsScale.Standard)
    {
    }

    /// <summary>Creates an empty tally with custom breaks.</summary>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public NpsAccumulator(NpsScale scale)
    {
        scale.Validate(nameof(scale));
        Scale = scale;
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public NpsAccumulator(in NpsTally state)
    {
        Scale = state.Scale;
        _detractors = state.Detractors;
        _passives = state.Passives;
        _promoters = state.Promoters;
    }

    /// <summary>The breaks in use.</summary>
    public NpsScale Scale { get; }

    /// <summary>Detractors so far.</summary>
    public long Detractors => _detractors;

    /// <summary>Passives so far.</summary>
    public long Passives => _passives;

    /// <summary>Promoters so far.</summary>
    public long Promoters => _promoters;

    /// <summary>Responses so far.</summary>
    public long Count => _detractors + _passives + _promoters;

    /// <summary>An immutable snapshot of the counts, to merge, store or serialise.</summary>
    public NpsTally State => new(Scale, _detractors, _passives, _promoters);

    /// <summary>Adds one response.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is above the scale's maximum.</exception>
    public void Add(byte score)
    {
        var scale = Scale;
        if (score > scale.Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [0, {scale.Max}]");
        }
        if (score >= scale.PromoterFrom)
        {
            _promoters++;
        }
        else if (score <= scale.DetractorThrough)
        {
            _detractors++;
        }
        else
        {
            _passives++;
        }
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
    public void Add(ReadOnlySpan<byte> scores) => Merge(NpsTally.Of(scores, Scale));

    /// <summary>Adds the responses of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The two tallies use different breaks.</exception>
    public void Merge(NpsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Merge(other.State);
    }

    /// <summary>Adds the responses of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses different breaks.</exception>
    public void Merge(in NpsTally other)
    {
        var merged = State.Combine(other);
        _detractors = merged.Detractors;
        _passives = merged.Passives;
        _promoters = merged.Promoters;
    }

    /// <summary>The NPS of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public NpsResult Result(double level = 0.95) => State.Result(level);

    /// <inheritdoc />
    public override string ToString() => State.ToString();
}
