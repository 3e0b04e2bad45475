using System.Runtime.CompilerServices;

namespace CsMetrics.Metrics;

/// <summary>Counts by score 0-10 (CSAT and NPS answers).</summary>
[InlineArray(11)]
internal struct ScoreCounts
{
    private long _count;
}

/// <summary>
/// The mergeable state of one group: counts, and duration sums in whole microseconds (exact integers, so merging
/// partial states in any order gives exactly the one-pass result).
/// </summary>
internal struct ContactGroupState
{
    public long Answered;
    public long AnsweredWithin;
    public long Abandoned;
    public long AbandonedWithin;
    public long ShortAbandoned;
    public long AnswerWaitMicros;
    public long AbandonWaitMicros;
    public long Handled;
    public long TalkMicros;
    public long HoldMicros;
    public long WrapMicros;
    public long Resolved;
    public long ResolutionAnswers;
    public ScoreCounts Csat;
    public ScoreCounts Nps;

    public void Merge(in ContactGroupState other)
    {
        Answered += other.Answered;
        AnsweredWithin += other.AnsweredWithin;
        Abandoned += other.Abandoned;
        AbandonedWithin += other.AbandonedWithin;
        ShortAbandoned += other.ShortAbandoned;
        AnswerWaitMicros += other.AnswerWaitMicros;
        AbandonWaitMicros += other.AbandonWaitMicros;
        Handled += other.Handled;
        TalkMicros += other.TalkMicros;
        HoldMicros += other.HoldMicros;
        WrapMicros += other.WrapMicros;
        Resolved += other.Resolved;
        ResolutionAnswers += other.ResolutionAnswers;
        for (int i = 0; i < 11; i++)
        {
            Csat[i] += other.Csat[i];
            Nps[i] += other.Nps[i];
        }
    }
}

/// <summary>
/// The KPIs of one group (key values and time bucket), computed with the Metrics module's definitions.
/// Immutable and thread-safe.
/// </summary>
public sealed class ContactGroupStats
{
    internal ContactGroupStats(string?[] keys, DateTimeOffset? bucketStart, in ContactGroupState state, ContactAggregatorOptions options)
    {
        Keys = Array.AsReadOnly(keys);
        BucketStart = bucketStart;
        Counts = new ServiceLevelCounts(state.Answered, state.AnsweredWithin, state.Abandoned, state.AbandonedWithin, state.ShortAbandoned);
        ServiceLevel = Metrics.ServiceLevel.Compute(Counts, options.AbandonPolicy, options.ShortAbandons, options.Level);
        AbandonmentRate = Metrics.ServiceLevel.AbandonmentRate(Counts, options.ShortAbandons == ShortAbandonTreatment.Excluded, options.Level);
        AverageSpeedOfAnswer = new DurationMean(state.Answered, state.AnswerWaitMicros / 1e6);
        AverageAbandonTime = new DurationMean(state.Abandoned, state.AbandonWaitMicros / 1e6);
        HandleTime = new HandleTimeResult(state.Handled, state.TalkMicros / 1e6, state.HoldMicros / 1e6, state.WrapMicros / 1e6);
        var scale = options.CsatScale;
        long count = 0, satisfied = 0, dissatisfied = 0, sum = 0;
        for (int score = scale.Min; score <= scale.Max; score++)
        {
            long n = state.Csat[score];
            count += n;
            sum += n * score;
            satisfied += score >= scale.SatisfiedFrom ? n : 0;
            dissatisfied += score <= scale.DissatisfiedThrough ? n : 0;
        }
        // The CSAT module's own tally turns the counts into its result (mean, top box and its interval).
        Csat = new CsatTally(scale, count, satisfied, dissatisfied, sum).Result(options.Level);
        var nps = NpsScale.Standard;
        long detractors = 0, passives = 0, promoters = 0;
        for (int score = 0; score <= 10; score++)
        {
            long n = state.Nps[score];
            if (score <= nps.DetractorThrough)
            {
                detractors += n;
            }
            else if (score >= nps.PromoterFrom)
            {
                promoters += n;
            }
            else
            {
                passives += n;
            }
        }
        Nps = NetPromoterScore.FromCounts(detractors, passives, promoters, options.Level);
        FirstContactResolution = ProportionResult.FromCounts(state.Resolved, state.ResolutionAnswers, options.Level);
    }

    /// <summary>The group's key values, in the order of <see cref="ContactAggregatorOptions.Keys"/> (null: the key was empty).</summary>
    public IReadOnlyList<string?> Keys { get; }

    /// <summary>The bucket's start in local time with the zone's offset at that instant; null with <see cref="TimeBucket.None"/>.</summary>
    public DateTimeOffset? BucketStart { get; }

    /// <summary>Answered, answered within the threshold, abandoned, abandoned within, short abandons.</summary>
    public ServiceLevelCounts Counts { get; }

    /// <summary>Contacts offered (answered + abandoned).</summary>
    public long Offered => Counts.Offered;

    /// <summary>The service level under the options' abandon policy, with its Wilson interval (NaN when no contact counts).</summary>
    public ProportionResult ServiceLevel { get; }

    /// <summary>The abandonment rate, with its Wilson interval.</summary>
    public ProportionResult AbandonmentRate { get; }

    /// <summary>Average speed of answer: mean wait of answered contacts.</summary>
    public DurationMean AverageSpeedOfAnswer { get; }

    /// <summary>Mean wait of abandoned contacts.</summary>
    public DurationMean AverageAbandonTime { get; }

    /// <summary>Talk, hold and wrap totals of the answered contacts that recorded talk time (AHT = their sum / count).</summary>
    public HandleTimeResult HandleTime { get; }

    /// <summary>CSAT over the rated contacts.</summary>
    public CsatResult Csat { get; }

    /// <summary>NPS over the contacts that answered the NPS question.</summary>
    public NpsResult Nps { get; }

    /// <summary>First-contact resolution: resolved / contacts with a resolution answer.</summary>
    public ProportionResult FirstContactResolution { get; }

    /// <summary>Prints the keys, the bucket and the headline KPIs.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"[{string.Join(", ", Keys.Select(k => k ?? "-"))}] {BucketStart:yyyy-MM-dd'T'HH:mmzzz}: offered {Offered}, SL {ServiceLevel.Value:G4}, abandon {AbandonmentRate.Value:G4}, ASA {AverageSpeedOfAnswer.MeanSeconds:G4} s, AHT {HandleTime.AverageSeconds:G4} s");
}
