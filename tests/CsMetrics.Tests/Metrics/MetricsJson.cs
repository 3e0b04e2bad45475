using System.Text.Json.Serialization;
using CsMetrics.Metrics;

namespace CsMetrics.Tests.Metrics;

/// <summary>
/// A source-generated (reflection-free, AOT-safe) System.Text.Json context over the metric states, as a pipeline or
/// the grouped aggregator would declare one: the tests prove the states round-trip through it exactly.
/// </summary>
[JsonSerializable(typeof(NpsTally))]
[JsonSerializable(typeof(CsatTally))]
[JsonSerializable(typeof(CesTally))]
[JsonSerializable(typeof(ProportionTally))]
[JsonSerializable(typeof(DurationMean))]
[JsonSerializable(typeof(HandleTimeResult))]
[JsonSerializable(typeof(QueueTally))]
[JsonSerializable(typeof(ServiceLevelCounts))]
[JsonSerializable(typeof(TimeRatio))]
internal sealed partial class MetricsJson : JsonSerializerContext
{
}
