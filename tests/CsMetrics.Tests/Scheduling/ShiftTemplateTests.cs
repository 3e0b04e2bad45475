using CsMetrics.Scheduling;

namespace CsMetrics.Tests.Scheduling;

public class ShiftTemplateTests
{
    [Fact]
    public void Times_of_day_and_spans_give_the_minute_template()
    {
        var template = ShiftTemplate.Create("Early", TimeSpan.FromHours(8), new TimeOnly(6, 0), new TimeOnly(9, 30), TimeSpan.FromMinutes(30), 8,
            breaks: [BreakRule.Create(TimeSpan.FromMinutes(30), TimeSpan.FromHours(3), TimeSpan.FromHours(5))]);
        Assert.Equal(new ShiftTemplate("Early", 480, 360, 570, 30, 8, breaks: [new BreakRule(30, 180, 300)]), template);
        Assert.Equal(TimeSpan.FromHours(8), template.Length);
        Assert.Equal(TimeSpan.FromMinutes(30), template.StartStep);
        Assert.Equal(TimeSpan.FromMinutes(30), template.Breaks[0].Length);
    }

    [Fact]
    public void A_latest_start_before_the_earliest_is_on_the_next_day()
    {
        var night = ShiftTemplate.Create("Night", TimeSpan.FromHours(8), new TimeOnly(22, 0), new TimeOnly(2, 0), TimeSpan.FromHours(1), 9.6);
        Assert.Equal((1320, 1560), (night.EarliestStartMinute, night.LatestStartMinute));
    }

    [Theory]
    [InlineData(30, 0, "length")]
    [InlineData(0, 30, "startStep")]
    public void Spans_that_are_not_whole_minutes_are_rejected_naming_the_parameter(int lengthSeconds, int stepSeconds, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() => ShiftTemplate.Create("T",
            TimeSpan.FromHours(4) + TimeSpan.FromSeconds(lengthSeconds), new TimeOnly(6, 0), new TimeOnly(8, 0),
            TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(stepSeconds), 4));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void A_start_that_is_not_a_whole_minute_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ShiftTemplate.Create("T", TimeSpan.FromHours(4), new TimeOnly(6, 0, 30), new TimeOnly(8, 0), TimeSpan.FromMinutes(30), 4));
        Assert.Equal("earliestStart", ex.ParamName);
    }

    [Fact]
    public void The_breaks_are_copied_and_compared_by_value()
    {
        var rules = new List<BreakRule> { new(15, 60, 120) };
        var template = new ShiftTemplate("T", 240, 0, 0, 60, 4, breaks: rules);
        rules.Add(new BreakRule(15, 150, 180));
        Assert.Single(template.Breaks);
        Assert.IsNotType<BreakRule[]>(template.Breaks);
        Assert.Equal(new ShiftTemplate("T", 240, 0, 0, 60, 4, breaks: [new BreakRule(15, 60, 120)]).GetHashCode(), template.GetHashCode());
        Assert.NotEqual(new ShiftTemplate("T", 240, 0, 0, 60, 4), template);
    }
}
