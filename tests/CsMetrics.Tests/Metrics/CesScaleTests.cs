using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class CesScaleTests
{
    [Fact]
    public void From_range_reproduces_both_published_versions()
    {
        Assert.Equal(CesScale.SevenPointAgreement, CesScale.FromRange());
        Assert.Equal(CesScale.SevenPointAgreement, CesScale.FromRange(1, 7));
        Assert.Equal(CesScale.FivePointEffort, CesScale.FromRange(1, 5, EffortDirection.LowerIsEasier));
    }

    [Theory]
    // min, max -> agree from, net top from, net bottom through: the middle score(s) neutral.
    [InlineData(1, 6, 5, 5, 2)]
    [InlineData(1, 3, 3, 2, 1)]
    [InlineData(0, 10, 6, 9, 4)]
    [InlineData(1, 10, 7, 9, 4)]
    public void From_range_leaves_the_middle_neutral(int min, int max, int agreeFrom, int netTopFrom, int netBottomThrough)
    {
        var scale = CesScale.FromRange(min, max);
        Assert.Equal((agreeFrom, netTopFrom, netBottomThrough), ((int)scale.AgreeFrom, (int)scale.NetTopFrom, (int)scale.NetBottomThrough));
        Assert.Equal(4, CesScale.FromRange(1, 7, agreeFrom: 4).AgreeFrom);
    }

    [Theory]
    [InlineData(1, 2, null, "max")]
    [InlineData(-1, 7, null, "min")]
    [InlineData(1, 7, 8, "agreeFrom")]
    [InlineData(1, 7, 0, "agreeFrom")]
    public void From_range_rejects_bad_ranges(int min, int max, int? agreeFrom, string paramName)
    {
        Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(() => CesScale.FromRange(min, max, agreeFrom: agreeFrom)).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentException>(() => CesScale.FromRange(1, 7, (EffortDirection)7)).ParamName);
    }

    [Fact]
    public void ToString_says_what_the_groups_are()
    {
        Assert.Equal("1-7, higher is easier: agree 5-7, net 6-7 vs 1-3", CesScale.SevenPointAgreement.ToString());
    }
}
