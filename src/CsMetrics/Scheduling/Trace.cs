using System.Diagnostics;

namespace CsMetrics.Scheduling;

/// <summary>Phase timings of a solve on standard error, compiled in only with the SCHEDULING_TRACE symbol (development).</summary>
internal static class Trace
{
    [Conditional("SCHEDULING_TRACE")]
    public static void Log(Stopwatch clock, string message) =>
        Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds:F3}] {message}");
}
