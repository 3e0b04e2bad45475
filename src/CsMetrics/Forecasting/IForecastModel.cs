namespace CsMetrics.Forecasting;

/// <summary>
/// A fitted forecasting model, whatever its family: what batch forecasting, rolling-origin back-tests, the
/// combination, the automatic family choice, the planner and the CLI need from it. Implemented by
/// <see cref="EtsFit"/> and by every other family's fitted model.
/// </summary>
/// <remarks>
/// Implementations are immutable and thread-safe. <see cref="Forecast"/> returns the mean, the variance
/// per step and one <see cref="PredictionInterval"/> per level; levels are fractions in (0, 1)
/// (docs/api-conventions.md#levels).
/// </remarks>
public interface IForecastModel
{
    /// <summary>The model family as the CLI reports it: <c>"ETS"</c>, <c>"ARIMA"</c>, <c>"Theta"</c>, <c>"Combination"</c>, ...</summary>
    string Family { get; }

    /// <summary>The fitted model in its family's usual notation, e.g. <c>ETS(M,Ad,M)</c> or <c>ARIMA(0,1,1)(0,1,1)[12]</c>.</summary>
    string Name { get; }

    /// <summary>Observations per season the model was fitted with (1 for non-seasonal models).</summary>
    int SeasonLength { get; }

    /// <summary>Forecasts <paramref name="horizon"/> steps after the end of the fitted data.</summary>
    /// <param name="horizon">Steps ahead, 1 to <see cref="Forecasting.Forecast.MaxHorizon"/>.</param>
    /// <param name="levels">Interval levels, fractions in (0, 1); an empty list gives no intervals.</param>
    /// <param name="cancellationToken">Cancels a long (simulated) forecast.</param>
    Forecast Forecast(int horizon, IReadOnlyList<double> levels, CancellationToken cancellationToken = default);
}
