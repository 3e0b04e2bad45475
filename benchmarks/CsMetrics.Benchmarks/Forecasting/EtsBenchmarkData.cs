using System.Globalization;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>The benchmark series: AirPassengers and the 1,000 random monthly series R was timed on.</summary>
internal static class EtsBenchmarkData
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "Forecasting", "Data", file);

    public static double[] AirPassengers() =>
        File.ReadLines(DataPath("AirPassengers.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();

    /// <summary>random1000_len120_m12.csv: wide format <c>id,y1..y120</c>.</summary>
    public static double[][] Random1000() =>
        File.ReadLines(DataPath("random1000_len120_m12.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
}
