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
    /// seasonal indices from a classical decomposition of the first three seasons (two when the
    /// series is shorter), level and trend from a least-squares line through the first
    /// <c>max(10, 2m)</c> seasonally adjusted values.
    /// </summary>
    /// <param name="values">The series (NaN = missing).</param>
    /// <param name="specification">The model form.</param>
    /// <returns>The state <c>(l_0, b_0, s_0, ..., s_{1-m})</c> in the layout of <see cref="Filter"/>.</returns>
    /// <exception cref="ArgumentException">The series is shorter than <see cref="MinimumLength"/>.</exception>
    /// <remarks>
    /// The decomposition is R's <c>decompose</c>: a centred moving average of order m (2 x m for even
    /// m), seasonal figure = mean of <c>y - trend</c> (or <c>y / trend</c>) per position, normalised to
    /// sum 0 (mean 1). Where R switches to a Fourier regression for series shorter than three
    /// seasons, we decompose the two full seasons available.
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
            var figure = SeasonalFigure(values[..(Math.Min(3, n / m) * m)], m, multiplicative);
            int offset = specification.HasTrend ? 2 : 1;
            for (int j = 0; j < m; j++)
            {
                state[offset + j] = figure[m - 1 - j];
            }
            for (int t = 0; t < adjustedLength; t++)
            {
                adjusted[t] = multiplicative ? adjusted[t] / Math.Max(figure[t % m], 1e-2) : adjusted[t] - figure[t % m];
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

    /// <summary>Classical decomposition's seasonal figure per position of the season (position 0 = the first value's).</summary>
    private static double[] SeasonalFigure(ReadOnlySpan<double> values, int m, bool multiplicative)
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
