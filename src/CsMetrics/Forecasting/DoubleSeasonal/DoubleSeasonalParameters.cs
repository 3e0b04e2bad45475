using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>How the two seasonal cycles combine with the level in a double-seasonal model.</summary>
public enum DoubleSeasonalForm
{
    /// <summary>Taylor (2003): <c>yhat = (level + trend) * daily * weekly</c>; needs positive values at open intervals.</summary>
    Multiplicative,

    /// <summary>The additive analogue: <c>yhat = level + trend + daily + weekly</c>; any real values.</summary>
    Additive,
}

/// <summary>
/// The smoothing parameters of Taylor's double-seasonal Holt-Winters method, named as R's
/// <c>forecast::dshw</c> names them. Taylor (2003) writes alpha, gamma (trend), delta (daily),
/// omega (weekly) and lambda (AR(1)); here <see cref="Beta"/> is Taylor's gamma, <see cref="Gamma"/>
/// is Taylor's delta and <see cref="Phi"/> is Taylor's lambda. Immutable and thread-safe.
/// </summary>
/// <param name="Alpha">Level smoothing, in [0, 1].</param>
/// <param name="Beta">Trend smoothing, in [0, 1] (0 with no trend).</param>
/// <param name="Gamma">Smoothing of the first (shorter, e.g. daily) seasonal index, in [0, 1].</param>
/// <param name="Omega">Smoothing of the second (longer, e.g. weekly) seasonal index, in [0, 1].</param>
/// <param name="Phi">AR(1) coefficient of the one-step errors, in (-1, 1) (0 disables the adjustment).</param>
public readonly record struct DoubleSeasonalParameters(double Alpha, double Beta, double Gamma, double Omega, double Phi)
{
    /// <summary>A readable line, e.g. <c>alpha=0.4335 beta=0 gamma=0.4182 omega=0.5557 phi=0.5861</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"alpha={Alpha:G4} beta={Beta:G4} gamma={Gamma:G4} omega={Omega:G4} phi={Phi:G4}");
}

/// <summary>
/// The initial states of a double-seasonal model (the states before the first observation).
/// </summary>
/// <param name="Level">The level before the first observation.</param>
/// <param name="Trend">The trend per open interval.</param>
/// <param name="FirstSeasonIndices">The first cycle's indices (length = first period), index 0 for the first observation's position.</param>
/// <param name="SecondSeasonIndices">The second cycle's indices (length = second period), index 0 for the first observation's position.</param>
public sealed record DoubleSeasonalStates(double Level, double Trend, IReadOnlyList<double> FirstSeasonIndices, IReadOnlyList<double> SecondSeasonIndices)
{
    /// <summary>The first cycle's indices (copied: later changes to the caller's list do not reach the states).</summary>
    public IReadOnlyList<double> FirstSeasonIndices { get; init => field = ReadOnlyValueList<double>.CopyOf(value); } = ReadOnlyValueList<double>.CopyOf(FirstSeasonIndices);

    /// <summary>The second cycle's indices (copied).</summary>
    public IReadOnlyList<double> SecondSeasonIndices { get; init => field = ReadOnlyValueList<double>.CopyOf(value); } = ReadOnlyValueList<double>.CopyOf(SecondSeasonIndices);

    /// <summary>A readable line with the level, trend and index counts.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"level={Level:G6} trend={Trend:G4} indices={FirstSeasonIndices.Count}+{SecondSeasonIndices.Count}");
}

/// <summary>How the initial states of a double-seasonal model are estimated.</summary>
public enum DoubleSeasonalInitialization
{
    /// <summary>
    /// Averages over the first (up to four) full second cycles: level and trend from the cycle
    /// means, first-cycle indices as the mean detrended ratio (difference) per position, second-cycle
    /// indices as the mean remaining ratio per position, both normalised. The fit then refines the
    /// level and trend jointly with the smoothing parameters.
    /// </summary>
    Averaged,

    /// <summary>
    /// R <c>forecast::dshw</c>'s start-up: ratio-to-centred-moving-average indices from the first two
    /// cycles of each period, trend and level from the first two second cycles. For comparison with R.
    /// </summary>
    RatioToMovingAverage,
}
