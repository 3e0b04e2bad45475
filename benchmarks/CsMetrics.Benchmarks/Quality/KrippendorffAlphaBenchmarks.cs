using BenchmarkDotNet.Attributes;
using CsMetrics.Quality;

namespace CsMetrics.Benchmarks.Quality;

/// <summary>
/// Krippendorff's alpha on units × 5 raters of 1..5 ratings with 10% missing: the linear-time
/// formulation against the textbook procedure (every within-unit pair into a values-by-values
/// coincidence matrix, then the expected disagreement over all pairs of values).
/// </summary>
[MemoryDiagnoser]
public class KrippendorffAlphaBenchmarks
{
    private const int Raters = 5;
    private double[] _data = null!;
    private double[,] _grid = null!;
    private string[] _raters = null!;

    [ParamsSource(nameof(Sizes))]
    public int Units { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(10_000);

    [Params(MeasurementLevel.Nominal, MeasurementLevel.Interval)]
    public MeasurementLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _data = new double[Raters * Units];
        for (int u = 0; u < Units; u++)
        {
            int truth = random.Next(1, 6);
            for (int r = 0; r < Raters; r++)
            {
                _data[r * Units + u] = random.NextDouble() < 0.1 ? double.NaN : Math.Clamp(truth + random.Next(-1, 2), 1, 5);
            }
        }
        _grid = new double[Units, Raters];
        for (int u = 0; u < Units; u++)
        {
            for (int r = 0; r < Raters; r++)
            {
                _grid[u, r] = _data[r * Units + u];
            }
        }
        _raters = Enumerable.Range(1, Raters).Select(r => $"r{r}").ToArray();
    }

    [Benchmark(Baseline = true)]
    public double NaivePairwiseCoincidence()
    {
        var values = _data.Where(x => !double.IsNaN(x)).Distinct().OrderBy(x => x).ToList();
        var index = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var coincidence = new double[values.Count, values.Count];
        for (int u = 0; u < Units; u++)
        {
            var present = Enumerable.Range(0, Raters).Select(r => _data[r * Units + u]).Where(x => !double.IsNaN(x)).ToList();
            if (present.Count < 2)
            {
                continue;
            }
            for (int i = 0; i < present.Count; i++)
            {
                for (int j = 0; j < present.Count; j++)
                {
                    if (i != j)
                    {
                        coincidence[index[present[i]], index[present[j]]] += 1.0 / (present.Count - 1);
                    }
                }
            }
        }
        var marginal = new double[values.Count];
        for (int c = 0; c < values.Count; c++)
        {
            for (int k = 0; k < values.Count; k++)
            {
                marginal[c] += coincidence[c, k];
            }
        }
        double n = marginal.Sum(), observed = 0, expected = 0;
        for (int c = 0; c < values.Count; c++)
        {
            for (int k = 0; k < values.Count; k++)
            {
                double delta = Level == MeasurementLevel.Nominal ? (c == k ? 0 : 1) : (values[c] - values[k]) * (values[c] - values[k]);
                observed += coincidence[c, k] * delta;
                expected += marginal[c] * marginal[k] * delta;
            }
        }
        return 1 - (n - 1) * observed / expected;
    }

    [Benchmark]
    public double LinearTime() => KrippendorffAlpha.Compute(_data, Raters, Level).Alpha;

    /// <summary>The same alpha through a validated <see cref="RatingTable"/> (what the CLI and Agreement.Analyze run): building the table is the cost over the kernel.</summary>
    [Benchmark]
    public double ThroughRatingTable() => KrippendorffAlpha.Compute(new RatingTable(_raters, _grid), Level).Alpha;
}
