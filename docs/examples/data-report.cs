#:project ../../src/CsMetrics.Data/CsMetrics.Data.csproj
// The data engineer's path in a script: `dotnet run docs/examples/data-report.cs` from the repository root.
// Writes four weeks of synthetic contact records to a CSV, reads them back with CsMetrics.Data, reports by queue
// and half-hour in Europe/London (DST-correct), merges partial states, and plans next week from the report.
using System.Globalization;
using CsMetrics.Data;
using CsMetrics.Metrics;
using CsMetrics.Planning;

var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
string csv = Path.Combine(Path.GetTempPath(), $"contacts-{Environment.ProcessId}.csv");

// 1. Contact records as an ACD exports them: one row per contact, arrival with its UTC offset.
var random = new Random(42);
using (var file = File.Create(csv))
using (var writer = TableWriter.Create(file, TableFormat.Csv,
    [TableColumn.Text("arrival"), TableColumn.Text("queue"), TableColumn.Text("outcome"), TableColumn.Number("wait_s"), TableColumn.Number("talk_s"), TableColumn.Integer("csat")]))
{
    var firstDay = new DateTime(2026, 5, 4); // a Monday
    for (var day = firstDay; day < firstDay.AddDays(28); day = day.AddDays(1))
    {
        for (int minute = 8 * 60; minute < 20 * 60; minute++)
        {
            double rate = (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.3 : 1.0) * (0.6 + Math.Sin(Math.PI * (minute - 480) / 720));
            if (random.NextDouble() > rate * 0.8)
            {
                continue;
            }
            var arrival = TimeZoneInfo.ConvertTimeToUtc(day.AddMinutes(minute), london);
            bool answered = random.NextDouble() < 0.93;
            writer.Write(new DateTimeOffset(arrival).ToOffset(london.GetUtcOffset(arrival)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.Write(random.Next(3) == 0 ? "billing" : "support");
            writer.Write(answered ? "answered" : "abandoned");
            writer.Write(Math.Round(random.NextDouble() * 45, 1));
            if (answered) writer.Write(Math.Round(120 + random.NextDouble() * 300, 1)); else writer.WriteNull();
            if (random.Next(4) == 0) writer.Write((long)random.Next(1, 6)); else writer.WriteNull();
            writer.EndRow();
        }
    }
}

// 2. Read them back, streaming, strictly (any bad row would be reported with its row and column), in two
//    partitions aggregated separately, as two jobs or threads would, then merged: merge = one pass, exactly.
var options = new ContactAggregatorOptions { Keys = ["queue"], Bucket = TimeBucket.Interval, IntervalMinutes = 30, TimeZone = london, AnswerThresholdSeconds = 20 };
var partitions = new[] { new ContactAggregator(options), new ContactAggregator(options) };
var total = new ContactAggregator(options with { Keys = [] });
using (var table = TableReader.Open(csv))
{
    int arrival = table.ColumnIndex("arrival"), queue = table.ColumnIndex("queue"), outcome = table.ColumnIndex("outcome");
    int wait = table.ColumnIndex("wait_s"), talk = table.ColumnIndex("talk_s"), csat = table.ColumnIndex("csat");
    while (table.MoveNext())
    {
        var record = new ContactRecord
        {
            Arrival = table.ReadTimestamp(arrival) ?? default,
            Outcome = table.GetText(outcome).SequenceEqual("answered") ? ContactOutcome.Answered : ContactOutcome.Abandoned,
            WaitSeconds = table.ReadDouble(wait, min: 0),
            TalkSeconds = table.ReadOptionalDouble(talk, min: 0),
            Csat = table.ReadOptionalDouble(csat, 1, 5) is double score ? (byte)score : null,
        };
        partitions[table.RowsRead % 2].Add(record, table.GetText(queue));
        total.Add(record);
    }
    table.ThrowIfProblems();
}
var report = partitions[0];
report.Merge(partitions[1]);
Console.WriteLine($"{report.ContactCount} contacts in {report.GroupCount} queue-intervals");
foreach (var row in report.Results().Where(r => r.BucketStart!.Value.Hour == 12 && r.BucketStart.Value.Day == 5))
{
    Console.WriteLine(row); // [billing] 2026-05-05T12:00+01:00: offered ..., SL ..., ASA ..., AHT ...
}

// 3. Plan next week from the report's interval totals (every interval of the calendar, 0 where nobody called),
//    padded with closed intervals to whole local days, as the planner models days.
var history = total.Results().ToArray();
var firstLocal = history[0].BucketStart!.Value;
var lastLocal = history[^1].BucketStart!.Value;
int before = (int)(firstLocal.TimeOfDay.TotalMinutes / 30), after = 47 - (int)(lastLocal.TimeOfDay.TotalMinutes / 30);
double[] volumes = [.. new double[before], .. history.Select(r => (double)r.Offered), .. new double[after]];
var plan = WorkforcePlanner.Create(volumes, firstLocal.DateTime.Date, TimeSpan.FromMinutes(30),
    new PlanOptions { AverageHandleTime = TimeSpan.FromSeconds(300), ServiceLevelTarget = 0.8, AnswerWithin = TimeSpan.FromSeconds(20), Shrinkage = 0.3, ScheduleTimeLimit = TimeSpan.FromSeconds(2) });
Console.WriteLine(plan);
File.Delete(csv);
