using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

public class P2QuantileEstimatorTests
{
    [Fact]
    public void Reproduces_the_papers_twenty_value_trace()
    {
        var c = ReferenceCases.Get("p2");
        var estimator = new P2QuantileEstimator(c.GetProperty("p").GetDouble());
        foreach (double x in c.GetProperty("data").Doubles()) estimator.Add(x);
        double tolerance = c.GetProperty("tol").GetDouble();
        Assert.Equal(c.GetProperty("final").GetDouble(), estimator.Estimate(), tolerance);
        var heights = c.GetProperty("final_heights").Doubles();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(heights[i], estimator.Heights[i], tolerance);
        }
        Assert.Equal(c.GetProperty("final_positions_1based").EnumerateArray().Select(e => e.GetInt32()).ToArray(), estimator.Positions.ToArray());
    }

    [Fact]
    public void Few_values_give_the_exact_quantile_and_none_give_NaN()
    {
        var estimator = new P2QuantileEstimator(0.5);
        Assert.True(double.IsNaN(estimator.Estimate()));
        estimator.Add(3);
        estimator.Add(1);
        estimator.Add(2);
        Assert.Equal(2, estimator.Estimate());
        Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new P2QuantileEstimator(1.5));
    }

    [Fact]
    public void Median_of_a_long_uniform_stream_is_close()
    {
        var random = new Random(4);
        var estimator = new P2QuantileEstimator(0.9);
        for (int i = 0; i < 100_000; i++) estimator.Add(random.NextDouble());
        Assert.Equal(0.9, estimator.Estimate(), 0.01);
    }
}
