namespace CsMetrics.Forecasting;

/// <summary>Estimators of the initial states of the double-seasonal model (see <see cref="DoubleSeasonalInitialization"/>).</summary>
internal static class DoubleSeasonalInitialStates
{
    private const int MaxCyclesAveraged = 4;

    /// <summary>
    /// Averages over the first K = min(full longer cycles, 4) cycles. Level and trend come from the
    /// cycle means of the open, observed values; the shorter-cycle index is the mean detrended ratio
    /// (difference) per position; the longer-cycle index the mean of what remains per position; both
    /// are normalised to mean 1 (sum 0) over the positions they cover.
    /// </summary>
    public static DoubleSeasonalStates Averaged(ReadOnlySpan<double> y, int period1, int period2, bool multiplicative, OpenHoursMask? openHours, bool hasTrend)
    {
        int cycles = Math.Min(y.Length / period2, MaxCyclesAveraged);
        int openPerCycle = openHours?.OpenCount ?? period2;
        var cycleMeans = new double[cycles];
        for (int k = 0; k < cycles; k++)
        {
            double sum = 0;
            int count = 0;
            for (int t = k * period2; t < (k + 1) * period2; t++)
            {
                if (IsUsable(y, t, openHours))
                {
                    sum += y[t];
                    count++;
                }
            }
            cycleMeans[k] = count > 0 ? sum / count : double.NaN;
        }
        var observedMeans = cycleMeans.Where(double.IsFinite).ToArray();
        double overall = observedMeans.Average();
        double trend = 0;
        if (hasTrend && cycles >= 2 && double.IsFinite(cycleMeans[0]) && double.IsFinite(cycleMeans[cycles - 1]))
        {
            trend = (cycleMeans[cycles - 1] - cycleMeans[0]) / ((cycles - 1) * (double)openPerCycle);
        }
        double level = overall - trend * (cycles * (double)openPerCycle + 1) / 2;
        if (multiplicative && !(level > 0))
        {
            trend = 0;
            level = overall;
        }

        // Detrended ratios (differences), averaged per shorter-cycle position.
        int n = cycles * period2;
        var detrended = new double[n];
        var firstSum = new double[period1];
        var firstCount = new int[period1];
        int openSteps = 0;
        for (int t = 0; t < n; t++)
        {
            detrended[t] = double.NaN;
            if (openHours is not null && !openHours.IsOpen(t))
            {
                continue;
            }
            openSteps++;
            if (double.IsNaN(y[t]))
            {
                continue;
            }
            double baseLevel = level + openSteps * trend;
            detrended[t] = multiplicative ? y[t] / baseLevel : y[t] - baseLevel;
            firstSum[t % period1] += detrended[t];
            firstCount[t % period1]++;
        }
        double neutral = multiplicative ? 1 : 0;
        var first = new double[period1];
        for (int i = 0; i < period1; i++)
        {
            first[i] = firstCount[i] > 0 ? firstSum[i] / firstCount[i] : double.NaN;
        }
        Normalise(first, multiplicative);

        var secondSum = new double[period2];
        var secondCount = new int[period2];
        for (int t = 0; t < n; t++)
        {
            if (double.IsNaN(detrended[t]))
            {
                continue;
            }
            double d = first[t % period1];
            secondSum[t % period2] += multiplicative ? detrended[t] / d : detrended[t] - d;
            secondCount[t % period2]++;
        }
        var second = new double[period2];
        for (int i = 0; i < period2; i++)
        {
            second[i] = secondCount[i] > 0 ? secondSum[i] / secondCount[i] : double.NaN;
        }
        Normalise(second, multiplicative);
        for (int i = 0; i < period1; i++)
        {
            first[i] = double.IsNaN(first[i]) ? neutral : first[i];
        }
        for (int i = 0; i < period2; i++)
        {
            second[i] = double.IsNaN(second[i]) ? neutral : second[i];
        }
        return new DoubleSeasonalStates(level, trend, first, second);
    }

    /// <summary>Whether R dshw's start-up applies: multiplicative, nothing closed, nothing missing in the first two longer cycles.</summary>
    public static bool RatioToMovingAverageApplies(ReadOnlySpan<double> y, int period2, bool multiplicative, OpenHoursMask? openHours) =>
        multiplicative
        && (openHours is null || openHours.OpenCount == openHours.CycleLength)
        && y.Length >= 2 * period2
        && !HasNaN(y[..(2 * period2)]);

    /// <summary>
    /// R <c>forecast::dshw</c>'s start-up (as its documentation and the reference files' spec state):
    /// shorter-cycle indices by ratio to the centred moving average over the first two shorter cycles;
    /// longer-cycle indices the same over the first two longer cycles, divided by the repeated
    /// shorter-cycle indices; trend <c>mean((y[1..s2] - y[s2+1..2 s2]) / s2 + c(0, diff(y[1..s2]))) / 2</c>;
    /// level <c>mean(y[1..2 s2]) - (s2 + 0.5) trend</c>.
    /// </summary>
    public static DoubleSeasonalStates RatioToMovingAverage(ReadOnlySpan<double> y, int period1, int period2, bool hasTrend)
    {
        var first = RatioToCentredMovingAverage(y, period1);
        var second = RatioToCentredMovingAverage(y, period2);
        for (int i = 0; i < period2; i++)
        {
            second[i] /= first[i % period1];
        }
        double trend = 0;
        if (hasTrend)
        {
            double sum = 0;
            for (int i = 0; i < period2; i++)
            {
                double difference = i == 0 ? 0 : y[i] - y[i - 1];
                sum += (y[i] - y[i + period2]) / period2 + difference;
            }
            trend = sum / period2 / 2;
        }
        double mean = 0;
        for (int i = 0; i < 2 * period2; i++)
        {
            mean += y[i];
        }
        mean /= 2 * period2;
        return new DoubleSeasonalStates(mean - (period2 + 0.5) * trend, trend, first, second);
    }

    /// <summary>Seasonal indices by ratio to the centred moving average over the first two cycles (even or odd period).</summary>
    internal static double[] RatioToCentredMovingAverage(ReadOnlySpan<double> y, int period)
    {
        // Moving averages of length `period` starting at k = 0..period.
        var movingAverage = new double[period + 1];
        double window = 0;
        for (int i = 0; i < period; i++)
        {
            window += y[i];
        }
        movingAverage[0] = window / period;
        for (int k = 1; k <= period; k++)
        {
            window += y[k + period - 1] - y[k - 1];
            movingAverage[k] = window / period;
        }
        var indices = new double[period];
        int half = period / 2;
        for (int j = 0; j < period; j++)
        {
            // Observation at 0-based time `half + j` has a full centred average.
            int t = half + j;
            double centred = period % 2 == 0 ? (movingAverage[j] + movingAverage[j + 1]) / 2 : movingAverage[j];
            indices[t % period] = y[t] / centred;
        }
        return indices;
    }

    private static bool IsUsable(ReadOnlySpan<double> y, int t, OpenHoursMask? openHours) =>
        !double.IsNaN(y[t]) && (openHours is null || openHours.IsOpen(t));

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Scales to mean 1 (multiplicative) or shifts to sum 0 (additive) over the non-NaN entries.</summary>
    private static void Normalise(double[] indices, bool multiplicative)
    {
        double sum = 0;
        int count = 0;
        foreach (double v in indices)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }
        double mean = sum / count;
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = multiplicative ? indices[i] / mean : indices[i] - mean;
        }
    }
}
