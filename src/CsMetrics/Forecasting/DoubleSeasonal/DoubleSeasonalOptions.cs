using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Options for <see cref="DoubleSeasonalHoltWinters.Fit"/>, <see cref="DoubleSeasonalHoltWinters.FitAndForecast"/>
/// and <see cref="DoubleSeasonalHoltWinters.FitMany"/>: the model's form and trend, the open-hours mask, fixed
/// parameters or initial states, the start-up and the search budget. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The defaults are Taylor's (2003) model as R's <c>forecast::dshw</c> fits it: multiplicative, with a trend,
/// always open, every parameter estimated. <see cref="Validate"/> checks what can be checked without the series;
/// the fit also checks <see cref="OpenHours"/> and <see cref="InitialStates"/> against the periods and
/// <see cref="Initialization"/> against the series (<see cref="ArgumentException"/> with ParamName <c>options</c>).
/// </remarks>
public sealed record DoubleSeasonalOptions
{
    /// <summary>The defaults: multiplicative with trend, always open, everything estimated, averaged start-up, 3,000 evaluations.</summary>
    public static DoubleSeasonalOptions Default { get; } = new();

    /// <summary>Multiplicative (Taylor 2003, the default; needs values &gt;= 0 at open intervals) or additive.</summary>
    public DoubleSeasonalForm Form { get; init; } = DoubleSeasonalForm.Multiplicative;

    /// <summary>
    /// Which intervals of the longer cycle are open; its cycle length must equal period2. Null (default) = always
    /// open. In <see cref="DoubleSeasonalHoltWinters.FitMany"/>, null detects each series' own closed intervals
    /// with <see cref="OpenHoursMask.Detect"/>.
    /// </summary>
    public OpenHoursMask? OpenHours { get; init; }

    /// <summary>Whether the model has a trend (default true, as Taylor 2003; with false, beta and the trend are 0).</summary>
    public bool Trend { get; init; } = true;

    /// <summary>
    /// Parameters to use as given, with no optimisation: alpha, beta, gamma and omega fractions in [0, 1], phi in
    /// [-0.999, 0.999], beta 0 when <see cref="Trend"/> is false. Null (default) estimates them.
    /// </summary>
    public DoubleSeasonalParameters? FixedParameters { get; init; }

    /// <summary>
    /// Initial level, trend and indices to use as given (not refined); the index lists must have period1 and
    /// period2 entries. Null (default) estimates them with <see cref="Initialization"/>.
    /// </summary>
    public DoubleSeasonalStates? InitialStates { get; init; }

    /// <summary>How to estimate the initial states (default <see cref="DoubleSeasonalInitialization.Averaged"/>; ignored when <see cref="InitialStates"/> is given).</summary>
    public DoubleSeasonalInitialization Initialization { get; init; } = DoubleSeasonalInitialization.Averaged;

    /// <summary>Objective evaluations allowed per optimiser start, in [10, 10,000,000] (default 3,000).</summary>
    public int MaxEvaluations { get; init; } = 3000;

    /// <summary>Checks every option that does not depend on the series; throws for the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An unknown <see cref="Form"/> or <see cref="Initialization"/>; <see cref="MaxEvaluations"/> outside
    /// [10, 10,000,000]; a fixed parameter out of range (ParamName <c>FixedParameters</c>, the parameter in the message);
    /// non-finite initial states.
    /// </exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Form))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Form), Form, "must be Multiplicative or Additive");
        }
        if (FixedParameters is { } p)
        {
            CheckFixed(p.Alpha, "Alpha", 0, 1);
            CheckFixed(p.Beta, "Beta", 0, 1);
            CheckFixed(p.Gamma, "Gamma", 0, 1);
            CheckFixed(p.Omega, "Omega", 0, 1);
            CheckFixed(p.Phi, "Phi", -0.999, 0.999);
            if (!Trend && p.Beta != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(FixedParameters), p.Beta,
                    $"FixedParameters.Beta must be 0 for a model without trend (Trend = false); got {p.Beta}.");
            }
        }
        if (InitialStates is { } states)
        {
            if (!double.IsFinite(states.Level) || !double.IsFinite(states.Trend))
            {
                throw new ArgumentOutOfRangeException(nameof(InitialStates), states.Level,
                    $"InitialStates.Level and .Trend must be finite; got {states.Level} and {states.Trend}.");
            }
        }
        if (!Enum.IsDefined(Initialization))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Initialization), Initialization, "must be Averaged or RatioToMovingAverage");
        }
        if (MaxEvaluations < 10 || MaxEvaluations > 10_000_000)
        {
            ThrowHelper.ThrowOutOfRange(nameof(MaxEvaluations), MaxEvaluations, "must be in [10, 10000000]");
        }
    }

    private static void CheckFixed(double value, string name, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(nameof(FixedParameters), value,
                $"FixedParameters.{name} must be in [{min}, {max}]; got {value}.");
        }
    }
}
