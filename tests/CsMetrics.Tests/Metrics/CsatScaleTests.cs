using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class CsatScaleTests
{
    [Theory]
    // min, max, satisfiedFrom -> dissatisfied through: the mirrored bottom box.
    [InlineData(null, null, null, 1, 5, 4, 2)]
    [InlineData(1, 5, 5, 1, 5, 5, 1)]
    [InlineData(1, 10, 9, 1, 10, 9, 2)]
    [InlineData(0, 10, null, 0, 10, 9, 1)]
    [InlineData(1, 4, 3, 1, 4, 3, 2)]
    public void Top_box_mirrors_the_bottom_box(int? min, int? max, int? satisfiedFrom, int expectedMin, int expectedMax, int top, int bottom)
    {
        var scale = CsatScale.TopBox(min, max, satisfiedFrom);
        Assert.Equal((expectedMin, expectedMax, top, bottom), ((int)scale.Min, (int)scale.Max, (int)scale.SatisfiedFrom, scale.DissatisfiedThrough));
        Assert.Equal(CsatScale.FivePoint, CsatScale.TopBox());
    }

    [Theory]
    [InlineData(1, 5, 3, "satisfiedFrom")] // the middle score: the mirrored boxes would both hold it
    [InlineData(1, 5, 6, "satisfiedFrom")]
    [InlineData(1, 2, null, "max")]
    [InlineData(-1, 5, null, "min")]
    [InlineData(1, 101, null, "max")]
    public void Top_box_rejects_overlapping_or_off_scale_boxes(int? min, int? max, int? satisfiedFrom, string paramName)
    {
        Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(() => CsatScale.TopBox(min, max, satisfiedFrom)).ParamName);
    }

    [Fact]
    public void ToString_says_what_the_boxes_are()
    {
        Assert.Equal("1-5: satisfied 4-5, dissatisfied 1-2", CsatScale.FivePoint.ToString());
        Assert.Equal("1-5: satisfied 5-5, no bottom box", new CsatScale(1, 5, 5, 0).ToString());
    }
}
