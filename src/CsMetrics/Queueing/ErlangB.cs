using CsMetrics.Internal;

namespace CsMetrics.Queueing;

/// <summary>
/// Erlang B (M/M/N/N, the loss system): the probability that a contact finds every agent busy and is
/// lost, for integer or fractional agents, and the agents needed for a blocking target. Thread-safe:
/// every member is a pure function.
/// </summary>
/// <remarks>
/// <para>Integer agents use the forward recursion <c>B(0) = 1</c>, <c>1/B(n) = 1 + (n/A)·(1/B(n-1))</c>
/// (Jagerman 1974, "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53(3)):
/// a sum of positive terms, so no factorials, no powers and no overflow at any traffic. When
/// <c>1/B</c> passes the largest double the blocking probability is below 1e-308 and is returned as 0.</para>
/// <para>Fractional agents <c>x = m + f</c> (0 &lt; f &lt; 1) use the continuous extension
/// <c>B(x, A) = A^x e^(-A) / Γ(x + 1, A)</c> (Jagerman 1974): the seed <c>1/B(f, A) = e^A A^(-f) Γ(f + 1, A)</c>
/// comes from the upper incomplete gamma function (Legendre's continued fraction for A ≥ 2, the power
/// series of the lower function otherwise), then the same recursion runs m steps with n replaced by
/// f + k. At integer x the seed is exactly 1, so the continuous function equals the recursion there.</para>
/// <para>For large traffic the walk starts at n0 = A - 10√A - 10 instead of 0, from the bound
/// 1/B(n0) ≤ A/(A - n0): each step multiplies the relative error of 1/B by 1 - B(n) ≤ n/A, so the start
/// is forgotten (a factor below e^-50) before n reaches A. Cost: O(√A + max(0, N - A)) steps, not O(N).</para>
/// </remarks>
public static class ErlangB
{
    /// <summary>The blocking probability B(agents, traffic) of the Erlang loss system.</summary>
    /// <param name="traffic">Offered traffic in Erlangs (arrival rate × mean handle time), finite and ≥ 0.</param>
    /// <param name="agents">Number of agents (servers), finite and ≥ 0; may be fractional.</param>
    /// <returns>B in [0, 1]: 1 with no agents, 0 with no traffic and at least one agent.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="traffic"/> or <paramref name="agents"/> is negative, infinite or NaN.</exception>
    public static double BlockingProbability(double traffic, double agents)
    {
        Preconditions.CheckNonNegative(traffic);
        Preconditions.CheckNonNegative(agents);
        return 1.0 / InverseBlocking(traffic, agents);
    }

    /// <summary>The fewest integer agents whose blocking probability is at most <paramref name="maxBlocking"/>.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="maxBlocking">The highest acceptable blocking probability, in (0, 1].</param>
    /// <returns>The smallest n with B(n, traffic) ≤ <paramref name="maxBlocking"/> (0 when traffic is 0 or the target is 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="traffic"/> is negative or not finite, or <paramref name="maxBlocking"/> is not in (0, 1].</exception>
    /// <remarks>Walks the recursion once from n = 0: O(n) time, no allocation.</remarks>
    public static int RequiredAgents(double traffic, double maxBlocking)
    {
        Preconditions.CheckNonNegative(traffic);
        if (!(maxBlocking > 0 && maxBlocking <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(maxBlocking), maxBlocking, "must be in (0, 1]");
        }
        if (traffic == 0)
        {
            return 0;
        }
        double inverse = 1.0;
        int n = 0;
        // B <= target  <=>  1/B >= 1/target; the loop ends because 1/B grows without bound in n.
        double threshold = 1.0 / maxBlocking;
        while (inverse < threshold)
        {
            n++;
            inverse = Step(inverse, n, traffic);
        }
        return n;
    }

    /// <summary>1/B(agents, traffic), in [1, +∞]. Arguments are trusted (checked by the caller).</summary>
    internal static double InverseBlocking(double traffic, double agents)
    {
        double whole = Math.Floor(agents);
        double fraction = agents - whole;
        int steps = (int)Math.Min(whole, int.MaxValue);
        // Far below the traffic the recursion forgets where it started: each step multiplies the relative
        // error of 1/B by 1 - B(n) ≤ n/A (carried traffic A(1 - B) cannot exceed n). Starting at
        // n0 = A - 10√A - 10 from the bound 1/B(n0) ≤ A/(A - n0) (relative error at most √A/10), the
        // product of the factors up to A is below e^-50, so the result is exact to rounding while the
        // walk shrinks from O(A) to O(√A) steps below the traffic.
        int start = (int)Math.Max(0, Math.Floor(traffic - 10 * Math.Sqrt(traffic) - 10));
        if (start > 0 && start < steps)
        {
            return Advance(traffic / (traffic - (fraction + start)), fraction, start, steps, traffic);
        }
        double inverse = fraction == 0 ? 1.0 : InverseBlockingSeed(traffic, fraction);
        return Advance(inverse, fraction, 0, steps, traffic);
    }

    /// <summary>
    /// Runs the recursion from 1/B(fraction + from) to 1/B(fraction + to): O(to - from), allocation-free.
    /// </summary>
    internal static double Advance(double inverse, double fraction, int from, int to, double traffic)
    {
        if (traffic == 0)
        {
            return to > from ? double.PositiveInfinity : inverse;
        }
        for (int k = from + 1; k <= to; k++)
        {
            // One rounding per step; the division is off the dependency chain, so a step costs one FMA latency.
            inverse = Math.FusedMultiplyAdd((fraction + k) / traffic, inverse, 1.0);
            if (double.IsPositiveInfinity(inverse))
            {
                // B has underflowed and every later step keeps 1/B infinite: a team of 1e300 agents returns at once.
                break;
            }
        }
        return inverse;
    }

    /// <summary>One step of the integer recursion: 1/B(n) from 1/B(n - 1).</summary>
    internal static double Step(double inverse, int n, double traffic) => Math.FusedMultiplyAdd(n / traffic, inverse, 1.0);

    /// <summary>1/B(f, A) = e^A A^(-f) Γ(f + 1, A) for 0 &lt; f &lt; 1.</summary>
    private static double InverseBlockingSeed(double traffic, double fraction)
    {
        if (traffic == 0)
        {
            return double.PositiveInfinity;
        }
        double s = fraction + 1;
        if (traffic < 2.0)
        {
            // Γ(s, A) = Γ(s) - γ(s, A), and e^A A^(-f) γ(s, A) = A Σ_j A^j / (s (s+1) ... (s+j)) (positive series).
            double term = 1.0 / s;
            double sum = 0;
            for (int j = 1; term > 1e-17 * sum; j++)
            {
                sum += term;
                term *= traffic / (s + j);
            }
            return Math.Exp(traffic) * Math.Pow(traffic, -fraction) * GammaOneToTwo(s) - traffic * sum;
        }
        // Legendre's continued fraction, evaluated by the modified Lentz method:
        // Γ(s, A) e^A A^(-s) = 1/(A + 1 - s - 1(1 - s)/(A + 3 - s - 2(2 - s)/(A + 5 - s - ...))).
        const double Tiny = 1e-300;
        double b = traffic + 1 - s;
        double c = 1 / Tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - s);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }
            c = b + an / c;
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return traffic * h;
    }

    /// <summary>
    /// Γ(s) for s in [1, 2] by the Lanczos approximation with g = 7 and nine coefficients (Godfrey's set,
    /// as published in Press et al., Numerical Recipes 3rd ed., §6.1, and widely reproduced): relative
    /// error below 2e-15 on this range.
    /// </summary>
    private static double GammaOneToTwo(double s)
    {
        double z = s - 1;
        double x = 0.99999999999980993
            + 676.5203681218851 / (z + 1)
            - 1259.1392167224028 / (z + 2)
            + 771.32342877765313 / (z + 3)
            - 176.61502916214059 / (z + 4)
            + 12.507343278686905 / (z + 5)
            - 0.13857109526572012 / (z + 6)
            + 9.9843695780195716e-6 / (z + 7)
            + 1.5056327351493116e-7 / (z + 8);
        double t = z + 7.5;
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, z + 0.5) * Math.Exp(-t) * x;
    }
}
