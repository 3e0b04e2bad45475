using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// A fitted double-seasonal Holt-Winters model (see <see cref="DoubleSeasonalHoltWinters"/>): its
/// parameters, initial and final states, fit statistics and convergence, and forecasts with
/// simulated prediction intervals. Immutable and thread-safe.
/// </summary>
public sealed class DoubleSeasonalModel
{
    private readonly double[] _fitted;
    private readonly double[] _residuals;
    private readonly double[] _finalFirst;
    private readonly double[] _finalSecond;
    private readonly int _length;

    internal DoubleSeasonalModel(
        double[] values, int period1, int period2, DoubleSeasonalForm form, OpenHoursMask? openHours, bool hasTrend,
        DoubleSeasonalParameters parameters, DoubleSeasonalStates initialStates, DoubleSeasonalInitialization initialization,
        bool converged, int evaluations)
    {
        Period1 = period1;
        Period2 = period2;
        Form = form;
        OpenHours = openHours;
        HasTrend = hasTrend;
        Parameters = parameters;
        InitialStates = initialStates;
        Initialization = initialization;
        Converged = converged;
        Evaluations = evaluations;
        _length = values.Length;

        var first = initialStates.FirstSeasonIndices.ToArray();
        var second = initialStates.SecondSeasonIndices.ToArray();
        double level = initialStates.Level, trend = initialStates.Trend;
        _fitted = new double[values.Length];
        SumOfSquaredErrors = DoubleSeasonalHoltWinters.Recurse(values, form == DoubleSeasonalForm.Multiplicative,
            openHours is null ? default : openHours.Flags, parameters, ref level, ref trend, first, second, _fitted,
            out double lastError, out int count);
        ErrorCount = count;
        Level = level;
        Trend = trend;
        LastError = lastError;
        _residuals = new double[values.Length];
        for (int t = 0; t < values.Length; t++)
        {
            _residuals[t] = values[t] - _fitted[t];
            if (openHours is not null && !openHours.IsOpen(t))
            {
                _residuals[t] = 0;
            }
        }
        // Rotate the cyclic buffers so index k holds the index for step k + 1 ahead.
        _finalFirst = new double[period1];
        _finalSecond = new double[period2];
        for (int k = 0; k < period1; k++)
        {
            _finalFirst[k] = first[(values.Length + k) % period1];
        }
        for (int k = 0; k < period2; k++)
        {
            _finalSecond[k] = second[(values.Length + k) % period2];
        }
    }

    /// <summary>The shorter cycle (e.g. 48 half-hours per day).</summary>
    public int Period1 { get; }

    /// <summary>The longer cycle (e.g. 336 half-hours per week).</summary>
    public int Period2 { get; }

    /// <summary>Multiplicative (Taylor) or additive.</summary>
    public DoubleSeasonalForm Form { get; }

    /// <summary>The open-hours mask (null = always open).</summary>
    public OpenHoursMask? OpenHours { get; }

    /// <summary>Whether the model has a trend.</summary>
    public bool HasTrend { get; }

    /// <summary>The smoothing parameters and the AR(1) coefficient.</summary>
    public DoubleSeasonalParameters Parameters { get; }

    /// <summary>The initial states (after refinement of the level and trend when they were fitted).</summary>
    public DoubleSeasonalStates InitialStates { get; }

    /// <summary>How the initial indices were estimated (the method whose fit won).</summary>
    public DoubleSeasonalInitialization Initialization { get; }

    /// <summary>The sum of squared AR-adjusted one-step errors over the observed open intervals.</summary>
    public double SumOfSquaredErrors { get; }

    /// <summary>The number of errors in <see cref="SumOfSquaredErrors"/> (observed open intervals).</summary>
    public int ErrorCount { get; }

    /// <summary>The mean squared one-step error, SSE / count (what R's <c>dshw</c> reports as <c>mse</c>).</summary>
    public double MeanSquaredError => SumOfSquaredErrors / ErrorCount;

    /// <summary>The innovation variance used by the simulation: the mean squared one-step error.</summary>
    public double Sigma2 => MeanSquaredError;

    /// <summary>
    /// The Gaussian log-likelihood on R <c>ets</c>'s scale (constants dropped, additive errors):
    /// <c>-0.5 n log(SSE)</c>, n = <see cref="ErrorCount"/>.
    /// </summary>
    public double LogLikelihood => -0.5 * ErrorCount * Math.Log(SumOfSquaredErrors);

    /// <summary>
    /// The number of estimated quantities, counted as R <c>ets</c> counts them (plus one for sigma^2):
    /// the smoothing parameters and phi (4, or 5 with a trend), the initial level (and trend), and the
    /// free initial indices (period1 - 1) + (period2 - 1), each cycle being normalised.
    /// </summary>
    public int ParameterCount => (HasTrend ? 5 : 4) + (HasTrend ? 2 : 1) + (Period1 - 1) + (Period2 - 1) + 1;

    /// <summary>
    /// The corrected Akaike information criterion on R <c>ets</c>'s scale:
    /// <c>-2 loglik + 2k + 2k(k + 1) / (n - k - 1)</c>, k = <see cref="ParameterCount"/>; NaN when n &lt;= k + 1.
    /// </summary>
    public double Aicc
    {
        get
        {
            int k = ParameterCount, n = ErrorCount;
            return n > k + 1 ? -2 * LogLikelihood + 2 * k + 2.0 * k * (k + 1) / (n - k - 1) : double.NaN;
        }
    }

    /// <summary>True when the optimiser met its tolerance (always true for fixed parameters).</summary>
    public bool Converged { get; }

    /// <summary>Objective evaluations used by the fit.</summary>
    public int Evaluations { get; }

    /// <summary>The level after the last observation.</summary>
    public double Level { get; }

    /// <summary>The trend per open interval after the last observation.</summary>
    public double Trend { get; }

    /// <summary>The last raw one-step error (before the AR adjustment), which the AR term carries into the forecast.</summary>
    public double LastError { get; }

    /// <summary>The one-step fitted values (after the AR adjustment; 0 at closed intervals).</summary>
    public IReadOnlyList<double> Fitted => ReadOnlyValueList<double>.Own(_fitted);

    /// <summary>The one-step residuals, value - fitted (0 at closed intervals, NaN where the value is missing).</summary>
    public IReadOnlyList<double> Residuals => ReadOnlyValueList<double>.Own(_residuals);

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps: the mean by the method's forecast function, and
    /// per-step variances and prediction intervals from <paramref name="paths"/> simulated sample paths.
    /// </summary>
    /// <param name="horizon">Steps ahead, in [1, <see cref="Forecasting.Forecast.MaxHorizon"/>].</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <param name="paths">Simulated paths, at least 100; paths x horizon at most <see cref="Forecasting.Forecast.MaxSimulatedValues"/>.</param>
    /// <param name="seed">Seed: the same seed gives the same intervals on every platform.</param>
    /// <returns>The forecast; closed intervals have mean, variance and bounds exactly 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range (a level given in percent, such as 95, is named as one).</exception>
    /// <remarks>
    /// Mean at open step k (j open steps ahead): <c>(l + j b) d w + phi^j e_n</c>. Each path draws
    /// <c>e_k = phi e_(k-1) + sigma z_k</c>, <c>z_k ~ N(0,1)</c>, <c>y = yhat + e_k</c> (floored at 0 in the
    /// multiplicative form, whose volumes cannot be negative) and updates the states with it; the
    /// intervals are the type-7 quantiles of the paths at (1 -/+ level) / 2 and the variance is their
    /// sample variance. Path p draws from its own stream of the seed, so a longer horizon extends the
    /// paths of a shorter one: the first steps' bounds do not depend on the horizon.
    /// </remarks>
    public Forecast Forecast(int horizon, IEnumerable<double>? levels = null, int paths = 5000, int seed = 1)
    {
        Forecasting.Forecast.CheckHorizon(horizon);
        Preconditions.CheckRange(paths, 100, Forecasting.Forecast.MaxSimulatedValues);
        SamplePaths.CheckWork(paths, horizon, nameof(horizon));
        var levelList = Forecasting.Forecast.ValidateLevels(levels);
        var mean = new double[horizon];
        PointForecast(mean);
        var simulated = SamplePaths.Summarize(new PathModel(this), horizon, paths, seed, levelList);
        var intervals = levelList.Select((level, l) => PredictionInterval.Own(level, simulated.Lower[l], simulated.Upper[l]));
        return new Forecast(mean, simulated.Variance, intervals, string.Create(CultureInfo.InvariantCulture, $"simulated, {paths} paths, seed {seed}"));
    }

    private bool IsOpenAhead(int k) => OpenHours is null || OpenHours.IsOpen(_length + k);

    private void PointForecast(Span<double> destination)
    {
        bool multiplicative = Form == DoubleSeasonalForm.Multiplicative;
        int openSteps = 0;
        double arTerm = LastError;
        for (int k = 0; k < destination.Length; k++)
        {
            if (!IsOpenAhead(k))
            {
                destination[k] = 0;
                continue;
            }
            openSteps++;
            arTerm *= Parameters.Phi;
            double baseLevel = Level + openSteps * Trend;
            double d = _finalFirst[k % Period1], w = _finalSecond[k % Period2];
            destination[k] = (multiplicative ? baseLevel * d * w : baseLevel + d + w) + arTerm;
        }
    }

    /// <summary>
    /// One simulated path of the model (see <see cref="Forecast"/>). State: level, trend, the last
    /// error, then the two rings of indices rotated so that slot k mod period serves step k.
    /// </summary>
    private readonly struct PathModel(DoubleSeasonalModel model) : ISamplePathModel
    {
        private readonly double _sigma = Math.Sqrt(model.Sigma2);
        private readonly bool _multiplicative = model.Form == DoubleSeasonalForm.Multiplicative;

        public int StateLength => 3 + model.Period1 + model.Period2;

        public void Start(Span<double> state)
        {
            state[0] = model.Level;
            state[1] = model.Trend;
            state[2] = model.LastError;
            model._finalFirst.CopyTo(state[3..]);
            model._finalSecond.CopyTo(state[(3 + model.Period1)..]);
        }

        public double Step(Span<double> state, int step, ref NormalRandom random)
        {
            if (!model.IsOpenAhead(step))
            {
                return 0;
            }
            var p = model.Parameters;
            ref double first = ref state[3 + step % model.Period1];
            ref double second = ref state[3 + model.Period1 + step % model.Period2];
            double level = state[0], trend = state[1];
            double d = first, w = second;
            double baseLevel = level + trend;
            double error = p.Phi * state[2] + _sigma * random.Next();
            double newLevel, y;
            if (_multiplicative)
            {
                y = Math.Max(baseLevel * d * w + error, 0);
                double deseasonalised = y / (d * w);
                newLevel = p.Alpha * deseasonalised + (1 - p.Alpha) * baseLevel;
                double ratio = deseasonalised / newLevel;
                first = d * (p.Gamma * ratio + (1 - p.Gamma));
                second = w * (p.Omega * ratio + (1 - p.Omega));
            }
            else
            {
                y = baseLevel + d + w + error;
                newLevel = p.Alpha * (y - d - w) + (1 - p.Alpha) * baseLevel;
                first = p.Gamma * (y - newLevel - w) + (1 - p.Gamma) * d;
                second = p.Omega * (y - newLevel - d) + (1 - p.Omega) * w;
            }
            state[1] = p.Beta * (newLevel - level) + (1 - p.Beta) * trend;
            state[0] = newLevel;
            state[2] = error;
            return y;
        }
    }

    /// <summary>A readable line: form, parameters, MSE, sigma, convergence.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"DSHW({Period1},{Period2}) {Form}{(HasTrend ? "" : " no trend")}: {Parameters}; MSE={MeanSquaredError:G6} sigma={Math.Sqrt(Sigma2):G6} n={ErrorCount} {(Converged ? "converged" : "NOT converged")} after {Evaluations} evaluations; init {Initialization}");
}
