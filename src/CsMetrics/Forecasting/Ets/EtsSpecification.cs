using System.Diagnostics.CodeAnalysis;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>How the error enters an ETS model (Hyndman et al. 2008, ch. 2).</summary>
public enum EtsError
{
    /// <summary>Additive error: <c>y_t = yhat_t + e_t</c>.</summary>
    Additive,

    /// <summary>Multiplicative (relative) error: <c>y_t = yhat_t (1 + e_t)</c>; needs a positive series.</summary>
    Multiplicative,
}

/// <summary>The trend component of an ETS model.</summary>
public enum EtsTrend
{
    /// <summary>No trend (letter N).</summary>
    None,

    /// <summary>Additive (linear) trend (letter A).</summary>
    Additive,

    /// <summary>Additive trend damped by <c>phi</c> (letters Ad).</summary>
    AdditiveDamped,
}

/// <summary>The seasonal component of an ETS model.</summary>
public enum EtsSeason
{
    /// <summary>No seasonality (letter N).</summary>
    None,

    /// <summary>Additive seasonal indices summing to zero over a season (letter A).</summary>
    Additive,

    /// <summary>Multiplicative seasonal indices summing to the season length (letter M); needs a positive series.</summary>
    Multiplicative,
}

/// <summary>
/// An ETS model form: error, trend and season types and the season length, written as R writes it
/// (<c>ETS(M,Ad,M)</c>, short name <c>MAdM</c>). Immutable and thread-safe.
/// </summary>
/// <param name="Error">The error type.</param>
/// <param name="Trend">The trend type.</param>
/// <param name="Season">The season type.</param>
/// <param name="SeasonLength">Observations per season (12 for monthly data); 1 for non-seasonal models.</param>
public readonly record struct EtsSpecification(EtsError Error, EtsTrend Trend, EtsSeason Season, int SeasonLength)
{
    /// <summary>True when the model has a trend.</summary>
    public bool HasTrend => Trend != EtsTrend.None;

    /// <summary>True when the model has a seasonal component.</summary>
    public bool HasSeason => Season != EtsSeason.None;

    /// <summary>True when the trend is damped (a <c>phi</c> parameter exists).</summary>
    public bool IsDamped => Trend == EtsTrend.AdditiveDamped;

    /// <summary>True when any component is multiplicative, so the series must be positive.</summary>
    public bool NeedsPositiveData => Error == EtsError.Multiplicative || Season == EtsSeason.Multiplicative;

    /// <summary>The length of the state vector <c>(l, b, s_1..s_m)</c>.</summary>
    public int StateLength => 1 + (HasTrend ? 1 : 0) + (HasSeason ? SeasonLength : 0);

    /// <summary>The number of smoothing parameters (alpha, beta, gamma, phi) the model has.</summary>
    public int SmoothingParameterCount => 1 + (HasTrend ? 1 : 0) + (HasSeason ? 1 : 0) + (IsDamped ? 1 : 0);

    /// <summary>The number of initial states that are estimated: the last seasonal index is fixed by the normalisation.</summary>
    public int FreeInitialStateCount => 1 + (HasTrend ? 1 : 0) + (HasSeason ? SeasonLength - 1 : 0);

    /// <summary>
    /// The forecast-variance class of Hyndman et al. (2008, ch. 6): 1 linear homoscedastic (additive
    /// error and components), 2 linear heteroscedastic (multiplicative error, additive components),
    /// 3 multiplicative seasonality (no exact variance formula: intervals are simulated).
    /// </summary>
    public int VarianceClass => Season == EtsSeason.Multiplicative ? 3 : Error == EtsError.Multiplicative ? 2 : 1;

    /// <summary>The short name as in R's <c>model</c> argument, e.g. <c>MAdM</c>.</summary>
    public string ShortName => $"{Letter(Error)}{Letter(Trend)}{Letter(Season)}";

    /// <summary>R's method name, e.g. <c>ETS(M,Ad,M)</c>.</summary>
    public override string ToString() => $"ETS({Letter(Error)},{Letter(Trend)},{Letter(Season)})";

    /// <summary>
    /// Parses R's short model names (<c>ANN</c>, <c>AAdA</c>, <c>MAM</c>, ...; case-insensitive) or the
    /// <c>ETS(M,Ad,M)</c> form.
    /// </summary>
    /// <param name="name">The model name.</param>
    /// <param name="seasonLength">Observations per season; ignored (set to 1) for non-seasonal models.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a model of the family.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seasonal model with <paramref name="seasonLength"/> &lt; 2.</exception>
    public static EtsSpecification Parse(string name, int seasonLength)
    {
        if (!TryParse(name, seasonLength, out var specification))
        {
            ThrowHelper.ThrowArgument(nameof(name),
                $"'{name}' is not an ETS model: use error (A|M), trend (N|A|Ad), season (N|A|M), e.g. ANN, AAdA, MAM.");
        }
        if (specification.HasSeason && seasonLength < 2)
        {
            ThrowHelper.ThrowOutOfRange(nameof(seasonLength), seasonLength, $"must be >= 2 for the seasonal model {name}");
        }
        return specification;
    }

    /// <summary>Parses like <see cref="Parse"/> without throwing; a seasonal model with a season length below 2 fails.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, int seasonLength, out EtsSpecification specification)
    {
        specification = default;
        if (name is null)
        {
            return false;
        }
        var text = name.Trim().ToUpperInvariant();
        if (text.StartsWith("ETS(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            text = text[4..^1].Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        }
        if (text.Length is < 3 or > 4)
        {
            return false;
        }
        EtsError? error = text[0] switch { 'A' => EtsError.Additive, 'M' => EtsError.Multiplicative, _ => null };
        string trendText = text.Length == 4 ? text[1..3] : text[1..2];
        EtsTrend? trend = trendText switch { "N" => EtsTrend.None, "A" => EtsTrend.Additive, "AD" => EtsTrend.AdditiveDamped, _ => null };
        EtsSeason? season = text[^1] switch { 'N' => EtsSeason.None, 'A' => EtsSeason.Additive, 'M' => EtsSeason.Multiplicative, _ => null };
        if (error is null || trend is null || season is null)
        {
            return false;
        }
        if (season != EtsSeason.None && seasonLength < 2)
        {
            return false;
        }
        specification = new EtsSpecification(error.Value, trend.Value, season.Value, season == EtsSeason.None ? 1 : seasonLength);
        return true;
    }

    private static string Letter(EtsError error) => error == EtsError.Additive ? "A" : "M";

    private static string Letter(EtsTrend trend) => trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" };

    private static string Letter(EtsSeason season) => season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" };
}

/// <summary>
/// ETS smoothing parameters. An absent parameter (beta without trend, gamma without season, phi
/// without damping) is NaN; in <see cref="EtsOptions.Fixed"/>, NaN means "estimate it".
/// Immutable and thread-safe.
/// </summary>
/// <param name="Alpha">Level smoothing, in [0, 1].</param>
/// <param name="Beta">Trend smoothing, in [0, alpha] (NaN when absent or free).</param>
/// <param name="Gamma">Seasonal smoothing, in [0, 1 - alpha] (NaN when absent or free).</param>
/// <param name="Phi">Damping, in (0, 1] (NaN when absent or free).</param>
public readonly record struct EtsParameters(double Alpha, double Beta = double.NaN, double Gamma = double.NaN, double Phi = double.NaN)
{
    /// <summary>No parameter fixed: every parameter of the model is estimated.</summary>
    public static EtsParameters Free => new(double.NaN);

    /// <summary>The parameters as <c>alpha=0.3 beta=0.01 ...</c>, absent ones left out.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        Add(parts, "alpha", Alpha);
        Add(parts, "beta", Beta);
        Add(parts, "gamma", Gamma);
        Add(parts, "phi", Phi);
        return string.Join(' ', parts);
    }

    private static void Add(List<string> parts, string name, double value)
    {
        if (!double.IsNaN(value))
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}={value:G6}"));
        }
    }
}
