using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>One series' outcome in <see cref="Ets.FitMany"/>: the fit, or why the series could not be fitted.</summary>
/// <param name="Index">The series' position in the input.</param>
/// <param name="Fit">The fitted model, or null when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the series could not be fitted (e.g. too short), or null.</param>
public sealed record EtsBatchResult(int Index, EtsFit? Fit, string? Error)
{
    /// <summary>The model and its criteria, or the error.</summary>
    public override string ToString() => Fit is null ? $"#{Index}: {Error}" : $"#{Index}: {Fit}";
}

public static partial class Ets
{
    /// <summary>
    /// The candidate models <see cref="FitAuto"/> compares for a series: error A or M, trend N, A or
    /// Ad, season N, A or M, without multiplicative components when a value is zero or negative,
    /// without additive-error multiplicative-season models (numerically unstable, excluded as in R),
    /// without seasonal models when <paramref name="seasonLength"/> is 1, and without models the series
    /// is too short for.
    /// </summary>
    /// <param name="values">The series (NaN = missing).</param>
    /// <param name="seasonLength">Observations per season; 1 for non-seasonal data.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1.</exception>
    public static IReadOnlyList<EtsSpecification> Candidates(ReadOnlySpan<double> values, int seasonLength)
    {
        if (seasonLength < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(seasonLength), seasonLength, "must be >= 1");
        }
        bool positive = true;
        int observed = 0;
        foreach (double y in values)
        {
            if (!double.IsNaN(y))
            {
                observed++;
                positive &= y > 0;
            }
        }
        var candidates = new List<EtsSpecification>(15);
        foreach (var error in new[] { EtsError.Additive, EtsError.Multiplicative })
        {
            foreach (var trend in new[] { EtsTrend.None, EtsTrend.Additive, EtsTrend.AdditiveDamped })
            {
                foreach (var season in new[] { EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative })
                {
                    if ((season != EtsSeason.None && seasonLength < 2)
                        || (!positive && (error == EtsError.Multiplicative || season == EtsSeason.Multiplicative))
                        || (error == EtsError.Additive && season == EtsSeason.Multiplicative))
                    {
                        continue;
                    }
                    var specification = new EtsSpecification(error, trend, season, season == EtsSeason.None ? 1 : seasonLength);
                    if (observed >= MinimumLength(specification))
                    {
                        candidates.Add(specification);
                    }
                }
            }
        }
        return candidates;
    }

    /// <summary>The AICc lead over the best model so far beyond which a candidate skips its joint search in <see cref="FitAuto"/>.</summary>
    private const double PruneMargin = 20;

    /// <summary>
    /// Automatic model selection as R's <c>ets(y)</c>: fits every model of <see cref="Candidates"/> and
    /// returns the one with the smallest AICc.
    /// </summary>
    /// <param name="values">The series, oldest first (NaN = missing).</param>
    /// <param name="seasonLength">Observations per season; 1 for non-seasonal data.</param>
    /// <param name="options">Evaluation budget per model (fixed parameters apply to every candidate that has them).</param>
    /// <exception cref="ArgumentException">The series is too short for even ETS(A,N,N) (the message names the minimum), or has an infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1.</exception>
    public static EtsFit FitAuto(ReadOnlySpan<double> values, int seasonLength, EtsOptions? options = null) =>
        SelectAuto(values, seasonLength, options, parallel: true);

    /// <summary><see cref="FitAuto(ReadOnlySpan{double}, int, EtsOptions?)"/> on one thread (inside a batch that already uses every core).</summary>
    internal static EtsFit FitAutoSequential(ReadOnlySpan<double> values, int seasonLength, EtsOptions? options) =>
        SelectAuto(values, seasonLength, options, parallel: false);

    /// <summary>
    /// <see cref="FitAuto(ReadOnlySpan{double}, int, EtsOptions?)"/>, fitting the candidates of each wave in parallel
    /// when <paramref name="parallel"/> (not inside <see cref="FitMany"/>, whose batch already uses every core).
    /// </summary>
    private static EtsFit SelectAuto(ReadOnlySpan<double> values, int seasonLength, EtsOptions? options, bool parallel)
    {
        var candidates = Candidates(values, seasonLength);
        if (candidates.Count == 0)
        {
            var simplest = new EtsSpecification(EtsError.Additive, EtsTrend.None, EtsSeason.None, 1);
            ThrowHelper.ThrowArgument(nameof(values),
                $"values has too few observed values for any ETS model; {simplest} needs at least {MinimumLength(simplest)}.");
        }
        // Each candidate is warm-started from an earlier fit whose state path has the same form
        // (WarmSource) and is fitted in the wave after it; the candidates of a wave are independent.
        // Pruning uses only the earlier waves' fits, so the result does not depend on scheduling.
        var sources = new int[candidates.Count];
        var waves = new int[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
        {
            sources[i] = WarmSource(candidates, candidates[i]);
            waves[i] = sources[i] < 0 ? 0 : waves[sources[i]] + 1;
        }
        // Validated once here so that an infinite value throws ArgumentException, not an AggregateException from a wave.
        var data = ValidateSeries(values, candidates[0]);
        var fits = new EtsFit[candidates.Count];
        double bestAicc = double.PositiveInfinity;
        for (int wave = 0, waveCount = waves.Max() + 1; wave < waveCount; wave++)
        {
            // A candidate whose fit from its warm start trails the best by more than PruneMargin in AICc
            // cannot win (the cold starts rarely gain that much) and skips them.
            double skipJointAbove = bestAicc + PruneMargin;
            int current = wave;
            // The costliest fits (joint searches over multiplicative seasonal states) first, so that no long one starts last.
            var members = Enumerable.Range(0, candidates.Count).Where(i => waves[i] == current)
                .OrderByDescending(i => ExpectedCost(candidates[i])).ThenBy(i => i).ToArray();
            void FitMember(int k)
            {
                int i = members[k];
                fits[i] = FitPruned(data, candidates[i], options, skipJointAbove, sources[i] < 0 ? null : fits[sources[i]], parallel: false);
            }
            if (parallel && members.Length > 1)
            {
                Parallel.For(0, members.Length, FitMember);
            }
            else
            {
                for (int k = 0; k < members.Length; k++)
                {
                    FitMember(k);
                }
            }
            foreach (int i in members)
            {
                if (fits[i].Aicc < bestAicc)
                {
                    bestAicc = fits[i].Aicc;
                }
            }
        }
        EtsFit? best = null;
        foreach (var fit in fits)
        {
            if (best is null || fit.Aicc < best.Aicc || (double.IsNaN(best.Aicc) && !double.IsNaN(fit.Aicc)))
            {
                best = fit;
            }
        }
        return best!;
    }

    /// <summary>
    /// The candidate whose fit warm-starts <paramref name="specification"/>, or -1: a multiplicative-error
    /// model starts from its additive-error twin (the same state recursions), a damped model without
    /// one from its undamped form (phi at its upper bound is close to no damping). The warm start is an
    /// extra start: the cold ones still run unless its result shows the model cannot win.
    /// </summary>
    private static int WarmSource(IReadOnlyList<EtsSpecification> candidates, EtsSpecification specification)
    {
        int twin = specification.Error == EtsError.Multiplicative
            ? IndexOf(candidates, specification with { Error = EtsError.Additive })
            : -1;
        return twin >= 0 || !specification.IsDamped
            ? twin
            : IndexOf(candidates, specification with { Trend = EtsTrend.Additive });
    }

    /// <summary>A rank of a fit's cost: a joint search over seasonal states, a joint search, a profiled search.</summary>
    private static int ExpectedCost(EtsSpecification specification) =>
        (specification.Season == EtsSeason.Multiplicative ? 2 : 0) + (specification.Error == EtsError.Multiplicative ? 1 : 0);

    private static int IndexOf(IReadOnlyList<EtsSpecification> candidates, EtsSpecification specification)
    {
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] == specification)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Fits many series in parallel: each with <paramref name="model"/>, or automatically selected when
    /// it is null. A series that cannot be fitted (too short, non-positive for a multiplicative model)
    /// gets an <see cref="EtsBatchResult.Error"/> instead of stopping the batch.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="seasonLength">Observations per season (for every series).</param>
    /// <param name="model">The model form for every series, or null for automatic selection.</param>
    /// <param name="options">Fit options for every series.</param>
    /// <param name="maxDegreeOfParallelism">The number of threads; -1 (default) uses all cores.</param>
    /// <param name="cancellationToken">Stops the batch between series (<see cref="OperationCanceledException"/>).</param>
    /// <returns>One result per series, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1.</exception>
    public static EtsBatchResult[] FitMany(IReadOnlyList<double[]> series, int seasonLength, EtsSpecification? model = null,
        EtsOptions? options = null, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        if (seasonLength < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(seasonLength), seasonLength, "must be >= 1");
        }
        var results = new EtsBatchResult[series.Count];
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                var fit = model is { } specification
                    ? FitPruned(series[i], specification, options, double.PositiveInfinity, warmStart: null, parallel: false)
                    : SelectAuto(series[i], seasonLength, options, parallel: false);
                results[i] = new EtsBatchResult(i, fit, null);
            }
            catch (ArgumentException ex)
            {
                results[i] = new EtsBatchResult(i, null, ex.Message);
            }
        });
        return results;
    }
}
