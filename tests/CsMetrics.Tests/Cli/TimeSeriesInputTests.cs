using CsMetrics.Cli;

namespace CsMetrics.Tests.Cli;

public class TimeSeriesInputTests
{
    private static InputTable Csv(string text) => InputTable.ParseCsv(new StringReader(text), "history.csv");

    [Fact]
    public void Reads_an_equally_spaced_series()
    {
        var series = TimeSeriesInput.Read(Csv("timestamp,value\n2026-09-28T08:00,5\n2026-09-28T08:30,7\n2026-09-28 09:00,0\n"));
        Assert.Equal(new DateTime(2026, 9, 28, 8, 0, 0), series.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), series.Interval);
        Assert.Equal([5.0, 7, 0], series.Values);
        Assert.Equal(new DateTime(2026, 9, 28, 9, 0, 0), series.TimeOf(2));
    }

    [Fact]
    public void A_gap_and_a_negative_volume_are_located()
    {
        var ex = Assert.Throws<InputException>(() => TimeSeriesInput.Read(Csv(
            "timestamp,value\n2026-09-28T08:00,5\n2026-09-28T08:30,-2\n2026-09-28T09:30,4\n")));
        Assert.Equal("history.csv: row 3, column 'value': -2 is out of range: must be >= 0", ex.Problems.Single().ToString());

        ex = Assert.Throws<InputException>(() => TimeSeriesInput.Read(Csv(
            "timestamp,value\n2026-09-28T08:00,5\n2026-09-28T08:30,2\n2026-09-28T09:30,4\n")));
        Assert.Equal(
            "history.csv: row 4, column 'timestamp': a gap in the timestamps: expected 2026-09-28T09:00 (30 minutes after the previous row), got 2026-09-28T09:30",
            ex.Problems.Single().ToString());
    }

    [Fact]
    public void Bad_timestamps_and_too_short_histories_are_rejected()
    {
        Assert.Contains("is not a timestamp", Assert.Throws<InputException>(() => TimeSeriesInput.Read(Csv("timestamp,value\nmonday,5\n2026-09-28T08:30,2\n"))).Message);
        Assert.Contains("at least 2 rows", Assert.Throws<InputException>(() => TimeSeriesInput.Read(Csv("timestamp,value\n2026-09-28T08:30,2\n"))).Message);
        Assert.Contains("must increase", Assert.Throws<InputException>(() => TimeSeriesInput.Read(Csv("timestamp,value\n2026-09-28T08:30,2\n2026-09-28T08:00,2\n"))).Message);
    }
}
