using CsMetrics.Rostering;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Rostering;

public class CurtoisFormatTests
{
    public static TheoryData<int> AllInstances() => new(Enumerable.Range(1, 24));

    internal static RosterProblem Instance(int number)
    {
        var result = CurtoisFormat.Parse(ReferenceData.ReadText($"rostering/Instance{number}.txt"));
        Assert.Empty(result.Problems);
        return result.Problem!;
    }

    [Theory]
    [MemberData(nameof(AllInstances))]
    public void Every_benchmark_instance_reads_without_problems_and_agrees_with_a_line_count(int number)
    {
        var text = ReferenceData.ReadText($"rostering/Instance{number}.txt");
        var problem = Instance(number);
        // Independent count: the data lines of each section, by a plain scan of the text.
        var counts = new Dictionary<string, int>();
        string? section = null;
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("SECTION_")) { section = line; counts[section] = 0; }
            else if (line.Length > 0 && !line.StartsWith('#') && section is not null) { counts[section]++; }
        }
        Assert.Equal(counts["SECTION_SHIFTS"], problem.ShiftTypes.Count);
        Assert.Equal(counts["SECTION_STAFF"], problem.Agents.Count);
        Assert.Equal(counts["SECTION_SHIFT_ON_REQUESTS"], problem.ShiftOnRequests.Count);
        Assert.Equal(counts["SECTION_SHIFT_OFF_REQUESTS"], problem.ShiftOffRequests.Count);
        Assert.Equal(counts["SECTION_COVER"], problem.Cover.Count);
        Assert.Equal(0, problem.Days % 7);
    }

    [Fact]
    public void Instance1_reads_as_written()
    {
        var p = Instance(1);
        Assert.Equal(14, p.Days);
        Assert.Equal(new RosterShiftType("D", 480), p.ShiftTypes.Single());
        Assert.Equal(8, p.Agents.Count);
        var a = p.Agents[0];
        Assert.Equal("A", a.Id);
        Assert.Equal(14, a.Contract.MaxShiftsPerType["D"]);
        Assert.Equal(4320, a.Contract.MaxTotalMinutes);
        Assert.Equal(3360, a.Contract.MinTotalMinutes);
        Assert.Equal(5, a.Contract.MaxConsecutiveShifts);
        Assert.Equal(2, a.Contract.MinConsecutiveShifts);
        Assert.Equal(2, a.Contract.MinConsecutiveDaysOff);
        Assert.Equal(1, a.Contract.MaxWeekends);
        Assert.Equal([0], a.DaysOff);
        Assert.Equal(new ShiftRequest("B", 0, "D", 3), p.ShiftOnRequests[2]);
        Assert.Equal(new ShiftRequest("H", 3, "D", 3), p.ShiftOffRequests[^1]);
        Assert.Equal(new CoverRequirement(13, "D", 4, 100, 1), p.Cover[^1]);
    }

    [Fact]
    public void Forbidden_successions_and_max_shifts_per_type_read_as_written()
    {
        var p = Instance(7);
        Assert.Equal(["E", "D"], p.ShiftTypes[2].ForbiddenNext);
        Assert.Empty(p.ShiftTypes[0].ForbiddenNext);
        Assert.Equal(9, p.Agents[2].Contract.MaxShiftsPerType["L"]);
        Assert.Equal(0, p.Agents[0].Contract.MaxShiftsPerType["L"]);
    }

    private const string Small = """
        SECTION_HORIZON
        7

        SECTION_SHIFTS
        D,480,
        N,480,D

        SECTION_STAFF
        A,D=7|N=2,2400,960,5,1,1,1

        SECTION_DAYS_OFF
        A,3

        SECTION_SHIFT_ON_REQUESTS
        A,0,D,2

        SECTION_SHIFT_OFF_REQUESTS
        A,1,N,1

        SECTION_COVER
        0,D,1,100,1
        """;

    [Fact]
    public void A_small_text_reads_with_crlf_line_ends()
    {
        var result = CurtoisFormat.Parse(Small.Replace("\n", "\r\n"));
        Assert.Empty(result.Problems);
        Assert.Equal(7, result.Problem!.Days);
        Assert.Equal(["D"], result.Problem.ShiftTypes[1].ForbiddenNext);
    }

    [Theory]
    [InlineData("A,D=7|N=2,2400,960,5,1,1,1", "A,D=7|N=2,2400,960,5,1,1", 9, "STAFF", "expected 8 comma-separated fields")]
    [InlineData("A,D=7|N=2,2400,960,5,1,1,1", "A,D=7|X=2,2400,960,5,1,1,1", 9, "STAFF", "unknown shift in max shifts 'X'")]
    [InlineData("A,D=7|N=2,2400,960,5,1,1,1", "A,D=7|N=2,2400,9.6e2,5,1,1,1", 9, "STAFF", "min total minutes must be a whole number; got '9.6e2'")]
    [InlineData("A,D=7|N=2,2400,960,5,1,1,1", "A,D=7|N=2,900,960,5,1,1,1", 9, "STAFF", "MaxTotalMinutes must be >= MinTotalMinutes")]
    [InlineData("A,3", "A,7", 12, "DAYS_OFF", "day 7 is outside the horizon [0, 6]")]
    [InlineData("A,0,D,2", "B,0,D,2", 15, "SHIFT_ON_REQUESTS", "unknown employee 'B'")]
    [InlineData("A,1,N,1", "A,1,N,-1", 18, "SHIFT_OFF_REQUESTS", "the weight must be >= 0; got -1")]
    [InlineData("0,D,1,100,1", "0,D,1,100,1\n0,D,2,100,1", 22, "COVER", "a second requirement for day 0, shift 'D' (first at line 21)")]
    [InlineData("N,480,D", "N,480,Q", 6, "SHIFTS", "unknown shift 'Q'")]
    [InlineData("N,480,D", "D,480,", 6, "SHIFTS", "duplicate shift id 'D' (first at line 5)")]
    [InlineData("SECTION_COVER", "SECTION_CUVER", 20, "CUVER", "unknown section 'SECTION_CUVER'")]
    [InlineData("7\n", "seven\n", 2, "HORIZON", "the horizon must be a whole number; got 'seven'")]
    public void Problems_name_the_line_the_section_and_the_value(string from, string to, int line, string section, string message)
    {
        var result = CurtoisFormat.Parse(Small.Replace(from, to));
        Assert.Null(result.Problem);
        var problem = Assert.Single(result.Problems, p => p.Line == line);
        Assert.Equal(section, problem.Section);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void A_missing_required_section_is_a_problem()
    {
        var result = CurtoisFormat.Parse("SECTION_HORIZON\n7\n");
        Assert.Null(result.Problem);
        Assert.Contains(result.Problems, p => p.Section == "SHIFTS" && p.Message.Contains("missing"));
        Assert.Contains(result.Problems, p => p.Section == "STAFF" && p.Message.Contains("missing"));
    }

    [Fact]
    public void Rows_are_written_agent_by_agent_with_days_off_omitted()
    {
        var p = CurtoisFormat.Parse(Small).Problem!;
        var roster = Roster.FromAssignments(p, [("A", 2, "N"), ("A", 0, "D")]);
        var writer = new StringWriter();
        RosterRows.Write(roster, writer);
        Assert.Equal("employee,day,shift\nA,0,D\nA,2,N\n", writer.ToString());
    }
}
