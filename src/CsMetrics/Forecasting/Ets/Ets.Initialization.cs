using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

public static partial class Ets
{
    /// <summary>
    /// The fewest observed values a model can be fitted to: five more than the parameters it
    /// estimates (smoothing parameters and free initial states), and two full seasons for the
    /// seasonal start-up.
    /// </summary>
    /// <param name="specification">The model form.</param>
    public static int MinimumLength(EtsSpecification specification)
    {
        int estimated = specification.SmoothingParameterCount + specification.FreeInitialStateCount;
        int minimum = estimated + 5;
        return specification.HasSeason ? Math.Max(minimum, 2 * specification.SeasonLength) : minimum;
    }

    /// <summary>
    /// R's heuristic initial state (Hyndman et al. 2008, sec. 2.6.1), the starting point of every fit:
    /// seasonal indices from a classical decomposition (a regression on a line and the first Fourier
    /// pair when the series has fewer than three seasons), level and trend from a least-squares line
    /// through the first <c>max(10, 2m)</c> seasonally adjusted values.
    /// </summary>
    /// <param name="values">The series (NaN = missing).</param>
    /// <param name="specification">The model form.</param>
    /// <returns>The state <c>(l_0, b_0, s_0, ..., s_{1-m})</c> in the layout of <see cref="Filter"/>.</returns>
    /// <exception cref="ArgumentException">The series is shorter than <see cref="MinimumLength"/>.</exception>
    /// <remarks>
    /// The decomposition is R's <c>decompose</c>: a centred moving average of order m (2 x m for even
    /// m), seasonal figure = mean of <c>y - trend</c> (or <c>y / trend</c>) per position, normalised to
    /// sum 0 (mean 1). Multiplicative indices are floored at 0.01. The last index is set so the
    /// indices sum to 0 (m).
    /// </remarks>
    public static double[] HeuristicInitialState(ReadOnlySpan<double> values, EtsSpecification specification)
    {
        CheckLength(values, specification);
        var state = new double[specification.StateLength];
        int m = specification.SeasonLength;
        int n = values.Length;
        int adjustedLength = Math.Min(Math.Max(10, 2 * m), n);
        var adjusted = new double[adjustedLength];
        values[..adjustedLength].CopyTo(adjusted);

        if (specification.HasSeason)
        {
            bool multiplicative = specification.Season == EtsSeason.Multiplicative;
            var seasonal = n >= 3 * m ? Tile(SeasonalFigure(values, m, multiplicative), n) : FourierSeasonal(values, m, multiplicative);
            int offset = specification.HasTrend ? 2 : 1;
            // R's order: s_0 = the index of position m-1, ..., s_{-m+2} = position 1; the last follows from normalisation.
            double sum = 0;
            for (int j = 0; j < m - 1; j++)
            {
                double index = seasonal[m - 1 - j];
                state[offset + j] = multiplicative ? Math.Max(index, 1e-2) : index;
                sum += state[offset + j];
            }
            if (multiplicative && sum > m)
            {
                for (int j = 0; j < m - 1; j++)
                {
                    state[offset + j] /= sum + 1e-2 * (m - 1);
                }
                sum = 0;
                for (int j = 0; j < m - 1; j++)
                {
                    sum += state[offset + j];
                }
            }
            state[offset + m - 1] = (multiplicative ? m : 0) - sum;
            for (int t = 0; t < adjustedLength; t++)
            {
                adjusted[t] = multiplicative ? adjusted[t] / Math.Max(seasonal[t], 1e-2) : adjusted[t] - seasonal[t];
            }
        }

        if (!specification.HasTrend)
        {
            double sum = 0;
            int count = 0;
            foreach (double a in adjusted)
            {
                if (!double.IsNaN(a))
                {
                    sum += a;
                    count++;
                }
            }
            state[0] = sum / count;
            return state;
        }

        // Least-squares line through (t, adjusted_t), t = 1..maxn: intercept = level at time 0.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int points = 0;
        for (int t = 0; t < adjustedLength; t++)
        {
            if (double.IsNaN(adjusted[t]))
            {
                continue;
            }
            double x = t + 1;
            sx += x;
            sy += adjusted[t];
            sxx += x * x;
            sxy += x * adjusted[t];
            points++;
        }
        double slope = (points * sxy - sx * sy) / (points * sxx - sx * sx);
        double intercept = (sy - slope * sx) / points;
        if (Math.Abs(intercept + slope) < 1e-8)
        {
            intercept *= 1 + 1e-3;
            slope *= 1 - 1e-3;
        }
        state[0] = intercept;
        state[1] = slope;
        return state;
    }

    private static double[] Tile(double[] figure, int n)
    {
        var tiled = new double[n];
        for (int t = 0; t < n; t++)
        {
            tiled[t] = figure[t % figure.Length];
        }
        return tiled;
    }

    /// <summary>
    /// Short series: least squares of y on (1, t, sin(2 pi t / m), cos(2 pi t / m)), t = 1..n; the
    /// seasonal part is y minus (or over) the fitted line.
    /// </summary>
    private static double[] FourierSeasonal(ReadOnlySpan<double> values, int m, bool multiplicative)
    {
        int n = values.Length;
        int p = m > 2 ? 4 : 3; // for m = 2 the sine column vanishes
        Span<double> gram = stackalloc double[16];
        Span<double> rhs = stackalloc double[4];
        Span<double> row = stackalloc double[4];
        gram.Clear();
        rhs.Clear();
        for (int t = 0; t < n; t++)
        {
            if (double.IsNaN(values[t]))
            {
                continue;
            }
            double angle = 2 * Math.PI * (t + 1) / m;
            row[0] = 1;
            row[1] = t + 1;
            row[2] = Math.Cos(angle);
            row[3] = Math.Sin(angle);
            for (int i = 0; i < p; i++)
            {
                rhs[i] += row[i] * values[t];
                for (int k = 0; k < p; k++)
                {
                    gram[i * 4 + k] += row[i] * row[k];
                }
            }
        }
        // Gaussian elimination with partial pivoting on the small normal equations.
        for (int c = 0; c < p; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < p; r++)
            {
                if (Math.Abs(gram[r * 4 + c]) > Math.Abs(gram[pivot * 4 + c])) pivot = r;
            }
            for (int k = 0; k < p; k++)
            {
                (gram[c * 4 + k], gram[pivot * 4 + k]) = (gram[pivot * 4 + k], gram[c * 4 + k]);
            }
            (rhs[c], rhs[pivot]) = (rhs[pivot], rhs[c]);
            for (int r = c + 1; r < p; r++)
            {
                double factor = gram[r * 4 + c] / gram[c * 4 + c];
                for (int k = c; k < p; k++) gram[r * 4 + k] -= factor * gram[c * 4 + k];
                rhs[r] -= factor * rhs[c];
            }
        }
        for (int r = p - 1; r >= 0; r--)
        {
            double sum = rhs[r];
            for (int k = r + 1; k < p; k++) sum -= gram[r * 4 + k] * rhs[k];
            rhs[r] = sum / gram[r * 4 + r];
        }
        var seasonal = new double[n];
        for (int t = 0; t < n; t++)
        {
            double line = rhs[0] + rhs[1] * (t + 1);
            seasonal[t] = multiplicative ? values[t] / line : values[t] - line;
        }
        return seasonal;
    }

    /// <summary>Classical decomposition's seasonal figure per position of the season (position 0 = the first value's).</summary>
    internal static double[] SeasonalFigure(ReadOnlySpan<double> values, int m, bool multiplicative)
    {
        int n = values.Length;
        // Centred moving average: weights 1/m (odd m) or (1/2, 1, ..., 1, 1/2)/m (even m).
        int half = m / 2;
        var sums = new double[m];
        var counts = new int[m];
        for (int t = half; t < n - half; t++)
        {
            double trend = 0;
            if (m % 2 == 0)
            {
                trend = 0.5 * (values[t - half] + values[t + half]);
                for (int j = -half + 1; j < half; j++)
                {
                    trend += values[t + j];
                }
            }
            else
            {
                for (int j = -half; j <= half; j++)
                {
                    trend += values[t + j];
                }
            }
            trend /= m;
            double detrended = multiplicative ? values[t] / trend : values[t] - trend;
            if (double.IsFinite(detrended))
            {
                sums[t % m] += detrended;
                counts[t % m]++;
            }
        }
        var figure = new double[m];
        double mean = 0;
        for (int j = 0; j < m; j++)
        {
            figure[j] = counts[j] > 0 ? sums[j] / counts[j] : (multiplicative ? 1 : 0);
            mean += figure[j] / m;
        }
        for (int j = 0; j < m; j++)
        {
            figure[j] = multiplicative ? figure[j] / mean : figure[j] - mean;
        }
        return figure;
    }

    private static void CheckLength(ReadOnlySpan<double> values, EtsSpecification specification)
    {
        int minimum = MinimumLength(specification);
        if (values.Length < minimum)
        {
            ThrowHelper.ThrowArgument(nameof(values),
                $"values has {values.Length} observations; {specification} with season length {specification.SeasonLength} needs at least {minimum}.");
        }
    }
}
