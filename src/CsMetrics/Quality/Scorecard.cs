using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>How an evaluation's criteria combine into its score.</summary>
public enum ScoringMethod
{
    /// <summary>Earned over possible points across all criteria (MaestroQA total-point rubric, Scorebuddy, Zendesk's weighted categories): <c>Σ s_c w_c / Σ w_c</c>.</summary>
    TotalPoints,

    /// <summary>Each section's earned/possible times its weight (MaestroQA custom weighted sections): <c>Σ W_s (Σ s_c w_c / Σ w_c)_s / Σ W_s</c>.</summary>
    WeightedSections,
}

/// <summary>What an N/A answer does.</summary>
public enum NotApplicablePolicy
{
    /// <summary>The criterion is removed: its weight leaves both earned and possible, so the others re-normalise (the common rule).</summary>
    Exclude,

    /// <summary>The criterion counts as fully met (evaluAgent's "convert to pass").</summary>
    CountAsFullScore,

    /// <summary>The criterion counts as 0.</summary>
    CountAsZero,
}

/// <summary>What a failed <see cref="CriticalEffect.FailEvaluation"/> criterion does to the score.</summary>
public enum CriticalFailPolicy
{
    /// <summary>The score becomes 0 (Zendesk QA, MaestroQA auto-fail, Playvox "Fail All").</summary>
    ZeroScore,

    /// <summary>The score is kept and the evaluation is marked failed (an evaluAgent option).</summary>
    KeepScore,
}

/// <summary>One evaluation's score. Immutable and thread-safe.</summary>
/// <param name="Score">The score as a fraction: in [0, 1] without bonus criteria, possibly above 1 with them; NaN when every criterion was N/A (nothing to score).</param>
/// <param name="Earned">Points earned over all sections (after critical effects), excluding bonus points.</param>
/// <param name="Possible">Points possible over all sections (N/A removed, per the N/A policy).</param>
/// <param name="Bonus">Bonus added to the score, as a fraction of the whole.</param>
/// <param name="AutoFailed">True when a critical criterion with <see cref="CriticalEffect.FailEvaluation"/> failed.</param>
/// <param name="FailedSections">The number of sections zeroed by a failed <see cref="CriticalEffect.FailSection"/> criterion.</param>
/// <param name="NotApplicable">The number of N/A answers.</param>
public readonly record struct EvaluationScore(double Score, double Earned, double Possible, double Bonus, bool AutoFailed, int FailedSections, int NotApplicable)
{
    /// <summary>
    /// True when the evaluation has a score, is not auto-failed, and its score is at least <paramref name="passMark"/>
    /// (a fraction; a score equal to the mark in decimal arithmetic passes, within the library's relative 1e-12).
    /// </summary>
    public bool Passes(double passMark) => !AutoFailed && Tolerance.AtLeast(Score, passMark);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"score {Score:P2} ({Earned:G6} of {Possible:G6} points{(Bonus > 0 ? $", bonus {Bonus:P2}" : "")}){(AutoFailed ? ", AUTO-FAILED" : "")}{(FailedSections > 0 ? $", {FailedSections} section(s) failed" : "")}, {NotApplicable} N/A");
}

/// <summary>
/// A QA scorecard, validated and compiled to flat arrays so that scoring an evaluation is a tight,
/// allocation-free loop over a span of answers. Answers are given in criterion order (section by
/// section); NaN means N/A. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Criterion score <c>s = (answer - min)/(max - min)</c> (Zendesk QA's category score). A critical
/// criterion fails when <c>s</c> is below its threshold: a failed section earns 0 (its possible points
/// stay), a failed evaluation scores 0 (or is only marked, per <see cref="CriticalFailPolicy"/>); the
/// order of precedence is Scorebuddy's: fail-all over fail-section over N/A. Total points:
/// <c>(Σ earned + bonus points) / Σ possible</c>. Weighted sections: <c>Σ W_s e_s/p_s / Σ W_s</c> over the
/// sections with something possible, plus bonus weights as shares of the whole.
/// </remarks>
public sealed class Scorecard
{
    private const byte FlagAllowNotApplicable = 1;
    private const byte FlagBonus = 2;
    private const byte FlagIntegral = 4;
    private const byte FlagFailSection = 8;
    private const byte FlagFailEvaluation = 16;

    private readonly ScorecardSection[] _sections;
    private readonly ScorecardCriterion[] _criteria;
    private readonly Compiled[] _compiled;
    private readonly int[] _sectionStart;
    private readonly double[] _sectionWeight;
    private readonly double _bonusScale;

    /// <summary>Validates and compiles a scorecard.</summary>
    /// <param name="name">The scorecard's name.</param>
    /// <param name="sections">The sections, in answer order (at least one, each with at least one criterion).</param>
    /// <param name="method">Total points or weighted sections.</param>
    /// <param name="notApplicable">What N/A answers do.</param>
    /// <param name="criticalFail">What a failed fail-evaluation criterion does to the score.</param>
    /// <param name="passMark">The score an evaluation needs to pass, a fraction in [0, 1] (Zendesk QA's default baseline is 0.8).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="sections"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The first problem found, with <see cref="ArgumentException.ParamName"/> the parameter and the message naming the
    /// section and criterion by path (<c>sections[1].Criteria[0].Maximum: ...</c>): no sections or an empty section; a
    /// section or criterion without a name, or a name used twice (ignoring case); under weighted-section scoring,
    /// section weights that do not sum to 100 or 1 (the message gives the sum); a critical bonus criterion; a scale that
    /// does not fit the criterion's kind (binary 0/1, percent 0..100, points from 0, ratings between whole numbers with
    /// the maximum above the minimum); an undefined enum value.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A criterion weight that is not a finite number &gt; 0, a section weight that is not a finite number &gt;= 0, or a
    /// pass mark, target or critical threshold outside [0, 1] (fractions: 0.8 for 80%).
    /// </exception>
    /// <remarks><see cref="ScorecardJson.Parse"/> checks the same rules and reports all of them with JSON paths.</remarks>
    public Scorecard(string name, IReadOnlyList<ScorecardSection> sections, ScoringMethod method = ScoringMethod.WeightedSections,
        NotApplicablePolicy notApplicable = NotApplicablePolicy.Exclude, CriticalFailPolicy criticalFail = CriticalFailPolicy.ZeroScore,
        double passMark = 0.8)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sections);
        foreach (var problem in ScorecardValidation.Scorecard(name, sections, method, notApplicable, criticalFail, passMark))
        {
            throw ScorecardValidation.ToException(problem);
        }
        Name = name;
        Method = method;
        NotApplicable = notApplicable;
        CriticalFail = criticalFail;
        PassMark = passMark;
        _sections = sections.ToArray();
        _criteria = _sections.SelectMany(s => s.Criteria).ToArray();
        int count = _criteria.Length;
        _compiled = new Compiled[count];
        _sectionStart = new int[_sections.Length + 1];
        _sectionWeight = new double[_sections.Length];

        double weightSum = 0;
        for (int s = 0; s < _sections.Length; s++)
        {
            weightSum += _sections[s].Weight;
            _sectionStart[s + 1] = _sectionStart[s] + _sections[s].Criteria.Count;
        }
        for (int s = 0; s < _sections.Length; s++)
        {
            _sectionWeight[s] = weightSum > 0 ? _sections[s].Weight / weightSum : 0;
        }
        _bonusScale = weightSum > 0 ? 1 / weightSum : 0;

        for (int c = 0; c < count; c++)
        {
            var criterion = _criteria[c];
            byte flags = 0;
            flags |= criterion.AllowNotApplicable ? FlagAllowNotApplicable : (byte)0;
            flags |= criterion.IsBonus ? FlagBonus : (byte)0;
            flags |= criterion.Scale is CriterionScale.Binary or CriterionScale.Rating ? FlagIntegral : (byte)0;
            flags |= criterion.Critical == CriticalEffect.FailSection ? FlagFailSection : (byte)0;
            flags |= criterion.Critical == CriticalEffect.FailEvaluation ? FlagFailEvaluation : (byte)0;
            _compiled[c] = new Compiled(criterion.Minimum, criterion.Maximum - criterion.Minimum, criterion.Weight, criterion.CriticalThreshold, flags);
        }

        // Sections weighted 0 throughout have no share, so there is no overall target to speak of.
        double target = weightSum > 0 ? 0 : double.NaN;
        for (int s = 0; s < _sections.Length && weightSum > 0; s++)
        {
            if (_sectionWeight[s] > 0)
            {
                target += _sectionWeight[s] * _sections[s].Target;
            }
        }
        OverallTarget = target;
    }

    /// <summary>The scorecard's name.</summary>
    public string Name { get; }

    /// <summary>Total points or weighted sections.</summary>
    public ScoringMethod Method { get; }

    /// <summary>What N/A answers do.</summary>
    public NotApplicablePolicy NotApplicable { get; }

    /// <summary>What a failed fail-evaluation criterion does to the score.</summary>
    public CriticalFailPolicy CriticalFail { get; }

    /// <summary>The score an evaluation needs to pass, as a fraction.</summary>
    public double PassMark { get; }

    /// <summary>The section-weighted sum of the section targets (NaN when a section has none).</summary>
    public double OverallTarget { get; }

    /// <summary>The sections, in answer order.</summary>
    public IReadOnlyList<ScorecardSection> Sections => field ??= ReadOnlyValueList<ScorecardSection>.Own(_sections);

    /// <summary>All criteria, section by section: the order of the answers span.</summary>
    public IReadOnlyList<ScorecardCriterion> Criteria => field ??= ReadOnlyValueList<ScorecardCriterion>.Own(_criteria);

    /// <summary>The number of answers an evaluation has.</summary>
    public int CriterionCount => _criteria.Length;

    /// <summary>The section weights normalised to sum 1.</summary>
    public ReadOnlySpan<double> SectionWeights => _sectionWeight;

    /// <summary>The index of the criterion named <paramref name="criterionName"/> (case-insensitive), or -1.</summary>
    public int IndexOf(string criterionName) => Array.FindIndex(_criteria, c => string.Equals(c.Name, criterionName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The built-in example: the contact-centre seed scorecard (see docs/quality.md).</summary>
    /// <remarks>
    /// Product knowledge 25% (target 95%), communication 25% (90%), process compliance 20% (100%),
    /// problem solving 20% (85%), customer experience 10% (4.5 of 5, i.e. 0.875 on the 1..5 scale).
    /// Identity verification is critical (fails the evaluation); information accuracy is critical for
    /// its section.
    /// </remarks>
    public static Scorecard ContactCentreSeed { get; } = new("Contact-centre seed scorecard",
    [
        new("Product knowledge", 25,
        [
            ScorecardCriterion.Binary("Information accurate", critical: CriticalEffect.FailSection, allowNotApplicable: false),
            ScorecardCriterion.Rating("Product explained clearly", 1, 5),
        ], Target: 0.95),
        new("Communication", 25,
        [
            ScorecardCriterion.Binary("Greeting and identification"),
            ScorecardCriterion.Rating("Tone and empathy", 1, 5),
            ScorecardCriterion.Rating("Clarity", 1, 5),
        ], Target: 0.90),
        new("Process compliance", 20,
        [
            ScorecardCriterion.Binary("Identity verified", critical: CriticalEffect.FailEvaluation, allowNotApplicable: false),
            ScorecardCriterion.Binary("Case documented"),
        ], Target: 1.00),
        new("Problem solving", 20,
        [
            ScorecardCriterion.Rating("Root cause identified", 1, 5),
            ScorecardCriterion.Binary("Resolved or escalated correctly"),
        ], Target: 0.85),
        new("Customer experience", 10,
        [
            ScorecardCriterion.Rating("Customer experience rating", 1, 5),
        ], Target: ScorecardSection.TargetOnScale(4.5, 1, 5)),
    ]);

    /// <summary>Scores one evaluation. Allocation-free for scorecards of up to 64 sections (section sums live on the stack).</summary>
    /// <param name="answers">One answer per criterion in <see cref="Criteria"/> order; NaN = N/A.</param>
    /// <exception cref="ArgumentException"><paramref name="answers"/> has the wrong length, or N/A is given where not allowed (the message names the criterion).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside its criterion's scale or not a whole number on a binary or rating scale (the message names the criterion).</exception>
    public EvaluationScore Score(ReadOnlySpan<double> answers)
    {
        Span<double> earned = _sections.Length <= 64 ? stackalloc double[_sections.Length] : new double[_sections.Length];
        Span<double> possible = _sections.Length <= 64 ? stackalloc double[_sections.Length] : new double[_sections.Length];
        return Score(answers, earned, possible);
    }

    /// <summary>Scores one evaluation and writes each section's earned and possible points. Allocation-free.</summary>
    /// <param name="answers">One answer per criterion; NaN = N/A.</param>
    /// <param name="sectionEarned">Receives each section's earned points (0 for a failed section, all 0 when auto-failed with <see cref="CriticalFailPolicy.ZeroScore"/>).</param>
    /// <param name="sectionPossible">Receives each section's possible points.</param>
    /// <exception cref="ArgumentException">Wrong lengths; N/A where not allowed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer outside its scale.</exception>
    public EvaluationScore Score(ReadOnlySpan<double> answers, Span<double> sectionEarned, Span<double> sectionPossible)
    {
        if (answers.Length != _criteria.Length)
        {
            ThrowHelper.ThrowArgument(nameof(answers), $"answers has length {answers.Length}; scorecard '{Name}' has {_criteria.Length} criteria.");
        }
        if (sectionEarned.Length < _sections.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(sectionEarned), _sections.Length, sectionEarned.Length);
        }
        if (sectionPossible.Length < _sections.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(sectionPossible), _sections.Length, sectionPossible.Length);
        }

        double bonusPoints = 0;
        bool autoFailed = false;
        int failedSections = 0, notApplicable = 0;
        for (int s = 0; s < _sections.Length; s++)
        {
            double earned = 0, possible = 0;
            bool sectionFailed = false;
            for (int c = _sectionStart[s]; c < _sectionStart[s + 1]; c++)
            {
                double answer = answers[c];
                ref readonly var compiled = ref _compiled[c];
                byte flags = compiled.Flags;
                double weight = compiled.Weight;
                if (double.IsNaN(answer))
                {
                    if ((flags & FlagAllowNotApplicable) == 0)
                    {
                        ThrowNotApplicableNotAllowed(c);
                    }
                    if ((flags & FlagBonus) != 0)
                    {
                        continue; // a bonus not answered is a bonus not earned
                    }
                    notApplicable++;
                    if (NotApplicable != NotApplicablePolicy.Exclude)
                    {
                        possible += weight;
                        earned += NotApplicable == NotApplicablePolicy.CountAsFullScore ? weight : 0;
                    }
                    continue;
                }
                double score = (answer - compiled.Minimum) / compiled.Range;
                if (!(score >= 0 && score <= 1) || ((flags & FlagIntegral) != 0 && answer != Math.Floor(answer)))
                {
                    ThrowAnswerOutOfScale(c, answer);
                }
                if ((flags & FlagBonus) != 0)
                {
                    bonusPoints += score * weight;
                    continue;
                }
                earned += score * weight;
                possible += weight;
                if ((flags & (FlagFailSection | FlagFailEvaluation)) != 0 && !Tolerance.AtLeast(score, compiled.Threshold))
                {
                    sectionFailed |= (flags & FlagFailSection) != 0;
                    autoFailed |= (flags & FlagFailEvaluation) != 0;
                }
            }
            if (sectionFailed)
            {
                earned = 0;
                failedSections++;
            }
            sectionEarned[s] = earned;
            sectionPossible[s] = possible;
        }

        if (autoFailed && CriticalFail == CriticalFailPolicy.ZeroScore)
        {
            sectionEarned[.._sections.Length].Clear();
            bonusPoints = 0;
        }
        double totalEarned = 0, totalPossible = 0;
        for (int s = 0; s < _sections.Length; s++)
        {
            totalEarned += sectionEarned[s];
            totalPossible += sectionPossible[s];
        }
        double bonus = BonusShare(bonusPoints, totalPossible);
        double result = CombineSections(sectionEarned, sectionPossible) + bonus;
        return new EvaluationScore(result, totalEarned, totalPossible, bonus, autoFailed, failedSections, notApplicable);
    }

    /// <summary>Scores many evaluations laid out back to back (<c>answers[e * CriterionCount + c]</c>). Allocation-free.</summary>
    /// <param name="answers">The evaluations' answers, row-major.</param>
    /// <param name="scores">Receives each evaluation's score.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="answers"/> is not a multiple of <see cref="CriterionCount"/>, or <paramref name="scores"/> is too short; bad answers as in <see cref="Score(ReadOnlySpan{double})"/>.</exception>
    public void ScoreMany(ReadOnlySpan<double> answers, Span<double> scores)
    {
        int width = _criteria.Length;
        if (answers.Length % width != 0)
        {
            ThrowHelper.ThrowArgument(nameof(answers), $"answers has length {answers.Length}, not a multiple of the {width} criteria.");
        }
        int evaluations = answers.Length / width;
        if (scores.Length < evaluations)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(scores), evaluations, scores.Length);
        }
        Span<double> earned = _sections.Length <= 64 ? stackalloc double[_sections.Length] : new double[_sections.Length];
        Span<double> possible = _sections.Length <= 64 ? stackalloc double[_sections.Length] : new double[_sections.Length];
        for (int e = 0; e < evaluations; e++)
        {
            scores[e] = Score(answers.Slice(e * width, width), earned, possible).Score;
        }
    }

    /// <summary>
    /// Combines section points into a score by <see cref="Method"/>: used for one evaluation and for
    /// pooled points summed over many. NaN when nothing is possible.
    /// </summary>
    internal double CombineSections(ReadOnlySpan<double> sectionEarned, ReadOnlySpan<double> sectionPossible)
    {
        if (Method == ScoringMethod.TotalPoints)
        {
            double earned = 0, possible = 0;
            for (int s = 0; s < _sections.Length; s++)
            {
                earned += sectionEarned[s];
                possible += sectionPossible[s];
            }
            return possible > 0 ? earned / possible : double.NaN;
        }
        double weighted = 0, weightPresent = 0;
        for (int s = 0; s < _sections.Length; s++)
        {
            if (sectionPossible[s] > 0)
            {
                weighted += _sectionWeight[s] * sectionEarned[s] / sectionPossible[s];
                weightPresent += _sectionWeight[s];
            }
        }
        return weightPresent > 0 ? weighted / weightPresent : double.NaN;
    }

    /// <summary>Bonus points as a share of the whole: over possible points (total points) or in section-weight units (weighted sections).</summary>
    internal double BonusShare(double bonusPoints, double totalPossible)
    {
        if (bonusPoints == 0)
        {
            return 0;
        }
        return Method == ScoringMethod.TotalPoints
            ? (totalPossible > 0 ? bonusPoints / totalPossible : 0)
            : bonusPoints * _bonusScale;
    }

    /// <summary>
    /// Checks one answer against its criterion without scoring: null when it is acceptable, otherwise
    /// what is wrong (for input validators that report every bad cell, like the CLI).
    /// </summary>
    /// <param name="criterion">The criterion's index in <see cref="Criteria"/>.</param>
    /// <param name="answer">The answer; NaN = N/A.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criterion"/> is not a criterion index.</exception>
    public string? ProblemWithAnswer(int criterion, double answer)
    {
        if ((uint)criterion >= (uint)_criteria.Length)
        {
            ThrowHelper.ThrowOutOfRange(nameof(criterion), criterion, $"must be in [0, {_criteria.Length - 1}]");
        }
        var c = _criteria[criterion];
        if (double.IsNaN(answer))
        {
            return (_compiled[criterion].Flags & FlagAllowNotApplicable) != 0 ? null : $"criterion '{c.Name}' does not allow N/A";
        }
        bool integral = (_compiled[criterion].Flags & FlagIntegral) != 0;
        if (answer >= c.Minimum && answer <= c.Maximum && (!integral || answer == Math.Floor(answer)))
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"criterion '{c.Name}' ({c.Scale}) needs {(integral ? "a whole number" : "a number")} in [{c.Minimum}, {c.Maximum}]; got {answer}");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNotApplicableNotAllowed(int c) =>
        ThrowHelper.ThrowArgument("answers", $"answers[{c}] is N/A but {ProblemWithAnswer(c, double.NaN)}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowAnswerOutOfScale(int c, double answer) =>
        throw new ArgumentOutOfRangeException("answers", answer, $"answers[{c}]: {ProblemWithAnswer(c, answer)}.");

    /// <summary>One criterion's scoring data, packed so the kernel reads one small struct per answer.</summary>
    private readonly record struct Compiled(double Minimum, double Range, double Weight, double Threshold, byte Flags);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Name} ({Method}, N/A {NotApplicable}, pass mark {PassMark:P0})\n");
        for (int s = 0; s < _sections.Length; s++)
        {
            var section = _sections[s];
            text.Append(CultureInfo.InvariantCulture, $"  {section.Name}: weight {_sectionWeight[s]:P1}{(double.IsNaN(section.Target) ? "" : $", target {section.Target:P1}")}\n");
            foreach (var criterion in section.Criteria)
            {
                text.Append("    ").Append(criterion).Append('\n');
            }
        }
        return text.ToString();
    }
}
