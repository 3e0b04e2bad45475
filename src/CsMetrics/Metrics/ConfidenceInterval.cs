using System.Globalization;
using System.Text.Json.Serialization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>How a <see cref="ConfidenceInterval"/> was computed.</summary>
public enum IntervalMethod
{
    /// <summary>Not stated (a <c>default</c> instance).</summary>
    Unspecified,

    /// <summary>The Wilson score interval without continuity correction (Wilson 1927; Newcombe 1998 method 3; R <c>prop.test(correct = FALSE)</c>).</summary>
    Wilson,

    /// <summary>The Wilson score interval with Newcombe's continuity correction (Newcombe 1998 method 4).</summary>
    WilsonContinuityCorrected,

    /// <summary>The plain Wald interval <c>estimate ± z·SE</c>.</summary>
    Wald,

    /// <summary>The adjusted Wald interval for NPS (Rocks 2016: 0.75 detractors, 1.5 passives, 0.75 promoters added).</summary>
    AdjustedWald,
}

/// <summary>
/// A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] at <see cref="Level"/> (a fraction:
/// 0.95 for 95%), in the units of the estimate it belongs to, with the <see cref="Method"/> that produced it.
/// Immutable and thread-safe.
/// </summary>
public readonly record struct ConfidenceInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower bound (NaN when there is no data).</param>
    /// <param name="upper">The upper bound (NaN when there is no data), &gt;= <paramref name="lower"/>.</param>
    /// <param name="level">The nominal coverage, a fraction in (0, 1).</param>
    /// <param name="method">How the interval was computed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1) (95 is rejected, not read as 95%),
    /// or <paramref name="upper"/> is below <paramref name="lower"/>.</exception>
    [JsonConstructor]
    public ConfidenceInterval(double lower, double upper, double level, IntervalMethod method)
    {
        Preconditions.CheckLevel(level);
        if (upper < lower)
        {
            ThrowHelper.ThrowOutOfRange(nameof(upper), upper, $"must be >= lower ({lower})");
        }
        Lower = lower;
        Upper = upper;
        Level = level;
        Method = method;
    }

    /// <summary>The lower bound (NaN when there is no data).</summary>
    public double Lower { get; }

    /// <summary>The upper bound (NaN when there is no data).</summary>
    public double Upper { get; }

    /// <summary>The nominal coverage, a fraction in (0, 1).</summary>
    public double Level { get; }

    /// <summary>How the interval was computed.</summary>
    public IntervalMethod Method { get; }

    /// <summary>The interval with NaN bounds, used for empty input.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static ConfidenceInterval Empty(double level, IntervalMethod method) => new(double.NaN, double.NaN, level, method);

    /// <summary>The width <c>Upper − Lower</c> (NaN when empty).</summary>
    public double Width => Upper - Lower;

    /// <summary>True when <paramref name="value"/> lies in the closed interval (false when empty).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Prints e.g. <c>[0.7672, 0.9069] (95%, Wilson)</c>, or <c>empty (95%, Wilson)</c> without data.</summary>
    public override string ToString() => double.IsNaN(Lower)
        ? string.Create(CultureInfo.InvariantCulture, $"empty ({Level * 100:G3}%, {Method})")
        : string.Create(CultureInfo.InvariantCulture, $"[{Lower:G4}, {Upper:G4}] ({Level * 100:G3}%, {Method})");
}
