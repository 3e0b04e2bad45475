using CsMetrics.Rostering;
using CsMetrics.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CsMetrics.Tests.Rostering;

public class RosterColumnGenerationTests(ITestOutputHelper output)
{
    // Two agents, six days (a Saturday on day 5), two shift types with L -> E forbidden, requests of every kind.
    private static RosterProblem Tiny(int required, int underWeight, int overWeight, int maxLate)
    {
        var shifts = new[] { new RosterShiftType("E", 480), new RosterShiftType("L", 480, ["E"]) };
        var contract = new RosterContract
        {
            MinTotalMinutes = 960, MaxTotalMinutes = 1920, MaxConsecutiveShifts = 3, MinConsecutiveShifts = 2,
            MinConsecutiveDaysOff = 1, MaxWeekends = 1,
            MaxShiftsPerType = maxLate < int.MaxValue ? new Dictionary<string, int> { ["L"] = maxLate } : new Dictionary<string, int>(),
        };
        var agents = new[] { new RosterAgent("A", contract, [2]), new RosterAgent("B", contract, []) };
        var cover = new List<CoverRequirement>();
        for (int d = 0; d < 6; d++)
        {
            cover.Add(new CoverRequirement(d, "E", required + d % 2, underWeight + d, overWeight));
            cover.Add(new CoverRequirement(d, "L", required, underWeight, overWeight + d % 3));
        }
        var on = new[] { new ShiftRequest("A", 0, "L", 30), new ShiftRequest("B", 1, "E", 7), new ShiftRequest("B", 5, "L", 12) };
        var off = new[] { new ShiftRequest("A", 3, "E", 40), new ShiftRequest("B", 0, "E", 9), new ShiftRequest("B", 4, "L", 3) };
        return new RosterProblem(6, shifts, agents, cover, on, off);
    }

    // The optimum by enumerating all 3^6 lines per agent, scored by the test suite's own evaluator.
    private static int BruteForce(RosterProblem p)
    {
        int days = p.Days, lines = (int)Math.Pow(3, days);
        var decoded = new int[lines][];
        for (int k = 0; k < lines; k++)
        {
            decoded[k] = new int[days];
            for (int d = 0, v = k; d < days; d++, v /= 3)
            {
                decoded[k][d] = v % 3 - 1;
            }
        }
        // Lines keeping an agent's hard rules (checked with the other agent's line fixed at a feasible one).
        var feasible = new List<int>[2];
        for (int a = 0; a < 2; a++)
        {
            feasible[a] = [];
            for (int k = 0; k < lines; k++)
            {
                var cells = new int[2 * days];
                Array.Fill(cells, Roster.Off);
                decoded[k].CopyTo(cells, a * days);
                var own = RosterOracle.Evaluate(p, new Roster(p, cells)).Hard;
                // Hard rules are per agent: the line is feasible when the roster's violations equal the idle agent's alone.
                if (own.All(h => h.Value == HalfIdle(p, days, a, h.Key)))
                {
                    feasible[a].Add(k);
                }
            }
        }
        int best = int.MaxValue;
        foreach (int ka in feasible[0])
        {
            foreach (int kb in feasible[1])
            {
                var cells = decoded[ka].Concat(decoded[kb]).ToArray();
                var score = RosterOracle.Evaluate(p, new Roster(p, cells));
                Assert.True(score.Feasible);
                best = Math.Min(best, score.Objective);
            }
        }
        return best;
    }

    // The violations of the agent other than `a` when it is idle (its minimum minutes are then broken).
    private static int HalfIdle(RosterProblem p, int days, int a, RosterRule rule)
    {
        var cells = new int[2 * days];
        Array.Fill(cells, Roster.Off);
        // Give agent `a` an all-off line too and subtract its own idle violations from the both-idle total.
        var both = RosterOracle.Evaluate(p, new Roster(p, cells)).Hard[rule];
        return both / 2; // both agents share one contract, so each idle agent breaks the same amount
    }

    [Fact]
    public void With_linear_cover_the_bound_equals_the_brute_force_optimum()
    {
        // Requirements at least the agents available make every cover penalty linear in the assignment, so the master
        // LP decomposes by agent and its value is the integer optimum.
        var p = Tiny(required: 2, underWeight: 5, overWeight: 0, maxLate: int.MaxValue);
        int optimum = BruteForce(p);
        Assert.Equal(optimum, RosterBound.Of(p));
        Assert.True(RosterBound.WithColumnGeneration(p, 0, CancellationToken.None) < optimum, "the simple bound alone is weaker");
    }

    [Theory]
    [InlineData(1, 6, 4, int.MaxValue)]
    [InlineData(1, 20, 1, 1)]
    [InlineData(0, 3, 11, 2)]
    public void The_bound_never_exceeds_the_brute_force_optimum(int required, int under, int over, int maxLate)
    {
        var p = Tiny(required, under, over, maxLate);
        int optimum = BruteForce(p);
        int bound = RosterBound.Of(p);
        output.WriteLine($"optimum {optimum}, bound {bound}, simple {RosterBound.WithColumnGeneration(p, 0, CancellationToken.None)}");
        Assert.InRange(bound, RosterBound.WithColumnGeneration(p, 0, CancellationToken.None), optimum);
    }

    [Fact]
    public void The_bound_never_exceeds_the_published_bounds_on_instances_1_to_8()
    {
        var known = ReferenceData.ReadCsv("rostering/best_known.csv").ToDictionary(r => r["instance"], r => (Lower: int.Parse(r["lower_bound"]), Best: int.Parse(r["best_known"])));
        for (int number = 1; number <= 8; number++)
        {
            var p = CurtoisFormatTests.Instance(number);
            int bound = RosterBound.Of(p);
            var (lower, _) = known[$"Instance{number}"];
            output.WriteLine(FormattableString.Invariant($"Instance{number}: bound {bound}, published {lower}, ratio {bound / (double)lower:0.000}"));
            Assert.True(bound <= lower, $"Instance{number}: bound {bound} above the published lower bound {lower}");
        }
    }
}
