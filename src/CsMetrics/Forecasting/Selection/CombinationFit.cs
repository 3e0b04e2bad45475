using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// An equal-weight forecast combination: the mean of its members' forecasts, as the M4 competition's
/// "Comb" benchmark of ETS, ARIMA and Theta (Makridakis, Spiliotis &amp; Assimakopoulos 2020, "The M4
/// Competition: 100,000 time series and 61 forecasting methods", IJF 36(1)). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Mean: <c>yhat(h) = (1/k) sum_i yhat_i(h)</c>.</para>
/// <para>Intervals: the mean of the members' bounds at each level, i.e. the average of their quantiles
/// ("Vincentization"; Lichtendahl, Grushka-Cockayne &amp; Winkler 2013, "Is it better to average probabilities
/// or quantiles?", Management Science 59(7)). Averaging quantiles keeps the members' common shape and gives
/// a band no wider than the widest member's, where averaging the distributions would widen it by the
/// members' disagreement; it nests (80% inside 95%) because every member's intervals nest. For normal
/// members it is the normal interval with standard deviation <c>(1/k) sum_i sigma_i</c>, which is the
/// variance reported: <c>((1/k) sum_i sqrt(v_i))^2</c>. The members' errors are strongly correlated, so this
/// is close to the combination's true spread; <see cref="ForecastModels.FitAuto"/> then checks and
/// recalibrates it from rolling-origin errors.</para>
/// </remarks>
public sealed class CombinationFit : IForecastModel
{
    private readonly IForecastModel[] _members;

    /// <summary>Combines fitted models of the same series with equal weights.</summary>
    /// <param name="members">At least one fitted model, all fitted to the same series.</param>
    /// <exception cref="ArgumentException">No members, or a null member.</exception>
    public CombinationFit(IEnumerable<IForecastModel> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = members.ToArray();
        if (_members.Length == 0)
        {
            ThrowHelper.ThrowArgument(nameof(members), "members is empty: a combination needs at least one model.");
        }
        if (_members.Any(m => m is null))
        {
            ThrowHelper.ThrowArgument(nameof(members), "members has a null model.");
        }
        Members = ReadOnlyValueList<IForecastModel>.Own(_members);
    }

    /// <summary>The combined models, in the order given.</summary>
    public IReadOnlyList<IForecastModel> Members { get; }

    /// <inheritdoc/>
    public string Family => "Combination";

    /// <summary>The members' names, e.g. <c>Combination(ETS(M,A,M), ARIMA(0,1,1)(0,1,1)[12], Theta)</c>.</summary>
    public string Name => $"Combination({string.Join(", ", _members.Select(m => m.Name))})";

    /// <summary>The longest season length among the members.</summary>
    public int SeasonLength => _members.Max(m => m.SeasonLength);

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> out of range or a level not a fraction in (0, 1).</exception>
    public Forecast Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken = default)
    {
        Forecasting.Forecast.CheckHorizon(horizon);
        double[] chosen = Forecasting.Forecast.ValidateLevels(levels);
        var forecasts = new Forecast[_members.Length];
        for (int i = 0; i < _members.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            forecasts[i] = _members[i].Forecast(horizon, chosen, cancellationToken);
        }
        double k = _members.Length;
        var mean = new double[horizon];
        var variance = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            double sum = 0, sd = 0;
            foreach (var f in forecasts)
            {
                sum += f.Mean[h];
                sd += Math.Sqrt(f.Variance[h]);
            }
            mean[h] = sum / k;
            variance[h] = sd / k * (sd / k);
        }
        var intervals = new PredictionInterval[chosen.Length];
        for (int l = 0; l < chosen.Length; l++)
        {
            var lower = new double[horizon];
            var upper = new double[horizon];
            foreach (var f in forecasts)
            {
                var interval = f.IntervalAt(chosen[l]);
                for (int h = 0; h < horizon; h++)
                {
                    lower[h] += interval.Lower[h] / k;
                    upper[h] += interval.Upper[h] / k;
                }
            }
            intervals[l] = PredictionInterval.Own(chosen[l], lower, upper);
        }
        return new Forecast(mean, variance, intervals, string.Create(CultureInfo.InvariantCulture,
            $"mean of {_members.Length} members' quantiles ({string.Join("; ", forecasts.Select(f => f.IntervalMethod).Distinct())})"));
    }

    /// <summary>The combination's name.</summary>
    public override string ToString() => Name;
}
