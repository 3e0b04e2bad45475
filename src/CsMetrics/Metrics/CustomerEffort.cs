using System.Globalization;
using System.Text.Json.Serialization;

namespace CsMetrics.Metrics;

/// <summary>
/// Customer effort score (CES): the mean score, the share agreeing (easy) with its Wilson interval, and
/// the net index <c>100·(top share − bottom share)</c> on −100..100, like NPS.
/// </summary>
/// <remarks>
/// The mean is reported on the raw scale as answered (so a CES 1.0 mean of 2.1 still reads "low effort").
/// Example (cys.group, 1–7 counts 80/210/140/110/160/180/120): mean 4.08, agree 0.46, net index −13.
/// </remarks>
public static class CustomerEffort
{
    /// <summary>Computes CES over <paramref name="scores"/> on <paramref name="scale"/>.</summary>
    /// <param name="scores">The answers, each in [scale.Min, scale.Max].</param>
    /// <param name="scale">The scale, e.g. <see cref="CesScale.SevenPointAgreement"/> or <see cref="CesScale.FromRange"/>.</param>
    /// <param name="level">The interval's coverage, a fraction in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is off the scale (the message names its index and value), a bound
    /// is off the scale, or <paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <exception cref="ArgumentException">The scale is inconsistent.</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN values. Allocation-free and vectorised.</remarks>
    public static CesResult Compute(ReadOnlySpan<byte> scores, CesScale scale, double level = 0.95) =>
        CesTally.Of(scores, scale).Result(level);
}

/// <summary>A CES result. Immutable and thread-safe.</summary>
public readonly record struct CesResult
{
    /// <summary>The scale it was computed on.</summary>
    [JsonInclude]
    public CesScale Scale { get; internal init; }

    /// <summary>The number of answers; 0 for empty input.</summary>
    [JsonInclude]
    public long Count { get; internal init; }

    /// <summary>The mean raw score (NaN when empty).</summary>
    [JsonInclude]
    public double Mean { get; internal init; }

    /// <summary>Answers in the "agree / easy" group.</summary>
    [JsonInclude]
    public long Agreeing { get; internal init; }

    /// <summary>100·(top share − bottom share), in [−100, 100] (NaN when empty).</summary>
    [JsonInclude]
    public double NetIndex { get; internal init; }

    /// <summary>The Wilson interval of <see cref="AgreeShare"/>.</summary>
    [JsonInclude]
    public ConfidenceInterval Interval { get; internal init; }

    /// <summary>The share agreeing (easy), a fraction in [0, 1]; NaN when empty.</summary>
    public double AgreeShare => (double)Agreeing / Count;

    /// <summary>Prints e.g. <c>CES mean 4.08 (n = 1000), agree 0.46 CI [...], net index -13</c>.</summary>
    public override string ToString() => Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"CES: no answers ({Scale.Min}-{Scale.Max})")
        : string.Create(CultureInfo.InvariantCulture, $"CES mean {Mean:G4} (n = {Count}), agree {AgreeShare:G4} CI {Interval}, net index {NetIndex:G4}");
}
