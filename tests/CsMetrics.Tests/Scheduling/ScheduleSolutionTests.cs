using CsMetrics.Scheduling;

namespace CsMetrics.Tests.Scheduling;

public class ScheduleSolutionTests
{
    private static readonly ShiftTemplate Early = new("Early", 240, 360, 480, 60, 4, breaks: [new BreakRule(60, 60, 120)]);
    private static readonly ScheduleProblem Problem = new(60, [0, 0, 0, 0, 0, 0, 2, 2, 3, 3, 2, 1], [Early], understaffCost: 10, overstaffCost: 1);

    [Fact]
    public void Any_schedule_is_scored_from_its_shifts_alone()
    {
        var shifts = new[] { new ScheduledShift("Early", 0, 360, [420], 2), new ScheduledShift("Early", 0, 420, [540], 1) };
        var solution = ScheduleSolution.Evaluate(Problem, shifts);
        Assert.Equal(ScheduleStatus.Evaluated, solution.Status);
        Assert.Equal(ScheduleOracle.Coverage(Problem, shifts), solution.Coverage);
        Assert.Equal(ScheduleOracle.Cost(Problem, shifts), solution.Cost, 12);
        Assert.True(double.IsNaN(solution.LowerBound));
        Assert.True(double.IsNaN(solution.Gap));
        Assert.Equal(shifts, solution.Shifts);
    }

    [Fact]
    public void A_bound_from_elsewhere_gives_the_gap()
    {
        var shifts = new[] { new ScheduledShift("Early", 0, 360, [420], 2) };
        double cost = ScheduleOracle.Cost(Problem, shifts);
        var solution = ScheduleSolution.Evaluate(Problem, shifts, lowerBound: cost / 2);
        Assert.Equal(0.5, solution.Gap, 12);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleSolution.Evaluate(Problem, shifts, lowerBound: cost + 1));
        Assert.Equal("lowerBound", ex.ParamName);
    }

    [Fact]
    public void A_shift_the_problem_does_not_allow_is_rejected_with_its_index()
    {
        var ex = Assert.Throws<ArgumentException>(() => ScheduleSolution.Evaluate(Problem, [new ScheduledShift("Early", 0, 360, [420], 1), new ScheduledShift("Early", 0, 390, [450], 1)]));
        Assert.Equal("shifts", ex.ParamName);
        Assert.Contains("shifts[1].startMinute", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_coverage_left_short_is_reported_not_hidden()
    {
        var hard = new ScheduleProblem(60, [0, 0, 0, 0, 0, 0, 2, 2, 3, 3, 2, 1], [Early]);
        var solution = ScheduleSolution.Evaluate(hard, [new ScheduledShift("Early", 0, 360, [420], 1)]);
        Assert.True(solution.Understaffed > 0);
        Assert.Contains("short of the hard coverage", solution.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_lists_cannot_be_changed_through_a_cast()
    {
        var solution = ShiftScheduler.Solve(Problem, new ScheduleSolverOptions { TimeLimit = TimeSpan.FromSeconds(1) });
        Assert.IsNotType<int[]>(solution.Coverage);
        Assert.IsNotType<int[]>(solution.UnderstaffedByInterval);
        Assert.IsNotType<int[]>(solution.OverstaffedByInterval);
        Assert.IsNotType<ScheduledShift[]>(solution.Shifts);
        Assert.IsNotType<List<ScheduledShift>>(solution.Shifts);
    }

    [Fact]
    public void Shift_times_are_date_times_with_ends_and_breaks()
    {
        var solution = ScheduleSolution.Evaluate(Problem, [new ScheduledShift("Early", 0, 360, [420], 2)]);
        var monday = new DateTime(2026, 3, 2);
        var timed = Assert.Single(solution.ShiftTimes(monday));
        Assert.Equal(new TimedShift("Early", monday.AddHours(6), monday.AddHours(10), [new TimedBreak(monday.AddHours(7), monday.AddHours(8))], 2), timed);
        Assert.Equal("Early 2026-03-02 06:00-10:00 breaks 07:00-08:00 x2", timed.ToString());
    }
}
