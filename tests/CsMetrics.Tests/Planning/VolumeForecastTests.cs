using CsMetrics.Planning;

namespace CsMetrics.Tests.Planning;

/// <summary><see cref="VolumeForecast.LocalCalendar"/> against the zone's own day lengths as the oracle.</summary>
public class VolumeForecastTests
{
    private static VolumeForecast Forecast(DateTime start, int days)
    {
        // Three weeks of a simple daily pattern on the wall-clock grid (the planner's model).
        var history = Enumerable.Range(0, 21 * 48).Select(i => (double)(i % 48 is >= 16 and < 36 ? 10 + i % 7 : 0)).ToArray();
        var options = new PlanOptions { HorizonDays = days, ForecastMethod = ForecastMethod.SeasonalNaive };
        return WorkforcePlanner.ForecastVolumes(history, start.AddDays(-21), TimeSpan.FromMinutes(30), options);
    }

    /// <summary>The real length of a local day: from its local midnight's instant to the next one's.</summary>
    private static TimeSpan DayLength(DateTime day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1), zone) - TimeZoneInfo.ConvertTimeToUtc(day, zone);

    [Theory]
    [InlineData("Europe/London", "2026-03-29", 46)]
    [InlineData("Europe/London", "2026-10-25", 50)]
    [InlineData("America/New_York", "2026-03-08", 46)]
    [InlineData("America/New_York", "2026-11-01", 50)]
    public void A_horizon_across_a_dst_change_has_the_days_real_number_of_intervals(string zoneId, string changeDay, int expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = DateTime.Parse(changeDay, System.Globalization.CultureInfo.InvariantCulture);
        var forecast = Forecast(day.AddDays(-1), days: 3);
        var calendar = forecast.LocalCalendar(zone);

        var perDay = calendar.GroupBy(l => l.Start.Date).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, perDay[day]);
        for (var d = day.AddDays(-1); d <= day.AddDays(1); d = d.AddDays(1))
        {
            Assert.Equal(DayLength(d, zone) / TimeSpan.FromMinutes(30), perDay[d]);
        }
        // Hours add up: consecutive starts one interval apart on the time line, from the first local midnight on.
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(day.AddDays(-1), zone), calendar[0].Start.UtcDateTime);
        for (int i = 1; i < calendar.Count; i++)
        {
            Assert.Equal(TimeSpan.FromMinutes(30), calendar[i].Start - calendar[i - 1].Start);
            Assert.Equal(zone.GetUtcOffset(calendar[i].Start), calendar[i].Start.Offset);
        }
        // Each interval has the forecast of the wall-clock interval its local start shows.
        foreach (var interval in calendar)
        {
            Assert.Equal(interval.Start.DateTime, forecast.TimeOf(interval.Slot));
        }
    }

    [Fact]
    public void A_zone_without_dst_maps_the_grid_one_to_one()
    {
        var forecast = Forecast(new DateTime(2026, 3, 28), days: 2);
        var calendar = forecast.LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        Assert.Equal(Enumerable.Range(0, forecast.Horizon), calendar.Select(l => l.Slot));
    }
}
