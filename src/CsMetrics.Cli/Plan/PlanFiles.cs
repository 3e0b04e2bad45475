using System.Globalization;
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
    /// <summary>
    /// Writes the files into <paramref name="directory"/>: every content is built first, then each file is
    /// written atomically (a temporary file renamed into place), so a failure leaves the previous files intact.
    /// </summary>
    /// <remarks>
    /// With a <paramref name="zone"/>, <c>forecast.csv</c> and <c>staffing.csv</c> have a row per interval of the
    /// zone's real calendar (<see cref="VolumeForecast.LocalCalendar"/>: 50 half-hours on the day the clocks go back,
    /// 46 on the day they go forward), with timestamps carrying the zone's offset; without one, a row per interval
    /// of the wall-clock grid, in local time without an offset.
    /// </remarks>
    public static void Write(string directory, string displayName, WorkforcePlan plan, string report, TimeZoneInfo? zone = null)
    {
        var rows = Rows(plan.Forecast, zone);
        (string Name, string Content)[] files =
        [
            ("forecast.csv", Forecast(plan, rows)),
            ("staffing.csv", Staffing(plan, rows)),
            ("schedule-problem.json", Problem(plan)),
            ("schedule.json", ScheduleJson.ToJson(plan.Schedule)),
            ("report.md", $"# Workforce plan\n\n```text\n{report}```\n"),
        ];
        foreach (var (name, content) in files)
        {
            AtomicFile.WriteText(Path.Combine(directory, name), Path.Combine(displayName, name), writer => writer.Write(content));
        }
    }

    /// <summary>The rows to write: (timestamp text, grid interval).</summary>
    private static (string Timestamp, int Slot)[] Rows(VolumeForecast forecast, TimeZoneInfo? zone) => zone is null
        ? Enumerable.Range(0, forecast.Horizon).Select(i => (Timestamp(forecast.TimeOf(i)), i)).ToArray()
        : forecast.LocalCalendar(zone).Select(l => (l.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), l.Slot)).ToArray();

    private static string Forecast(WorkforcePlan plan, (string Timestamp, int Slot)[] rows)
    {
        var forecast = plan.Forecast;
        var intervals = forecast.Forecast.Intervals;
        var columns = new List<string> { "timestamp", "value" };
        foreach (var interval in intervals)
        {
            columns.Add(FormattableString.Invariant($"lower{interval.Level * 100:0.##}"));
            columns.Add(FormattableString.Invariant($"upper{interval.Level * 100:0.##}"));
        }
        var table = new TableWriter(columns);
        foreach (var (timestamp, i) in rows)
        {
            var cells = new List<object?> { timestamp, forecast.Contacts[i] };
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

    private static string Staffing(WorkforcePlan plan, (string Timestamp, int Slot)[] rows)
    {
        var forecast = plan.Forecast;
        var options = plan.Options;
        var table = new TableWriter([
            "timestamp", "contacts", "interval_s", "aht_s", "answer_s", "target_sl", "max_occupancy", "shrinkage", "patience_s",
            "traffic", "agents", "scheduled", "service_level", "wait_probability", "asa_s", "occupancy", "abandon_probability"]);
        bool erlangA = options.Patience is not null;
        foreach (var (timestamp, i) in rows)
        {
            var m = plan.Staffing.Metrics[i];
            table.AddRow(
                timestamp, forecast.Contacts[i], forecast.Interval.TotalSeconds, options.AverageHandleTime.TotalSeconds,
                options.AnswerWithin.TotalSeconds, options.ServiceLevelTarget, options.MaxOccupancy, options.Shrinkage, options.Patience?.TotalSeconds,
                m.Traffic, plan.Staffing.Agents[i], plan.Staffing.ScheduledHeadcount[i], m.ServiceLevel, m.WaitProbability,
                m.AverageSpeedOfAnswerSeconds, m.Occupancy, erlangA ? m.AbandonProbability : null);
        }
        return Render(table);
    }

    private static string Problem(WorkforcePlan plan) => ScheduleJson.ToJson(
        WorkforcePlanner.ScheduleProblemFor(plan.Forecast, plan.Staffing, plan.Options), plan.Options.SolverOptions);

    private static string Timestamp(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string Render(TableWriter table)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        table.Write(text, OutputFormat.Csv);
        return text.ToString();
    }
}
