using System.Globalization;
using System.Text;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary><c>plan --time-zone</c> with a horizon across a DST change: the plan's files on the zone's real calendar.</summary>
public sealed class PlanTimeZoneTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("csmetrics-plan-tz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Three weeks of half-hourly London history ending at the local midnight before <paramref name="end"/>, timestamps with offsets.</summary>
    private string History(DateTime end, bool withOffsets)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var text = new StringBuilder("timestamp,value\n");
        var from = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(-21), london);
        var to = TimeZoneInfo.ConvertTimeToUtc(end, london);
        for (var t = from; t < to; t = t.AddMinutes(30))
        {
            var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(t, TimeSpan.Zero), london);
            int minute = local.Hour * 60 + local.Minute;
            double value = minute is >= 8 * 60 and < 18 * 60 ? 20 + minute % 90 / 10 : 0;
            string stamp = withOffsets ? local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{stamp},{value}\n");
        }
        string path = Path.Combine(_directory, "history.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Theory]
    [InlineData("2026-10-25", 50, true)]
    [InlineData("2026-03-29", 46, true)]
    [InlineData("2026-10-25", 50, false)]
    public void A_horizon_across_a_dst_change_has_the_real_local_intervals(string changeDay, int expected, bool withOffsets)
    {
        var day = DateTime.Parse(changeDay, CultureInfo.InvariantCulture);
        string history = History(day, withOffsets);
        string output = Path.Combine(_directory, "plan");
        var result = CliRunner.Run("plan", "--input", history, "--time-zone", "Europe/London", "--horizon-days", "2",
            "--forecast-method", "seasonal-naive", "--time-limit-s", "1", "--output", output);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Calendar  {expected + 48} intervals in Europe/London, shifts in local time; clocks change: {day:ddd yyyy-MM-dd} has {expected} ({expected / 2.0:0.#} h)", result.Output);

        foreach (var file in new[] { "forecast.csv", "staffing.csv" })
        {
            var stamps = CsvText.Column(File.ReadAllText(Path.Combine(output, file)), "timestamp")
                .Select(s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(expected, stamps.Count(s => s.Date == day));
            Assert.Equal(48, stamps.Count(s => s.Date == day.AddDays(1)));
            Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(30), pair.Second - pair.First));
        }
        // The plan's staffing file is a valid `staffing` input (its timestamps echo through).
        var staffed = CliRunner.Run("staffing", "--input", Path.Combine(output, "staffing.csv"));
        Assert.True(staffed.ExitCode == 0, staffed.Error);
    }
}
