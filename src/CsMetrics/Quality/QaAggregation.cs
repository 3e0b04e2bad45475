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
    /// <summary>The target the agents were measured against (a fraction; NaN when there was none, and then nobody reaches it).</summary>
    public double Target { get; init; }

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
    /// <summary>Pools evaluations by group key (agent, team, period...): one <see cref="QaTally"/> per group.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="evaluations">Each evaluation's group and answers (criterion order; NaN = N/A).</param>
    /// <param name="comparer">How group keys compare (default: the key type's equality, ordinal for strings).</param>
    /// <returns>The pooled summary per group, enumerated in first-seen order. Read-only.</returns>
    /// <exception cref="ArgumentException">
    /// An evaluation with null answers, or a bad answer: the message names the evaluation and the criterion
    /// (<c>evaluations[7]: answers[3]: criterion 'Tone and empathy' ...</c>).
    /// </exception>
    public static IReadOnlyDictionary<TKey, QaSummary> ByGroup<TKey>(Scorecard scorecard, IEnumerable<(TKey Group, double[] Answers)> evaluations,
        IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(evaluations);
        var tallies = new OrderedDictionary<TKey, QaTally>(comparer);
        int index = 0;
        foreach (var (group, answers) in evaluations)
        {
            if (answers is null)
            {
                ThrowHelper.ThrowArgument(nameof(evaluations), $"evaluations[{index}] has no answers (null).");
            }
            if (!tallies.TryGetValue(group, out var tally))
            {
                tally = new QaTally(scorecard);
                tallies.Add(group, tally);
            }
            try
            {
                tally.Add(answers);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentOutOfRangeException(nameof(evaluations), ex.ActualValue, $"evaluations[{index}]: {FirstLine(ex)}");
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"evaluations[{index}]: {FirstLine(ex)}", nameof(evaluations), ex);
            }
            index++;
        }
        var result = new OrderedDictionary<TKey, QaSummary>(tallies.Count, comparer);
        foreach (var (key, tally) in tallies)
        {
            result.Add(key, tally.Summarize());
        }
        return new System.Collections.ObjectModel.ReadOnlyDictionary<TKey, QaSummary>(result);
    }

    private static string FirstLine(ArgumentException ex) =>
        ex.Message.Split('\n')[0].Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal).Trim();

    /// <summary>
    /// The 90/90 check: does at least <paramref name="requiredShare"/> of agents reach
    /// <paramref name="attainment"/> of the target? (An organisational rule of thumb, not a published standard.)
    /// </summary>
    /// <param name="agents">Each agent's pooled summary.</param>
    /// <param name="target">The target score as a fraction, e.g. <see cref="Scorecard.OverallTarget"/>.</param>
    /// <param name="attainment">The share of the target an agent must reach, in [0, 1] (default 0.9).</param>
    /// <param name="requiredShare">The share of agents that must reach it, in [0, 1] (default 0.9).</param>
    /// <exception cref="ArgumentOutOfRangeException">The target is not in (0, 1], or a share is not in [0, 1].</exception>
    /// <remarks>
    /// Agents without scored evaluations are left out; with no agents the share is NaN and the check fails. Both
    /// comparisons count equality in decimal arithmetic as reached (the library's relative 1e-12), so 9 agents of 10
    /// pass a required share of 0.9.
    /// </remarks>
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
            reaching += Tolerance.AtLeast(agent.PooledScore, attainment * target) ? 1 : 0;
        }
        double share = counted > 0 ? (double)reaching / counted : double.NaN;
        return new NinetyNinetyCheck(reaching, counted, share, Tolerance.AtLeast(share, requiredShare)) { Target = target };
    }

    /// <summary>
    /// The 90/90 check against a scorecard's target: its <see cref="Scorecard.OverallTarget"/> when every section has a
    /// target (and it is above 0), otherwise its <see cref="Scorecard.PassMark"/>.
    /// </summary>
    /// <param name="agents">Each agent's pooled summary.</param>
    /// <param name="scorecard">The scorecard the agents were scored on.</param>
    /// <param name="attainment">The share of the target an agent must reach, in [0, 1] (default 0.9).</param>
    /// <param name="requiredShare">The share of agents that must reach it, in [0, 1] (default 0.9).</param>
    /// <returns>The check, with <see cref="NinetyNinetyCheck.Target"/> the target used; when the scorecard has neither a target nor a pass mark above 0, nobody can be measured: the share is NaN and the check fails.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A share is not in [0, 1].</exception>
    public static NinetyNinetyCheck NinetyNinety(IEnumerable<QaSummary> agents, Scorecard scorecard, double attainment = 0.9, double requiredShare = 0.9)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(scorecard);
        Preconditions.CheckFraction(attainment);
        Preconditions.CheckFraction(requiredShare);
        double target = TargetOf(scorecard);
        if (double.IsNaN(target))
        {
            return new NinetyNinetyCheck(0, agents.Count(a => a.Evaluations > 0), double.NaN, false) { Target = double.NaN };
        }
        return NinetyNinety(agents, target, attainment, requiredShare);
    }

    /// <summary>The target the 90/90 check uses for <paramref name="scorecard"/>: the overall target, else the pass mark, else NaN.</summary>
    public static double TargetOf(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return scorecard.OverallTarget > 0 ? scorecard.OverallTarget : scorecard.PassMark > 0 ? scorecard.PassMark : double.NaN;
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
    /// Evaluations needed per agent so the mean score is within ±<paramref name="margin"/> at confidence
    /// <paramref name="level"/>: <c>n0 = (z σ / E)²</c> (Cochran 1977), with the finite-population
    /// correction <c>n = n0 / (1 + (n0 - 1)/N)</c> when the agent's contact count N is given; rounded up
    /// (a value within the relative 1e-12 above an integer is that integer, so rounding noise never adds an evaluation).
    /// </summary>
    /// <param name="standardDeviation">σ, the spread of per-evaluation scores (e.g. 0.15), &gt; 0.</param>
    /// <param name="margin">E, the half-width wanted (e.g. 0.05 for ±5 points), &gt; 0.</param>
    /// <param name="level">The confidence level, a fraction in (0, 1) (0.95 for 95%; 95 is rejected with the convention named).</param>
    /// <param name="population">The agent's contacts in the period (0 = treat as infinite).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range, or the margin is so small that more than <see cref="int.MaxValue"/> evaluations would be needed.</exception>
    public static int EvaluationsForMarginOfError(double standardDeviation, double margin, double level = 0.95, int population = 0)
    {
        Preconditions.CheckPositive(standardDeviation);
        Preconditions.CheckPositive(margin);
        double z = StandardNormal.TwoSidedCritical(level);
        if (population < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(population), population, "must be >= 0 (0 = infinite)");
        }
        long n;
        try
        {
            // Cochran's formula with the per-evaluation variance σ², written once with the survey sample sizes.
            n = SampleSize.Cochran(z, standardDeviation * standardDeviation, margin, population > 0 ? population : null);
        }
        catch (OverflowException)
        {
            n = long.MaxValue;
        }
        if (n > int.MaxValue)
        {
            ThrowHelper.ThrowOutOfRange(nameof(margin), margin, string.Create(CultureInfo.InvariantCulture,
                $"is too small for a spread of {standardDeviation}: more than {int.MaxValue} evaluations would be needed"));
        }
        return (int)n;
    }
}
