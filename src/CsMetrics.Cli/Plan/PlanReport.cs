using System.Globalization;
using System.Text;
using CsMetrics.Planning;

namespace CsMetrics.Cli.Plan;

/// <summary>Renders a <see cref="WorkforcePlan"/> as a report a planner reads in a terminal (and, in a code block, in report.md).</summary>
internal static class PlanReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The horizon on the zone's real calendar: how many intervals, and the days whose length is not 24 hours
    /// (shifts are in local time; the repeated hour of a 25-hour day is staffed twice, the skipped hour of a
    /// 23-hour day not at all).
    /// </summary>
    private static string LocalCalendarLine(VolumeForecast forecast, TimeZoneInfo zone)
    {
        var calendar = forecast.LocalCalendar(zone);
        var days = calendar.GroupBy(l => l.Start.Date).Select(g => (Day: g.Key, Count: g.Count())).ToArray();
        int perDay = (int)(TimeSpan.FromDays(1) / forecast.Interval);
        var changes = days.Where(d => d.Count != perDay)
            .Select(d => FormattableString.Invariant($"{d.Day:ddd yyyy-MM-dd} has {d.Count} ({d.Count * forecast.Interval.TotalHours:0.#} h)"))
            .ToArray();
        return FormattableString.Invariant($"{calendar.Count} intervals in {zone.Id}, shifts in local time")
            + (changes.Length > 0 ? $"; clocks change: {string.Join(", ", changes)}" : "");
    }

    public static string Render(WorkforcePlan plan, string historySource, int historyLength, DateTime historyStart, TimeZoneInfo? zone = null)
    {
        var text = new StringBuilder();
        var forecast = plan.Forecast;
        var options = plan.Options;
        int perDay = (int)(TimeSpan.FromDays(1) / forecast.Interval);
        int stepMinutes = (int)forecast.Interval.TotalMinutes;

        Line(text, $"WORKFORCE PLAN  {forecast.Start:ddd yyyy-MM-dd} to {forecast.TimeOf(forecast.Horizon - 1):ddd yyyy-MM-dd}, {stepMinutes}-minute intervals");
        Line(text, $"History   {historySource}: {historyLength} intervals from {historyStart:yyyy-MM-dd HH:mm} ({historyLength / (double)perDay:0.#} days)");
        string model = options.Patience is TimeSpan patience ? $"Erlang A (patience {patience.TotalSeconds:0} s)" : "Erlang C";
        string occupancy = options.MaxOccupancy is double cap ? $", occupancy <= {cap * 100:0}%" : "";
        Line(text, $"Targets   {options.ServiceLevelTarget * 100:0}% answered within {options.AnswerWithin.TotalSeconds:0} s{occupancy}; AHT {options.AverageHandleTime.TotalSeconds:0} s; shrinkage {options.Shrinkage * 100:0}%; {model}");
        Line(text, $"Forecast  {forecast.Method}");
        if (zone is not null)
        {
            Line(text, $"Calendar  {LocalCalendarLine(forecast, zone)}");
        }
        text.AppendLine();

        // 1. The forecast by day.
        text.AppendLine("FORECAST BY DAY (contacts; intraday shape from open to close)");
        var contacts = forecast.Contacts;
        int levelIndex = forecast.Forecast.Intervals.Count - 1;
        var widest = levelIndex >= 0 ? forecast.Forecast.Intervals[levelIndex] : null;
        Line(text, $"  {"day",-15} {"contacts",9} {"peak",13} {(widest is null ? "" : $"{widest.Level * 100:0.##}% range at peak"),-20}  shape");
        for (int d = 0; d < plan.Days.Count; d++)
        {
            var slice = contacts.Slice(d * perDay, Math.Min(perDay, contacts.Length - d * perDay));
            int peak = ArgMax(slice);
            int index = d * perDay + peak;
            string range = widest is null ? "" : $"{Math.Max(0, widest.Lower[index]):0}-{widest.Upper[index]:0}";
            Line(text, $"  {plan.Days[d].Label,-15} {plan.Days[d].Contacts,9:0} {slice[peak],5:0} at {forecast.TimeOf(index):HH:mm} {range,-20}  {TextCharts.Sparkline(slice)}");
        }
        Line(text, $"  {plan.Total.Label,-15} {plan.Total.Contacts,9:0}");
        if (plan.Backtest is { } backtest)
        {
            var scores = string.Join(", ", backtest.Rows.Select(r => FormattableString.Invariant($"{r.Name} {r.Result.Aggregate.MeanAbsoluteScaledError:0.00}")));
            Line(text, $"  Back-test, last week of history held out (MASE, lower is better): {scores}");
        }
        text.AppendLine();

        // 2. Required agents per interval, as a heat map.
        int maxHeadcount = plan.Staffing.ScheduledHeadcount.Max();
        Line(text, $"REQUIRED AGENTS ON SHIFT PER INTERVAL (heat map: ' ' none, ░ ▒ ▓ █ up to {maxHeadcount})");
        Line(text, $"  {"",-15} {HourRuler(perDay, stepMinutes)}");
        for (int d = 0; d < plan.Days.Count; d++)
        {
            var row = DaySlice(plan.Staffing.ScheduledHeadcount, d, perDay);
            Line(text, $"  {plan.Days[d].Label,-15} {TextCharts.HeatRow(row, maxHeadcount)}  peak {row.Max(),3:0}");
        }
        text.AppendLine();

        // 3. The shifts.
        Line(text, $"SHIFTS ({plan.Schedule.Shifts.Sum(s => s.Agents)} agent-shifts; start time x agents, breaks in brackets)");
        foreach (var template in options.Templates)
        {
            var shifts = plan.Schedule.Shifts.Where(s => s.Template == template.Name).ToList();
            if (shifts.Count == 0)
            {
                continue;
            }
            Line(text, $"  {template}: {shifts.Sum(s => s.Agents)} agent-shifts, cost {shifts.Sum(s => s.Agents) * template.Cost:0.##}");
            foreach (var day in shifts.GroupBy(s => s.Day).OrderBy(g => g.Key))
            {
                var starts = day.OrderBy(s => s.StartMinute).Select(s =>
                    $"{Clock(s.StartMinute)}x{s.Agents}" + (s.BreakStartMinutes.Count > 0 ? $"[{string.Join(",", s.BreakStartMinutes.Select(Clock))}]" : ""));
                Wrap(text, $"    {forecast.Start.AddDays(day.Key):ddd}  ", starts, 100);
            }
        }
        text.AppendLine();

        // 4. Coverage against requirement.
        text.AppendLine("COVERAGE AGAINST REQUIREMENT (per day: requirement, then agents on shift, same scale)");
        for (int d = 0; d < plan.Days.Count; d++)
        {
            var need = DaySlice(plan.Staffing.ScheduledHeadcount, d, perDay);
            var have = DaySlice(plan.Schedule.Coverage, d, perDay);
            double scale = Math.Max(need.Max(), have.Max());
            Line(text, $"  {plan.Days[d].Label,-15} need {TextCharts.Sparkline(need, scale)}");
            Line(text, $"  {"",-15} have {TextCharts.Sparkline(have, scale)}  short {plan.Days[d].UnderstaffedAgentHours,5:0.#} h, over {plan.Days[d].OverstaffedAgentHours,5:0.#} h");
        }
        text.AppendLine();

        // 5. What the schedule delivers.
        bool erlangA = options.Patience is not null;
        text.AppendLine("EXPECTED SERVICE FROM THE SCHEDULE (computed from coverage, not from the requirement)");
        Line(text, $"  {"day",-15} {"contacts",9} {"SL",7} {"ASA",9} {"occupancy",10}{(erlangA ? $" {"abandon",8}" : "")} {"req h",8} {"shift h",8} {"short h",8} {"over h",8}");
        foreach (var period in plan.Days.Append(plan.Total))
        {
            string asa = double.IsFinite(period.AverageSpeedOfAnswerSeconds) ? $"{period.AverageSpeedOfAnswerSeconds:0.0} s" : "overload";
            Line(text, $"  {period.Label,-15} {period.Contacts,9:0} {Percent(period.ServiceLevel),7} {asa,9} {Percent(period.Occupancy),10}{(erlangA ? $" {Percent(period.AbandonRate),8}" : "")} {period.RequiredHeadcountHours,8:0.#} {period.ScheduledAgentHours,8:0.#} {period.UnderstaffedAgentHours,8:0.#} {period.OverstaffedAgentHours,8:0.#}");
        }
        var (missed, withContacts) = CountBelowTarget(plan);
        Line(text, $"  {missed} of {withContacts} intervals with contacts fall below the {options.ServiceLevelTarget * 100:0}% target.");
        text.AppendLine();

        // 6. Cost and proof of quality.
        var schedule = plan.Schedule;
        Line(text, $"COST  {schedule.Cost:0.##} (status {schedule.Status.ToString().ToLowerInvariant()}; lower bound {schedule.LowerBound:0.##}; gap {schedule.Gap * 100:0.##}%)");
        Line(text, $"      understaffed {schedule.Understaffed} agent-intervals, overstaffed {schedule.Overstaffed} agent-intervals");
        if (schedule.Message.Length > 0)
        {
            Line(text, $"      {schedule.Message}");
        }
        return text.ToString();
    }

    private static (int Below, int WithContacts) CountBelowTarget(WorkforcePlan plan)
    {
        int below = 0, withContacts = 0;
        var delivered = plan.Delivered;
        for (int i = 0; i < delivered.Length; i++)
        {
            if (plan.Forecast.Contacts[i] > 0)
            {
                withContacts++;
                below += delivered[i].ServiceLevel < plan.Options.ServiceLevelTarget ? 1 : 0;
            }
        }
        return (below, withContacts);
    }

    private static double[] DaySlice(IReadOnlyList<int> values, int day, int perDay) =>
        values.Skip(day * perDay).Take(perDay).Select(v => (double)v).ToArray();

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }

    private static string HourRuler(int perDay, int stepMinutes)
    {
        var ruler = new char[perDay];
        Array.Fill(ruler, ' ');
        for (int i = 0; i < perDay; i++)
        {
            int minute = i * stepMinutes;
            if (minute % 360 == 0)
            {
                var label = (minute / 60).ToString("00", Invariant);
                for (int k = 0; k < label.Length && i + k < perDay; k++)
                {
                    ruler[i + k] = label[k];
                }
            }
            else if (minute % 60 == 0 && ruler[i] == ' ')
            {
                ruler[i] = '·';
            }
        }
        return new string(ruler);
    }

    private static string Clock(int minuteOfDay) =>
        $"{minuteOfDay / 60 % 24:00}:{minuteOfDay % 60:00}" + (minuteOfDay >= 1440 ? "+1" : "");

    private static string Percent(double fraction) => double.IsNaN(fraction) ? "-" : (fraction * 100).ToString("0.0", Invariant) + "%";

    private static void Wrap(StringBuilder text, string prefix, IEnumerable<string> items, int width)
    {
        var line = new StringBuilder(prefix);
        foreach (var item in items)
        {
            if (line.Length + item.Length + 1 > width && line.Length > prefix.Length)
            {
                text.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(new string(' ', prefix.Length));
            }
            line.Append(item).Append(' ');
        }
        text.AppendLine(line.ToString().TrimEnd());
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(Invariant));
}
