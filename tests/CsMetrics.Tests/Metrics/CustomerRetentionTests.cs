using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Metrics;

public class CustomerRetentionTests
{
    [Fact]
    public void Churn_excludes_new_customers_and_net_churn_does_not()
    {
        // 1,000 at start, 950 at end of which 100 are new: 150 lost.
        var result = CustomerRetention.Compute(1000, 950, 100);
        Assert.Equal(150, result.Lost);
        Relative.Equal(0.15, result.ChurnRate, 1e-15);
        Relative.Equal(0.85, result.RetentionRate, 1e-15);
        Relative.Equal(0.05, result.NetChurnRate, 1e-15);
        Relative.Equal(1, result.ChurnRate + result.RetentionRate, 1e-15);
        Assert.True(CustomerRetention.Compute(100, 130, 40).NetChurnRate < 0);
    }

    [Fact]
    public void Inconsistent_counts_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRetention.Compute(0, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRetention.Compute(100, 90, 95)); // 95 new, but only 90 at the end
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRetention.Compute(100, 150, 10)); // 140 retained > 100
    }
}
