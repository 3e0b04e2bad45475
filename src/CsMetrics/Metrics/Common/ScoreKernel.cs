using System.Numerics;
using System.Runtime.InteropServices;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>Counts of one pass over byte-sized survey scores.</summary>
/// <param name="Count">The number of scores.</param>
/// <param name="Low">How many scores are &lt; the low bound (bottom box, detractors).</param>
/// <param name="High">How many scores are &gt;= the high bound (top box, promoters).</param>
/// <param name="Sum">The sum of the scores.</param>
internal readonly record struct ScoreTally(long Count, long Low, long High, long Sum);

/// <summary>
/// The one vectorised kernel behind NPS, CSAT and CES: in a single pass over byte scores it checks the
/// range, counts the scores below one bound and at or above another, and sums them. Byte lanes count up
/// to 255 vectors, then spill into 64-bit totals, so the loop is a handful of SIMD operations per vector.
/// </summary>
internal static class ScoreKernel
{
    /// <summary>Tallies <paramref name="scores"/>; throws for the first score outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="min">The lowest valid score.</param>
    /// <param name="max">The highest valid score (&lt;= 254, so bounds fit a byte).</param>
    /// <param name="lowBound">Scores &lt; this count as low; in [0, 255].</param>
    /// <param name="highBound">Scores &gt;= this count as high; in [0, 255].</param>
    /// <param name="paramName">The caller's parameter name, for the exception.</param>
    public static ScoreTally Tally(ReadOnlySpan<byte> scores, byte min, byte max, byte lowBound, byte highBound, string paramName)
    {
        long low = 0, high = 0, sum = 0;
        int done = 0;
        if (Vector.IsHardwareAccelerated && scores.Length >= Vector<byte>.Count)
        {
            var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(scores);
            var lowVector = new Vector<byte>(lowBound);
            var highVector = new Vector<byte>(highBound);
            var minVector = new Vector<byte>(min);
            var rangeVector = new Vector<byte>((byte)(max - min));
            for (int start = 0; start < vectors.Length; start += byte.MaxValue)
            {
                var block = vectors.Slice(start, Math.Min(byte.MaxValue, vectors.Length - start));
                Vector<byte> lowCounts = default, highCounts = default, outOfRange = default;
                Vector<ushort> sumLower = default, sumUpper = default;
                foreach (var v in block)
                {
                    // A true comparison lane is 0xFF (= -1), so subtracting the mask counts it.
                    lowCounts -= Vector.LessThan(v, lowVector);
                    highCounts -= Vector.GreaterThanOrEqual(v, highVector);
                    // One unsigned comparison checks both ends: v < min wraps round to a large value.
                    outOfRange |= Vector.GreaterThan(v - minVector, rangeVector);
                    Vector.Widen(v, out var lower, out var upper);
                    sumLower += lower;
                    sumUpper += upper;
                }
                if (outOfRange != Vector<byte>.Zero)
                {
                    ThrowFirstOutOfRange(scores, (start + block.Length) * Vector<byte>.Count, min, max, paramName);
                }
                low += SumBytes(lowCounts);
                high += SumBytes(highCounts);
                sum += SumUShorts(sumLower) + SumUShorts(sumUpper);
            }
            done = vectors.Length * Vector<byte>.Count;
        }
        for (int i = done; i < scores.Length; i++)
        {
            byte s = scores[i];
            if (s < min || s > max)
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, s, $"must be in [{min}, {max}]");
            }
            low += s < lowBound ? 1 : 0;
            high += s >= highBound ? 1 : 0;
            sum += s;
        }
        return new ScoreTally(scores.Length, low, high, sum);
    }

    private static long SumBytes(Vector<byte> counts)
    {
        Vector.Widen(counts, out var lower, out var upper);
        return Vector.Sum(lower + upper); // at most 2 * 255 per lane: fits a ushort
    }

    private static long SumUShorts(Vector<ushort> sums)
    {
        Vector.Widen(sums, out var lower, out var upper);
        return Vector.Sum(lower + upper);
    }

    private static void ThrowFirstOutOfRange(ReadOnlySpan<byte> scores, int end, byte min, byte max, string paramName)
    {
        for (int i = 0; i < end; i++)
        {
            if (scores[i] < min || scores[i] > max)
            {
                ThrowHelper.ThrowElementOutOfRange(paramName, i, scores[i], $"must be in [{min}, {max}]");
            }
        }
    }
}
