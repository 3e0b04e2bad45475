namespace CsMetrics.Internal;

/// <summary>
/// The sample mean and the unbiased sample variance <c>sum (x - mean)^2 / (n - 1)</c> by two passes (numerically
/// stabler than one pass of sums of squares), written once: the simulation engine's per-step summary and the STL
/// seasonal-strength test call it. Callers validate: the values are not NaN; one value gives a NaN variance.
/// </summary>
internal static class SampleMoments
{
    public static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }
        mean /= values.Length;
        double sum = 0;
        foreach (double v in values)
        {
            sum += (v - mean) * (v - mean);
        }
        return (mean, sum / (values.Length - 1));
    }
}
