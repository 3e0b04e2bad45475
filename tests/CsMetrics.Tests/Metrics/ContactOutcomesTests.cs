using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Metrics;

public class ContactOutcomesTests
{
    [Fact]
    public void Fcr_transfer_and_containment_are_flag_shares_with_wilson_intervals()
    {
        var flags = Enumerable.Range(0, 100).Select(i => i < 85).ToArray();
        var fcr = ContactOutcomes.FirstContactResolution(flags);
        Relative.Equal(0.85, fcr.Value, 1e-15);
        var wilson = ReferenceCases.Get("wilson95")[0].GetProperty("ci").Doubles();
        Assert.Equal(wilson[0], fcr.Interval.Lower, 1e-6);
        Assert.Equal(fcr, ContactOutcomes.TransferRate(flags));
        Assert.Equal(fcr, ContactOutcomes.Containment(flags));
        Assert.Equal(0, Allocations.Measure(() => ContactOutcomes.FirstContactResolution(flags)));
        var empty = ContactOutcomes.FirstContactResolution([]);
        Assert.True(empty.Count == 0 && double.IsNaN(empty.Value));
    }
}
