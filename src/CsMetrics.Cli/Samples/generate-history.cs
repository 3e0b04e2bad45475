// Generates Samples/history.csv: 8 weeks of half-hourly contact volumes for `csmetrics plan`.
// Run once from the repository root:  dotnet run src/CsMetrics.Cli/Samples/generate-history.cs
//
// The model (seeded, so the file is reproducible):
//   volume(day d, interval i) ~ Poisson(mean), mean = base x weekday(d) x trend(d) x dayNoise(d) x profile(weekday, i)
// - base: 2,600 contacts on an average weekday; trend +0.4% a week.
// - weekday factors Mon..Sun: 1.22, 1.08, 1.00, 0.98, 0.92, 0.55, 0.38 (Monday peak, quiet weekend).
// - dayNoise: Gamma(shape 80, scale 1/80), mean 1, sd about 11%: days vary more than Poisson alone
//   (over-dispersion, as real contact volumes do).
// - opening hours: weekdays 07:00-21:00, Saturday 08:00-18:00, Sunday 09:00-17:00; closed intervals are 0.
// - intraday profile: a morning peak near 10:00, a smaller after-lunch peak near 14:30, and a ramp
//   up and down at the edges of the day (sum of Gaussians, normalised to sum to 1 over open hours).
// Timestamps are the interval's start, local time, ISO 8601 without offset.
using System.Globalization;

const int seed = 20261122;
const int weeks = 8;
const int intervalsPerDay = 48;
var start = new DateTime(2026, 9, 28); // a Monday
double[] weekday = [1.22, 1.08, 1.00, 0.98, 0.92, 0.55, 0.38];
(int Open, int Close)[] hours = [(14, 42), (14, 42), (14, 42), (14, 42), (14, 42), (16, 36), (18, 34)]; // half-hour indices

var random = new Random(seed);
using var output = new StreamWriter(Path.Combine(Path.GetDirectoryName(ThisFile())!, "history.csv"));
output.WriteLine("timestamp,value");
for (int d = 0; d < weeks * 7; d++)
{
    var date = start.AddDays(d);
    int w = ((int)date.DayOfWeek + 6) % 7; // Monday = 0
    double dayMean = 2600 * weekday[w] * Math.Pow(1.004, d / 7.0) * Gamma(random, 80) / 80;
    var profile = Profile(hours[w].Open, hours[w].Close);
    for (int i = 0; i < intervalsPerDay; i++)
    {
        int volume = profile[i] > 0 ? Poisson(random, dayMean * profile[i]) : 0;
        output.WriteLine($"{date.AddMinutes(30 * i).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)},{volume}");
    }
}

static double[] Profile(int open, int close)
{
    var shape = new double[48];
    for (int i = open; i < close; i++)
    {
        double hour = i / 2.0 + 0.25;
        double edge = Math.Min(1, Math.Min(hour - open / 2.0, close / 2.0 - hour) / 1.5 + 0.35);
        shape[i] = edge * (0.35 + Math.Exp(-Math.Pow((hour - 10.25) / 1.6, 2)) + 0.75 * Math.Exp(-Math.Pow((hour - 14.5) / 1.9, 2)));
    }
    double total = shape.Sum();
    return shape.Select(s => s / total).ToArray();
}

// Marsaglia-Tsang for shape >= 1 (returns a Gamma(shape, 1) draw).
static double Gamma(Random random, double shape)
{
    double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
    while (true)
    {
        double x = Normal(random), v = Math.Pow(1 + c * x, 3);
        if (v > 0 && Math.Log(1 - random.NextDouble()) < 0.5 * x * x + d - d * v + d * Math.Log(v))
        {
            return d * v;
        }
    }
}

static double Normal(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

// Poisson by inversion for small means, normal approximation with continuity correction above 500.
static int Poisson(Random random, double mean)
{
    if (mean > 500)
    {
        return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal(random)));
    }
    double u = random.NextDouble(), p = Math.Exp(-mean), cumulative = p;
    int k = 0;
    while (u > cumulative && k < 10_000)
    {
        k++;
        p *= mean / k;
        cumulative += p;
    }
    return k;
}

static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
