using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Mathematical laws of ETS fits and forecasts, on random seasonal series.</summary>
public class EtsLawTests
{
    private static readonly string[] s_models = ["ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MNA", "MAA", "MNM", "MAM", "MAdM"];

    /// <summary>A positive monthly-like series: level, trend, a season of length m and noise.</summary>
    private static double[] RandomSeries(int seed, int n = 48, int m = 4)
    {
        var random = new Random(seed);
        double level = 50 + 50 * random.NextDouble(), slope = random.NextDouble() - 0.3, amplitude = 5 + 10 * random.NextDouble();
        return Enumerable.Range(0, n).Select(t => level + slope * t + amplitude * Math.Sin(2 * Math.PI * t / m + seed) + 3 * (random.NextDouble() - 0.5)).ToArray();
    }

    private static EtsSpecification Model(int seed) => EtsSpecification.Parse(s_models[(int)((uint)seed % s_models.Length)], 4);

    [Property(MaxTest = 13)]
    public bool ConstantSeries_ForecastsThatConstant(int seed, byte value)
    {
        double constant = value + 1;
        var fit = Ets.Fit(Enumerable.Repeat(constant, 24).ToArray(), Model(seed));
        var forecast = fit.Forecast(10, 0.8, 0.95);
        return forecast.Mean.All(mean => mean == constant)
            && forecast.Intervals.All(i => i.Lower.All(x => x == constant) && i.Upper.All(x => x == constant));
    }

    [Property(MaxTest = 13)]
    public bool InitialSeasonalIndices_SumToZeroOrM(int seed)
    {
        var specification = Model(seed);
        var fit = Ets.Fit(RandomSeries(seed), specification);
        if (!specification.HasSeason)
        {
            return true;
        }
        double sum = fit.InitialState.Skip(specification.HasTrend ? 2 : 1).Sum();
        double expected = specification.Season == EtsSeason.Multiplicative ? 4 : 0;
        return Math.Abs(sum - expected) <= 1e-9 * (1 + Math.Abs(fit.InitialState[0]));
    }

    [Property(MaxTest = 13)]
    public bool Intervals_WidenWithLevel_AndWithHorizonForAdditiveModels(int seed)
    {
        var specification = Model(seed);
        var forecast = Ets.Fit(RandomSeries(seed), specification).Forecast(12, 0.5, 0.8, 0.95);
        double[] Width(double level) => forecast.IntervalAt(level).Upper.Zip(forecast.IntervalAt(level).Lower, (u, l) => u - l).ToArray();
        var w50 = Width(0.5);
        var w80 = Width(0.8);
        var w95 = Width(0.95);
        bool byLevel = Enumerable.Range(0, 12).All(h => w50[h] < w80[h] && w80[h] < w95[h]);
        bool byHorizon = specification.VarianceClass != 1 || Enumerable.Range(1, 11).All(h => w95[h] >= w95[h - 1]);
        return byLevel && byHorizon;
    }

    [Property(MaxTest = 8)]
    public bool Fit_IsInvariantToScaling(int seed)
    {
        // -2 log L shifts by 2n log c under scaling, so the searches stop at the same optimum to
        // within the search tolerance, not bit for bit.
        var specification = Model(seed);
        double scale = (seed & 1) == 0 ? 1000 : 0.01;
        var values = RandomSeries(seed);
        var fit = Ets.Fit(values, specification);
        var scaled = Ets.Fit(values.Select(v => v * scale).ToArray(), specification);
        var forecast = fit.Forecast(8, 0.95);
        var scaledForecast = scaled.Forecast(8, 0.95);
        static bool Close(double a, double b, double tolerance) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= tolerance;
        var (p, q) = (fit.Parameters, scaled.Parameters);
        return Close(p.Alpha, q.Alpha, 2e-3) && Close(p.Beta, q.Beta, 2e-3) && Close(p.Gamma, q.Gamma, 2e-3) && Close(p.Phi, q.Phi, 2e-3)
            && Enumerable.Range(0, 8).All(h => Close(scaledForecast.Mean[h] / scale, forecast.Mean[h], 2e-3 * Math.Abs(forecast.Mean[h])));
    }

    [Theory]
    [InlineData("AAA", 1)]
    [InlineData("AAdN", 2)]
    [InlineData("MAN", 3)]
    [InlineData("MAA", 4)]
    public void SimulatedIntervals_ConvergeToExact(string model, int seed)
    {
        var fit = Ets.Fit(RandomSeries(seed, 60), EtsSpecification.Parse(model, 4));
        var exact = fit.Forecast(8, 0.8, 0.95);
        var simulated = fit.Forecast(8, [0.8, 0.95], new EtsSimulationOptions { Paths = 40_000, Seed = seed, AlwaysSimulate = true });
        for (int h = 0; h < 8; h++)
        {
            double sd = Math.Sqrt(exact.Variance[h]);
            Assert.True(Math.Abs(simulated.Variance[h] / exact.Variance[h] - 1) < 0.05, $"variance h={h + 1}: {simulated.Variance[h]} vs {exact.Variance[h]}");
            foreach (double level in new[] { 0.8, 0.95 })
            {
                Assert.True(Math.Abs(simulated.IntervalAt(level).Lower[h] - exact.IntervalAt(level).Lower[h]) < 0.06 * sd, $"lower{level} h={h + 1}");
                Assert.True(Math.Abs(simulated.IntervalAt(level).Upper[h] - exact.IntervalAt(level).Upper[h]) < 0.06 * sd, $"upper{level} h={h + 1}");
            }
        }
    }

    [Fact]
    public void Simulation_IsReproducibleForASeed()
    {
        var fit = Ets.Fit(RandomSeries(5), EtsSpecification.Parse("MAM", 4));
        var first = fit.Forecast(10, 0.8);
        var second = fit.Forecast(10, 0.8);
        Assert.Equal(first.IntervalAt(0.8).Upper, second.IntervalAt(0.8).Upper);
        Assert.StartsWith("simulated", first.IntervalMethod);
    }

    [Fact]
    public void Filter_AllocatesNothing()
    {
        var values = RandomSeries(7, 120, 12);
        var specification = EtsSpecification.Parse("MAdM", 12);
        var state = Ets.HeuristicInitialState(values, specification);
        var parameters = new EtsParameters(0.3, 0.01, 0.1, 0.95);
        var final = new double[state.Length];
        var fitted = new double[values.Length];
        var residuals = new double[values.Length];
        double result = 0;
        long bytes = Allocations.Measure(() =>
        {
            result += Ets.Filter(specification, parameters, state, values, fitted, residuals, final).MinusTwoLogLikelihood;
            result += Ets.IsAdmissible(specification, parameters) ? 1 : 0;
        });
        Assert.Equal(0, bytes);
        Assert.True(double.IsFinite(result));
    }

    [Fact]
    public void MissingValues_AreSkippedAndFilledByTheOneStepForecast()
    {
        var values = RandomSeries(11, 48);
        var specification = EtsSpecification.Parse("AAA", 4);
        var complete = Ets.Fit(values, specification);
        values[20] = double.NaN;
        var evaluated = Ets.Evaluate(values, specification, complete.Parameters, complete.InitialState.ToArray(), complete.EstimatedParameters);
        Assert.True(double.IsNaN(evaluated.Residuals[20]));
        Assert.Equal(47, evaluated.Observed);
        Assert.Equal(complete.Fitted.Take(21), evaluated.Fitted.Take(21)); // up to and including the gap, nothing changes
        var refit = Ets.Fit(values, specification);
        Assert.True(double.IsFinite(refit.LogLikelihood));
    }

    [Fact]
    public void TooShort_NamesTheMinimumLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => Ets.Fit(RandomSeries(1, 20, 12), EtsSpecification.Parse("MAM", 12)));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("at least 24", ex.Message);
    }

    [Fact]
    public void MultiplicativeModel_RejectsNonPositiveValuesByIndex()
    {
        var values = RandomSeries(2);
        values[9] = 0;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Ets.Fit(values, EtsSpecification.Parse("MNN", 1)));
        Assert.Contains("values[9]", ex.Message);
    }

    [Fact]
    public void FixedParameters_AreHeld()
    {
        var fit = Ets.Fit(RandomSeries(3), EtsSpecification.Parse("AAA", 4), new EtsOptions { Fixed = new EtsParameters(0.3, Gamma: 0.2) });
        Assert.Equal(0.3, fit.Parameters.Alpha);
        Assert.Equal(0.2, fit.Parameters.Gamma);
        Assert.InRange(fit.Parameters.Beta, 1e-4, 0.3);
    }
}
