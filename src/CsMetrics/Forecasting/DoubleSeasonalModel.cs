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
    public IReadOnlyList<double> Fitted => _fitted;

    /// <summary>The one-step residuals, value - fitted (0 at closed intervals, NaN where the value is missing).</summary>
    public IReadOnlyList<double> Residuals => _residuals;

    /// <summary>
    /// Forecasts <paramref name="horizon"/> steps: the mean by the method's forecast function, and
    /// per-step variances and prediction intervals from <paramref name="paths"/> simulated sample paths.
    /// </summary>
    /// <param name="horizon">Steps ahead, at least 1.</param>
    /// <param name="levels">Interval levels in percent, each in (0, 100); default 80 and 95.</param>
    /// <param name="paths">Simulated paths, at least 100.</param>
    /// <param name="seed">Seed: the same seed gives the same intervals on every platform.</param>
    /// <returns>The forecast; closed intervals have mean, variance and bounds exactly 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <remarks>
    /// Mean at open step k (j open steps ahead): <c>(l + j b) d w + phi^j e_n</c>. Each path draws
    /// <c>e_k = phi e_(k-1) + sigma z_k</c>, <c>z_k ~ N(0,1)</c>, <c>y = yhat + e_k</c> (floored at 0 in the
    /// multiplicative form, whose volumes cannot be negative) and updates the states with it; the
    /// intervals are the type-7 quantiles of the paths at (1 -/+ level) / 2 and the variance is their
    /// sample variance.
    /// </remarks>
    public Forecast Forecast(int horizon, IEnumerable<double>? levels = null, int paths = 5000, ulong seed = 1)
    {
        Preconditions.CheckRange(horizon, 1, 10_000_000);
        Preconditions.CheckRange(paths, 100, 10_000_000);
        var levelList = (levels ?? [80.0, 95.0]).ToArray();
        foreach (double level in levelList)
        {
            if (!(level > 0 && level < 100))
            {
                ThrowHelper.ThrowOutOfRange(nameof(levels), level, "must contain levels in (0, 100)");
            }
        }
        var mean = new double[horizon];
        PointForecast(mean);
        // Paths are simulated path-major (each path's steps contiguous), then gathered a block of
        // steps at a time into step rows: strided writes across 5,000 paths would miss the cache on every value.
        var simulated = new double[horizon * paths];
        Simulate(simulated, paths, seed);
        var variance = new double[horizon];
        var lowers = levelList.Select(_ => new double[horizon]).ToArray();
        var uppers = levelList.Select(_ => new double[horizon]).ToArray();
        const int Block = 16;
        var rows = new double[Block * paths];
        for (int h0 = 0; h0 < horizon; h0 += Block)
        {
            int width = Math.Min(Block, horizon - h0);
            for (int path = 0; path < paths; path++)
            {
                var source = simulated.AsSpan(path * horizon + h0, width);
                for (int b = 0; b < width; b++)
                {
                    rows[b * paths + path] = source[b];
                }
            }
            for (int b = 0; b < width; b++)
            {
                int h = h0 + b;
                var step = rows.AsSpan(b * paths, paths);
                variance[h] = SampleVariance(step);
                for (int l = 0; l < levelList.Length; l++)
                {
                    double tail = (1 - levelList[l] / 100) / 2;
                    lowers[l][h] = Quantile(step, tail);
                    uppers[l][h] = Quantile(step, 1 - tail);
                }
            }
        }
        var intervals = levelList.Select((level, l) => new PredictionInterval(level, lowers[l], uppers[l]));
        return new Forecast(mean, variance, intervals, string.Create(CultureInfo.InvariantCulture, $"simulated, {paths} paths, seed {seed}"));
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

    /// <summary>Fills <paramref name="destination"/> (path-major: [path * horizon + h]) with simulated values.</summary>
    private void Simulate(Span<double> destination, int paths, ulong seed)
    {
        bool multiplicative = Form == DoubleSeasonalForm.Multiplicative;
        double sigma = Math.Sqrt(Sigma2);
        double alpha = Parameters.Alpha, beta = Parameters.Beta, gamma = Parameters.Gamma, omega = Parameters.Omega, phi = Parameters.Phi;
        int horizon = destination.Length / paths;
        var first = new double[Period1];
        var second = new double[Period2];
        var random = new NormalRandom(seed);
        var open = new bool[horizon];
        for (int k = 0; k < horizon; k++)
        {
            open[k] = IsOpenAhead(k);
        }
        for (int path = 0; path < paths; path++)
        {
            _finalFirst.CopyTo(first, 0);
            _finalSecond.CopyTo(second, 0);
            double level = Level, trend = Trend, error = LastError;
            var row = destination.Slice(path * horizon, horizon);
            for (int k = 0, i1 = 0, i2 = 0; k < horizon; k++, i1 = i1 + 1 == first.Length ? 0 : i1 + 1, i2 = i2 + 1 == second.Length ? 0 : i2 + 1)
            {
                if (!open[k])
                {
                    row[k] = 0;
                    continue;
                }
                double d = first[i1], w = second[i2];
                double baseLevel = level + trend;
                error = phi * error + sigma * random.Next();
                double newLevel;
                double y;
                if (multiplicative)
                {
                    y = Math.Max(baseLevel * d * w + error, 0);
                    double deseasonalised = y / (d * w);
                    newLevel = alpha * deseasonalised + (1 - alpha) * baseLevel;
                    double ratio = deseasonalised / newLevel;
                    first[i1] = d * (gamma * ratio + (1 - gamma));
                    second[i2] = w * (omega * ratio + (1 - omega));
                }
                else
                {
                    y = baseLevel + d + w + error;
                    newLevel = alpha * (y - d - w) + (1 - alpha) * baseLevel;
                    first[i1] = gamma * (y - newLevel - w) + (1 - gamma) * d;
                    second[i2] = omega * (y - newLevel - d) + (1 - omega) * w;
                }
                trend = beta * (newLevel - level) + (1 - beta) * trend;
                level = newLevel;
                row[k] = y;
            }
        }
    }

    private static double SampleVariance(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }
        mean /= values.Length;
        double sum = 0;
        foreach (double v in values)
        {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.Length - 1);
    }

    /// <summary>
    /// Type-7 quantile (linear interpolation between order statistics) by selection: partially
    /// reorders <paramref name="values"/>, which stays a permutation, so repeated calls are valid.
    /// </summary>
    internal static double Quantile(Span<double> values, double probability)
    {
        double position = probability * (values.Length - 1);
        int below = (int)Math.Floor(position);
        double low = Select(values, below);
        if (below + 1 >= values.Length)
        {
            return low;
        }
        // After selection everything right of `below` is >= it: the next order statistic is their minimum.
        double high = double.PositiveInfinity;
        foreach (double v in values[(below + 1)..])
        {
            high = Math.Min(high, v);
        }
        return low + (position - below) * (high - low);
    }

    /// <summary>Hoare's quickselect: places the k-th smallest at index k, smaller before, larger after.</summary>
    private static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            double pivot = Median3(values[left], values[left + (right - left) / 2], values[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }
                while (values[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }
        return values[k];
    }

    private static double Median3(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    /// <summary>A readable line: form, parameters, MSE, sigma, convergence.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"DSHW({Period1},{Period2}) {Form}{(HasTrend ? "" : " no trend")}: {Parameters}; MSE={MeanSquaredError:G6} sigma={Math.Sqrt(Sigma2):G6} n={ErrorCount} {(Converged ? "converged" : "NOT converged")} after {Evaluations} evaluations; init {Initialization}");
}
