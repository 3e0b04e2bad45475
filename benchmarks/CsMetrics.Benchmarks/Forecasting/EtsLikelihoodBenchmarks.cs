using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// One likelihood evaluation of ETS(M,A,M) on AirPassengers (n = 144, m = 12): the span kernel
/// against a textbook recursion that builds a new state vector every step (the state-space form
/// x_t = F x_{t-1} + g(x) e_t with the seasonal vector shifted by copying).
/// </summary>
[MemoryDiagnoser]
public class EtsLikelihoodBenchmarks
{
    private static readonly EtsSpecification s_model = EtsSpecification.Parse("MAM", 12);
    private static readonly EtsParameters s_parameters = new(0.74, 0.0001, 0.0001);
    private double[] _values = [];
    private double[] _state = [];
    private readonly double[] _final = new double[14];

    [GlobalSetup]
    public void Setup()
    {
        _values = EtsBenchmarkData.AirPassengers();
        _state = Ets.HeuristicInitialState(_values, s_model);
    }

    [Benchmark(Baseline = true)]
    public double NaiveAllocatingRecursion()
    {
        int m = 12;
        var state = (double[])_state.Clone();
        double sse = 0, sumLog = 0;
        foreach (double y in _values)
        {
            double level = state[0], trend = state[1], seasonal = state[2 + m - 1];
            double q = level + trend;
            double forecast = q * seasonal;
            double e = (y - forecast) / forecast;
            sse += e * e;
            sumLog += Math.Log(Math.Abs(forecast));
            var next = new double[state.Length];
            next[0] = q * (1 + s_parameters.Alpha * e);
            next[1] = trend + s_parameters.Beta * q * e;
            next[2] = seasonal * (1 + s_parameters.Gamma * e);
            Array.Copy(state, 2, next, 3, m - 1);
            state = next;
        }
        return _values.Length * Math.Log(sse) + 2 * sumLog;
    }

    [Benchmark]
    public double SpanKernel() =>
        Ets.Filter(s_model, s_parameters, _state, _values, default, default, _final).MinusTwoLogLikelihood;
}
