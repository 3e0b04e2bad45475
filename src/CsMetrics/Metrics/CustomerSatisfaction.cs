using System.Globalization;
using System.Text.Json.Serialization;

namespace CsMetrics.Metrics;

/// <summary>
/// Customer satisfaction (CSAT): the top-box share (satisfied / responses, with its Wilson interval), the
/// bottom-box share, the net (top − bottom) and the mean score.
/// </summary>
/// <remarks>
/// Only rated responses are counted: unrated tickets are not in the span (Zendesk, Freshdesk), and
/// <see cref="CsatAccumulator.Add(byte?)"/> skips a missing rating. The normalised mean is
/// <c>(mean − Min)/(Max − Min)</c>, a fraction in [0, 1], for comparing scales.
/// </remarks>
public static class CustomerSatisfaction
{
    /// <summary>Computes CSAT over <paramref name="scores"/> on <paramref name="scale"/>.</summary>
    /// <param name="scores">The ratings, each in [scale.Min, scale.Max].</param>
    /// <param name="scale">The scale and its boxes, e.g. <see cref="CsatScale.FivePoint"/> or <see cref="CsatScale.TopBox"/>.</param>
    /// <param name="level">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value), a box
    /// bound is off the scale, or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN values. Allocation-free and vectorised.</remarks>
    public static CsatResult Compute(ReadOnlySpan<byte> scores, CsatScale scale, double level = 0.95) =>
        CsatTally.Of(scores, scale).Result(level);
}

/// <summary>A CSAT result. Immutable and thread-safe.</summary>
public readonly record struct CsatResult
{
    /// <summary>The scale it was computed on.</summary>
    [JsonInclude]
    public CsatScale Scale { get; internal init; }

    /// <summary>The number of ratings; 0 for empty input.</summary>
    [JsonInclude]
    public long Count { get; internal init; }

    /// <summary>Ratings in the top box.</summary>
    [JsonInclude]
    public long Satisfied { get; internal init; }

    /// <summary>Ratings in the bottom box.</summary>
    [JsonInclude]
    public long Dissatisfied { get; internal init; }

    /// <summary>The mean rating on the scale (NaN when empty).</summary>
    [JsonInclude]
    public double Mean { get; internal init; }

    /// <summary>The Wilson interval of <see cref="SatisfiedShare"/>.</summary>
    [JsonInclude]
    public ConfidenceInterval Interval { get; internal init; }

    /// <summary>The top-box share (the headline CSAT), a fraction in [0, 1]; NaN when empty.</summary>
    public double SatisfiedShare => (double)Satisfied / Count;

    /// <summary>The bottom-box share, a fraction in [0, 1]; NaN when empty.</summary>
    public double DissatisfiedShare => (double)Dissatisfied / Count;

    /// <summary>Top box minus bottom box, in [−1, 1]; NaN when empty.</summary>
    public double Net => SatisfiedShare - DissatisfiedShare;

    /// <summary>The mean rescaled to [0, 1]: <c>(Mean − Min)/(Max − Min)</c>.</summary>
    public double NormalisedMean => (Mean - Scale.Min) / (Scale.Max - Scale.Min);

    /// <summary>Prints e.g. <c>CSAT 0.85 (85 / 100 at 4-5 of 1-5), CI [...], mean 4.21</c>.</summary>
    public override string ToString() => Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"CSAT: no ratings ({Scale.Min}-{Scale.Max})")
        : string.Create(CultureInfo.InvariantCulture,
            $"CSAT {SatisfiedShare:G4} ({Satisfied} / {Count} at {Scale.SatisfiedFrom}-{Scale.Max} of {Scale.Min}-{Scale.Max}), CI {Interval}, mean {Mean:G4}");
}
