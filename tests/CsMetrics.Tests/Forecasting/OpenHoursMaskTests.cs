using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

public class OpenHoursMaskTests
{
    [Fact]
    public void Daily_hours_repeat_over_the_cycle()
    {
        var mask = OpenHoursMask.Daily(intervalsPerDay: 4, days: 2, openFrom: 1, openUntil: 3);
        Assert.Equal([false, true, true, false, false, true, true, false], mask.Flags.ToArray());
        Assert.Equal(4, mask.OpenCount);
        Assert.True(mask.IsOpen(8 + 1));
        Assert.Equal("OpenHoursMask: 4 of 8 intervals open", mask.ToString());
    }

    [Fact]
    public void Detect_closes_positions_that_were_always_zero_or_missing()
    {
        double[] history = [0, 5, 0, double.NaN, 0, 7, 3, double.NaN];
        var mask = OpenHoursMask.Detect(history, 4);
        Assert.Equal([false, true, true, false], mask.Flags.ToArray());
    }

    [Fact]
    public void A_mask_needs_an_open_interval()
    {
        Assert.Equal("open", Assert.Throws<ArgumentException>(() => new OpenHoursMask([false, false])).ParamName);
        Assert.Equal("history", Assert.Throws<ArgumentException>(() => OpenHoursMask.Detect([0.0, 0.0], 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenHoursMask.Daily(4, 1, 3, 3));
    }
}
