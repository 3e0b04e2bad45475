#:project ../../src/CsMetrics/CsMetrics.csproj
// Staffing what-ifs for one interval: `dotnet run docs/examples/staffing-what-if.cs` from the repository root.
using CsMetrics.Queueing;

// 100 contacts in 30 minutes, 180 s handle time, 80% answered within 20 s (the textbook example).
var queue = new ContactQueue(interval: TimeSpan.FromMinutes(30), averageHandleTime: TimeSpan.FromSeconds(180));
var targets = new StaffingTargets { ServiceLevel = 0.8, AnswerWithin = TimeSpan.FromSeconds(20) };
var staffing = queue.RequiredAgents(contacts: 100, targets, shrinkage: 0.3);
Console.WriteLine(staffing); // 14 agents, 20 scheduled at 30% shrinkage

// The service level across team sizes, as planners like to see it.
Console.WriteLine(queue.ServiceLevelTable(contacts: 100, answerWithin: TimeSpan.FromSeconds(20), fromAgents: 11, toAgents: 17));

// What if handle time grows by 10%, or callers abandon after 2 minutes on average (Erlang A)?
var longerCalls = new ContactQueue(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(198));
Console.WriteLine($"AHT +10%: {longerCalls.RequiredAgents(100, targets, shrinkage: 0.3)}");
var impatient = new ContactQueue(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180), patience: TimeSpan.FromMinutes(2));
Console.WriteLine($"Patience 120 s: {impatient.RequiredAgents(100, targets with { MaxAbandonProbability = 0.05 }, shrinkage: 0.3)}");

// Fractional agents: what 13.4 agents would deliver, and the most contacts 14 agents can take at 80/20.
Console.WriteLine(queue.Evaluate(contacts: 100, agents: 13.4, answerWithin: TimeSpan.FromSeconds(20)));
Console.WriteLine($"Capacity of 14 agents at 80/20: {queue.MaxContacts(14, targets):0.0} contacts per 30 minutes");
