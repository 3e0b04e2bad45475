using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// One respondent's SERVQUAL answers, item by item in the instrument's order; NaN marks a missing answer.
/// Raw answers as printed on the form: reverse-scored items are reversed by the analysis.
/// </summary>
/// <param name="Expectations">E per item (the two-column format's expectation; the desired level when <see cref="Desired"/> is absent).</param>
/// <param name="Perceptions">P per item.</param>
public sealed record ServqualResponse(IReadOnlyList<double> Expectations, IReadOnlyList<double> Perceptions)
{
    /// <summary>The 100-point importance allocation per dimension (summing to 100), or null when not asked.</summary>
    public IReadOnlyList<double>? ImportancePoints { get; init; }

    /// <summary>The adequate (minimum acceptable) level per item for the zone of tolerance, or null.</summary>
    public IReadOnlyList<double>? Adequate { get; init; }

    /// <summary>The desired level per item for the zone of tolerance, or null to use <see cref="Expectations"/>.</summary>
    public IReadOnlyList<double>? Desired { get; init; }
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

/// <summary>One respondent's scores. Immutable.</summary>
/// <param name="ItemGaps">P - E per item (after reverse scoring); NaN where either is missing.</param>
/// <param name="DimensionExpectations">Mean E per dimension over the answered items.</param>
/// <param name="DimensionPerceptions">Mean P per dimension over the answered items.</param>
/// <param name="DimensionGaps">Mean item gap per dimension (NaN when no item of the dimension has both answers).</param>
/// <param name="UnweightedGap">The mean of the dimension gaps.</param>
/// <param name="WeightedGap">Σ_k w_k gap_k with this respondent's importance weights (points/100); NaN without an allocation.</param>
/// <param name="Servperf">The mean perception over answered items (Cronin and Taylor 1992).</param>
/// <param name="MissingAnswers">The number of missing answers (E, P, adequate and desired).</param>
public sealed record ServqualRespondentScore(IReadOnlyList<double> ItemGaps, IReadOnlyList<double> DimensionExpectations,
    IReadOnlyList<double> DimensionPerceptions, IReadOnlyList<double> DimensionGaps, double UnweightedGap, double WeightedGap,
    double Servperf, int MissingAnswers)
{
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

/// <summary>One dimension's sample results.</summary>
/// <param name="Name">The dimension's name.</param>
/// <param name="Expectation">Mean over respondents of their dimension E.</param>
/// <param name="Perception">Mean over respondents of their dimension P.</param>
/// <param name="Gap">Mean over respondents of their dimension gap.</param>
/// <param name="Importance">Mean importance weight (points/100) over respondents who allocated points; NaN when none did.</param>
/// <param name="Adequate">Mean adequate level (NaN without zone-of-tolerance data).</param>
/// <param name="Desired">Mean desired level.</param>
/// <param name="Adequacy">MSA = P - adequate: the measure of service adequacy.</param>
/// <param name="Superiority">MSS = P - desired: the measure of service superiority.</param>
/// <param name="Zone">Where mean P sits against [adequate, desired].</param>
/// <param name="Reliability">Cronbach's alpha of the dimension's item gaps (null for a one-item dimension).</param>
/// <param name="PerceptionReliability">Cronbach's alpha of the dimension's perception items, the SERVPERF reading (null for a one-item dimension).</param>
/// <param name="Respondents">Respondents with a gap on this dimension.</param>
public sealed record ServqualDimensionSummary(string Name, double Expectation, double Perception, double Gap, double Importance,
    double Adequate, double Desired, double Adequacy, double Superiority, ZonePosition Zone, ReliabilityResult? Reliability, ReliabilityResult? PerceptionReliability, int Respondents);

/// <summary>An item ranked for improvement.</summary>
/// <param name="Item">The 0-based item index.</param>
/// <param name="Dimension">The item's dimension name.</param>
/// <param name="Gap">The item's mean gap.</param>
/// <param name="Weight">The importance weight of its dimension (sample mean; 1/K when no allocation was collected).</param>
/// <param name="WeightedGap">Gap × Weight: the ranking key, most negative first.</param>
public readonly record struct ServqualPriority(int Item, string Dimension, double Gap, double Weight, double WeightedGap);

/// <summary>The SERVQUAL analysis of a sample. Immutable.</summary>
/// <param name="Respondents">The number of respondents.</param>
/// <param name="MissingAnswers">Missing answers over all respondents.</param>
/// <param name="Items">Per-item results.</param>
/// <param name="Dimensions">Per-dimension results.</param>
/// <param name="UnweightedGap">The mean of the dimension gaps.</param>
/// <param name="WeightedGapRespondentWeights">The mean over respondents of Σ_k w_rk gap_rk (each respondent's own weights, applied before averaging); NaN when nobody allocated points.</param>
/// <param name="WeightedGapSampleMeanWeights">Σ_k w̄_k ḡ_k: sample-mean weights times sample-mean gaps; NaN when nobody allocated points.</param>
/// <param name="Servperf">The mean over respondents of their mean perception (SERVPERF).</param>
/// <param name="WeightedServperf">Σ_k w̄_k P̄_k; NaN when nobody allocated points.</param>
/// <param name="Priorities">Items ranked by importance-weighted gap, most negative first.</param>
public sealed record ServqualReport(int Respondents, int MissingAnswers, IReadOnlyList<ServqualItemSummary> Items,
    IReadOnlyList<ServqualDimensionSummary> Dimensions, double UnweightedGap, double WeightedGapRespondentWeights,
    double WeightedGapSampleMeanWeights, double Servperf, double WeightedServperf, IReadOnlyList<ServqualPriority> Priorities)
{
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
/// (listwise deletion).
/// </remarks>
public static class Servqual
{
    /// <summary>Scores one respondent.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="response">The answers.</param>
    /// <exception cref="ArgumentException">A list has the wrong length; an importance allocation does not sum to 100.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer outside the scale, or negative importance points (the message names the item).</exception>
    public static ServqualRespondentScore ScoreRespondent(ServqualInstrument instrument, ServqualResponse response)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(response);
        return Score(instrument, response, "response");
    }

    /// <summary>Analyses a sample of respondents.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="responses">The respondents' answers.</param>
    /// <exception cref="ArgumentException">No responses; a bad response (the message names the respondent and item).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer outside the scale (the message names the respondent and item).</exception>
    public static ServqualReport Analyze(ServqualInstrument instrument, IReadOnlyList<ServqualResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(responses), "responses is empty: at least one respondent is required.");
        }
        int items = instrument.ItemCount;
        int dimensions = instrument.Dimensions.Count;
        var scores = new ServqualRespondentScore[responses.Count];
        int missing = 0;
        for (int r = 0; r < responses.Count; r++)
        {
            scores[r] = Score(instrument, responses[r], $"responses[{r}]");
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
            dimensionSummaries[d] = new ServqualDimensionSummary(instrument.Dimensions[d], e.Value, p.Value, g.Value, w.Value,
                adequate.Value, desired.Value, msa, mss, zone,
                ItemReliability(instrument, d, scores.Length, (r, i) => scores[r].ItemGaps[i]),
                ItemReliability(instrument, d, scores.Length, (r, i) => instrument.Scored(i, responses[r].Perceptions[i])),
                g.Count);
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

        return new ServqualReport(responses.Count, missing, itemSummaries, dimensionSummaries, MeanOf(meanGaps),
            respondentWeighted.Value, sampleWeighted, servperf.Value, weightedServperf, priorities);
    }

    private static ServqualRespondentScore Score(ServqualInstrument instrument, ServqualResponse response, string name)
    {
        int items = instrument.ItemCount;
        int dimensions = instrument.Dimensions.Count;
        int missing = CheckAnswers(instrument, response.Expectations, $"{name}.Expectations")
            + CheckAnswers(instrument, response.Perceptions, $"{name}.Perceptions");
        if (response.Adequate is { } adequate)
        {
            missing += CheckAnswers(instrument, adequate, $"{name}.Adequate");
        }
        if (response.Desired is { } desired)
        {
            missing += CheckAnswers(instrument, desired, $"{name}.Desired");
        }
        var weights = ImportanceWeights(response.ImportancePoints, dimensions, $"{name}.ImportancePoints");

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
        double weighted = weights is null ? double.NaN : WeightedSum(weights, dimensionGap);
        return new ServqualRespondentScore(itemGaps, dimensionE, dimensionP, dimensionGap, MeanOf(dimensionGap), weighted, perception.Value, missing);
    }

    private static int CheckAnswers(ServqualInstrument instrument, IReadOnlyList<double> answers, string name)
    {
        ArgumentNullException.ThrowIfNull(answers, name);
        if (answers.Count != instrument.ItemCount)
        {
            ThrowHelper.ThrowArgument(name, $"{name} has {answers.Count} answers; the instrument has {instrument.ItemCount} items.");
        }
        int missing = 0;
        for (int i = 0; i < answers.Count; i++)
        {
            double x = answers[i];
            if (double.IsNaN(x))
            {
                missing++;
            }
            else if (!(x >= instrument.ScaleMinimum && x <= instrument.ScaleMaximum))
            {
                ThrowHelper.ThrowElementOutOfRange(name, i, x, $"(item {i + 1}) must be in [{instrument.ScaleMinimum}, {instrument.ScaleMaximum}] or NaN for missing");
            }
        }
        return missing;
    }

    private static double[]? ImportanceWeights(IReadOnlyList<double>? points, int dimensions, string name)
    {
        if (points is null)
        {
            return null;
        }
        if (points.Count != dimensions)
        {
            ThrowHelper.ThrowArgument(name, $"{name} has {points.Count} values; the instrument has {dimensions} dimensions.");
        }
        double sum = 0;
        for (int d = 0; d < dimensions; d++)
        {
            if (!(points[d] >= 0 && double.IsFinite(points[d])))
            {
                ThrowHelper.ThrowElementOutOfRange(name, d, points[d], "must be a finite number of points >= 0");
            }
            sum += points[d];
        }
        if (Math.Abs(sum - 100) > 1e-6)
        {
            ThrowHelper.ThrowArgument(name, string.Create(CultureInfo.InvariantCulture, $"{name} sums to {sum}; the importance allocation must total 100 points."));
        }
        return points.Select(p => p / 100).ToArray();
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
