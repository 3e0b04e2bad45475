using System.Numerics;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

public static partial class Arima
{
    /// <summary>The 5% critical value of the KPSS level-stationarity statistic (Kwiatkowski et al. 1992, Table 1).</summary>
    internal const double KpssCritical5 = 0.463;

    /// <summary>The seasonal-strength threshold above which one seasonal difference is taken (as <c>forecast::nsdiffs</c>).</summary>
    internal const double SeasonalStrengthThreshold = 0.64;

    /// <summary>Models with an AR or MA root of modulus below this are rejected by the search (as <c>auto.arima</c>).</summary>
    internal const double MinimumRootModulus = 1.01;

    /// <summary>
    /// The KPSS statistic for level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992):
    /// <c>eta = sum_t S_t^2 / (n^2 s^2(l))</c>, <c>S_t</c> the partial sums of <c>y - mean</c>,
    /// <c>s^2(l) = (1/n) sum e_t^2 + (2/n) sum_(s=1)^l (1 - s/(l+1)) sum_t e_t e_(t-s)</c> (Bartlett weights),
    /// with <c>l = trunc(3 sqrt(n) / 13)</c> lags (Hobijn, Franses and Ooms 2004), as <c>forecast::ndiffs</c>.
    /// </summary>
    internal static double Kpss(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double mean = 0;
        foreach (double v in x)
        {
            mean += v;
        }
        mean /= n;
        double partial = 0, sumPartial2 = 0, s2 = 0;
        for (int t = 0; t < n; t++)
        {
            double e = x[t] - mean;
            partial += e;
            sumPartial2 += partial * partial;
            s2 += e * e;
        }
        int lags = (int)Math.Truncate(3 * Math.Sqrt(n) / 13);
        for (int s = 1; s <= lags; s++)
        {
            double c = 0;
            for (int t = s; t < n; t++)
            {
                c += (x[t] - mean) * (x[t - s] - mean);
            }
            s2 += 2 * (1 - s / (lags + 1.0)) * c;
        }
        s2 /= n;
        return sumPartial2 / ((double)n * n * s2);
    }

    /// <summary>The number of first differences the KPSS test at 5% asks for (at most <paramref name="maxD"/>), as <c>forecast::ndiffs</c>.</summary>
    internal static int UnitRootDifferences(ReadOnlySpan<double> x, int maxD)
    {
        var current = x.ToArray();
        int d = 0;
        while (d < maxD && current.Length > 2 && !IsConstant(current) && Kpss(current) > KpssCritical5)
        {
            current = Difference(current, [-1]);
            d++;
        }
        return d;
    }

    /// <summary>The number of seasonal differences the seasonal-strength test asks for (at most <paramref name="maxD"/>), as <c>forecast::nsdiffs</c>.</summary>
    internal static int SeasonalDifferences(ReadOnlySpan<double> x, int m, int maxD)
    {
        var current = x.ToArray();
        int d = 0;
        while (d < maxD && current.Length >= 2 * m + 1 && !IsConstant(current)
            && SeasonalDecomposition.SeasonalStrength(current, m) > SeasonalStrengthThreshold)
        {
            var delta = new double[m];
            delta[m - 1] = -1;
            current = Difference(current, delta);
            d++;
        }
        return d;
    }

    internal static bool IsConstant(ReadOnlySpan<double> x)
    {
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] != x[0])
            {
                return false;
            }
        }
        return true;
    }

    private readonly record struct Candidate(int P, int Q, int SeasonalP, int SeasonalQ, bool Constant);

    internal static ArimaFit AutoSearch(double[] y, int m, ArimaOptions options, CancellationToken cancellationToken, Action<ArimaFit>? trace = null)
    {
        if (m < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(m), m, "must be >= 1");
        }
        bool seasonal = m > 1;
        int seasonalD = seasonal ? options.SeasonalD ?? SeasonalDifferences(y, m, options.MaxSeasonalD) : 0;
        var seasonallyDifferenced = y;
        if (seasonalD > 0)
        {
            var delta = ArimaPolynomials.DifferencingPolynomial(0, seasonalD, m);
            seasonallyDifferenced = Difference(y, delta);
        }
        int d = options.D ?? UnitRootDifferences(seasonallyDifferenced, options.MaxD);
        int integration = d + seasonalD;
        bool constantAllowed = integration == 0 ? options.IncludeMean != false : integration == 1 && options.IncludeDrift != false;
        bool constantForced = integration == 0 ? options.IncludeMean == true : integration == 1 && options.IncludeDrift == true;
        int maxSP = seasonal ? options.MaxSeasonalP : 0, maxSQ = seasonal ? options.MaxSeasonalQ : 0;
        var template = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m);
        var data = Prepare(y, template);
        var fitted = new Dictionary<Candidate, ArimaFit?>();
        ArimaFit? best = null;
        double bestScore = double.PositiveInfinity;
        ArimaFit? anyFit = null;

        bool Try(Candidate c, bool checkOrder)
        {
            if (c.P < 0 || c.Q < 0 || c.SeasonalP < 0 || c.SeasonalQ < 0 || c.P > options.MaxP || c.Q > options.MaxQ
                || c.SeasonalP > maxSP || c.SeasonalQ > maxSQ || (c.Constant && !constantAllowed) || (!c.Constant && constantForced)
                || (checkOrder && c.P + c.Q + c.SeasonalP + c.SeasonalQ > options.MaxOrder) || fitted.ContainsKey(c)
                || fitted.Count >= options.MaxModels)
            {
                return false;
            }
            var order = new ArimaOrder(c.P, d, c.Q, c.SeasonalP, seasonalD, c.SeasonalQ, m);
            int parameters = order.ArmaParameterCount + (c.Constant ? 1 : 0);
            if (data.Values.Length < parameters + 2)
            {
                fitted[c] = null;
                return false;
            }
            var fit = FitPrepared(data, order, c.Constant && integration == 0, c.Constant && integration == 1, options.MaxEvaluations, cancellationToken, thorough: false);
            fitted[c] = fit;
            trace?.Invoke(fit);
            anyFit ??= fit;
            double score = Score(fit, options.Criterion);
            if (score < bestScore)
            {
                bestScore = score;
                best = fit;
                return true;
            }
            return false;
        }

        if (options.Stepwise)
        {
            bool constant = constantAllowed;
            Try(new Candidate(Math.Min(2, options.MaxP), Math.Min(2, options.MaxQ), Math.Min(1, maxSP), Math.Min(1, maxSQ), constant), false);
            Try(new Candidate(0, 0, 0, 0, constant), false);
            Try(new Candidate(Math.Min(1, options.MaxP), 0, Math.Min(1, maxSP), 0, constant), false);
            Try(new Candidate(0, Math.Min(1, options.MaxQ), 0, Math.Min(1, maxSQ), constant), false);
            if (constant)
            {
                Try(new Candidate(0, 0, 0, 0, false), false);
            }
            while (best is not null && fitted.Count < options.MaxModels)
            {
                var o = best.Order;
                var c = new Candidate(o.P, o.Q, o.IsSeasonal ? o.SeasonalP : 0, o.IsSeasonal ? o.SeasonalQ : 0, best.HasMean || best.HasDrift);
                Candidate[] moves = seasonal
                    ?
                    [
                        c with { SeasonalP = c.SeasonalP - 1 }, c with { SeasonalQ = c.SeasonalQ - 1 },
                        c with { SeasonalP = c.SeasonalP + 1 }, c with { SeasonalQ = c.SeasonalQ + 1 },
                        c with { SeasonalP = c.SeasonalP - 1, SeasonalQ = c.SeasonalQ - 1 }, c with { SeasonalP = c.SeasonalP - 1, SeasonalQ = c.SeasonalQ + 1 },
                        c with { SeasonalP = c.SeasonalP + 1, SeasonalQ = c.SeasonalQ - 1 }, c with { SeasonalP = c.SeasonalP + 1, SeasonalQ = c.SeasonalQ + 1 },
                        .. NonSeasonalMoves(c),
                    ]
                    : NonSeasonalMoves(c);
                bool improved = false;
                foreach (var move in moves)
                {
                    if (Try(move, true))
                    {
                        improved = true;
                        break;
                    }
                }
                if (!improved)
                {
                    break;
                }
            }
        }
        else
        {
            for (int p = 0; p <= options.MaxP; p++)
            {
                for (int q = 0; q <= options.MaxQ; q++)
                {
                    for (int sp = 0; sp <= maxSP; sp++)
                    {
                        for (int sq = 0; sq <= maxSQ; sq++)
                        {
                            if (constantAllowed)
                            {
                                Try(new Candidate(p, q, sp, sq, true), true);
                            }
                            Try(new Candidate(p, q, sp, sq, false), true);
                        }
                    }
                }
            }
        }
        if (best is not null)
        {
            // The chosen model refitted from both starts (the search fits from one), as R refits its choice.
            var chosen = best.Order;
            var refit = FitPrepared(data, chosen, best.HasMean, best.HasDrift, options.MaxEvaluations, cancellationToken, thorough: true);
            return refit.LogLikelihood > best.LogLikelihood ? refit : best;
        }
        if (anyFit is not null)
        {
            return anyFit;
        }
        CheckLength(data, template, constantForced && integration == 0, constantForced && integration == 1, nameof(y));
        return FitPrepared(data, template, constantForced && integration == 0, constantForced && integration == 1, options.MaxEvaluations, cancellationToken);
    }

    private static Candidate[] NonSeasonalMoves(Candidate c) =>
    [
        c with { P = c.P - 1 }, c with { Q = c.Q - 1 }, c with { P = c.P + 1 }, c with { Q = c.Q + 1 },
        c with { P = c.P - 1, Q = c.Q - 1 }, c with { P = c.P - 1, Q = c.Q + 1 },
        c with { P = c.P + 1, Q = c.Q - 1 }, c with { P = c.P + 1, Q = c.Q + 1 },
        c with { Constant = !c.Constant },
    ];

    /// <summary>The criterion, +infinity for a failed fit or one with an AR or MA root within <see cref="MinimumRootModulus"/> of the unit circle.</summary>
    internal static double Score(ArimaFit fit, ArimaCriterion criterion)
    {
        double score = criterion switch
        {
            ArimaCriterion.Aic => fit.Aic,
            ArimaCriterion.Bic => fit.Bic,
            _ => fit.Aicc,
        };
        if (double.IsNaN(score) || NearUnitRoot(fit))
        {
            return double.PositiveInfinity;
        }
        return score;
    }

    internal static bool NearUnitRoot(ArimaFit fit)
    {
        int m = Math.Max(1, fit.Order.SeasonLength);
        return MinimumModulus(fit.Ar, -1, 1) < MinimumRootModulus || MinimumModulus(fit.Ma, 1, 1) < MinimumRootModulus
            || MinimumModulus(fit.SeasonalAr, -1, m) < MinimumRootModulus || MinimumModulus(fit.SeasonalMa, 1, m) < MinimumRootModulus;
    }

    /// <summary>The smallest root modulus of <c>1 + sign sum c_i z^i</c> as a polynomial in B with <c>z = B^power</c>.</summary>
    private static double MinimumModulus(IReadOnlyList<double> coefficients, double sign, int power)
    {
        int degree = coefficients.Count;
        while (degree > 0 && coefficients[degree - 1] == 0)
        {
            degree--;
        }
        if (degree == 0)
        {
            return double.PositiveInfinity;
        }
        var poly = new double[degree + 1];
        poly[0] = 1;
        for (int i = 0; i < degree; i++)
        {
            poly[i + 1] = sign * coefficients[i];
        }
        Complex[] roots = new MathNet.Numerics.Polynomial(poly).Roots();
        double min = double.PositiveInfinity;
        foreach (var root in roots)
        {
            min = Math.Min(min, root.Magnitude);
        }
        return Math.Pow(min, 1.0 / power);
    }
}
