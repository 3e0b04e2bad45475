using System.Globalization;
using CsMetrics.Internal;
using MathNet.Numerics.Distributions;

namespace CsMetrics.Forecasting;

/// <summary>Options for simulated prediction intervals. Immutable and thread-safe.</summary>
public sealed record EtsSimulationOptions
{
    /// <summary>The defaults: 5,000 paths, seed 1, simulation only where no exact formula exists.</summary>
    public static EtsSimulationOptions Default { get; } = new();

    /// <summary>The number of simulated sample paths (at least 100).</summary>
    public int Paths { get; init; } = 5_000;

    /// <summary>The seed of the random number generator (the library's seed type, as <c>PlanOptions.Seed</c>): the same seed gives the same intervals on every platform.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Simulate even when exact variance formulas exist (classes 1 and 2), e.g. to compare the two.</summary>
    public bool AlwaysSimulate { get; init; }
}

/// <summary>
/// A fitted ETS model: the form, parameters, initial and final states, fitted values, residuals and
/// the information criteria on R's <c>ets</c> scale; it forecasts with prediction intervals.
/// Immutable and thread-safe.
/// </summary>
public sealed class EtsFit : IForecastModel
{
    private readonly double[] _initialState;
    private readonly double[] _finalState;
    private readonly double[] _fitted;
    private readonly double[] _residuals;

    private EtsFit(EtsSpecification specification, EtsParameters parameters, double[] initialState, double[] finalState,
        double[] fitted, double[] residuals, EtsFilterSummary summary, int estimatedParameters, bool converged, int evaluations)
    {
        Specification = specification;
        Parameters = parameters;
        _initialState = initialState;
        _finalState = finalState;
        _fitted = fitted;
        _residuals = residuals;
        // Read-only views that cannot be cast back to the arrays, which nothing writes after construction.
        InitialState = ReadOnlyValueList<double>.Own(initialState);
        FinalState = ReadOnlyValueList<double>.Own(finalState);
        Fitted = ReadOnlyValueList<double>.Own(fitted);
        Residuals = ReadOnlyValueList<double>.Own(residuals);
        Observed = summary.Observed;
        EstimatedParameters = estimatedParameters;
        Converged = converged;
        Evaluations = evaluations;
        LogLikelihood = summary.LogLikelihood;
        int k = estimatedParameters + 1;
        int n = summary.Observed;
        Aic = summary.MinusTwoLogLikelihood + 2 * k;
        Aicc = n - k - 1 > 0 ? Aic + 2.0 * k * (k + 1) / (n - k - 1) : double.PositiveInfinity;
        Bic = Aic + k * (Math.Log(n) - 2);
        Sigma2 = n - estimatedParameters > 0 ? summary.SumSquaredErrors / (n - estimatedParameters) : double.NaN;
    }

    internal static EtsFit Create(EtsSpecification specification, EtsParameters parameters, double[] initialState,
        double[] values, int estimatedParameters, bool converged, int evaluations)
    {
        var fitted = new double[values.Length];
        var residuals = new double[values.Length];
        var finalState = new double[specification.StateLength];
        var summary = Ets.Run(specification, parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi,
            initialState, values, fitted, residuals, finalState, checkPositive: specification.NeedsPositiveData);
        return new EtsFit(specification, parameters, initialState, finalState, fitted, residuals, summary, estimatedParameters, converged, evaluations);
    }

    /// <summary>The model form.</summary>
    public EtsSpecification Specification { get; }

    /// <summary>The smoothing parameters (absent ones NaN).</summary>
    public EtsParameters Parameters { get; }

    /// <summary>The initial state <c>(l_0, b_0, s_0, ..., s_{1-m})</c>, as R's <c>initstate</c>.</summary>
    public IReadOnlyList<double> InitialState { get; }

    /// <summary>The state after the last observation, in the same layout.</summary>
    public IReadOnlyList<double> FinalState { get; }

    /// <summary>The one-step forecasts <c>yhat_t</c>.</summary>
    public IReadOnlyList<double> Fitted { get; }

    /// <summary>The one-step errors <c>e_t</c> (relative for multiplicative errors; NaN where the value was missing).</summary>
    public IReadOnlyList<double> Residuals { get; }

    /// <summary>The number of observed (non-missing) values.</summary>
    public int Observed { get; }

    /// <summary>The number of estimated parameters (smoothing parameters and free initial states); the criteria add one for sigma.</summary>
    public int EstimatedParameters { get; }

    /// <summary>The log-likelihood on R's scale: <c>-0.5 (n log(sum e^2) + 2 sum log|yhat|)</c> (second term for multiplicative errors).</summary>
    public double LogLikelihood { get; }

    /// <summary>Akaike's criterion: <c>-2 log L + 2k</c>, k = <see cref="EstimatedParameters"/> + 1.</summary>
    public double Aic { get; }

    /// <summary>AIC corrected for small samples: <c>AIC + 2k(k+1)/(n-k-1)</c> (+infinity when n &lt;= k + 1).</summary>
    public double Aicc { get; }

    /// <summary>The Bayesian criterion: <c>AIC + k(log n - 2)</c>.</summary>
    public double Bic { get; }

    /// <summary>The innovation variance: <c>sum e^2 / (n - estimated parameters)</c> (R's <c>sigma2</c>).</summary>
    public double Sigma2 { get; }

    /// <summary>False when the optimiser stopped at its evaluation cap rather than at convergence.</summary>
    public bool Converged { get; }

    /// <summary>The number of likelihood evaluations the fit used (each Levenberg-Marquardt iteration, a likelihood with its derivatives, counts as one).</summary>
    public int Evaluations { get; }

    /// <summary>
    /// Writes the point forecasts (the recursions run forward with zero errors) for steps
    /// 1..<c>destination.Length</c>. Allocation-free for season lengths up to 1,000.
    /// </summary>
    public void PointForecast(Span<double> destination)
    {
        var spec = Specification;
        Span<double> ring = spec.SeasonLength <= 1000 ? stackalloc double[spec.SeasonLength] : new double[spec.SeasonLength];
        LoadState(out double level, out double trend, ring);
        int position = 0;
        var p = Parameters;
        double beta = spec.HasTrend ? p.Beta : 0, gamma = spec.HasSeason ? p.Gamma : 0, phi = spec.IsDamped ? p.Phi : 1;
        bool multiplicativeSeason = spec.Season == EtsSeason.Multiplicative;
        for (int h = 0; h < destination.Length; h++)
        {
            double q = level + phi * trend;
            double seasonal = spec.HasSeason ? ring[position] : 0;
            double forecast = !spec.HasSeason ? q : multiplicativeSeason ? q * seasonal : q + seasonal;
            destination[h] = forecast;
            Ets.Update(forecast, q, seasonal, p.Alpha, beta, gamma, phi, spec.HasSeason, multiplicativeSeason, ref level, ref trend, ring, ref position);
        }
    }

    /// <summary>Forecasts with 80% and 95% intervals, or at the given <paramref name="levels"/> (fractions: 0.95 for 95%).</summary>
    /// <param name="horizon">Steps ahead, in [1, <see cref="Forecasting.Forecast.MaxHorizon"/>].</param>
    /// <param name="levels">Interval levels, each a fraction in (0, 1); none given means 0.8 and 0.95.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is out of range, or a level is not a fraction in (0, 1) (95 is named as a percent).</exception>
    public Forecast Forecast(int horizon, params double[] levels) => Forecast(horizon, levels, EtsSimulationOptions.Default);

    /// <inheritdoc/>
    public string Family => "ETS";

    /// <inheritdoc/>
    public string Name => Specification.ToString();

    /// <inheritdoc/>
    public int SeasonLength => Specification.SeasonLength;

    /// <summary>Forecasts with the default simulation options (<see cref="EtsSimulationOptions.Default"/>).</summary>
    /// <param name="horizon">Steps ahead, 1 to <see cref="Forecasting.Forecast.MaxHorizon"/>.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1).</param>
    /// <param name="cancellationToken">Checked before the forecast starts.</param>
    Forecast IForecastModel.Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Forecast(horizon, levels, EtsSimulationOptions.Default);
    }

    /// <summary>
    /// Forecasts with prediction intervals: exact variances for classes 1 and 2 of Hyndman et al.
    /// (2008, ch. 6) with normal quantiles; for class 3 (multiplicative seasonality) seeded simulation
    /// of sample paths with empirical quantiles.
    /// </summary>
    /// <param name="horizon">Steps ahead, in [1, <see cref="Forecasting.Forecast.MaxHorizon"/>].</param>
    /// <param name="levels">Interval levels, each a fraction in (0, 1) (0.95 for 95%); empty means 0.8 and 0.95.</param>
    /// <param name="simulation">Paths and seed for simulated intervals.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is out of range, a level is not a fraction in (0, 1),
    /// fewer than 100 paths, or a simulated forecast of more than <see cref="Forecasting.Forecast.MaxSimulatedValues"/> paths x steps.</exception>
    /// <remarks>
    /// With <c>c_j = alpha + beta phi_j + gamma [j mod m = 0]</c>, <c>phi_j = phi + ... + phi^j</c>:
    /// class 1 (additive error and components) <c>v_h = sigma2 (1 + sum_{j&lt;h} c_j^2)</c>; class 2
    /// (multiplicative error, additive components) <c>v_h = (1 + sigma2) theta_h - mu_h^2</c> with
    /// <c>theta_h = mu_h^2 + sigma2 sum_{j&lt;h} c_j^2 theta_{h-j}</c>. The mean is the forecast mean
    /// <c>E(y_{n+h} | x_n)</c>: the point forecast for classes 1 and 2 and for the first m steps of
    /// class 3, the simulated mean beyond. Simulated path p draws from its own stream of the seed, so a
    /// longer horizon extends the shorter forecast without changing it.
    /// </remarks>
    public Forecast Forecast(int horizon, IReadOnlyList<double> levels, EtsSimulationOptions simulation)
    {
        Forecasting.Forecast.CheckHorizon(horizon);
        ArgumentNullException.ThrowIfNull(simulation);
        double[] chosen = Forecasting.Forecast.ValidateLevels(levels);
        if (simulation.Paths < 100)
        {
            ThrowHelper.ThrowOutOfRange(nameof(simulation), simulation.Paths, "Paths must be >= 100");
        }
        bool simulate = simulation.AlwaysSimulate || Specification.VarianceClass == 3;
        if (simulate)
        {
            SamplePaths.CheckWork(simulation.Paths, horizon, nameof(horizon));
        }
        var mean = new double[horizon];
        PointForecast(mean);
        return simulate ? SimulatedForecast(mean, chosen, simulation) : ExactForecast(mean, chosen);
    }

    private Forecast ExactForecast(double[] mean, double[] levels)
    {
        int horizon = mean.Length;
        var spec = Specification;
        var p = Parameters;
        double beta = spec.HasTrend ? p.Beta : 0, gamma = spec.HasSeason ? p.Gamma : 0, phi = spec.IsDamped ? p.Phi : 1;
        var cSquared = new double[horizon];
        double phiSum = 0, phiPower = 1;
        for (int j = 1; j < horizon; j++)
        {
            phiPower *= phi;
            phiSum += phiPower;
            double c = p.Alpha + beta * phiSum + (spec.HasSeason && j % spec.SeasonLength == 0 ? gamma : 0);
            cSquared[j] = c * c;
        }
        var variance = new double[horizon];
        if (spec.VarianceClass == 1)
        {
            double sum = 1;
            for (int h = 0; h < horizon; h++)
            {
                sum += cSquared[h];
                variance[h] = Sigma2 * sum;
            }
        }
        else
        {
            // theta is stored reversed (reversed[horizon - 1 - i] = theta_i) so that the sum over j of
            // c_j^2 theta_{h-j} is one contiguous, vectorised dot product: O(h^2 / vector width).
            var reversed = new double[horizon];
            for (int h = 0; h < horizon; h++)
            {
                double sum = h == 0 ? 0 : Cholesky.Dot(cSquared.AsSpan(1, h), reversed.AsSpan(horizon - h, h));
                double theta = mean[h] * mean[h] + Sigma2 * sum;
                reversed[horizon - 1 - h] = theta;
                variance[h] = (1 + Sigma2) * theta - mean[h] * mean[h];
            }
        }
        return IntervalLevels.NormalForecast(mean, variance, levels, $"exact (class {spec.VarianceClass})");
    }

    private Forecast SimulatedForecast(double[] mean, double[] levels, EtsSimulationOptions simulation)
    {
        int horizon = mean.Length;
        var simulated = SamplePaths.Summarize(new PathModel(this), horizon, simulation.Paths, simulation.Seed, levels);
        // E(y) equals the point forecast while no seasonal index has been updated by a simulated error.
        if (Specification.VarianceClass == 3)
        {
            for (int h = Specification.SeasonLength; h < horizon; h++)
            {
                mean[h] = simulated.Mean[h];
            }
        }
        var intervals = levels.Select((level, i) => PredictionInterval.Own(level, simulated.Lower[i], simulated.Upper[i]));
        return new Forecast(mean, simulated.Variance, intervals,
            string.Create(CultureInfo.InvariantCulture, $"simulated, {simulation.Paths} paths, seed {simulation.Seed}"));
    }

    /// <summary>One simulated path of the fitted model. State: level, trend, then the seasonal ring (slot k mod m serves step k).</summary>
    private readonly struct PathModel(EtsFit fit) : ISamplePathModel
    {
        private readonly double _sigma = Math.Sqrt(Math.Max(fit.Sigma2, 0));

        public int StateLength => 2 + fit.Specification.SeasonLength;

        public void Start(Span<double> state)
        {
            fit.LoadState(out state[0], out state[1], state[2..]);
        }

        public double Step(Span<double> state, int step, ref NormalRandom random)
        {
            var spec = fit.Specification;
            var p = fit.Parameters;
            double beta = spec.HasTrend ? p.Beta : 0, gamma = spec.HasSeason ? p.Gamma : 0, phi = spec.IsDamped ? p.Phi : 1;
            bool multiplicativeSeason = spec.Season == EtsSeason.Multiplicative;
            var ring = state[2..];
            int position = step % ring.Length;
            double level = state[0], trend = state[1];
            double q = level + phi * trend;
            double seasonal = spec.HasSeason ? ring[position] : 0;
            double forecast = !spec.HasSeason ? q : multiplicativeSeason ? q * seasonal : q + seasonal;
            double error = _sigma * random.Next();
            double y = spec.Error == EtsError.Multiplicative ? forecast * (1 + error) : forecast + error;
            Ets.Update(y, q, seasonal, p.Alpha, beta, gamma, phi, spec.HasSeason, multiplicativeSeason, ref level, ref trend, ring, ref position);
            state[0] = level;
            state[1] = trend;
            return y;
        }
    }

    /// <summary>Level, trend and the seasonal ring (ring[0] = the index used at step 1) from the final state.</summary>
    private void LoadState(out double level, out double trend, Span<double> ring)
    {
        var spec = Specification;
        level = _finalState[0];
        trend = spec.HasTrend ? _finalState[1] : 0;
        if (spec.HasSeason)
        {
            int offset = spec.HasTrend ? 2 : 1;
            int m = spec.SeasonLength;
            for (int k = 0; k < m; k++)
            {
                ring[k] = _finalState[offset + m - 1 - k];
            }
        }
    }

    /// <summary>One line: the model, parameters, log-likelihood, AICc, sigma^2 and convergence.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Specification} {Parameters} loglik={LogLikelihood:G8} AICc={Aicc:G8} sigma2={Sigma2:G6} {(Converged ? "converged" : "NOT converged")} ({Evaluations} evaluations)");
}
