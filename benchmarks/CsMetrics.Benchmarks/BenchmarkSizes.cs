namespace CsMetrics.Benchmarks;

/// <summary>
/// Input sizes for benchmarks. In smoke mode (<c>--smoke</c>, used by CI) every size shrinks to a
/// few thousand so the whole suite runs in seconds; a full run uses the sizes the issues ask for.
/// Use from a <c>[ParamsSource]</c>: <c>public static IEnumerable&lt;int&gt; Sizes =&gt; BenchmarkSizes.Of(1_000_000, 100_000_000);</c>
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>Set by <c>--smoke</c>; also read from the <c>CSMETRICS_BENCH_SMOKE</c> environment variable for child processes.</summary>
    public static bool Smoke
    {
        get => s_smoke || Environment.GetEnvironmentVariable("CSMETRICS_BENCH_SMOKE") == "1";
        set
        {
            s_smoke = value;
            if (value)
            {
                Environment.SetEnvironmentVariable("CSMETRICS_BENCH_SMOKE", "1");
            }
        }
    }

    private static bool s_smoke;

    /// <summary>Set by <c>--quick</c> (also read from <c>CSMETRICS_BENCH_QUICK</c>): sizes above ten million are skipped (100M-element inputs take minutes each), for a documentation run.</summary>
    public static bool Quick
    {
        get => s_quick || Environment.GetEnvironmentVariable("CSMETRICS_BENCH_QUICK") == "1";
        set
        {
            s_quick = value;
            if (value)
            {
                Environment.SetEnvironmentVariable("CSMETRICS_BENCH_QUICK", "1");
            }
        }
    }

    private static bool s_quick;

    /// <summary>The given sizes; in smoke mode one small size; in quick mode those up to ten million.</summary>
    public static IEnumerable<int> Of(params int[] sizes) =>
        Smoke ? [Math.Min(sizes.Min(), 4_096)]
        : Quick ? sizes.Where(size => size <= 10_000_000).DefaultIfEmpty(sizes.Min())
        : sizes;
}
