using CsMetrics.Scheduling;

namespace CsMetrics.Tests.Scheduling;

public class ScheduledShiftTests
{
    [Fact]
    public void Shifts_with_equal_fields_are_equal_and_hash_alike()
    {
        var a = new ScheduledShift("FT8", 1, 360, [600, 720], 3);
        var b = new ScheduledShift("FT8", 1, 360, new List<int> { 600, 720 }, 3);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ScheduledShift("FT8", 1, 360, [600, 750], 3));
        Assert.NotEqual(a, new ScheduledShift("FT8", 1, 360, [600, 720], 4));
    }

    [Fact]
    public void Two_identical_solves_give_equal_shifts()
    {
        var problem = ScheduleOracle.RandomProblem(11, breaks: true, soft: true, hours: 12);
        var options = new ScheduleSolverOptions { TimeLimit = TimeSpan.FromSeconds(1) };
        Assert.Equal(ShiftScheduler.Solve(problem, options).Shifts, ShiftScheduler.Solve(problem, options).Shifts);
    }

    [Fact]
    public void The_break_starts_are_copied()
    {
        int[] breaks = [600];
        var shift = new ScheduledShift("FT8", 0, 360, breaks, 1);
        breaks[0] = 0;
        Assert.Equal(600, shift.BreakStartMinutes[0]);
        Assert.IsNotType<int[]>(shift.BreakStartMinutes);
    }

    [Fact]
    public void Starts_are_date_times_from_the_horizon_start()
    {
        var monday = new DateTime(2026, 3, 2);
        var shift = new ScheduledShift("N8", 2, 1320, [1500], 1);
        Assert.Equal(TimeSpan.FromDays(2) + TimeSpan.FromHours(22), shift.StartOffset);
        Assert.Equal(new DateTime(2026, 3, 4, 22, 0, 0), shift.StartAt(monday));
        Assert.Equal([new DateTime(2026, 3, 5, 1, 0, 0)], shift.BreakStartsAt(monday));
    }

    [Theory]
    [InlineData(-1, 0, 1, "day")]
    [InlineData(0, -1, 1, "startMinute")]
    [InlineData(0, 0, 0, "agents")]
    public void Out_of_range_fields_are_rejected_naming_the_parameter(int day, int start, int agents, string parameter)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new ScheduledShift("A", day, start, [], agents));
        Assert.Equal(parameter, ex.ParamName);
    }
}
