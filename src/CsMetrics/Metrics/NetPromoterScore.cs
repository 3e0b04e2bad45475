using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The breaks of a Net Promoter Score survey: scores 0..<see cref="Max"/>, promoters at or above
/// <see cref="PromoterFrom"/>, detractors at or below <see cref="DetractorThrough"/>, passives between.
/// </summary>
/// <param name="Max">The top of the scale (10 for the standard 0–10 question), at most 100.</param>
/// <param name="PromoterFrom">The lowest promoter score (9).</param>
/// <param name="DetractorThrough">The highest detractor score (6).</param>
public readonly record struct NpsScale(byte Max, byte PromoterFrom, byte DetractorThrough)
{
    /// <summary>The standard breaks: 0–6 detractors, 7–8 passives, 9–10 promoters (Reichheld 2003).</summary>
    public static NpsScale Standard { get; } = new(10, 9, 6);

    internal void Validate()
    {
        if (Max is 0 or > 100)
        {
            ThrowHelper.ThrowOutOfRange(nameof(Max), Max, "must be in [1, 100]");
        }
        if (!(DetractorThrough < PromoterFrom && PromoterFrom <= Max))
        {
            ThrowHelper.ThrowArgument("scale", $"the breaks must satisfy DetractorThrough < PromoterFrom <= Max; got {DetractorThrough}, {PromoterFrom}, {Max}.");
        }
    }
}

/// <summary>
/// Net Promoter Score: the share of promoters minus the share of detractors, on the −100..100 scale,
/// with its standard error and the adjusted-Wald interval.
/// </summary>
/// <remarks>
/// Each response is a ticket worth +1 (promoter), 0 (passive) or −1 (detractor); NPS is 100 times their
/// mean, so its per-response variance is <c>Var = (p + d) − (p − d)²</c> and <c>SE = 100·√(Var/n)</c>.
/// The interval is Rocks' adjusted Wald (Rocks 2016, "Interval estimation for the net promoter score",
/// The American Statistician 70(4)): add 0.75 detractors, 1.5 passives and 0.75 promoters (n + 3), then
/// <c>NPS' ± z·√(Var'/(n + 3))</c>, clamped to [−100, 100].
/// </remarks>
public static class NetPromoterScore
{
    /// <summary>Computes NPS over 0–10 scores (the standard breaks).</summary>
    /// <param name="scores">The answers, each in 0..10.</param>
    /// <param name="confidence">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is above 10 (the message names its index and value), or
    /// <paramref name="confidence"/> is outside (0, 1).</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN values. Allocation-free and vectorised.</remarks>
    public static NpsResult Compute(ReadOnlySpan<byte> scores, double confidence = 0.95) =>
        Compute(scores, NpsScale.Standard, confidence);

    /// <summary>Computes NPS over scores with custom breaks.</summary>
    /// <param name="scores">The answers, each in 0..<c>scale.Max</c>.</param>
    /// <param name="scale">The breaks.</param>
    /// <param name="confidence">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale, or <paramref name="confidence"/> is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public static NpsResult Compute(ReadOnlySpan<byte> scores, NpsScale scale, double confidence = 0.95)
    {
        var accumulator = new NpsAccumulator(scale);
        accumulator.Add(scores);
        return accumulator.Result(confidence);
    }

    /// <summary>NPS from counts of detractors, passives and promoters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="confidence"/> is outside (0, 1).</exception>
    public static NpsResult FromCounts(long detractors, long passives, long promoters, double confidence = 0.95)
    {
        double z = ProportionStatistics.ZForConfidence(confidence);
        CheckCount(detractors);
        CheckCount(passives);
        CheckCount(promoters);
        long n = detractors + passives + promoters;
        if (n == 0)
        {
            return new NpsResult(0, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, ConfidenceInterval.Empty(confidence));
        }
        double p = (double)promoters / n;
        double d = (double)detractors / n;
        double variance = TicketVariance(p, d);
        var (adjustedScore, adjustedSe) = Adjusted(detractors, passives, promoters);
        var interval = new ConfidenceInterval(
            Math.Max(-100, adjustedScore - z * adjustedSe), Math.Min(100, adjustedScore + z * adjustedSe), confidence);
        return new NpsResult(n, detractors, passives, promoters, 100 * (p - d), variance, 100 * Math.Sqrt(variance / n), adjustedScore, interval);
    }

    /// <summary>The plain Wald interval <c>NPS ± z·SE</c> (clamped to [−100, 100]): narrower than adjusted Wald at
    /// small n and zero-width when every answer is in one group; offered for comparison with other tools.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public static ConfidenceInterval WaldInterval(in NpsResult result, double confidence = 0.95)
    {
        double z = ProportionStatistics.ZForConfidence(confidence);
        return result.Count == 0
            ? ConfidenceInterval.Empty(confidence)
            : new ConfidenceInterval(Math.Max(-100, result.Score - z * result.StandardError), Math.Min(100, result.Score + z * result.StandardError), confidence);
    }

    /// <summary>
    /// Tests whether NPS changed between two periods: <c>z = ΔNPS' / √(Var'₁/(n₁+3) + Var'₂/(n₂+3))</c> on the
    /// adjusted-Wald counts of each period (MeasuringU's procedure), with the interval for the signed change
    /// <c>second − first</c>.
    /// </summary>
    /// <param name="first">The earlier period.</param>
    /// <param name="second">The later period.</param>
    /// <param name="confidence">The difference interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    /// <remarks>
    /// Unlike R <c>NPS::nps_test</c>, the interval is built around the signed difference. Empty periods give NaN.
    /// <see cref="NpsDifference.Difference"/> is the plain change in NPS points; z, p and the interval use the adjusted counts.
    /// </remarks>
    public static NpsDifference DifferenceTest(in NpsResult first, in NpsResult second, double confidence = 0.95)
    {
        double z = ProportionStatistics.ZForConfidence(confidence);
        double difference = second.Score - first.Score;
        if (first.Count == 0 || second.Count == 0)
        {
            return new NpsDifference(difference, double.NaN, double.NaN, ConfidenceInterval.Empty(confidence));
        }
        var (score1, se1) = Adjusted(first.Detractors, first.Passives, first.Promoters);
        var (score2, se2) = Adjusted(second.Detractors, second.Passives, second.Promoters);
        double adjustedDifference = score2 - score1;
        double se = Math.Sqrt(se1 * se1 + se2 * se2);
        double statistic = adjustedDifference / se;
        return new NpsDifference(difference, statistic, ProportionStatistics.TwoSidedPValue(statistic),
            new ConfidenceInterval(adjustedDifference - z * se, adjustedDifference + z * se, confidence));
    }

    /// <summary>The variance of one +1/0/−1 ticket: <c>(p + d) − (p − d)²</c>.</summary>
    private static double TicketVariance(double promoterShare, double detractorShare) =>
        Math.Max(0, promoterShare + detractorShare - (promoterShare - detractorShare) * (promoterShare - detractorShare));

    /// <summary>The adjusted-Wald NPS and its standard error, both in points.</summary>
    private static (double Score, double StandardError) Adjusted(long detractors, long passives, long promoters)
    {
        double n = detractors + passives + promoters + 3.0;
        double p = (promoters + 0.75) / n;
        double d = (detractors + 0.75) / n;
        return (100 * (p - d), 100 * Math.Sqrt(TicketVariance(p, d) / n));
    }

    private static void CheckCount(long count, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(count))] string paramName = "")
    {
        if (count < 0)
        {
            ThrowHelper.ThrowOutOfRange(paramName, count, "must be >= 0");
        }
    }
}

/// <summary>
/// A Net Promoter Score with its uncertainty. Immutable and thread-safe.
/// </summary>
/// <param name="Count">The number of responses; 0 for empty input.</param>
/// <param name="Detractors">Responses at or below the detractor break.</param>
/// <param name="Passives">Responses between the breaks.</param>
/// <param name="Promoters">Responses at or above the promoter break.</param>
/// <param name="Score">NPS = 100·(promoters − detractors)/n, in [−100, 100]; NaN when empty.</param>
/// <param name="Variance">The variance of one response's +1/0/−1 ticket, in [0, 1]: <c>(p + d) − (p − d)²</c>.</param>
/// <param name="StandardError">The standard error of <see cref="Score"/>, in NPS points: <c>100·√(Variance/n)</c>.</param>
/// <param name="AdjustedScore">The adjusted-Wald centre (0.75/1.5/0.75 added), in points: the interval's midpoint.</param>
/// <param name="Interval">The adjusted-Wald interval in NPS points.</param>
public readonly record struct NpsResult(long Count, long Detractors, long Passives, long Promoters,
    double Score, double Variance, double StandardError, double AdjustedScore, ConfidenceInterval Interval)
{
    /// <summary>The promoter share, a fraction in [0, 1] (NaN when empty).</summary>
    public double PromoterShare => (double)Promoters / Count;

    /// <summary>The passive share, a fraction in [0, 1] (NaN when empty).</summary>
    public double PassiveShare => (double)Passives / Count;

    /// <summary>The detractor share, a fraction in [0, 1] (NaN when empty).</summary>
    public double DetractorShare => (double)Detractors / Count;

    /// <summary>Prints e.g. <c>NPS 30.0 (n = 100: 50 promoters, 30 passives, 20 detractors), SE 7.81, CI [14.05, 44.2] (95%)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"NPS {Score:F1} (n = {Count}: {Promoters} promoters, {Passives} passives, {Detractors} detractors), SE {StandardError:G3}, CI {Interval}");
}

/// <summary>The change in NPS between two periods and its test. Immutable and thread-safe.</summary>
/// <param name="Difference">The signed change <c>second − first</c> in NPS points.</param>
/// <param name="Z">The z statistic on the adjusted-Wald counts.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="Interval">The interval for the change, in NPS points.</param>
public readonly record struct NpsDifference(double Difference, double Z, double PValue, ConfidenceInterval Interval)
{
    /// <summary>Prints the change, its interval, z and p.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"NPS change {Difference:+0.0;-0.0;0.0} points, CI {Interval}, z = {Z:G4}, p = {PValue:G4}");
}

/// <summary>
/// A running tally of NPS responses. Mergeable: tallies of partitions merged equal the tally of the whole.
/// A mutable struct: not thread-safe; give each thread its own and <see cref="Merge"/>.
/// </summary>
public struct NpsAccumulator
{
    private readonly NpsScale _scale;

    /// <summary>Creates an empty tally with the standard 0–10 breaks.</summary>
    public NpsAccumulator()
        : this(NpsScale.Standard)
    {
    }

    /// <summary>Creates an empty tally with custom breaks.</summary>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public NpsAccumulator(NpsScale scale)
    {
        scale.Validate();
        _scale = scale;
    }

    /// <summary>The breaks in use (the standard ones for a <c>default</c> instance).</summary>
    public readonly NpsScale Scale => _scale.Max == 0 ? NpsScale.Standard : _scale;

    /// <summary>Detractors so far.</summary>
    public long Detractors { get; private set; }

    /// <summary>Passives so far.</summary>
    public long Passives { get; private set; }

    /// <summary>Promoters so far.</summary>
    public long Promoters { get; private set; }

    /// <summary>Responses so far.</summary>
    public readonly long Count => Detractors + Passives + Promoters;

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
            Promoters++;
        }
        else if (score <= scale.DetractorThrough)
        {
            Detractors++;
        }
        else
        {
            Passives++;
        }
    }

    /// <summary>Adds every response in <paramref name="scores"/> (vectorised, allocation-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale; nothing is added.</exception>
    public void Add(ReadOnlySpan<byte> scores)
    {
        var scale = Scale;
        var tally = ScoreKernel.Tally(scores, 0, scale.Max, (byte)(scale.DetractorThrough + 1), scale.PromoterFrom, nameof(scores));
        Detractors += tally.Low;
        Promoters += tally.High;
        Passives += tally.Count - tally.Low - tally.High;
    }

    /// <summary>Adds the responses of <paramref name="other"/>.</summary>
    /// <exception cref="ArgumentException">The two tallies use different breaks.</exception>
    public void Merge(in NpsAccumulator other)
    {
        if (other.Scale != Scale)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot merge tallies with different breaks ({other.Scale} and {Scale}).");
        }
        Detractors += other.Detractors;
        Passives += other.Passives;
        Promoters += other.Promoters;
    }

    /// <summary>The NPS of everything added so far.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1).</exception>
    public readonly NpsResult Result(double confidence = 0.95) =>
        NetPromoterScore.FromCounts(Detractors, Passives, Promoters, confidence);
}
