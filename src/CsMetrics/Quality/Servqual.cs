using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// One respondent's SERVQUAL answers, item by item in the instrument's order; NaN marks a missing answer.
/// Raw answers as printed on the form: reverse-scored items are reversed by the analysis. Immutable, with value
/// equality (the lists are copied and compared element by element).
/// </summary>
/// <param name="Expectations">E per item (the two-column format's expectation; the desired level when <see cref="Desired"/> is absent).</param>
/// <param name="Perceptions">P per item.</param>
public sealed record ServqualResponse(IReadOnlyList<double> Expectations, IReadOnlyList<double> Perceptions)
{
    /// <summary>E per item (a copy of what was given).</summary>
    public IReadOnlyList<double> Expectations { get; init => field = Copy(value); } = Copy(Expectations);

    /// <summary>P per item (a copy of what was given).</summary>
    public IReadOnlyList<double> Perceptions { get; init => field = Copy(value); } = Copy(Perceptions);

    /// <summary>
    /// The 100-point importance allocation per dimension (summing to 100; all of them or none), or null when not asked.
    /// A NaN among them is an allocation with a dimension left out, which is an error.
    /// </summary>
    public IReadOnlyList<double>? ImportancePoints { get; init => field = CopyOrNull(value); }

    /// <summary>The adequate (minimum acceptable) level per item for the zone of tolerance, or null.</summary>
    public IReadOnlyList<double>? Adequate { get; init => field = CopyOrNull(value); }

    /// <summary>The desired level per item for the zone of tolerance, or null to use <see cref="Expectations"/>.</summary>
    public IReadOnlyList<double>? Desired { get; init => field = CopyOrNull(value); }

    // A null list stays null so that validation can name it instead of failing with a NullReferenceException.
    private static IReadOnlyList<double> Copy(IReadOnlyList<double> values) => values is null ? null! : ReadOnlyValueList<double>.CopyOf(values ?? []);

    private static IReadOnlyList<double>? CopyOrNull(IReadOnlyList<double>? values) => values is null ? null : ReadOnlyValueList<double>.CopyOf(values ?? []);
}

/// <summary>Where perceived service sits against the zone of tolerance (Zeithaml, Berry and Parasuraman 1993).</summary>
public enum ZonePosition
{
    /// <summary>No adequate-level answers, so no zone.</summary>
    NotMeasured,

    /// <summary>P &lt; adequate: service is inadequate.</summary>
    Below,

    /// <summary>adequate &lt;= P &lt;= desired.</summary>
    Inside,

    /// <summary>P &gt; desired: service exceeds the desired level.</summary>
    Above,
}

/// <summary>One respondent's scores. Immutable, with value equality.</summary>
public sealed record ServqualRespondentScore
{
    /// <summary>P - E per item (after reverse scoring); NaN where either is missing.</summary>
    public required IReadOnlyList<double> ItemGaps { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); }

    /// <summary>Mean E per dimension over the answered items (NaN when none was answered).</summary>
    public required IReadOnlyList<double> DimensionExpectations { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); }

    /// <summary>Mean P per dimension over the answered items (NaN when none was answered).</summary>
    public required IReadOnlyList<double> DimensionPerceptions { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); }

    /// <summary>Mean item gap per dimension (NaN when no item of the dimension has both answers).</summary>
    public required IReadOnlyList<double> DimensionGaps { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); }

    /// <summary>The mean of the dimension gaps that exist (NaN when no dimension has a gap).</summary>
    public required double UnweightedGap { get; init; }

    /// <summary>Σ_k w_k gap_k with this respondent's importance weights (points/100); NaN without an allocation, or when a dimension with weight is unanswered.</summary>
    public required double WeightedGap { get; init; }

    /// <summary>The mean perception over answered items (Cronin and Taylor 1992); NaN when no perception was answered.</summary>
    public required double Servperf { get; init; }

    /// <summary>The number of missing answers (E, P, adequate and desired).</summary>
    public required int MissingAnswers { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gap {UnweightedGap:F3} (weighted {WeightedGap:F3}), SERVPERF {Servperf:F3}, dimension gaps [{string.Join(", ", DimensionGaps.Select(g => g.ToString("F3", CultureInfo.InvariantCulture)))}], {MissingAnswers} missing");
}

/// <summary>One item's sample results.</summary>
/// <param name="Item">The 0-based item index.</param>
/// <param name="Dimension">The item's dimension name.</param>
/// <param name="Expectation">Mean E.</param>
/// <param name="Perception">Mean P.</param>
/// <param name="Gap">Mean of P - E over respondents who answered both.</param>
/// <param name="Answered">Respondents who answered both E and P.</param>
public readonly record struct ServqualItemSummary(int Item, string Dimension, double Expectation, double Perception, double Gap, int Answered);

/// <summary>One dimension's sample results. Immutable, with value equality.</summary>
public sealed record ServqualDimensionSummary
{
    /// <summary>The dimension's name.</summary>
    public required string Name { get; init; }

    /// <summary>Mean over respondents of their dimension E.</summary>
    public required double Expectation { get; init; }

    /// <summary>Mean over respondents of their dimension P.</summary>
    public required double Perception { get; init; }

    /// <summary>Mean over respondents of their dimension gap (NaN when nobody answered both E and P of any item: see <see cref="Respondents"/>).</summary>
    public required double Gap { get; init; }

    /// <summary>Mean importance weight (points/100) over respondents who allocated points; NaN when none did.</summary>
    public required double Importance { get; init; }

    /// <summary>Mean adequate level (NaN without zone-of-tolerance data).</summary>
    public required double Adequate { get; init; }

    /// <summary>Mean desired level (NaN without zone-of-tolerance data).</summary>
    public required double Desired { get; init; }

    /// <summary>MSA = P - adequate: the measure of service adequacy.</summary>
    public required double Adequacy { get; init; }

    /// <summary>MSS = P - desired: the measure of service superiority.</summary>
    public required double Superiority { get; init; }

    /// <summary>Where mean P sits against [adequate, desired].</summary>
    public required ZonePosition Zone { get; init; }

    /// <summary>Cronbach's alpha of the dimension's item gaps (null for a one-item dimension).</summary>
    public required ReliabilityResult? Reliability { get; init; }

    /// <summary>Cronbach's alpha of the dimension's perception items, the SERVPERF reading (null for a one-item dimension).</summary>
    public required ReliabilityResult? PerceptionReliability { get; init; }

    /// <summary>Respondents with a gap on this dimension.</summary>
    public required int Respondents { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: E {Expectation:F3}, P {Perception:F3}, gap {Gap:F3} ({Respondents} respondents), weight {Importance:F3}, zone {Zone}");
}

/// <summary>An item ranked for improvement.</summary>
/// <param name="Item">The 0-based item index.</param>
/// <param name="Dimension">The item's dimension name.</param>
/// <param name="Gap">The item's mean gap.</param>
/// <param name="Weight">The importance weight of its dimension (sample mean; 1/K when no allocation was collected).</param>
/// <param name="WeightedGap">Gap × Weight: the ranking key, most negative first.</param>
public readonly record struct ServqualPriority(int Item, string Dimension, double Gap, double Weight, double WeightedGap);

/// <summary>The SERVQUAL analysis of a sample. Immutable, with value equality.</summary>
public sealed record ServqualReport
{
    /// <summary>The number of respondents.</summary>
    public required int Respondents { get; init; }

    /// <summary>Missing answers over all respondents.</summary>
    public required int MissingAnswers { get; init; }

    /// <summary>Per-item results, in item order.</summary>
    public required IReadOnlyList<ServqualItemSummary> Items { get; init => field = ReadOnlyValueList<ServqualItemSummary>.CopyOf(value ?? []); }

    /// <summary>Per-dimension results, in dimension order.</summary>
    public required IReadOnlyList<ServqualDimensionSummary> Dimensions { get; init => field = ReadOnlyValueList<ServqualDimensionSummary>.CopyOf(value ?? []); }

    /// <summary>The mean of the dimension gaps; a dimension nobody answered (gap NaN, <c>Respondents</c> 0) is left out.</summary>
    public required double UnweightedGap { get; init; }

    /// <summary>The mean over respondents of Σ_k w_rk gap_rk (each respondent's own weights, applied before averaging); NaN when nobody allocated points.</summary>
    public required double WeightedGapRespondentWeights { get; init; }

    /// <summary>Σ_k w̄_k ḡ_k: sample-mean weights times sample-mean gaps; NaN when nobody allocated points.</summary>
    public required double WeightedGapSampleMeanWeights { get; init; }

    /// <summary>The mean over respondents of their mean perception (SERVPERF).</summary>
    public required double Servperf { get; init; }

    /// <summary>Σ_k w̄_k P̄_k; NaN when nobody allocated points.</summary>
    public required double WeightedServperf { get; init; }

    /// <summary>Items ranked by importance-weighted gap, most negative first (items without a gap last).</summary>
    public required IReadOnlyList<ServqualPriority> Priorities { get; init => field = ReadOnlyValueList<ServqualPriority>.CopyOf(value ?? []); }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"SERVQUAL: {Respondents} respondents, {MissingAnswers} missing answers; gap {UnweightedGap:F3} (weighted: respondent {WeightedGapRespondentWeights:F3}, sample-mean {WeightedGapSampleMeanWeights:F3}); SERVPERF {Servperf:F3}\n");
        text.Append("dimension            E       P     gap  weight   alpha  zone\n");
        foreach (var d in Dimensions)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{d.Name,-16} {d.Expectation,6:F3}  {d.Perception,6:F3}  {d.Gap,6:F3}  {d.Importance,6:F3}  {d.Reliability?.Alpha ?? double.NaN,6:F3}  {d.Zone}\n");
        }
        return text.ToString();
    }
}

/// <summary>
/// SERVQUAL scoring (Parasuraman, Zeithaml and Berry 1988; 1991; zone of tolerance 1993/1994) and
/// SERVPERF (Cronin and Taylor 1992).
/// </summary>
/// <remarks>
/// Item gap <c>G = P - E</c> after reverse scoring (<c>min + max - x</c>); a respondent's dimension gap is
/// the mean of their answered item gaps; the sample's dimension gap is the mean over respondents.
/// Unweighted overall = mean of dimension gaps. Weighted overall = <c>Σ_k w_k gap_k</c> with
/// <c>w_k = points_k / 100</c>: per respondent then averaged, or sample-mean weights times sample-mean
/// gaps (both are reported; divide by K for the "weighted average" reading). Zone of tolerance:
/// <c>MSA = P - A</c>, <c>MSS = P - D</c>. Reliability: Cronbach's alpha of each dimension's item gaps
/// (listwise deletion). Missing answers (NaN) are skipped and counted; a statistic with nothing to average is NaN.
/// <see cref="Validate(ServqualInstrument, IReadOnlyList{ServqualResponse})"/> lists every problem with a sample; the
/// analyses throw on the first.
/// </remarks>
public static class Servqual
{
    /// <summary>Scores one respondent.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="response">The answers.</param>
    /// <exception cref="ArgumentException">
    /// The first problem <see cref="Validate(ServqualInstrument, ServqualResponse)"/> finds: a list of the wrong length, an
    /// importance allocation with a dimension missing or not totalling 100 (<c>ParamName</c> <c>response</c>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer outside the scale, or negative importance points (the message names the list and item).</exception>
    public static ServqualRespondentScore ScoreRespondent(ServqualInstrument instrument, ServqualResponse response)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(response);
        foreach (var problem in Problems(instrument, response))
        {
            throw ToException(problem, "response", -1);
        }
        return Score(instrument, response);
    }

    /// <summary>Analyses a sample of respondents.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="responses">The respondents' answers.</param>
    /// <exception cref="ArgumentException">No responses; the first bad response (the message names the respondent, list and item: <c>responses[1].Perceptions[4]</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer outside the scale, or negative importance points.</exception>
    public static ServqualReport Analyze(ServqualInstrument instrument, IReadOnlyList<ServqualResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(responses), "responses is empty: at least one respondent is required.");
        }
        for (int r = 0; r < responses.Count; r++)
        {
            if (responses[r] is null)
            {
                ThrowHelper.ThrowArgument(nameof(responses), $"responses[{r}] is null.");
            }
            foreach (var problem in Problems(instrument, responses[r]))
            {
                throw ToException(problem, nameof(responses), r);
            }
        }
        int items = instrument.ItemCount;
        int dimensions = instrument.Dimensions.Count;
        var scores = new ServqualRespondentScore[responses.Count];
        int missing = 0;
        for (int r = 0; r < responses.Count; r++)
        {
            scores[r] = Score(instrument, responses[r]);
            missing += scores[r].MissingAnswers;
        }

        var itemSummaries = new ServqualItemSummary[items];
        for (int i = 0; i < items; i++)
        {
            var e = new Mean();
            var p = new Mean();
            var g = new Mean();
            foreach (var response in responses)
            {
                e.Add(instrument.Scored(i, response.Expectations[i]));
                p.Add(instrument.Scored(i, response.Perceptions[i]));
            }
            foreach (var score in scores)
            {
                g.Add(score.ItemGaps[i]);
            }
            itemSummaries[i] = new ServqualItemSummary(i, instrument.Dimensions[instrument.DimensionOf(i)], e.Value, p.Value, g.Value, g.Count);
        }

        var dimensionSummaries = new ServqualDimensionSummary[dimensions];
        var meanWeights = new double[dimensions];
        var meanGaps = new double[dimensions];
        var meanPerceptions = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            var e = new Mean();
            var p = new Mean();
            var g = new Mean();
            var w = new Mean();
            var adequate = new Mean();
            var desired = new Mean();
            foreach (var score in scores)
            {
                e.Add(score.DimensionExpectations[d]);
                p.Add(score.DimensionPerceptions[d]);
                g.Add(score.DimensionGaps[d]);
            }
            foreach (var response in responses)
            {
                if (response.ImportancePoints is { } points)
                {
                    w.Add(points[d] / 100);
                }
                var itemsOfDimension = instrument.ItemsOf(d);
                if (response.Adequate is { } a)
                {
                    adequate.Add(MeanOver(instrument, itemsOfDimension, a));
                    desired.Add(MeanOver(instrument, itemsOfDimension, response.Desired ?? response.Expectations));
                }
            }
            double msa = p.Value - adequate.Value;
            double mss = p.Value - desired.Value;
            var zone = double.IsNaN(msa) ? ZonePosition.NotMeasured : msa < 0 ? ZonePosition.Below : mss > 0 ? ZonePosition.Above : ZonePosition.Inside;
            dimensionSummaries[d] = new ServqualDimensionSummary
            {
                Name = instrument.Dimensions[d],
                Expectation = e.Value,
                Perception = p.Value,
                Gap = g.Value,
                Importance = w.Value,
                Adequate = adequate.Value,
                Desired = desired.Value,
                Adequacy = msa,
                Superiority = mss,
                Zone = zone,
                Reliability = ItemReliability(instrument, d, scores.Length, (r, i) => scores[r].ItemGaps[i]),
                PerceptionReliability = ItemReliability(instrument, d, scores.Length, (r, i) => instrument.Scored(i, responses[r].Perceptions[i])),
                Respondents = g.Count,
            };
            meanWeights[d] = w.Value;
            meanGaps[d] = g.Value;
            meanPerceptions[d] = p.Value;
        }

        var respondentWeighted = new Mean();
        var servperf = new Mean();
        foreach (var score in scores)
        {
            respondentWeighted.Add(score.WeightedGap);
            servperf.Add(score.Servperf);
        }
        bool anyWeights = !double.IsNaN(meanWeights[0]);
        double sampleWeighted = anyWeights ? WeightedSum(meanWeights, meanGaps) : double.NaN;
        double weightedServperf = anyWeights ? WeightedSum(meanWeights, meanPerceptions) : double.NaN;

        var priorities = itemSummaries
            .Select(item =>
            {
                int d = instrument.DimensionOf(item.Item);
                double weight = anyWeights ? meanWeights[d] : 1.0 / dimensions;
                return new ServqualPriority(item.Item, item.Dimension, item.Gap, weight, item.Gap * weight);
            })
            .OrderBy(p => double.IsNaN(p.WeightedGap) ? double.PositiveInfinity : p.WeightedGap)
            .ThenBy(p => p.Item)
            .ToArray();

        return new ServqualReport
        {
            Respondents = responses.Count,
            MissingAnswers = missing,
            Items = ReadOnlyValueList<ServqualItemSummary>.Own(itemSummaries),
            Dimensions = ReadOnlyValueList<ServqualDimensionSummary>.Own(dimensionSummaries),
            UnweightedGap = MeanOf(meanGaps),
            WeightedGapRespondentWeights = respondentWeighted.Value,
            WeightedGapSampleMeanWeights = sampleWeighted,
            Servperf = servperf.Value,
            WeightedServperf = weightedServperf,
            Priorities = ReadOnlyValueList<ServqualPriority>.Own(priorities),
        };
    }

    /// <summary>
    /// Every problem with one response, located by list (<see cref="QualityInputError.Field"/> <c>Expectations</c>,
    /// <c>Perceptions</c>, <c>Adequate</c>, <c>Desired</c>, <c>ImportancePoints</c>) and item or dimension
    /// (<see cref="QualityInputError.Column"/>, 0-based; -1 for the list as a whole). Empty when the analyses accept it.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<QualityInputError> Validate(ServqualInstrument instrument, ServqualResponse response)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(response);
        return Problems(instrument, response).Select(p => new QualityInputError(p.Field, p.Message) { Column = p.Index }).ToArray();
    }

    /// <summary>
    /// Every problem with a sample, as <see cref="Validate(ServqualInstrument, ServqualResponse)"/> with
    /// <see cref="QualityInputError.Row"/> the respondent's index, so a reader can report all of them at once.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<QualityInputError> Validate(ServqualInstrument instrument, IReadOnlyList<ServqualResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        var errors = new List<QualityInputError>();
        if (responses.Count == 0)
        {
            errors.Add(new QualityInputError("responses", "no respondents: at least one is required"));
        }
        for (int r = 0; r < responses.Count; r++)
        {
            if (responses[r] is null)
            {
                errors.Add(new QualityInputError("responses", "the response is null") { Row = r });
                continue;
            }
            errors.AddRange(Problems(instrument, responses[r]).Select(p => new QualityInputError(p.Field, p.Message) { Row = r, Column = p.Index }));
        }
        return errors;
    }

    /// <summary>One broken rule: the list, the item or dimension (-1 for the list), the value for a range problem, and what is wrong.</summary>
    private readonly record struct Problem(string Field, int Index, object? Value, string Message);

    /// <summary>The rules for one response, written once.</summary>
    private static IEnumerable<Problem> Problems(ServqualInstrument instrument, ServqualResponse response)
    {
        foreach (var problem in Answers(instrument, response.Expectations, nameof(ServqualResponse.Expectations), required: true)
            .Concat(Answers(instrument, response.Perceptions, nameof(ServqualResponse.Perceptions), required: true))
            .Concat(Answers(instrument, response.Adequate, nameof(ServqualResponse.Adequate), required: false))
            .Concat(Answers(instrument, response.Desired, nameof(ServqualResponse.Desired), required: false)))
        {
            yield return problem;
        }
        if (response.ImportancePoints is not { } points)
        {
            yield break;
        }
        const string field = nameof(ServqualResponse.ImportancePoints);
        int dimensions = instrument.Dimensions.Count;
        if (points.Count != dimensions)
        {
            yield return new(field, -1, null, $"{points.Count} importance values for the instrument's {dimensions} dimensions");
            yield break;
        }
        double sum = 0;
        bool complete = true;
        for (int d = 0; d < dimensions; d++)
        {
            double x = points[d];
            if (double.IsNaN(x))
            {
                complete = false;
                yield return new(field, d, null, $"no points for dimension '{instrument.Dimensions[d]}': an importance allocation gives points to every dimension (or is left out entirely)");
            }
            else if (!(x >= 0 && double.IsFinite(x)))
            {
                complete = false;
                yield return new(field, d, x, string.Create(CultureInfo.InvariantCulture, $"{x} points for dimension '{instrument.Dimensions[d]}': points must be a finite number >= 0"));
            }
            else
            {
                sum += x;
            }
        }
        if (complete && !Tolerance.Equal(sum, 100))
        {
            yield return new(field, -1, null, string.Create(CultureInfo.InvariantCulture,
                $"the importance allocation sums to {sum}; it must total 100 points ({string.Join(" + ", Enumerable.Range(0, dimensions).Select(d => points[d]))})"));
        }
    }

    private static IEnumerable<Problem> Answers(ServqualInstrument instrument, IReadOnlyList<double>? answers, string field, bool required)
    {
        if (answers is null)
        {
            if (required)
            {
                yield return new(field, -1, null, $"{field} is required");
            }
            yield break;
        }
        if (answers.Count != instrument.ItemCount)
        {
            yield return new(field, -1, null, $"{answers.Count} answers; the instrument has {instrument.ItemCount} items");
            yield break;
        }
        for (int i = 0; i < answers.Count; i++)
        {
            if (instrument.ProblemWithAnswer(i, answers[i]) is string message)
            {
                yield return new(field, i, answers[i], message);
            }
        }
    }

    private static ArgumentException ToException(Problem problem, string paramName, int respondent)
    {
        string where = (respondent >= 0 ? $"{paramName}[{respondent}]." : $"{paramName}.") + problem.Field + (problem.Index >= 0 ? $"[{problem.Index}]" : "");
        string message = $"{where}: {problem.Message}.";
        return problem.Value is null ? new ArgumentException(message, paramName) : new ArgumentOutOfRangeException(paramName, problem.Value, message);
    }

    /// <summary>Scores one validated response.</summary>
    private static ServqualRespondentScore Score(ServqualInstrument instrument, ServqualResponse response)
    {
        int items = instrument.ItemCount;
        int dimensions = instrument.Dimensions.Count;
        int missing = CountMissing(response.Expectations) + CountMissing(response.Perceptions)
            + CountMissing(response.Adequate) + CountMissing(response.Desired);
        var weights = response.ImportancePoints?.Select(p => p / 100).ToArray();

        var itemGaps = new double[items];
        var perception = new Mean();
        for (int i = 0; i < items; i++)
        {
            double p = instrument.Scored(i, response.Perceptions[i]);
            itemGaps[i] = p - instrument.Scored(i, response.Expectations[i]);
            perception.Add(p);
        }
        var dimensionE = new double[dimensions];
        var dimensionP = new double[dimensions];
        var dimensionGap = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            var itemsOfDimension = instrument.ItemsOf(d);
            dimensionE[d] = MeanOver(instrument, itemsOfDimension, response.Expectations);
            dimensionP[d] = MeanOver(instrument, itemsOfDimension, response.Perceptions);
            var gap = new Mean();
            foreach (int i in itemsOfDimension)
            {
                gap.Add(itemGaps[i]);
            }
            dimensionGap[d] = gap.Value;
        }
        return new ServqualRespondentScore
        {
            ItemGaps = ReadOnlyValueList<double>.Own(itemGaps),
            DimensionExpectations = ReadOnlyValueList<double>.Own(dimensionE),
            DimensionPerceptions = ReadOnlyValueList<double>.Own(dimensionP),
            DimensionGaps = ReadOnlyValueList<double>.Own(dimensionGap),
            UnweightedGap = MeanOf(dimensionGap),
            WeightedGap = weights is null ? double.NaN : WeightedSum(weights, dimensionGap),
            Servperf = perception.Value,
            MissingAnswers = missing,
        };
    }

    private static int CountMissing(IReadOnlyList<double>? answers)
    {
        int missing = 0;
        foreach (double x in answers ?? [])
        {
            missing += double.IsNaN(x) ? 1 : 0;
        }
        return missing;
    }
    /// <summary>Cronbach's alpha of one dimension's items, with <paramref name="score"/>(respondent, item) giving each item score.</summary>
    private static ReliabilityResult? ItemReliability(ServqualInstrument instrument, int dimension, int respondents, Func<int, int, double> score)
    {
        var items = instrument.ItemsOf(dimension);
        if (items.Count < 2)
        {
            return null;
        }
        var table = new double[respondents * items.Count];
        for (int r = 0; r < respondents; r++)
        {
            for (int j = 0; j < items.Count; j++)
            {
                table[r * items.Count + j] = score(r, items[j]);
            }
        }
        return CronbachAlpha.FromScores(table, items.Count);
    }

    private static double MeanOver(ServqualInstrument instrument, IReadOnlyList<int> items, IReadOnlyList<double> answers)
    {
        var mean = new Mean();
        foreach (int i in items)
        {
            mean.Add(instrument.Scored(i, answers[i]));
        }
        return mean.Value;
    }

    private static double WeightedSum(ReadOnlySpan<double> weights, ReadOnlySpan<double> values)
    {
        double sum = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            // A zero weight ignores the dimension even if it is unanswered; an unanswered weighted one makes the sum NaN (missing).
            if (weights[k] != 0)
            {
                sum += weights[k] * values[k];
            }
        }
        return sum;
    }

    private static double MeanOf(ReadOnlySpan<double> values)
    {
        var mean = new Mean();
        foreach (double x in values)
        {
            mean.Add(x);
        }
        return mean.Value;
    }

    /// <summary>A mean that skips NaN (missing) values; NaN when nothing was added.</summary>
    private struct Mean
    {
        private double _sum;

        public int Count { get; private set; }

        public readonly double Value => Count > 0 ? _sum / Count : double.NaN;

        public void Add(double x)
        {
            if (!double.IsNaN(x))
            {
                _sum += x;
                Count++;
            }
        }
    }
}
