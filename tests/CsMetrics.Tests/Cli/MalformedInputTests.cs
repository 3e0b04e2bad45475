using System.Text;
using CsMetrics.Cli;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Cli;

/// <summary>
/// Random malformed CSV and JSON fed to every command's reader: the exit code is 0 or 2, never 1; a run
/// never hangs (each case is bounded); after an error nothing is on standard output and every line on
/// standard error is an <c>error:</c> line.
/// </summary>
public class MalformedInputTests
{
    /// <summary>Generous: a case takes milliseconds; only a hang comes near it.</summary>
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(60);

    private sealed record CommandShape(string[] Args, string[] Columns, bool Json);

    private static readonly CommandShape[] Shapes =
    [
        new(["staffing"], ["contacts", "interval_s", "aht_s", "answer_s", "target_sl", "max_occupancy", "max_asa_s", "shrinkage", "patience_s", "max_abandon", "traffic", "agents"], true),
        new(["queue"], ["contacts", "interval_s", "aht_s", "answer_s", "agents", "patience_s", "traffic"], true),
        new(["metrics", "--metric", "nps", "--column", "score"], ["score", "queue"], true),
        new(["metrics", "--metric", "csat", "--column", "score"], ["score"], true),
        new(["metrics", "--metric", "ces", "--column", "score"], ["score"], true),
        new(["metrics", "--metric", "fcr", "--column", "score"], ["score"], true),
        new(["metrics", "--metric", "aht", "--talk-column", "talk", "--hold-column", "hold", "--wrap-column", "wrap"], ["talk", "hold", "wrap"], true),
        new(["metrics", "--metric", "service-level", "--column", "wait", "--answered-column", "answered"], ["wait", "answered"], true),
        new(["metrics", "--metric", "abandonment", "--column", "wait", "--answered-column", "answered", "--short-abandon", "5"], ["wait", "answered"], true),
        new(["metrics", "--metric", "percentile", "--column", "wait", "--p", "90"], ["wait"], true),
        new(["forecast", "--season-length", "2", "--horizon", "3"], ["value", "series", "timestamp"], false),
        new(["servqual"], ["e1", "p1", "e2", "p2", "e3", "p3", "w1", "a1", "d1"], true),
        new(["servqual", "--map", "Speed=1-2;Care=3", "--scale-max", "5"], ["e1", "p1", "e2", "p2", "e3", "p3", "w1", "w2"], true),
        new(["qa"], ["agent", "team", "period", "Information accurate", "Product explained clearly", "Tone and empathy", "Clarity", "Identity verified"], true),
        new(["agreement"], ["unit", "r1", "r2", "r3", "R1"], true),
        new(["agreement", "--expert", "r1"], ["unit", "r1", "r2", "r3"], true),
        new(["ahp"], ["criterion", "A", "B", "C", "a"], true),
    ];

    private static readonly string[] Cells =
    [
        "", " ", "0", "1", "2", "5", "7", "9", "10", "11", "20", "30", "100", "1800", "180", "0.8", "0.95", "1.5", "-1",
        "-0", "1e-300", "1e300", "1e308", "1.8e308", "NaN", "Infinity", "-Infinity", "2,8", "1,000", "0x10", "abc", "yes",
        "true", "1/3", "9/1", "1/9", "\"1\"", "\"a,b\"", "\"unclosed", "\"\"", "é", "José", "\u0000", "\t5", "5 ", "+3",
        "1_000", "٣", "999999999999999999999", "2026-11-23T08:00", "2026-11-23T08:00+01:00", "2026-02-30T00:00", "NA", "null",
    ];

    public static Arbitrary<(int Shape, int Seed, bool Json)> Cases() =>
        Gen.Choose(0, Shapes.Length - 1)
            .SelectMany(shape => Gen.Choose(0, int.MaxValue - 1), (shape, seed) => (shape, seed))
            .SelectMany(_ => ArbMap.Default.GeneratorFor<bool>(), (p, json) => (p.shape, p.seed, json))
            .ToArbitrary();

    [Property(MaxTest = 300, Arbitrary = [typeof(MalformedInputTests)])]
    public void Every_command_answers_malformed_input_with_0_or_2_and_no_output_after_an_error((int Shape, int Seed, bool Json) testCase)
    {
        var shape = Shapes[testCase.Shape];
        var random = new Random(testCase.Seed);
        bool json = testCase.Json && shape.Json;
        byte[] input = json ? RandomJson(random, shape.Columns) : RandomCsv(random, shape.Columns);
        string[] args = json ? [.. shape.Args, "--format", "json"] : shape.Args;
        AssertAnswersCleanly(args, input);
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(MalformedInputTests)])]
    public void The_schedule_reader_answers_malformed_json_with_0_or_2((int Shape, int Seed, bool Json) testCase)
    {
        var random = new Random(testCase.Seed);
        string[] fields = ["intervalMinutes", "cyclic", "requirements", "understaffCost", "overstaffCost", "timeLimitSeconds", "seed", "templates",
            "name", "lengthMinutes", "earliestStartMinute", "latestStartMinute", "startStepMinutes", "maxAgents", "breaks", "cost"];
        AssertAnswersCleanly(["schedule"], RandomJsonDocument(random, fields, depth: 0));
    }

    private static void AssertAnswersCleanly(string[] args, byte[] input)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(""), output, error, IsInteractive: false, InBytes: new MemoryStream(input));
        var run = Task.Run(() => CliApp.Run(args, context));
        string shown = $"csmetrics {string.Join(' ', args)} with input:\n{Encoding.UTF8.GetString(input)}";
        Assert.True(run.Wait(CaseLimit), $"no answer within {CaseLimit.TotalSeconds} s: {shown}");
        int exit = run.Result;
        Assert.True(exit is 0 or 2, $"exit {exit}: {error}\n{shown}");
        if (exit == 2)
        {
            Assert.True(output.ToString().Length == 0, $"output after an error: {shown}");
            foreach (var line in error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Assert.True(line.StartsWith("error: ", StringComparison.Ordinal) || line.StartsWith("Run 'csmetrics", StringComparison.Ordinal),
                    $"not an error line: '{line}'\n{shown}");
            }
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static byte[] RandomCsv(Random random, string[] columns)
    {
        var text = new StringBuilder();
        if (random.Next(10) == 0)
        {
            text.Append('\uFEFF');
        }
        int width = random.Next(0, columns.Length + 3);
        var header = new List<string>();
        for (int c = 0; c < width; c++)
        {
            // Mostly the command's own columns, sometimes junk, a duplicate or another case.
            header.Add(random.Next(8) switch
            {
                0 => Pick(random, Cells),
                1 when header.Count > 0 => Pick(random, header).ToUpperInvariant(),
                _ => Pick(random, columns),
            });
        }
        if (random.Next(6) > 0)
        {
            header = header.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        text.Append(string.Join(',', header)).Append(random.Next(4) == 0 ? "\r\n" : "\n");
        int rows = random.Next(0, 14);
        for (int r = 0; r < rows; r++)
        {
            int cells = header.Count + (random.Next(6) == 0 ? random.Next(-2, 3) : 0);
            text.Append(string.Join(',', Enumerable.Range(0, Math.Max(0, cells)).Select(_ => Pick(random, Cells))));
            text.Append(random.Next(10) == 0 ? "" : "\n");
        }
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        if (random.Next(12) == 0 && bytes.Count > 0)
        {
            // A Windows-1252 byte somewhere: not UTF-8.
            bytes.Insert(random.Next(bytes.Count), 0xE9);
        }
        return [.. bytes];
    }

    private static byte[] RandomJson(Random random, string[] columns)
    {
        if (random.Next(8) == 0)
        {
            return RandomJsonDocument(random, columns, depth: 0);
        }
        var text = new StringBuilder("[");
        int rows = random.Next(0, 10);
        for (int r = 0; r < rows; r++)
        {
            text.Append(r > 0 ? "," : "").Append('{');
            int properties = random.Next(0, columns.Length + 2);
            for (int p = 0; p < properties; p++)
            {
                string name = random.Next(10) == 0 ? Pick(random, Cells) : Pick(random, columns);
                text.Append(p > 0 ? "," : "").Append(System.Text.Json.JsonSerializer.Serialize(name)).Append(':').Append(RandomJsonValue(random, 0));
            }
            text.Append('}');
        }
        text.Append(random.Next(10) == 0 ? "" : "]");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] RandomJsonDocument(Random random, string[] fields, int depth)
    {
        var text = new StringBuilder("{");
        int properties = random.Next(0, fields.Length);
        for (int p = 0; p < properties; p++)
        {
            text.Append(p > 0 ? "," : "").Append(System.Text.Json.JsonSerializer.Serialize(Pick(random, fields))).Append(':').Append(RandomJsonValue(random, depth));
        }
        text.Append(random.Next(12) == 0 ? "" : "}");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string RandomJsonValue(Random random, int depth) => random.Next(depth > 2 ? 6 : 9) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => System.Text.Json.JsonSerializer.Serialize(Pick(random, Cells)),
        3 or 4 or 5 => Pick(random, new[] { "0", "1", "-1", "2.5", "30", "480", "1e308", "1e-300", "100000000000", "0.85", "7", "-0" }),
        6 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomJsonValue(random, depth + 1))) + "]",
        7 => "{" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(i => $"\"{Pick(random, new[] { "name", "lengthMinutes", "startMinute", "durationMinutes", "x", "max" })}\":{RandomJsonValue(random, depth + 1)}")) + "}",
        _ => "[" + string.Join(',', Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(0, 20).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]",
    };
}
