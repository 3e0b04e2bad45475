using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A running CES tally. Mergeable: tallies of partitions merged equal the tally of the whole. A class, so an
/// accumulator held in a dictionary or list is updated in place; <see cref="State"/> is the immutable, serialisable
/// snapshot. Span adds are vectorised and allocation-free. Not thread-safe: give each thread its own and
/// <see cref="Merge(CesAccumulator)"/>.
/// </summary>
public sealed class CesAccumulator
{
    private long _count;
    private long _agreeing;
    private long _top;
    private long _bottom;
    private long _sum;

    /// <summary>Creates an empty tally on <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is off the scale.</exception>
    public CesAccumulator(CesScale scale)
    {
        scale.Validate(nameof(scale));
        Scale = scale;
    }

    /// <summary>Resumes from a snapshot (e.g. one deserialised from another job).</summary>
    public CesAccumulator(in CesTally state)
    {
        Scale = state.Scale;
        _count = state.Count;
        _agreeing = state.Agreeing;
        _top = state.NetTop;
        _bottom = state.NetBottom;
        _sum = state.ScoreSum;
    }

    /// <summary>The scale.</summary>
    public CesScale Scale { get; }

    /// <summary>Answers so far.</summary>
    public long Count => _count;

    /// <summary>Agreeing (easy) answers so far.</summary>
    public long Agreeing => _agreeing;

    /// <summary>An immutable snapshot of the counts, to merge, store or serialise.</summary>
    public CesTally State => new(Scale, _count, _agreeing, _top, _bottom, _sum);

    /// <summary>Adds one answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is off the scale.</exception>
    public void Add(byte score)
    {
        var scale = Scale;
        if (score < scale.Min || score > scale.Max)
        {
            ThrowHelper.ThrowOutOfRange(nameof(score), score, $"must be in [{scale.Min}, {scale.Max}]");
        }
        int ease = scale.Direction == EffortDirection.HigherIsEasier ? score : scale.Min + scale.Max - score;
        _count++;
        _sum += score;
        _agreeing += ease >= scale.AgreeFrom ? 1 : 0;
        _top += ease >= scale.NetTopFrom ? 1 : 0;
        _bottom += ease <= scale.NetBottomThrough ? 1 : 0;
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
    public void Add(ReadOnlySpan<byte> scores) => Merge(CesTally.Of(scores, Scale));

    /// <summary>Adds the answers of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tallies use different scales.</exception>
    public void Merge(CesAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Merge(other.State);
    }

    /// <summary>Adds the answers of a snapshot.</summary>
    /// <exception cref="ArgumentException">The snapshot uses a different scale.</exception>
    public void Merge(in CesTally other)
    {
        var merged = State.Combine(other);
        _count = merged.Count;
        _agreeing = merged.Agreeing;
        _top = merged.NetTop;
        _bottom = merged.NetBottom;
        _sum = merged.ScoreSum;
    }

    /// <summary>The CES of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public CesResult Result(double level = 0.95) => State.Result(level);

    /// <inheritdoc />
    public override string ToString() => State.ToString();
}
