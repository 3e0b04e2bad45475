using CsMetrics.Internal;

namespace CsMetrics.Tests.Internal;

public class ToleranceTests
{
    [Theory]
    [InlineData(385.00000000000006, 385)] // a few ulps of rounding above an integer: that integer
    [InlineData(384.1458820694126, 385)]
    [InlineData(385.0000001, 386)]        // a real excess (1e-7 relative is far above 1e-12): rounds up
    [InlineData(385, 385)]
    [InlineData(0, 0)]
    [InlineData(1e-300, 1)]
    [InlineData(-2.5, -2)]
    public void Ceiling_forgives_only_rounding(double value, double expected)
    {
        Assert.Equal(expected, Tolerance.Ceiling(value));
    }

    [Fact]
    public void Ceiling_of_NaN_is_NaN()
    {
        Assert.True(double.IsNaN(Tolerance.Ceiling(double.NaN)));
    }
}
