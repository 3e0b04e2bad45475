using CsMetrics.Quality;

namespace CsMetrics.Tests.Quality;

public class ServqualTests
{
    private static readonly ServqualInstrument s_fiveItems = new(["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"], [0, 1, 2, 3, 4]);

    [Fact]
    public void Twelve_manage_example_unweighted_overall_is_the_mean_of_dimension_gaps()
    {
        // DEFINITIONS.md §3.2 (12manage): gaps -0.65, -1.10, -0.83, -0.70, -1.01 -> -0.858.
        var response = new ServqualResponse([6, 6, 6, 6, 6], [5.35, 4.90, 5.17, 5.30, 4.99]);
        var report = Servqual.Analyze(s_fiveItems, [response]);
        Assert.Equal(-0.858, report.UnweightedGap, 12);
        Assert.Equal([-0.65, -1.10, -0.83, -0.70, -1.01], report.Dimensions.Select(d => Math.Round(d.Gap, 12)).ToArray());
    }

    [Fact]
    public void Weighted_overall_uses_points_over_100_as_a_sum()
    {
        // Oracle SQ-2 (CALC, worked by hand once): the Zeithaml, Parasuraman & Berry (1990) example allocation 11/32/22/19/16
        // on the 12manage gaps: 0.11·-0.65 + 0.32·-1.10 + 0.22·-0.83 + 0.19·-0.70 + 0.16·-1.01
        // = -0.0715 - 0.352 - 0.1826 - 0.133 - 0.1616 = -0.9007 (forgetting the /100 gives -90.07).
        var response = new ServqualResponse([6, 6, 6, 6, 6], [5.35, 4.90, 5.17, 5.30, 4.99]) { ImportancePoints = [11, 32, 22, 19, 16] };
        var report = Servqual.Analyze(s_fiveItems, [response]);
        Assert.Equal(-0.9007, report.WeightedGapRespondentWeights, 12);
        Assert.Equal(-0.9007, report.WeightedGapSampleMeanWeights, 12);
    }

    [Fact]
    public void Equal_importance_makes_the_weighted_gap_the_unweighted_one()
    {
        // Law: with 20 points on each of 5 dimensions, Σ 0.2 gap_k is the mean of the dimension gaps.
        var response = new ServqualResponse([6, 6, 6, 6, 6], [5.35, 4.90, 5.17, 5.30, 4.99]) { ImportancePoints = [20, 20, 20, 20, 20] };
        var report = Servqual.Analyze(s_fiveItems, [response]);
        Assert.Equal(report.UnweightedGap, report.WeightedGapRespondentWeights, 12);
        Assert.Equal(-0.858, report.WeightedGapSampleMeanWeights, 12);
    }

    [Fact]
    public void Respondent_weights_and_sample_mean_weights_differ_and_are_both_reported()
    {
        var two = new ServqualInstrument(["A", "B"], [0, 1]);
        var r1 = new ServqualResponse([5, 5], [3, 5]) { ImportancePoints = [80, 20] }; // gaps -2, 0: weighted -1.6
        var r2 = new ServqualResponse([5, 5], [5, 3]) { ImportancePoints = [20, 80] }; // gaps 0, -2: weighted -1.6
        var report = Servqual.Analyze(two, [r1, r2]);
        Assert.Equal(-1.6, report.WeightedGapRespondentWeights, 12);
        // Sample means: weights 0.5, 0.5 and gaps -1, -1.
        Assert.Equal(-1, report.WeightedGapSampleMeanWeights, 12);
        Assert.Equal(-1, report.UnweightedGap, 12);
    }

    [Fact]
    public void Reverse_scored_items_are_turned_before_gaps()
    {
        var e = Enumerable.Repeat(6.0, 22).ToArray();
        var p = Enumerable.Repeat(5.0, 22).ToArray();
        e[9] = 2; // "customers should not expect to be told exactly when": disagreeing (2) = expecting it (6)
        p[9] = 3; // perceived 3 on the negative wording = 5
        var score = Servqual.ScoreRespondent(ServqualInstrument.Standard1988, new ServqualResponse(e, p));
        Assert.Equal(-1, score.ItemGaps[9], 12); // reversed: P 8 - 3 = 5, E 8 - 2 = 6

        // Items 11-13 (also reversed) have E 6 -> 2 and P 5 -> 3: gaps +1, so responsiveness = (-1 + 1 + 1 + 1) / 4.
        Assert.Equal(0.5, score.DimensionGaps[2], 12);
        Assert.Equal(-1, score.DimensionGaps[0], 12);
        // SERVPERF: 13 positive items at 5, 8 reversed items at 3, item 10 at 5: 94 / 22.
        Assert.Equal(94 / 22.0, score.Servperf, 12);
    }

    [Fact]
    public void Missing_answers_are_skipped_and_counted()
    {
        var m = double.NaN;
        var two = new ServqualInstrument(["A", "B"], [0, 0, 1]);
        var report = Servqual.Analyze(two,
        [
            new ServqualResponse([5, m, 6], [4, 7, m]),  // A: gap -1 (item 2 has no E); B: no gap
            new ServqualResponse([5, 5, 6], [5, 3, 7]),  // A: gaps 0, -2 -> -1; B: +1
        ]);
        Assert.Equal(2, report.MissingAnswers);
        Assert.Equal(-1, report.Dimensions[0].Gap, 12);
        Assert.Equal(1, report.Dimensions[1].Gap, 12);
        Assert.Equal(1, report.Dimensions[1].Respondents);
        Assert.Equal(1, report.Items[1].Answered);
        Assert.Equal(5, report.Items[1].Perception, 12);
    }

    [Fact]
    public void Zone_of_tolerance_gives_adequacy_and_superiority()
    {
        var two = new ServqualInstrument(["A", "B"], [0, 1]);
        var report = Servqual.Analyze(two,
        [
            new ServqualResponse([6, 6], [5, 3]) { Adequate = [4, 4], Desired = [6, 6] },
            new ServqualResponse([7, 6], [6, 4]) { Adequate = [5, 5], Desired = [7, 6] },
        ]);
        var a = report.Dimensions[0];
        Assert.Equal(5.5 - 4.5, a.Adequacy, 12);     // MSA = P - A
        Assert.Equal(5.5 - 6.5, a.Superiority, 12);  // MSS = P - D
        Assert.Equal(ZonePosition.Inside, a.Zone);
        Assert.Equal(ZonePosition.Below, report.Dimensions[1].Zone);
        Assert.Equal(ZonePosition.NotMeasured, Servqual.Analyze(two, [new ServqualResponse([6, 6], [5, 3])]).Dimensions[0].Zone);
    }

    [Fact]
    public void Gap_reliability_and_priorities()
    {
        var instrument = new ServqualInstrument(["A", "B"], [0, 0, 1, 1]);
        var responses = new List<ServqualResponse>();
        double[][] gapsPerRespondent = [[-1, -1, 0, 1], [-2, -2, 1, 0], [0, 0, 0, 0], [-3, -3, 1, 1]];
        foreach (var gaps in gapsPerRespondent)
        {
            responses.Add(new ServqualResponse([4, 4, 4, 4], gaps.Select(g => 4 + g).ToArray()) { ImportancePoints = [40, 60] });
        }
        var report = Servqual.Analyze(instrument, responses);
        Assert.Equal(1, report.Dimensions[0].Reliability!.Alpha, 12); // identical item gaps
        Assert.Equal(1, report.Dimensions[0].PerceptionReliability!.Alpha, 12); // and identical perceptions (E is constant)
        // Dimension B: gaps (0, 1), (1, 0), (0, 0), (1, 1): item variances 1/3 each, total variance 2/3 -> alpha = 2 (1 - 2/3 / (2/3)) = 0.
        Assert.Equal(0, report.Dimensions[1].Reliability!.Alpha, 12);
        // Item gaps: -1.5, -1.5, 0.5, 0.5; weights 0.4, 0.4, 0.6, 0.6 -> items 0, 1 first.
        Assert.Equal([0, 1, 2, 3], report.Priorities.Select(p => p.Item).ToArray());
        Assert.Equal(-0.6, report.Priorities[0].WeightedGap, 12);
        Assert.Contains("SERVQUAL", report.ToString());
    }

    [Fact]
    public void Bad_answers_and_allocations_name_the_respondent_and_item()
    {
        var e = Enumerable.Repeat(6.0, 22).ToArray();
        var p = Enumerable.Repeat(5.0, 22).ToArray();
        p[4] = 8;
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Servqual.Analyze(ServqualInstrument.Standard, [new ServqualResponse(e, e), new ServqualResponse(e, p)]));
        Assert.Equal("responses", ex.ParamName);
        Assert.Contains("responses[1].Perceptions[4]: 8 is outside the scale [1, 7] of item 5", ex.Message);
        var allocation = Assert.Throws<ArgumentException>(() => Servqual.Analyze(s_fiveItems, [new ServqualResponse([6, 6, 6, 6, 6], [5, 5, 5, 5, 5]) { ImportancePoints = [10, 20, 30, 20, 10] }]));
        Assert.Contains("sums to 90", allocation.Message);
        Assert.Throws<ArgumentException>(() => Servqual.Analyze(s_fiveItems, []));
        var single = Assert.Throws<ArgumentException>(() => Servqual.ScoreRespondent(s_fiveItems, new ServqualResponse([6, 6], [5, 5])));
        Assert.Equal("response", single.ParamName);
        Assert.Contains("response.Expectations: 2 answers; the instrument has 5 items", single.Message);
    }

    [Fact]
    public void Validate_reports_every_problem_of_a_sample_with_respondent_list_and_item()
    {
        var m = double.NaN;
        var errors = Servqual.Validate(s_fiveItems,
        [
            new ServqualResponse([6, 6, 9, 6, 6], [5, 0, 5, 5, 5]) { ImportancePoints = [20, 20, m, 20, 20] },
            new ServqualResponse([6, 6, 6, 6, 6], [5, 5, 5, 5, 5]) { ImportancePoints = [30, 30, 30, 30, -20], Adequate = [1, 2, 3] },
            new ServqualResponse([6, 6, 6, 6, 6], [5, 5, 5, 5, 5]) { ImportancePoints = [10, 10, 10, 10, 10] },
        ]);
        Assert.Contains(errors, x => x is { Field: "Expectations", Row: 0, Column: 2 } && x.Message.Contains("9 is outside the scale [1, 7] of item 3"));
        Assert.Contains(errors, x => x is { Field: "Perceptions", Row: 0, Column: 1 });
        Assert.Contains(errors, x => x is { Field: "ImportancePoints", Row: 0, Column: 2 } && x.Message.Contains("no points for dimension 'Responsiveness'"));
        Assert.Contains(errors, x => x is { Field: "ImportancePoints", Row: 1, Column: 4 } && x.Message.Contains("points must be a finite number >= 0"));
        Assert.Contains(errors, x => x is { Field: "Adequate", Row: 1, Column: -1 } && x.Message.Contains("3 answers; the instrument has 5 items"));
        Assert.Contains(errors, x => x is { Field: "ImportancePoints", Row: 2, Column: -1 } && x.Message.Contains("sums to 50"));
        Assert.Equal(6, errors.Count);
        Assert.Empty(Servqual.Validate(s_fiveItems, new ServqualResponse([6, m, 6, 6, 6], [5, 5, m, 5, 5])));
    }

    [Fact]
    public void An_allocation_totalling_100_in_decimal_is_accepted()
    {
        // 33.3 + 33.3 + 33.4 is 100.00000000000001 in binary: the one tolerance rule accepts it; 99.9 is not 100.
        var three = new ServqualInstrument(["A", "B", "C"], [0, 1, 2]);
        Assert.Empty(Servqual.Validate(three, new ServqualResponse([5, 5, 5], [4, 4, 4]) { ImportancePoints = [33.3, 33.3, 33.4] }));
        Assert.Single(Servqual.Validate(three, new ServqualResponse([5, 5, 5], [4, 4, 4]) { ImportancePoints = [33.3, 33.3, 33.3] }));
    }

    [Fact]
    public void Responses_and_reports_are_immutable_values()
    {
        double[] e = [6, 6, 6, 6, 6];
        var response = new ServqualResponse(e, [5, 5, 5, 5, 5]);
        e[0] = 1;
        Assert.Equal(6, response.Expectations[0]);
        Assert.Equal(response, new ServqualResponse([6, 6, 6, 6, 6], [5, 5, 5, 5, 5]));
        var a = Servqual.Analyze(s_fiveItems, [response]);
        var b = Servqual.Analyze(s_fiveItems, [new ServqualResponse([6, 6, 6, 6, 6], [5, 5, 5, 5, 5])]);
        Assert.Equal(a, b);
        Assert.False(a.Items is ServqualItemSummary[]);
        Assert.Equal(Servqual.ScoreRespondent(s_fiveItems, response), Servqual.ScoreRespondent(s_fiveItems, response));
    }
}
