using MathNet.Numerics;

namespace CsMetrics.Tests.Queueing;

/// <summary>
/// Independent references computed in the tests, by other routes than the library's: Erlang B from
/// the Poisson distribution (MathNet's regularized incomplete gamma) and Erlang A by summing the
/// birth-death chain's stationary probabilities in log space.
/// </summary>
internal static class QueueingOracle
{
    /// <summary>B(x, A) = A^x e^-A / Γ(x+1, A) = exp(x ln A - A - lnΓ(x+1)) / Q(x+1, A).</summary>
    public static double ErlangBByIncompleteGamma(double traffic, double agents) =>
        Math.Exp(agents * Math.Log(traffic) - traffic - SpecialFunctions.GammaLn(agents + 1))
        / SpecialFunctions.GammaUpperRegularized(agents + 1, traffic);

    /// <summary>The textbook recursion in its usual form B(n) = A·B(n-1) / (n + A·B(n-1)).</summary>
    public static double ErlangBByRecursion(double traffic, int agents)
    {
        double b = 1;
        for (int n = 1; n <= agents; n++)
        {
            b = traffic * b / (n + traffic * b);
        }
        return b;
    }

    /// <summary>Erlang A wait and abandonment probabilities from the chain's stationary law, truncated far in the tail.</summary>
    public static (double Wait, double Abandon) ErlangAByChain(double traffic, int agents, double handleSeconds, double patienceSeconds)
    {
        double lambda = traffic / handleSeconds, mu = 1 / handleSeconds, theta = 1 / patienceSeconds;
        var logs = new List<double>();
        logs.Add(0);
        for (int j = 1; j <= agents; j++)
        {
            logs.Add(logs[^1] + Math.Log(traffic / j));
        }
        double last = logs[^1];
        double peak = last;
        for (int k = 1; ; k++)
        {
            last += Math.Log(lambda / (agents * mu + k * theta));
            logs.Add(last);
            peak = Math.Max(peak, last);
            if (last < peak - 80 && lambda < agents * mu + k * theta)
            {
                break;
            }
        }
        peak = logs.Max();
        double total = 0, waiting = 0, queued = 0;
        for (int j = 0; j < logs.Count; j++)
        {
            double p = Math.Exp(logs[j] - peak);
            total += p;
            if (j >= agents)
            {
                waiting += p;
                queued += (j - agents) * p;
            }
        }
        return (waiting / total, theta * queued / (lambda * total));
    }
}
