using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// A forecast over steps 1..<see cref="Horizon"/>: the mean, the variance of the forecast error per
/// step (so staffing can plan for the spread of arrivals, not only the point), and prediction
/// intervals at any number of levels. Immutable and thread-safe.
/// </summary>
public sealed class Forecast
{
    private readonly double[] _mean;
    private readonly double[] _variance;
    private readonly PredictionInterval[] _intervals;

    /// <summary>Creates a forecast. Arrays are copied.</summary>
    /// <param name="mean">The forecast mean per step.</param>
    /// <param name="variance">The forecast-error variance per step (NaN where unknown); same length as <paramref name="mean"/>.</param>
    /// <param name="intervals">Prediction intervals, each with bounds of the same length as <paramref name="mean"/>.</param>
    /// <param name="intervalMethod">How the intervals were computed (e.g. "exact", "simulated, 5000 paths, seed 1").</param>
    /// <exception cref="ArgumentException">A length differs from <paramref name="mean"/>'s.</exception>
    public Forecast(ReadOnlySpan<double> mean, ReadOnlySpan<double> variance, IEnumerable<PredictionInterval> intervals, string intervalMethod)
    {
        if (variance.Length != mean.Length)
        {
            ThrowHelper.ThrowArgument(nameof(variance), $"variance has length {variance.Length}; the mean has {mean.Length}.");
        }
        _mean = mean.ToArray();
        _variance = variance.ToArray();
        _intervals = intervals.OrderBy(i => i.Level).ToArray();
        foreach (var interval in _intervals)
        {
            if (interval.Lower.Count != mean.Length || interval.Upper.Count != mean.Length)
            {
                ThrowHelper.ThrowArgument(nameof(intervals), $"the {interval.Level}% interval's bounds must have length {mean.Length}.");
            }
        }
        IntervalMethod = intervalMethod;
    }

    /// <summary>The number of steps ahead.</summary>
    public int Horizon => _mean.Length;

    /// <summary>The forecast mean per step (index 0 is one step ahead).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The forecast-error variance per step (NaN where the model gives none).</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>The prediction intervals, by increasing level.</summary>
    public IReadOnlyList<PredictionInterval> Intervals => _intervals;

    /// <summary>How the intervals were computed: exact formulas or simulation (with its path count and seed).</summary>
    public string IntervalMethod { get; }

    /// <summary>The interval at <paramref name="level"/> percent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No interval at that level was computed.</exception>
    public PredictionInterval IntervalAt(double level)
    {
        foreach (var interval in _intervals)
        {
            if (interval.Level == level)
            {
                return interval;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(level), level, $"No {level}% interval was computed; levels: {string.Join(", ", _intervals.Select(i => i.Level))}.");
    }

    /// <summary>A compact table: step, mean, and each interval's bounds (at most 24 rows, then an ellipsis).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Forecast: {Horizon} steps, intervals {IntervalMethod}\n");
        text.Append("step        mean");
        foreach (var interval in _intervals)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {"lo" + interval.Level,10}  {"hi" + interval.Level,10}");
        }
        text.Append('\n');
        int shown = Math.Min(Horizon, 24);
        for (int h = 0; h < shown; h++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{h + 1,4}  {_mean[h],10:G6}");
            foreach (var interval in _intervals)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {interval.Lower[h],10:G6}  {interval.Upper[h],10:G6}");
            }
            text.Append('\n');
        }
        if (shown < Horizon)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {Horizon - shown} more steps\n");
        }
        return text.ToString();
    }
}

/// <summary>A prediction interval at <see cref="Level"/> percent (e.g. 80 or 95), per step.</summary>
/// <param name="Level">The nominal coverage in percent, in (0, 100).</param>
/// <param name="Lower">The lower bound per step.</param>
/// <param name="Upper">The upper bound per step.</param>
public sealed record PredictionInterval(double Level, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);
