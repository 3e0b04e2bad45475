using BenchmarkDotNet.Attributes;
using CsMetrics.Forecasting;
using CsMetrics.Internal;

namespace CsMetrics.Benchmarks.Forecasting;

/// <summary>
/// One fit on AirPassengers: our multi-start Levenberg-Marquardt fit with exact derivatives (starts
/// in parallel, and on one thread) against R's strategy, a single Nelder-Mead over parameters and
/// states jointly from the heuristic start, capped at R's 2,000 evaluations. R's ets on this
/// machine: 55-83 ms of CPU per model, 0.52-0.54 s per automatic selection.
/// </summary>
[MemoryDiagnoser]
public class EtsFitBenchmarks
{
    private double[] _values = [];

    [Params("AAA", "MAM", "AAdA")]
    public string Model { get; set; } = "AAA";

    [GlobalSetup]
    public void Setup() => _values = EtsBenchmarkData.AirPassengers();

    [Benchmark(Baseline = true)]
    public double RStyleSingleStartJointNelderMead()
    {
        var specification = EtsSpecification.Parse(Model, 12);
        var start = Ets.HeuristicInitialState(_values, specification);
        var objective = new EtsObjective(specification, _values, EtsParameters.Free, start) { Mode = StateMode.Optimised };
        int d = objective.Dimension;
        var point = new double[d];
        objective.Unmap(new EtsParameters(0.0167, 0.0017, 0.05, 0.978), point);
        objective.CompressStates(start, point.AsSpan(objective.SmoothingCount));
        var step = new double[d];
        var lower = new double[d];
        var upper = new double[d];
        for (int i = 0; i < d; i++)
        {
            bool smoothing = i < objective.SmoothingCount;
            step[i] = smoothing ? 0.1 : 0.1 * Math.Max(Math.Abs(point[i]), 1);
            lower[i] = smoothing ? 0 : double.NegativeInfinity;
            upper[i] = smoothing ? 1 : double.PositiveInfinity;
        }
        return BoundedNelderMead.Minimize(objective, point, step, lower, upper, 2_000).Value;
    }

    [Benchmark]
    public double OurFit() => Ets.Fit(_values, EtsSpecification.Parse(Model, 12)).LogLikelihood;

    /// <summary>The same fit on one thread (a batch of one series: the starts run in sequence).</summary>
    [Benchmark]
    public double OurFitOneThread() => Ets.FitMany([_values], 12, EtsSpecification.Parse(Model, 12), maxDegreeOfParallelism: 1)[0].Fit!.LogLikelihood;

    [Benchmark]
    public double OurAutoSelection() => Ets.FitAuto(_values, 12).Aicc;
}
