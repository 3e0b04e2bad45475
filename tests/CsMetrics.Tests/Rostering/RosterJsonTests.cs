using CsMetrics.Rostering;

namespace CsMetrics.Tests.Rostering;

public class RosterJsonTests
{
    internal const string SmallJson = """
        {
          "horizonDays": 7,
          "shifts": [{ "id": "E", "minutes": 480, "cannotFollow": ["L"] }, { "id": "L", "minutes": 480 }],
          "staff": [
            { "id": "A", "maxShifts": { "E": 7, "L": 0 }, "maxTotalMinutes": 2880, "minTotalMinutes": 960, "maxConsecutiveShifts": 5, "minConsecutiveShifts": 1, "minConsecutiveDaysOff": 1, "maxWeekends": 1 },
            { "id": "B", "maxShifts": {}, "maxTotalMinutes": 2880, "minTotalMinutes": 960, "maxConsecutiveShifts": 5, "minConsecutiveShifts": 1, "minConsecutiveDaysOff": 1, "maxWeekends": 1 }
          ],
          "daysOff": [{ "employee": "A", "days": [3, 4] }],
          "shiftOnRequests": [{ "employee": "B", "day": 0, "shift": "L", "weight": 2 }],
          "shiftOffRequests": [{ "employee": "A", "day": 1, "shift": "E", "weight": 3 }],
          "cover": [{ "day": 0, "shift": "E", "requirement": 1, "underWeight": 100, "overWeight": 1 }, { "day": 0, "shift": "L", "requirement": 1, "underWeight": 100, "overWeight": 1 }]
        }
        """;

    private const string SmallText = """
        SECTION_HORIZON
        7
        SECTION_SHIFTS
        E,480,L
        L,480,
        SECTION_STAFF
        A,E=7|L=0,2880,960,5,1,1,1
        B,,2880,960,5,1,1,1
        SECTION_DAYS_OFF
        A,3,4
        SECTION_SHIFT_ON_REQUESTS
        B,0,L,2
        SECTION_SHIFT_OFF_REQUESTS
        A,1,E,3
        SECTION_COVER
        0,E,1,100,1
        0,L,1,100,1
        """;

    /// <summary>Field-by-field equality (RosterProblem and RosterContract's dictionary have no value equality).</summary>
    internal static void AssertEqual(RosterProblem expected, RosterProblem actual)
    {
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(expected.ShiftTypes, actual.ShiftTypes);
        Assert.Equal(expected.Agents.Count, actual.Agents.Count);
        for (int a = 0; a < expected.Agents.Count; a++)
        {
            var (e, g) = (expected.Agents[a], actual.Agents[a]);
            Assert.Equal(e.Id, g.Id);
            Assert.Equal(e.DaysOff, g.DaysOff);
            Assert.Equal(e.Contract.MaxShiftsPerType.OrderBy(kv => kv.Key, StringComparer.Ordinal), g.Contract.MaxShiftsPerType.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(e.Contract with { MaxShiftsPerType = g.Contract.MaxShiftsPerType }, g.Contract);
        }
        Assert.Equal(expected.Cover, actual.Cover);
        Assert.Equal(expected.ShiftOnRequests, actual.ShiftOnRequests);
        Assert.Equal(expected.ShiftOffRequests, actual.ShiftOffRequests);
    }

    private static RosterTextProblem[] Problems(string json)
    {
        var result = RosterJson.Parse(json);
        Assert.Null(result.Problem);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.NotNull(p.Path));
        return result.Problems.ToArray();
    }

    [Theory]
    [MemberData(nameof(CurtoisFormatTests.AllInstances), MemberType = typeof(CurtoisFormatTests))]
    public void Every_benchmark_instance_round_trips_through_json(int number)
    {
        var problem = CurtoisFormatTests.Instance(number);
        var json = RosterJson.Write(problem);
        var back = RosterJson.Parse(json);
        Assert.Empty(back.Problems);
        AssertEqual(problem, back.Problem!);
    }

    [Fact]
    public void A_hand_written_document_reads_as_the_same_problem_as_its_text_form()
    {
        var fromJson = RosterJson.Parse(SmallJson);
        Assert.Empty(fromJson.Problems);
        var fromText = CurtoisFormat.Parse(SmallText);
        Assert.Empty(fromText.Problems);
        AssertEqual(fromText.Problem!, fromJson.Problem!);
        Assert.Equal(new[] { 3, 4 }, fromJson.Problem!.Agents[0].DaysOff);
        Assert.Equal(0, fromJson.Problem.Agents[0].Contract.MaxShiftsPerType["L"]);
    }

    [Fact]
    public void Absent_contract_fields_take_the_contract_defaults()
    {
        var result = RosterJson.Parse("""{ "horizonDays": 2, "shifts": [{ "id": "D", "minutes": 60 }], "staff": [{ "id": "A" }] }""");
        Assert.Empty(result.Problems);
        var contract = result.Problem!.Agents[0].Contract;
        Assert.Equal(int.MaxValue, contract.MaxTotalMinutes);
        Assert.Equal(1, contract.MinConsecutiveShifts);
        Assert.Empty(contract.MaxShiftsPerType);
        Assert.Empty(result.Problem.Cover);
    }

    [Fact]
    public void A_typo_and_a_duplicate_key_are_problems_at_their_path()
    {
        int at = SmallJson.IndexOf("\"maxWeekends\"", StringComparison.Ordinal);
        var typo = Problems(SmallJson[..at] + "\"maxWeekend\"" + SmallJson[(at + "\"maxWeekends\"".Length)..]);
        var p = Assert.Single(typo);
        Assert.Equal("staff[0].maxWeekend", p.Path);
        Assert.Contains("did you mean 'maxWeekends'", p.Message);
        Assert.StartsWith("staff[0].maxWeekend: unknown field", p.ToString());

        var duplicate = Problems(SmallJson.Replace("\"id\": \"L\", \"minutes\": 480", "\"id\": \"L\", \"minutes\": 480, \"minutes\": 420"));
        Assert.Contains(duplicate, q => q.Path == "shifts[1].minutes" && q.Message.Contains("more than once"));
    }

    [Theory]
    [InlineData("\"horizonDays\": 7", "\"horizonDays\": 0", "horizonDays", "at least 1 day")]
    [InlineData("\"horizonDays\": 7", "\"horizonDays\": 7.5", "horizonDays", "whole number")]
    [InlineData("\"days\": [3, 4]", "\"days\": [3, 7]", "daysOff[0].days[1]", "outside the horizon [0, 6]")]
    [InlineData("\"days\": [3, 4]", "\"days\": [3, 3]", "daysOff[0].days[1]", "listed twice")]
    [InlineData("\"cannotFollow\": [\"L\"]", "\"cannotFollow\": [\"X\"]", "shifts[0].cannotFollow[0]", "unknown shift 'X'")]
    [InlineData("\"maxShifts\": { \"E\": 7, \"L\": 0 }", "\"maxShifts\": { \"E\": 7, \"N\": 0 }", "staff[0].maxShifts.N", "unknown field 'N'")]
    [InlineData("\"maxTotalMinutes\": 2880", "\"maxTotalMinutes\": 900", "staff[0].maxTotalMinutes", "MaxTotalMinutes must be >= MinTotalMinutes")]
    [InlineData("\"id\": \"B\"", "\"id\": \"A\"", "staff[1].id", "duplicate employee id 'A'")]
    [InlineData("\"employee\": \"B\", \"day\": 0", "\"employee\": \"Z\", \"day\": 0", "shiftOnRequests[0].employee", "unknown employee 'Z'")]
    [InlineData("\"weight\": 3", "\"weight\": -3", "shiftOffRequests[0].weight", ">= 0")]
    [InlineData("\"day\": 0, \"shift\": \"L\", \"requirement\"", "\"day\": 0, \"shift\": \"E\", \"requirement\"", "cover[1]", "a second requirement for day 0, shift 'E'")]
    [InlineData("\"horizonDays\": 7,", "", "horizonDays", "required")]
    public void Each_rule_is_a_problem_at_its_path(string from, string to, string path, string message)
    {
        Assert.Contains(from, SmallJson);
        var problems = Problems(SmallJson.Replace(from, to));
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message));
    }

    [Fact]
    public void Invalid_json_is_one_problem_at_the_document()
    {
        var p = Assert.Single(Problems("{ \"horizonDays\": 7, "));
        Assert.Equal("", p.Path);
        Assert.StartsWith("(document): not valid JSON", p.ToString());
    }
}
