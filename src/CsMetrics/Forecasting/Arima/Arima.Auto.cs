namespace CsMetrics.Forecasting;

public static partial class Arima
{
    /// <summary>
    /// Chooses and fits a seasonal ARIMA model automatically, as Hyndman and Khandakar (2008).
    /// </summary>
    /// <param name="values">The series, oldest first; every value finite.</param>
    /// <param name="seasonLength">Observations per season m (1 for a non-seasonal search).</param>
    /// <param name="options">Search limits, drift and mean rules, criterion; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The chosen fit.</returns>
    public static ArimaFit FitAuto(ReadOnlySpan<double> values, int seasonLength, ArimaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ArimaOptions.Default;
        options.Validate();
        var y = CheckValues(values);
        return AutoSearch(y, seasonLength, options, cancellationToken);
    }
}
