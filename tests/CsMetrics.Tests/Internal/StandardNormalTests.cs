using CsMetrics.Internal;
using CsMetrics.Tests.Infrastructure;
using CsMetrics.Tests.Metrics;

namespace CsMetrics.Tests.Internal;

public class StandardNormalTests
{
    [Fact]
    public void Critical_values_match_40_digit_references()
    {
        foreach (var entry in ReferenceCases.HighPrecision.GetProperty("z_two_sided").EnumerateObject())
        {
            double level = ReferenceData.Number(entry.Name);
            Relative.Equal(entry.Value.AsNumber(), StandardNormal.TwoSidedCritical(level), 1e-14, $"z at {entry.Name}");
        }
    }

    [Fact]
    public void Two_sided_p_values_match_40_digit_references()
    {
        foreach (var entry in ReferenceCases.HighPrecision.GetProperty("two_sided_p").EnumerateObject())
        {
            double z = ReferenceData.Number(entry.Name);
            Relative.Equal(entry.Value.AsNumber(), StandardNormal.TwoSidedPValue(z), 1e-12, $"p at z = {entry.Name}");
        }
        Assert.True(double.IsNaN(StandardNormal.TwoSidedPValue(double.NaN)));
        Assert.Equal(0, StandardNormal.TwoSidedPValue(double.PositiveInfinity));
    }

    [Theory]
    [InlineData(95.0, "use 0.95")]
    [InlineData(1.0, "fraction in (0, 1)")]
    [InlineData(0.0, "fraction in (0, 1)")]
    [InlineData(-0.5, "fraction in (0, 1)")]
    [InlineData(double.NaN, "fraction in (0, 1)")]
    public void Levels_outside_the_convention_are_rejected_naming_the_caller_parameter(double level, string message)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.TwoSidedCritical(level, "confidence"));
        Assert.Equal("confidence", ex.ParamName);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Intervals_and_bounds()
    {
        Assert.Equal((7.0, 13.0), StandardNormal.Interval(10, 1.5, 2));
        double[] mean = [10, 20, 30], variance = [4, 9, 0];
        var lower = new double[3];
        var upper = new double[4];
        StandardNormal.Bounds(mean, variance, 2, lower, upper);
        Assert.Equal([6.0, 14, 30], lower);
        Assert.Equal([14.0, 26, 30, 0], upper);
        Assert.Equal("variance", Assert.Throws<ArgumentException>(() => StandardNormal.Bounds(mean, [1.0], 2, lower, upper)).ParamName);
        Assert.Equal("lower", Assert.Throws<ArgumentException>(() => StandardNormal.Bounds(mean, variance, 2, new double[2], upper)).ParamName);
        Assert.Equal(0, Allocations.Measure(() => StandardNormal.Bounds(mean, variance, 2, lower, upper)));
    }

    [Fact]
    public void Quantile_and_cdf_are_inverse()
    {
        foreach (double p in new[] { 1e-10, 0.025, 0.5, 0.8, 0.999 })
        {
            Relative.Equal(p, StandardNormal.Cdf(StandardNormal.Quantile(p)), 1e-12, $"p = {p}");
        }
        Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0));
        Assert.Equal(0, StandardNormal.Quantile(0.5));
    }
}
