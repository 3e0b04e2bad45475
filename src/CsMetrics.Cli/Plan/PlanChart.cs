using CsMetrics.Planning;

namespace CsMetrics.Cli.Plan;

/// <summary>Renders the plan as a PNG: forecast contacts with the widest prediction band, and agents required and on shift.</summary>
internal static class PlanChart
{
    public static void Save(WorkforcePlan plan, string path)
    {
        var forecast = plan.Forecast;
        var times = Enumerable.Range(0, forecast.Horizon).Select(i => forecast.TimeOf(i).ToOADate()).ToArray();

        // One plot, two scales: contacts on the left axis, agents on the right.
        var volumes = new ScottPlot.Plot();

        if (forecast.Forecast.Intervals.Count > 0)
        {
            var band = forecast.Forecast.Intervals[^1];
            var lower = band.Lower.Select((v, i) => forecast.Open[i] ? Math.Max(0, v) : 0).ToArray();
            var upper = band.Upper.Select((v, i) => forecast.Open[i] ? v : 0).ToArray();
            var fill = volumes.Add.FillY(times, lower, upper);
            fill.LegendText = $"{band.Level * 100:0.##}% prediction interval";
            fill.FillStyle.Color = ScottPlot.Colors.SteelBlue.WithAlpha(0.25);
            fill.LineStyle.Width = 0;
        }
        var mean = volumes.Add.ScatterLine(times, forecast.Contacts.ToArray());
        mean.LegendText = "forecast contacts";
        mean.Color = ScottPlot.Colors.SteelBlue;
        mean.LineWidth = 1.5f;
        volumes.Title($"Workforce plan from {forecast.Start:yyyy-MM-dd}: forecast, requirement and coverage");
        volumes.YLabel($"contacts per {forecast.Interval.TotalMinutes:0} min");
        volumes.Axes.DateTimeTicksBottom();

        var required = volumes.Add.ScatterLine(times, plan.Staffing.ScheduledHeadcount.Select(v => (double)v).ToArray());
        required.LegendText = "required on shift";
        required.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
        required.Color = ScottPlot.Colors.OrangeRed;
        required.Axes.YAxis = volumes.Axes.Right;
        var coverage = volumes.Add.ScatterLine(times, plan.Schedule.Coverage.Select(v => (double)v).ToArray());
        coverage.LegendText = "scheduled on shift";
        coverage.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
        coverage.Color = ScottPlot.Colors.ForestGreen;
        coverage.Axes.YAxis = volumes.Axes.Right;
        volumes.Axes.Right.Label.Text = "agents on shift";
        volumes.ShowLegend(ScottPlot.Alignment.UpperRight);
        volumes.SavePng(path, 1800, 700);
    }
}
