using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>The information criterion an automatic ARIMA search minimises.</summary>
public enum ArimaCriterion
{
    /// <summary>Akaike's criterion corrected for small samples (the default, as R's <c>auto.arima</c>).</summary>
    Aicc,

    /// <summary>Akaike's criterion.</summary>
    Aic,

    /// <summary>The Bayesian (Schwarz) criterion.</summary>
    Bic,
}

/// <summary>
/// Options for <see cref="Arima.Fit"/> and <see cref="Arima.FitAuto"/>. The defaults are R's
/// (<c>forecast::Arima</c> and <c>forecast::auto.arima</c>, Hyndman and Khandakar 2008). Immutable and thread-safe.
/// </summary>
public sealed record ArimaOptions
{
    /// <summary>The defaults.</summary>
    public static ArimaOptions Default { get; } = new();

    /// <summary>
    /// A linear trend (drift) term for models with <c>d + D &lt;= 1</c>: with <c>d + D = 1</c> it is the mean of the
    /// differenced series (per step). Null (the default) is automatic: <see cref="Arima.Fit"/> leaves it out (R's
    /// <c>Arima</c>), <see cref="Arima.FitAuto"/> lets the search choose it where <c>d + D = 1</c> (R's
    /// <c>allowdrift</c>). True forces it (and with <c>d + D &gt;= 2</c> is an error in <see cref="Arima.Fit"/>); false excludes it.
    /// </summary>
    public bool? IncludeDrift { get; init; }

    /// <summary>
    /// A non-zero mean for models with <c>d + D = 0</c> (ignored otherwise: differencing removes it). Null (the default)
    /// is automatic: <see cref="Arima.Fit"/> includes it (R's <c>include.mean</c>), <see cref="Arima.FitAuto"/> lets the
    /// search choose (R's <c>allowmean</c>). True forces it; false excludes it.
    /// </summary>
    public bool? IncludeMean { get; init; }

    /// <summary>The largest non-seasonal AR order the search tries (default 5, in [0, 20]).</summary>
    public int MaxP { get; init; } = 5;

    /// <summary>The largest non-seasonal MA order the search tries (default 5, in [0, 20]).</summary>
    public int MaxQ { get; init; } = 5;

    /// <summary>The largest seasonal AR order the search tries (default 2, in [0, 5]).</summary>
    public int MaxSeasonalP { get; init; } = 2;

    /// <summary>The largest seasonal MA order the search tries (default 2, in [0, 5]).</summary>
    public int MaxSeasonalQ { get; init; } = 2;

    /// <summary>The largest <c>p + q + P + Q</c> the stepwise search tries (default 5, R's <c>max.order</c>).</summary>
    public int MaxOrder { get; init; } = 5;

    /// <summary>The largest non-seasonal differencing order the KPSS tests may choose (default 2, in [0, 3]).</summary>
    public int MaxD { get; init; } = 2;

    /// <summary>The largest seasonal differencing order the seasonal-strength test may choose (default 1, in [0, 2]).</summary>
    public int MaxSeasonalD { get; init; } = 1;

    /// <summary>Fix d instead of testing (null: KPSS tests, the default).</summary>
    public int? D { get; init; }

    /// <summary>Fix D instead of testing (null: seasonal-strength test, the default).</summary>
    public int? SeasonalD { get; init; }

    /// <summary>The stepwise search of Hyndman and Khandakar (2008) (default); false fits every order within the limits.</summary>
    public bool Stepwise { get; init; } = true;

    /// <summary>The criterion the search minimises (default <see cref="ArimaCriterion.Aicc"/>).</summary>
    public ArimaCriterion Criterion { get; init; } = ArimaCriterion.Aicc;

    /// <summary>The most models the stepwise search fits (default 94, R's <c>nmodels</c>; at least 1).</summary>
    public int MaxModels { get; init; } = 94;

    /// <summary>The cap on likelihood evaluations per fitted model (default 10,000; at least 10).</summary>
    public int MaxEvaluations { get; init; } = 10_000;

    /// <summary>Checks every field; throws <see cref="ArgumentOutOfRangeException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        CheckRange(MaxP, 0, 20, nameof(MaxP));
        CheckRange(MaxQ, 0, 20, nameof(MaxQ));
        CheckRange(MaxSeasonalP, 0, 5, nameof(MaxSeasonalP));
        CheckRange(MaxSeasonalQ, 0, 5, nameof(MaxSeasonalQ));
        CheckRange(MaxOrder, 0, 50, nameof(MaxOrder));
        CheckRange(MaxD, 0, 3, nameof(MaxD));
        CheckRange(MaxSeasonalD, 0, 2, nameof(MaxSeasonalD));
        if (D is int d)
        {
            CheckRange(d, 0, 3, nameof(D));
        }
        if (SeasonalD is int sd)
        {
            CheckRange(sd, 0, 2, nameof(SeasonalD));
        }
        if (!Enum.IsDefined(Criterion))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Criterion), Criterion, "must be Aicc, Aic or Bic");
        }
        CheckRange(MaxModels, 1, 10_000, nameof(MaxModels));
        CheckRange(MaxEvaluations, 10, 10_000_000, nameof(MaxEvaluations));
    }

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            ThrowHelper.ThrowOutOfRange(name, value, string.Create(CultureInfo.InvariantCulture, $"must be in [{min}, {max}]"));
        }
    }
}
