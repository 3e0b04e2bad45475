using CsMetrics.Metrics;

namespace CsMetrics.Benchmarks.Metrics;

// The 0.1.0 design, kept here only as the baseline of AccumulatorBenchmarks: mutable structs (so
// `byQueue["billing"].Add(scores)` added to a copy). Trimmed to the members the benchmarks call; the counting
// rules are the library's, so the comparison measures the shape (struct in place vs class through a reference).

/// <summary>The 0.1.0 <c>NpsAccumulator</c>: a mutable struct.</summary>
internal struct LegacyNpsAccumulator
{
    private readonly NpsScale _scale;

    public LegacyNpsAccumulator(NpsScale scale) => _scale = scale;

    public long Detractors { get; private set; }

    public long Passives { get; private set; }

    public long Promoters { get; private set; }

    public readonly long Count => Detractors + Passives + Promoters;

    public void Add(byte score)
    {
        if (score > _scale.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(score));
        }
        if (score >= _scale.PromoterFrom)
        {
            Promoters++;
        }
        else if (score <= _scale.DetractorThrough)
        {
            Detractors++;
        }
        else
        {
            Passives++;
        }
    }

    public void Add(ReadOnlySpan<byte> scores)
    {
        var tally = ScoreKernel.Tally(scores, 0, _scale.Max, (byte)(_scale.DetractorThrough + 1), _scale.PromoterFrom, nameof(scores));
        Detractors += tally.Low;
        Promoters += tally.High;
        Passives += tally.Count - tally.Low - tally.High;
    }
}

/// <summary>The 0.1.0 <c>QueueAccumulator</c>: a mutable struct.</summary>
internal struct LegacyQueueAccumulator(double thresholdSeconds)
{
    private long _answered, _answeredWithin, _abandoned, _abandonedWithin;
    private double _answerWaitSeconds, _abandonWaitSeconds;

    public readonly long Offered => _answered + _abandoned;

    public void Add(double waitSeconds, bool answered)
    {
        if (!(waitSeconds >= 0 && waitSeconds < double.PositiveInfinity))
        {
            throw new ArgumentOutOfRangeException(nameof(waitSeconds));
        }
        long within = waitSeconds <= thresholdSeconds ? 1 : 0;
        if (answered)
        {
            _answered++;
            _answeredWithin += within;
            _answerWaitSeconds += waitSeconds;
        }
        else
        {
            _abandoned++;
            _abandonedWithin += within;
            _abandonWaitSeconds += waitSeconds;
        }
    }
}
