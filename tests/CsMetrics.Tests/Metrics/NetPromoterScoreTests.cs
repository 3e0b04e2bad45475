using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

public class NetPromoterScoreTests
{
    /// <summary>Scores with the given counts of detractors (as 0..6), passives (7, 8) and promoters (9, 10), shuffled.</summary>
    private static byte[] Scores(long detractors, long passives, long promoters, int seed = 1)
    {
        var random = new Random(seed);
        var scores = new List<byte>();
        for (long i = 0; i < detractors; i++) scores.Add((byte)random.Next(0, 7));
        for (long i = 0; i < passives; i++) scores.Add((byte)random.Next(7, 9));
        for (long i = 0; i < promoters; i++) scores.Add((byte)random.Next(9, 11));
        var array = scores.ToArray();
        random.Shuffle(array);
        return array;
    }

    [Fact]
    public void Reference_cases_score_variance_se_wald_and_adjusted_wald()
    {
        foreach (var c in ReferenceCases.Get("nps").EnumerateArray())
        {
            var counts = c.GetProperty("counts_det_pas_pro").Longs();
            var result = NetPromoterScore.Compute(Scores(counts[0], counts[1], counts[2]));
            Assert.Equal(counts[0], result.Detractors);
            Assert.Equal(counts[1], result.Passives);
            Assert.Equal(counts[2], result.Promoters);
            Relative.Equal(100 * c.GetProperty("nps").GetDouble(), result.Score, 1e-10);
            Assert.Equal(c.GetProperty("var").GetDouble(), result.Variance, 1e-6);
            Assert.Equal(100 * c.GetProperty("se").GetDouble(), result.StandardError, 1e-4);
            var wald = c.GetProperty("wald95_x100").Doubles();
            var waldInterval = NetPromoterScore.WaldInterval(result);
            Assert.Equal(wald[0], waldInterval.Lower, 1e-4);
            Assert.Equal(wald[1], waldInterval.Upper, 1e-4);
            var adjusted = c.GetProperty("adjwald95_x100").Doubles();
            Assert.Equal(adjusted[0], result.Interval.Lower, 1e-4);
            Assert.Equal(adjusted[1], result.Interval.Upper, 1e-4);
            if (c.TryGetProperty("adjwald_nps_x100", out var centre))
            {
                Assert.Equal(centre.GetDouble(), result.AdjustedScore, 1e-4);
            }
        }
    }

    [Fact]
    public void Large_input_matches_a_scalar_count_across_vector_blocks()
    {
        // 1,000,003 scores: many 255-vector blocks plus a scalar tail.
        var random = new Random(7);
        var scores = new byte[1_000_003];
        for (int i = 0; i < scores.Length; i++) scores[i] = (byte)random.Next(0, 11);
        long promoters = 0, detractors = 0;
        foreach (var s in scores)
        {
            if (s >= 9) promoters++;
            else if (s <= 6) detractors++;
        }
        var result = NetPromoterScore.Compute(scores);
        Assert.Equal(promoters, result.Promoters);
        Assert.Equal(detractors, result.Detractors);
        Assert.Equal(scores.Length - promoters - detractors, result.Passives);
    }

    [Fact]
    public void Empty_input_gives_count_zero_and_NaN()
    {
        var result = NetPromoterScore.Compute([]);
        Assert.Equal(0, result.Count);
        Assert.True(double.IsNaN(result.Score));
        Assert.True(double.IsNaN(result.StandardError));
        Assert.True(double.IsNaN(result.Interval.Lower));
        Assert.True(double.IsNaN(result.PromoterShare));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(1000)]
    public void Off_scale_score_throws_naming_index_and_value(int index)
    {
        var scores = new byte[1200];
        scores[index] = 11;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Compute(scores));
        Assert.Equal("scores", ex.ParamName);
        Assert.Contains($"scores[{index}]", ex.Message);
        Assert.Contains("got 11", ex.Message);
    }

    [Fact]
    public void Custom_breaks_are_honoured()
    {
        // 0-5 scale, promoters 5, detractors 0-3 (scores 1, 2, 3), passive 4.
        var result = NetPromoterScore.Compute([1, 2, 3, 4, 5, 5], new NpsScale(5, 5, 3));
        Assert.Equal((3, 1, 2), (result.Detractors, result.Passives, result.Promoters));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Compute([6], new NpsScale(5, 5, 3)));
        Assert.Equal("scale", Assert.Throws<ArgumentException>(() => NetPromoterScore.Compute([1], new NpsScale(10, 6, 6))).ParamName);
    }

    [Fact]
    public void Span_path_allocates_nothing()
    {
        var scores = Scores(300, 300, 400);
        Assert.Equal(0, Allocations.Measure(() => NetPromoterScore.Compute(scores)));
        Assert.Equal(0, Allocations.Measure(() => NetPromoterScore.Compute(scores, NpsScale.ZeroTo(10, 10), 0.9)));
    }

    [Fact]
    public void Difference_test_matches_the_high_precision_reference()
    {
        var c = ReferenceCases.HighPrecision.GetProperty("nps_difference");
        var a = c.GetProperty("first_det_pas_pro").Longs();
        var b = c.GetProperty("second_det_pas_pro").Longs();
        var test = NetPromoterScore.DifferenceTest(NetPromoterScore.FromCounts(a[0], a[1], a[2]), NetPromoterScore.FromCounts(b[0], b[1], b[2]));
        Relative.Equal(c.Number("difference"), test.Difference, 1e-13, "difference");
        Relative.Equal(c.Number("z"), test.Z, 1e-13, "z");
        Relative.Equal(c.Number("p"), test.PValue, 1e-11, "p");
        var interval = c.GetProperty("interval").Numbers();
        Relative.Equal(interval[0], test.Interval.Lower, 1e-13, "lower");
        Relative.Equal(interval[1], test.Interval.Upper, 1e-13, "upper");
        Assert.Equal(IntervalMethod.AdjustedWald, test.Interval.Method);
        Assert.True(test.Interval.Upper < 0); // a signed interval: the score fell
        var empty = NetPromoterScore.DifferenceTest(NetPromoterScore.FromCounts(0, 0, 0), NetPromoterScore.FromCounts(1, 0, 0));
        Assert.True(double.IsNaN(empty.Z) && double.IsNaN(empty.Interval.Lower));
    }

    [Theory]
    [InlineData(95.0)]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Levels_are_fractions_and_a_percent_is_rejected_with_the_convention(double level)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Compute([9, 10], level));
        Assert.Equal("level", ex.ParamName);
        Assert.Contains("fraction in (0, 1)", ex.Message);
        if (level == 95)
        {
            Assert.Contains("use 0.95", ex.Message);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.FromCounts(1, 1, 1, level));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.WaldInterval(NetPromoterScore.FromCounts(1, 1, 1), level));
    }

    [Property(MaxTest = 200)]
    public void Score_shares_and_interval_are_in_bounds(byte[] raw)
    {
        var scores = (raw ?? []).Select(b => (byte)(b % 11)).ToArray();
        var result = NetPromoterScore.Compute(scores);
        Assert.Equal(scores.Length, result.Count);
        if (scores.Length == 0) return;
        Assert.InRange(result.Score, -100, 100);
        Assert.InRange(result.Variance, 0, 1);
        Assert.InRange(result.Interval.Lower, -100, 100);
        Assert.InRange(result.Interval.Upper, -100, 100);
        Assert.True(result.Interval.Contains(result.AdjustedScore));
        Relative.Equal(1, result.PromoterShare + result.PassiveShare + result.DetractorShare, 1e-12);
    }

    [Property(MaxTest = 100)]
    public void Permutation_does_not_change_the_result(byte[] raw, int seed)
    {
        var scores = (raw ?? []).Select(b => (byte)(b % 11)).ToArray();
        var shuffled = scores.ToArray();
        new Random(seed).Shuffle(shuffled);
        Assert.Equal(NetPromoterScore.Compute(scores), NetPromoterScore.Compute(shuffled));
    }

    [Property(MaxTest = 100)]
    public void Interval_narrows_as_n_grows(byte d, byte pa, byte p)
    {
        if (d + pa + p == 0) return;
        var small = NetPromoterScore.FromCounts(d, pa, p);
        var large = NetPromoterScore.FromCounts(4L * d, 4L * pa, 4L * p);
        Assert.True(large.Interval.Width <= small.Interval.Width + 1e-9);
    }

    [Fact]
    public void ToString_is_readable()
    {
        Assert.StartsWith("NPS 30.0 (n = 100: 50 promoters, 30 passives, 20 detractors), SE 7.81, CI [", NetPromoterScore.FromCounts(20, 30, 50).ToString());
        Assert.EndsWith("(95%, AdjustedWald)", NetPromoterScore.FromCounts(20, 30, 50).ToString());
        Assert.Equal("NPS: no responses", NetPromoterScore.Compute([]).ToString());
    }
}
