using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class ConfidenceIntervalTests
{
    [Fact]
    public void Construction_checks_the_level_convention_and_the_order_of_the_bounds()
    {
        var ci = new ConfidenceInterval(0.7672, 0.9069, 0.95, IntervalMethod.Wilson);
        Assert.Equal((0.7672, 0.9069, 0.95, IntervalMethod.Wilson), (ci.Lower, ci.Upper, ci.Level, ci.Method));
        Assert.Contains("use 0.95", Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(0, 1, 95, IntervalMethod.Wald)).Message);
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => new ConfidenceInterval(2, 1, 0.9, IntervalMethod.Wald)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceInterval.Empty(0, IntervalMethod.Wald)).ParamName);
    }

    [Fact]
    public void Width_contains_equality_and_ToString()
    {
        var ci = new ConfidenceInterval(0.75, 0.875, 0.9, IntervalMethod.Wilson);
        Assert.Equal(0.125, ci.Width);
        Assert.True(ci.Contains(0.75) && ci.Contains(0.875) && !ci.Contains(0.9));
        Assert.Equal(new ConfidenceInterval(0.75, 0.875, 0.9, IntervalMethod.Wilson), ci);
        Assert.NotEqual(new ConfidenceInterval(0.75, 0.875, 0.9, IntervalMethod.Wald), ci);
        Assert.Equal("[0.75, 0.875] (90%, Wilson)", ci.ToString());
        var empty = ConfidenceInterval.Empty(0.95, IntervalMethod.AdjustedWald);
        Assert.Equal("empty (95%, AdjustedWald)", empty.ToString());
        Assert.False(empty.Contains(0));
        Assert.True(double.IsNaN(empty.Width));
    }
}
