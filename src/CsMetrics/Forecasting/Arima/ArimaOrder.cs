using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The orders of a seasonal ARIMA model <c>ARIMA(p,d,q)(P,D,Q)[m]</c> (Box and Jenkins 1970; R's notation):
/// <c>phi(B) Phi(B^m) (1 - B)^d (1 - B^m)^D y_t = c + theta(B) Theta(B^m) e_t</c>. Immutable and thread-safe.
/// </summary>
/// <param name="P">Non-seasonal autoregressive order p (&gt;= 0).</param>
/// <param name="D">Non-seasonal differencing order d (&gt;= 0).</param>
/// <param name="Q">Non-seasonal moving-average order q (&gt;= 0).</param>
/// <param name="SeasonalP">Seasonal autoregressive order P (&gt;= 0; 0 unless <paramref name="SeasonLength"/> &gt;= 2).</param>
/// <param name="SeasonalD">Seasonal differencing order D (&gt;= 0; 0 unless <paramref name="SeasonLength"/> &gt;= 2).</param>
/// <param name="SeasonalQ">Seasonal moving-average order Q (&gt;= 0; 0 unless <paramref name="SeasonLength"/> &gt;= 2).</param>
/// <param name="SeasonLength">Observations per season m (1 for a non-seasonal model).</param>
public readonly record struct ArimaOrder(int P, int D, int Q, int SeasonalP, int SeasonalD, int SeasonalQ, int SeasonLength)
{
    /// <summary>A non-seasonal order <c>ARIMA(p,d,q)</c>.</summary>
    public static ArimaOrder NonSeasonal(int p, int d, int q) => new(p, d, q, 0, 0, 0, 1);

    /// <summary>True when the model has a seasonal part (m &gt;= 2 and P, D or Q positive).</summary>
    public bool IsSeasonal => SeasonLength > 1 && (SeasonalP | SeasonalD | SeasonalQ) != 0;

    /// <summary>The full autoregressive order of the expanded polynomial, <c>p + m P</c>.</summary>
    public int ExpandedArOrder => P + (IsSeasonal ? SeasonLength * SeasonalP : 0);

    /// <summary>The full moving-average order of the expanded polynomial, <c>q + m Q</c>.</summary>
    public int ExpandedMaOrder => Q + (IsSeasonal ? SeasonLength * SeasonalQ : 0);

    /// <summary>Observations lost to differencing, <c>d + m D</c>.</summary>
    public int DifferencingLength => D + (IsSeasonal ? SeasonLength * SeasonalD : 0);

    /// <summary>The number of ARMA coefficients, <c>p + q + P + Q</c>.</summary>
    public int ArmaParameterCount => P + Q + (IsSeasonal ? SeasonalP + SeasonalQ : 0);

    /// <summary>R's notation: <c>ARIMA(p,d,q)(P,D,Q)[m]</c>, or <c>ARIMA(p,d,q)</c> when m &lt;= 1 or the seasonal part is all zero.</summary>
    public override string ToString() => IsSeasonal
        ? string.Create(CultureInfo.InvariantCulture, $"ARIMA({P},{D},{Q})({SeasonalP},{SeasonalD},{SeasonalQ})[{SeasonLength}]")
        : string.Create(CultureInfo.InvariantCulture, $"ARIMA({P},{D},{Q})");

    /// <summary>The most any single order may be (p, q, d; P, Q, D are further limited by the expanded size).</summary>
    internal const int MaxOrder = 100;

    /// <summary>The largest expanded AR or MA order (<c>p + m P</c>, <c>q + m Q</c>) a fit accepts: the state has this many elements.</summary>
    internal const int MaxExpandedOrder = 2_000;

    /// <summary>Checks the orders; throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/> and the field.</summary>
    internal void Validate(string paramName)
    {
        Check(P, nameof(P), paramName);
        Check(D, nameof(D), paramName);
        Check(Q, nameof(Q), paramName);
        Check(SeasonalP, nameof(SeasonalP), paramName);
        Check(SeasonalD, nameof(SeasonalD), paramName);
        Check(SeasonalQ, nameof(SeasonalQ), paramName);
        if (SeasonLength < 1)
        {
            ThrowHelper.ThrowOutOfRange(paramName, SeasonLength, "SeasonLength must be >= 1");
        }
        if (SeasonLength == 1 && (SeasonalP | SeasonalD | SeasonalQ) != 0)
        {
            ThrowHelper.ThrowOutOfRange(paramName, this, "has a seasonal part (SeasonalP, SeasonalD or SeasonalQ > 0), which needs SeasonLength >= 2");
        }
        if ((long)P + (long)SeasonLength * SeasonalP > MaxExpandedOrder || (long)Q + (long)SeasonLength * SeasonalQ > MaxExpandedOrder
            || (long)D + (long)SeasonLength * SeasonalD > MaxExpandedOrder)
        {
            ThrowHelper.ThrowOutOfRange(paramName, this, string.Create(CultureInfo.InvariantCulture,
                $"needs p + m P, q + m Q and d + m D each <= {MaxExpandedOrder}"));
        }
    }

    private void Check(int value, string field, string paramName)
    {
        if (value < 0 || value > MaxOrder)
        {
            ThrowHelper.ThrowOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{field} must be in [0, {MaxOrder}]"));
        }
    }
}
