using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>The result of the 90/90 check. Immutable and thread-safe.</summary>
/// <param name="AgentsReaching">Agents whose pooled score reaches <c>attainment × target</c>.</param>
/// <param name="Agents">Agents with at least one scored evaluation.</param>
/// <param name="Share">AgentsReaching / Agents.</param>
/// <param name="Passed">True when <see cref="Share"/> &gt;= the required share.</param>
public readonly record struct NinetyNinetyCheck(int AgentsReaching, int Agents, double Share, bool Passed)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{AgentsReaching} of {Agents} agents ({Share:P1}) reach the attainment level: {(Passed ? "passed" : "not passed")}");
}

/// <summary>The change of the pooled score between two periods. Immutable and thread-safe.</summary>
/// <param name="Previous">The earlier period's pooled score.</param>
/// <param name="Current">The later period's pooled score.</param>
/// <param name="Change">Current - Previous.</param>
/// <param name="StandardError">sqrt(SE_prev² + SE_cur²) from the per-evaluation score spread.</param>
/// <param name="Z">Change / StandardError (|Z| &gt; 1.96: a change unlikely to be sampling noise at 5%).</param>
public readonly record struct QaTrend(double Previous, double Current, double Change, double StandardError, double Z)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Previous:P2} -> {Current:P2}: change {Change * 100:+0.00;-0.00;0.00} points (SE {StandardError * 100:0.00}, z {Z:0.00})");
}

/// <summary>Aggregation of QA evaluations by agent, team or period; the 90/90 check; trends; sample sizes.</summary>
public static class QaAggregation
{
    /// <summary>Pools evaluations by group key (agent, team, period...).</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="evaluations">Each evaluation's group and answers (criterion order; NaN = N/A).</param>
    /// <returns>The pooled summary per group, in first-seen order.</returns>
    /// <exception cref="ArgumentException">A bad answer (the message names the criterion).</exception>
    public static IReadOnlyDictionary<TKey, QaSummary> ByGroup<TKey>(Scorecard scorecard, IEnumerable<(TKey Group, double[] Answers)> evaluations)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(evaluations);
        var tallies = new Dictionary<TKey, QaTally>();
        var order = new List<TKey>();
        foreach (var (group, answers) in evaluations)
        {
            if (!tallies.TryGetValue(group, out var tally))
            {
                tally = new QaTally(scorecard);
                tallies[group] = tally;
                order.Add(group);
            }
            tally.Add(answers);
        }
        var result = new Dictionary<TKey, QaSummary>();
        foreach (var key in order)
        {
            result[key] = tallies[key].Summarize();
        }
        return result;
    }

    /// <summary>
    /// The 90/90 check: does at least <paramref name="requiredShare"/> of agents reach
    /// <paramref name="attainment"/> of the target? (An organisational rule of thumb, not a published standard.)
    /// </summary>
    /// <param name="agents">Each agent's pooled summary.</param>
    /// <param name="target">The target score as a fraction, e.g. <see cref="Scorecard.OverallTarget"/>.</param>
    /// <param name="attainment">The share of the target an agent must reach, in [0, 1] (default 0.9).</param>
    /// <param name="requiredShare">The share of agents that must reach it, in [0, 1] (default 0.9).</param>
    /// <exception cref="ArgumentOutOfRangeException">The target is not in (0, 1], or a share is not in [0, 1].</exception>
    /// <remarks>Agents without scored evaluations are left out; with no agents the share is NaN and the check fails.</remarks>
    public static NinetyNinetyCheck NinetyNinety(IEnumerable<QaSummary> agents, double target, double attainment = 0.9, double requiredShare = 0.9)
    {
        ArgumentNullException.ThrowIfNull(agents);
        if (!(target > 0 && target <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(target), target, "must be a fraction in (0, 1]");
        }
        Preconditions.CheckFraction(attainment);
        Preconditions.CheckFraction(requiredShare);
        int reaching = 0, counted = 0;
        foreach (var agent in agents)
        {
            if (agent.Evaluations == 0)
            {
                continue;
            }
            counted++;
            reaching += agent.PooledScore >= attainment * target ? 1 : 0;
        }
        double share = counted > 0 ? (double)reaching / counted : double.NaN;
        return new NinetyNinetyCheck(reaching, counted, share, share >= requiredShare);
    }

    /// <summary>The trend between two periods' pooled scores, with a normal-approximation z statistic.</summary>
    /// <param name="previous">The earlier period.</param>
    /// <param name="current">The later period.</param>
    public static QaTrend Trend(QaSummary previous, QaSummary current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        double change = current.PooledScore - previous.PooledScore;
        double se = Math.Sqrt(previous.StandardError * previous.StandardError + current.StandardError * current.StandardError);
        return new QaTrend(previous.PooledScore, current.PooledScore, change, se, change / se);
    }

    /// <summary>
    /// Evaluations needed per agent so the mean score is within ±<paramref name="margin"/> at
    /// <paramref name="confidence"/>: <c>n0 = (z σ / E)²</c> (Cochran 1977), with the finite-population
    /// correction <c>n = n0 / (1 + (n0 - 1)/N)</c> when the agent's contact count N is given; rounded up.
    /// </summary>
    /// <param name="standardDeviation">σ, the spread of per-evaluation scores (e.g. 0.15), &gt; 0.</param>
    /// <param name="margin">E, the half-width wanted (e.g. 0.05 for ±5 points), &gt; 0.</param>
    /// <param name="confidence">The confidence level in (0, 1), default 0.95.</param>
    /// <param name="population">The agent's contacts in the period (0 = treat as infinite).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public static int EvaluationsForMarginOfError(double standardDeviation, double margin, double confidence = 0.95, int population = 0)
    {
        Preconditions.CheckPositive(standardDeviation);
        Preconditions.CheckPositive(margin);
        double z = StandardNormal.TwoSidedCritical(confidence);
        if (population < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(population), population, "must be >= 0 (0 = infinite)");
        }
        // Cochran's formula with the per-evaluation variance σ², written once with the survey sample sizes.
        return checked((int)SampleSize.Cochran(z, standardDeviation * standardDeviation, margin, population > 0 ? population : null));
    }
}
