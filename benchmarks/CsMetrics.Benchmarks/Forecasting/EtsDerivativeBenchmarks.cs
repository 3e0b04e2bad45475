using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// What one Levenberg-Marquardt iteration of an ETS(M,A,M) fit on AirPassengers needs: the
/// residuals' derivatives with respect to the 3 smoothing parameters and the 13 free initial states.
/// The forward-mode kernel (tangents, J'J and J'r in one pass) against central finite differences,
/// 33 filter runs for the gradient alone.
/// </summary>
[MemoryDiagnoser]
public class EtsDerivativeBenchmarks
{
    private static readonly EtsSpecification s_model = EtsSpecification.Parse("MAM", 12);
    private const double Alpha = 0.74, Beta = 0.0001, Gamma = 0.0001;
    private double[] _values = [];
    private double[] _state = [];
    private double[] _workspace = [];
    private readonly double[] _final = new double[14];
    private readonly double[] _moved = new double[14];
    private readonly double[] _normal = new double[20 * 20];
    private readonly double[] _gradient = new double[20];

    [GlobalSetup]
    public void Setup()
    {
        _values = EtsBenchmarkData.AirPassengers();
        _state = Ets.HeuristicInitialState(_values, s_model);
        _workspace = new double[Ets.TangentWorkspaceLength(s_model, statesFree: true, _values.Length)];
    }

    [Benchmark(Baseline = true)]
    public double CentralDifferenceGradient()
    {
        double total = MinusTwoLogLikelihood(Alpha, Beta, Gamma, _state);
        for (int i = 0; i < 3 + 13; i++)
        {
            double h = 1e-6 * (i < 3 ? 1 : Math.Abs(_state[i - 3]) + 1);
            double up = Shifted(i, h), down = Shifted(i, -h);
            total += (up - down) / (2 * h);
        }
        return total;

        double Shifted(int i, double h)
        {
            if (i < 3)
            {
                return MinusTwoLogLikelihood(i == 0 ? Alpha + h : Alpha, i == 1 ? Beta + h : Beta, i == 2 ? Gamma + h : Gamma, _state);
            }
            _state.CopyTo(_moved, 0);
            _moved[i - 3] += h;
            if (i - 3 >= 2)
            {
                _moved[^1] -= h;
            }
            return MinusTwoLogLikelihood(Alpha, Beta, Gamma, _moved);
        }
    }

    [Benchmark]
    public double ForwardModeNormalEquations() =>
        Ets.RunWithTangents(s_model, Alpha, Beta, Gamma, double.NaN, _state, _values, statesFree: true, _workspace, _normal, _gradient);

    private double MinusTwoLogLikelihood(double alpha, double beta, double gamma, double[] state) =>
        Ets.Filter(s_model, new EtsParameters(alpha, beta, gamma), state, _values, default, default, _final).MinusTwoLogLikelihood;
}
