using System.Runtime.InteropServices;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// Interval KPIs from contact records: groups contacts by up to three keys (queue, channel, agent, ...) and a
/// time bucket (N-minute wall-clock interval, day, ISO week or month in an IANA time zone, DST-correct), and keeps
/// per group the counts and exact duration sums that service level (with its abandon policy and short abandons),
/// ASA, AHT parts, abandonment, CSAT, NPS and first-contact resolution need.
/// </summary>
/// <remarks>
/// <para>
/// Adding a record allocates nothing once its group exists (keys are looked up as spans). States merge: give each
/// chunk, thread or partition its own aggregator and <see cref="Merge"/> them, or move a state between machines
/// with <see cref="WriteState"/> and <see cref="ReadState"/> (a documented, versioned JSON form). Counts are
/// integers and durations are summed in whole microseconds, so merged partial states equal one pass exactly.
/// </para>
/// <para>
/// Buckets are wall-clock intervals of the zone: on the day clocks go forward a half-hour calendar has 46 intervals,
/// on the day they go back 50 (the repeated hour gives two buckets, told apart by their offset). See docs/data.md.
/// </para>
/// <para>Not thread-safe: one aggregator per thread, then merge.</para>
/// </remarks>
public sealed partial class ContactAggregator
{
    /// <summary>The most group keys an aggregator takes.</summary>
    public const int MaxKeys = 3;

    private readonly BucketCalendar _calendar;
    private readonly KeyTable[] _keyTables;
    private readonly Dictionary<GroupKey, int> _groups = [];
    private ContactGroupState[] _states = new ContactGroupState[64];
    private GroupKey[] _stateKeys = new GroupKey[64];
    private long _minBucket = long.MaxValue;
    private long _maxBucket = long.MinValue;

    /// <summary>Creates an empty aggregator.</summary>
    /// <param name="options">Keys, bucket, zone and metric definitions; null for the defaults (no keys, 30-minute intervals in UTC).</param>
    /// <exception cref="ArgumentException">An option is out of range or inconsistent (the parameter names it).</exception>
    public ContactAggregator(ContactAggregatorOptions? options = null)
    {
        Options = options ?? new ContactAggregatorOptions();
        Options.Validate();
        _calendar = new BucketCalendar(Options.TimeZone, Options.Bucket, Options.IntervalMinutes);
        _keyTables = new KeyTable[MaxKeys];
        for (int i = 0; i < MaxKeys; i++)
        {
            _keyTables[i] = new KeyTable();
        }
    }

    /// <summary>The options the aggregator was created with.</summary>
    public ContactAggregatorOptions Options { get; }

    /// <summary>The number of groups (key combinations × buckets) that have at least one contact.</summary>
    public int GroupCount => _groups.Count;

    /// <summary>The number of contacts added (and merged in).</summary>
    public long ContactCount { get; private set; }

    /// <summary>
    /// Adds one contact with its key values in the order of <see cref="ContactAggregatorOptions.Keys"/> (an empty
    /// span is "no value"). Allocation-free once the group exists.
    /// </summary>
    /// <param name="record">The contact.</param>
    /// <param name="key0">The first key's value.</param>
    /// <param name="key1">The second key's value.</param>
    /// <param name="key2">The third key's value.</param>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative or not finite, a survey answer is off its scale, or the outcome is undefined; nothing is added.</exception>
    public void Add(in ContactRecord record, ReadOnlySpan<char> key0 = default, ReadOnlySpan<char> key1 = default, ReadOnlySpan<char> key2 = default)
    {
        Validate(record);
        long bucket = _calendar.BucketOf(record.Arrival.UtcTicks);
        var key = new GroupKey(
            Options.Keys.Count > 0 ? _keyTables[0].Id(key0) : 0,
            Options.Keys.Count > 1 ? _keyTables[1].Id(key1) : 0,
            Options.Keys.Count > 2 ? _keyTables[2].Id(key2) : 0,
            bucket);
        ref var state = ref StateOf(key);
        AddTo(ref state, record);
        ContactCount++;
    }

    /// <summary>Adds one contact with its key values as strings (null or empty: no value).</summary>
    /// <param name="record">The contact.</param>
    /// <param name="keys">The key values in the order of <see cref="ContactAggregatorOptions.Keys"/>.</param>
    /// <exception cref="ArgumentException">More key values than keys.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of the record is out of range; nothing is added.</exception>
    public void Add(in ContactRecord record, params ReadOnlySpan<string?> keys)
    {
        if (keys.Length > Options.Keys.Count)
        {
            ThrowHelper.ThrowArgument(nameof(keys), $"{keys.Length} key values for {Options.Keys.Count} keys");
        }
        Add(record, (keys.Length > 0 ? keys[0] : null).AsSpan(), (keys.Length > 1 ? keys[1] : null).AsSpan(), (keys.Length > 2 ? keys[2] : null).AsSpan());
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> holds (a chunk, a thread's share, a partition, or a state read
    /// back with <see cref="ReadState"/>). The result equals one pass over both inputs exactly.
    /// </summary>
    /// <param name="other">An aggregator with the same keys, bucket, zone, thresholds and CSAT scale.</param>
    /// <exception cref="ArgumentException">The aggregators group or count differently (the message says how).</exception>
    public void Merge(ContactAggregator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (CompatibilityProblem(other.Options) is string problem)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot merge: {problem}");
        }
        foreach (var (key, slot) in other._groups)
        {
            var mapped = new GroupKey(
                _keyTables[0].Id(other._keyTables[0].Name(key.K0)),
                _keyTables[1].Id(other._keyTables[1].Name(key.K1)),
                _keyTables[2].Id(other._keyTables[2].Name(key.K2)),
                key.Bucket);
            StateOf(mapped).Merge(other._states[slot]);
        }
        ContactCount += other.ContactCount;
    }

    /// <summary>
    /// The KPIs of every group, in key order (ordinal, no value first) then time order. With
    /// <paramref name="fillCalendar"/>, every key combination gets every bucket of the calendar from the first
    /// contact's bucket to the last one's, with offered 0 where nothing arrived.
    /// </summary>
    /// <param name="fillCalendar">True to write empty buckets too (the default: a report is a valid history for forecasting).</param>
    public IReadOnlyList<ContactGroupStats> Results(bool fillCalendar = true)
    {
        var combinations = new Dictionary<(int, int, int), List<int>>();
        foreach (var (key, slot) in _groups)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(combinations, (key.K0, key.K1, key.K2), out _);
            (list ??= []).Add(slot);
        }
        var ordered = combinations.Keys
            .Select(c => (Ids: c, Names: KeyNames(c.Item1, c.Item2, c.Item3)))
            .OrderBy(c => c.Names, KeyComparer.Instance)
            .ToArray();
        var results = new List<ContactGroupStats>();
        bool timed = Options.Bucket != TimeBucket.None;
        foreach (var (ids, names) in ordered)
        {
            var byBucket = combinations[ids].ToDictionary(s => _stateKeys[s].Bucket, s => s);
            if (fillCalendar && timed && _groups.Count > 0)
            {
                for (long bucket = _minBucket; bucket <= _maxBucket; bucket = _calendar.Next(bucket))
                {
                    var state = byBucket.TryGetValue(bucket, out int slot) ? _states[slot] : default;
                    results.Add(new ContactGroupStats(names, _calendar.ToLocal(bucket), state, Options));
                }
            }
            else
            {
                foreach (var bucket in byBucket.Keys.Order())
                {
                    results.Add(new ContactGroupStats(names, timed ? _calendar.ToLocal(bucket) : null, _states[byBucket[bucket]], Options));
                }
            }
        }
        return results;
    }

    private string?[] KeyNames(int k0, int k1, int k2)
    {
        var names = new string?[Options.Keys.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = _keyTables[i].Name(i == 0 ? k0 : i == 1 ? k1 : k2);
        }
        return names;
    }

    private ref ContactGroupState StateOf(GroupKey key)
    {
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out bool exists);
        if (!exists)
        {
            slot = _groups.Count - 1;
            if (slot == _states.Length)
            {
                Array.Resize(ref _states, _states.Length * 2);
                Array.Resize(ref _stateKeys, _stateKeys.Length * 2);
            }
            _stateKeys[slot] = key;
            if (Options.Bucket != TimeBucket.None)
            {
                _minBucket = Math.Min(_minBucket, key.Bucket);
                _maxBucket = Math.Max(_maxBucket, key.Bucket);
            }
        }
        return ref _states[slot];
    }

    private void Validate(in ContactRecord record)
    {
        CheckSeconds(record.WaitSeconds, nameof(record.WaitSeconds));
        if (record.Outcome is not (ContactOutcome.Answered or ContactOutcome.Abandoned))
        {
            ThrowHelper.ThrowOutOfRange(nameof(record.Outcome), record.Outcome, "must be Answered or Abandoned");
        }
        if (record.TalkSeconds is double talk)
        {
            CheckSeconds(talk, nameof(record.TalkSeconds));
        }
        if (record.HoldSeconds is double hold)
        {
            CheckSeconds(hold, nameof(record.HoldSeconds));
        }
        if (record.WrapSeconds is double wrap)
        {
            CheckSeconds(wrap, nameof(record.WrapSeconds));
        }
        if (record.Csat is byte csat && (csat < Options.CsatScale.Min || csat > Options.CsatScale.Max))
        {
            ThrowHelper.ThrowOutOfRange(nameof(record.Csat), csat, $"must be on the CSAT scale {Options.CsatScale.Min}-{Options.CsatScale.Max}");
        }
        if (record.Nps is > 10)
        {
            ThrowHelper.ThrowOutOfRange(nameof(record.Nps), record.Nps, "must be 0-10");
        }
    }

    private static void CheckSeconds(double seconds, string name)
    {
        // 1e12 s (31,700 years) keeps every microsecond sum of 9 million such contacts inside a long.
        if (!(seconds >= 0 && seconds <= 1e12))
        {
            ThrowHelper.ThrowOutOfRange(name, seconds, "must be a finite number of seconds in [0, 1e12]");
        }
    }

    private void AddTo(ref ContactGroupState state, in ContactRecord record)
    {
        long wait = Micros(record.WaitSeconds);
        bool within = record.WaitSeconds <= Options.AnswerThresholdSeconds;
        if (record.Outcome == ContactOutcome.Answered)
        {
            state.Answered++;
            state.AnsweredWithin += within ? 1 : 0;
            state.AnswerWaitMicros += wait;
            if (record.TalkSeconds is double talk)
            {
                state.Handled++;
                state.TalkMicros += Micros(talk);
                state.HoldMicros += Micros(record.HoldSeconds ?? 0);
                state.WrapMicros += Micros(record.WrapSeconds ?? 0);
            }
        }
        else
        {
            state.Abandoned++;
            state.AbandonedWithin += within ? 1 : 0;
            state.ShortAbandoned += record.WaitSeconds <= Options.ShortAbandonSeconds ? 1 : 0;
            state.AbandonWaitMicros += wait;
        }
        if (record.Csat is byte csat)
        {
            state.Csat[csat]++;
        }
        if (record.Nps is byte nps)
        {
            state.Nps[nps]++;
        }
        if (record.Resolved is bool resolved)
        {
            state.ResolutionAnswers++;
            state.Resolved += resolved ? 1 : 0;
        }
    }

    private static long Micros(double seconds) => (long)Math.Round(seconds * 1e6);

    private string? CompatibilityProblem(ContactAggregatorOptions other)
    {
        var mine = Options;
        if (!mine.Keys.SequenceEqual(other.Keys, StringComparer.OrdinalIgnoreCase))
        {
            return $"keys [{string.Join(",", other.Keys)}] differ from [{string.Join(",", mine.Keys)}]";
        }
        if (mine.Bucket != other.Bucket || (mine.Bucket == TimeBucket.Interval && mine.IntervalMinutes != other.IntervalMinutes))
        {
            return $"buckets differ ({other.Bucket} {other.IntervalMinutes} min and {mine.Bucket} {mine.IntervalMinutes} min)";
        }
        if (mine.TimeZone.Id != other.TimeZone.Id)
        {
            return $"time zones differ ({other.TimeZone.Id} and {mine.TimeZone.Id})";
        }
        if (mine.AnswerThresholdSeconds != other.AnswerThresholdSeconds || mine.ShortAbandonSeconds != other.ShortAbandonSeconds)
        {
            return "the answer or short-abandon thresholds differ";
        }
        if (mine.CsatScale != other.CsatScale)
        {
            return $"CSAT scales differ ({other.CsatScale} and {mine.CsatScale})";
        }
        return null;
    }

    private readonly record struct GroupKey(int K0, int K1, int K2, long Bucket);

    /// <summary>Interns one key column's values: 0 is "no value"; lookups by span allocate nothing.</summary>
    private sealed class KeyTable
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<string?> _names = [null];

        public KeyTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Id(ReadOnlySpan<char> value)
        {
            if (value.IsEmpty)
            {
                return 0;
            }
            if (_lookup.TryGetValue(value, out int id))
            {
                return id;
            }
            string name = value.ToString();
            id = _names.Count;
            _names.Add(name);
            _ids.Add(name, id);
            return id;
        }

        public string? Name(int id) => _names[id];
    }

    /// <summary>Orders key tuples ordinally, "no value" first.</summary>
    private sealed class KeyComparer : IComparer<string?[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(string?[]? x, string?[]? y)
        {
            for (int i = 0; i < x!.Length; i++)
            {
                int c = string.CompareOrdinal(x[i], y![i]);
                if (c != 0)
                {
                    return c;
                }
            }
            return 0;
        }
    }
}
