namespace CsMetrics.Internal;

/// <summary>
/// Sample quantiles, written once for every module (Hyndman &amp; Fan 1996, "Sample quantiles in statistical
/// packages", The American Statistician 50(4)): type 7, R's and Excel's default and numpy's "linear", and
/// type 1, the nearest rank. Metrics' <c>Percentile</c> and the forecasting models' simulated intervals call these.
/// </summary>
/// <remarks>
/// Callers validate: the probability is a fraction in [0, 1] and the values are not NaN. Empty input gives NaN.
/// Type 7 with <c>h = (n − 1)p</c> is <c>x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)</c> (0-based order statistics); at an
/// integer h it returns the order statistic itself, so an infinite neighbour never turns 0·∞ into NaN. Positions and
/// ranks are computed in decimal arithmetic on the probability as written (15 significant digits): p90 of ten values
/// sits exactly a tenth of the way from the 9th to the 10th (binary gives 0.0999999999999996), so ten response
/// times whose two largest are 600 s and 3600 s have p90 900 s, not 899.9999999999989.
/// </remarks>
internal static class SampleQuantile
{
    /// <summary>The type-7 quantile of ascending <paramref name="sorted"/> at <paramref name="probability"/>; NaN when empty.</summary>
    public static double Type7OfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        int n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }
        var (below, fraction) = Position(n, probability);
        if (below >= n - 1)
        {
            return sorted[n - 1];
        }
        return fraction == 0 ? sorted[below] : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>
    /// The type-1 (nearest-rank) quantile of ascending <paramref name="sorted"/>: the order statistic of 1-based rank
    /// <c>⌈p·n⌉</c> (at least 1); NaN when empty. The rank is computed in decimal arithmetic on the probability as written
    /// (15 significant digits), so 0.3 × 10 is rank 3, not the 4 that binary floating point gives (3.0000000000000004).
    /// </summary>
    public static double NearestRankOfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        int n = sorted.Length;
        if (n == 0)
        {
            return double.NaN;
        }
        decimal rank = decimal.Ceiling((decimal)probability * n);
        return sorted[(int)Math.Clamp(rank, 1, n) - 1];
    }

    /// <summary>
    /// The type-7 quantile of unsorted <paramref name="values"/> by selection (expected O(n)): partially reorders
    /// <paramref name="values"/>, which stays a permutation of its input, so repeated calls on the same span are valid.
    /// Equal to sorting and calling <see cref="Type7OfSorted"/>.
    /// </summary>
    public static double Type7InPlace(Span<double> values, double probability)
    {
        int n = values.Length;
        if (n == 0)
        {
            return double.NaN;
        }
        var (below, fraction) = Position(n, probability);
        if (below >= n - 1)
        {
            return Select(values, n - 1);
        }
        double low = Select(values, below);
        if (fraction == 0)
        {
            return low;
        }
        // After selection everything right of `below` is >= it: the next order statistic is their minimum.
        double high = double.PositiveInfinity;
        foreach (double v in values[(below + 1)..])
        {
            high = Math.Min(high, v);
        }
        return low + fraction * (high - low);
    }

    /// <summary>
    /// The type-7 position <c>h = (n − 1)p</c> as its whole part (0-based) and fraction, in decimal arithmetic on
    /// the level as written (9 × 0.9 is 8.1, so a tenth of the way from 600 to 3600 is 900, not 899.9999999999989).
    /// A position within the library's relative tolerance of a whole number is that whole number (see
    /// <see cref="Tolerance"/>): a level computed as 135/255 on 18 values is the 10th value, not a hair below it.
    /// </summary>
    private static (int Below, double Fraction) Position(int n, double probability)
    {
        decimal h = (decimal)probability * (n - 1);
        decimal nearest = decimal.Round(h);
        if (Tolerance.Equal((double)h, (double)nearest))
        {
            return ((int)nearest, 0);
        }
        decimal below = decimal.Floor(h);
        return ((int)below, (double)(h - below));
    }

    /// <summary>Quickselect (Hoare's partition, median-of-three pivot): places the k-th smallest at index k, smaller values before it, larger after.</summary>
    private static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            double a = values[left], b = values[left + (right - left) / 2], c = values[right];
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }
                while (values[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }
        return values[k];
    }
}
