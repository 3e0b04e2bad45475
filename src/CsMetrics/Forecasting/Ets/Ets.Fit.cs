using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Options for <see cref="Ets.Fit"/>: parameters to hold fixed, an initial state to hold fixed, and
/// the evaluation budget. Immutable and thread-safe.
/// </summary>
public sealed record EtsOptions
{
    /// <summary>The default options: everything estimated, 20,000 evaluations.</summary>
    public static EtsOptions Default { get; } = new();

    /// <summary>Smoothing parameters to hold fixed; NaN entries (the default) are estimated.</summary>
    public EtsParameters Fixed { get; init; } = EtsParameters.Free;

    /// <summary>An initial state to hold fixed (R's <c>use.initial.values</c>), in the layout of <see cref="Ets.Filter"/>; null estimates it.</summary>
    public IReadOnlyList<double>? InitialState { get; init; }

    /// <summary>The cap on likelihood evaluations per model, shared equally by the starts (each Levenberg-Marquardt iteration counts as one; a fit whose winning search reaches its share reports <see cref="EtsFit.Converged"/> = false).</summary>
    public int MaxEvaluations { get; init; } = 20_000;
}

public static partial class Ets
{
    /// <summary>
    /// The starts' tolerance on -2 log L: a search ends when a Levenberg-Marquardt step gains less and
    /// the next is predicted to. The winning start is then polished to <see cref="PolishTolerance"/>
    /// (R's reltol, 1.5e-8, is about 2e-5 on -2 log L of a thousand).
    /// </summary>
    private const double LikelihoodTolerance = 1e-2, PolishTolerance = 1e-4;

    /// <summary>
    /// A later start still more than <see cref="AbandonMargin"/> above the first start's optimum in
    /// -2 log L after <see cref="AbandonAfter"/> accepted steps is abandoned: on 300 test series x 15
    /// models no abandoned start would have won (it saves about a tenth of the iterations).
    /// </summary>
    private const int AbandonAfter = 8;

    /// <inheritdoc cref="AbandonAfter"/>
    private const double AbandonMargin = 20;

    private static readonly double[][] s_starts =
    [
        // (alpha, beta, gamma, phi) as fractions of their ranges: beta of alpha, gamma of 1 - alpha.
        // The first is R's start (alpha / m); the last two are the corners where alpha is small and
        // beta either small or equal to alpha, which searches from the middle of the box miss.
        [0.2, 0.1, 0.05, 0.99],
        [0.9, 0.05, 0.5, 0.9],
        [0.1, 0.5, 0.5, 0.2],
        [0.001, 0.01, 0.01, 0.99],
        [0.01, 0.95, 0.01, 0.99],
    ];

    /// <summary>
    /// Fits an ETS model by maximum likelihood, smoothing parameters and initial states jointly, within
    /// the usual and the admissible regions (R's <c>bounds = "both"</c>).
    /// </summary>
    /// <param name="values">The series, oldest first; NaN marks missing values.</param>
    /// <param name="specification">The model form.</param>
    /// <param name="options">Fixed parameters, fixed initial state, evaluation budget; null for the defaults.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">Too few observed values for the model (the message names the minimum), an infinite value, or a fixed initial state of the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive value for a model with a multiplicative component; a fixed parameter outside [0, 1] (phi outside (0, 1]); a season length below 2 for a seasonal model; a series whose largest magnitude is outside [1e-100, 1e100] (rescale it).</exception>
    /// <remarks>
    /// Objective: R's <c>-2 log L = n log(sum e_t^2) + 2 sum log|yhat_t|</c> (second term for
    /// multiplicative errors), which is <c>n log(sum r_t^2)</c> for the residuals
    /// <c>r_t = e_t exp(mean log|yhat|)</c>: a nonlinear least-squares problem. It is minimised by a
    /// box-bounded Levenberg-Marquardt search with exact forward-mode derivatives of the recursions
    /// (<see cref="RunWithTangents"/>), from five starts of the smoothing parameters, each with the
    /// least-squares initial state for those parameters where the state path is linear in it and R's
    /// heuristic state (<see cref="HeuristicInitialState"/>) otherwise. The starts run in parallel;
    /// the result does not depend on their scheduling.
    /// </remarks>
    public static EtsFit Fit(ReadOnlySpan<double> values, EtsSpecification specification, EtsOptions? options = null) =>
        FitPruned(values, specification, options, double.PositiveInfinity, warmStart: null, parallel: true);

    /// <summary>
    /// <see cref="Fit(ReadOnlySpan{double}, EtsSpecification, EtsOptions?)"/> with a warm start for automatic selection:
    /// <paramref name="warmStart"/> (a fit of the same series whose state path has the same form; phi
    /// starts at its upper bound when the warm fit is undamped) is searched from first, and when that
    /// result's AICc exceeds <paramref name="skipAboveAicc"/> the cold starts are skipped (the model
    /// cannot win). Starts run in parallel when <paramref name="parallel"/>.
    /// </summary>
    private static EtsFit FitPruned(ReadOnlySpan<double> values, EtsSpecification specification, EtsOptions? options,
        double skipAboveAicc, EtsFit? warmStart, bool parallel)
    {
        options ??= EtsOptions.Default;
        var data = ValidateSeries(values, specification);
        var fixedParameters = ValidateFixed(specification, options.Fixed);
        if (IsConstant(data))
        {
            return ConstantFit(data, specification, fixedParameters);
        }
        double[] start = options.InitialState is { } given ? ValidateState(given, specification) : HeuristicInitialState(data, specification);
        bool statesFixed = options.InitialState is not null;
        var objective = NewObjective();
        int k = objective.SmoothingCount;
        int d = objective.Dimension;
        var lower = new double[d];
        var upper = new double[d];
        upper.AsSpan(0, k).Fill(1);
        lower.AsSpan(k).Fill(double.NegativeInfinity);
        upper.AsSpan(k).Fill(double.PositiveInfinity);
        double tolerance = LikelihoodTolerance / objective.Observed;
        int estimated = k + (statesFixed ? 0 : objective.FreeStateCount);

        var points = new List<double[]>(s_starts.Length + 1);
        if (warmStart is not null && !statesFixed)
        {
            var point = new double[d];
            objective.Unmap(WarmParameters(warmStart.Parameters, specification), point);
            objective.CompressStates(warmStart.InitialState.ToArray(), point.AsSpan(k));
            points.Add(point);
        }
        int coldStarts = k == 0 ? 1 : s_starts.Length;
        for (int s = 0; s < coldStarts; s++)
        {
            var point = new double[d];
            objective.Unmap(objective.Map(StartPoint(s_starts[s], objective, specification)), point);
            points.Add(point);
        }

        int perStart = Math.Max(Math.Max(options.MaxEvaluations, 100) / points.Count, 10);
        var results = new BoundedMinimum[points.Count];
        int first = 0;
        if (warmStart is not null && !statesFixed)
        {
            results[0] = BoundedLevenbergMarquardt.Minimize(objective, points[0], lower, upper, perStart, tolerance);
            first = 1;
            if (double.IsFinite(skipAboveAicc) && Finish(0, results[0].Evaluations).Aicc > skipAboveAicc)
            {
                return Finish(0, results[0].Evaluations);
            }
        }
        // The first cold start (R's) sets the reference: a later start still more than AbandonMargin above
        // it after AbandonAfter accepted steps is heading for a worse optimum and is abandoned (not
        // converged; it cannot win). In sequence that saves its remaining steps; in parallel every start
        // runs on and the rule is applied afterwards to the point each reached at that step, so both
        // orders give the same fit.
        var snapshots = new (double[] Point, double Value)?[points.Count];
        if (parallel)
        {
            // Each worker needs its own objective (they hold workspaces); the result does not depend on which.
            Parallel.For(first, points.Count, NewObjective, (i, _, searcher) =>
            {
                results[i] = SearchFromColdStart(searcher, i, i == first ? null : Recorder(i));
                return searcher;
            }, _ => { });
        }
        else
        {
            results[first] = SearchFromColdStart(objective, first, null);
        }
        double reference = results[first].Value;
        for (int i = 0; i < first; i++)
        {
            reference = Math.Min(reference, results[i].Value);
        }
        double abandonAbove = reference * Math.Exp(AbandonMargin / objective.Observed);
        for (int i = first + 1; i < points.Count; i++)
        {
            if (!parallel)
            {
                int accepted = 0;
                results[i] = SearchFromColdStart(objective, i, (_, value) => ++accepted == AbandonAfter && value > abandonAbove);
            }
            else if (snapshots[i] is { } snapshot && snapshot.Value > abandonAbove)
            {
                snapshot.Point.CopyTo(points[i], 0);
                results[i] = new BoundedMinimum(snapshot.Value, results[i].Evaluations, Converged: false);
            }
        }
        int best = 0;
        int evaluations = 0;
        for (int i = 0; i < points.Count; i++)
        {
            evaluations += results[i].Evaluations;
            if (results[i].Value < results[best].Value)
            {
                best = i;
            }
        }
        if (results[best].Converged && double.IsFinite(results[best].Value))
        {
            results[best] = BoundedLevenbergMarquardt.Minimize(objective, points[best], lower, upper, perStart, PolishTolerance / objective.Observed);
            evaluations += results[best].Evaluations;
        }
        return Finish(best, evaluations);

        // A cold start's state: least squares for its smoothing parameters where the state path is linear in it, else the heuristic.
        BoundedMinimum SearchFromColdStart(EtsObjective searcher, int index, LeastSquaresStop? stop)
        {
            var point = points[index];
            if (!statesFixed)
            {
                searcher.CompressStates(LeastSquaresState(searcher, point.AsSpan(0, k)) ?? start, point.AsSpan(k));
            }
            return BoundedLevenbergMarquardt.Minimize(searcher, point, lower, upper, perStart, tolerance, stop);
        }

        // Records where a parallel start stands after AbandonAfter accepted steps, and never stops it.
        LeastSquaresStop Recorder(int index)
        {
            int accepted = 0;
            return (at, value) =>
            {
                if (++accepted == AbandonAfter)
                {
                    snapshots[index] = (at.ToArray(), value);
                }
                return false;
            };
        }

        EtsObjective NewObjective() => new(specification, data, fixedParameters, start)
        {
            Mode = statesFixed ? StateMode.Fixed : StateMode.Optimised,
        };

        EtsFit Finish(int index, int used)
        {
            var point = points[index];
            var state = start;
            if (!statesFixed)
            {
                state = new double[specification.StateLength];
                objective.ExpandStates(point.AsSpan(k), state);
            }
            return EtsFit.Create(specification, objective.Map(point), state, data, estimated, results[index].Converged, used);
        }
    }

    /// <summary>The least-squares initial state at the given smoothing coordinates for a model whose state path is linear in it, else null.</summary>
    private static double[]? LeastSquaresState(EtsObjective objective, ReadOnlySpan<double> smoothing)
    {
        if (!objective.CanConcentrate)
        {
            return null;
        }
        var mode = objective.Mode;
        objective.Mode = StateMode.LeastSquares;
        double value = objective.Evaluate(smoothing);
        objective.Mode = mode;
        return double.IsFinite(value) ? (double[])objective.State.Clone() : null;
    }

    /// <summary>
    /// The model with the given parameters and initial state, without optimisation: its fitted values,
    /// residuals, likelihood and forecasts (this is how the recursions are checked against R exactly).
    /// </summary>
    /// <param name="values">The series (NaN = missing).</param>
    /// <param name="specification">The model form.</param>
    /// <param name="parameters">The smoothing parameters (the ones the model has must be given).</param>
    /// <param name="initialState">The state at time 0 in the layout of <see cref="Filter"/>.</param>
    /// <param name="estimatedParameters">How many parameters to count as estimated in sigma^2 and the criteria (those of the fit the values came from; 0 when none were).</param>
    /// <exception cref="ArgumentException">The state has the wrong length, or a value is infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter the model has is missing or out of range, or a non-positive value for a multiplicative model.</exception>
    public static EtsFit Evaluate(ReadOnlySpan<double> values, EtsSpecification specification, EtsParameters parameters,
        IReadOnlyList<double> initialState, int estimatedParameters = 0)
    {
        Preconditions.CheckNonNegative(estimatedParameters);
        var data = ValidateSeries(values, specification, checkLength: false);
        var fixedParameters = ValidateFixed(specification, parameters);
        if (double.IsNaN(fixedParameters.Alpha) || (specification.HasTrend && double.IsNaN(fixedParameters.Beta))
            || (specification.HasSeason && double.IsNaN(fixedParameters.Gamma)) || (specification.IsDamped && double.IsNaN(fixedParameters.Phi)))
        {
            ThrowHelper.ThrowOutOfRange(nameof(parameters), parameters, $"must give every smoothing parameter of {specification}");
        }
        return EtsFit.Create(specification, fixedParameters, ValidateState(initialState, specification), data, estimatedParameters, converged: true, evaluations: 1);
    }

    /// <summary>A warm start's parameters for <paramref name="specification"/>: a damped model from an undamped fit starts at the largest phi (closest to no damping).</summary>
    private static EtsParameters WarmParameters(EtsParameters parameters, EtsSpecification specification) =>
        specification.IsDamped && double.IsNaN(parameters.Phi) ? parameters with { Phi = PhiUpper } : parameters;

    private static double[] StartPoint(double[] fractions, EtsObjective objective, EtsSpecification specification)
    {
        var point = new double[objective.SmoothingCount];
        int i = 0;
        double alphaFraction = fractions == s_starts[0] ? fractions[0] / specification.SeasonLength : fractions[0];
        if (objective.FreeAlpha) point[i++] = alphaFraction;
        if (objective.FreeBeta) point[i++] = fractions[1];
        if (objective.FreeGamma) point[i++] = fractions[2];
        if (objective.FreePhi) point[i++] = fractions[3];
        return point;
    }

    private static double[] ValidateSeries(ReadOnlySpan<double> values, EtsSpecification specification, bool checkLength = true)
    {
        if (specification.SeasonLength < 1 || (specification.HasSeason && specification.SeasonLength < 2))
        {
            ThrowHelper.ThrowOutOfRange(nameof(specification), specification.SeasonLength, $"season length of {specification} must be >= {(specification.HasSeason ? 2 : 1)}");
        }
        int observed = 0;
        for (int t = 0; t < values.Length; t++)
        {
            double y = values[t];
            if (double.IsNaN(y))
            {
                continue;
            }
            if (double.IsInfinity(y))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), t, y, "must be finite (use NaN for a missing value)");
            }
            if (specification.NeedsPositiveData && y <= 0)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), t, y, $"must be > 0 for {specification}, which has a multiplicative component");
            }
            observed++;
        }
        SeriesScale.Check(values);
        int minimum = MinimumLength(specification);
        if (checkLength && observed < minimum)
        {
            ThrowHelper.ThrowArgument(nameof(values),
                $"values has {observed} observed values; {specification} with season length {specification.SeasonLength} needs at least {minimum}.");
        }
        if (!checkLength && observed == 0)
        {
            ThrowHelper.ThrowArgument(nameof(values), "values has no observed value.");
        }
        return values.ToArray();
    }

    private static EtsParameters ValidateFixed(EtsSpecification specification, EtsParameters parameters)
    {
        if (!double.IsNaN(parameters.Alpha))
        {
            Preconditions.CheckFraction(parameters.Alpha, "parameters.Alpha");
        }
        double beta = specification.HasTrend ? parameters.Beta : double.NaN;
        double gamma = specification.HasSeason ? parameters.Gamma : double.NaN;
        double phi = specification.IsDamped ? parameters.Phi : double.NaN;
        if (!double.IsNaN(beta))
        {
            Preconditions.CheckFraction(beta, "parameters.Beta");
        }
        if (!double.IsNaN(gamma))
        {
            Preconditions.CheckFraction(gamma, "parameters.Gamma");
        }
        if (!double.IsNaN(phi) && !(phi > 0 && phi <= 1))
        {
            ThrowHelper.ThrowOutOfRange("parameters.Phi", phi, "must be in (0, 1]");
        }
        return new EtsParameters(parameters.Alpha, beta, gamma, phi);
    }

    private static double[] ValidateState(IReadOnlyList<double> state, EtsSpecification specification)
    {
        if (state.Count != specification.StateLength)
        {
            ThrowHelper.ThrowArgument("initialState", $"initialState has length {state.Count}; {specification} needs {specification.StateLength} (l, b, s_1..s_m as present).");
        }
        var copy = state.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                ThrowHelper.ThrowElementOutOfRange("initialState", i, copy[i], "must be finite");
            }
        }
        return copy;
    }

    private static bool IsConstant(double[] data)
    {
        double first = double.NaN;
        foreach (double y in data)
        {
            if (double.IsNaN(y))
            {
                continue;
            }
            if (double.IsNaN(first))
            {
                first = y;
            }
            else if (y != first)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A constant series: the exact state (level = the constant, no trend, neutral season) fits it with zero error.</summary>
    private static EtsFit ConstantFit(double[] data, EtsSpecification specification, EtsParameters fixedParameters)
    {
        double constant = data.First(y => !double.IsNaN(y));
        var state = new double[specification.StateLength];
        state[0] = constant;
        if (specification.Season == EtsSeason.Multiplicative)
        {
            state.AsSpan(specification.HasTrend ? 2 : 1).Fill(1);
        }
        var start = s_starts[0];
        var parameters = new EtsParameters(
            double.IsNaN(fixedParameters.Alpha) ? SmoothingLower + start[0] / specification.SeasonLength * (SmoothingUpper - SmoothingLower) : fixedParameters.Alpha,
            specification.HasTrend ? (double.IsNaN(fixedParameters.Beta) ? SmoothingLower : fixedParameters.Beta) : double.NaN,
            specification.HasSeason ? (double.IsNaN(fixedParameters.Gamma) ? SmoothingLower : fixedParameters.Gamma) : double.NaN,
            specification.IsDamped ? (double.IsNaN(fixedParameters.Phi) ? PhiUpper : fixedParameters.Phi) : double.NaN);
        int estimated = specification.SmoothingParameterCount + specification.FreeInitialStateCount;
        return EtsFit.Create(specification, parameters, state, data, estimated, converged: true, evaluations: 0);
    }
}
