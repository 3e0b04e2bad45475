// Exercises the library under Native AOT. Every module adds a call here as it lands.
// Scheduling: JSON problem in, solve, JSON solution out (reflection-free System.Text.Json).
var scheduleDocument = CsMetrics.Scheduling.ScheduleJson.ParseProblem("""
    { "intervalMinutes": 60, "requirements": [1, 2, 2, 1],
      "templates": [ { "name": "Half", "lengthMinutes": 180, "earliestStartMinute": 0, "latestStartMinute": 60,
                       "startStepMinutes": 60, "cost": 3, "breaks": [] } ] }
    """);
var schedule = CsMetrics.Scheduling.ShiftScheduler.Solve(scheduleDocument.Problem!, scheduleDocument.Options);
if (schedule.Status != CsMetrics.Scheduling.ScheduleStatus.Optimal || schedule.Cost != 6)
{
    Console.WriteLine($"scheduling: unexpected {schedule}");
    return 1;
}
Console.WriteLine(CsMetrics.Scheduling.ScheduleJson.ToJson(schedule).Length > 0 ? "scheduling OK" : "scheduling: empty JSON");
Console.WriteLine("OK");
return 0;
