using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// A forecast over steps 1..<see cref="Horizon"/>: the mean, the variance of the forecast error per
/// step (so staffing can plan for the spread of arrivals, not only the point), and prediction
/// intervals at any number of levels. Immutable and thread-safe; two forecasts with the same values,
/// intervals and method are equal.
/// </summary>
/// <remarks>
/// Levels are fractions in (0, 1), as everywhere in the library: 0.95 is a 95% interval, and a percent
/// such as 95 is rejected (<see cref="ArgumentOutOfRangeException"/> naming the convention).
/// </remarks>
public sealed class Forecast : IEquatable<Forecast>
{
    /// <summary>
    /// The longest horizon any forecaster in the library produces, in steps (100,000: a year of
    /// 5-minute intervals is 105,120, so split longer needs into daily totals). Longer horizons are
    /// rejected with <see cref="ArgumentOutOfRangeException"/>, so that a typo cannot exhaust memory.
    /// </summary>
    public const int MaxHorizon = 100_000;

    /// <summary>
    /// The most values a simulated forecast draws: paths x horizon at most 50,000,000 (5,000 paths for
    /// 10,000 steps, about a month of 5-minute intervals), so that a simulated interval returns within
    /// seconds. Beyond it the forecaster throws <see cref="ArgumentOutOfRangeException"/>: use fewer paths.
    /// </summary>
    public const long MaxSimulatedValues = 50_000_000;

    /// <summary>The levels used when none are given: 0.8 and 0.95.</summary>
    public static IReadOnlyList<double> DefaultLevels { get; } = ReadOnlyValueList<double>.CopyOf([0.8, 0.95]);

    private readonly ReadOnlyValueList<double> _mean;
    private readonly ReadOnlyValueList<double> _variance;
    private readonly ReadOnlyValueList<PredictionInterval> _intervals;

    /// <summary>Creates a forecast. The values are copied.</summary>
    /// <param name="mean">The forecast mean per step.</param>
    /// <param name="variance">The forecast-error variance per step (NaN where unknown); same length as <paramref name="mean"/>.</param>
    /// <param name="intervals">Prediction intervals, each with bounds of the same length as <paramref name="mean"/>, at distinct levels.</param>
    /// <param name="intervalMethod">How the intervals were computed (e.g. "exact", "simulated, 5000 paths, seed 1").</param>
    /// <exception cref="ArgumentException">A length differs from <paramref name="mean"/>'s, or two intervals have the same level.</exception>
    public Forecast(ReadOnlySpan<double> mean, ReadOnlySpan<double> variance, IEnumerable<PredictionInterval> intervals, string intervalMethod)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(intervalMethod);
        if (variance.Length != mean.Length)
        {
            ThrowHelper.ThrowArgument(nameof(variance), $"variance has length {variance.Length}; the mean has {mean.Length}.");
        }
        var sorted = intervals.OrderBy(i => i.Level).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            var interval = sorted[i];
            if (interval.Lower.Count != mean.Length)
            {
                ThrowHelper.ThrowArgument(nameof(intervals), string.Create(CultureInfo.InvariantCulture,
                    $"the {interval.Level} interval's bounds have length {interval.Lower.Count}; the mean has {mean.Length}."));
            }
            if (i > 0 && sorted[i - 1].Level == interval.Level)
            {
                ThrowHelper.ThrowArgument(nameof(intervals), string.Create(CultureInfo.InvariantCulture, $"two intervals have level {interval.Level}."));
            }
        }
        _mean = ReadOnlyValueList<double>.CopyOf(mean);
        _variance = ReadOnlyValueList<double>.CopyOf(variance);
        _intervals = ReadOnlyValueList<PredictionInterval>.Own(sorted);
        IntervalMethod = intervalMethod;
    }

    /// <summary>The JSON form's constructor (<see cref="Serialization.CsMetricsJsonContext"/>): the same checks and copies as the public one.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    // The method comes first only to keep overload resolution of the public constructor unambiguous; JSON binds by name.
    internal Forecast(string intervalMethod, IReadOnlyList<double> mean, IReadOnlyList<double> variance, IReadOnlyList<PredictionInterval> intervals)
        : this((mean ?? throw new ArgumentNullException(nameof(mean))).ToArray(), (variance ?? throw new ArgumentNullException(nameof(variance))).ToArray(), intervals, intervalMethod)
    {
    }

    /// <summary>The number of steps ahead.</summary>
    public int Horizon => _mean.Count;

    /// <summary>The mean as a span over the forecast's own storage (no copy), for the span-based measures.</summary>
    internal ReadOnlySpan<double> MeanSpan => _mean.AsSpan();

    /// <summary>The forecast mean per step (index 0 is one step ahead).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The forecast-error variance per step (NaN where the model gives none).</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>The prediction intervals, by increasing level.</summary>
    public IReadOnlyList<PredictionInterval> Intervals => _intervals;

    /// <summary>The levels of <see cref="Intervals"/>, increasing (fractions in (0, 1)).</summary>
    public IReadOnlyList<double> Levels => _intervals.Select(i => i.Level).ToArray().AsReadOnly();

    /// <summary>How the intervals were computed: exact formulas or simulation (with its path count and seed).</summary>
    public string IntervalMethod { get; }

    /// <summary>The interval at <paramref name="level"/>, a fraction in (0, 1) (0.95 for the 95% interval).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1) (e.g. 95), or no interval at that level was computed.</exception>
    public PredictionInterval IntervalAt(double level)
    {
        Preconditions.CheckLevel(level);
        foreach (var interval in _intervals)
        {
            if (interval.Level == level)
            {
                return interval;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(level), level, string.Create(CultureInfo.InvariantCulture,
            $"No interval at level {level} was computed; levels: {string.Join(", ", _intervals.Select(i => i.Level))}."));
    }

    /// <inheritdoc/>
    public bool Equals(Forecast? other) =>
        other is not null && (ReferenceEquals(this, other) || (IntervalMethod == other.IntervalMethod && _mean.Equals(other._mean)
            && _variance.Equals(other._variance) && _intervals.Equals(other._intervals)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Forecast);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_mean, _variance, _intervals, IntervalMethod);

    /// <summary>A compact table: step, mean, and each interval's bounds (at most 24 rows, then an ellipsis).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Forecast: {Horizon} steps, intervals {IntervalMethod}\n");
        text.Append("step        mean");
        foreach (var interval in _intervals)
        {
            string percent = (interval.Level * 100).ToString("0.##", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"  {"lo" + percent,10}  {"hi" + percent,10}");
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

    /// <summary>
    /// Validates interval levels at a forecasting boundary: each a fraction in (0, 1), none repeated;
    /// null or empty gives <see cref="DefaultLevels"/>. Returns a private copy.
    /// </summary>
    internal static double[] ValidateLevels(IEnumerable<double>? levels, string paramName = "levels")
    {
        var list = levels?.ToArray() ?? [];
        if (list.Length == 0)
        {
            return [0.8, 0.95];
        }
        for (int i = 0; i < list.Length; i++)
        {
            double level = list[i];
            if (!(level > 0 && level < 1))
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, level, LevelRequirement(level));
            }
            if (Array.IndexOf(list, level, 0, i) >= 0)
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, level, "must not repeat an earlier level");
            }
        }
        return list;
    }

    /// <summary>The level rule as <see cref="Preconditions.CheckLevel"/> words it, for a level inside a list.</summary>
    internal static string LevelRequirement(double level) => level >= 1 && level < 100
        ? string.Create(CultureInfo.InvariantCulture, $"is a fraction in (0, 1) (0.95 for 95%); {level} looks like a percent: use {level / 100}")
        : "is a fraction in (0, 1) (0.95 for 95%)";

    /// <summary>Validates a horizon against [1, <see cref="MaxHorizon"/>].</summary>
    internal static void CheckHorizon(int horizon, string paramName = "horizon")
    {
        if (horizon < 1 || horizon > MaxHorizon)
        {
            ThrowHelper.ThrowOutOfRange(paramName, horizon, string.Create(CultureInfo.InvariantCulture,
                $"must be in [1, {MaxHorizon:N0}] steps (Forecast.MaxHorizon)"));
        }
    }
}

/// <summary>
/// A prediction interval at <see cref="Level"/> (a fraction: 0.8 for the 80% interval), per step.
/// Immutable; equal when the level and every bound are equal.
/// </summary>
public sealed record PredictionInterval
{
    private readonly ReadOnlyValueList<double> _lower;
    private readonly ReadOnlyValueList<double> _upper;

    /// <summary>Creates an interval. The bounds are copied.</summary>
    /// <param name="level">The nominal coverage, a fraction in (0, 1) (0.95 for 95%).</param>
    /// <param name="lower">The lower bound per step.</param>
    /// <param name="upper">The upper bound per step, same length.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) (a percent such as 95 is named as one).</exception>
    /// <exception cref="ArgumentException">The bounds have different lengths.</exception>
    public PredictionInterval(double level, IEnumerable<double> lower, IEnumerable<double> upper)
    {
        Preconditions.CheckLevel(level);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        _lower = ReadOnlyValueList<double>.CopyOf(lower);
        _upper = ReadOnlyValueList<double>.CopyOf(upper);
        if (_lower.Count != _upper.Count)
        {
            ThrowHelper.ThrowArgument(nameof(upper), $"upper has length {_upper.Count}; lower has {_lower.Count}.");
        }
        Level = level;
    }

    /// <summary>The JSON form's constructor (<see cref="Serialization.CsMetricsJsonContext"/>): the same checks and copies as the public one.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    internal PredictionInterval(IReadOnlyList<double> lower, IReadOnlyList<double> upper, double level)
        : this(level, (IEnumerable<double>)lower, upper)
    {
    }

    private PredictionInterval(double level, ReadOnlyValueList<double> lower, ReadOnlyValueList<double> upper)
    {
        Level = level;
        _lower = lower;
        _upper = upper;
    }

    /// <summary>An interval that takes ownership of fresh bound arrays (for the library's forecasters; no copy).</summary>
    internal static PredictionInterval Own(double level, double[] lower, double[] upper)
    {
        Preconditions.CheckLevel(level);
        return new PredictionInterval(level, ReadOnlyValueList<double>.Own(lower), ReadOnlyValueList<double>.Own(upper));
    }

    /// <summary>The nominal coverage, a fraction in (0, 1).</summary>
    public double Level { get; }

    /// <summary>The lower bound per step.</summary>
    public IReadOnlyList<double> Lower => _lower;

    /// <summary>The upper bound per step.</summary>
    public IReadOnlyList<double> Upper => _upper;

    /// <summary>The level and the first bounds, e.g. <c>80% interval, 7 steps: [95.1, 104.9], ...</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Level * 100:0.##}% interval, {Lower.Count} steps{(Lower.Count == 0 ? "" : $": [{Lower[0]:G6}, {Upper[0]:G6}]")}{(Lower.Count > 1 ? ", ..." : "")}");
}
