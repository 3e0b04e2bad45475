#:project ../../src/CsMetrics/CsMetrics.csproj
// The workforce plan in a script: `dotnet run docs/examples/plan.cs` from the repository root.
// Reads the CLI's bundled history, forecasts next week, staffs it, schedules it and prints the summary.
using System.Globalization;
using CsMetrics.Planning;
using CsMetrics.Scheduling;

var rows = File.ReadLines("src/CsMetrics.Cli/Samples/history.csv").Skip(1).Select(line => line.Split(',')).ToArray();
var history = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
var start = DateTime.Parse(rows[0][0], CultureInfo.InvariantCulture);

var options = new PlanOptions
{
    AverageHandleTime = TimeSpan.FromSeconds(280),
    ServiceLevelTarget = 0.8,
    AnswerWithin = TimeSpan.FromSeconds(20),
    Shrinkage = 0.32,
    Templates =
    [
        new ShiftTemplate("FT8", lengthMinutes: 480, earliestStartMinute: 390, latestStartMinute: 810, startStepMinutes: 30, cost: 8,
            breaks: [new BreakRule(30, 180, 300)]),
        new ShiftTemplate("PT4", lengthMinutes: 240, earliestStartMinute: 420, latestStartMinute: 1020, startStepMinutes: 30, cost: 4.4),
    ],
};

// One call, or the four steps one by one (ForecastVolumes, RequiredStaff, BuildSchedule, Evaluate) to inspect each.
var plan = WorkforcePlanner.Create(history, start, TimeSpan.FromMinutes(30), options);
Console.WriteLine(plan);

// What the schedule delivers at Monday's busiest half-hour, from the coverage it actually puts on the floor.
int busiest = Enumerable.Range(0, 48).MaxBy(i => plan.Forecast.Contacts[i]);
Console.WriteLine($"Monday {plan.Forecast.TimeOf(busiest):HH:mm}: {plan.Forecast.Contacts[busiest]:0} contacts, " +
    $"{plan.Schedule.Coverage[busiest]} on shift for {plan.Staffing.ScheduledHeadcount[busiest]} required -> {plan.Delivered[busiest]}");
