#!/usr/bin/env python3
"""Reference vectors for NormalRandom (tests/CsMetrics.Tests/Forecasting/NormalRandomTests.cs).

An independent implementation of the published algorithms, written from their descriptions:
  - SplitMix64 (Steele, Lea and Flood 2014; Vigna's splitmix64.c at https://prng.di.unimi.it/),
    used to fill the 256-bit state from a 64-bit seed as the xoshiro authors recommend;
  - xoshiro256** 1.0 next() and jump() (Blackman and Vigna 2018, "Scrambled linear pseudorandom
    number generators", and xoshiro256starstar.c at https://prng.di.unimi.it/);
  - uniform doubles as (x >> 11) * 2^-53, the conversion the same page recommends;
  - Marsaglia's polar method (Marsaglia and Bray 1964) for normal pairs.
Self-checks against published third-party vectors run first:
  - SplitMix64 from seed 1234567: 6457827717110365317, 3203168211198807973 (the values quoted with
    Vigna's splitmix64.c and in the Wikipedia/Java SplittableRandom test suites);
  - PHP's ext/random test xoshiro256starstar_value.phpt: seed 1234 (SplitMix64-filled), 10,000
    draws, jump(), long_jump(), then one draw printed little-endian as 1f197e9ca7969123.
Run: python3 xoshiro256starstar.py  (prints the C# arrays used by the tests).
"""
import math

M = (1 << 64) - 1

def splitmix64(x):
    """Returns (next state, output)."""
    x = (x + 0x9E3779B97F4A7C15) & M
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

class Xoshiro256ss:
    JUMP = [0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C]
    LONG_JUMP = [0x76E15D3EFEFDCBBF, 0xC5004E441C522FB3, 0x77710069854EE241, 0x39109BB02ACBE635]

    def __init__(self, seed):
        x, self.s = seed & M, []
        for _ in range(4):
            x, z = splitmix64(x)
            self.s.append(z)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def _jump(self, table):
        acc = [0, 0, 0, 0]
        for word in table:
            for b in range(64):
                if word >> b & 1:
                    acc = [a ^ v for a, v in zip(acc, self.s)]
                self.next()
        self.s = acc

    def jump(self): self._jump(self.JUMP)
    def long_jump(self): self._jump(self.LONG_JUMP)

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normals(self, count):
        out = []
        while len(out) < count:
            while True:
                u = 2 * self.uniform() - 1
                v = 2 * self.uniform() - 1
                s = u * u + v * v
                if 0 < s < 1:
                    break
            f = math.sqrt(-2 * math.log(s) / s)
            out += [u * f, v * f]
        return out[:count]

# Self-checks against third-party published values.
x, a = splitmix64(1234567); x, b = splitmix64(x)
assert (a, b) == (6457827717110365317, 3203168211198807973), (a, b)
g = Xoshiro256ss(1234)
for _ in range(10000): g.next()
g.jump(); g.long_jump()
assert g.next().to_bytes(8, "little").hex() == "1f197e9ca7969123"

def show(name, values, fmt):
    print(f"{name} = [" + ", ".join(fmt(v) for v in values) + "];")

g = Xoshiro256ss(1); show("Seed1Bits", [g.next() for _ in range(8)], lambda v: f"0x{v:016X}UL")
g = Xoshiro256ss(1); g.jump(); show("Seed1JumpedBits", [g.next() for _ in range(4)], lambda v: f"0x{v:016X}UL")
g = Xoshiro256ss(42); show("Seed42Normals", g.normals(8), lambda v: repr(v))
g = Xoshiro256ss(42); g.jump(); show("Seed42Stream1Normals", g.normals(4), lambda v: repr(v))
