namespace CsMetrics.Benchmarks.Metrics;

/// <summary>Seeded inputs for the metrics benchmarks; fast enough to build 100M values in a second or two.</summary>
internal static class BenchmarkData
{
    /// <summary>Scores uniform on [min, max], as bytes: NextBytes fills the array, then one pass maps it onto the scale.</summary>
    public static byte[] Scores(int n, byte min, byte max, int seed = 42)
    {
        var scores = new byte[n];
        new Random(seed).NextBytes(scores);
        int width = max - min + 1;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = (byte)(min + scores[i] % width);
        }
        return scores;
    }

    /// <summary>Durations uniform on [0, maxSeconds).</summary>
    public static double[] Seconds(int n, double maxSeconds, int seed)
    {
        var random = new Random(seed);
        var seconds = new double[n];
        for (int i = 0; i < seconds.Length; i++)
        {
            seconds[i] = random.NextDouble() * maxSeconds;
        }
        return seconds;
    }
}
