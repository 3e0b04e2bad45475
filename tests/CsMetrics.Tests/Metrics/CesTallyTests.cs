using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CesTallyTests
{
    [Property(MaxTest = 200)]
    public void Combining_the_parts_equals_the_tally_of_the_concatenation(byte[] raw, int[] cuts, bool lowerIsEasier)
    {
        var scale = CesScale.FromRange(1, 6, lowerIsEasier ? EffortDirection.LowerIsEasier : EffortDirection.HigherIsEasier);
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 6)).ToArray();
        Assert.Equal(CesTally.Empty(CesScale.SevenPointAgreement), default(CesTally).Combine(CesTally.Empty(CesScale.SevenPointAgreement)));
        var combined = CesTally.Empty(scale);
        foreach (var part in Partitions.Of(scores.Length, cuts))
        {
            combined = combined.Combine(CesTally.Of(scores.AsSpan()[part], scale));
        }
        Assert.Equal(CesTally.Of(scores, scale), combined);
        // Independent counts on the 1-6 range: middle scores 3 and 4 are neutral; net index 5-6 against 1-2 (mirrored for lower-is-easier).
        Assert.Equal(scores.Count(s => lowerIsEasier ? s <= 2 : s >= 5), combined.NetTop);
        Assert.Equal(scores.Count(s => lowerIsEasier ? s >= 5 : s <= 2), combined.NetBottom);
    }

    [Fact]
    public void Inconsistent_counts_are_rejected()
    {
        Assert.Equal("netBottom", Assert.Throws<ArgumentOutOfRangeException>(() => new CesTally(CesScale.SevenPointAgreement, 4, 2, 3, 2, 16)).ParamName);
        Assert.Equal("agreeing", Assert.Throws<ArgumentOutOfRangeException>(() => new CesTally(CesScale.SevenPointAgreement, 4, 5, 0, 0, 16)).ParamName);
        Assert.Equal("scoreSum", Assert.Throws<ArgumentOutOfRangeException>(() => new CesTally(CesScale.SevenPointAgreement, 4, 0, 0, 0, 3)).ParamName);
    }
}
