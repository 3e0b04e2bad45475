using System.Globalization;
using CsMetrics.Internal;
using System.Text.Json.Serialization;

namespace CsMetrics.Metrics;

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
    /// <param name="level">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is above 10 (the message names its index and value), or
    /// <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN values. Allocation-free and vectorised.</remarks>
    public static NpsResult Compute(ReadOnlySpan<byte> scores, double level = 0.95) =>
        NpsTally.Of(scores, NpsScale.Standard).Result(level);

    /// <summary>Computes NPS over scores with custom breaks.</summary>
    /// <param name="scores">The answers, each in 0..<c>scale.Max</c>.</param>
    /// <param name="scale">The breaks, e.g. <see cref="NpsScale.ZeroTo"/>.</param>
    /// <param name="level">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale, or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <exception cref="ArgumentException">The breaks are inconsistent.</exception>
    public static NpsResult Compute(ReadOnlySpan<byte> scores, NpsScale scale, double level = 0.95) =>
        NpsTally.Of(scores, scale).Result(level);

    /// <summary>NPS from counts of detractors, passives and promoters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static NpsResult FromCounts(long detractors, long passives, long promoters, double level = 0.95)
    {
        double z = StandardNormal.TwoSidedCritical(level);
        TallyChecks.Count(detractors, nameof(detractors));
        TallyChecks.Count(passives, nameof(passives));
        TallyChecks.Count(promoters, nameof(promoters));
        long n = detractors + passives + promoters;
        if (n == 0)
        {
            return new NpsResult
            {
                Score = double.NaN, Variance = double.NaN, StandardError = double.NaN, AdjustedScore = double.NaN,
                Interval = ConfidenceInterval.Empty(level, IntervalMethod.AdjustedWald),
            };
        }
        double p = (double)promoters / n;
        double d = (double)detractors / n;
        double variance = TicketVariance(p, d);
        var (adjustedScore, adjustedSe) = Adjusted(detractors, passives, promoters);
        var (lower, upper) = StandardNormal.Interval(adjustedScore, adjustedSe, z);
        var interval = new ConfidenceInterval(Math.Max(-100, lower), Math.Min(100, upper), level, IntervalMethod.AdjustedWald);
        return new NpsResult
        {
            Count = n, Detractors = detractors, Passives = passives, Promoters = promoters, Score = 100 * (p - d),
            Variance = variance, StandardError = 100 * Math.Sqrt(variance / n), AdjustedScore = adjustedScore, Interval = interval,
        };
    }

    /// <summary>The plain Wald interval <c>NPS ± z·SE</c> (clamped to [−100, 100]): narrower than adjusted Wald at
    /// small n and zero-width when every answer is in one group; offered for comparison with other tools.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static ConfidenceInterval WaldInterval(in NpsResult result, double level = 0.95)
    {
        double z = StandardNormal.TwoSidedCritical(level);
        if (result.Count == 0)
        {
            return ConfidenceInterval.Empty(level, IntervalMethod.Wald);
        }
        var (lower, upper) = StandardNormal.Interval(result.Score, result.StandardError, z);
        return new ConfidenceInterval(Math.Max(-100, lower), Math.Min(100, upper), level, IntervalMethod.Wald);
    }

    /// <summary>
    /// Tests whether NPS changed between two periods: <c>z = ΔNPS' / √(Var'₁/(n₁+3) + Var'₂/(n₂+3))</c> on the
    /// adjusted-Wald counts of each period (MeasuringU's procedure), with the interval for the signed change
    /// <c>second − first</c>.
    /// </summary>
    /// <param name="first">The earlier period.</param>
    /// <param name="second">The later period.</param>
    /// <param name="level">The difference interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <remarks>
    /// Unlike R <c>NPS::nps_test</c>, the interval is built around the signed difference. Empty periods give NaN.
    /// <see cref="NpsDifference.Difference"/> is the plain change in NPS points; z, p and the interval use the adjusted counts.
    /// </remarks>
    public static NpsDifference DifferenceTest(in NpsResult first, in NpsResult second, double level = 0.95)
    {
        double z = StandardNormal.TwoSidedCritical(level);
        double difference = second.Score - first.Score;
        if (first.Count == 0 || second.Count == 0)
        {
            return new NpsDifference { Difference = difference, Z = double.NaN, PValue = double.NaN, Interval = ConfidenceInterval.Empty(level, IntervalMethod.AdjustedWald) };
        }
        var (score1, se1) = Adjusted(first.Detractors, first.Passives, first.Promoters);
        var (score2, se2) = Adjusted(second.Detractors, second.Passives, second.Promoters);
        double adjustedDifference = score2 - score1;
        double se = Math.Sqrt(se1 * se1 + se2 * se2);
        double statistic = adjustedDifference / se;
        var (lower, upper) = StandardNormal.Interval(adjustedDifference, se, z);
        return new NpsDifference
        {
            Difference = difference, Z = statistic, PValue = StandardNormal.TwoSidedPValue(statistic),
            Interval = new ConfidenceInterval(lower, upper, level, IntervalMethod.AdjustedWald),
        };
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
}

/// <summary>A Net Promoter Score with its uncertainty. Immutable and thread-safe.</summary>
public readonly record struct NpsResult
{
    /// <summary>The number of responses; 0 for empty input.</summary>
    [JsonInclude]
    public long Count { get; internal init; }

    /// <summary>Responses at or below the detractor break.</summary>
    [JsonInclude]
    public long Detractors { get; internal init; }

    /// <summary>Responses between the breaks.</summary>
    [JsonInclude]
    public long Passives { get; internal init; }

    /// <summary>Responses at or above the promoter break.</summary>
    [JsonInclude]
    public long Promoters { get; internal init; }

    /// <summary>NPS = 100·(promoters − detractors)/n, in [−100, 100]; NaN when empty.</summary>
    [JsonInclude]
    public double Score { get; internal init; }

    /// <summary>The variance of one response's +1/0/−1 ticket, in [0, 1]: <c>(p + d) − (p − d)²</c>; NaN when empty.</summary>
    [JsonInclude]
    public double Variance { get; internal init; }

    /// <summary>The standard error of <see cref="Score"/>, in NPS points: <c>100·√(Variance/n)</c>; NaN when empty.</summary>
    [JsonInclude]
    public double StandardError { get; internal init; }

    /// <summary>The adjusted-Wald centre (0.75/1.5/0.75 added), in points: the interval's midpoint before clamping.</summary>
    [JsonInclude]
    public double AdjustedScore { get; internal init; }

    /// <summary>The adjusted-Wald interval in NPS points.</summary>
    [JsonInclude]
    public ConfidenceInterval Interval { get; internal init; }

    /// <summary>The promoter share, a fraction in [0, 1] (NaN when empty).</summary>
    public double PromoterShare => (double)Promoters / Count;

    /// <summary>The passive share, a fraction in [0, 1] (NaN when empty).</summary>
    public double PassiveShare => (double)Passives / Count;

    /// <summary>The detractor share, a fraction in [0, 1] (NaN when empty).</summary>
    public double DetractorShare => (double)Detractors / Count;

    /// <summary>Prints e.g. <c>NPS 30.0 (n = 100: 50 promoters, 30 passives, 20 detractors), SE 7.81, CI [14.05, 44.2] (95%, AdjustedWald)</c>.</summary>
    public override string ToString() => Count == 0
        ? "NPS: no responses"
        : string.Create(CultureInfo.InvariantCulture,
            $"NPS {Score:F1} (n = {Count}: {Promoters} promoters, {Passives} passives, {Detractors} detractors), SE {StandardError:G3}, CI {Interval}");
}

/// <summary>The change in NPS between two periods and its test. Immutable and thread-safe.</summary>
public readonly record struct NpsDifference
{
    /// <summary>The signed change <c>second − first</c> in NPS points.</summary>
    [JsonInclude]
    public double Difference { get; internal init; }

    /// <summary>The z statistic on the adjusted-Wald counts.</summary>
    [JsonInclude]
    public double Z { get; internal init; }

    /// <summary>The two-sided p-value.</summary>
    [JsonInclude]
    public double PValue { get; internal init; }

    /// <summary>The interval for the change, in NPS points.</summary>
    [JsonInclude]
    public ConfidenceInterval Interval { get; internal init; }

    /// <summary>Prints the change, its interval, z and p.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"NPS change {Difference:+0.0;-0.0;0.0} points, CI {Interval}, z = {Z:G4}, p = {PValue:G4}");
}
