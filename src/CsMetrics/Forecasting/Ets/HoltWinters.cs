using System.Globalization;
using CsMetrics.Internal;
using MathNet.Numerics.Distributions;

namespace CsMetrics.Forecasting;

/// <summary>How the seasonal indices combine with level and trend in classic Holt-Winters.</summary>
public enum HoltWintersSeasonality
{
    /// <summary><c>yhat = l + b + s</c>.</summary>
    Additive,

    /// <summary><c>yhat = (l + b) s</c>; needs a positive series.</summary>
    Multiplicative,
}

/// <summary>
/// Classic Holt-Winters exponential smoothing (Winters 1960) with R's <c>stats::HoltWinters</c>
/// start-up and least-squares objective, for users who compare with it. For likelihood-based
/// fitting, intervals from a model and automatic selection use <see cref="Ets"/>.
/// </summary>
public static class HoltWinters
{
    /// <summary>
    /// The sum of squared one-step errors of Holt-Winters with the given smoothing constants from the
    /// given start (allocation-free; the kernel of <see cref="Fit"/>).
    /// </summary>
    /// <param name="values">The series; the first <paramref name="seasonLength"/> values only start the recursion.</param>
    /// <param name="seasonLength">Observations per season m (at least 2).</param>
    /// <param name="seasonality">Additive or multiplicative.</param>
    /// <param name="alpha">Level smoothing in [0, 1].</param>
    /// <param name="beta">Trend smoothing in [0, 1].</param>
    /// <param name="gamma">Seasonal smoothing in [0, 1].</param>
    /// <param name="start">The start (R's <c>l.start</c>, <c>b.start</c>, <c>s.start</c>) from <see cref="StartValues"/>.</param>
    /// <param name="fitted">Receives the one-step forecasts for t = m+1..n (length n - m), or empty.</param>
    /// <param name="season">Scratch of length m; receives the last m seasonal indices, the next step's first.</param>
    /// <param name="level">The final level.</param>
    /// <param name="trend">The final trend.</param>
    /// <returns>The sum of squared errors over t = m+1..n (missing values skipped).</returns>
    /// <remarks>
    /// <c>l_t = alpha (y_t - s_{t-m}) + (1 - alpha)(l_{t-1} + b_{t-1})</c>, <c>b_t = beta (l_t - l_{t-1}) + (1 - beta) b_{t-1}</c>,
    /// <c>s_t = gamma (y_t - l_t) + (1 - gamma) s_{t-m}</c> (multiplicative: divisions instead of
    /// differences); the seasonal update uses the new level, as in Winters' form.
    /// </remarks>
    public static double SumSquaredErrors(ReadOnlySpan<double> values, int seasonLength, HoltWintersSeasonality seasonality,
        double alpha, double beta, double gamma, HoltWintersStart start, Span<double> fitted, Span<double> season,
        out double level, out double trend)
    {
        int m = seasonLength;
        bool multiplicative = seasonality == HoltWintersSeasonality.Multiplicative;
        level = start.Level;
        trend = start.Trend;
        DoubleSeasonalHoltWinters.CopyTo(start.Seasonals, season);
        double sse = 0;
        int position = 0;
        for (int t = m; t < values.Length; t++)
        {
            double s = season[position];
            double forecast = multiplicative ? (level + trend) * s : level + trend + s;
            if (fitted.Length != 0)
            {
                fitted[t - m] = forecast;
            }
            double y = values[t];
            if (double.IsNaN(y))
            {
                y = forecast;
            }
            else
            {
                sse += (y - forecast) * (y - forecast);
            }
            double previousLevel = level;
            level = alpha * (multiplicative ? y / s : y - s) + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
            season[position] = gamma * (multiplicative ? y / level : y - level) + (1 - gamma) * s;
            position = position + 1 == m ? 0 : position + 1;
        }
        // Rotate so that season[0] is the index of the next step.
        season[..position].Reverse();
        season[position..].Reverse();
        season.Reverse();
        return sse;
    }

    /// <summary>
    /// R's start values: a classical decomposition of the first two seasons; level and trend are the
    /// intercept and slope of a least-squares line through its centred moving average (the line's
    /// value at the first trend point), the seasonal indices its figure.
    /// </summary>
    /// <param name="values">The series (at least 2m + 1 values).</param>
    /// <param name="seasonLength">Observations per season (at least 2).</param>
    /// <param name="seasonality">Additive or multiplicative.</param>
    /// <exception cref="ArgumentException">Fewer than 2m + 1 values, or a missing value in the first two seasons.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 2.</exception>
    public static HoltWintersStart StartValues(ReadOnlySpan<double> values, int seasonLength, HoltWintersSeasonality seasonality)
    {
        CheckSeries(values, seasonLength, seasonality);
        int m = seasonLength;
        bool multiplicative = seasonality == HoltWintersSeasonality.Multiplicative;
        int half = m / 2;
        int count = 2 * m - 2 * half;
        var trendPoints = new double[count];
        var sums = new double[m];
        var counts = new int[m];
        for (int t = half; t < 2 * m - half; t++)
        {
            double average = 0;
            if (m % 2 == 0)
            {
                average = 0.5 * (values[t - half] + values[t + half]);
                for (int j = -half + 1; j < half; j++) average += values[t + j];
            }
            else
            {
                for (int j = -half; j <= half; j++) average += values[t + j];
            }
            average /= m;
            trendPoints[t - half] = average;
            sums[t % m] += multiplicative ? values[t] / average : values[t] - average;
            counts[t % m]++;
        }
        var figure = new double[m];
        double mean = 0;
        for (int j = 0; j < m; j++)
        {
            figure[j] = sums[j] / counts[j];
            mean += figure[j] / m;
        }
        for (int j = 0; j < m; j++)
        {
            figure[j] = multiplicative ? figure[j] / mean : figure[j] - mean;
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < count; i++)
        {
            double x = i + 1;
            sx += x;
            sy += trendPoints[i];
            sxx += x * x;
            sxy += x * trendPoints[i];
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        double intercept = (sy - slope * sx) / count;
        return new HoltWintersStart(intercept, slope, figure);
    }

    /// <summary>
    /// Fits classic Holt-Winters by least squares (R's objective: the SSE of one-step errors from
    /// t = m+1), searching alpha, beta, gamma in [0, 1]^3 from several starts (R starts once, at
    /// (0.3, 0.1, 0.1)). Smoothing constants given as numbers are held fixed.
    /// </summary>
    /// <param name="values">The series (NaN = missing after the first two seasons).</param>
    /// <param name="seasonLength">Observations per season (at least 2).</param>
    /// <param name="seasonality">Additive or multiplicative.</param>
    /// <param name="alpha">A fixed alpha, or null to estimate it.</param>
    /// <param name="beta">A fixed beta, or null to estimate it.</param>
    /// <param name="gamma">A fixed gamma, or null to estimate it.</param>
    /// <exception cref="ArgumentException">Fewer than 2m + 1 values, a missing value in the first two seasons, or an infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 2, a non-positive value for the multiplicative form, or a fixed constant outside [0, 1].</exception>
    public static HoltWintersFit Fit(ReadOnlySpan<double> values, int seasonLength, HoltWintersSeasonality seasonality,
        double? alpha = null, double? beta = null, double? gamma = null)
    {
        var start = StartValues(values, seasonLength, seasonality);
        if (alpha is { } a) Preconditions.CheckFraction(a, nameof(alpha));
        if (beta is { } b) Preconditions.CheckFraction(b, nameof(beta));
        if (gamma is { } g) Preconditions.CheckFraction(g, nameof(gamma));
        var objective = new SseObjective(values.ToArray(), seasonLength, seasonality, start, alpha, beta, gamma);
        int d = objective.Dimension;
        var best = new double[d];
        double bestValue = double.PositiveInfinity;
        bool converged = false;
        int evaluations = 0;
        double[][] starts = [[0.3, 0.1, 0.1], [0.5, 0.05, 0.5], [0.1, 0.01, 0.3], [0.8, 0.2, 0.8]];
        var point = new double[d];
        var step = Enumerable.Repeat(0.1, d).ToArray();
        var lower = new double[d];
        var upper = Enumerable.Repeat(1.0, d).ToArray();
        foreach (var s in starts)
        {
            objective.StartPoint(s, point);
            var result = BoundedNelderMead.Minimize(objective, point, step, lower, upper, 3_000);
            evaluations += result.Evaluations;
            if (result.Value < bestValue)
            {
                bestValue = result.Value;
                converged = result.Converged;
                point.CopyTo(best, 0);
            }
        }
        var (fa, fb, fg) = objective.Map(best);
        return Evaluate(values, seasonLength, seasonality, fa, fb, fg, converged, evaluations);
    }

    /// <summary>Holt-Winters with fixed smoothing constants and R's start values: fitted values, SSE, final coefficients and forecasts.</summary>
    /// <param name="values">The series.</param>
    /// <param name="seasonLength">Observations per season (at least 2).</param>
    /// <param name="seasonality">Additive or multiplicative.</param>
    /// <param name="alpha">Level smoothing in [0, 1].</param>
    /// <param name="beta">Trend smoothing in [0, 1].</param>
    /// <param name="gamma">Seasonal smoothing in [0, 1].</param>
    /// <exception cref="ArgumentException">As <see cref="StartValues"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A constant outside [0, 1], or as <see cref="StartValues"/>.</exception>
    public static HoltWintersFit Evaluate(ReadOnlySpan<double> values, int seasonLength, HoltWintersSeasonality seasonality,
        double alpha, double beta, double gamma) =>
        Evaluate(values, seasonLength, seasonality, alpha, beta, gamma, converged: true, evaluations: 1);

    private static HoltWintersFit Evaluate(ReadOnlySpan<double> values, int seasonLength, HoltWintersSeasonality seasonality,
        double alpha, double beta, double gamma, bool converged, int evaluations)
    {
        Preconditions.CheckFraction(alpha);
        Preconditions.CheckFraction(beta);
        Preconditions.CheckFraction(gamma);
        var start = StartValues(values, seasonLength, seasonality);
        var fitted = new double[values.Length - seasonLength];
        var season = new double[seasonLength];
        double sse = SumSquaredErrors(values, seasonLength, seasonality, alpha, beta, gamma, start, fitted, season, out double level, out double trend);
        var residuals = new double[fitted.Length];
        for (int i = 0; i < fitted.Length; i++)
        {
            residuals[i] = values[seasonLength + i] - fitted[i];
        }
        return new HoltWintersFit(seasonality, seasonLength, alpha, beta, gamma, sse, level, trend, season, fitted, residuals, converged, evaluations);
    }

    private static void CheckSeries(ReadOnlySpan<double> values, int seasonLength, HoltWintersSeasonality seasonality)
    {
        if (seasonLength < 2)
        {
            ThrowHelper.ThrowOutOfRange(nameof(seasonLength), seasonLength, "must be >= 2");
        }
        if (values.Length < 2 * seasonLength + 1)
        {
            ThrowHelper.ThrowArgument(nameof(values), $"values has {values.Length} observations; Holt-Winters with season length {seasonLength} needs at least {2 * seasonLength + 1}.");
        }
        for (int t = 0; t < values.Length; t++)
        {
            double y = values[t];
            if (double.IsInfinity(y) || (double.IsNaN(y) && t < 2 * seasonLength))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), t, y, t < 2 * seasonLength ? "must be a number: the first two seasons start the recursion" : "must be finite");
            }
            if (seasonality == HoltWintersSeasonality.Multiplicative && y <= 0)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(values), t, y, "must be > 0 for multiplicative Holt-Winters");
            }
        }
        SeriesScale.Check(values);
    }

    private sealed class SseObjective(double[] values, int m, HoltWintersSeasonality seasonality, HoltWintersStart start,
        double? alpha, double? beta, double? gamma) : IBoundedObjective
    {
        private readonly double[] _season = new double[m];

        public int Dimension => (alpha is null ? 1 : 0) + (beta is null ? 1 : 0) + (gamma is null ? 1 : 0);

        public (double Alpha, double Beta, double Gamma) Map(ReadOnlySpan<double> point)
        {
            int i = 0;
            double a = alpha ?? point[i++];
            double b = beta ?? point[i++];
            double g = gamma ?? point[i++];
            return (a, b, g);
        }

        public void StartPoint(double[] start3, Span<double> point)
        {
            int i = 0;
            if (alpha is null) point[i++] = start3[0];
            if (beta is null) point[i++] = start3[1];
            if (gamma is null) point[i++] = start3[2];
        }

        public double Evaluate(ReadOnlySpan<double> point)
        {
            var (a, b, g) = Map(point);
            double sse = SumSquaredErrors(values, m, seasonality, a, b, g, start, default, _season, out _, out _);
            return double.IsFinite(sse) ? sse : double.PositiveInfinity;
        }
    }
}

/// <summary>Holt-Winters start values: level and trend at time m, and the seasonal figure by position (first value's position first).</summary>
/// <param name="Level">R's <c>l.start</c>.</param>
/// <param name="Trend">R's <c>b.start</c>.</param>
/// <param name="Seasonals">R's <c>s.start</c>, length m (copied; equal starts compare equal).</param>
public sealed record HoltWintersStart(double Level, double Trend, IReadOnlyList<double> Seasonals)
{
    /// <summary>R's <c>s.start</c>, length m.</summary>
    public IReadOnlyList<double> Seasonals { get; init => field = ReadOnlyValueList<double>.CopyOf(value); } = ReadOnlyValueList<double>.CopyOf(Seasonals);
}

/// <summary>A fitted classic Holt-Winters model (R's <c>HoltWinters</c> object). Immutable and thread-safe.</summary>
public sealed class HoltWintersFit
{
    private readonly double[] _seasonals;
    private readonly double[] _fitted;
    private readonly double[] _residuals;

    internal HoltWintersFit(HoltWintersSeasonality seasonality, int seasonLength, double alpha, double beta, double gamma, double sse,
        double level, double trend, double[] seasonals, double[] fitted, double[] residuals, bool converged, int evaluations)
    {
        Seasonality = seasonality;
        SeasonLength = seasonLength;
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        SumSquaredErrors = sse;
        Level = level;
        Trend = trend;
        _seasonals = seasonals;
        _fitted = fitted;
        _residuals = residuals;
        Seasonals = ReadOnlyValueList<double>.Own(seasonals);
        Fitted = ReadOnlyValueList<double>.Own(fitted);
        Residuals = ReadOnlyValueList<double>.Own(residuals);
        Converged = converged;
        Evaluations = evaluations;
    }

    /// <summary>Additive or multiplicative.</summary>
    public HoltWintersSeasonality Seasonality { get; }

    /// <summary>Observations per season.</summary>
    public int SeasonLength { get; }

    /// <summary>Level smoothing.</summary>
    public double Alpha { get; }

    /// <summary>Trend smoothing.</summary>
    public double Beta { get; }

    /// <summary>Seasonal smoothing.</summary>
    public double Gamma { get; }

    /// <summary>The sum of squared one-step errors from t = m+1 (R's <c>SSE</c>).</summary>
    public double SumSquaredErrors { get; }

    /// <summary>The final level (R's coefficient <c>a</c>).</summary>
    public double Level { get; }

    /// <summary>The final trend (R's coefficient <c>b</c>).</summary>
    public double Trend { get; }

    /// <summary>The final seasonal indices, the one for the next step first (R's <c>s1..sm</c>).</summary>
    public IReadOnlyList<double> Seasonals { get; }

    /// <summary>The one-step forecasts for t = m+1..n.</summary>
    public IReadOnlyList<double> Fitted { get; }

    /// <summary><c>y_t - yhat_t</c> for t = m+1..n.</summary>
    public IReadOnlyList<double> Residuals { get; }

    /// <summary>False when the search stopped at its evaluation cap.</summary>
    public bool Converged { get; }

    /// <summary>SSE evaluations used by the search.</summary>
    public int Evaluations { get; }

    /// <summary>
    /// Forecasts <c>(a + h b) + s_h</c> (or times s_h). Additive models get R's
    /// <c>predict.HoltWinters</c> intervals: <c>var(residuals) (1 + sum_{j&lt;h} psi_j^2)</c>,
    /// <c>psi_j = alpha (1 + j beta) + [j mod m = 0] gamma (1 - alpha)</c>; multiplicative models get
    /// the point forecast only (NaN variance, no intervals): use <see cref="Ets"/> ETS(M,A,M) for a
    /// model-based interval.
    /// </summary>
    /// <param name="horizon">Steps ahead, in [1, <see cref="Forecasting.Forecast.MaxHorizon"/>].</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is out of range, or a level is not a fraction in (0, 1) (95 is named as a percent).</exception>
    public Forecast Forecast(int horizon, params double[] levels)
    {
        Forecasting.Forecast.CheckHorizon(horizon);
        double[] chosen = Forecasting.Forecast.ValidateLevels(levels);
        bool multiplicative = Seasonality == HoltWintersSeasonality.Multiplicative;
        var mean = new double[horizon];
        var variance = new double[horizon];
        double residualVariance = Variance(_residuals);
        double psiSquares = 1;
        for (int h = 1; h <= horizon; h++)
        {
            double s = _seasonals[(h - 1) % SeasonLength];
            double line = Level + h * Trend;
            mean[h - 1] = multiplicative ? line * s : line + s;
            if (h > 1)
            {
                int j = h - 1;
                double psi = Alpha * (1 + j * Beta) + (j % SeasonLength == 0 ? Gamma * (1 - Alpha) : 0);
                psiSquares += psi * psi;
            }
            variance[h - 1] = multiplicative ? double.NaN : residualVariance * psiSquares;
        }
        return multiplicative
            ? new Forecast(mean, variance, [], "none (multiplicative Holt-Winters)")
            : IntervalLevels.NormalForecast(mean, variance, chosen, "exact (predict.HoltWinters)");
    }

    private static double Variance(double[] data)
    {
        double mean = 0;
        int n = 0;
        foreach (double x in data)
        {
            if (!double.IsNaN(x)) { mean += x; n++; }
        }
        mean /= n;
        double sum = 0;
        foreach (double x in data)
        {
            if (!double.IsNaN(x)) sum += (x - mean) * (x - mean);
        }
        return sum / (n - 1);
    }

    /// <summary>One line: the form, constants, SSE and convergence.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Holt-Winters ({Seasonality}, m={SeasonLength}) alpha={Alpha:G6} beta={Beta:G6} gamma={Gamma:G6} SSE={SumSquaredErrors:G8} {(Converged ? "converged" : "NOT converged")}");
}
