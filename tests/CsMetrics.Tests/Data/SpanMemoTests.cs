using System.Text;
using CsMetrics.Data;

namespace CsMetrics.Tests.Data;

public class SpanMemoTests
{
    [Fact]
    public void A_hit_returns_exactly_the_bytes_added_for_an_equal_key()
    {
        var memo = new SpanMemo();
        Assert.False(memo.TryGet("a", out _));
        memo.AddLast("a", "one"u8);
        Assert.False(memo.TryGet("ab", out _));
        memo.AddLast("ab", "two"u8);
        Assert.False(memo.TryGet("", out _));
        memo.AddLast("", "empty"u8);
        Assert.True(memo.TryGet("a", out var one));
        Assert.Equal("one", Encoding.UTF8.GetString(one));
        Assert.True(memo.TryGet("ab", out var two));
        Assert.Equal("two", Encoding.UTF8.GetString(two));
        Assert.True(memo.TryGet("", out var empty));
        Assert.Equal("empty", Encoding.UTF8.GetString(empty));
    }

    /// <summary>Against a dictionary as the oracle: over many more keys than it holds (so it starts afresh), a hit is never a wrong value.</summary>
    [Fact]
    public void Never_returns_another_keys_value_across_resets()
    {
        var memo = new SpanMemo();
        var random = new Random(5);
        int hits = 0;
        for (int phase = 0; phase < 5; phase++)
        {
            // 40,000 new keys a phase, each looked up about four times: 200,000 keys in all, three times what it holds.
            for (int i = 0; i < 160_000; i++)
            {
                string key = (phase * 40_000 + random.Next(40_000)).ToString("x");
                if (memo.TryGet(key, out var value))
                {
                    hits++;
                    Assert.Equal(key + "!", Encoding.UTF8.GetString(value));
                }
                else
                {
                    memo.AddLast(key, Encoding.UTF8.GetBytes(key + "!"));
                }
            }
        }
        Assert.False(memo.IsDisabled);
        Assert.True(hits > 400_000, $"{hits} hits");
    }

    [Fact]
    public void Stops_looking_when_the_input_does_not_repeat()
    {
        var memo = new SpanMemo();
        for (int i = 0; i < 20_000; i++)
        {
            if (!memo.TryGet(i.ToString(), out _))
            {
                memo.AddLast(i.ToString(), [1]);
            }
        }
        Assert.True(memo.IsDisabled);
        Assert.False(memo.TryGet("1", out _));
    }
}
