namespace CsMetrics.Data;

/// <summary>A strict, allocation-free parser of the ISO 8601 timestamps contact-centre exports write.</summary>
internal static class Timestamps
{
    /// <summary>
    /// Parses <c>yyyy-MM-dd[T| ]HH:mm[:ss[.f+]][Z|±HH:mm|±HHmm|±HH]</c>, or a date alone (midnight).
    /// <paramref name="offset"/> is null when the text has none.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        int i = 10;
        if (s.Length > 10)
        {
            if ((s[10] != 'T' && s[10] != ' ') || s.Length < 16 || s[13] != ':' || !Digits(s, 11, 2, out hour) || !Digits(s, 14, 2, out minute))
            {
                return false;
            }
            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second))
                {
                    return false;
                }
                i += 3;
                if (i < s.Length && s[i] == '.')
                {
                    int start = ++i;
                    long scale = TimeSpan.TicksPerSecond;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        if (scale > 1)
                        {
                            scale /= 10;
                            fraction += (s[i] - '0') * scale;
                        }
                        i++;
                    }
                    if (i == start)
                    {
                        return false;
                    }
                }
            }
            if (i < s.Length)
            {
                if (s[i] == 'Z' && i == s.Length - 1)
                {
                    offset = TimeSpan.Zero;
                }
                else if ((s[i] == '+' || s[i] == '-') && TryOffset(s[(i + 1)..], out var magnitude))
                {
                    offset = s[i] == '-' ? -magnitude : magnitude;
                }
                else
                {
                    return false;
                }
            }
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        local = new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
        return offset is not TimeSpan o || (o.Ticks % TimeSpan.TicksPerMinute == 0 && Math.Abs(o.TotalHours) <= 14);
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = default;
        int hours, minutes = 0;
        switch (s.Length)
        {
            case 2 when Digits(s, 0, 2, out hours):
                break;
            case 4 when Digits(s, 0, 2, out hours) && Digits(s, 2, 2, out minutes):
                break;
            case 5 when s[2] == ':' && Digits(s, 0, 2, out hours) && Digits(s, 3, 2, out minutes):
                break;
            default:
                return false;
        }
        if (minutes > 59)
        {
            return false;
        }
        offset = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (int k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return false;
            }
            value = value * 10 + (s[k] - '0');
        }
        return true;
    }
}
