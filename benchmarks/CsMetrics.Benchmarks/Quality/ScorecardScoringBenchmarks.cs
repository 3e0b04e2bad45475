using BenchmarkDotNet.Attributes;
using CsMetrics.Quality;

namespace CsMetrics.Benchmarks.Quality;

/// <summary>
/// Scoring many QA evaluations on the seed scorecard (5 weighted sections, 10 criteria, some N/A):
/// the compiled span kernel against a naive object-and-LINQ scorer of the kind written in scripts.
/// </summary>
[MemoryDiagnoser]
public class ScorecardScoringBenchmarks
{
    private Scorecard _card = null!;
    private double[] _answers = null!;
    private double[] _scores = null!;

    [ParamsSource(nameof(Sizes))]
    public int Evaluations { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkSizes.Of(1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        _card = Scorecard.ContactCentreSeed;
        var random = new Random(42);
        int width = _card.CriterionCount;
        _answers = new double[Evaluations * width];
        for (int e = 0; e < Evaluations; e++)
        {
            for (int c = 0; c < width; c++)
            {
                var criterion = _card.Criteria[c];
                bool notApplicable = criterion.AllowNotApplicable && random.NextDouble() < 0.05;
                _answers[e * width + c] = notApplicable ? double.NaN : criterion.Minimum + random.Next((int)(criterion.Maximum - criterion.Minimum) + 1);
            }
        }
        _scores = new double[Evaluations];
    }

    [Benchmark(Baseline = true)]
    public double NaiveLinqObjects()
    {
        int width = _card.CriterionCount;
        double total = 0;
        for (int e = 0; e < Evaluations; e++)
        {
            // One object per answer, grouped by section, scored with LINQ: the straightforward script.
            var answers = _card.Criteria
                .Select((criterion, i) => new { Criterion = criterion, Section = SectionOf(i), Value = _answers[e * width + i] })
                .ToList();
            bool autoFailed = answers.Any(a => a.Criterion.Critical == CriticalEffect.FailEvaluation && !double.IsNaN(a.Value)
                && (a.Value - a.Criterion.Minimum) / (a.Criterion.Maximum - a.Criterion.Minimum) < a.Criterion.CriticalThreshold);
            var sections = answers.GroupBy(a => a.Section)
                .Select(g =>
                {
                    var answered = g.Where(a => !double.IsNaN(a.Value)).ToList();
                    bool failed = answered.Any(a => a.Criterion.Critical == CriticalEffect.FailSection
                        && (a.Value - a.Criterion.Minimum) / (a.Criterion.Maximum - a.Criterion.Minimum) < a.Criterion.CriticalThreshold);
                    double possible = answered.Sum(a => a.Criterion.Weight);
                    double earned = failed ? 0 : answered.Sum(a => (a.Value - a.Criterion.Minimum) / (a.Criterion.Maximum - a.Criterion.Minimum) * a.Criterion.Weight);
                    return new { Weight = _card.Sections[g.Key].Weight, Earned = earned, Possible = possible };
                })
                .Where(s => s.Possible > 0)
                .ToList();
            double score = autoFailed ? 0 : sections.Sum(s => s.Weight * s.Earned / s.Possible) / sections.Sum(s => s.Weight);
            total += score;
        }
        return total;
    }

    [Benchmark]
    public double SpanKernel()
    {
        _card.ScoreMany(_answers, _scores);
        return _scores[^1];
    }

    [Benchmark]
    public double PooledTally()
    {
        var tally = new QaTally(_card);
        int width = _card.CriterionCount;
        for (int e = 0; e < Evaluations; e++)
        {
            tally.Add(_answers.AsSpan(e * width, width));
        }
        return tally.Summarize().PooledScore;
    }

    private int SectionOf(int criterion)
    {
        int start = 0;
        for (int s = 0; s < _card.Sections.Count; s++)
        {
            start += _card.Sections[s].Criteria.Count;
            if (criterion < start)
            {
                return s;
            }
        }
        return -1;
    }
}
