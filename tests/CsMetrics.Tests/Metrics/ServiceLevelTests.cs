using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class ServiceLevelTests
{
    private static ServiceLevelCounts ReferenceCounts()
    {
        var d = ReferenceCases.Get("service_level").GetProperty("dataset");
        return new ServiceLevelCounts(d.GetProperty("answered").GetInt64(), d.GetProperty("answered_within_T").GetInt64(),
            d.GetProperty("abandoned").GetInt64(), d.GetProperty("abandoned_within_T").GetInt64(), d.GetProperty("short_abandons").GetInt64());
    }

    [Theory]
    [InlineData("F1_abandons_within_T_met", AbandonPolicy.MetIfAbandonedWithinThreshold, ShortAbandonTreatment.Counted)]
    [InlineData("F2_ignore_abandons", AbandonPolicy.Ignored, ShortAbandonTreatment.Counted)]
    [InlineData("F3_all_abandons_missed", AbandonPolicy.CountedAsMissed, ShortAbandonTreatment.Counted)]
    [InlineData("F4_abandons_before_T_neutral", AbandonPolicy.ExcludedIfAbandonedWithinThreshold, ShortAbandonTreatment.Counted)]
    [InlineData("F5_credit_short_abandons", AbandonPolicy.CountedAsMissed, ShortAbandonTreatment.Met)]
    [InlineData("Genesys_short_abandons_excluded", AbandonPolicy.CountedAsMissed, ShortAbandonTreatment.Excluded)]
    public void Reference_formulas(string name, AbandonPolicy policy, ShortAbandonTreatment shortAbandons)
    {
        double expected = ReferenceCases.Get("service_level").GetProperty(name).GetProperty("value").GetDouble();
        var result = ServiceLevel.Compute(ReferenceCounts(), policy, shortAbandons);
        Relative.Equal(expected, result.Value, 1e-15);
        Assert.True(result.Interval.Contains(result.Value));
    }

    [Fact]
    public void Sggu_service_factor_excludes_short_abandons()
    {
        var c = ReferenceCases.Get("service_level").GetProperty("sggu_servicefactor");
        var i = c.GetProperty("inputs");
        long shortAbandons = i.GetProperty("short").GetInt64();
        // Ab≤T is not given; the smallest consistent value (the short abandons) does not enter this policy.
        var counts = new ServiceLevelCounts(i.GetProperty("answered").GetInt64(), i.GetProperty("in_sl").GetInt64(),
            i.GetProperty("abandoned").GetInt64(), shortAbandons, shortAbandons);
        var result = ServiceLevel.Compute(counts, AbandonPolicy.CountedAsMissed, ShortAbandonTreatment.Excluded);
        Relative.Equal(c.GetProperty("value_pct").GetDouble(), 100 * result.Value, 1e-12);
    }

    [Fact]
    public void Pooling_adds_counts_instead_of_averaging_percentages()
    {
        var c = ReferenceCases.Get("aggregation_pitfall");
        var buckets = c.GetProperty("buckets_match_total").EnumerateArray().Select(b => b.Longs()).ToArray();
        var pooled = new ProportionAccumulator();
        foreach (var b in buckets) pooled.Add(b[0], b[1]);
        Relative.Equal(c.GetProperty("pooled").GetDouble(), pooled.Result().Value, 1e-15);
        Assert.NotEqual(c.GetProperty("mean_of_pcts").GetDouble(), pooled.Result().Value, 1e-3); // not the pitfall's average
        var counts = new ServiceLevelCounts(2, 1, 1, 0, 0).Combine(new ServiceLevelCounts(1, 1, 0, 0, 0));
        Relative.Equal(0.5, ServiceLevel.Compute(counts, AbandonPolicy.CountedAsMissed).Value, 1e-15);
    }

    [Fact]
    public void Abandonment_rate_with_and_without_short_abandons()
    {
        var counts = ReferenceCounts();
        Relative.Equal(60.0 / 1060, ServiceLevel.AbandonmentRate(counts).Value, 1e-15);
        Relative.Equal(50.0 / 1050, ServiceLevel.AbandonmentRate(counts, excludeShortAbandons: true).Value, 1e-15);
    }

    [Fact]
    public void Span_form_counts_waits_at_or_below_the_threshold_as_within()
    {
        double[] waits = [0, 20, 20.5, 3, 5, 30, 10];
        bool[] answered = [true, true, true, false, false, false, true];
        var result = ServiceLevel.Compute(waits, answered, 20, AbandonPolicy.CountedAsMissed, shortAbandonSeconds: 5, ShortAbandonTreatment.Excluded);
        // Answered within: 0, 20, 10 (3 of 4 answered); abandons 3, 5 are short (excluded), 30 is a miss.
        Assert.Equal(3, result.Successes);
        Assert.Equal(5, result.Count);
        Assert.Equal(0, Allocations.Measure(() => ServiceLevel.Compute(waits, answered, 20, AbandonPolicy.Ignored)));
    }

    [Fact]
    public void Bad_input_throws()
    {
        Assert.Throws<ArgumentException>(() => ServiceLevel.Compute(new ServiceLevelCounts(10, 5, 4, 2, 1), (AbandonPolicy)9));
        Assert.Throws<ArgumentException>(() => ServiceLevel.Compute(new ServiceLevelCounts(10, 5, 4, 2, 1), AbandonPolicy.Ignored, (ShortAbandonTreatment)9));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevel.Compute([1, -2], [true, false], 20, AbandonPolicy.Ignored));
        Assert.Contains("waitSeconds[1]", ex.Message);
        Assert.Equal("answered", Assert.Throws<ArgumentException>(() => ServiceLevel.Compute([1, 2], [true], 20, AbandonPolicy.Ignored)).ParamName);
        var empty = ServiceLevel.Compute([], [], 20, AbandonPolicy.Ignored);
        Assert.True(empty.Count == 0 && double.IsNaN(empty.Value));
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => ServiceLevel.Compute([1], [true], 20, AbandonPolicy.Ignored, level: 95)).ParamName);
    }

    [Fact]
    public void Short_abandons_outside_the_threshold_cannot_be_excluded_or_met()
    {
        // 3 short abandons but only 2 abandons within T: the short-abandon threshold was above T.
        var counts = new ServiceLevelCounts(10, 5, 4, 2, 3);
        Relative.Equal(5.0 / 14, ServiceLevel.Compute(counts, AbandonPolicy.CountedAsMissed).Value, 1e-15); // counted: fine
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ServiceLevel.Compute(counts, AbandonPolicy.CountedAsMissed, ShortAbandonTreatment.Excluded)).ParamName);
        Relative.Equal(1.0 / 11, ServiceLevel.AbandonmentRate(counts, excludeShortAbandons: true).Value, 1e-15);
        Assert.Equal("shortAbandons", Assert.Throws<ArgumentException>(() =>
            ServiceLevel.Compute([25.0], [false], 20, AbandonPolicy.Ignored, shortAbandonSeconds: 30, ShortAbandonTreatment.Met)).ParamName);
    }

    [Fact]
    public void Abandonment_rate_from_waits_allows_any_short_abandon_threshold()
    {
        double[] waits = [2, 8, 25, 40, 10, 3];
        bool[] answered = [false, false, false, true, true, true];
        Relative.Equal(3.0 / 6, ServiceLevel.AbandonmentRate(waits, answered).Value, 1e-15);
        // Short abandons at or below 30 s: 2, 8 and 25 (all three); excluded, none are left.
        Assert.Equal(0.0, ServiceLevel.AbandonmentRate(waits, answered, shortAbandonSeconds: 30, excludeShortAbandons: true).Value);
        Relative.Equal(1.0 / 4, ServiceLevel.AbandonmentRate(waits, answered, shortAbandonSeconds: 8, excludeShortAbandons: true).Value, 1e-15);
        Assert.Equal(0, Allocations.Measure(() => ServiceLevel.AbandonmentRate(waits, answered, 5, true)));
    }

    [Property(MaxTest = 300)]
    public void Policies_are_ordered_and_bounded(NonNegativeInt a, NonNegativeInt at, NonNegativeInt ab, NonNegativeInt abt, NonNegativeInt s)
    {
        long answered = a.Get % 1000 + 1, within = at.Get % (answered + 1);
        long abandoned = ab.Get % 200, abandonedWithin = abt.Get % (abandoned + 1), shortAbandons = s.Get % (abandonedWithin + 1);
        var counts = new ServiceLevelCounts(answered, within, abandoned, abandonedWithin, shortAbandons);
        double missed = ServiceLevel.Compute(counts, AbandonPolicy.CountedAsMissed).Value;
        double neutral = ServiceLevel.Compute(counts, AbandonPolicy.ExcludedIfAbandonedWithinThreshold).Value;
        double met = ServiceLevel.Compute(counts, AbandonPolicy.MetIfAbandonedWithinThreshold).Value;
        // Treating early abandons as misses is the harshest, as met the kindest.
        Assert.True(missed <= neutral + 1e-15 && neutral <= met + 1e-15);
        foreach (var value in new[] { missed, neutral, met }) Assert.InRange(value, 0, 1);
    }
}
