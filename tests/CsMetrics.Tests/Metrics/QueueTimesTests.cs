using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Metrics;

public class QueueTimesTests
{
    [Fact]
    public void Asa_reference_case_ignores_abandoned_contacts()
    {
        var waits = ReferenceCases.Get("asa")[0].GetProperty("waits_s").Doubles().Concat([100.0, 2.0]).ToArray();
        bool[] answered = [true, true, true, true, true, false, false];
        var asa = QueueTimes.AverageSpeedOfAnswer(waits, answered);
        Assert.Equal(5, asa.Count);
        Relative.Equal(ReferenceCases.Get("asa")[0].GetProperty("value_s").GetDouble(), asa.MeanSeconds, 1e-12);
        Relative.Equal(51, QueueTimes.AverageAbandonTime(waits, answered).MeanSeconds, 1e-12);
        Assert.Equal(0, Allocations.Measure(() => QueueTimes.AverageSpeedOfAnswer(waits, answered)));
        Assert.True(double.IsNaN(QueueTimes.AverageAbandonTime(waits.AsSpan(0, 5), answered.AsSpan(0, 5)).MeanSeconds));
        Assert.Equal(asa, QueueTimes.AverageSpeedOfAnswer(waits.AsSpan(0, 5)));
        Assert.Contains("answerWaitSeconds[1]", Assert.Throws<ArgumentOutOfRangeException>(() => QueueTimes.AverageSpeedOfAnswer([1, -1])).Message);
    }
}
