using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class NpsScaleTests
{
    [Theory]
    // max, promoterFrom -> detractors through, passives, promoters from (Reichheld's shape: two passive scores).
    [InlineData(10, null, 6)]
    [InlineData(10, 10, 7)]
    [InlineData(5, null, 1)]
    [InlineData(3, 3, 0)]
    [InlineData(100, 90, 87)]
    public void ZeroTo_puts_two_passive_scores_below_the_promoters(int max, int? promoterFrom, int detractorThrough)
    {
        var scale = NpsScale.ZeroTo(max, promoterFrom);
        Assert.Equal(max, scale.Max);
        Assert.Equal(promoterFrom ?? max - 1, scale.PromoterFrom);
        Assert.Equal(detractorThrough, scale.DetractorThrough);
        Assert.Equal(NpsScale.Standard, NpsScale.ZeroTo());
    }

    [Theory]
    [InlineData(2, null, "max")]
    [InlineData(101, null, "max")]
    [InlineData(10, 2, "promoterFrom")]
    [InlineData(10, 11, "promoterFrom")]
    public void ZeroTo_rejects_scales_without_room_for_the_groups(int max, int? promoterFrom, string paramName)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NpsScale.ZeroTo(max, promoterFrom));
        Assert.Equal(paramName, ex.ParamName);
    }

    [Fact]
    public void ToString_and_contains()
    {
        Assert.Equal("0-10: detractors 0-6, passives 7-8, promoters 9-10", NpsScale.Standard.ToString());
        Assert.Equal("0-5: detractors 0-3, no passives, promoters 4-5", new NpsScale(5, 4, 3).ToString());
        Assert.True(NpsScale.Standard.Contains(10));
        Assert.False(NpsScale.Standard.Contains(11));
        Assert.False(NpsScale.Standard.Contains(-1));
    }
}
