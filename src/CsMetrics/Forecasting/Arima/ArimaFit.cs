using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// A fitted seasonal ARIMA model: the orders, coefficients, innovation variance, log-likelihood and
/// criteria on R's scale, fitted values and residuals; it forecasts with exact Gaussian intervals.
/// Immutable and thread-safe.
/// </summary>
public sealed class ArimaFit : IForecastModel
{
    private readonly double[] _series;
    private readonly double[] _delta;
    private readonly double[] _phi;
    private readonly double[] _theta;
    private readonly double[] _state;
    private readonly double[] _covariance;
    private readonly int _stateLength;

    private ArimaFit(ArimaOrder order, double[] series, double[] delta, double[] phi, double[] theta, double[] state, double[] covariance)
    {
        Order = order;
        _series = series;
        _delta = delta;
        _phi = phi;
        _theta = theta;
        _state = state;
        _covariance = covariance;
        _stateLength = state.Length;
    }

    internal static ArimaFit Create(Arima.Differenced data, ArimaOrder order, ArimaLikelihood likelihood, double[] point,
        double[][] regressors, bool mean, bool drift, int evaluations, bool converged)
    {
        likelihood.SetCoefficients(point);
        var w = data.Values;
        var first = likelihood.Filter(w, regressors, default);
        var beta = likelihood.Coefficients.AsSpan(0, regressors.Length).ToArray();
        if (!first.Valid)
        {
            beta.AsSpan().Clear();
        }
        var z = (double[])w.Clone();
        for (int c = 0; c < regressors.Length; c++)
        {
            for (int t = 0; t < z.Length; t++)
            {
                z[t] -= beta[c] * regressors[c][t];
            }
        }
        var standardized = new double[z.Length];
        var summary = likelihood.Filter(z, [], standardized);
        int r = likelihood.StateLength;
        int n = w.Length, nd = data.Polynomial.Length, total = data.Series.Length;
        var fit = new ArimaFit(order, data.Series, data.Polynomial, likelihood.ExpandedAr.ToArray(), likelihood.ExpandedMa.ToArray(),
            likelihood.FinalState.ToArray(), likelihood.FinalCovariance[..(r * r)].ToArray())
        {
            Ar = ReadOnlyValueList<double>.Own(likelihood.Ar),
            Ma = ReadOnlyValueList<double>.Own(likelihood.Ma),
            SeasonalAr = ReadOnlyValueList<double>.Own(likelihood.SeasonalAr),
            SeasonalMa = ReadOnlyValueList<double>.Own(likelihood.SeasonalMa),
            Mean = mean ? beta[0] : double.NaN,
            Drift = drift ? beta[^1] : double.NaN,
            Evaluations = evaluations,
            Converged = converged,
        };
        double sigma2 = summary.SumSquares / n;
        int k = order.ArmaParameterCount + regressors.Length + 1;
        fit.Sigma2 = n - k + 1 > 0 ? summary.SumSquares / (n - k + 1) : double.NaN;
        fit.LogLikelihood = -0.5 * (n * Math.Log(2 * Math.PI * sigma2) + summary.SumLogF + n);
        fit.EstimatedParameters = k;
        fit.Aic = -2 * fit.LogLikelihood + 2 * k;
        fit.Aicc = n - k - 1 > 0 ? fit.Aic + 2.0 * k * (k + 1) / (n - k - 1) : double.PositiveInfinity;
        fit.Bic = fit.Aic + k * (Math.Log(n) - 2);
        var fitted = new double[total];
        var residuals = new double[total];
        for (int t = 0; t < total; t++)
        {
            if (t < nd)
            {
                fitted[t] = double.NaN;
                residuals[t] = double.NaN;
            }
            else
            {
                residuals[t] = standardized[t - nd];
                fitted[t] = data.Series[t] - residuals[t];
            }
        }
        fit.Fitted = ReadOnlyValueList<double>.Own(fitted);
        fit.Residuals = ReadOnlyValueList<double>.Own(residuals);
        fit.ObservationsUsed = n;
        return fit;
    }

    /// <summary>The orders.</summary>
    public ArimaOrder Order { get; }

    /// <summary>The non-seasonal AR coefficients <c>phi_1..phi_p</c> of <c>1 - phi_1 B - ... - phi_p B^p</c> (R's <c>ar1..</c>).</summary>
    public IReadOnlyList<double> Ar { get; private init; } = [];

    /// <summary>The non-seasonal MA coefficients <c>theta_1..theta_q</c> of <c>1 + theta_1 B + ... + theta_q B^q</c> (R's <c>ma1..</c>).</summary>
    public IReadOnlyList<double> Ma { get; private init; } = [];

    /// <summary>The seasonal AR coefficients <c>Phi_1..Phi_P</c> of <c>1 - Phi_1 B^m - ...</c> (R's <c>sar1..</c>).</summary>
    public IReadOnlyList<double> SeasonalAr { get; private init; } = [];

    /// <summary>The seasonal MA coefficients <c>Theta_1..Theta_Q</c> of <c>1 + Theta_1 B^m + ...</c> (R's <c>sma1..</c>).</summary>
    public IReadOnlyList<double> SeasonalMa { get; private init; } = [];

    /// <summary>The mean of the series (R's <c>intercept</c>; only for <c>d + D = 0</c>); NaN when the model has none.</summary>
    public double Mean { get; private init; }

    /// <summary>The drift: the slope on the time index 1..n per step (R's <c>drift</c>); NaN when the model has none.</summary>
    public double Drift { get; private init; }

    /// <summary>True when the model has a drift term.</summary>
    public bool HasDrift => !double.IsNaN(Drift);

    /// <summary>True when the model has a non-zero mean.</summary>
    public bool HasMean => !double.IsNaN(Mean);

    /// <summary>
    /// The innovation variance <c>S / (n - k + 1)</c>, S the sum of squared standardised innovations, n =
    /// <see cref="ObservationsUsed"/>, k - 1 the estimated coefficients (<c>forecast::Arima</c>'s <c>sigma2</c>, used for the
    /// intervals); the likelihood uses the maximum-likelihood estimate <c>S / n</c>.
    /// </summary>
    public double Sigma2 { get; private set; }

    /// <summary>
    /// The exact Gaussian log-likelihood of the differenced series, <c>-0.5 (n log(2 pi sigma2) + sum log F_t + n)</c>
    /// with n = <see cref="ObservationsUsed"/> (R's <c>arima</c> <c>loglik</c>).
    /// </summary>
    public double LogLikelihood { get; private set; }

    /// <summary>The number of estimated parameters k: the ARMA coefficients, the mean and drift, and sigma2 (R's <c>npar</c>).</summary>
    public int EstimatedParameters { get; private set; }

    /// <summary>The number of values after differencing, <c>n - d - mD</c> (R's <c>nobs</c>).</summary>
    public int ObservationsUsed { get; private set; }

    /// <summary>Akaike's criterion <c>-2 log L + 2k</c>.</summary>
    public double Aic { get; private set; }

    /// <summary>AIC corrected for small samples, <c>AIC + 2k(k+1)/(n-k-1)</c> with n = <see cref="ObservationsUsed"/> (+infinity when n &lt;= k + 1), as <c>auto.arima</c>.</summary>
    public double Aicc { get; private set; }

    /// <summary>The Bayesian criterion <c>AIC + k(log n - 2)</c>, n = <see cref="ObservationsUsed"/>.</summary>
    public double Bic { get; private set; }

    /// <summary>The one-step predictions <c>y_t - residual_t</c>; NaN for the first <c>d + mD</c> values (nothing to predict them from).</summary>
    public IReadOnlyList<double> Fitted { get; private set; } = [];

    /// <summary>The standardised innovations <c>v_t / sqrt(F_t)</c> of the Kalman filter (R's <c>residuals</c>, in the series' units); NaN for the first <c>d + mD</c> values.</summary>
    public IReadOnlyList<double> Residuals { get; private set; } = [];

    /// <summary>The number of likelihood evaluations the fit used.</summary>
    public int Evaluations { get; private init; }

    /// <summary>False when the likelihood search stopped at its evaluation cap.</summary>
    public bool Converged { get; private init; }

    /// <inheritdoc/>
    public string Family => "ARIMA";

    /// <summary>R's name: the order, then <c>" with drift"</c>, <c>" with non-zero mean"</c> or <c>" with zero mean"</c> (the last for <c>d + D = 0</c> without a mean).</summary>
    public string Name => Order + (HasDrift ? " with drift" : HasMean ? " with non-zero mean"
        : Order.D + (Order.IsSeasonal ? Order.SeasonalD : 0) == 0 ? " with zero mean" : "");

    /// <inheritdoc/>
    public int SeasonLength => Math.Max(1, Order.SeasonLength);

    /// <summary>The name, the coefficients, sigma2, log-likelihood and AICc on one line.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string prefix, IReadOnlyList<double> values)
        {
            for (int i = 0; i < values.Count; i++)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}{i + 1}={values[i]:G6}"));
            }
        }
        Add("ar", Ar);
        Add("ma", Ma);
        Add("sar", SeasonalAr);
        Add("sma", SeasonalMa);
        if (HasMean)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"mean={Mean:G6}"));
        }
        if (HasDrift)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"drift={Drift:G6}"));
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {string.Join(", ", parts)}{(parts.Count > 0 ? "; " : "")}sigma2={Sigma2:G6}, loglik={LogLikelihood:F2}, AICc={Aicc:F2}");
    }

    /// <summary>Forecasts with 80% and 95% intervals.</summary>
    public Forecast Forecast(int horizon) => Forecast(horizon, Forecasting.Forecast.DefaultLevels);

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps ahead with exact Gaussian prediction intervals.
    /// </summary>
    /// <param name="horizon">Steps ahead, 1 to <see cref="Forecasting.Forecast.MaxHorizon"/>.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); empty means 0.8 and 0.95.</param>
    /// <param name="cancellationToken">Checked every 4,096 steps.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is out of range or a level is not a fraction in (0, 1).</exception>
    /// <remarks>
    /// The mean is the conditional expectation given the whole series: the filtered ARMA state is
    /// propagated by <c>a &lt;- T a</c>, the regression mean added, and the differencing inverted,
    /// <c>y_(n+h) = w_(n+h) - sum_k delta_k y_(n+h-k)</c>. The variance comes from the state-space model augmented
    /// with the last <c>d + mD</c> values (known exactly): <c>P &lt;- T P T' + R R'</c> from the filter's final
    /// covariance, <c>v_h = sigma2 Z P Z'</c>, which is <c>sigma2 sum_(j&lt;h) psi_j^2</c> with the psi weights of the
    /// integrated model once the filter has reached its steady state (as R's <c>predict.Arima</c>). Intervals are
    /// <c>mean -/+ z sqrt(v_h)</c>, z the standard normal (1 + level)/2 quantile. Coefficient uncertainty is not included (nor in R).
    /// </remarks>
    public Forecast Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken = default)
    {
        Forecasting.Forecast.CheckHorizon(horizon);
        double[] chosen = Forecasting.Forecast.ValidateLevels(levels);
        cancellationToken.ThrowIfCancellationRequested();
        var mean = new double[horizon];
        var variance = new double[horizon];
        ForecastCore(mean, variance, cancellationToken);
        return IntervalLevels.NormalForecast(mean, variance, chosen, "exact");
    }

    private void ForecastCore(Span<double> mean, Span<double> variance, CancellationToken cancellationToken)
    {
        int horizon = mean.Length, r = _stateLength, nd = _delta.Length, s = r + nd, n = _series.Length;
        // The forecast path of y after the last nd observed values.
        var path = new double[nd + horizon];
        _series.AsSpan(n - nd, nd).CopyTo(path);
        var a = (double[])_state.Clone();
        var next = new double[r];
        var cov = new double[s * s];
        for (int i = 0; i < r; i++)
        {
            _covariance.AsSpan(i * r, r).CopyTo(cov.AsSpan(i * s, r));
        }
        var product = new double[s * s];
        var column = new double[s];
        var image = new double[s];
        var rv = new double[r];
        for (int i = 0; i < r; i++)
        {
            rv[i] = i == 0 ? 1 : i <= _theta.Length ? _theta[i - 1] : 0;
        }
        for (int h = 0; h < horizon; h++)
        {
            if ((h & 4095) == 4095)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            int t = n + h; // 0-based index of the forecast value
            double w = RegressionMean(t) + a[0];
            double value = w;
            for (int k = 1; k <= nd; k++)
            {
                value -= _delta[k - 1] * path[nd + h - k];
            }
            path[nd + h] = value;
            mean[h] = value;
            // v = Z P Z', Z = (1, 0, ..., 0, -delta_1, ..., -delta_nd).
            double v = 0;
            for (int i = 0; i <= nd; i++)
            {
                int ii = i == 0 ? 0 : r + i - 1;
                double zi = i == 0 ? 1 : -_delta[i - 1];
                for (int j = 0; j <= nd; j++)
                {
                    int jj = j == 0 ? 0 : r + j - 1;
                    double zj = j == 0 ? 1 : -_delta[j - 1];
                    v += zi * zj * cov[ii * s + jj];
                }
            }
            variance[h] = Sigma2 * Math.Max(v, 0);
            if (h == horizon - 1)
            {
                break;
            }
            // a <- T a.
            for (int i = 0; i < r; i++)
            {
                next[i] = Phi(i + 1) * a[0] + (i + 1 < r ? a[i + 1] : 0);
            }
            (a, next) = (next, a);
            // P <- T_s P T_s' + V: T_s applied to the columns of P, then to the rows of the product.
            for (int j = 0; j < s; j++)
            {
                for (int i = 0; i < s; i++)
                {
                    column[i] = cov[i * s + j];
                }
                ApplyTransition(column, image, r);
                for (int i = 0; i < s; i++)
                {
                    product[i * s + j] = image[i];
                }
            }
            for (int i = 0; i < s; i++)
            {
                ApplyTransition(product.AsSpan(i * s, s), cov.AsSpan(i * s, s), r);
            }
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < r; j++)
                {
                    cov[i * s + j] += rv[i] * rv[j];
                }
            }
        }
    }

    /// <summary>The augmented transition: ARMA state by T; the newest lag becomes <c>z_t - sum_k delta_k y_(t-k)</c>; older lags shift.</summary>
    private void ApplyTransition(ReadOnlySpan<double> x, Span<double> destination, int r)
    {
        int nd = _delta.Length;
        double first = x[0];
        for (int i = 0; i < r; i++)
        {
            destination[i] = Phi(i + 1) * first + (i + 1 < r ? x[i + 1] : 0);
        }
        if (nd == 0)
        {
            return;
        }
        double newest = first;
        for (int k = 1; k <= nd; k++)
        {
            newest -= _delta[k - 1] * x[r + k - 1];
        }
        for (int j = nd - 1; j >= 1; j--)
        {
            destination[r + j] = x[r + j - 1];
        }
        destination[r] = newest;
    }

    private double Phi(int oneBased) => oneBased <= _phi.Length ? _phi[oneBased - 1] : 0;

    /// <summary>The differenced regression mean at 0-based time t: mean and drift terms through the differencing polynomial.</summary>
    private double RegressionMean(int t)
    {
        double value = 0;
        if (HasMean)
        {
            value += Mean; // only with d + D = 0, where the constant is not differenced
        }
        if (HasDrift)
        {
            double time = t + 1;
            for (int k = 1; k <= _delta.Length; k++)
            {
                time += _delta[k - 1] * (t + 1 - k);
            }
            value += Drift * time;
        }
        return value;
    }

    /// <inheritdoc/>
    Forecast IForecastModel.Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken) =>
        Forecast(horizon, levels, cancellationToken);
}
