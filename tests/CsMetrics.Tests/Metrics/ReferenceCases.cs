using System.Text.Json;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Metrics;

/// <summary>The metrics oracle file, <c>Reference/metrics/cases.json</c>, parsed once.</summary>
internal static class ReferenceCases
{
    private static readonly Lazy<JsonElement> s_root = new(() => ReferenceData.ReadJson("metrics/cases.json").RootElement.Clone());

    public static JsonElement Root => s_root.Value;

    public static JsonElement Get(string name) => Root.GetProperty(name);

    public static double[] Doubles(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static long[] Longs(this JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
