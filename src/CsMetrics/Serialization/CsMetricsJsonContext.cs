using System.Text.Json.Serialization;
using CsMetrics.Forecasting;
using CsMetrics.Metrics;
using CsMetrics.Planning;
using CsMetrics.Quality;
using CsMetrics.Queueing;
using CsMetrics.Scheduling;

namespace CsMetrics.Serialization;

/// <summary>
/// The source-generated (reflection-free, trim- and AOT-safe) System.Text.Json context for CsMetrics' result
/// types: every one round-trips, <c>Deserialize(Serialize(x))</c> serialises to the same JSON.
/// </summary>
/// <remarks>
/// <para>Policy: property names are the .NET names (<c>{"Successes":85,"Count":100}</c>), the forms the module pages
/// document; enums are written as their names; <b>NaN and infinities</b> (a
/// documented "undefined" result, such as the CI of an empty sample) are written as the JSON strings
/// <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> and read back as the same doubles, since JSON numbers
/// cannot hold them (System.Text.Json's <see cref="System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals"/>);
/// a finite double is written in its shortest round-trip form, so it reads back bit for bit.</para>
/// <para>Use: <c>JsonSerializer.Serialize(result, CsMetricsJsonContext.Default.QueueMetrics)</c>, or pass
/// <see cref="JsonSerializerContext.Options"/> of <see cref="CsMetricsJsonContext.Default"/> to a generic call.</para>
/// </remarks>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ConfidenceInterval))]
[JsonSerializable(typeof(ProportionResult))]
[JsonSerializable(typeof(NpsResult))]
[JsonSerializable(typeof(CsatResult))]
[JsonSerializable(typeof(CesResult))]
[JsonSerializable(typeof(HandleTimeResult))]
[JsonSerializable(typeof(DurationMean))]
[JsonSerializable(typeof(TwoProportionTest))]
[JsonSerializable(typeof(NpsDifference))]
[JsonSerializable(typeof(ChurnResult))]
[JsonSerializable(typeof(ServiceLevelCounts))]
[JsonSerializable(typeof(TimeRatio))]
[JsonSerializable(typeof(QueueMetrics))]
[JsonSerializable(typeof(StaffingResult))]
[JsonSerializable(typeof(StaffingTargets))]
[JsonSerializable(typeof(KappaResult))]
[JsonSerializable(typeof(FleissKappaResult))]
[JsonSerializable(typeof(KrippendorffAlphaResult))]
[JsonSerializable(typeof(IccResult))]
[JsonSerializable(typeof(ReliabilityResult))]
[JsonSerializable(typeof(AgreementReport))]
[JsonSerializable(typeof(AhpResult))]
[JsonSerializable(typeof(QaSummary))]
[JsonSerializable(typeof(ServqualReport))]
[JsonSerializable(typeof(AccuracyReport))]
[JsonSerializable(typeof(BacktestResult))]
[JsonSerializable(typeof(BacktestComparison))]
[JsonSerializable(typeof(Forecast))]
[JsonSerializable(typeof(PredictionInterval))]
[JsonSerializable(typeof(EtsParameters))]
[JsonSerializable(typeof(EtsSpecification))]
[JsonSerializable(typeof(ScheduleSolution))]
[JsonSerializable(typeof(ScheduledShift))]
[JsonSerializable(typeof(PlanPeriod))]
[JsonSerializable(typeof(StaffingRequirement))]
[JsonSerializable(typeof(NpsTally))]
[JsonSerializable(typeof(ProportionTally))]
[JsonSerializable(typeof(CsatTally))]
[JsonSerializable(typeof(CesTally))]
[JsonSerializable(typeof(QueueTally))]
[JsonSerializable(typeof(PairwiseKappa))]
public sealed partial class CsMetricsJsonContext : JsonSerializerContext;
