using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// A model that the simulation engine can run forward: a per-path state of
/// <see cref="StateLength"/> doubles, its value at the forecast origin, and one step of a path.
/// Implemented by structs so that the engine's generic loop calls <see cref="Step"/> without a virtual call.
/// </summary>
internal interface ISamplePathModel
{
    /// <summary>Doubles of state per path (level, trend, seasonal rings, the last error...).</summary>
    int StateLength { get; }

    /// <summary>Writes the state at the forecast origin (the same for every path).</summary>
    void Start(Span<double> state);

    /// <summary>Advances one path by one step (0 = one step ahead), drawing its noise from <paramref name="random"/>, and returns the simulated value.</summary>
    double Step(Span<double> state, int step, ref NormalRandom random);
}

/// <summary>The per-step summary of simulated sample paths: mean, variance and type-7 quantile bounds per level.</summary>
internal sealed record SimulatedSteps(double[] Mean, double[] Variance, double[][] Lower, double[][] Upper);

/// <summary>
/// The one simulation engine behind every simulated interval (ETS class 3 or on request, double-seasonal
/// Holt-Winters): one generator (<see cref="NormalRandom"/>), one seed type (<see cref="int"/>), one
/// summary (sample mean, sample variance, R type-7 quantiles). Path p draws from stream p of the seed
/// (p <see cref="NormalRandom.Jump"/>s from it), so a path's draws do not depend on how many steps or
/// paths are asked for: a longer horizon extends every path and leaves the shorter forecast unchanged.
/// </summary>
/// <remarks>
/// Paths advance a block of steps at a time from their saved states, so memory is
/// <c>paths x (state + block)</c> whatever the horizon.
/// </remarks>
internal static class SamplePaths
{
    private const int Block = 32;

    /// <summary>Throws unless <paramref name="paths"/> x <paramref name="horizon"/> is within <see cref="Forecast.MaxSimulatedValues"/>.</summary>
    public static void CheckWork(int paths, int horizon, string paramName)
    {
        if ((long)paths * horizon > Forecast.MaxSimulatedValues)
        {
            ThrowHelper.ThrowOutOfRange(paramName, horizon, string.Create(CultureInfo.InvariantCulture,
                $"with {paths:N0} simulated paths must be at most {Forecast.MaxSimulatedValues / paths:N0} steps: paths x horizon is limited to {Forecast.MaxSimulatedValues:N0} (Forecast.MaxSimulatedValues); use fewer paths or a shorter horizon"));
        }
    }

    /// <summary>Simulates <paramref name="paths"/> paths of <paramref name="horizon"/> steps and summarises each step.</summary>
    /// <param name="model">The model to run.</param>
    /// <param name="horizon">Steps, at least 1.</param>
    /// <param name="paths">Paths, at least 2.</param>
    /// <param name="seed">The seed; path p uses stream p.</param>
    /// <param name="levels">Levels (fractions in (0, 1)): bounds at the (1 -/+ level)/2 quantiles.</param>
    public static SimulatedSteps Summarize<TModel>(TModel model, int horizon, int paths, int seed, ReadOnlySpan<double> levels)
        where TModel : struct, ISamplePathModel
    {
        int width = model.StateLength;
        var states = new double[paths * width];
        var randoms = new NormalRandom[paths];
        var origin = NormalRandom.FromSeed(seed);
        for (int path = 0; path < paths; path++)
        {
            model.Start(states.AsSpan(path * width, width));
            randoms[path] = origin;
            origin.Jump();
        }
        var mean = new double[horizon];
        var variance = new double[horizon];
        var lower = new double[levels.Length][];
        var upper = new double[levels.Length][];
        for (int l = 0; l < levels.Length; l++)
        {
            lower[l] = new double[horizon];
            upper[l] = new double[horizon];
        }
        var rows = new double[Math.Min(Block, horizon) * paths];
        for (int h0 = 0; h0 < horizon; h0 += Block)
        {
            int steps = Math.Min(Block, horizon - h0);
            for (int path = 0; path < paths; path++)
            {
                var state = states.AsSpan(path * width, width);
                ref var random = ref randoms[path];
                for (int b = 0; b < steps; b++)
                {
                    rows[b * paths + path] = model.Step(state, h0 + b, ref random);
                }
            }
            for (int b = 0; b < steps; b++)
            {
                int h = h0 + b;
                var row = rows.AsSpan(b * paths, paths);
                (mean[h], variance[h]) = SampleMoments.MeanAndVariance(row);
                for (int l = 0; l < levels.Length; l++)
                {
                    double tail = (1 - levels[l]) / 2;
                    lower[l][h] = Quantile(row, tail);
                    upper[l][h] = Quantile(row, 1 - tail);
                }
            }
        }
        return new SimulatedSteps(mean, variance, lower, upper);
    }

    /// <summary>
    /// Type-7 quantile (linear interpolation between order statistics, R's default) by selection: the library's one
    /// home, <see cref="SampleQuantile.Type7InPlace"/>. Partially reorders <paramref name="values"/>, which stays a
    /// permutation, so repeated calls are valid.
    /// </summary>
    internal static double Quantile(Span<double> values, double probability) => SampleQuantile.Type7InPlace(values, probability);
}
