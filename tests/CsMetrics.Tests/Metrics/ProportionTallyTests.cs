using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class ProportionTallyTests
{
    [Property(MaxTest = 200)]
    public void Combining_the_parts_equals_the_tally_of_the_concatenation(bool[] raw, int[] cuts)
    {
        var flags = raw ?? [];
        var combined = default(ProportionTally);
        foreach (var part in Partitions.Of(flags.Length, cuts))
        {
            combined = combined.Combine(ProportionTally.Of(flags.AsSpan()[part]));
        }
        Assert.Equal(ProportionTally.Of(flags), combined);
    }

    [Fact]
    public void Result_is_the_pooled_proportion_and_bad_counts_throw()
    {
        // SkyWalking #11055: buckets 2/3 and 1/1 pool to 3/4, not the 0.833 mean of their percentages.
        var pooled = new ProportionTally(2, 3).Combine(new ProportionTally(1, 1));
        Assert.Equal(0.75, pooled.Result().Value);
        Assert.Equal("3 / 4", pooled.ToString());
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionTally(5, 4)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new ProportionTally(0, -1)).ParamName);
    }
}
