namespace CsMetrics.Metrics;

/// <summary>The calendar bucket contacts are grouped into.</summary>
public enum TimeBucket
{
    /// <summary>No time bucket: one group per key combination over all time.</summary>
    None,

    /// <summary>Intervals of <see cref="ContactAggregatorOptions.IntervalMinutes"/> local wall-clock minutes (a 23-hour day has 46 half-hours, a 25-hour day 50).</summary>
    Interval,

    /// <summary>Local calendar days (23, 24 or 25 hours long).</summary>
    Day,

    /// <summary>ISO 8601 weeks, Monday to Sunday in local time.</summary>
    Week,

    /// <summary>Local calendar months.</summary>
    Month,
}

/// <summary>
/// The calendar of one time zone: which bucket an instant falls in, and the bucket after a bucket. A bucket is
/// identified by the instant it starts (UTC ticks), so the two 01:00 half-hours of a night when clocks go back
/// are two buckets. Caches the last offset looked up, so records in time order cost one comparison each.
/// </summary>
internal sealed class BucketCalendar
{
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    private readonly TimeZoneInfo _zone;
    private readonly TimeBucket _bucket;
    private readonly long _intervalTicks;
    private long _cachedMinute = long.MinValue;
    private long _cachedOffset;
    private long _cachedDay = long.MinValue;
    private long _cachedDayStart;

    public BucketCalendar(TimeZoneInfo zone, TimeBucket bucket, int intervalMinutes)
    {
        _zone = zone;
        _bucket = bucket;
        _intervalTicks = intervalMinutes * TicksPerMinute;
    }

    /// <summary>The zone's offset from UTC at the instant <paramref name="utcTicks"/>, in ticks.</summary>
    public long OffsetTicks(long utcTicks)
    {
        long minute = utcTicks / TicksPerMinute;
        if (minute != _cachedMinute)
        {
            _cachedOffset = _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
            _cachedMinute = minute;
        }
        return _cachedOffset;
    }

    /// <summary>The start (UTC ticks) of the bucket holding the instant <paramref name="utcTicks"/>.</summary>
    public long BucketOf(long utcTicks)
    {
        if (_bucket == TimeBucket.None)
        {
            return 0;
        }
        long offset = OffsetTicks(utcTicks);
        long local = utcTicks + offset;
        if (_bucket == TimeBucket.Interval)
        {
            // Wall-clock intervals: the floor in local time, placed on the time line with the arrival's own offset.
            return local - Mod(local, _intervalTicks) - offset;
        }
        long day = Floor(local, TimeSpan.TicksPerDay);
        long first = _bucket switch
        {
            TimeBucket.Day => day,
            TimeBucket.Week => day - (((int)new DateTime(day * TimeSpan.TicksPerDay).DayOfWeek + 6) % 7),
            _ => new DateTime(day * TimeSpan.TicksPerDay) is var d ? new DateTime(d.Year, d.Month, 1).Ticks / TimeSpan.TicksPerDay : 0,
        };
        return DayStart(first);
    }

    /// <summary>The start (UTC ticks) of the bucket after the one starting at <paramref name="bucketStart"/>.</summary>
    public long Next(long bucketStart)
    {
        switch (_bucket)
        {
            case TimeBucket.None:
                return long.MaxValue;
            case TimeBucket.Interval:
                long candidate = bucketStart + _intervalTicks;
                long next = BucketOf(candidate);
                return next > bucketStart ? next : candidate;
            default:
                long localDay = Floor(bucketStart + OffsetTicks(bucketStart), TimeSpan.TicksPerDay);
                // A day can start after midnight (a gap at midnight): the local date is still the right one.
                var date = new DateTime(localDay * TimeSpan.TicksPerDay);
                var following = _bucket switch
                {
                    TimeBucket.Day => date.AddDays(1),
                    TimeBucket.Week => date.AddDays(7),
                    _ => new DateTime(date.Year, date.Month, 1).AddMonths(1),
                };
                return DayStart(following.Ticks / TimeSpan.TicksPerDay);
        }
    }

    /// <summary>The bucket's start as a local time with the zone's offset at that instant.</summary>
    public DateTimeOffset ToLocal(long bucketStart) =>
        _bucket == TimeBucket.None ? default : new DateTimeOffset(bucketStart + OffsetTicks(bucketStart), TimeSpan.FromTicks(OffsetTicks(bucketStart)));

    /// <summary>
    /// The instant (UTC ticks) a local day begins: local midnight, or the first valid local time when midnight
    /// falls in a gap; when midnight is ambiguous, the first occurrence.
    /// </summary>
    private long DayStart(long localDay)
    {
        if (localDay == _cachedDay)
        {
            return _cachedDayStart;
        }
        var local = new DateTime(localDay * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);
        var probe = local;
        while (_zone.IsInvalidTime(probe))
        {
            probe = probe.AddMinutes(1);
        }
        long offset = _zone.IsAmbiguousTime(probe)
            ? _zone.GetAmbiguousTimeOffsets(probe).Max().Ticks
            : _zone.GetUtcOffset(probe).Ticks;
        _cachedDay = localDay;
        _cachedDayStart = probe.Ticks - offset;
        return _cachedDayStart;
    }

    private static long Mod(long value, long divisor)
    {
        long r = value % divisor;
        return r < 0 ? r + divisor : r;
    }

    private static long Floor(long value, long divisor) => (value - Mod(value, divisor)) / divisor;
}
