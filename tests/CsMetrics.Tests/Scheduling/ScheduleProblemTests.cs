using CsMetrics.Scheduling;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Scheduling;

public class ScheduleProblemTests
{
    private static readonly ShiftTemplate Day = new("Day", 480, 360, 600, 30, 8, breaks: [new BreakRule(30, 180, 300)]);

    [Fact]
    public void Coverage_skips_breaks_and_wraps_when_cyclic()
    {
        // 24 hourly intervals; a 22:00 shift of 4 h with a break at +1 h covers 22, 0, 1 (wrapped) and not 23.
        var night = new ShiftTemplate("Night", 240, 1320, 1320, 60, 4, breaks: [new BreakRule(60, 60, 60)]);
        var problem = new ScheduleProblem(60, new int[24], [night], cyclic: true);
        var coverage = new int[24];
        problem.Coverage([new ScheduledShift("Night", 0, 1320, [1380], 2)], coverage);
        Assert.Equal(2, coverage[22]);
        Assert.Equal(0, coverage[23]);
        Assert.Equal(2, coverage[0]);
        Assert.Equal(2, coverage[1]);
        Assert.Equal(6 * 0 + 4 * 2, problem.CostOf([new ScheduledShift("Night", 0, 1320, [1380], 2)], coverage), 12);
    }

    [Fact]
    public void Coverage_allocates_nothing()
    {
        var problem = new ScheduleProblem(30, new int[48], [Day]);
        var shifts = new[] { new ScheduledShift("Day", 0, 360, [600], 3) };
        var coverage = new int[48];
        Assert.Equal(0, Allocations.Measure(() => problem.Coverage(shifts, coverage)));
    }

    [Theory]
    [InlineData(0, "intervalMinutes")]
    [InlineData(-15, "intervalMinutes")]
    public void Bad_interval_throws_naming_it(int interval, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleProblem(interval, [1], [Day]));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Negative_requirement_names_the_index()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleProblem(30, [1, -2], [Day]));
        Assert.Equal("requirements", ex.ParamName);
        Assert.Contains("requirements[1]", ex.Message);
        Assert.Contains("-2", ex.Message);
    }

    [Fact]
    public void Duplicate_template_names_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleProblem(30, [1], [Day, Day]));
        Assert.Contains("templates[1].name", ex.Message);
    }

    [Theory]
    [InlineData(0, 0, 60, 8.0, "lengthMinutes")]
    [InlineData(480, 20, 30, 8.0, "latestStartMinute")]
    [InlineData(480, 60, 0, 8.0, "startStepMinutes")]
    [InlineData(480, 60, 30, -1.0, "cost")]
    public void Bad_template_fields_throw_naming_the_parameter(int length, int latest, int step, double cost, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ShiftTemplate("T", length, 30, latest, step, cost));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void A_break_that_cannot_fit_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ShiftTemplate("T", 120, 0, 0, 30, 1, breaks: [new BreakRule(30, 100, 110)]));
        Assert.Equal("breaks", ex.ParamName);
        Assert.Contains("breaks[0]", ex.Message);
    }
}
