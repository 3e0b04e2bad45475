using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Metrics;

/// <summary>The metrics oracle file, <c>Reference/metrics/cases.json</c>, parsed once.</summary>
internal static class ReferenceCases
{
    private static readonly Lazy<JsonElement> s_root = new(() => ReferenceData.ReadJson("metrics/cases.json").RootElement.Clone());

    private static readonly Lazy<JsonElement> s_highPrecision = new(() => ReferenceData.ReadJson("metrics/high_precision.json").RootElement.Clone());

    public static JsonElement Root => s_root.Value;

    /// <summary>The 40-digit values of <c>Reference/metrics/high_precision.json</c> (numbers stored as strings).</summary>
    public static JsonElement HighPrecision => s_highPrecision.Value;

    /// <summary>A property holding a number or a decimal string.</summary>
    public static double Number(this JsonElement element, string name) => element.GetProperty(name).AsNumber();

    /// <summary>A number or a decimal string, parsed in the invariant culture.</summary>
    public static double AsNumber(this JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? ReferenceData.Number(element.GetString()!) : element.GetDouble();

    /// <summary>An array of numbers or decimal strings.</summary>
    public static double[] Numbers(this JsonElement array) => array.EnumerateArray().Select(e => e.AsNumber()).ToArray();

    public static JsonElement Get(string name) => Root.GetProperty(name);

    public static double[] Doubles(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static long[] Longs(this JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
