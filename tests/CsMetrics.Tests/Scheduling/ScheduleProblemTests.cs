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
        // Two agents of a template costing 4; no staffing costs (hard coverage charges nothing here).
        Assert.Equal(8, problem.CostOf([new ScheduledShift("Night", 0, 1320, [1380], 2)], coverage), 12);
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

    [Theory]
    [InlineData(3, 30)]
    [InlineData(30, 60)]
    [InlineData(47, 30)]
    public void A_cyclic_horizon_must_be_whole_days(int intervals, int intervalMinutes)
    {
        var template = new ShiftTemplate("Short", 60, 0, 0, 60, 1);
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleProblem(intervalMinutes, new int[intervals], [template], cyclic: true));
        Assert.Equal("requirements", ex.ParamName);
        Assert.Contains("whole number of days", ex.Message, StringComparison.Ordinal);
        _ = new ScheduleProblem(intervalMinutes, new int[intervals], [template], cyclic: false);
    }

    [Theory]
    [InlineData(1500, 0)]
    [InlineData(1440, 30)]
    public void A_shift_longer_than_a_cyclic_horizon_is_rejected(int length, int start)
    {
        // 24 hourly intervals; a 1440-minute shift from 00:30 meets 25 intervals and would cover 00:00 twice.
        var template = new ShiftTemplate("Long", length, start, start, 30, 1);
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleProblem(60, new int[24], [template], cyclic: true));
        Assert.Equal("templates", ex.ParamName);
        Assert.Contains("templates[0].lengthMinutes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shift_as_long_as_a_cyclic_horizon_covers_every_interval_once()
    {
        var template = new ShiftTemplate("Day", 1440, 0, 0, 60, 1);
        var problem = new ScheduleProblem(60, Enumerable.Repeat(1, 24), [template], cyclic: true);
        var solution = ShiftScheduler.Solve(problem);
        Assert.Equal(Enumerable.Repeat(1, 24), solution.Coverage);
        Assert.Equal(1, solution.Cost, 12);
        Assert.Equal(ScheduleStatus.Optimal, solution.Status);
    }

    [Fact]
    public void A_shift_longer_than_a_non_cyclic_horizon_covers_what_lies_inside_once()
    {
        var template = new ShiftTemplate("FT8", 480, 0, 0, 60, 8);
        var problem = new ScheduleProblem(60, [2, 2, 2], [template], understaffCost: 100);
        var solution = ShiftScheduler.Solve(problem);
        Assert.Equal([2, 2, 2], solution.Coverage);
        Assert.Equal(16, solution.Cost, 12);
    }

    [Fact]
    public void A_requirement_above_the_limit_names_its_index()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleProblem(60, [1, ScheduleProblem.MaxRequirement + 1], [Day]));
        Assert.Equal("requirements", ex.ParamName);
        Assert.Contains("requirements[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_that_would_overflow_an_int_is_an_error_not_a_negative_count()
    {
        var problem = new ScheduleProblem(30, new int[48], [Day]);
        var shifts = new[] { new ScheduledShift("Day", 0, 360, [600], int.MaxValue), new ScheduledShift("Day", 0, 360, [600], 1) };
        var ex = Assert.Throws<ArgumentException>(() => problem.Coverage(shifts, new int[48]));
        Assert.Equal("shifts", ex.ParamName);
        Assert.Contains("shifts[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_requirements_cannot_be_changed_through_the_result()
    {
        int[] requirements = [1, 2, 3];
        var problem = new ScheduleProblem(60, requirements, [new ShiftTemplate("A", 60, 0, 120, 60, 1)]);
        requirements[0] = 99;
        Assert.Equal(1, problem.Requirements[0]);
        Assert.IsNotType<int[]>(problem.Requirements);
        Assert.IsNotType<ShiftTemplate[]>(problem.Templates);
    }

    [Fact]
    public void Problems_with_equal_fields_are_equal()
    {
        ScheduleProblem Make() => new(30, [1, 2, 3], [new ShiftTemplate("A", 60, 0, 60, 30, 1, breaks: [])], understaffCost: 5);
        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
        Assert.NotEqual(Make(), new ScheduleProblem(30, [1, 2, 4], [new ShiftTemplate("A", 60, 0, 60, 30, 1)], understaffCost: 5));
    }

    [Fact]
    public void The_interval_can_be_a_time_span()
    {
        var problem = ScheduleProblem.Create(TimeSpan.FromMinutes(30), [1, 1], [Day]);
        Assert.Equal(30, problem.IntervalMinutes);
        Assert.Equal(TimeSpan.FromMinutes(30), problem.Interval);
        var ex = Assert.Throws<ArgumentException>(() => ScheduleProblem.Create(TimeSpan.FromSeconds(90), [1], [Day]));
        Assert.Equal("interval", ex.ParamName);
    }
}
