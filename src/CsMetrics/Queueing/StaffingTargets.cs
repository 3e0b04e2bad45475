using CsMetrics.Internal;

namespace CsMetrics.Queueing;

/// <summary>
/// The service targets a staffing answer must meet, all at once. Leave a target null for "no such
/// target". A service-level target needs its threshold: <see cref="ServiceLevel"/> without
/// <see cref="AnswerWithin"/> is an error where the targets are used (never "80% in 0 s").
/// Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var targets = new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20), MaxOccupancy = 0.85 };
/// </code>
/// </example>
public readonly record struct StaffingTargets
{
    /// <summary>Minimum fraction of contacts answered within <see cref="AnswerWithin"/>, in [0, 1] (e.g. 0.8 for "80/20").</summary>
    public double? ServiceLevel { get; init; }

    /// <summary>
    /// The service-level threshold: answered within this time (a wait equal to it included) counts as a success;
    /// required with <see cref="ServiceLevel"/>. Also the threshold of the reported service level: null (no threshold
    /// given) reports it at 0 s, the share answered without waiting.
    /// </summary>
    public TimeSpan? AnswerWithin { get; init; }

    /// <summary>Maximum average speed of answer over all contacts.</summary>
    public TimeSpan? MaxAverageSpeedOfAnswer { get; init; }

    /// <summary>Maximum agent occupancy, in (0, 1].</summary>
    public double? MaxOccupancy { get; init; }

    /// <summary>Maximum probability that a contact waits at all, in [0, 1].</summary>
    public double? MaxWaitProbability { get; init; }

    /// <summary>Maximum abandonment probability, in [0, 1] (meaningful with a patience, i.e. Erlang A).</summary>
    public double? MaxAbandonProbability { get; init; }

    /// <summary>Maximum Erlang B blocking probability at the staffed agents, in [0, 1].</summary>
    public double? MaxBlockingProbability { get; init; }

    /// <summary>The threshold in seconds (0 when none is given).</summary>
    internal double AnswerWithinSeconds => AnswerWithin is TimeSpan threshold ? threshold.TotalSeconds : 0;

    /// <summary>True when <paramref name="metrics"/> meets every target that is set.</summary>
    public bool AreMetBy(in QueueMetrics metrics) =>
        (ServiceLevel is not double level || metrics.ServiceLevel >= level)
        && (MaxAverageSpeedOfAnswer is not TimeSpan asa || metrics.AverageSpeedOfAnswerSeconds <= asa.TotalSeconds)
        && (MaxOccupancy is not double occupancy || metrics.Occupancy <= occupancy)
        && (MaxWaitProbability is not double wait || metrics.WaitProbability <= wait)
        && (MaxAbandonProbability is not double abandon || metrics.AbandonProbability <= abandon)
        && (MaxBlockingProbability is not double blocking || metrics.BlockingProbability <= blocking);

    /// <summary>Throws if a target is out of its range.</summary>
    internal void Validate(string paramName)
    {
        // Names are built only on the throw path, so validation allocates nothing.
        if (ServiceLevel is double level && !(level >= 0 && level <= 1))
        {
            ThrowHelper.ThrowOutOfRange(paramName + "." + nameof(ServiceLevel), level, "must be in [0, 1]");
        }
        if (AnswerWithin is TimeSpan threshold && threshold < TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(paramName + "." + nameof(AnswerWithin), threshold, "must be >= 0");
        }
        if (ServiceLevel is double target && AnswerWithin is null)
        {
            ThrowMissingThreshold(paramName, target);
        }
        if (MaxAverageSpeedOfAnswer is TimeSpan asa && asa < TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(paramName + "." + nameof(MaxAverageSpeedOfAnswer), asa, "must be >= 0");
        }
        if (MaxOccupancy is double occupancy && !(occupancy > 0 && occupancy <= 1))
        {
            ThrowHelper.ThrowOutOfRange(paramName + "." + nameof(MaxOccupancy), occupancy, "must be in (0, 1]");
        }
        CheckProbability(MaxWaitProbability, paramName, nameof(MaxWaitProbability));
        CheckProbability(MaxAbandonProbability, paramName, nameof(MaxAbandonProbability));
        CheckProbability(MaxBlockingProbability, paramName, nameof(MaxBlockingProbability));
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowMissingThreshold(string paramName, double target) =>
        ThrowHelper.ThrowArgument(paramName + "." + nameof(AnswerWithin),
            $"{paramName}.{nameof(ServiceLevel)} = {target.ToString(System.Globalization.CultureInfo.InvariantCulture)} needs its threshold: set {paramName}.{nameof(AnswerWithin)} "
            + "(e.g. TimeSpan.FromSeconds(20) for 80/20); a service level without a threshold is not a target.");

    private static void CheckProbability(double? value, string paramName, string property)
    {
        if (value is double p && !(p >= 0 && p <= 1))
        {
            ThrowHelper.ThrowOutOfRange(paramName + "." + property, p, "must be in [0, 1]");
        }
    }
}
