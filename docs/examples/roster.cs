#:project ../../src/CsMetrics/CsMetrics.csproj
// Rosters for named agents: `dotnet run docs/examples/roster.cs` from the repository root.
using CsMetrics.Rostering;

// Two weeks, early and late shifts (an early may not follow a late), four agents, a request or two.
var text = """
    SECTION_HORIZON
    14
    SECTION_SHIFTS
    E,480,
    L,480,E
    SECTION_STAFF
    # id, max shifts per type, max minutes, min minutes, max consecutive, min consecutive, min days off, max weekends
    Ana,E=14|L=14,4800,3840,5,2,2,1
    Ben,E=14|L=14,4800,3840,5,2,2,1
    Cai,E=14|L=0,4800,3840,5,2,2,1
    Dee,E=14|L=14,2880,1920,4,1,1,2
    SECTION_DAYS_OFF
    Ana,3,4
    SECTION_SHIFT_ON_REQUESTS
    Ben,0,L,2
    SECTION_SHIFT_OFF_REQUESTS
    Cai,5,E,3
    SECTION_COVER
    """ + "\n" + string.Join("\n", Enumerable.Range(0, 14).SelectMany(d => new[] { $"{d},E,{(d % 7 >= 5 ? 1 : 2)},100,1", $"{d},L,1,100,1" }));

var parsed = CurtoisFormat.Parse(text);
if (parsed.Problem is not RosterProblem problem)
{
    foreach (var p in parsed.Problems) Console.WriteLine(p); // "line 9, section STAFF: ..."
    return;
}

// Deterministic for the seed; an iteration limit makes it independent of the machine's load.
var solution = RosterSolver.Solve(problem, new RosterSolverOptions { TimeLimit = TimeSpan.FromSeconds(5), IterationLimit = 300_000, Seed = 1 });
Console.WriteLine(solution);              // status, objective, bound, gap
Console.WriteLine(solution.Evaluation);   // penalties by kind
Console.Write(solution.Roster);           // one line per agent, '-' for a day off
RosterRows.Write(solution.Roster!, Console.Out); // employee,day,shift
