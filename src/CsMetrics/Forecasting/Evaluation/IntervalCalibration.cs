using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Prediction-interval calibration from rolling-origin errors: each back-test error divided by the standard
/// deviation its own 95% interval implies, and the widening factor per level that makes those errors covered
/// at the nominal rate. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Standardised errors: <c>u = |y - yhat| / (w / z_0.975)</c>, w the 95% interval's half-width on the
/// error's side (upper for errors above the mean), so <c>u</c> is <c>|z|</c> when the model's intervals are
/// right. Factor at level L: <c>c_L = max(1, q_L / z_{(1+L)/2})</c>, <c>q_L</c> the
/// <c>ceil((N + 1) L)</c>-th smallest of the N standardised errors (the split-conformal quantile; Vovk,
/// Gammerman &amp; Shafer 2005; Lei et al. 2018, JASA 113), the largest when that rank exceeds N.</para>
/// <para>A calibrated interval keeps the model's centre and shape: <c>yhat -/+ c_L (yhat - lower)</c>,
/// <c>(upper - yhat)</c>. Factors never narrow an interval (<c>c_L &gt;= 1</c>): model intervals that ignore
/// parameter and model-selection uncertainty are too narrow far more often than too wide (Chatfield 1993,
/// "Calculating interval forecasts", JBES 11), and a few back-test windows that happened to be calm must not
/// shrink them. The variance is multiplied by <c>c_0.95^2</c>.</para>
/// </remarks>
public sealed class IntervalCalibration
{
    private readonly double[] _sorted;

    /// <summary>Creates a calibration from standardised absolute errors (see the remarks).</summary>
    /// <param name="standardizedErrors">At least one finite, non-negative standardised error.</param>
    /// <exception cref="ArgumentException">Empty, or an error that is negative or not finite.</exception>
    public IntervalCalibration(IEnumerable<double> standardizedErrors)
    {
        ArgumentNullException.ThrowIfNull(standardizedErrors);
        _sorted = standardizedErrors.ToArray();
        if (_sorted.Length == 0)
        {
            ThrowHelper.ThrowArgument(nameof(standardizedErrors), "standardizedErrors is empty.");
        }
        for (int i = 0; i < _sorted.Length; i++)
        {
            if (!(double.IsFinite(_sorted[i]) && _sorted[i] >= 0))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(standardizedErrors), i, _sorted[i], "must be finite and >= 0");
            }
        }
        Array.Sort(_sorted);
    }

    /// <summary>The number of back-test errors behind the calibration.</summary>
    public int Count => _sorted.Length;

    /// <summary>The widening factor for intervals at <paramref name="level"/>, at least 1.</summary>
    /// <param name="level">A fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> outside (0, 1).</exception>
    public double Factor(double level)
    {
        Preconditions.CheckLevel(level);
        int n = _sorted.Length;
        int rank = Math.Min(n, (int)Math.Ceiling((n + 1) * level));
        double quantile = _sorted[Math.Max(rank, 1) - 1];
        return Math.Max(1, quantile / StandardNormal.Quantile(0.5 + level / 2));
    }

    /// <summary>Applies the calibration to a forecast: each interval widened about the mean by <see cref="Factor"/> of its level, nested.</summary>
    /// <param name="forecast">The model's forecast.</param>
    /// <returns>The calibrated forecast.</returns>
    public Forecast Apply(Forecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        int horizon = forecast.Horizon;
        var intervals = new PredictionInterval[forecast.Intervals.Count];
        double[]? previousLower = null, previousUpper = null;
        for (int l = 0; l < intervals.Length; l++)
        {
            var interval = forecast.Intervals[l];
            double c = Factor(interval.Level);
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (int h = 0; h < horizon; h++)
            {
                double mean = forecast.Mean[h];
                lower[h] = mean - c * (mean - interval.Lower[h]);
                upper[h] = mean + c * (interval.Upper[h] - mean);
                if (previousLower is not null)
                {
                    lower[h] = Math.Min(lower[h], previousLower[h]);
                    upper[h] = Math.Max(upper[h], previousUpper![h]);
                }
            }
            intervals[l] = PredictionInterval.Own(interval.Level, lower, upper);
            previousLower = lower;
            previousUpper = upper;
        }
        double c95 = Factor(0.95);
        var variance = forecast.Variance.Select(v => v * c95 * c95).ToArray();
        return new Forecast(forecast.Mean.ToArray(), variance, intervals, string.Create(CultureInfo.InvariantCulture,
            $"{forecast.IntervalMethod}, calibrated from {Count} rolling-origin errors (x{c95:0.###} at 95%)"));
    }

    /// <summary>The error count and the 80% and 95% factors.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} errors: x{Factor(0.8):0.###} at 80%, x{Factor(0.95):0.###} at 95%");
}

/// <summary>A model whose intervals are widened by an <see cref="IntervalCalibration"/>; family, name and mean are the inner model's. Immutable and thread-safe.</summary>
public sealed class CalibratedModel : IForecastModel
{
    /// <summary>Wraps a model.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="calibration">Its calibration.</param>
    public CalibratedModel(IForecastModel model, IntervalCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calibration);
        Model = model;
        Calibration = calibration;
    }

    /// <summary>The fitted model.</summary>
    public IForecastModel Model { get; }

    /// <summary>The calibration.</summary>
    public IntervalCalibration Calibration { get; }

    /// <inheritdoc/>
    public string Family => Model.Family;

    /// <inheritdoc/>
    public string Name => Model.Name;

    /// <inheritdoc/>
    public int SeasonLength => Model.SeasonLength;

    /// <inheritdoc/>
    public Forecast Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken = default) =>
        Calibration.Apply(Model.Forecast(horizon, levels, cancellationToken));

    /// <summary>The model and its calibration.</summary>
    public override string ToString() => $"{Model.Name}, intervals {Calibration}";
}
