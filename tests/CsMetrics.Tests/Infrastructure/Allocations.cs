namespace CsMetrics.Tests.Infrastructure;

/// <summary>Measures what an action allocates on the current thread, after a warm-up call (JIT, static init).</summary>
public static class Allocations
{
    public static long Measure(Action action)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
