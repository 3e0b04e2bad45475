using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// Theta on AirPassengers (seasonality test, decomposition, SES fit, 24-step forecast with intervals) beside its
/// core, the ETS(A,N,N) fit alone (the baseline: what the method adds to SES), and the automatic family choice
/// (4 back-test origins x ETS, ARIMA and Theta, then the final fit). R's thetaf: see docs/forecasting.md.
/// </summary>
[MemoryDiagnoser]
public class ThetaBenchmarks
{
    private double[] _values = [];

    [GlobalSetup]
    public void Setup() => _values = EtsBenchmarkData.AirPassengers();

    [Benchmark(Baseline = true)]
    public double SesFit() => Ets.Fit(_values, EtsSpecification.Parse("ANN", 1)).LogLikelihood;

    [Benchmark]
    public double ThetaFitAndForecast() => Theta.Fit(_values, 12).Forecast(24, 0.8, 0.95).Mean[23];

    [Benchmark]
    public double AutomaticChoice() => ForecastModels.FitAuto(_values, 12).Model.Forecast(24, [0.95]).Mean[23];
}
