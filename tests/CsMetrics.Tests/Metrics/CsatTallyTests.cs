using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class CsatTallyTests
{
    [Property(MaxTest = 200)]
    public void Combining_the_parts_equals_the_tally_of_the_concatenation(byte[] raw, int[] cuts)
    {
        var scale = CsatScale.TopBox(1, 7, 6);
        var scores = (raw ?? []).Select(b => (byte)(1 + b % 7)).ToArray();
        var combined = CsatTally.Empty(scale);
        foreach (var part in Partitions.Of(scores.Length, cuts))
        {
            combined = combined.Combine(CsatTally.Of(scores.AsSpan()[part], scale));
        }
        Assert.Equal(CsatTally.Of(scores, scale), combined);
    }

    [Fact]
    public void Json_round_trip_and_validation_of_a_document()
    {
        var tally = CsatTally.Of([5, 4, 4, 3, 1], CsatScale.FivePoint);
        var json = JsonSerializer.Serialize(tally, CsMetricsJsonContext.Default.CsatTally);
        Assert.Contains("\"ScoreSum\":17", json);
        Assert.Equal(tally, JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.CsatTally));
        // A sum no five ratings on 1-5 can have, and more satisfied than ratings.
        Assert.Equal("scoreSum", Assert.Throws<ArgumentOutOfRangeException>(() => new CsatTally(CsatScale.FivePoint, 5, 3, 1, 26)).ParamName);
        Assert.Equal("satisfied", Assert.Throws<ArgumentOutOfRangeException>(() => new CsatTally(CsatScale.FivePoint, 5, 6, 0, 25)).ParamName);
        Assert.Equal("dissatisfied", Assert.Throws<ArgumentOutOfRangeException>(() => new CsatTally(CsatScale.FivePoint, 5, 3, 3, 15)).ParamName);
        Assert.Equal(CsatTally.Empty(CsatScale.FivePoint), default);
    }
}
