using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>When <see cref="Theta.Fit"/> adjusts the series for seasonality.</summary>
public enum ThetaSeasonality
{
    /// <summary>When the seasonality test says so (<see cref="Theta.IsSeasonal"/>), as R's <c>thetaf</c>.</summary>
    Test,

    /// <summary>Always (for a season length of at least 2, a series of at least two seasons and positive values).</summary>
    Always,

    /// <summary>Never: the Theta method on the raw series.</summary>
    Never,
}

/// <summary>Options for <see cref="Theta.Fit"/>. Immutable and thread-safe.</summary>
public sealed record ThetaOptions
{
    /// <summary>The defaults: R's <c>thetaf</c> (seasonality tested at 90%, alpha and the initial level estimated).</summary>
    public static ThetaOptions Default { get; } = new();

    /// <summary>When to adjust for seasonality (default <see cref="ThetaSeasonality.Test"/>).</summary>
    public ThetaSeasonality Seasonality { get; init; } = ThetaSeasonality.Test;

    /// <summary>The level of the seasonality test, a fraction in (0, 1); default 0.90 (thetaf's: one-sided 5% in each tail).</summary>
    public double SeasonalityTestLevel { get; init; } = 0.90;

    /// <summary>A fixed SES smoothing parameter in (0, 1]; null (default) estimates it by maximum likelihood.</summary>
    public double? Alpha { get; init; }

    /// <summary>A fixed initial SES level (of the seasonally adjusted series); null (default) estimates it.</summary>
    public double? InitialLevel { get; init; }

    /// <summary>Checks every option; throws for the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A level outside (0, 1), alpha outside (0, 1], a non-finite initial level, an unknown <see cref="Seasonality"/>.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Seasonality))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Seasonality), Seasonality, "must be Test, Always or Never");
        }
        Preconditions.CheckLevel(SeasonalityTestLevel, nameof(SeasonalityTestLevel));
        if (Alpha is double alpha && !(alpha > 0 && alpha <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Alpha), alpha, "must be in (0, 1]");
        }
        if (InitialLevel is double level && !double.IsFinite(level))
        {
            ThrowHelper.ThrowOutOfRange(nameof(InitialLevel), level, "must be finite");
        }
    }
}

/// <summary>
/// The Theta method (Assimakopoulos &amp; Nikolopoulos 2000, "The theta model: a decomposition approach to
/// forecasting", IJF 16(4)) in the form Hyndman &amp; Billah (2003, "Unmasking the Theta method", IJF 19(2))
/// showed it to be: simple exponential smoothing with a drift of half the slope of the least-squares line,
/// after a classical multiplicative seasonal adjustment when the series is seasonal. The method of R's
/// <c>forecast::thetaf</c>, the winner of the M3 competition and a benchmark of M4.
/// </summary>
/// <remarks>
/// <para>Seasonality test (thetaf's): with <c>r_k</c> the sample autocorrelations,
/// <c>|r_m| / sqrt((1 + 2 sum_{k&lt;m} r_k^2) / n) &gt; z_{(1+level)/2}</c> (1.645 at the default 0.90).
/// Tested only when m &gt;= 2, n &gt;= 2m and every value is positive (the adjustment divides).</para>
/// <para>Seasonal adjustment: R's <c>decompose(type = "multiplicative")</c>, a centred moving average of order
/// m (2 x m for even m), indices = the mean ratio per position normalised to mean 1; the series is divided by
/// its index and forecasts are multiplied by the index of their position.</para>
/// <para>Fit: ETS(A,N,N) (SES) by maximum likelihood on the adjusted series <c>x</c> (alpha and the initial
/// level, R's likelihood); drift <c>b = slope / 2</c>, the slope of the least-squares line of <c>x_t</c> on
/// <c>t = 0..n-1</c>.</para>
/// <para>Forecast: <c>x(h) = l_n + b ((h - 1) + (1 - (1 - alpha)^n) / alpha)</c>, which equals the
/// original method's equal-weight mean of the extrapolated line (theta = 0) and SES of the theta = 2 line.
/// Intervals as thetaf's: those of the SES model about this mean, <c>x(h) -/+ z sqrt(sigma2 (1 + (h-1) alpha^2))</c>,
/// <c>sigma2 = sum e^2 / (n - 2)</c>: the forecast mean is multiplied by the seasonal index, the standard error
/// is not (thetaf's definition; <c>ForecastModels.FitAuto</c> recalibrates intervals from rolling-origin errors).</para>
/// </remarks>
public static class Theta
{
    /// <summary>Fits the Theta method to a series.</summary>
    /// <param name="values">The series, oldest first; NaN marks a missing value.</param>
    /// <param name="seasonLength">Observations per season, at least 1 (1 = non-seasonal).</param>
    /// <param name="options">Seasonality rule and fixed parameters; null for <see cref="ThetaOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked before the fit.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1, or an option out of range.</exception>
    /// <exception cref="ArgumentException">Fewer observed values than ETS(A,N,N) needs (7), or an infinite value.</exception>
    public static ThetaFit Fit(ReadOnlySpan<double> values, int seasonLength, ThetaOptions? options = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckRange(seasonLength, 1, int.MaxValue);
        options ??= ThetaOptions.Default;
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        int n = values.Length;
        foreach (double y in values)
        {
            if (double.IsInfinity(y))
            {
                ThrowHelper.ThrowArgument(nameof(values), "values has an infinite value.");
            }
        }
        bool seasonal = seasonLength >= 2 && n >= 2 * seasonLength && AllPositive(values) && options.Seasonality switch
        {
            ThetaSeasonality.Always => true,
            ThetaSeasonality.Never => false,
            _ => IsSeasonal(values, seasonLength, options.SeasonalityTestLevel),
        };
        var adjusted = values.ToArray();
        double[] indices = [];
        if (seasonal)
        {
            indices = Ets.SeasonalFigure(values, seasonLength, multiplicative: true);
            for (int t = 0; t < n; t++)
            {
                adjusted[t] /= indices[t % seasonLength];
            }
        }
        var ses = FitSes(adjusted, options);
        double slope = LeastSquaresSlope(adjusted);
        return new ThetaFit(ses, slope / 2, n, seasonal ? seasonLength : 1, indices);
    }

    /// <summary>
    /// thetaf's seasonality test: true when the lag-m autocorrelation is significant at <paramref name="level"/>,
    /// <c>|r_m| &gt; z_{(1+level)/2} sqrt((1 + 2 sum_{k=1}^{m-1} r_k^2) / n)</c> (Bartlett's standard error).
    /// </summary>
    /// <param name="values">The series (NaN = missing: pairs with a missing value are skipped).</param>
    /// <param name="seasonLength">The lag m, at least 2.</param>
    /// <param name="level">The test level, a fraction in (0, 1) (thetaf: 0.90).</param>
    /// <returns>Whether the series is seasonal; false for a constant series or one shorter than m + 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 2 or <paramref name="level"/> outside (0, 1).</exception>
    public static bool IsSeasonal(ReadOnlySpan<double> values, int seasonLength, double level = 0.90)
    {
        Preconditions.CheckRange(seasonLength, 2, int.MaxValue);
        Preconditions.CheckLevel(level);
        int n = values.Length;
        if (n <= seasonLength)
        {
            return false;
        }
        double mean = 0;
        int observed = 0;
        foreach (double y in values)
        {
            if (!double.IsNaN(y))
            {
                mean += y;
                observed++;
            }
        }
        mean /= observed;
        double denominator = 0;
        foreach (double y in values)
        {
            if (!double.IsNaN(y))
            {
                denominator += (y - mean) * (y - mean);
            }
        }
        if (!(denominator > 0))
        {
            return false;
        }
        double sumSquares = 0, rm = 0;
        for (int k = 1; k <= seasonLength; k++)
        {
            double sum = 0;
            for (int t = 0; t + k < n; t++)
            {
                double a = values[t], b = values[t + k];
                if (!double.IsNaN(a) && !double.IsNaN(b))
                {
                    sum += (a - mean) * (b - mean);
                }
            }
            double r = sum / denominator;
            if (k < seasonLength)
            {
                sumSquares += r * r;
            }
            else
            {
                rm = r;
            }
        }
        double z = StandardNormal.Quantile(0.5 + level / 2);
        return Math.Abs(rm) > z * Math.Sqrt((1 + 2 * sumSquares) / n);
    }

    private static EtsFit FitSes(double[] adjusted, ThetaOptions options)
    {
        var specification = new EtsSpecification(EtsError.Additive, EtsTrend.None, EtsSeason.None, 1);
        var etsOptions = EtsOptions.Default;
        if (options.Alpha is double alpha)
        {
            etsOptions = etsOptions with { Fixed = new EtsParameters(alpha) };
        }
        if (options.InitialLevel is double level)
        {
            etsOptions = etsOptions with { InitialState = [level] };
        }
        return Ets.Fit(adjusted, specification, etsOptions);
    }

    /// <summary>The least-squares slope of <c>x_t</c> on <c>t = 0..n-1</c> over the observed values (0 with fewer than two).</summary>
    internal static double LeastSquaresSlope(ReadOnlySpan<double> x)
    {
        double st = 0, sx = 0;
        int count = 0;
        for (int t = 0; t < x.Length; t++)
        {
            if (!double.IsNaN(x[t]))
            {
                st += t;
                sx += x[t];
                count++;
            }
        }
        if (count < 2)
        {
            return 0;
        }
        double tBar = st / count, xBar = sx / count, stt = 0, stx = 0;
        for (int t = 0; t < x.Length; t++)
        {
            if (!double.IsNaN(x[t]))
            {
                stt += (t - tBar) * (t - tBar);
                stx += (t - tBar) * (x[t] - xBar);
            }
        }
        return stx / stt;
    }

    private static bool AllPositive(ReadOnlySpan<double> values)
    {
        foreach (double y in values)
        {
            if (y <= 0)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// A fitted Theta model (<see cref="Theta.Fit"/>): the SES fit of the seasonally adjusted series, the drift,
/// and the seasonal indices. Immutable and thread-safe.
/// </summary>
public sealed class ThetaFit : IForecastModel
{
    private readonly double[] _indices;
    private readonly int _length;

    internal ThetaFit(EtsFit ses, double drift, int length, int seasonLength, double[] indices)
    {
        Ses = ses;
        Drift = drift;
        _length = length;
        SeasonLength = seasonLength;
        _indices = indices;
        SeasonalIndices = ReadOnlyValueList<double>.Own(indices);
    }

    /// <inheritdoc/>
    public string Family => "Theta";

    /// <summary><c>Theta</c>, or <c>Theta, seasonally adjusted [m]</c> when the series was adjusted.</summary>
    public string Name => IsSeasonal ? string.Create(CultureInfo.InvariantCulture, $"Theta, seasonally adjusted [{SeasonLength}]") : "Theta";

    /// <summary>The season length of the adjustment, or 1 when the series was not adjusted.</summary>
    public int SeasonLength { get; }

    /// <summary>Whether the series was seasonally adjusted (by the test, or by <see cref="ThetaSeasonality.Always"/>).</summary>
    public bool IsSeasonal => _indices.Length > 0;

    /// <summary>The multiplicative seasonal indices per position of the season (position 0 = the first value's), mean 1; empty when not seasonal.</summary>
    public IReadOnlyList<double> SeasonalIndices { get; }

    /// <summary>The SES (ETS(A,N,N)) fit of the seasonally adjusted series.</summary>
    public EtsFit Ses { get; }

    /// <summary>The SES smoothing parameter (floored at 1e-10 in the drift term, as thetaf).</summary>
    public double Alpha => Ses.Parameters.Alpha;

    /// <summary>The drift per step: half the least-squares slope of the adjusted series on time.</summary>
    public double Drift { get; }

    /// <summary>The SES level after the last observation (of the adjusted series).</summary>
    public double FinalLevel => Ses.FinalState[0];

    /// <summary>The SES innovation variance <c>sum e^2 / (n - estimated parameters)</c> (adjusted series).</summary>
    public double Sigma2 => Ses.Sigma2;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> out of range or a level not a fraction in (0, 1).</exception>
    public Forecast Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken = default)
    {
        Forecasting.Forecast.CheckHorizon(horizon);
        double[] chosen = Forecasting.Forecast.ValidateLevels(levels);
        cancellationToken.ThrowIfCancellationRequested();
        var mean = new double[horizon];
        var variance = new double[horizon];
        double alpha = Math.Max(1e-10, Alpha);
        double offset = (1 - Math.Pow(1 - alpha, _length)) / alpha;
        double level = FinalLevel, sigma2 = Sigma2;
        for (int h = 0; h < horizon; h++)
        {
            double index = IsSeasonal ? _indices[(_length + h) % SeasonLength] : 1;
            mean[h] = (level + Drift * (h + offset)) * index;
            // thetaf's intervals: the adjusted series' SES standard error about the reseasonalised mean
            // (not multiplied by the index).
            variance[h] = sigma2 * (1 + h * Alpha * Alpha);
        }
        return IntervalLevels.NormalForecast(mean, variance, chosen, "exact (SES with drift, as thetaf)");
    }

    /// <summary>Forecasts with 80% and 95% intervals, or at the given <paramref name="levels"/> (fractions).</summary>
    /// <param name="horizon">Steps ahead.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1).</param>
    public Forecast Forecast(int horizon, params double[] levels) => Forecast(horizon, (IReadOnlyList<double>)levels);

    /// <summary>One line: the method, alpha, drift, level and sigma^2.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} alpha={Alpha:G6} drift={Drift:G6} level={FinalLevel:G8} sigma2={Sigma2:G6}");
}
