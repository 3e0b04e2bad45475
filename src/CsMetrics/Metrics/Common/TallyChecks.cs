using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The consistency rules of the metric states, written once: a state built by hand or read back from JSON must be one
/// that some sequence of adds could have produced, so a corrupted partial result fails loudly instead of pooling.
/// </summary>
internal static class TallyChecks
{
    /// <summary>Throws unless <paramref name="count"/> &gt;= 0.</summary>
    public static void Count(long count, string paramName)
    {
        if (count < 0)
        {
            ThrowHelper.ThrowOutOfRange(paramName, count, "must be >= 0");
        }
    }

    /// <summary>Throws unless <paramref name="part"/> is in [0, <paramref name="room"/>] (<paramref name="room"/> says what bounds it).</summary>
    public static void Part(long part, long room, string what, string paramName)
    {
        if (part < 0 || part > room)
        {
            ThrowHelper.ThrowOutOfRange(paramName, part, $"must be in [0, {room}] ({what})");
        }
    }

    /// <summary>Throws unless <paramref name="scoreSum"/> is a possible sum of <paramref name="count"/> scores on [min, max].</summary>
    public static void ScoreSum(long scoreSum, long count, int min, int max, string paramName)
    {
        if (scoreSum < count * min || scoreSum > count * max)
        {
            ThrowHelper.ThrowOutOfRange(paramName, scoreSum, $"must be in [{count * min}, {count * max}] ({count} answers on {min}-{max})");
        }
    }
}
