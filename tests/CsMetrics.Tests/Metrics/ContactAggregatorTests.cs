using System.Text;
using CsMetrics.Metrics;
using CsMetrics.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Metrics;

/// <summary>
/// The aggregator against an independent grouped computation written here (TimeZoneInfo.ConvertTime, LINQ GroupBy,
/// the definitions' formulas written out), on DST days in two zones; empty intervals; merge = one pass.
/// </summary>
public class ContactAggregatorTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private sealed record Contact(string Queue, ContactRecord Record);

    /// <summary>Random contacts over the given UTC span (seeded).</summary>
    private static List<Contact> RandomContacts(int seed, int count, DateTimeOffset from, TimeSpan span)
    {
        var random = new Random(seed);
        var contacts = new List<Contact>(count);
        for (int i = 0; i < count; i++)
        {
            bool answered = random.NextDouble() < 0.85;
            double wait = Math.Round(random.NextDouble() * 60, 3);
            contacts.Add(new Contact(random.Next(3) switch { 0 => "sales", 1 => "support", _ => "billing" }, new ContactRecord
            {
                Arrival = from + TimeSpan.FromSeconds(Math.Floor(random.NextDouble() * span.TotalSeconds)),
                Outcome = answered ? ContactOutcome.Answered : ContactOutcome.Abandoned,
                WaitSeconds = random.Next(10) == 0 ? 20 : wait, // waits equal to the threshold are within it
                TalkSeconds = answered ? Math.Round(60 + random.NextDouble() * 300, 2) : null,
                HoldSeconds = answered && random.Next(2) == 0 ? Math.Round(random.NextDouble() * 40, 2) : null,
                WrapSeconds = answered ? Math.Round(random.NextDouble() * 30, 2) : null,
                Csat = random.Next(3) == 0 ? (byte)random.Next(1, 6) : null,
                Nps = random.Next(4) == 0 ? (byte)random.Next(0, 11) : null,
                Resolved = random.Next(2) == 0 ? random.Next(3) > 0 : null,
            }));
        }
        return contacts;
    }

    /// <summary>The oracle's bucket: the local wall-clock half-hour and the offset the contact was recorded in.</summary>
    private static DateTimeOffset OracleBucket(DateTimeOffset arrival, TimeZoneInfo zone, int minutes)
    {
        var local = TimeZoneInfo.ConvertTime(arrival, zone);
        var wall = local.DateTime;
        var floor = new DateTime(wall.Year, wall.Month, wall.Day, wall.Hour, wall.Minute / minutes * minutes % 60, 0).AddHours(minutes >= 60 ? -(wall.Hour % (minutes / 60)) : 0);
        return new DateTimeOffset(floor, local.Offset);
    }

    private static ContactAggregator Aggregate(IEnumerable<Contact> contacts, ContactAggregatorOptions options)
    {
        var aggregator = new ContactAggregator(options);
        foreach (var c in contacts)
        {
            aggregator.Add(c.Record, c.Queue);
        }
        return aggregator;
    }

    [Theory]
    [InlineData("Europe/London", "2026-03-29", 46)]
    [InlineData("Europe/London", "2026-10-25", 50)]
    [InlineData("Europe/London", "2026-06-01", 48)]
    [InlineData("America/New_York", "2026-03-08", 46)]
    [InlineData("America/New_York", "2026-11-01", 50)]
    public void A_dst_day_has_the_number_of_half_hours_its_clock_shows(string zoneId, string day, int expected)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var date = DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        // Brute force: every minute of the local day on the time line, bucketed by (wall-clock half-hour, offset).
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(date, zone);
        var dayEnd = TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1), zone);
        int oracle = Enumerable.Range(0, (int)(dayEnd - dayStart).TotalMinutes)
            .Select(m => OracleBucket(new DateTimeOffset(dayStart.AddMinutes(m), TimeSpan.Zero), zone, 30))
            .Distinct().Count();
        Assert.Equal(expected, oracle);

        var aggregator = new ContactAggregator(new ContactAggregatorOptions { TimeZone = zone });
        aggregator.Add(new ContactRecord { Arrival = new DateTimeOffset(dayStart, TimeSpan.Zero), WaitSeconds = 1 });
        aggregator.Add(new ContactRecord { Arrival = new DateTimeOffset(dayEnd.AddMinutes(-1), TimeSpan.Zero), WaitSeconds = 1 });
        var results = aggregator.Results();
        Assert.Equal(expected, results.Count);
        Assert.Equal(2, results.Sum(r => r.Offered));
        Assert.Equal(expected - 2, results.Count(r => r.Offered == 0));
        // The hours add up: consecutive bucket starts are 30 minutes apart on the time line.
        Assert.All(results.Zip(results.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(30), p.Second.BucketStart!.Value - p.First.BucketStart!.Value));
        Assert.Equal(TimeSpan.FromHours(expected / 2.0), results[^1].BucketStart!.Value.AddMinutes(30) - results[0].BucketStart!.Value);
    }

    [Theory]
    [InlineData("Europe/London", "2026-03-28T00:00:00Z")]
    [InlineData("Europe/London", "2026-10-24T00:00:00Z")]
    [InlineData("America/New_York", "2026-03-07T05:00:00Z")]
    [InlineData("America/New_York", "2026-10-31T04:00:00Z")]
    public void Grouped_kpis_match_an_independent_grouped_computation(string zoneId, string from)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var contacts = RandomContacts(zoneId.Length + from.Length, 6000, DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromDays(3));
        var options = new ContactAggregatorOptions { Keys = ["queue"], TimeZone = zone, AnswerThresholdSeconds = 20, ShortAbandonSeconds = 5 };
        var results = Aggregate(contacts, options).Results(fillCalendar: false);

        var oracle = contacts
            .GroupBy(c => (c.Queue, Bucket: OracleBucket(c.Record.Arrival, zone, 30)))
            .OrderBy(g => g.Key.Queue, StringComparer.Ordinal).ThenBy(g => g.Key.Bucket.UtcDateTime)
            .ToList();
        Assert.Equal(oracle.Count, results.Count);
        foreach (var (group, stats) in oracle.Zip(results))
        {
            var records = group.Select(c => c.Record).ToList();
            var answered = records.Where(r => r.Outcome == ContactOutcome.Answered).ToList();
            var abandoned = records.Where(r => r.Outcome == ContactOutcome.Abandoned).ToList();
            Assert.Equal(group.Key.Queue, stats.Keys[0]);
            Assert.Equal(group.Key.Bucket, stats.BucketStart);
            Assert.Equal(group.Key.Bucket.Offset, stats.BucketStart!.Value.Offset);
            Assert.Equal(records.Count, stats.Offered);
            Assert.Equal(answered.Count, stats.Counts.Answered);
            Assert.Equal(abandoned.Count(r => r.WaitSeconds <= 5), stats.Counts.ShortAbandons);
            // Service level, abandons counted as missed: answered within 20 s / offered.
            Assert.Equal((double)answered.Count(r => r.WaitSeconds <= 20) / records.Count, stats.ServiceLevel.Value, 12);
            Assert.Equal((double)abandoned.Count / records.Count, stats.AbandonmentRate.Value, 12);
            Assert.Equal(answered.Count == 0 ? double.NaN : answered.Average(r => r.WaitSeconds), stats.AverageSpeedOfAnswer.MeanSeconds, 9);
            var handled = answered.Where(r => r.TalkSeconds is not null).ToList();
            Assert.Equal(handled.Count == 0 ? double.NaN : handled.Average(r => r.TalkSeconds!.Value + (r.HoldSeconds ?? 0) + (r.WrapSeconds ?? 0)), stats.HandleTime.AverageSeconds, 9);
            Assert.Equal(handled.Count == 0 ? double.NaN : handled.Average(r => r.HoldSeconds ?? 0), stats.HandleTime.AverageHoldSeconds, 9);
            var rated = records.Where(r => r.Csat is not null).ToList();
            Assert.Equal(rated.Count == 0 ? double.NaN : (double)rated.Count(r => r.Csat >= 4) / rated.Count, stats.Csat.SatisfiedShare, 12);
            var nps = records.Where(r => r.Nps is not null).ToList();
            Assert.Equal(nps.Count == 0 ? double.NaN : 100.0 * (nps.Count(r => r.Nps >= 9) - nps.Count(r => r.Nps <= 6)) / nps.Count, stats.Nps.Score, 9);
            var fcr = records.Where(r => r.Resolved is not null).ToList();
            Assert.Equal(fcr.Count == 0 ? double.NaN : (double)fcr.Count(r => r.Resolved == true) / fcr.Count, stats.FirstContactResolution.Value, 12);
        }
    }

    [Fact]
    public void Abandon_policies_and_short_abandons_follow_the_service_level_definitions()
    {
        // The callcentrehelper example of ServiceLevel's docs, as records: A = 1000, A<=T = 860, Ab = 60, Ab<=T = 20.
        var records = new List<ContactRecord>();
        var t = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 1000; i++)
        {
            records.Add(new ContactRecord { Arrival = t, Outcome = ContactOutcome.Answered, WaitSeconds = i < 860 ? 20 : 21 });
        }
        for (int i = 0; i < 60; i++)
        {
            records.Add(new ContactRecord { Arrival = t, Outcome = ContactOutcome.Abandoned, WaitSeconds = i < 20 ? 10 : 40 });
        }
        double Sl(AbandonPolicy policy)
        {
            var aggregator = new ContactAggregator(new ContactAggregatorOptions { Bucket = TimeBucket.None, AbandonPolicy = policy });
            foreach (var r in records)
            {
                aggregator.Add(r);
            }
            return Assert.Single(aggregator.Results()).ServiceLevel.Value;
        }
        Assert.Equal(0.86, Sl(AbandonPolicy.Ignored), 4);
        Assert.Equal(0.8113, Sl(AbandonPolicy.CountedAsMissed), 4);
        Assert.Equal(0.8302, Sl(AbandonPolicy.MetIfAbandonedWithinThreshold), 4);
        Assert.Equal(0.8269, Sl(AbandonPolicy.ExcludedIfAbandonedWithinThreshold), 4);
    }

    [Fact]
    public void Empty_intervals_are_written_with_offered_zero_and_empty_ratios()
    {
        var aggregator = new ContactAggregator(new ContactAggregatorOptions { Keys = ["queue"], IntervalMinutes = 15 });
        var t = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        aggregator.Add(new ContactRecord { Arrival = t, WaitSeconds = 3 }, "a");
        aggregator.Add(new ContactRecord { Arrival = t.AddHours(1).AddMinutes(5), WaitSeconds = 30 }, "a");
        aggregator.Add(new ContactRecord { Arrival = t.AddMinutes(20), WaitSeconds = 3 }, "b");
        var results = aggregator.Results();
        Assert.Equal(10, results.Count); // 09:00 .. 10:00 for each queue
        var empty = results.First(r => r.Keys[0] == "a" && r.BucketStart == t.AddMinutes(15));
        Assert.Equal(0, empty.Offered);
        Assert.True(double.IsNaN(empty.ServiceLevel.Value));
        Assert.True(double.IsNaN(empty.AverageSpeedOfAnswer.MeanSeconds));
        Assert.Equal(["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"], results.Select(r => r.Keys[0]));
        Assert.Equal(3, aggregator.Results(fillCalendar: false).Count);
    }

    [Fact]
    public void Days_weeks_and_months_are_local_and_weeks_start_on_monday()
    {
        ContactGroupStats[] Run(TimeBucket bucket, params string[] arrivals)
        {
            var aggregator = new ContactAggregator(new ContactAggregatorOptions { Bucket = bucket, TimeZone = London });
            foreach (var a in arrivals)
            {
                aggregator.Add(new ContactRecord { Arrival = DateTimeOffset.Parse(a, System.Globalization.CultureInfo.InvariantCulture), WaitSeconds = 1 });
            }
            return [.. aggregator.Results()];
        }
        // 23:30 UTC on 28 June is 00:30 BST on 29 June: a local day later.
        var days = Run(TimeBucket.Day, "2026-06-28T22:30:00Z", "2026-06-28T23:30:00Z");
        Assert.Equal(["2026-06-28T00:00:00+01:00", "2026-06-29T00:00:00+01:00"], days.Select(d => d.BucketStart!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz")));
        var weeks = Run(TimeBucket.Week, "2026-03-29T12:00:00Z", "2026-03-30T12:00:00Z");
        Assert.Equal(["2026-03-23T00:00:00+00:00", "2026-03-30T00:00:00+01:00"], weeks.Select(d => d.BucketStart!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz")));
        var months = Run(TimeBucket.Month, "2026-01-15T12:00:00Z", "2026-04-01T00:30:00Z");
        Assert.Equal(4, months.Length);
        Assert.Equal("2026-04-01T00:00:00+01:00", months[^1].BucketStart!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        Assert.Equal([1L, 0, 0, 1], months.Select(m => m.Offered));
    }

    /// <summary>Law: any split of the records into chunks, merged (directly or through the serialised state), equals one pass exactly.</summary>
    [Property(MaxTest = 40)]
    public bool Merged_partial_states_equal_one_pass(PositiveInt seed, PositiveInt chunks)
    {
        var contacts = RandomContacts(seed.Get, 400, new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(2));
        var options = new ContactAggregatorOptions { Keys = ["queue"], TimeZone = London };
        var whole = Aggregate(contacts, options);
        int k = 1 + chunks.Get % 5;
        var merged = new ContactAggregator(options);
        var viaState = new ContactAggregator(options);
        for (int part = 0; part < k; part++)
        {
            var chunk = Aggregate(contacts.Where((_, i) => i % k == part), options);
            merged.Merge(chunk);
            var stream = new MemoryStream();
            chunk.WriteState(stream);
            stream.Position = 0;
            viaState.Merge(ContactAggregator.ReadState(stream, options));
        }
        string Describe(ContactAggregator a) => string.Join("\n", a.Results().Select(r =>
            $"{r.Keys[0]} {r.BucketStart:O} {r.Counts} {r.AverageSpeedOfAnswer.TotalSeconds:R} {r.HandleTime} {r.Csat} {r.Nps} {r.FirstContactResolution}"));
        string expected = Describe(whole);
        return Describe(merged) == expected && Describe(viaState) == expected && merged.ContactCount == contacts.Count;
    }

    [Fact]
    public void Adding_a_record_to_an_existing_group_allocates_nothing()
    {
        var aggregator = new ContactAggregator(new ContactAggregatorOptions { Keys = ["queue", "agent"], TimeZone = London });
        var record = new ContactRecord { Arrival = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), WaitSeconds = 12, TalkSeconds = 200, Csat = 5 };
        var queue = "support".ToCharArray();
        var agent = "Jos\u00e9".ToCharArray();
        long bytes = Allocations.Measure(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                aggregator.Add(record with { Arrival = record.Arrival.AddSeconds(i) }, queue, agent);
            }
        });
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Bad_records_and_options_are_rejected_naming_the_parameter()
    {
        var aggregator = new ContactAggregator();
        Assert.Equal("WaitSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.Add(new ContactRecord { WaitSeconds = -1 })).ParamName);
        Assert.Equal("Csat", Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.Add(new ContactRecord { Csat = 9 })).ParamName);
        Assert.Equal(0, aggregator.ContactCount);
        Assert.Equal("IntervalMinutes", Assert.Throws<ArgumentOutOfRangeException>(() => new ContactAggregator(new ContactAggregatorOptions { IntervalMinutes = 7 })).ParamName);
        Assert.Equal("Level", Assert.Throws<ArgumentOutOfRangeException>(() => new ContactAggregator(new ContactAggregatorOptions { Level = 95 })).ParamName);
        var other = new ContactAggregator(new ContactAggregatorOptions { IntervalMinutes = 15 });
        Assert.Contains("buckets differ", Assert.Throws<ArgumentException>(() => aggregator.Merge(other)).Message);
    }

    [Theory]
    [InlineData("\"version\":1", "\"version\":2", "$.version")]
    [InlineData("\"contacts\":", "\"extra\":1,\"contacts\":", "$.extra: unknown field")]
    [InlineData("\"contacts\":", "\"version\":1,\"contacts\":", "$.version: the field appears twice")]
    [InlineData("\"answered\":1", "\"answered\":-1", "$.groups[0].answered")]
    public void A_damaged_state_is_an_error_naming_the_field(string find, string replace, string expected)
    {
        var aggregator = new ContactAggregator();
        aggregator.Add(new ContactRecord { Arrival = DateTimeOffset.UnixEpoch, WaitSeconds = 1 });
        var stream = new MemoryStream();
        aggregator.WriteState(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains(find, text);
        var damaged = new MemoryStream(Encoding.UTF8.GetBytes(text.Replace(find, replace)));
        Assert.Contains(expected, Assert.Throws<FormatException>(() => ContactAggregator.ReadState(damaged)).Message);
    }
}
