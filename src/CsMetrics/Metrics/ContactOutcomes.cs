using System.Globalization;
using CsMetrics.Internal;
using System.Text.Json.Serialization;

namespace CsMetrics.Metrics;

/// <summary>
/// Proportions of contacts: first contact resolution, transfer rate and self-service containment, each with
/// its Wilson interval. The definition of "success" is the caller's (survey flag, no repeat within N days, ...);
/// these functions pool it correctly.
/// </summary>
public static class ContactOutcomes
{
    /// <summary>
    /// First contact resolution = contacts resolved on first contact / contacts (SQM: survey-judged; Freshdesk: resolved
    /// at the first agent response). One flag per contact.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    /// <remarks>Empty input gives <c>Count == 0</c> and NaN. Vectorised and allocation-free.</remarks>
    public static ProportionResult FirstContactResolution(ReadOnlySpan<bool> resolvedOnFirstContact, double level = 0.95) =>
        ProportionResult.FromCounts(resolvedOnFirstContact.Count(true), resolvedOnFirstContact.Length, level);

    /// <summary>Transfer rate = transferred-out contacts / handled contacts (Amazon Connect), one flag per handled contact.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static ProportionResult TransferRate(ReadOnlySpan<bool> transferred, double level = 0.95) =>
        ProportionResult.FromCounts(transferred.Count(true), transferred.Length, level);

    /// <summary>
    /// Self-service containment = contacts fully handled in the IVR or bot / contacts that entered it. Pass only contacts
    /// that reached the automation (365agents excludes earlier abandons and short misdials); do not flag IVR hang-ups
    /// as contained, which inflates the rate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a fraction in (0, 1).</exception>
    public static ProportionResult Containment(ReadOnlySpan<bool> contained, double level = 0.95) =>
        ProportionResult.FromCounts(contained.Count(true), contained.Length, level);
}

/// <summary>
/// Customer churn and retention over a period, from customer counts.
/// </summary>
/// <remarks>
/// With S customers at the start, E at the end and N new during the period, lost = S − (E − N):
/// churn = lost / S (new customers excluded), retention = (E − N) / S = 1 − churn, and the net variant
/// (S − E) / S, which new customers can make negative.
/// </remarks>
public static class CustomerRetention
{
    /// <summary>Churn and retention for a period.</summary>
    /// <param name="customersAtStart">S, &gt; 0.</param>
    /// <param name="customersAtEnd">E, &gt;= 0.</param>
    /// <param name="newCustomers">N, in [0, E]; and E − N must not exceed S.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static ChurnResult Compute(long customersAtStart, long customersAtEnd, long newCustomers)
    {
        if (customersAtStart <= 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(customersAtStart), customersAtStart, "must be > 0");
        }
        if (customersAtEnd < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(customersAtEnd), customersAtEnd, "must be >= 0");
        }
        if (newCustomers < 0 || newCustomers > customersAtEnd || customersAtEnd - newCustomers > customersAtStart)
        {
            ThrowHelper.ThrowOutOfRange(nameof(newCustomers), newCustomers,
                $"must be in [max(0, E - S), E] = [{Math.Max(0, customersAtEnd - customersAtStart)}, {customersAtEnd}]");
        }
        long retained = customersAtEnd - newCustomers;
        return new ChurnResult { CustomersAtStart = customersAtStart, CustomersAtEnd = customersAtEnd, NewCustomers = newCustomers, Lost = customersAtStart - retained };
    }
}

/// <summary>Churn and retention for a period. Immutable and thread-safe.</summary>
public readonly record struct ChurnResult
{
    /// <summary>S, the customers at the start.</summary>
    [JsonInclude]
    public long CustomersAtStart { get; internal init; }

    /// <summary>E, the customers at the end.</summary>
    [JsonInclude]
    public long CustomersAtEnd { get; internal init; }

    /// <summary>N, the new customers during the period.</summary>
    [JsonInclude]
    public long NewCustomers { get; internal init; }

    /// <summary>S − (E − N), the customers lost.</summary>
    [JsonInclude]
    public long Lost { get; internal init; }

    /// <summary>Lost / S, a fraction in [0, 1].</summary>
    public double ChurnRate => (double)Lost / CustomersAtStart;

    /// <summary>(E − N) / S = 1 − churn, a fraction in [0, 1].</summary>
    public double RetentionRate => (double)(CustomersAtEnd - NewCustomers) / CustomersAtStart;

    /// <summary>(S − E) / S: net churn, negative when growth outpaces losses.</summary>
    public double NetChurnRate => (double)(CustomersAtStart - CustomersAtEnd) / CustomersAtStart;

    /// <summary>Prints churn, retention and net churn.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"churn {ChurnRate:G4} ({Lost} of {CustomersAtStart}), retention {RetentionRate:G4}, net churn {NetChurnRate:G4}");
}
