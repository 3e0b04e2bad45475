using System.Globalization;
using System.Text;
using CsMetrics.Data;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary><c>csmetrics report</c>: the contract, DST calendars, bad input, formats, and plan from its output.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly string[] Contract =
        ["interval_start", "offered", "answered", "abandoned", "short_abandoned", "answered_within", "service_level",
         "abandon_rate", "asa_s", "aht_s", "talk_s", "hold_s", "wrap_s"];

    private readonly string _directory = Directory.CreateTempSubdirectory("csmetrics-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        using var reader = TableReader.OpenCsv(new StringReader(csv), "out");
        var rows = new List<Dictionary<string, string>>();
        while (reader.MoveNext())
        {
            rows.Add(reader.Columns.Select((c, i) => (c, reader.GetString(i) ?? "")).ToDictionary(p => p.c, p => p.Item2));
        }
        return rows;
    }

    private const string Contacts =
        "arrival,queue,outcome,wait_s,talk_s,hold_s,wrap_s\n" +
        "2026-05-04T09:05:00+01:00,sales,answered,20,100,10,20\n" +     // a wait equal to the threshold is within it
        "2026-05-04T09:10:00+01:00,sales,abandoned,3,,,\n" +
        "2026-05-04T09:20:00+01:00,sales,answered,40,200,0,10\n" +
        "2026-05-04T10:10:00+01:00,sales,answered,5,300,,\n" +
        "2026-05-04T08:15:00Z,support,answered,1,60,0,0\n";             // 09:15 in London

    [Fact]
    public void The_contract_columns_in_key_then_time_order_with_every_interval()
    {
        var result = CliRunner.RunWithInput(Contacts, "report", "--by", "queue,interval", "--time-zone", "Europe/London", "--short-abandon", "5");
        Assert.True(result.ExitCode == 0, result.Error);
        var header = result.Output.Split('\n')[0].Trim().Split(',');
        Assert.Equal(["queue", .. Contract], header);
        var rows = Rows(result.Output);
        // 09:00, 09:30, 10:00 for each queue: the calendar runs from the first contact's interval to the last one's.
        Assert.Equal(["sales", "sales", "sales", "support", "support", "support"], rows.Select(r => r["queue"]));
        Assert.Equal(["2026-05-04T09:00:00+01:00", "2026-05-04T09:30:00+01:00", "2026-05-04T10:00:00+01:00"], rows.Take(3).Select(r => r["interval_start"]));
        var first = rows[0];
        Assert.Equal(("3", "2", "1", "1", "1"), (first["offered"], first["answered"], first["abandoned"], first["short_abandoned"], first["answered_within"]));
        Assert.Equal(1.0 / 3, double.Parse(first["service_level"], CultureInfo.InvariantCulture), 12); // abandons missed
        Assert.Equal(1.0 / 3, double.Parse(first["abandon_rate"], CultureInfo.InvariantCulture), 12);
        Assert.Equal(30, double.Parse(first["asa_s"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(170, double.Parse(first["aht_s"], CultureInfo.InvariantCulture), 9);
        Assert.Equal(5, double.Parse(first["hold_s"], CultureInfo.InvariantCulture), 9);
        var empty = rows[1];
        Assert.Equal("0", empty["offered"]);
        Assert.Equal(("", "", "", ""), (empty["service_level"], empty["abandon_rate"], empty["asa_s"], empty["aht_s"]));
        Assert.Equal(("1", "0"), (rows[3]["offered"], rows[4]["offered"])); // 08:15Z is 09:15 in London: the 09:00 interval
    }

    [Fact]
    public void Abandon_policy_and_survey_columns()
    {
        const string text = "arrival,outcome,wait_s,csat,nps,resolved\n" +
            "2026-05-04T09:05:00Z,answered,10,5,10,1\n2026-05-04T09:06:00Z,abandoned,10,,,\n2026-05-04T09:07:00Z,answered,30,2,3,0\n";
        var result = CliRunner.RunWithInput(text, "report", "--abandon-policy", "met-within");
        Assert.True(result.ExitCode == 0, result.Error);
        var row = Assert.Single(Rows(result.Output));
        Assert.Equal(2.0 / 3, double.Parse(row["service_level"], CultureInfo.InvariantCulture), 12);
        Assert.Equal(0.5, double.Parse(row["csat"], CultureInfo.InvariantCulture));
        Assert.Equal(0, double.Parse(row["nps"], CultureInfo.InvariantCulture));
        Assert.Equal(0.5, double.Parse(row["fcr"], CultureInfo.InvariantCulture));
        Assert.Equal("2", row["csat_responses"]);
        Assert.True(double.Parse(row["csat_lower"], CultureInfo.InvariantCulture) < 0.5);
    }

    [Theory]
    [InlineData("Europe/London", "2026-03-29", 46)]
    [InlineData("Europe/London", "2026-10-25", 50)]
    [InlineData("America/New_York", "2026-03-08", 46)]
    public void A_dst_day_in_the_report_has_its_real_number_of_intervals(string zone, string day, int expected)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var date = DateTime.Parse(day, CultureInfo.InvariantCulture);
        var start = TimeZoneInfo.ConvertTimeToUtc(date, tz);
        var end = TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1), tz).AddMinutes(-1);
        var text = $"arrival,outcome,wait_s\n{start:yyyy-MM-dd'T'HH:mm:ss'Z'},answered,1\n{end:yyyy-MM-dd'T'HH:mm:ss'Z'},answered,1\n";
        var result = CliRunner.RunWithInput(text, "report", "--by", "interval", "--time-zone", zone);
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = Rows(result.Output);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(2, rows.Sum(r => int.Parse(r["offered"], CultureInfo.InvariantCulture)));
        Assert.Equal(rows.Count, rows.Select(r => r["interval_start"]).Distinct().Count()); // the repeated hour differs by its offset
    }

    [Fact]
    public void Bad_records_are_reported_every_one_with_row_and_column_and_nothing_is_written()
    {
        const string text = "arrival,outcome,wait_s\n" +
            "2026-05-04T09:05:00,answered,10\n" +          // no offset and no --time-zone
            "2026-05-04T09:06:00Z,hung-up,10\n" +
            "2026-05-04T09:07:00Z,answered,\"2,5\"\n" +
            "yesterday,abandoned,-1\n";
        var result = CliRunner.RunWithInput(text, "report");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "error: <stdin>: row 2, column 'arrival': '2026-05-04T09:05:00' has no offset: give one (Z, +01:00) or the time zone it is local to",
                "error: <stdin>: row 3, column 'outcome': 'hung-up' is not answered or abandoned",
                "error: <stdin>: row 4, column 'wait_s': '2,5' is not a number (use '.' for decimals)",
                "error: <stdin>: row 5, column 'arrival': 'yesterday' is not an ISO 8601 timestamp like 2026-03-29T08:30:00+01:00",
                "error: <stdin>: row 5, column 'wait_s': -1 is out of range: must be >= 0 and <= 1000000000",
            ],
            lines);
    }

    [Fact]
    public void Local_times_in_a_dst_gap_or_overlap_are_errors_not_guesses()
    {
        const string text = "arrival,outcome,wait_s\n2026-03-29T01:30:00,answered,1\n2026-10-25T01:30:00,answered,1\n2026-10-25T03:30:00,answered,1\n";
        var result = CliRunner.RunWithInput(text, "report", "--time-zone", "Europe/London");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("row 2, column 'arrival': '2026-03-29T01:30:00' does not exist in Europe/London", result.Error);
        Assert.Contains("row 3, column 'arrival': '2026-10-25T01:30:00' happens twice in Europe/London", result.Error);
        Assert.DoesNotContain("row 4", result.Error);
    }

    [Theory]
    [InlineData(new[] { "--by", "queue" }, "--by queue needs a 'queue' column")]
    [InlineData(new[] { "--by", "interval,day" }, "--by: one time bucket at most")]
    [InlineData(new[] { "--by", "hour" }, "--by: 'hour' is not queue, channel, agent, interval, day, week or month")]
    [InlineData(new[] { "--interval-minutes", "7" }, "must divide a day")]
    [InlineData(new[] { "--time-zone", "Mars/Olympus" }, "--time-zone: 'Mars/Olympus' is not an IANA time zone")]
    [InlineData(new[] { "--short-abandon", "30" }, "--short-abandon: must be in [0, --answer-threshold]")]
    [InlineData(new[] { "--format", "parquet" }, "--format: parquet output is binary: give --output FILE")]
    public void Bad_options_are_errors(string[] options, string expected)
    {
        var result = CliRunner.RunWithInput("arrival,outcome,wait_s\n2026-05-04T09:05:00Z,answered,10\n", ["report", .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void Json_and_parquet_in_and_out()
    {
        var json = CliRunner.RunWithInput("""[{"arrival": "2026-05-04T09:05:00Z", "outcome": "answered", "wait_s": 10, "queue": "q"}]""", "report", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Contains("\"offered\": 1", json.Output);

        string parquet = Path.Combine(_directory, "report.parquet");
        var result = CliRunner.RunWithInput(Contacts, "report", "--time-zone", "Europe/London", "--format", "csv", "--output", Path.Combine(_directory, "r.csv"));
        Assert.Equal(0, result.ExitCode);
        string contactsParquet = Path.Combine(_directory, "contacts.parquet");
        using (var input = TableReader.OpenCsv(new StringReader(Contacts), "c"))
        using (var writer = TableWriter.Create(File.Create(contactsParquet), TableFormat.Parquet, input.Columns.Select(c => c is "wait_s" ? TableColumn.Number(c) : TableColumn.Text(c)).ToArray()))
        {
            while (input.MoveNext())
            {
                for (int c = 0; c < input.Columns.Count; c++)
                {
                    if (input.Columns[c] == "wait_s")
                    {
                        writer.Write(input.ReadDouble(c));
                    }
                    else
                    {
                        writer.Write(input.GetString(c));
                    }
                }
                writer.EndRow();
            }
        }
        var fromParquet = CliRunner.Run("report", "--input", contactsParquet, "--format", "parquet", "--time-zone", "Europe/London", "--output", parquet);
        Assert.True(fromParquet.ExitCode == 0, fromParquet.Error);
        using var back = TableReader.Open(parquet);
        var offered = new List<double>();
        while (back.MoveNext())
        {
            offered.Add(back.ReadDouble(back.ColumnIndex("offered")));
        }
        Assert.Equal(Rows(File.ReadAllText(Path.Combine(_directory, "r.csv"))).Select(r => double.Parse(r["offered"], CultureInfo.InvariantCulture)), offered);
    }

    [Fact]
    public void Plan_plans_from_a_report_across_a_dst_change()
    {
        // Two weeks and a day of London days around the spring change, four contacts an hour in opening hours.
        var text = new StringBuilder("arrival,outcome,wait_s,talk_s\n");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var firstDay = new DateTime(2026, 3, 16);
        for (var day = firstDay; day < firstDay.AddDays(15); day = day.AddDays(1))
        {
            for (int minute = 8 * 60; minute < 18 * 60; minute += 15)
            {
                var utc = TimeZoneInfo.ConvertTimeToUtc(day.AddMinutes(minute), london);
                text.Append(CultureInfo.InvariantCulture, $"{utc:yyyy-MM-dd'T'HH:mm:ss'Z'},answered,{minute % 40},{180 + minute % 60}\n");
            }
        }
        // The calendar must run from a local midnight to a local midnight: two empty-interval anchors.
        text.Append(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTimeToUtc(firstDay, london):yyyy-MM-dd'T'HH:mm:ss'Z'},abandoned,0,\n");
        text.Append(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTimeToUtc(firstDay.AddDays(15).AddMinutes(-30), london):yyyy-MM-dd'T'HH:mm:ss'Z'},abandoned,0,\n");
        string contacts = Path.Combine(_directory, "contacts.csv");
        File.WriteAllText(contacts, text.ToString());
        string report = Path.Combine(_directory, "report.csv");
        var reported = CliRunner.Run("report", "--input", contacts, "--by", "interval", "--time-zone", "Europe/London", "--output", report);
        Assert.True(reported.ExitCode == 0, reported.Error);
        Assert.Equal(15 * 48 - 2, Rows(File.ReadAllText(report)).Count); // the 29th has 46 half-hours

        var plan = CliRunner.Run("plan", "--input", report, "--timestamp-column", "interval_start", "--value-column", "offered", "--time-limit-s", "1", "--horizon-days", "2", "--forecast-method", "seasonal-naive");
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Contains("720 intervals from 2026-03-16 00:00", plan.Output); // on the local grid: 15 days of 48
        Assert.Contains("2026-03-31", plan.Output);
    }
}
