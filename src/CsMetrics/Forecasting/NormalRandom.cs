using System.Numerics;

namespace CsMetrics.Forecasting;

/// <summary>
/// Seeded standard normal draws that are the same on every platform and .NET version: xoshiro256**
/// (Blackman and Vigna 2018) with its 256-bit state filled by SplitMix64 from the seed, uniforms
/// <c>(x &gt;&gt; 11) 2^-53</c>, and Marsaglia's polar method. <see cref="Jump"/> advances 2^128 draws,
/// the authors' way to split one seed into non-overlapping streams (one per simulated path).
/// </summary>
/// <remarks>A mutable struct: keep it in a local, a field or an array element and pass it by <c>ref</c>.</remarks>
internal struct NormalRandom
{
    private static readonly ulong[] s_jump = [0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C];

    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>The generator for a 64-bit seed.</summary>
    public NormalRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>The generator for the library's seed type (an <see cref="int"/>, as every <c>Seed</c> option): negative seeds are distinct from positive ones.</summary>
    public static NormalRandom FromSeed(int seed) => new(unchecked((ulong)(long)seed));

    /// <summary>A standard normal draw.</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextUniform() - 1;
            v = 2 * NextUniform() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    internal double NextUniform() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The next 64 output bits of xoshiro256** (the reference implementation's <c>next()</c>).</summary>
    internal ulong NextBits()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Advances the state by 2^128 draws (the reference <c>jump()</c>) and drops a held spare normal.</summary>
    public void Jump()
    {
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        foreach (ulong word in s_jump)
        {
            for (int b = 0; b < 64; b++)
            {
                if ((word & (1UL << b)) != 0)
                {
                    s0 ^= _s0;
                    s1 ^= _s1;
                    s2 ^= _s2;
                    s3 ^= _s3;
                }
                NextBits();
            }
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        _hasSpare = false;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
