using System.Runtime.CompilerServices;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// What one pass of the ETS recursions over a series gives: the sums the likelihood is made of and
/// R's <c>-2 log L</c> with constants dropped.
/// </summary>
/// <param name="SumSquaredErrors">The sum of squared one-step errors <c>e_t</c> over observed values (relative errors for multiplicative-error models).</param>
/// <param name="SumLogAbsForecast">The sum of <c>log|yhat_t|</c> over observed values (enters the likelihood of multiplicative-error models).</param>
/// <param name="Observed">The number of observed (non-NaN) values.</param>
/// <param name="MinusTwoLogLikelihood"><c>n log(SSE) + 2 sum log|yhat|</c> (the second term for multiplicative errors only); +infinity when the path is not finite or a multiplicative model's one-step forecast is not positive.</param>
public readonly record struct EtsFilterSummary(double SumSquaredErrors, double SumLogAbsForecast, int Observed, double MinusTwoLogLikelihood)
{
    /// <summary>The log-likelihood on R's <c>ets</c> scale: <c>-MinusTwoLogLikelihood / 2</c>.</summary>
    public double LogLikelihood => -0.5 * MinusTwoLogLikelihood;

    /// <summary>True when the whole path was finite (and positive where the model needs it).</summary>
    public bool IsFinite => double.IsFinite(MinusTwoLogLikelihood);

    internal static EtsFilterSummary Infeasible(int observed) => new(double.PositiveInfinity, double.PositiveInfinity, observed, double.PositiveInfinity);
}

/// <summary>
/// The ETS family of Hyndman, Koehler, Ord and Snyder (2008), <i>Forecasting with Exponential
/// Smoothing: the State Space Approach</i>: the recursions, maximum-likelihood fitting, automatic
/// model selection and forecasts with prediction intervals.
/// </summary>
public static partial class Ets
{
    /// <summary>
    /// Runs the ETS recursions over <paramref name="values"/> from <paramref name="initialState"/> with
    /// fixed parameters: the span kernel of every fit (allocation-free, it runs thousands of times per fit).
    /// </summary>
    /// <param name="specification">The model form.</param>
    /// <param name="parameters">The smoothing parameters; beta, gamma, phi are read only when the model has them.</param>
    /// <param name="initialState">The state at time 0, <c>(l_0, b_0, s_0, s_-1, ..., s_{1-m})</c>: the seasonal indices in reverse time order, as R's <c>initstate</c> (length <see cref="EtsSpecification.StateLength"/>).</param>
    /// <param name="values">The series; NaN marks a missing value (skipped in the likelihood; the state follows the one-step forecast).</param>
    /// <param name="fitted">Receives the one-step forecasts <c>yhat_t</c>, or empty to skip.</param>
    /// <param name="residuals">Receives the errors <c>e_t</c> (relative for multiplicative errors; NaN where the value is missing), or empty to skip.</param>
    /// <param name="finalState">Receives the state at time n in the layout of <paramref name="initialState"/>.</param>
    /// <returns>The sums and <c>-2 log L</c>; an infinite <c>-2 log L</c> when the path breaks down.</returns>
    /// <exception cref="ArgumentException">A span length does not match the model or the series.</exception>
    /// <remarks>
    /// Error-correction form (R's <c>ets</c>, Hyndman et al. 2008 table 2.3): with <c>q = l + phi b</c>,
    /// <c>yhat = q + s_{t-m}</c> (additive season) or <c>q s_{t-m}</c> (multiplicative), and
    /// <c>p = y - s_{t-m}</c> or <c>y / s_{t-m}</c>: <c>l_t = q + alpha (p - q)</c>,
    /// <c>b_t = phi b + beta (p - q)</c>, <c>s_t = s_{t-m} + gamma (y - q - s_{t-m})</c> or
    /// <c>s_{t-m} + gamma (y / q - s_{t-m})</c>. The state path does not depend on the error type; the
    /// error does: <c>e = y - yhat</c> or <c>(y - yhat) / yhat</c>.
    /// </remarks>
    public static EtsFilterSummary Filter(EtsSpecification specification, EtsParameters parameters,
        ReadOnlySpan<double> initialState, ReadOnlySpan<double> values,
        Span<double> fitted, Span<double> residuals, Span<double> finalState)
    {
        int stateLength = specification.StateLength;
        if (initialState.Length != stateLength)
        {
            ThrowHelper.ThrowArgument(nameof(initialState), $"initialState has length {initialState.Length}; {specification} with season length {specification.SeasonLength} needs {stateLength}.");
        }
        if (finalState.Length < stateLength)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(finalState), stateLength, finalState.Length);
        }
        if (fitted.Length != 0 && fitted.Length < values.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(fitted), values.Length, fitted.Length);
        }
        if (residuals.Length != 0 && residuals.Length < values.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(residuals), values.Length, residuals.Length);
        }
        return Run(specification, parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi,
            initialState, values, fitted, residuals, finalState, checkPositive: specification.NeedsPositiveData);
    }

    /// <summary>The unchecked kernel behind <see cref="Filter"/>; <paramref name="checkPositive"/> off lets the least-squares start run unit paths.</summary>
    internal static EtsFilterSummary Run(EtsSpecification specification, double alpha, double beta, double gamma, double phi,
        ReadOnlySpan<double> initialState, ReadOnlySpan<double> values,
        Span<double> fitted, Span<double> residuals, Span<double> state, bool checkPositive)
    {
        bool hasTrend = specification.HasTrend;
        bool hasSeason = specification.HasSeason;
        bool multiplicativeSeason = specification.Season == EtsSeason.Multiplicative;
        bool multiplicativeError = specification.Error == EtsError.Multiplicative;
        int m = specification.SeasonLength;
        if (!hasTrend)
        {
            beta = 0;
        }
        if (!specification.IsDamped)
        {
            phi = 1;
        }
        if (!hasSeason)
        {
            gamma = 0;
        }
        bool writeFitted = fitted.Length != 0;
        bool writeResiduals = residuals.Length != 0;

        double level = initialState[0];
        double trend = hasTrend ? initialState[1] : 0;
        int seasonOffset = hasTrend ? 2 : 1;
        // The seasonal indices live in a ring: ring[k] is the index used at times t = k+1, k+1+m, ...
        Span<double> ring = hasSeason ? state.Slice(seasonOffset, m) : default;
        for (int k = 0; k < ring.Length; k++)
        {
            ring[k] = initialState[seasonOffset + m - 1 - k];
        }

        double sse = 0;
        double sumLog = 0;
        int observed = 0;
        int position = 0;
        for (int t = 0; t < values.Length; t++)
        {
            double q = level + phi * trend;
            double seasonal = hasSeason ? ring[position] : 0;
            double forecast = !hasSeason ? q : multiplicativeSeason ? q * seasonal : q + seasonal;
            if (!double.IsFinite(forecast) || (checkPositive && forecast <= 0))
            {
                return EtsFilterSummary.Infeasible(observed);
            }
            double y = values[t];
            double error;
            if (double.IsNaN(y))
            {
                y = forecast;
                error = double.NaN;
            }
            else
            {
                error = multiplicativeError ? (y - forecast) / forecast : y - forecast;
                sse += error * error;
                if (multiplicativeError)
                {
                    sumLog += Math.Log(Math.Abs(forecast));
                }
                observed++;
            }
            if (writeFitted)
            {
                fitted[t] = forecast;
            }
            if (writeResiduals)
            {
                residuals[t] = error;
            }

            Update(y, q, seasonal, alpha, beta, gamma, phi, hasSeason, multiplicativeSeason, ref level, ref trend, ring, ref position);
        }

        state[0] = level;
        if (hasTrend)
        {
            state[1] = trend;
        }
        if (hasSeason)
        {
            // Back to R's layout (most recent first): reverse the ring, then rotate left by (m - position) mod m.
            ring.Reverse();
            int shift = (m - position) % m;
            ring[..shift].Reverse();
            ring[shift..].Reverse();
            ring.Reverse();
        }

        if (observed == 0)
        {
            return new EtsFilterSummary(0, 0, 0, double.PositiveInfinity);
        }
        double minusTwoLogLik = observed * Math.Log(sse) + (multiplicativeError ? 2 * sumLog : 0);
        if (!double.IsFinite(minusTwoLogLik) && !(sse == 0))
        {
            return EtsFilterSummary.Infeasible(observed);
        }
        return new EtsFilterSummary(sse, sumLog, observed, minusTwoLogLik);
    }

    /// <summary>One step of the state update after observing <paramref name="y"/> (the one place the update equations live).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Update(double y, double q, double seasonal, double alpha, double beta, double gamma, double phi,
        bool hasSeason, bool multiplicativeSeason, ref double level, ref double trend, Span<double> ring, ref int position)
    {
        double deseasonalised = !hasSeason ? y : multiplicativeSeason ? y / seasonal : y - seasonal;
        double correction = deseasonalised - q;
        level = q + alpha * correction;
        trend = phi * trend + beta * correction;
        if (hasSeason)
        {
            double target = multiplicativeSeason ? y / q : y - q;
            ring[position] = seasonal + gamma * (target - seasonal);
            position = position + 1 == ring.Length ? 0 : position + 1;
        }
    }
}
