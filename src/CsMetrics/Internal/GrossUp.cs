namespace CsMetrics.Internal;

/// <summary>
/// The shrinkage gross-up, written once: the people to schedule so that <c>net</c> are available after
/// shrinkage s is <c>⌈net / (1 − s)⌉</c>, exact. Queueing's <c>Staffing.ScheduledHeadcount</c>, Metrics'
/// <c>Workforce.GrossStaffRounded</c> and Planning (through Staffing) call it.
/// </summary>
/// <remarks>
/// The division is done in decimal arithmetic on the inputs as written (a double converts to decimal with 15
/// significant digits, so 0.3 is 0.3 and 13.4 is 13.4): 21 agents at 30% is exactly 30, where binary floating
/// point gives 30.000000000000004 and a plain ceiling 31. No tolerance is applied on top: 100.0000001 agents at 0%
/// need 101 people, and a positive requirement, however small, needs at least one. The tests hold these edge cases.
/// </remarks>
internal static class GrossUp
{
    /// <summary>
    /// <c>⌈net / (1 − shrinkage)⌉</c> exactly. Arguments are trusted: <paramref name="net"/> finite and &gt;= 0,
    /// <paramref name="shrinkage"/> in [0, 1).
    /// </summary>
    /// <exception cref="OverflowException">The headcount exceeds <see cref="long.MaxValue"/> or the decimal range (a
    /// shrinkage within 1e-15 of 1 leaves nothing available).</exception>
    public static long Headcount(double net, double shrinkage)
    {
        if (net == 0)
        {
            return 0;
        }
        decimal available = 1m - (decimal)shrinkage;
        if (available == 0)
        {
            throw new OverflowException($"At shrinkage {shrinkage} nothing is available: no headcount covers {net} agents.");
        }
        return checked((long)decimal.Ceiling((decimal)net / available));
    }

    /// <summary>Throws unless <paramref name="shrinkage"/> is a fraction in [0, 1) (NaN fails).</summary>
    public static void CheckShrinkage(double shrinkage, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(shrinkage))] string paramName = "")
    {
        if (!(shrinkage >= 0 && shrinkage < 1))
        {
            ThrowHelper.ThrowOutOfRange(paramName, shrinkage, "must be a fraction in [0, 1)");
        }
    }
}
