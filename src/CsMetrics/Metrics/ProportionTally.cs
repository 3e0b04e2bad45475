using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The state of a <see cref="ProportionAccumulator"/>: successes out of trials. An immutable snapshot that pools by
/// adding (<see cref="Combine"/>), holds no NaN, and round-trips through System.Text.Json as
/// <c>{"Successes":85,"Count":100}</c>, so partial results from threads, partitions or jobs combine exactly.
/// Immutable and thread-safe.
/// </summary>
public readonly record struct ProportionTally
{
    /// <summary>Creates a tally.</summary>
    /// <param name="successes">Successes, in [0, <paramref name="count"/>].</param>
    /// <param name="count">Trials, &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public ProportionTally(long successes, long count)
    {
        ProportionStatistics.CheckCounts(successes, count);
        Successes = successes;
        Count = count;
    }

    /// <summary>The number of successes.</summary>
    public long Successes { get; private init; }

    /// <summary>The number of trials.</summary>
    public long Count { get; private init; }

    /// <summary>The tally of <paramref name="outcomes"/> (vectorised count, allocation-free).</summary>
    public static ProportionTally Of(ReadOnlySpan<bool> outcomes) => new(outcomes.Count(true), outcomes.Length);

    /// <summary>This tally with one more trial: the accumulator's per-record path (a copy, no checks).</summary>
    internal ProportionTally Plus(bool success) => this with { Successes = Successes + (success ? 1 : 0), Count = Count + 1 };

    /// <summary>The tally of both: numerators and denominators add.</summary>
    /// <exception cref="OverflowException">A count overflows.</exception>
    public ProportionTally Combine(in ProportionTally other) =>
        new(checked(Successes + other.Successes), checked(Count + other.Count));

    /// <summary>The proportion with its Wilson interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public ProportionResult Result(double level = 0.95) => ProportionResult.FromCounts(Successes, Count, level);

    /// <summary>Prints e.g. <c>85 / 100</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Successes} / {Count}");
}
