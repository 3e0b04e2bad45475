using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>One section's pooled result over many evaluations.</summary>
/// <param name="Name">The section's name.</param>
/// <param name="PooledScore">Σ earned / Σ possible over the evaluations (NaN when nothing was possible).</param>
/// <param name="Target">The section's target fraction (NaN for none).</param>
/// <param name="PassRate">The share of evaluations scoring this section with a section score at or above the target (NaN without a target).</param>
/// <param name="Evaluations">The number of evaluations where the section had something possible.</param>
public readonly record struct QaSectionSummary(string Name, double PooledScore, double Target, double PassRate, int Evaluations)
{
    /// <summary>True when the pooled score reaches the target (equal in decimal arithmetic counts, within the library's relative 1e-12); false without a target.</summary>
    public bool MeetsTarget => Tolerance.AtLeast(PooledScore, Target);
}

/// <summary>
/// Pooled QA results for a group of evaluations (an agent, a team, a period). Immutable and thread-safe, with value equality.
/// </summary>
public sealed record QaSummary
{
    /// <summary>The number of scored evaluations (all-N/A evaluations are not counted).</summary>
    public required int Evaluations { get; init; }

    /// <summary>The headline score: the scorecard's combination of the section points summed over all evaluations (never an average of percentages); NaN when nothing was scored.</summary>
    public required double PooledScore { get; init; }

    /// <summary>The plain mean of per-evaluation scores, for those who ask for it: differs from the pooled score when evaluations differ in possible points.</summary>
    public required double MeanOfScores { get; init; }

    /// <summary>The sample standard deviation of per-evaluation scores (NaN for fewer than 2 evaluations).</summary>
    public required double StandardDeviation { get; init; }

    /// <summary>The share of evaluations that pass (score at or above the pass mark and not auto-failed); NaN without evaluations.</summary>
    public required double PassRate { get; init; }

    /// <summary>The share of evaluations auto-failed by a critical criterion; NaN without evaluations.</summary>
    public required double AutoFailRate { get; init; }

    /// <summary>The scorecard's overall target (NaN when sections lack targets).</summary>
    public required double Target { get; init; }

    /// <summary>Per-section pooled scores and pass rates against the section targets, in section order.</summary>
    public required IReadOnlyList<QaSectionSummary> Sections { get; init => field = ReadOnlyValueList<QaSectionSummary>.CopyOf(value ?? []); }

    /// <summary>The standard error of the mean per-evaluation score: <c>StandardDeviation / sqrt(Evaluations)</c>.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Evaluations);

    /// <summary>The pooled score as a share of the target (1 = on target); NaN without a positive target or without evaluations.</summary>
    public double Attainment => Target > 0 ? PooledScore / Target : double.NaN;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{Evaluations} evaluations: pooled {PooledScore:P2} (mean of scores {MeanOfScores:P2}, SE {StandardError:P2}), pass rate {PassRate:P1}, auto-fail {AutoFailRate:P1}, target {Target:P1}\n");
        foreach (var section in Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {section.Name,-24} {section.PooledScore,8:P2}  target {section.Target,7:P1}  pass {section.PassRate,7:P1}\n");
        }
        return text.ToString();
    }
}

/// <summary>
/// A running tally of evaluations on one scorecard: add evaluations (allocation-free), merge tallies
/// (merge = concatenate), then summarise. Points are pooled: a group's score is its total earned over
/// its total possible, section by section. Not thread-safe; use one tally per thread and merge.
/// </summary>
public sealed class QaTally
{
    private readonly double[] _sectionEarned;
    private readonly double[] _sectionPossible;
    private readonly int[] _sectionScored;
    private readonly int[] _sectionPassed;
    private readonly double[] _scratchEarned;
    private readonly double[] _scratchPossible;
    private int _evaluations;
    private int _passed;
    private int _autoFailed;
    private double _bonus;
    private double _scoreSum;
    private double _scoreSquares;
    private double _shift = double.NaN;

    /// <summary>Creates an empty tally for <paramref name="scorecard"/>.</summary>
    public QaTally(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        Scorecard = scorecard;
        int sections = scorecard.Sections.Count;
        _sectionEarned = new double[sections];
        _sectionPossible = new double[sections];
        _sectionScored = new int[sections];
        _sectionPassed = new int[sections];
        _scratchEarned = new double[sections];
        _scratchPossible = new double[sections];
    }

    /// <summary>The scorecard the evaluations are scored on.</summary>
    public Scorecard Scorecard { get; }

    /// <summary>The number of scored evaluations so far.</summary>
    public int Evaluations => _evaluations;

    /// <summary>Scores one evaluation and adds it. Allocation-free.</summary>
    /// <param name="answers">One answer per criterion; NaN = N/A.</param>
    /// <returns>The evaluation's score.</returns>
    /// <exception cref="ArgumentException">As <see cref="Quality.Scorecard.Score(ReadOnlySpan{double})"/>.</exception>
    public EvaluationScore Add(ReadOnlySpan<double> answers)
    {
        var score = Scorecard.Score(answers, _scratchEarned, _scratchPossible);
        if (double.IsNaN(score.Score))
        {
            return score;
        }
        _evaluations++;
        _passed += score.Passes(Scorecard.PassMark) ? 1 : 0;
        _autoFailed += score.AutoFailed ? 1 : 0;
        // Total points pool bonus points; weighted sections pool bonus shares (averaged at the end).
        _bonus += Scorecard.Method == ScoringMethod.TotalPoints ? score.Bonus * score.Possible : score.Bonus;
        if (double.IsNaN(_shift))
        {
            _shift = score.Score; // shifted sums keep the variance accurate
        }
        double shifted = score.Score - _shift;
        _scoreSum += shifted;
        _scoreSquares += shifted * shifted;
        for (int s = 0; s < _sectionEarned.Length; s++)
        {
            double possible = _scratchPossible[s];
            _sectionEarned[s] += _scratchEarned[s];
            _sectionPossible[s] += possible;
            if (possible > 0)
            {
                _sectionScored[s]++;
                _sectionPassed[s] += Tolerance.AtLeast(_scratchEarned[s] / possible, Scorecard.Sections[s].Target) ? 1 : 0;
            }
        }
        return score;
    }

    /// <summary>Adds every evaluation of <paramref name="other"/> (same scorecard) to this tally.</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another scorecard.</exception>
    public void Merge(QaTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other.Scorecard, Scorecard))
        {
            ThrowHelper.ThrowArgument(nameof(other), "other tallies a different scorecard.");
        }
        if (other._evaluations == 0)
        {
            return;
        }
        if (_evaluations == 0)
        {
            _shift = other._shift;
        }
        // Re-centre other's shifted sums on this tally's shift.
        double delta = other._shift - _shift;
        _scoreSquares += other._scoreSquares + 2 * delta * other._scoreSum + other._evaluations * delta * delta;
        _scoreSum += other._scoreSum + other._evaluations * delta;
        _evaluations += other._evaluations;
        _passed += other._passed;
        _autoFailed += other._autoFailed;
        _bonus += other._bonus;
        for (int s = 0; s < _sectionEarned.Length; s++)
        {
            _sectionEarned[s] += other._sectionEarned[s];
            _sectionPossible[s] += other._sectionPossible[s];
            _sectionScored[s] += other._sectionScored[s];
            _sectionPassed[s] += other._sectionPassed[s];
        }
    }

    /// <summary>The pooled summary of the evaluations added so far (NaN scores when there are none).</summary>
    public QaSummary Summarize()
    {
        int n = _evaluations;
        double pooled = Scorecard.CombineSections(_sectionEarned, _sectionPossible);
        double possible = _sectionPossible.Sum();
        pooled += Scorecard.Method == ScoringMethod.TotalPoints
            ? (possible > 0 ? _bonus / possible : 0)
            : (n > 0 ? _bonus / n : 0);
        double mean = n > 0 ? _shift + _scoreSum / n : double.NaN;
        double variance = n > 1 ? Math.Max(0, (_scoreSquares - _scoreSum * _scoreSum / n) / (n - 1)) : double.NaN;
        var sections = new QaSectionSummary[_sectionEarned.Length];
        for (int s = 0; s < sections.Length; s++)
        {
            var section = Scorecard.Sections[s];
            sections[s] = new QaSectionSummary(section.Name,
                _sectionPossible[s] > 0 ? _sectionEarned[s] / _sectionPossible[s] : double.NaN,
                section.Target,
                double.IsNaN(section.Target) || _sectionScored[s] == 0 ? double.NaN : (double)_sectionPassed[s] / _sectionScored[s],
                _sectionScored[s]);
        }
        return new QaSummary
        {
            Evaluations = n,
            PooledScore = pooled,
            MeanOfScores = mean,
            StandardDeviation = Math.Sqrt(variance),
            PassRate = n > 0 ? (double)_passed / n : double.NaN,
            AutoFailRate = n > 0 ? (double)_autoFailed / n : double.NaN,
            Target = Scorecard.OverallTarget,
            Sections = ReadOnlyValueList<QaSectionSummary>.Own(sections),
        };
    }
}
