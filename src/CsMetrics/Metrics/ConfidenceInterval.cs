using System.Globalization;

namespace CsMetrics.Metrics;

/// <summary>
/// A two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] at <see cref="Level"/>
/// (e.g. 0.95), in the units of the estimate it belongs to. Immutable and thread-safe.
/// </summary>
/// <param name="Lower">The lower bound (NaN when there is no data).</param>
/// <param name="Upper">The upper bound (NaN when there is no data).</param>
/// <param name="Level">The nominal coverage as a fraction in (0, 1).</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>The interval with NaN bounds, used for empty input.</summary>
    public static ConfidenceInterval Empty(double level) => new(double.NaN, double.NaN, level);

    /// <summary>The width <c>Upper - Lower</c>.</summary>
    public double Width => Upper - Lower;

    /// <summary>True when <paramref name="value"/> lies in the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Prints e.g. <c>[0.767, 0.907] (95%)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lower:G4}, {Upper:G4}] ({Level * 100:G3}%)");
}
