using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

public partial class DoubleSeasonalHoltWintersTests
{
    /// <summary>A positive double-seasonal series with noise: level 100, daily and weekly shapes.</summary>
    internal static double[] Synthetic(int period1, int period2, int cycles, int seed, double noise = 3)
    {
        var random = new Random(seed);
        var y = new double[period2 * cycles];
        for (int t = 0; t < y.Length; t++)
        {
            double daily = 1 + 0.5 * Math.Sin(2 * Math.PI * (t % period1) / period1);
            double weekly = 1 + 0.2 * Math.Cos(2 * Math.PI * (t % period2) / period2);
            y[t] = 100 * daily * weekly + noise * (random.NextDouble() - 0.5);
        }
        return y;
    }

    [Property(MaxTest = 25)]
    public void Forecasts_of_a_constant_series_are_that_constant(PositiveInt seed, bool additive)
    {
        double c = 1 + seed.Get % 10_000;
        int period1 = 2 + seed.Get % 5, period2 = period1 * (2 + seed.Get % 3);
        var y = Enumerable.Repeat(c, period2 * 3).ToArray();
        var form = additive ? DoubleSeasonalForm.Additive : DoubleSeasonalForm.Multiplicative;
        var model = DoubleSeasonalHoltWinters.Fit(y, period1, period2, new DoubleSeasonalOptions { Form = form, MaxEvaluations = 200 });
        var forecast = model.Forecast(2 * period2, paths: 100);
        foreach (double mean in forecast.Mean)
        {
            Assert.Equal(c, mean, 1e-9 * c);
        }
    }

    [Property(MaxTest = 30)]
    public void Averaged_initial_indices_are_normalised(PositiveInt seed, bool additive, bool masked)
    {
        int period1 = 4, period2 = 12;
        var y = Synthetic(period1, period2, 3, seed.Get);
        OpenHoursMask? mask = masked ? OpenHoursMask.Daily(period1, 3, 1, 4) : null;
        var states = DoubleSeasonalInitialStates.Averaged(y, period1, period2, !additive, mask, hasTrend: true);
        var openSecond = Enumerable.Range(0, period2).Where(i => mask is null || mask.IsOpen(i)).ToArray();
        var openFirst = Enumerable.Range(0, period1).Where(i => openSecond.Any(j => j % period1 == i)).ToArray();
        double firstMean = openFirst.Average(i => states.FirstSeasonIndices[i]);
        double secondMean = openSecond.Average(i => states.SecondSeasonIndices[i]);
        Assert.Equal(additive ? 0 : 1, firstMean, 1e-12);
        Assert.Equal(additive ? 0 : 1, secondMean, 1e-12);
    }

    [Property(MaxTest = 10)]
    public void Simulated_intervals_are_reproducible_and_nest_by_level(PositiveInt seed)
    {
        var model = DoubleSeasonalHoltWinters.Fit(Synthetic(4, 12, 4, seed.Get), 4, 12, new DoubleSeasonalOptions { MaxEvaluations = 300 });
        var a = model.Forecast(24, [0.5, 0.8, 0.95], paths: 500, seed: seed.Get);
        var b = model.Forecast(24, [0.95, 0.8, 0.5], paths: 500, seed: seed.Get);
        var c = model.Forecast(24, [0.5, 0.8, 0.95], paths: 500, seed: seed.Get + 1);
        Assert.Equal(a.IntervalAt(0.95).Upper, b.IntervalAt(0.95).Upper);
        Assert.Equal(a.Variance, b.Variance);
        Assert.NotEqual(a.IntervalAt(0.95).Upper, c.IntervalAt(0.95).Upper);
        for (int h = 0; h < 24; h++)
        {
            Assert.True(a.IntervalAt(0.95).Lower[h] <= a.IntervalAt(0.8).Lower[h] && a.IntervalAt(0.8).Lower[h] <= a.IntervalAt(0.5).Lower[h]);
            Assert.True(a.IntervalAt(0.5).Upper[h] <= a.IntervalAt(0.8).Upper[h] && a.IntervalAt(0.8).Upper[h] <= a.IntervalAt(0.95).Upper[h]);
        }
    }

    [Property(MaxTest = 10)]
    public void Simulated_intervals_widen_with_the_horizon(PositiveInt seed, bool additive)
    {
        // Fixed parameters with alpha >= 0.2: the forecast-error variance after a full first cycle is
        // at least (1 + (period1 - 1) alpha^2) sigma^2, far beyond the simulation's sampling error.
        int period1 = 8, period2 = 24;
        var random = new Random(seed.Get);
        var parameters = new DoubleSeasonalParameters(0.2 + 0.6 * random.NextDouble(), 0, 0.1 * random.NextDouble(), 0.1 * random.NextDouble(), 0.5 * random.NextDouble());
        var form = additive ? DoubleSeasonalForm.Additive : DoubleSeasonalForm.Multiplicative;
        var model = DoubleSeasonalHoltWinters.Fit(Synthetic(period1, period2, 3, seed.Get, noise: 10), period1, period2,
            new DoubleSeasonalOptions { Form = form, Trend = false, FixedParameters = parameters });
        var forecast = model.Forecast(2 * period2, [0.8, 0.95], paths: 4000, seed: 7);
        foreach (var interval in forecast.Intervals)
        {
            double first = interval.Upper[0] - interval.Lower[0];
            Assert.True(interval.Upper[period1] - interval.Lower[period1] > first);
            Assert.True(interval.Upper[2 * period2 - 1] - interval.Lower[2 * period2 - 1] > first);
        }
        Assert.True(forecast.Variance[2 * period2 - 1] > forecast.Variance[0]);
    }

    [Property(MaxTest = 50)]
    public void Selection_quantile_equals_the_sorted_type_7_quantile(NonEmptyArray<NormalFloat> data, PositiveInt p)
    {
        var values = data.Get.Select(v => v.Get).ToArray();
        double probability = (p.Get % 1001) / 1000.0;
        var sorted = values.OrderBy(v => v).ToArray();
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        double expected = below + 1 < sorted.Length ? sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]) : sorted[below];
        // The library places the position in decimal arithmetic (9 x 0.9 is 8.1 exactly), so it may differ from this
        // binary textbook formula by rounding, never by an order statistic.
        double actual = SamplePaths.Quantile(values, probability);
        double spread = sorted[^1] - sorted[0];
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * (Math.Abs(expected) + spread), $"{actual} against {expected}");
    }

    [Fact]
    public void Closed_intervals_forecast_exactly_zero_and_their_values_do_not_matter()
    {
        int period1 = 8, period2 = 56;
        var mask = OpenHoursMask.Daily(period1, 7, 2, 7);
        var y = Synthetic(period1, period2, 4, 3);
        var other = (double[])y.Clone();
        for (int t = 0; t < y.Length; t++)
        {
            if (!mask.IsOpen(t))
            {
                y[t] = 0;
                other[t] = 1_000 + t;
            }
        }
        var model = DoubleSeasonalHoltWinters.Fit(y, period1, period2, new DoubleSeasonalOptions { OpenHours = mask });
        var same = DoubleSeasonalHoltWinters.Fit(other, period1, period2, new DoubleSeasonalOptions { OpenHours = mask });
        Assert.Equal(model.Parameters, same.Parameters);
        Assert.Equal(model.SumOfSquaredErrors, same.SumOfSquaredErrors);
        Assert.Equal(y.Length - y.Length / period1 * 3, model.ErrorCount);
        var forecast = model.Forecast(period2, paths: 200);
        for (int h = 0; h < period2; h++)
        {
            bool open = mask.IsOpen(y.Length + h);
            Assert.Equal(open, forecast.Mean[h] != 0);
            if (!open)
            {
                Assert.Equal(0, forecast.Variance[h]);
                Assert.Equal(0, forecast.IntervalAt(0.95).Upper[h]);
            }
        }
    }

    [Fact]
    public void Multiplicative_form_rejects_negative_values_naming_the_index_and_accepts_zeros()
    {
        var y = Synthetic(4, 12, 3, 1);
        y[17] = -1;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12));
        Assert.Contains("values[17]", error.Message);
        Assert.True(double.IsFinite(DoubleSeasonalHoltWinters.Fit(y, 4, 12, new DoubleSeasonalOptions { Form = DoubleSeasonalForm.Additive }).SumOfSquaredErrors));
        y[17] = 0;
        Assert.True(double.IsFinite(DoubleSeasonalHoltWinters.Fit(y, 4, 12).SumOfSquaredErrors));
    }

    [Fact]
    public void An_all_open_mask_fits_exactly_as_no_mask()
    {
        var y = Synthetic(4, 12, 4, 5);
        var plain = DoubleSeasonalHoltWinters.Fit(y, 4, 12);
        var masked = DoubleSeasonalHoltWinters.Fit(y, 4, 12, new DoubleSeasonalOptions { OpenHours = OpenHoursMask.AllOpen(12) });
        Assert.Equal(plain.SumOfSquaredErrors, masked.SumOfSquaredErrors);
        Assert.Equal(plain.Parameters, masked.Parameters);
    }

    [Fact]
    public void Missing_values_are_filled_and_left_out_of_the_objective()
    {
        var y = Synthetic(4, 12, 4, 9);
        y[30] = double.NaN;
        var model = DoubleSeasonalHoltWinters.Fit(y, 4, 12);
        Assert.Equal(y.Length - 1, model.ErrorCount);
        Assert.True(double.IsNaN(model.Residuals[30]));
        Assert.True(double.IsFinite(model.Fitted[30]));
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_parameter_and_the_minimum()
    {
        var y = Synthetic(4, 12, 3, 1);
        var shortError = Assert.Throws<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(y.AsSpan(0, 23), 4, 12));
        Assert.Contains("24", shortError.Message);
        Assert.Equal("values", shortError.ParamName);
        Assert.Equal("period2", Assert.Throws<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 10)).ParamName);
        var maskError = Assert.Throws<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12, new DoubleSeasonalOptions { OpenHours = OpenHoursMask.AllOpen(8) }));
        Assert.Equal("options", maskError.ParamName);
        Assert.StartsWith("options.OpenHours: ", maskError.Message);
        var model = DoubleSeasonalHoltWinters.Fit(y, 4, 12, new DoubleSeasonalOptions { MaxEvaluations = 100 });
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Forecast(4, [100]));
    }

    [Fact]
    public void Objective_evaluation_allocates_nothing()
    {
        var y = Synthetic(48, 336, 4, 2);
        var model = DoubleSeasonalHoltWinters.Fit(y, 48, 336, new DoubleSeasonalOptions { MaxEvaluations = 200 });
        var parameters = model.Parameters;
        var states = model.InitialStates;
        double sse = 0;
        long bytes = Allocations.Measure(() => sse = DoubleSeasonalHoltWinters.SumOfSquaredErrors(y, 48, 336, DoubleSeasonalForm.Multiplicative, parameters, states));
        Assert.Equal(0, bytes);
        Assert.Equal(model.SumOfSquaredErrors, sse);
    }

    /// <summary>
    /// The exact forecast-error variance of the additive model (a linear system): a raw error e_j
    /// moves the forecast m steps later by psi_m = alpha + m alpha beta + gamma (1 - alpha) [s1 | m]
    /// + omega (1 - alpha) [s2 | m] (psi_0 = 1), and e_j = phi e_(j-1) + eps_j, so
    /// Var_k = sigma^2 sum_(r &lt; k) c_r^2 with c_r = sum_(m=0..r) psi_(r-m) phi^m.
    /// </summary>
    private static double[] ExactAdditiveVariance(DoubleSeasonalParameters p, int period1, int period2, double sigma2, int horizon)
    {
        var psi = new double[horizon];
        psi[0] = 1;
        for (int m = 1; m < horizon; m++)
        {
            psi[m] = p.Alpha + m * p.Alpha * p.Beta
                + (m % period1 == 0 ? p.Gamma * (1 - p.Alpha) : 0)
                + (m % period2 == 0 ? p.Omega * (1 - p.Alpha) : 0);
        }
        var variance = new double[horizon];
        double sum = 0;
        for (int r = 0; r < horizon; r++)
        {
            double c = 0;
            for (int m = 0; m <= r; m++)
            {
                c += psi[r - m] * Math.Pow(p.Phi, m);
            }
            sum += c * c;
            variance[r] = sigma2 * sum;
        }
        return variance;
    }

    [Property(MaxTest = 5)]
    public void Simulated_variances_and_intervals_converge_to_the_exact_ones_for_the_additive_form(PositiveInt seed)
    {
        int period1 = 4, period2 = 12, horizon = 30;
        var random = new Random(seed.Get);
        var parameters = new DoubleSeasonalParameters(0.1 + 0.5 * random.NextDouble(), 0.05 * random.NextDouble(),
            0.3 * random.NextDouble(), 0.3 * random.NextDouble(), 0.8 * random.NextDouble() - 0.2);
        var model = DoubleSeasonalHoltWinters.Fit(Synthetic(period1, period2, 3, seed.Get, noise: 20), period1, period2,
            new DoubleSeasonalOptions { Form = DoubleSeasonalForm.Additive, FixedParameters = parameters });
        var exact = ExactAdditiveVariance(parameters, period1, period2, model.Sigma2, horizon);
        var forecast = model.Forecast(horizon, [0.95], paths: 20_000, seed: seed.Get);
        for (int h = 0; h < horizon; h++)
        {
            // 20,000 paths: the sample variance's relative standard error is about 1%.
            Assert.True(Math.Abs(forecast.Variance[h] / exact[h] - 1) < 0.06, $"step {h + 1}: simulated {forecast.Variance[h]}, exact {exact[h]}");
            double halfWidth = (forecast.IntervalAt(0.95).Upper[h] - forecast.IntervalAt(0.95).Lower[h]) / 2;
            Assert.True(Math.Abs(halfWidth / (1.959963984540054 * Math.Sqrt(exact[h])) - 1) < 0.06, $"step {h + 1}: half-width {halfWidth}");
        }
    }

    [Fact]
    public void Batch_fits_equal_single_fits_and_a_bad_series_reports_its_error()
    {
        var good = Enumerable.Range(0, 4).Select(k => Synthetic(4, 12, 3, k)).ToArray();
        var batch = good.Append(new double[10]).ToArray();
        var results = DoubleSeasonalHoltWinters.FitMany(batch, 4, 12);
        for (int i = 0; i < good.Length; i++)
        {
            Assert.Equal(i, results[i].Index);
            var single = DoubleSeasonalHoltWinters.Fit(good[i], 4, 12, new DoubleSeasonalOptions { OpenHours = OpenHoursMask.Detect(good[i], 12) });
            Assert.Equal(single.SumOfSquaredErrors, results[i].Model!.SumOfSquaredErrors);
        }
        Assert.Null(results[4].Model);
        Assert.Contains("no open interval", results[4].Error);
    }
}
