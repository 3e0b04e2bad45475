using CsMetrics.Serialization;
using System.Text.Json;
using CsMetrics.Metrics;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class QueueTallyTests
{
    [Property(MaxTest = 200)]
    public void Combining_the_parts_equals_the_tally_of_the_concatenation(byte[] raw, int[] cuts, byte shortSeed)
    {
        var bytes = raw ?? [];
        var waits = bytes.Select(b => (double)(b % 45)).ToArray();
        var answered = bytes.Select(b => b % 4 != 0).ToArray();
        double shortAbandon = shortSeed % 40; // may exceed T = 20
        var combined = QueueTally.Empty(20, shortAbandon);
        foreach (var part in Partitions.Of(bytes.Length, cuts))
        {
            combined = combined.Combine(QueueTally.Of(waits.AsSpan()[part], answered.AsSpan()[part], 20, shortAbandon));
        }
        Assert.Equal(QueueTally.Of(waits, answered, 20, shortAbandon), combined);
    }

    [Fact]
    public void Json_round_trip_is_exact()
    {
        var tally = QueueTally.Of([0.5, 20, 21, 3, 40], [true, true, true, false, false], 20, 5);
        var json = JsonSerializer.Serialize(tally, CsMetricsJsonContext.Default.QueueTally);
        Assert.Equal("""{"ThresholdSeconds":20,"ShortAbandonSeconds":5,"Counts":{"Answered":3,"AnsweredWithinThreshold":2,"Abandoned":2,"AbandonedWithinThreshold":1,"ShortAbandons":1},"AnswerWaitSeconds":41.5,"AbandonWaitSeconds":43}""", json);
        Assert.Equal(tally, JsonSerializer.Deserialize(json, CsMetricsJsonContext.Default.QueueTally));
    }

    [Fact]
    public void Inconsistent_documents_are_rejected()
    {
        var counts = new ServiceLevelCounts(3, 2, 2, 1, 2);
        // Two short abandons but only one abandon within T, with the short threshold below T.
        Assert.Equal("counts", Assert.Throws<ArgumentOutOfRangeException>(() => new QueueTally(20, 5, counts, 10, 10)).ParamName);
        Assert.Equal(2, new QueueTally(20, 30, counts, 10, 10).Counts.ShortAbandons); // consistent with a wider short threshold
        Assert.Equal("answerWaitSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => new QueueTally(20, 0, default, 1, 0)).ParamName);
        Assert.Equal("thresholdSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => QueueTally.Empty(double.PositiveInfinity)).ParamName);
    }

    [Fact]
    public void Answered_only_tables_have_no_abandons()
    {
        var tally = QueueTally.OfAnswered([30.0, 15, 45, 60, 10], 20);
        Assert.Equal(new ServiceLevelCounts(5, 2, 0, 0, 0), tally.Counts);
        Assert.Equal(32, tally.AverageSpeedOfAnswer.MeanSeconds);
        Assert.Equal(0, tally.AverageAbandonTime.Count);
    }
}
