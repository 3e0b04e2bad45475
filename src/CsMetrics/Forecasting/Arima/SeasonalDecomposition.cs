using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae and Terpenning (1990,
/// J. Official Statistics 6(1)), non-robust (two inner passes, no outer loop), with R's <c>stl</c> defaults
/// for the windows: seasonal loess of degree 0 over <c>sWindow</c> cycles, low-pass loess of degree 1 over
/// <c>nextodd(m)</c>, trend loess of degree 1 over <c>nextodd(ceil(1.5 m / (1 - 1.5 / sWindow)))</c>. Every loess is
/// evaluated at every point (R interpolates between every <c>ceil(window / 10)</c>-th point).
/// </summary>
internal static class SeasonalDecomposition
{
    /// <summary>The seasonal window of R's <c>mstl</c> for the first (here only) season length: 7 + 4 = 11.</summary>
    public const int DefaultSeasonalWindow = 11;

    public static (double[] Seasonal, double[] Trend, double[] Remainder) Stl(ReadOnlySpan<double> y, int period, int seasonalWindow = DefaultSeasonalWindow)
    {
        int n = y.Length;
        int ns = NextOdd(seasonalWindow);
        int nt = NextOdd((int)Math.Ceiling(1.5 * period / (1 - 1.5 / ns)));
        int nl = NextOdd(period);
        var trend = new double[n];
        var seasonal = new double[n];
        var detrended = new double[n];
        var cycle = new double[n + 2 * period];
        var sub = new double[n / period + 2];
        var deseasonal = new double[n];
        for (int pass = 0; pass < 2; pass++)
        {
            for (int t = 0; t < n; t++)
            {
                detrended[t] = y[t] - trend[t];
            }
            for (int k = 0; k < period; k++)
            {
                int len = 0;
                for (int t = k; t < n; t += period)
                {
                    sub[len++] = detrended[t];
                }
                for (int j = -1; j <= len; j++)
                {
                    int index = k + (j + 1) * period;
                    if (index < cycle.Length)
                    {
                        cycle[index] = Loess(sub.AsSpan(0, len), ns, 0, j);
                    }
                }
            }
            var low = MovingAverage(MovingAverage(MovingAverage(cycle, period), period), 3);
            for (int t = 0; t < n; t++)
            {
                seasonal[t] = cycle[t + period] - Loess(low, nl, 1, t);
            }
            for (int t = 0; t < n; t++)
            {
                deseasonal[t] = y[t] - seasonal[t];
            }
            for (int t = 0; t < n; t++)
            {
                trend[t] = Loess(deseasonal, nt, 1, t);
            }
        }
        var remainder = new double[n];
        for (int t = 0; t < n; t++)
        {
            remainder[t] = y[t] - seasonal[t] - trend[t];
        }
        return (seasonal, trend, remainder);
    }

    /// <summary>
    /// The seasonal strength <c>F_s = max(0, min(1, 1 - Var(R) / Var(S + R)))</c> of Wang, Smith and Hyndman (2006,
    /// Data Mining and Knowledge Discovery 13) from the STL remainder R and seasonal component S.
    /// </summary>
    public static double SeasonalStrength(ReadOnlySpan<double> y, int period)
    {
        var (seasonal, _, remainder) = Stl(y, period);
        var sum = new double[y.Length];
        for (int t = 0; t < sum.Length; t++)
        {
            sum[t] = seasonal[t] + remainder[t];
        }
        double total = Variance(sum);
        if (!(total > 0))
        {
            return 0;
        }
        return Math.Clamp(1 - Variance(remainder) / total, 0, 1);
    }

    private static double Variance(ReadOnlySpan<double> x) => SampleMoments.MeanAndVariance(x).Variance;

    private static int NextOdd(int x) => x % 2 == 0 ? x + 1 : x;

    private static double[] MovingAverage(ReadOnlySpan<double> x, int width)
    {
        var result = new double[x.Length - width + 1];
        double sum = 0;
        for (int i = 0; i < width; i++)
        {
            sum += x[i];
        }
        result[0] = sum / width;
        for (int i = 1; i < result.Length; i++)
        {
            sum += x[i + width - 1] - x[i - 1];
            result[i] = sum / width;
        }
        return result;
    }

    /// <summary>
    /// Loess of degree 0 or 1 with tricube weights over the q nearest of the equally spaced points 0..len-1,
    /// evaluated at <paramref name="x"/> (which may lie one step outside); the bandwidth grows by
    /// <c>(q - len) / 2</c> when q exceeds len (Cleveland et al. 1990).
    /// </summary>
    internal static double Loess(ReadOnlySpan<double> values, int q, int degree, double x)
    {
        int len = values.Length;
        if (len == 0)
        {
            return 0;
        }
        int left, right;
        double h;
        if (q >= len)
        {
            left = 0;
            right = len - 1;
            h = Math.Max(x - left, right - x) + (q - len) / 2;
        }
        else
        {
            left = Math.Clamp((int)Math.Round(x) - (q - 1) / 2, 0, len - q);
            right = left + q - 1;
            h = Math.Max(x - left, right - x);
        }
        double h9 = 0.999 * h, h1 = 0.001 * h;
        Span<double> weights = right - left + 1 <= 512 ? stackalloc double[right - left + 1] : new double[right - left + 1];
        double total = 0;
        for (int j = left; j <= right; j++)
        {
            double r = Math.Abs(j - x);
            double w = 0;
            if (r <= h9)
            {
                if (r <= h1)
                {
                    w = 1;
                }
                else
                {
                    double u = r / h;
                    u = 1 - u * u * u;
                    w = u * u * u;
                }
            }
            weights[j - left] = w;
            total += w;
        }
        if (!(total > 0))
        {
            return values[Math.Clamp((int)Math.Round(x), 0, len - 1)];
        }
        for (int j = 0; j < weights.Length; j++)
        {
            weights[j] /= total;
        }
        if (degree == 1)
        {
            double a = 0;
            for (int j = left; j <= right; j++)
            {
                a += weights[j - left] * j;
            }
            double b = 0;
            for (int j = left; j <= right; j++)
            {
                b += weights[j - left] * (j - a) * (j - a);
            }
            if (Math.Sqrt(b) > 0.001 * (len - 1))
            {
                double slope = (x - a) / b;
                for (int j = left; j <= right; j++)
                {
                    weights[j - left] *= slope * (j - a) + 1;
                }
            }
        }
        double value = 0;
        for (int j = left; j <= right; j++)
        {
            value += weights[j - left] * values[j];
        }
        return value;
    }
}
