using System.Globalization;
using CsMetrics.Planning;

namespace CsMetrics.Tests.Planning;

/// <summary>
/// One plan on a synthetic three-week history (a known weekly pattern, closed nights), shared by the
/// planner tests because a plan takes a second or two.
/// </summary>
public sealed class PlanFixture
{
    public PlanFixture()
    {
        History = Synthetic.History(weeks: 3, seed: 7);
        Start = new DateTime(2026, 11, 2); // a Monday
        Options = new PlanOptions { ScheduleTimeLimit = TimeSpan.FromSeconds(5) };
        Plan = WorkforcePlanner.Create(History, Start, TimeSpan.FromMinutes(30), Options);
    }

    public double[] History { get; }

    public DateTime Start { get; }

    public PlanOptions Options { get; }

    public WorkforcePlan Plan { get; }
}

/// <summary>Synthetic half-hourly volumes: open 08:00-20:00, a midday peak, quieter weekends, Poisson-like noise.</summary>
public static class Synthetic
{
    public static double[] History(int weeks, int seed)
    {
        var random = new Random(seed);
        var values = new double[weeks * 336];
        for (int t = 0; t < values.Length; t++)
        {
            int day = t / 48 % 7, slot = t % 48;
            if (slot < 16 || slot >= 40)
            {
                continue;
            }
            double mean = (day < 5 ? 60 : 30) * (1 + 0.6 * Math.Sin(Math.PI * (slot - 16) / 24));
            values[t] = Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2));
        }
        return values;
    }

    public static string Csv(double[] values, DateTime start) =>
        "timestamp,value\n" + string.Concat(values.Select((v, i) =>
            $"{start.AddMinutes(30 * i).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)},{v.ToString(CultureInfo.InvariantCulture)}\n"));
}
