using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class NpsTallyTests
{
    [Property(MaxTest = 200)]
    public void Combining_the_parts_equals_the_tally_of_the_concatenation(byte[] raw, int[] cuts)
    {
        var scores = (raw ?? []).Select(b => (byte)(b % 11)).ToArray();
        var combined = NpsTally.Empty(NpsScale.Standard);
        foreach (var part in Partitions.Of(scores.Length, cuts))
        {
            combined = combined.Combine(NpsTally.Of(scores.AsSpan()[part]));
        }
        Assert.Equal(NpsTally.Of(scores), combined);
        Assert.Equal(scores.Length, combined.Count);
    }

    [Fact]
    public void Default_is_an_empty_standard_tally()
    {
        NpsTally empty = default;
        Assert.Equal(NpsScale.Standard, empty.Scale);
        Assert.Equal(NpsTally.Empty(NpsScale.Standard), empty);
        Assert.Equal(NpsTally.Empty(NpsScale.Standard).GetHashCode(), empty.GetHashCode());
        Assert.Equal(NpsTally.Of([9, 3]), empty.Combine(NpsTally.Of([9, 3])));
        Assert.Equal(0, empty.Result().Count);
    }

    [Fact]
    public void Json_round_trip_is_exact_and_bad_documents_are_rejected()
    {
        var tally = NpsTally.Of([10, 9, 8, 7, 6, 0], NpsScale.ZeroTo(10, 10));
        var json = JsonSerializer.Serialize(tally, CsMetricsJsonContext.Default.NpsTally);
        Assert.Equal("""{"Scale":{"Max":10,"PromoterFrom":10,"DetractorThrough":7},"Detractors":3,"Passives":2,"Promoters":1}""", json);
        Assert.Equal(tally, JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.NpsTally));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => JsonSerializer.Deserialize(json.Replace("\"Detractors\":3", "\"Detractors\":-3"), CsMetricsJsonContext.Default.NpsTally));
        Assert.Equal("detractors", negative.ParamName);
    }

    [Fact]
    public void Different_breaks_do_not_combine()
    {
        var ex = Assert.Throws<ArgumentException>(() => NpsTally.Of([1]).Combine(NpsTally.Of([1], NpsScale.ZeroTo(10, 10))));
        Assert.Equal("other", ex.ParamName);
        Assert.Contains("different breaks", ex.Message);
    }
}
