#:project ../../src/CsMetrics/CsMetrics.csproj
// A QA scorecard, pooled agent scores, calibration and AHP weights: `dotnet run docs/examples/qa-scorecard.cs`.
using CsMetrics.Quality;

// The built-in seed scorecard: five weighted sections with targets, two critical criteria.
var card = Scorecard.ContactCentreSeed;
Console.WriteLine(card);

// One evaluation: one answer per criterion in order (binary 0/1, ratings 1..5); NaN = not applicable.
double[] evaluation = [1, 4, 1, 5, 4, 1, double.NaN, 3, 1, 4];
Console.WriteLine(card.Score(evaluation));

// An agent's month, pooled over evaluations (points are pooled, never percentages averaged).
var month = new QaTally(card);
month.Add(evaluation);
month.Add([1, 5, 1, 5, 5, 1, 1, 4, 1, 5]);
month.Add([0, 3, 1, 4, 4, 1, 1, 3, 0, 3]); // inaccurate information: the critical criterion fails its section
Console.WriteLine(month.Summarize());

// Calibration: two evaluators rating the same ten calls on a 1..5 scale (categories 0..4).
int[] lead = [4, 3, 3, 2, 4, 1, 0, 3, 2, 4];
int[] evaluator = [4, 3, 2, 2, 4, 1, 1, 3, 2, 3];
Console.WriteLine(CohenKappa.FromRatings(lead, evaluator, categories: 5, KappaWeighting.Quadratic));

// Section weights from pairwise judgements (AHP): knowledge vs communication vs compliance.
var ahp = AnalyticHierarchyProcess.Weights(new double[,]
{
    { 1, 1, 2 },
    { 1, 1, 2 },
    { 0.5, 0.5, 1 },
});
Console.WriteLine(ahp);

// A scorecard from its JSON contract: every problem comes back with its field path (here a typo).
var read = ScorecardJson.Parse("""
    { "name": "Billing", "method": "total_points",
      "sections": [ { "name": "All", "criteria": [ { "name": "Greeting" }, { "name": "Fix", "scale": "points", "max": 5, "alow_na": false } ] } ] }
    """);
foreach (var error in read.Errors)
{
    Console.WriteLine(error); // sections[0].criteria[1].alow_na: unknown field 'alow_na' (did you mean 'allow_na'?); ...
}

// Calibration from text cells as a file gives them: numbers or labels, empty / NA / N/A = missing.
var ratings = RatingTable.Parse(["expert", "ana", "ben"],
[
    ["good", "good", "fair"], ["poor", "fair", "poor"], ["fair", "fair", "NA"], ["good", "good", "good"], ["poor", "poor", "fair"],
], categories: ["poor", "fair", "good"]).Value!;
var agreement = Agreement.Analyze(ratings);
Console.WriteLine(agreement.KrippendorffAlphaAt(MeasurementLevel.Ordinal));
Console.WriteLine(agreement.CohenKappa[0].Quadratic);
