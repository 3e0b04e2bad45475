using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Metrics;

public class WorkforceTests
{
    [Theory]
    // DEFINITIONS.md 1.6: callcentrehelper 70 at 30% -> 100; wfmclubs net 20 at 20/25/30/35% -> 25/27/29/31; Monet 100 at 40% -> 167.
    [InlineData(70, 0.30, 100)]
    [InlineData(20, 0.20, 25)]
    [InlineData(20, 0.25, 27)]
    [InlineData(20, 0.30, 29)]
    [InlineData(20, 0.35, 31)]
    [InlineData(100, 0.40, 167)]
    public void Gross_staff_published_values(double net, double shrinkage, long gross)
    {
        Assert.Equal(gross, Workforce.GrossStaffRounded(net, shrinkage));
        // The unrounded value lies in (gross - 1, gross]: the published figures are its ceiling.
        Assert.InRange(Workforce.GrossStaff(net, shrinkage), gross - 1 + 1e-9, gross + 1e-9);
    }

    [Theory]
    // Exact at the boundary (issue 11): the quotient in exact rational arithmetic, not binary floating point.
    [InlineData(21, 0.30, 30)]           // 21 / 0.7 = 30 exactly; binary gives 30.000000000000004
    [InlineData(70, 0.30, 100)]          // 100.00000000000001 in binary
    [InlineData(100.0000001, 0, 101)]    // no tolerance: a real excess over 100 needs a 101st person
    [InlineData(1e-10, 0.5, 1)]          // any positive requirement needs one person (the old 1e-9 tolerance gave 0)
    [InlineData(0, 0.9, 0)]
    [InlineData(13.4, 0.33, 20)]         // fractional agents: 13.4 / 0.67 = 20 exactly (exactly 20)
    [InlineData(13.4000001, 0.33, 21)]   // 20.0000001 -> 21
    public void Gross_staff_rounded_is_exact(double net, double shrinkage, long gross)
    {
        Assert.Equal(gross, Workforce.GrossStaffRounded(net, shrinkage));
    }

    [Fact]
    public void Gross_staff_arguments_are_checked()
    {
        Assert.Equal("shrinkage", Assert.Throws<ArgumentOutOfRangeException>(() => Workforce.GrossStaffRounded(10, 1)).ParamName);
        Assert.Equal("netStaff", Assert.Throws<ArgumentOutOfRangeException>(() => Workforce.GrossStaffRounded(-1, 0.3)).ParamName);
        Assert.Equal("shrinkage", Assert.Throws<ArgumentOutOfRangeException>(() => Workforce.GrossStaff(10, double.NaN)).ParamName);
    }

    [Fact]
    public void Shrinkage_combines_multiplicatively()
    {
        // DEFINITIONS.md 1.6: AgentTime divides by 0.80 x 0.98.
        Relative.Equal(1 - 0.80 * 0.98, Workforce.CombineShrinkage([0.20, 0.02]), 1e-15);
        Assert.Equal(0, Workforce.CombineShrinkage([]));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Workforce.CombineShrinkage([0.1, 1.0]));
        Assert.Contains("factors[1]", ex.Message);
        Relative.Equal(0.3, Workforce.Shrinkage([1000, 2000], [4000, 6000]).Value, 1e-15);
    }

    [Fact]
    public void Occupancy_and_utilisation_use_explicit_buckets_and_pool()
    {
        // Agent 1: 300 min handle, 100 available, 480 paid; agent 2: 100 handle, 100 available, 240 paid.
        double[] handle = [18000, 6000], available = [6000, 6000], paid = [28800, 14400];
        var occupancy = Workforce.Occupancy(handle, available);
        Relative.Equal(24000.0 / 36000, occupancy.Value, 1e-15); // pooled, not the mean of 0.75 and 0.5
        Assert.Equal(2, occupancy.Count);
        Relative.Equal(36000.0 / 43200, Workforce.Utilisation(handle, available, paid).Value, 1e-15);
        Relative.Equal(0.75, Workforce.Occupancy(TimeSpan.FromMinutes(300), TimeSpan.FromMinutes(100)), 1e-15);
        Assert.Equal(0, Allocations.Measure(() => Workforce.Occupancy(handle, available)));
        Assert.True(double.IsNaN(Workforce.Occupancy([], []).Value));
        Assert.Throws<ArgumentException>(() => Workforce.Occupancy([1], []));
    }

    [Fact]
    public void Adherence_and_conformance()
    {
        // NICE: 450 of 480 minutes worked -> conformance 0.9375.
        Relative.Equal(0.9375, Workforce.Conformance([450 * 60.0], [480 * 60.0]).Value, 1e-15);
        Assert.True(Workforce.Conformance([500.0], [480.0]).Value > 1);
        Relative.Equal(0.9, Workforce.Adherence([420 * 60.0, 444 * 60.0], [480 * 60.0, 480 * 60.0]).Value, 1e-15);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Workforce.Adherence([10, 500], [20, 480]));
        Assert.Contains("adherentSeconds[1]", ex.Message);
        // Timeline: slots 0 (off) are not counted; 3 of 4 scheduled slots match.
        var timeline = Workforce.AdherenceFromTimeline([0, 1, 1, 2, 1, 0], [1, 1, 2, 2, 1, 0]);
        Assert.Equal((4L, 0.75), (timeline.Count, timeline.Value));
    }
}
