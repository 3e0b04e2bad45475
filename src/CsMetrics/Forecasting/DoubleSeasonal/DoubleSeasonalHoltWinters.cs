using System.Buffers;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Taylor's double-seasonal Holt-Winters method (Taylor 2003, "Short-term electricity demand
/// forecasting using double seasonal exponential smoothing", JORS 54, 799-805), made for intraday
/// series with a daily and a weekly cycle (e.g. 48 half-hours x 336 per week), with its AR(1)
/// adjustment of the one-step errors, an open-hours mask, fitting by least squares and simulated
/// prediction intervals.
/// </summary>
/// <remarks>
/// Multiplicative form, for period1 = s1 (daily) and period2 = s2 (weekly), at each open interval t:
/// <code>
/// yhat_t  = (l + b) d_t w_t                            (raw one-step forecast)
/// l'      = alpha y_t / (d_t w_t) + (1 - alpha)(l + b)
/// b'      = beta (l' - l) + (1 - beta) b
/// d_{t+s1} = gamma y_t / (l' w_t) + (1 - gamma) d_t
/// w_{t+s2} = omega y_t / (l' d_t) + (1 - omega) w_t
/// e_t = y_t - yhat_t;  fitted_t = yhat_t + phi e_{t-1}  (e_0 = 0)
/// forecast k steps ahead: (l + k b) d w + phi^k e_n
/// </code>
/// The additive form replaces products by sums and ratios by differences. The objective is the sum
/// of squared AR-adjusted one-step errors (R's <c>dshw</c> minimises their mean). Closed intervals
/// (see <see cref="OpenHoursMask"/>) are skipped: no error, no state update, and the trend and AR
/// steps count open intervals only. A NaN observation is filled by its raw one-step forecast (error 0)
/// and left out of the objective.
/// </remarks>
public static class DoubleSeasonalHoltWinters
{
    private const int StackWorkspaceLimit = 2048;
    private const double CoarseTolerance = 1e-6;
    private const double FineTolerance = 1e-9;

    /// <summary>
    /// The sum of squared one-step errors (after the AR(1) adjustment) of the model with the given
    /// parameters and initial states: the fitting objective. Allocates nothing for cycles up to 2,048
    /// intervals in total (larger ones rent from the shared pool).
    /// </summary>
    /// <param name="values">The series, starting at cycle position 0; NaN = missing.</param>
    /// <param name="period1">The shorter cycle (e.g. 48 half-hours per day), at least 2.</param>
    /// <param name="period2">The longer cycle (e.g. 336 per week), a multiple of <paramref name="period1"/>.</param>
    /// <param name="form">Multiplicative (Taylor) or additive.</param>
    /// <param name="parameters">The smoothing parameters.</param>
    /// <param name="initialStates">The initial level, trend and indices.</param>
    /// <param name="openHours">Closed intervals to skip (null = always open); its cycle must be <paramref name="period2"/>.</param>
    /// <returns>The sum of squared errors; +Infinity when a multiplicative path leaves the positive region.</returns>
    /// <exception cref="ArgumentException">The periods are not nested, or a length disagrees with a period.</exception>
    public static double SumOfSquaredErrors(
        ReadOnlySpan<double> values, int period1, int period2, DoubleSeasonalForm form,
        DoubleSeasonalParameters parameters, DoubleSeasonalStates initialStates, OpenHoursMask? openHours = null)
    {
        CheckPeriods(period1, period2);
        CheckStates(initialStates, period1, period2, nameof(initialStates));
        CheckMask(openHours, period2);
        double[]? rented = null;
        int total = period1 + period2;
        Span<double> workspace = total <= StackWorkspaceLimit
            ? stackalloc double[total]
            : (rented = ArrayPool<double>.Shared.Rent(total));
        var first = workspace[..period1];
        var second = workspace.Slice(period1, period2);
        CopyTo(initialStates.FirstSeasonIndices, first);
        CopyTo(initialStates.SecondSeasonIndices, second);
        double level = initialStates.Level;
        double trend = initialStates.Trend;
        double sse = Recurse(values, form == DoubleSeasonalForm.Multiplicative, openHours is null ? default : openHours.Flags,
            parameters, ref level, ref trend, first, second, default, out _, out _);
        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
        return sse;
    }

    /// <summary>
    /// Fits the double-seasonal model: estimates the initial states, then minimises the sum of squared
    /// one-step errors over the smoothing parameters, the AR(1) coefficient and the initial level and
    /// trend with a bounded Nelder-Mead search (a coarse search from R dshw's starting parameters,
    /// restarted until it stops improving, then a fine search from its result). Set
    /// <see cref="DoubleSeasonalOptions.FixedParameters"/> (and optionally <see cref="DoubleSeasonalOptions.InitialStates"/>)
    /// to run the recursion with no optimisation.
    /// </summary>
    /// <param name="values">The history, starting at cycle position 0 of both cycles; NaN = missing.</param>
    /// <param name="period1">The shorter cycle (e.g. 48), at least 2.</param>
    /// <param name="period2">The longer cycle (e.g. 336), a multiple of <paramref name="period1"/>.</param>
    /// <param name="options">Form, trend, open hours, fixed parameters or states, start-up and evaluation budget; null for <see cref="DoubleSeasonalOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked before the search starts and between the coarse and fine searches.</param>
    /// <returns>The fitted model, with its parameters, SSE, sigma^2 and convergence.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A period is out of range, or an option is (see <see cref="DoubleSeasonalOptions.Validate"/>).</exception>
    /// <exception cref="ArgumentException">
    /// The periods are not nested; the series is shorter than two longer cycles; a value is infinite; a
    /// multiplicative model meets a negative value at an open interval; the mask or the initial
    /// states do not match the periods, or the requested initialisation does not apply (ParamName
    /// <c>options</c>, the property in the message).
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static DoubleSeasonalModel Fit(
        ReadOnlySpan<double> values,
        int period1,
        int period2,
        DoubleSeasonalOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= DoubleSeasonalOptions.Default;
        CheckPeriods(period1, period2);
        options.Validate();
        var openHours = options.OpenHours;
        var initialStates = options.InitialStates;
        bool trend = options.Trend;
        CheckMask(openHours, period2, nameof(options), "options.OpenHours: ");
        if (values.Length < 2 * period2)
        {
            ThrowHelper.ThrowArgument(nameof(values), $"The series has {values.Length} values; the double-seasonal model needs at least two longer cycles ({2 * period2}).");
        }
        bool multiplicative = options.Form == DoubleSeasonalForm.Multiplicative;
        CheckValues(values, multiplicative, openHours);
        if (initialStates is not null)
        {
            CheckStates(initialStates, period1, period2, nameof(options), "options.InitialStates: ");
        }

        DoubleSeasonalStates states;
        if (initialStates is not null)
        {
            states = initialStates;
        }
        else if (options.Initialization == DoubleSeasonalInitialization.Averaged)
        {
            states = DoubleSeasonalInitialStates.Averaged(values, period1, period2, multiplicative, openHours, trend);
        }
        else
        {
            if (!DoubleSeasonalInitialStates.RatioToMovingAverageApplies(values, period2, multiplicative, openHours))
            {
                ThrowHelper.ThrowArgument(nameof(options), "options.Initialization: the ratio-to-moving-average start-up needs a multiplicative model, no closed intervals and no missing values in the first two longer cycles.");
            }
            states = DoubleSeasonalInitialStates.RatioToMovingAverage(values, period1, period2, trend);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var data = values.ToArray();
        var fitter = new DoubleSeasonalFitter(data, period1, period2, multiplicative, openHours, trend);
        DoubleSeasonalFitter.Result best;
        if (options.FixedParameters is { } given)
        {
            best = fitter.Evaluate(given, states);
        }
        else
        {
            bool refine = initialStates is null;
            var coarse = fitter.Optimize(states, refine, options.MaxEvaluations, CoarseTolerance);
            cancellationToken.ThrowIfCancellationRequested();
            var fine = fitter.Optimize(states, refine, options.MaxEvaluations, FineTolerance, warmStart: coarse);
            best = (fine.Sse <= coarse.Sse ? fine : coarse with { Converged = fine.Converged }) with { Evaluations = coarse.Evaluations + fine.Evaluations };
            // A search that never left the infinite region has not converged to anything.
            best = best with { Converged = best.Converged && double.IsFinite(best.Sse) };
        }
        return new DoubleSeasonalModel(data, period1, period2, options.Form, openHours, trend, best.Parameters, best.States, options.Initialization,
            best.Converged, best.Evaluations);
    }

    /// <summary>
    /// Fits the double-seasonal model to <paramref name="values"/> and forecasts
    /// <paramref name="horizon"/> steps with simulated prediction intervals: the one-call entry point.
    /// </summary>
    /// <param name="values">The history, starting at cycle position 0; NaN = missing.</param>
    /// <param name="period1">The shorter cycle (e.g. 48).</param>
    /// <param name="period2">The longer cycle (e.g. 336).</param>
    /// <param name="horizon">Steps to forecast, at least 1.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <param name="options">The fit's options (form, open hours, trend, ...); null for <see cref="DoubleSeasonalOptions.Default"/>.</param>
    /// <param name="paths">Simulated sample paths for the intervals and variances.</param>
    /// <param name="seed">Seed of the simulation (same seed, same intervals).</param>
    /// <param name="cancellationToken">Checked as in <see cref="Fit"/>.</param>
    /// <returns>The fitted model and its forecast.</returns>
    /// <exception cref="ArgumentException">See <see cref="Fit"/> and <see cref="DoubleSeasonalModel.Forecast"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static DoubleSeasonalForecast FitAndForecast(
        ReadOnlySpan<double> values,
        int period1,
        int period2,
        int horizon,
        IEnumerable<double>? levels = null,
        DoubleSeasonalOptions? options = null,
        int paths = 5000,
        int seed = 1,
        CancellationToken cancellationToken = default)
    {
        var model = Fit(values, period1, period2, options, cancellationToken);
        return new DoubleSeasonalForecast(model, model.Forecast(horizon, levels, paths, seed));
    }

    /// <summary>
    /// Fits one double-seasonal model per series, in parallel (e.g. one per queue or skill). A series
    /// that cannot be fitted gets its error message instead of a model; the others are unaffected.
    /// </summary>
    /// <param name="series">The series, each starting at cycle position 0.</param>
    /// <param name="period1">The shorter cycle (e.g. 48).</param>
    /// <param name="period2">The longer cycle (e.g. 336).</param>
    /// <param name="options">
    /// The options of every fit; null for <see cref="DoubleSeasonalOptions.Default"/>. A null
    /// <see cref="DoubleSeasonalOptions.OpenHours"/> detects each series' own closed intervals with <see cref="OpenHoursMask.Detect"/>.
    /// </param>
    /// <param name="cancellationToken">Stops the batch between series and each fit between its searches (<see cref="OperationCanceledException"/>).</param>
    /// <returns>One result per series, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="DoubleSeasonalOptions.Validate"/>).</exception>
    public static IReadOnlyList<DoubleSeasonalBatchResult> FitMany(
        IReadOnlyList<double[]> series,
        int period1,
        int period2,
        DoubleSeasonalOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= DoubleSeasonalOptions.Default;
        options.Validate();
        var results = new DoubleSeasonalBatchResult[series.Count];
        Parallel.For(0, series.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                var one = options.OpenHours is null ? options with { OpenHours = OpenHoursMask.Detect(series[i], period2) } : options;
                results[i] = new DoubleSeasonalBatchResult(i, Fit(series[i], period1, period2, one, cancellationToken), null);
            }
            catch (ArgumentException error)
            {
                results[i] = new DoubleSeasonalBatchResult(i, null, error.Message);
            }
        });
        return results;
    }

    /// <summary>
    /// The recursion. <paramref name="first"/> and <paramref name="second"/> hold the initial indices on
    /// entry and, as cyclic buffers, the indices for times n, n+1, ... (slot t mod period) on exit.
    /// Returns the SSE of the AR-adjusted errors, or +Infinity when a multiplicative path leaves the positive region.
    /// </summary>
    internal static double Recurse(
        ReadOnlySpan<double> y, bool multiplicative, ReadOnlySpan<bool> open, DoubleSeasonalParameters parameters,
        ref double level, ref double trend, Span<double> first, Span<double> second, Span<double> fitted,
        out double lastRawError, out int count)
    {
        double alpha = parameters.Alpha, beta = parameters.Beta, gamma = parameters.Gamma, omega = parameters.Omega, phi = parameters.Phi;
        int period1 = first.Length, period2 = second.Length;
        bool masked = !open.IsEmpty;
        bool writeFitted = !fitted.IsEmpty;
        double sse = 0, previousError = 0;
        count = 0;
        int i1 = 0, i2 = 0;
        for (int t = 0; t < y.Length; t++)
        {
            if (masked && !open[i2])
            {
                if (writeFitted)
                {
                    fitted[t] = 0;
                }
            }
            else
            {
                double d = first[i1], w = second[i2];
                double baseLevel = level + trend;
                double yt = y[t];
                bool missing = double.IsNaN(yt);
                double raw, newLevel;
                if (multiplicative)
                {
                    double season = d * w;
                    raw = baseLevel * season;
                    if (missing)
                    {
                        yt = raw;
                    }
                    double deseasonalised = yt / season;
                    newLevel = alpha * deseasonalised + (1 - alpha) * baseLevel;
                    if (!(newLevel > 0 && newLevel < double.PositiveInfinity))
                    {
                        lastRawError = double.NaN;
                        return double.PositiveInfinity;
                    }
                    // y / (l' w) = d r and y / (l' d) = w r with r = y / (l' d w): one division instead of two.
                    double ratio = deseasonalised / newLevel;
                    first[i1] = d * (gamma * ratio + (1 - gamma));
                    second[i2] = w * (omega * ratio + (1 - omega));
                }
                else
                {
                    raw = baseLevel + d + w;
                    if (missing)
                    {
                        yt = raw;
                    }
                    newLevel = alpha * (yt - d - w) + (1 - alpha) * baseLevel;
                    first[i1] = gamma * (yt - newLevel - w) + (1 - gamma) * d;
                    second[i2] = omega * (yt - newLevel - d) + (1 - omega) * w;
                }
                trend = beta * (newLevel - level) + (1 - beta) * trend;
                level = newLevel;
                double adjusted = raw + phi * previousError;
                if (writeFitted)
                {
                    fitted[t] = adjusted;
                }
                if (!missing)
                {
                    double error = yt - adjusted;
                    sse += error * error;
                    count++;
                }
                previousError = yt - raw;
            }
            if (++i1 == period1)
            {
                i1 = 0;
            }
            if (++i2 == period2)
            {
                i2 = 0;
            }
        }
        lastRawError = previousError;
        return double.IsFinite(sse) ? sse : double.PositiveInfinity;
    }

    internal static void CopyTo(IReadOnlyList<double> source, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    internal static void CheckPeriods(int period1, int period2)
    {
        Preconditions.CheckRange(period1, 2, 1_000_000);
        Preconditions.CheckRange(period2, 2, 10_000_000);
        if (period2 <= period1 || period2 % period1 != 0)
        {
            ThrowHelper.ThrowArgument(nameof(period2), $"period2 ({period2}) must be a multiple of period1 ({period1}) greater than it (nested cycles).");
        }
    }

    internal static void CheckMask(OpenHoursMask? openHours, int period2, string paramName = "openHours", string prefix = "")
    {
        if (openHours is not null && openHours.CycleLength != period2)
        {
            ThrowHelper.ThrowArgument(paramName, $"{prefix}The mask's cycle has {openHours.CycleLength} intervals; period2 is {period2}.");
        }
    }

    private static void CheckStates(DoubleSeasonalStates states, int period1, int period2, string paramName, string prefix = "")
    {
        if (states.FirstSeasonIndices.Count != period1 || states.SecondSeasonIndices.Count != period2)
        {
            ThrowHelper.ThrowArgument(paramName, $"{prefix}The initial indices have lengths {states.FirstSeasonIndices.Count} and {states.SecondSeasonIndices.Count}; the periods are {period1} and {period2}.");
        }
    }

    private static void CheckValues(ReadOnlySpan<double> values, bool multiplicative, OpenHoursMask? openHours)
    {
        for (int t = 0; t < values.Length; t++)
        {
            double y = values[t];
            if (double.IsInfinity(y))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), t, y, "must be finite or NaN (missing)");
            }
            // A zero at an open interval is a legal observation (it shrinks the level and indices by
            // factors 1 - alpha, 1 - gamma, 1 - omega); negatives have no multiplicative meaning.
            if (multiplicative && y < 0 && (openHours is null || openHours.IsOpen(t)))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), t, y,
                    "must be >= 0 at open intervals for a multiplicative model (use the additive form for series that go negative)");
            }
        }
        SeriesScale.Check(values);
    }
}

/// <summary>A fitted double-seasonal model with its forecast (what <see cref="DoubleSeasonalHoltWinters.FitAndForecast"/> returns).</summary>
/// <param name="Model">The fitted model: parameters, SSE, sigma^2, convergence.</param>
/// <param name="Forecast">The forecast mean, per-step variances and simulated intervals.</param>
public sealed record DoubleSeasonalForecast(DoubleSeasonalModel Model, Forecast Forecast)
{
    /// <summary>The model line followed by the forecast table.</summary>
    public override string ToString() => Model + "\n" + Forecast;
}

/// <summary>One series' outcome in <see cref="DoubleSeasonalHoltWinters.FitMany"/>.</summary>
/// <param name="Index">The series' position in the input.</param>
/// <param name="Model">The fitted model, or null when the series could not be fitted.</param>
/// <param name="Error">Why the series could not be fitted (the validation message), or null.</param>
public sealed record DoubleSeasonalBatchResult(int Index, DoubleSeasonalModel? Model, string? Error)
{
    /// <summary>A readable line: the index and the model or the error.</summary>
    public override string ToString() => $"#{Index}: {(Model is null ? "error: " + Error : Model.ToString())}";
}
