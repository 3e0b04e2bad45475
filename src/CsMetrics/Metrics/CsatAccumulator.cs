using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running CSAT tally. Mergeable: tallies of partitions merged equal the tally of the whole. A class, so an
/// accumulator held in a dictionary or list is updated in place (<c>byAgent["ana"].Add(scores)</c>); <see cref="State"/>
/// is the immutable, serialisable snapshot. Span adds are vectorised and allocation-free. Not thread-safe: give each
/// thread its own and <see cref="Merge(CsatAccumulator)"/>.
/// </summary>
public sealed class CsatAccumulator
{
    private long _count;
    private long _satisfied;
    private long _dissatisfied;
    private long _sum;

    /// <summary>Creates an empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A box bound is off the scale.</exception>
    public CsatAccumulator(CsatScale scale)
    {
        scale.Validate(nameof(scale));
        Scale = scale;
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public CsatAccumulator(in CsatTally state)
    {
        Scale = state.Scale;
        _count = state.Count;
        _satisfied = state.Satisfied;
        _dissatisfied = state.Dissatisfied;
        _sum = state.ScoreSum;
    }

    /// <summary>The scale.</summary>
    public CsatScale Scale { get; }

    /// <summary>Ratings so far.</summary>
    public long Count => _count;

    /// <summary>Top-box ratings so far.</summary>
    public long Satisfied => _satisfied;

    /// <summary>Bottom-box ratings so far.</summary>
    public long Dissatisfied => _dissatisfied;

    /// <summary>An immutable snapshot of the counts, to merge, store or serialise.</summary>
    public CsatTally State => new(Scale, _count, _satisfied, _dissatisfied, _sum);

    /// <summary>Adds one rating.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte score)
    {
        var scale = Scale;
        if (score < scale.Min || score > scale.Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [{scale.Min}, {scale.Max}]");
        }
        _count++;
        _sum += score;
        _satisfied += score >= scale.SatisfiedFrom ? 1 : 0;
        _dissatisfied += score <= scale.DissatisfiedThrough ? 1 : 0;
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
    public void Add(ReadOnlySpan<byte> scores) => Merge(CsatTally.Of(scores, Scale));

    /// <summary>Adds the ratings of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    public void Merge(CsatAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Merge(other.State);
    }

    /// <summary>Adds the ratings of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses a different scale.</exception>
    public void Merge(in CsatTally other)
    {
        var merged = State.Combine(other);
        _count = merged.Count;
        _satisfied = merged.Satisfied;
        _dissatisfied = merged.Dissatisfied;
        _sum = merged.ScoreSum;
    }

    /// <summary>The CSAT of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public CsatResult Result(double level = 0.95) => State.Result(level);

    /// <inheritdoc />
    public override string ToString() => State.ToString();
}
