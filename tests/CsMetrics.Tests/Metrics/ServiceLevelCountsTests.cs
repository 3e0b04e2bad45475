using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class ServiceLevelCountsTests
{
    [Fact]
    public void Counts_are_validated_on_construction_and_combine_by_adding()
    {
        Assert.Equal("answeredWithinThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceLevelCounts(10, 11, 0, 0, 0)).ParamName);
        Assert.Equal("abandonedWithinThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceLevelCounts(10, 5, 4, 5, 0)).ParamName);
        Assert.Equal("shortAbandons", Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceLevelCounts(10, 5, 4, 2, 5)).ParamName);
        var sum = new ServiceLevelCounts(2, 1, 1, 0, 0).Combine(new ServiceLevelCounts(1, 1, 0, 0, 0));
        Assert.Equal(new ServiceLevelCounts(3, 2, 1, 0, 0), sum);
        Assert.Equal(4, sum.Offered);
        Assert.Equal("answered 3 (2 within T), abandoned 1 (0 within T, 0 short)", sum.ToString());
    }
}
