#:project ../../src/CsMetrics/CsMetrics.csproj
// Shifts from a requirement curve: `dotnet run docs/examples/schedule.cs` from the repository root.
using CsMetrics.Scheduling;

// One day of half-hours (48 intervals): nobody at night, a morning peak and an afternoon shoulder.
int[] required = [.. Enumerable.Range(0, 48).Select(i => i is < 16 or >= 42 ? 0 : (int)Math.Round(6 + 8 * Math.Exp(-Math.Pow((i - 21) / 5.0, 2)) + 4 * Math.Exp(-Math.Pow((i - 31) / 4.0, 2))))];

var templates = new[]
{
    new ShiftTemplate("FT8", lengthMinutes: 480, earliestStartMinute: 420, latestStartMinute: 780, startStepMinutes: 30, cost: 8,
        breaks: [new BreakRule(LengthMinutes: 30, EarliestAfterStartMinutes: 180, LatestAfterStartMinutes: 300)]),
    new ShiftTemplate("PT4", lengthMinutes: 240, earliestStartMinute: 480, latestStartMinute: 1020, startStepMinutes: 30, cost: 4.4),
};
var problem = new ScheduleProblem(intervalMinutes: 30, required, templates, cyclic: false, understaffCost: 2, overstaffCost: 0.05);
var solution = ShiftScheduler.Solve(problem, new ScheduleSolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Seed = 1 });

Console.WriteLine(solution); // status, cost, lower bound, gap, and the shifts
Console.WriteLine("need " + string.Join(" ", required.Skip(14).Take(30)));
Console.WriteLine("have " + string.Join(" ", solution.Coverage.Skip(14).Take(30)));
