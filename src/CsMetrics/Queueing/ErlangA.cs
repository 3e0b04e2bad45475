using CsMetrics.Internal;

namespace CsMetrics.Queueing;

/// <summary>
/// Erlang A (M/M/N+M, Palm's model): Erlang C with exponential patience, so contacts who wait too long
/// abandon. Wait probability, abandonment, service level (abandoners count as failures), average speed
/// of answer and occupancy, for integer or fractional agents, at any load. Traffic is in Erlangs and
/// times in seconds. Thread-safe: every member is a pure function, and none allocates.
/// </summary>
/// <remarks>
/// <para>Notation (Mandelbaum and Zeltyn 2007, "Service engineering in action: the Palm/Erlang-A queue,
/// with applications to call centers", and Palm 1946): arrival rate λ, service rate μ = 1/h, abandonment
/// rate θ = 1/patience, N agents, A = λ/μ, <c>x = Nμ/θ</c>, <c>y = λ/θ</c>, B = B(N, A) of <see cref="ErlangB"/>. The stationary
/// probabilities above N are <c>π(N+k) = π(N)·t_k</c> with <c>t_k = y^k / ((x+1)(x+2)···(x+k))</c>, so with
/// <c>S = Σ t_k</c> (Mandelbaum and Zeltyn's A(x, y)) and <c>K = Σ k·t_k</c>:</para>
/// <list type="bullet">
/// <item>wait probability <c>P(W &gt; 0) = S / (1/B - 1 + S)</c>;</item>
/// <item>abandonment <c>P(Ab) = (K / y) / (1/B - 1 + S)</c> (abandonment flow θ·E[queue] over λ);</item>
/// <item>ASA over all contacts <c>E[W] = P(Ab)/θ</c>; occupancy <c>A·(1 - P(Ab))/N</c>;</item>
/// <item>service level <c>P(answered, W ≤ t) = ((1/B - 1) + x·I(t)) / (1/B - 1 + S)</c>, with
/// <c>I(t) = ∫₀^(1 - e^(-θt)) (1 - v)^x e^(yv) dv</c>: a contact that waits is answered at time s at rate
/// Nμ·P(still waiting and patient at s), whose integral over (0, t] is x·I(t)·π(N)/total.</item>
/// </list>
/// <para>Every quantity is a ratio of positive terms; nothing is subtracted, so no digits cancel. When
/// y ≤ x the series for S and K converge geometrically and are summed directly; when y &gt; x
/// (more offered than served at full speed) the terms peak near k = y - x, and S = 1 + y·J with
/// <c>J = I(∞)</c> and <c>K = (y - x)·S + x</c> (the flow balance above N) are used instead. The integrals
/// have a log-concave integrand and are taken by composite 16-point Gauss-Legendre quadrature on
/// panels sized to its curvature, scaled by its maximum so nothing overflows.</para>
/// <para>As patience grows (θ → 0) the results converge to <see cref="ErlangC"/> when N &gt; A; an
/// infinite patience is Erlang C exactly. Fractional N uses the continuous Erlang B (a formal
/// extension). Cost: O(√A + |N - A|) steps for B plus O(min(1/(1 - y/x), √x)) terms or a few hundred quadrature nodes.</para>
/// </remarks>
public static class ErlangA
{
    /// <summary>Every Erlang A figure for one team and one interval.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional.</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="patienceSeconds">Mean patience (time to abandon) in seconds, &gt; 0; +∞ gives Erlang C.</param>
    /// <param name="answerWithinSeconds">The service-level threshold in seconds, finite and ≥ 0.</param>
    /// <returns>The metrics, with <see cref="QueueMetrics.Model"/> = <see cref="QueueModel.ErlangA"/> (Erlang C for infinite patience).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range or NaN.</exception>
    public static QueueMetrics Evaluate(double traffic, double agents, double handleSeconds, double patienceSeconds, double answerWithinSeconds)
    {
        Preconditions.CheckNonNegative(traffic);
        Preconditions.CheckNonNegative(agents);
        Preconditions.CheckPositive(handleSeconds);
        Preconditions.CheckNonNegative(answerWithinSeconds);
        if (!(patienceSeconds > 0))
        {
            ThrowHelper.ThrowOutOfRange(nameof(patienceSeconds), patienceSeconds, "must be > 0 (+infinity for no abandonment)");
        }
        double inverse = ErlangB.InverseBlocking(traffic, agents);
        return double.IsPositiveInfinity(patienceSeconds)
            ? ErlangC.FromInverseBlocking(traffic, agents, inverse, handleSeconds, answerWithinSeconds)
            : FromInverseBlocking(traffic, agents, inverse, handleSeconds, patienceSeconds, answerWithinSeconds);
    }

    /// <summary>The probability that a contact abandons before being answered.</summary>
    /// <param name="traffic">Offered traffic in Erlangs, finite and ≥ 0.</param>
    /// <param name="agents">Agents, finite and ≥ 0, possibly fractional.</param>
    /// <param name="handleSeconds">Mean handle time in seconds, finite and &gt; 0.</param>
    /// <param name="patienceSeconds">Mean patience in seconds, &gt; 0 (+∞: 0).</param>
    /// <returns>P(Ab) in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range or NaN.</exception>
    public static double AbandonProbability(double traffic, double agents, double handleSeconds, double patienceSeconds) =>
        Evaluate(traffic, agents, handleSeconds, patienceSeconds, answerWithinSeconds: 0).AbandonProbability;

    /// <summary>All metrics from 1/B(N, A); arguments trusted, patience finite.</summary>
    internal static QueueMetrics FromInverseBlocking(double traffic, double agents, double inverseBlocking, double handleSeconds, double patienceSeconds, double answerWithinSeconds)
    {
        double blocking = 1 / inverseBlocking;
        double arrivalRate = traffic / handleSeconds;
        if (traffic == 0 || double.IsPositiveInfinity(inverseBlocking))
        {
            // No traffic, or B below 1e-308: nobody waits.
            return new QueueMetrics(QueueModel.ErlangA, traffic, agents, answerWithinSeconds,
                waitProbability: 0, serviceLevel: 1, missProbability: 0, averageSpeedOfAnswerSeconds: 0, meanDelayedWaitSeconds: 0,
                meanQueueLength: 0, occupancy: agents > 0 ? traffic / agents : 0, abandonProbability: 0, blockingProbability: blocking);
        }
        if (agents == 0)
        {
            // Everybody waits until they abandon.
            return new QueueMetrics(QueueModel.ErlangA, traffic, agents, answerWithinSeconds,
                waitProbability: 1, serviceLevel: 0, missProbability: 1, averageSpeedOfAnswerSeconds: patienceSeconds, meanDelayedWaitSeconds: patienceSeconds,
                meanQueueLength: arrivalRate * patienceSeconds, occupancy: 0, abandonProbability: 1, blockingProbability: blocking);
        }

        double x = agents * patienceSeconds / handleSeconds;
        double y = traffic * patienceSeconds / handleSeconds;
        var integrand = new Integrand(x, y);
        // Sum the series directly unless its terms would overflow or run long (far above y = x);
        // then use the integral form, with every sum relative to e^Shift.
        bool bySeries = y <= x || (y - x + 10 * Math.Sqrt(y) < 50_000 && integrand.Shift < 600);
        double sum, weightedSum, shiftFactor;
        if (bySeries)
        {
            shiftFactor = 1;
            sum = 0;
            weightedSum = 0;
            double term = 1;
            for (int k = 1; k <= y - x + 1 || term > 1e-17 * sum; k++)
            {
                sum += term;
                weightedSum += (k - 1) * term;
                term *= y / (x + k);
            }
        }
        else
        {
            shiftFactor = Math.Exp(-integrand.Shift);
            sum = shiftFactor + y * integrand.Integrate(0, 1);
            weightedSum = (y - x) * sum + x * shiftFactor;
        }

        double idle = (inverseBlocking - 1) * shiftFactor;
        double denominator = idle + sum;
        double wait = sum / denominator;
        double abandon = weightedSum / y / denominator;
        double answeredLater = answerWithinSeconds > 0
            ? x * integrand.Integrate(0, OneMinusExp(answerWithinSeconds / patienceSeconds)) * (bySeries ? Math.Exp(integrand.Shift) : 1)
            : 0;
        double serviceLevel = Math.Min(1, (idle + answeredLater) / denominator);
        // The waiting contacts not answered by t; the one subtraction here, so its error is absolute (about 1e-16 of the wait probability).
        double miss = Math.Clamp((sum - answeredLater) / denominator, 0, 1);
        double asa = abandon * patienceSeconds;
        return new QueueMetrics(QueueModel.ErlangA, traffic, agents, answerWithinSeconds,
            waitProbability: wait,
            serviceLevel: serviceLevel,
            missProbability: miss,
            averageSpeedOfAnswerSeconds: asa,
            meanDelayedWaitSeconds: wait > 0 ? asa / wait : 0,
            meanQueueLength: arrivalRate * asa,
            occupancy: Math.Min(1, traffic * (1 - abandon) / agents),
            abandonProbability: abandon,
            blockingProbability: blocking);
    }

    /// <summary>1 - e^(-z) for z ≥ 0, accurate for small z (Kahan's correction of the rounded exponential).</summary>
    private static double OneMinusExp(double z)
    {
        double u = Math.Exp(-z);
        if (u == 1)
        {
            return z;
        }
        double um1 = u - 1;
        return um1 == -1 ? 1 : -um1 * -z / Math.Log(u);
    }

    /// <summary>
    /// The log-concave integrand <c>(1 - v)^x e^(yv)</c> on [0, 1), scaled by its maximum e^Shift, and
    /// its integral by composite Gauss-Legendre quadrature on panels sized to its slope and curvature.
    /// </summary>
    private readonly struct Integrand
    {
        // Below this many natural-log units under the peak the integrand is ignored (e^-60 ≈ 9e-27).
        private const double Depth = 60;
        private const int MaxPanels = 1_000_000;

        private readonly double _x;
        private readonly double _y;
        private readonly double _peak;

        public Integrand(double x, double y)
        {
            _x = x;
            _y = y;
            // The maximum is at v* = 1 - x/y when y > x, else at 0.
            _peak = y > x ? 1 - x / y : 0;
            Shift = y > x ? x * Math.Log(x / y) + y - x : 0;
        }

        /// <summary>log of the maximum of (1 - v)^x e^(yv) over [0, 1).</summary>
        public double Shift { get; }

        /// <summary>log((1 - v)^x e^(yv)) - Shift, written so that it is accurate near the peak.</summary>
        private double LogValue(double v)
        {
            if (_peak == 0)
            {
                return _x * LogOnePlus(-v) + _y * v;
            }
            // With w = (v - v*)·y/x, 1 - v = (x/y)(1 - w), so the log is x·(log(1 - w) + w).
            double w = (v - _peak) * _y / _x;
            return _x * (LogOnePlus(-w) + w);
        }

        /// <summary>log(1 + z) to full relative accuracy for small z (Kahan's correction of the rounded 1 + z).</summary>
        private static double LogOnePlus(double z)
        {
            double u = 1 + z;
            return u == 1 ? z : Math.Log(u) * z / (u - 1);
        }

        /// <summary>A panel width over which 16-point Gauss-Legendre is exact to rounding: the log changes by at most about 4 and bends by at most about 9.</summary>
        private double PanelWidth(double v)
        {
            double remaining = 1 - v;
            double slope = Math.Abs(_y - _x / remaining);
            double curvature = _x / (remaining * remaining);
            return Math.Min(4 / slope, 3 / Math.Sqrt(curvature));
        }

        /// <summary>∫ from <paramref name="low"/> to <paramref name="high"/> of e^(LogValue(v)), 0 ≤ low ≤ high ≤ 1.</summary>
        public double Integrate(double low, double high)
        {
            if (!(high > low))
            {
                return 0;
            }
            double start = Math.Clamp(_peak, low, high);
            double top = LogValue(start);
            return March(start, low, -1, top) + March(start, high, +1, top);
        }

        /// <summary>Sums panels from <paramref name="from"/> towards <paramref name="to"/> until the integrand is negligible.</summary>
        private double March(double from, double to, int direction, double top)
        {
            double total = 0;
            double v = from;
            for (int panel = 0; panel < MaxPanels && (to - v) * direction > 0; panel++)
            {
                double width = PanelWidth(v);
                double far = v + direction * width;
                if ((to - far) * direction > 0)
                {
                    width = Math.Min(width, PanelWidth(far));
                }
                double end = (to - (v + direction * width)) * direction > 0 ? v + direction * width : to;
                total += end == 1 ? PanelToOne(v) : Panel(Math.Min(v, end), Math.Max(v, end));
                v = end;
                if (LogValue(v) < top - Depth)
                {
                    break;
                }
            }
            return total;
        }

        /// <summary>
        /// The last panel [a, 1], in closed form because (1 - v)^x has an endpoint singularity when x is
        /// not an integer: with d = 1 - a, ∫ = e^(LogValue(a))·d·Σ_j (yd)^j / ((x+1)(x+2)···(x+1+j)), a
        /// positive series (the lower incomplete gamma function's); panels are sized so that yd ≤ x + 4 here.
        /// </summary>
        private double PanelToOne(double a)
        {
            double d = 1 - a;
            double z = _y * d;
            double term = 1 / (_x + 1);
            double sum = 0;
            for (int j = 1; term > 1e-17 * sum; j++)
            {
                sum += term;
                term *= z / (_x + 1 + j);
            }
            return Math.Exp(LogValue(a)) * d * sum;
        }

        private double Panel(double a, double b)
        {
            double half = 0.5 * (b - a);
            double middle = a + half;
            double sum = 0;
            var nodes = GaussLegendre.Nodes;
            var weights = GaussLegendre.Weights;
            for (int i = 0; i < nodes.Length; i++)
            {
                sum += weights[i] * (Math.Exp(LogValue(middle - half * nodes[i])) + Math.Exp(LogValue(middle + half * nodes[i])));
            }
            return sum * half;
        }
    }

    /// <summary>The positive half of the 16-point Gauss-Legendre rule, computed once by Newton's method on P16.</summary>
    private static class GaussLegendre
    {
        public static readonly double[] Nodes = new double[8];
        public static readonly double[] Weights = new double[8];

        static GaussLegendre()
        {
            const int Order = 16;
            for (int i = 0; i < Order / 2; i++)
            {
                double z = Math.Cos(Math.PI * (i + 0.75) / (Order + 0.5));
                double derivative = 0;
                for (int iteration = 0; iteration < 100; iteration++)
                {
                    double p1 = 1, p2 = 0;
                    for (int j = 1; j <= Order; j++)
                    {
                        double p3 = p2;
                        p2 = p1;
                        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
                    }
                    derivative = Order * (z * p1 - p2) / (z * z - 1);
                    double previous = z;
                    z = previous - p1 / derivative;
                    if (Math.Abs(z - previous) < 1e-16)
                    {
                        break;
                    }
                }
                Nodes[i] = z;
                Weights[i] = 2 / ((1 - z * z) * derivative * derivative);
            }
        }
    }
}
