using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;
using CsMetrics.Internal;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// ARIMA on AirPassengers (n = 144, m = 12): the airline model ARIMA(0,1,1)(0,1,1)[12] fitted by our
/// Levenberg-Marquardt search against a baseline Nelder-Mead search of the same exact likelihood from zero
/// (a generic optimiser, as R's <c>optim</c>), the automatic choice (Hyndman-Khandakar stepwise search), and a
/// 24-step forecast with 80% and 95% intervals. R's timings on the same series come from
/// <c>../shared/peers/arima_r.R</c> (docs/forecasting.md).
/// </summary>
[MemoryDiagnoser]
public class ArimaBenchmarks
{
    private static readonly ArimaOrder s_airline = new(0, 1, 1, 0, 1, 1, 12);
    private double[] _values = [];
    private ArimaFit _fit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _values = EtsBenchmarkData.AirPassengers();
        _fit = Arima.Fit(_values, s_airline);
    }

    [Benchmark(Baseline = true)]
    public double AirlineNelderMeadFromZero()
    {
        var data = Arima.Prepare(_values, s_airline);
        var likelihood = new ArimaLikelihood(data.Values, [], s_airline);
        var point = new double[likelihood.Dimension];
        double[] step = [0.1, 0.1], lower = [-ArimaPolynomials.RawBound, -ArimaPolynomials.RawBound], upper = [ArimaPolynomials.RawBound, ArimaPolynomials.RawBound];
        return BoundedNelderMead.Minimize(likelihood, point, step, lower, upper, 2_000, 1e-10).Value;
    }

    [Benchmark]
    public double AirlineFit() => Arima.Fit(_values, s_airline).LogLikelihood;

    [Benchmark]
    public double FitAuto() => Arima.FitAuto(_values, 12).Aicc;

    [Benchmark]
    public double Forecast24() => _fit.Forecast(24, Forecast.DefaultLevels).Mean[23];
}
