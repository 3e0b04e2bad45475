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

    /// <summary>The cap on likelihood evaluations per model (a fit that reaches it reports <see cref="EtsFit.Converged"/> = false).</summary>
    public int MaxEvaluations { get; init; } = 20_000;
}

public static partial class Ets
{
    /// <summary>The searches' relative tolerance on -2 log L: R's reltol (sqrt of machine epsilon); -2 log L is in the hundreds or thousands, so this is far below 0.01 in log-likelihood.</summary>
    private const double JointTolerance = 1.5e-8;

    private static readonly double[][] s_starts =
    [
        // (alpha, beta, gamma, phi) as fractions of their ranges; the first is R's start (alpha / m).
        [0.2, 0.1, 0.05, 0.99],
        [0.5, 0.1, 0.3, 0.5],
        [0.9, 0.05, 0.5, 0.9],
        [0.1, 0.5, 0.5, 0.2],
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
    /// <exception cref="ArgumentOutOfRangeException">A non-positive value for a model with a multiplicative component; a fixed parameter outside [0, 1] (phi outside (0, 1]); a season length below 2 for a seasonal model.</exception>
    /// <remarks>
    /// Objective: R's <c>-2 log L = n log(sum e_t^2) + 2 sum log|yhat_t|</c> (second term for
    /// multiplicative errors). Start: R's heuristic state (<see cref="HeuristicInitialState"/>). Stage
    /// one searches the smoothing parameters from four starts with the initial state profiled out by
    /// least squares where the state path is linear in it (exact for additive errors) and held at
    /// the heuristic otherwise; stage two, for multiplicative models, searches parameters and states
    /// jointly from the best. Both use a restarted, box-bounded Nelder-Mead with R's tolerance.
    /// </remarks>
    public static EtsFit Fit(ReadOnlySpan<double> values, EtsSpecification specification, EtsOptions? options = null) =>
        FitPruned(values, specification, options, double.PositiveInfinity, warmStart: null);

    /// <summary>
    /// <see cref="Fit(ReadOnlySpan{double}, EtsSpecification, EtsOptions?)"/> for automatic selection: ends after stage
    /// one when its AICc already exceeds <paramref name="skipJointAboveAicc"/> (such a fit reports not
    /// converged), and, given <paramref name="warmStart"/> (a fit of the same series whose state path
    /// has the same form; phi starts at its upper bound when the warm fit is undamped), replaces the
    /// later stage-one starts by that fit's parameters: searched from for a profiled additive-error
    /// model, taken with its initial state otherwise. The first cold start is kept.
    /// </summary>
    private static EtsFit FitPruned(ReadOnlySpan<double> values, EtsSpecification specification, EtsOptions? options,
        double skipJointAboveAicc, EtsFit? warmStart)
    {
        options ??= EtsOptions.Default;
        var data = ValidateSeries(values, specification);
        var fixedParameters = ValidateFixed(specification, options.Fixed);
        if (IsConstant(data))
        {
            return ConstantFit(data, specification, fixedParameters);
        }
        double[] start = options.InitialState is { } given ? ValidateState(given, specification) : HeuristicInitialState(data, specification);
        var objective = new EtsObjective(specification, data, fixedParameters, start);
        bool statesFixed = options.InitialState is not null;
        int budget = Math.Max(options.MaxEvaluations, 100);

        // Stage one: smoothing parameters from each start, states profiled (linear models) or held.
        objective.Mode = statesFixed ? StateMode.Fixed : objective.CanConcentrate ? StateMode.LeastSquares : StateMode.Fixed;
        int d = objective.SmoothingCount;
        int starts = d == 0 ? 1 : s_starts.Length;
        var candidates = new List<(double Value, double[] Point, double[] State, bool Converged)>(starts);
        int evaluations = 0;
        var step = Enumerable.Repeat(0.1, d).ToArray();
        var lower = new double[d];
        var upper = Enumerable.Repeat(1.0, d).ToArray();
        bool exact = statesFixed || (objective.CanConcentrate && specification.Error == EtsError.Additive);
        if (warmStart is not null && !statesFixed && exact)
        {
            // An exact (profiled) model searches from the warm parameters instead of the later cold starts.
            var point = new double[d];
            objective.Unmap(WarmParameters(warmStart.Parameters, specification), point);
            var result = BoundedNelderMead.Minimize(objective, point, step, lower, upper, Math.Max(budget / 4, 50), JointTolerance);
            evaluations += result.Evaluations;
            objective.Evaluate(point);
            candidates.Add((result.Value, point, (double[])objective.State.Clone(), result.Converged));
            starts = 1;
        }
        else if (warmStart is not null && !statesFixed)
        {
            var point = new double[d];
            objective.Unmap(WarmParameters(warmStart.Parameters, specification), point);
            objective.Mode = StateMode.Fixed;
            warmStart.InitialState.ToArray().CopyTo(objective.State, 0);
            double value = objective.Evaluate(point);
            evaluations++;
            if (double.IsFinite(value))
            {
                candidates.Add((value, point, (double[])objective.State.Clone(), true));
                starts = 1;
            }
            objective.Mode = objective.CanConcentrate ? StateMode.LeastSquares : StateMode.Fixed;
            start.CopyTo(objective.State, 0);
        }
        for (int s = 0; s < starts; s++)
        {
            var point = new double[d];
            objective.Unmap(objective.Map(StartPoint(s_starts[s], objective, specification)), point);
            // A later start that first settles no lower than the best so far is abandoned (it reports not converged and cannot win).
            double incumbent = candidates.Count == 0 ? double.PositiveInfinity : candidates.Min(c => c.Value);
            var result = BoundedNelderMead.Minimize(objective, point, step, lower, upper, Math.Max(budget / (4 * starts), 50), JointTolerance, incumbent);
            evaluations += result.Evaluations;
            objective.Evaluate(point);
            candidates.Add((result.Value, point, (double[])objective.State.Clone(), result.Converged));
        }
        candidates.Sort((x, y) => x.Value != y.Value ? x.Value.CompareTo(y.Value) : y.Converged.CompareTo(x.Converged));
        var (bestValue, bestPoint, finalState, converged) = candidates[0];
        var finalParameters = objective.Map(bestPoint);

        int estimated = objective.SmoothingCount + (statesFixed ? 0 : objective.FreeStateCount);
        if (!exact && double.IsFinite(skipJointAboveAicc))
        {
            var stageOne = EtsFit.Create(specification, finalParameters, finalState, data, estimated, converged: false, evaluations);
            if (stageOne.Aicc > skipJointAboveAicc)
            {
                return stageOne;
            }
        }
        if (!exact)
        {
            // Stage two: parameters and free states jointly, from the best stage-one result.
            objective.Mode = StateMode.Optimised;
            int full = objective.Dimension;
            var jointStep = new double[full];
            var jointLower = new double[full];
            var jointUpper = new double[full];
            FillStateSteps(data, specification, d, jointStep, jointLower, jointUpper);
            var joint = new double[full];
            bestPoint.CopyTo(joint, 0);
            objective.CompressStates(finalState, joint.AsSpan(d));
            var result = BoundedNelderMead.Minimize(objective, joint, jointStep, jointLower, jointUpper, Math.Max(budget - evaluations, 100), JointTolerance);
            evaluations += result.Evaluations;
            converged = result.Converged;
            if (result.Value <= bestValue)
            {
                objective.Evaluate(joint);
                finalState = (double[])objective.State.Clone();
                finalParameters = objective.Map(joint);
            }
        }

        return EtsFit.Create(specification, finalParameters, finalState, data, estimated, converged, evaluations);
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

    /// <summary>Initial simplex steps for the joint search: 0.1 on the smoothing fractions, a few percent of the series' scale on the states.</summary>
    private static void FillStateSteps(double[] data, EtsSpecification specification, int smoothingCount,
        Span<double> step, Span<double> lower, Span<double> upper)
    {
        double scale = 0;
        int count = 0;
        foreach (double y in data)
        {
            if (!double.IsNaN(y))
            {
                scale += Math.Abs(y);
                count++;
            }
        }
        scale = Math.Max(scale / count, 1e-8);
        for (int i = 0; i < step.Length; i++)
        {
            if (i < smoothingCount)
            {
                step[i] = 0.1;
                lower[i] = 0;
                upper[i] = 1;
                continue;
            }
            int stateIndex = i - smoothingCount;
            bool isTrend = specification.HasTrend && stateIndex == 1;
            bool isSeason = stateIndex >= (specification.HasTrend ? 2 : 1);
            step[i] = isTrend ? 0.05 * scale / Math.Max(specification.SeasonLength, 1)
                : isSeason && specification.Season == EtsSeason.Multiplicative ? 0.05
                : 0.05 * scale;
            lower[i] = double.NegativeInfinity;
            upper[i] = double.PositiveInfinity;
        }
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
