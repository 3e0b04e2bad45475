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
    /// <exception cref="ArgumentException">A value is NaN or infinite (the message names its index), or the series is too short for even <c>ARIMA(0,d,0)(0,D,0)</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1, or an option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>
    /// D: one seasonal difference when the STL seasonal strength (Wang, Smith and Hyndman 2006) exceeds 0.64 (as
    /// <c>forecast::nsdiffs</c>); d: first differences while the KPSS test (Kwiatkowski et al. 1992) rejects level
    /// stationarity at 5%. Then the stepwise search from <c>(2,d,2)(1,D,1)</c>, <c>(0,d,0)(0,D,0)</c>, <c>(1,d,0)(1,D,0)</c>,
    /// <c>(0,d,1)(0,D,1)</c> (with a constant where <c>d + D &lt;= 1</c>) and <c>(0,d,0)(0,D,0)</c> without, moving P, Q, p, q by
    /// one (singly and in pairs) and toggling the constant, taking the first improvement of the criterion; models with
    /// an AR or MA root within 1.01 of the unit circle are rejected. Every fit uses the exact likelihood (R's
    /// <c>approximation = FALSE</c>); the chosen model is refitted from two starts. See docs/forecasting.md#arima.
    /// </remarks>
    public static ArimaFit FitAuto(ReadOnlySpan<double> values, int seasonLength, ArimaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ArimaOptions.Default;
        options.Validate();
        var y = CheckValues(values);
        return AutoSearch(y, seasonLength, options, cancellationToken);
    }
}
