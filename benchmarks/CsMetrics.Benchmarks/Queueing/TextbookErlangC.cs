namespace CsMetrics.Benchmarks.Queueing;

/// <summary>
/// The baseline: Erlang C exactly as textbooks and most spreadsheets and scripts write it, with powers
/// and factorials, re-evaluated from scratch for each candidate team size counted up from the traffic.
/// In double precision A^N / N! overflows beyond about 170 agents; the answer is then wrong, and the
/// search runs on to its cap (the same failure the naive code has in practice).
/// </summary>
internal static class TextbookErlangC
{
    public static double WaitProbability(double traffic, int agents)
    {
        double sum = 0;
        double factorial = 1;
        for (int k = 0; k < agents; k++)
        {
            if (k > 0)
            {
                factorial *= k;
            }
            sum += Math.Pow(traffic, k) / factorial;
        }
        double top = Math.Pow(traffic, agents) / (factorial * agents) * agents / (agents - traffic);
        return top / (sum + top);
    }

    public static int RequiredAgents(double traffic, double handleSeconds, double serviceLevel, double answerWithinSeconds)
    {
        int cap = (int)(traffic + 10 * Math.Sqrt(traffic) + 50);
        for (int agents = (int)Math.Floor(traffic) + 1; agents < cap; agents++)
        {
            double wait = WaitProbability(traffic, agents);
            double level = 1 - wait * Math.Exp(-(agents - traffic) * answerWithinSeconds / handleSeconds);
            if (level >= serviceLevel)
            {
                return agents;
            }
        }
        return cap;
    }
}
