using System.Globalization;
using System.Text.Json;
using CsMetrics.Planning;
using CsMetrics.Scheduling;

namespace CsMetrics.Cli.Plan;

/// <summary>
/// The files <c>plan --output DIR</c> writes, each in the format another subcommand reads:
/// <c>forecast.csv</c> (timestamp,value + bounds: <c>forecast</c>, <c>metrics</c>), <c>staffing.csv</c>
/// (the <c>staffing</c> contract's columns), <c>schedule-problem.json</c> (the <c>schedule</c> input),
/// <c>schedule.json</c> (the <c>schedule</c> output) and <c>report.md</c>.
/// </summary>
internal static class PlanFiles
{
    public static void Write(string directory, WorkforcePlan plan, string report)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "forecast.csv"), Forecast(plan));
        File.WriteAllText(Path.Combine(directory, "staffing.csv"), Staffing(plan));
        File.WriteAllText(Path.Combine(directory, "schedule-problem.json"), Problem(plan));
        File.WriteAllText(Path.Combine(directory, "schedule.json"), ScheduleJson.ToJson(plan.Schedule));
        File.WriteAllText(Path.Combine(directory, "report.md"), $"# Workforce plan\n\n```text\n{report}```\n");
    }

    private static string Forecast(WorkforcePlan plan)
    {
        var forecast = plan.Forecast;
        var intervals = forecast.Forecast.Intervals;
        var columns = new List<string> { "timestamp", "value" };
        foreach (var interval in intervals)
        {
            columns.Add(FormattableString.Invariant($"lower{interval.Level:0.##}"));
            columns.Add(FormattableString.Invariant($"upper{interval.Level:0.##}"));
        }
        var table = new TableWriter(columns);
        for (int i = 0; i < forecast.Horizon; i++)
        {
            var cells = new List<object?> { Timestamp(forecast.TimeOf(i)), forecast.Contacts[i] };
            foreach (var interval in intervals)
            {
                // Closed intervals have no contacts and no uncertainty.
                cells.Add(forecast.Open[i] ? Math.Max(0, interval.Lower[i]) : 0.0);
                cells.Add(forecast.Open[i] ? interval.Upper[i] : 0.0);
            }
            table.AddRow(cells.ToArray());
        }
        return Render(table);
    }

    private static string Staffing(WorkforcePlan plan)
    {
        var forecast = plan.Forecast;
        var options = plan.Options;
        var table = new TableWriter([
            "timestamp", "contacts", "interval_s", "aht_s", "answer_s", "target_sl", "max_occupancy", "shrinkage", "patience_s",
            "traffic", "agents", "scheduled", "service_level", "wait_probability", "asa_s", "occupancy", "abandon_probability"]);
        bool erlangA = options.Patience is not null;
        for (int i = 0; i < forecast.Horizon; i++)
        {
            var m = plan.Staffing.Metrics[i];
            table.AddRow(
                Timestamp(forecast.TimeOf(i)), forecast.Contacts[i], forecast.Interval.TotalSeconds, options.AverageHandleTime.TotalSeconds,
                options.AnswerWithin.TotalSeconds, options.ServiceLevelTarget, options.MaxOccupancy, options.Shrinkage, options.Patience?.TotalSeconds,
                m.Traffic, plan.Staffing.Agents[i], plan.Staffing.ScheduledHeadcount[i], m.ServiceLevel, m.WaitProbability,
                m.AverageSpeedOfAnswerSeconds, m.Occupancy, erlangA ? m.AbandonProbability : null);
        }
        return Render(table);
    }

    private static string Problem(WorkforcePlan plan)
    {
        var problem = WorkforcePlanner.ScheduleProblemFor(plan.Forecast, plan.Staffing, plan.Options);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        JsonOutput.Write(text, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("intervalMinutes", problem.IntervalMinutes);
            json.WriteBoolean("cyclic", problem.Cyclic);
            json.WriteStartArray("requirements");
            foreach (var requirement in problem.Requirements)
            {
                json.WriteNumberValue(requirement);
            }
            json.WriteEndArray();
            if (problem.UnderstaffCost is double under)
            {
                json.WriteNumber("understaffCost", under);
            }
            json.WriteNumber("overstaffCost", problem.OverstaffCost);
            json.WriteNumber("timeLimitSeconds", plan.Options.ScheduleTimeLimit.TotalSeconds);
            json.WriteNumber("seed", plan.Options.Seed);
            json.WritePropertyName("templates");
            WriteTemplates(json, problem.Templates);
            json.WriteEndObject();
        });
        return text.ToString();
    }

    /// <summary>Writes templates as the schedule contract's <c>templates</c> array.</summary>
    public static void WriteTemplates(Utf8JsonWriter json, IEnumerable<ShiftTemplate> templates)
    {
        json.WriteStartArray();
        foreach (var t in templates)
        {
            json.WriteStartObject();
            json.WriteString("name", t.Name);
            json.WriteNumber("lengthMinutes", t.LengthMinutes);
            json.WriteNumber("earliestStartMinute", t.EarliestStartMinute);
            json.WriteNumber("latestStartMinute", t.LatestStartMinute);
            json.WriteNumber("startStepMinutes", t.StartStepMinutes);
            json.WriteNumber("cost", t.Cost);
            if (t.MaxAgents is int max)
            {
                json.WriteNumber("maxAgents", max);
            }
            else
            {
                json.WriteNull("maxAgents");
            }
            json.WriteStartArray("breaks");
            foreach (var b in t.Breaks)
            {
                json.WriteStartObject();
                json.WriteNumber("lengthMinutes", b.LengthMinutes);
                json.WriteNumber("earliestAfterStartMinutes", b.EarliestAfterStartMinutes);
                json.WriteNumber("latestAfterStartMinutes", b.LatestAfterStartMinutes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string Render(TableWriter table)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        table.Write(text, OutputFormat.Csv);
        return text.ToString();
    }
}
