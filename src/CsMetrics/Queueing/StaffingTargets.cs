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
    /// <remarks>
    /// <para>Targets are compared with the library's one rule (a relative tolerance of 1e-12, far below the
    /// precision of any input), so a target met in decimal arithmetic is met: 612 contacts × 180 s / 1800 s on
    /// 72 agents is occupancy 0.85 exactly, although binary floating point computes 0.8500000000000001.</para>
    /// <para>Impossible targets are never met by rounding. The service level is compared on the share of
    /// contacts that miss the threshold (<see cref="QueueMetrics.MissProbability"/> ≤ 1 - target), which keeps its
    /// precision near 1; and with traffic above 0 a service level of 1, an ASA, wait, abandonment (Erlang A) or
    /// blocking probability of 0 is met by no finite team, even where the computed value underflows to 0.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A service-level target is set and <paramref name="metrics"/> were evaluated at another threshold than <see cref="AnswerWithin"/> (the share answered within 30 s says nothing about a 20 s target).</exception>
    public bool AreMetBy(in QueueMetrics metrics)
    {
        if (ServiceLevel is not null && AnswerWithin is TimeSpan threshold && metrics.AnswerWithinSeconds != threshold.TotalSeconds)
        {
            ThrowHelper.ThrowArgument(nameof(metrics),
                $"metrics were evaluated at a {metrics.AnswerWithinSeconds} s threshold but the service-level target is within {threshold.TotalSeconds} s.");
        }
        bool busy = metrics.Traffic > 0;
        return (ServiceLevel is not double level || (level < 1 ? Tolerance.AtMost(metrics.MissProbability, 1 - level) : !busy))
            && (MaxAverageSpeedOfAnswer is not TimeSpan asa || AtMostPositive(metrics.AverageSpeedOfAnswerSeconds, asa.TotalSeconds, busy))
            && (MaxOccupancy is not double occupancy || Tolerance.AtMost(metrics.Occupancy, occupancy))
            && (MaxWaitProbability is not double wait || AtMostPositive(metrics.WaitProbability, wait, busy))
            && (MaxAbandonProbability is not double abandon || AtMostPositive(metrics.AbandonProbability, abandon, busy && metrics.Model == QueueModel.ErlangA))
            && (MaxBlockingProbability is not double blocking || AtMostPositive(metrics.BlockingProbability, blocking, busy));
    }

    /// <summary>
    /// Why no finite team meets these targets at <paramref name="traffic"/> Erlangs, or null when some team may.
    /// Quantities that are strictly positive whenever contacts arrive cannot be held at 0 (or the service level at 1).
    /// </summary>
    internal string? ImpossibleReason(double traffic, bool erlangA)
    {
        if (!(traffic > 0))
        {
            return null;
        }
        if (ServiceLevel is >= 1)
        {
            return "a service level of 1 is met by no finite team: with contacts arriving, some always wait longer than the threshold";
        }
        if (MaxAverageSpeedOfAnswer == TimeSpan.Zero)
        {
            return "an ASA of 0 s is met by no finite team: with contacts arriving, some always wait";
        }
        if (MaxWaitProbability is 0)
        {
            return "a wait probability of 0 is met by no finite team: with contacts arriving, some always wait";
        }
        if (erlangA && MaxAbandonProbability is 0)
        {
            return "an abandonment of 0 is met by no finite team: with a finite patience, some contacts always abandon";
        }
        if (MaxBlockingProbability is 0)
        {
            return "a blocking probability of 0 is met by no finite team";
        }
        return null;
    }

    /// <summary>value ≤ limit with the tolerance; a limit of 0 is met only where the quantity is truly 0 (<paramref name="positive"/> false).</summary>
    private static bool AtMostPositive(double value, double limit, bool positive) =>
        limit > 0 ? Tolerance.AtMost(value, limit) : !positive;

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
