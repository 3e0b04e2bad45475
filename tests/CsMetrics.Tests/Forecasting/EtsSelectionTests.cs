using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Automatic selection against R's ets(y): in-sample AICc and held-out accuracy.</summary>
public class EtsSelectionTests
{
    [Fact]
    public void FitAuto_ReachesAtMostRsAicc()
    {
        foreach (var expected in EtsOracle.Read("r_ets_auto_selection.json").GetProperty("results").EnumerateArray())
        {
            string name = expected.GetProperty("series").GetString()!;
            var fit = Ets.FitAuto(EtsOracle.Series(name), 12);
            Assert.True(fit.Aicc <= expected.Number("aicc") + 1e-6, $"{name}: {fit} vs R's {expected.GetProperty("method").GetString()} AICc {expected.Number("aicc")}");
        }
    }

    [Fact]
    public void FitAuto_HeldOutSeasons_AtLeastAsAccurateAsR()
    {
        // MASE over the last two seasons, scaled by the in-sample seasonal naive error (as R's oracle).
        var results = EtsOracle.Read("r_ets_holdout.json").GetProperty("results").EnumerateArray().ToArray();
        double ours = 0, theirs = 0;
        var report = new List<string>();
        foreach (var expected in results)
        {
            string name = expected.GetProperty("series").GetString()!;
            var values = EtsOracle.Series(name);
            int train = expected.GetProperty("train_length").GetInt32();
            int horizon = expected.GetProperty("horizon").GetInt32();
            var fit = Ets.FitAuto(values.AsSpan(0, train), 12);
            var mean = fit.Forecast(horizon).Mean;
            double scale = Enumerable.Range(12, train - 12).Average(t => Math.Abs(values[t] - values[t - 12]));
            double mase = Enumerable.Range(0, horizon).Average(h => Math.Abs(values[train + h] - mean[h])) / scale;
            ours += mase / results.Length;
            theirs += expected.Number("mase") / results.Length;
            report.Add($"{name}: ours {fit.Specification} {mase:F4}, R {expected.GetProperty("method").GetString()} {expected.Number("mase"):F4}");
        }
        Assert.True(ours <= theirs, $"mean MASE ours {ours:F4} vs R {theirs:F4}: {string.Join("; ", report)}");
    }

    [Fact]
    public void FitAuto_ParallelWaves_ChooseAsTheSequentialBatch()
    {
        // FitAuto fits each wave of candidates in parallel, FitMany one series' candidates in sequence:
        // the choice and its estimates must not depend on the scheduling.
        foreach (string name in new[] { "AirPassengers", "USAccDeaths" })
        {
            var values = EtsOracle.Series(name);
            var direct = Ets.FitAuto(values, 12);
            var batch = Ets.FitMany([values], 12)[0].Fit!;
            Assert.Equal(batch.Specification, direct.Specification);
            Assert.Equal(batch.Parameters, direct.Parameters);
            Assert.Equal(batch.InitialState, direct.InitialState);
            Assert.Equal(batch.Aicc, direct.Aicc);
        }
    }

    [Theory]
    [InlineData("AirPassengers", "AAA")]
    [InlineData("AirPassengers", "MAM")]
    [InlineData("AirPassengers", "AAdA")]
    [InlineData("USAccDeaths", "MAdM")]
    [InlineData("USAccDeaths", "AAdN")]
    public void Fit_StartsInParallel_GiveTheSequentialFit(string name, string model)
    {
        // A direct fit runs its starts in parallel and applies the abandonment rule afterwards; a batch
        // runs them in sequence and abandons as it goes: the fits must be identical.
        var values = EtsOracle.Series(name);
        var specification = EtsSpecification.Parse(model, 12);
        var direct = Ets.Fit(values, specification);
        var sequential = Ets.FitMany([values], 12, specification, maxDegreeOfParallelism: 1)[0].Fit!;
        Assert.Equal(sequential.Parameters, direct.Parameters);
        Assert.Equal(sequential.InitialState, direct.InitialState);
        Assert.Equal(sequential.LogLikelihood, direct.LogLikelihood);
        Assert.Equal(sequential.Converged, direct.Converged);
    }

    [Fact]
    public void Candidates_NeverMultiplicativeForNonPositiveSeries()
    {
        var values = Enumerable.Range(0, 60).Select(t => Math.Sin(t) * 10 + 5).ToArray();
        var candidates = Ets.Candidates(values, 12);
        Assert.NotEmpty(candidates);
        Assert.DoesNotContain(candidates, c => c.NeedsPositiveData);
        Assert.False(Ets.FitAuto(values, 12).Specification.NeedsPositiveData);
    }

    [Fact]
    public void FitMany_FitsEachSeriesAndReportsFailuresPerSeries()
    {
        var series = new[] { EtsOracle.Series("USAccDeaths"), new double[] { 1, 2, 3 }, EtsOracle.Series("AirPassengers") };
        var results = Ets.FitMany(series, 12, EtsSpecification.Parse("AAA", 12));
        Assert.NotNull(results[0].Fit);
        Assert.Contains("at least", results[1].Error);
        Assert.Equal(Ets.Fit(series[2], EtsSpecification.Parse("AAA", 12)).LogLikelihood, results[2].Fit!.LogLikelihood);
    }
}
