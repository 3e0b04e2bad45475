using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Forecasting;

/// <summary>
/// The exact likelihood against oracles that share nothing with the Kalman filter: the Gaussian density through the
/// full covariance matrix (autocovariances summed from 20,000 psi weights, Cholesky factor), the AR(1) closed form,
/// the random walk, and the Lyapunov equation for the initial state covariance.
/// </summary>
public class ArimaLikelihoodTests
{
    private static double[] Series(int seed, int n)
    {
        var random = new Random(seed);
        var y = new double[n];
        double level = 10;
        for (int t = 0; t < n; t++)
        {
            level += 0.3 * (random.NextDouble() - 0.5);
            y[t] = level + Math.Sin(t * 0.7) + (random.NextDouble() - 0.5);
        }
        return y;
    }

    public static TheoryData<int, int, int, int, int, int, int> Orders => new()
    {
        { 1, 0, 0, 0, 0, 0, 1 },
        { 0, 0, 1, 0, 0, 0, 1 },
        { 2, 0, 2, 0, 0, 0, 1 },
        { 1, 1, 1, 0, 0, 0, 1 },
        { 1, 0, 1, 1, 0, 1, 4 },
        { 0, 1, 1, 0, 1, 1, 4 },
        { 2, 0, 0, 1, 0, 0, 3 },
        { 0, 0, 3, 0, 0, 2, 3 },
    };

    /// <summary>-2 log L of the zero-mean Gaussian vector z with covariance sigma2 G, sigma2 concentrated out, mean profiled by GLS.</summary>
    private static double BruteForceMinusTwoLogLikelihood(double[] w, double[] phi, double[] theta, bool mean)
    {
        int n = w.Length;
        // psi weights of theta(B)/phi(B), then gamma(h) = sum_j psi_j psi_(j+h).
        const int terms = 20_000;
        var psi = new double[terms];
        for (int j = 0; j < terms; j++)
        {
            double value = j == 0 ? 1 : j <= theta.Length ? theta[j - 1] : 0;
            for (int k = 1; k <= Math.Min(j, phi.Length); k++)
            {
                value += phi[k - 1] * psi[j - k];
            }
            psi[j] = value;
        }
        var gamma = new double[n];
        for (int h = 0; h < n; h++)
        {
            double sum = 0;
            for (int j = 0; j + h < terms; j++)
            {
                sum += psi[j] * psi[j + h];
            }
            gamma[h] = sum;
        }
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = gamma[i - j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }
                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        }
        double[] Solve(double[] b)
        {
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                double sum = b[i];
                for (int k = 0; k < i; k++)
                {
                    sum -= l[i, k] * x[k];
                }
                x[i] = sum / l[i, i];
            }
            return x;
        }
        var ew = Solve(w);
        double ssq = ew.Sum(v => v * v);
        if (mean)
        {
            var e1 = Solve(Enumerable.Repeat(1.0, n).ToArray());
            double xx = e1.Sum(v => v * v), xy = e1.Zip(ew, (a, b) => a * b).Sum();
            ssq -= xy * xy / xx;
        }
        double logDet = 0;
        for (int i = 0; i < n; i++)
        {
            logDet += 2 * Math.Log(l[i, i]);
        }
        return n * Math.Log(2 * Math.PI * ssq / n) + logDet + n;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void ExactLikelihood_EqualsTheFullCovarianceDensity(int p, int d, int q, int sp, int sd, int sq, int m)
    {
        var order = new ArimaOrder(p, d, q, sp, sd, sq, m);
        var y = Series(p + 10 * q + 100 * sp + m, 60);
        var data = Arima.Prepare(y, order);
        bool mean = order.D + order.SeasonalD == 0;
        var regressors = Arima.Regressors(data, mean, drift: false);
        var likelihood = new ArimaLikelihood(data.Values, regressors, order);
        var random = new Random(p * 7 + q);
        for (int trial = 0; trial < 3; trial++)
        {
            var raw = Enumerable.Range(0, likelihood.Dimension).Select(_ => 1.8 * (random.NextDouble() - 0.5)).ToArray();
            double ours = likelihood.Evaluate(raw);
            double oracle = BruteForceMinusTwoLogLikelihood(data.Values, likelihood.ExpandedAr.ToArray(), likelihood.ExpandedMa.ToArray(), mean);
            Assert.Equal(oracle, ours, 1e-7 * Math.Abs(oracle));
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void InitialCovariance_SolvesTheLyapunovEquation(int p, int d, int q, int sp, int sd, int sq, int m)
    {
        var order = new ArimaOrder(p, d, q, sp, sd, sq, m);
        var likelihood = new ArimaLikelihood(new double[40], [], order);
        var random = new Random(q * 5 + sp);
        var raw = Enumerable.Range(0, likelihood.Dimension).Select(_ => 1.9 * (random.NextDouble() - 0.5)).ToArray();
        likelihood.SetCoefficients(raw);
        int r = likelihood.StateLength;
        var cov = new double[r * r];
        Assert.True(likelihood.InitialCovariance(cov));
        var phi = likelihood.ExpandedAr.ToArray();
        var theta = likelihood.ExpandedMa.ToArray();
        var t = new double[r, r];
        var rv = new double[r];
        for (int i = 0; i < r; i++)
        {
            t[i, 0] = i < phi.Length ? phi[i] : 0;
            if (i + 1 < r)
            {
                t[i, i + 1] = 1;
            }
            rv[i] = i == 0 ? 1 : i <= theta.Length ? theta[i - 1] : 0;
        }
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < r; j++)
            {
                double sum = rv[i] * rv[j];
                for (int a = 0; a < r; a++)
                {
                    for (int b = 0; b < r; b++)
                    {
                        sum += t[i, a] * cov[a * r + b] * t[j, b];
                    }
                }
                Assert.Equal(cov[i * r + j], sum, 1e-9 * Math.Max(1, Math.Abs(cov[0])));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void ChandrasekharRecursions_MatchTheFullKalmanFilter(int p, int d, int q, int sp, int sd, int sq, int m)
    {
        var order = new ArimaOrder(p, d, q, sp, sd, sq, m);
        var y = Series(3 * p + q + m, 80);
        var data = Arima.Prepare(y, order);
        var regressors = Arima.Regressors(data, order.D + order.SeasonalD == 0, drift: true);
        var likelihood = new ArimaLikelihood(data.Values, regressors, order);
        var random = new Random(11 * p + q);
        for (int trial = 0; trial < 4; trial++)
        {
            var raw = Enumerable.Range(0, likelihood.Dimension).Select(_ => 1.96 * (random.NextDouble() - 0.5)).ToArray();
            likelihood.SetCoefficients(raw);
            var full = likelihood.Filter(data.Values, regressors, default);
            var fast = likelihood.FastFilter(data.Values, regressors);
            Assert.Equal(full.SumLogF, fast.SumLogF, 1e-9 * Math.Max(1, Math.Abs(full.SumLogF)));
            Assert.Equal(full.SumSquares, fast.SumSquares, 1e-9 * full.SumSquares);
            Assert.Equal(full.Objective, fast.Objective, 1e-10 * Math.Max(1, Math.Abs(full.Objective)));
        }
    }

    [Fact]
    public void LikelihoodEvaluation_AllocatesNothing()
    {
        var order = new ArimaOrder(2, 0, 1, 1, 1, 1, 12);
        var y = Series(4, 144);
        var data = Arima.Prepare(y, order);
        var regressors = Arima.Regressors(data, mean: false, drift: true);
        var likelihood = new ArimaLikelihood(data.Values, regressors, order);
        var raw = new double[likelihood.Dimension];
        raw.AsSpan().Fill(0.3);
        var residuals = new double[likelihood.ResidualCount];
        double sink = 0;
        Assert.Equal(0, Allocations.Measure(() => sink += likelihood.Evaluate(raw)));
        Assert.Equal(0, Allocations.Measure(() => sink += likelihood.ResidualVector(raw, residuals) ? 1 : 0));
        likelihood.ConditionalSumOfSquares = true;
        Assert.Equal(0, Allocations.Measure(() => sink += likelihood.Evaluate(raw)));
        Assert.True(double.IsFinite(sink));
    }

    [Fact]
    public void Ar1_MatchesTheClosedForm()
    {
        var y = Series(3, 80);
        var fit = Arima.Fit(y, ArimaOrder.NonSeasonal(1, 0, 0), new ArimaOptions { IncludeMean = false });
        double phi = fit.Ar[0];
        // Exact AR(1): -2 log L = n log(2 pi s2) - log(1 - phi^2) + n, s2 = ((1 - phi^2) y1^2 + sum (y_t - phi y_(t-1))^2) / n.
        double ssq = (1 - phi * phi) * y[0] * y[0];
        for (int t = 1; t < y.Length; t++)
        {
            ssq += (y[t] - phi * y[t - 1]) * (y[t] - phi * y[t - 1]);
        }
        int n = y.Length;
        double logLik = -0.5 * (n * Math.Log(2 * Math.PI * ssq / n) - Math.Log(1 - phi * phi) + n);
        Assert.Equal(logLik, fit.LogLikelihood, 1e-9);
        // The maximum: the derivative of the closed form in phi vanishes there.
        double Closed(double f)
        {
            double s = (1 - f * f) * y[0] * y[0];
            for (int t = 1; t < n; t++)
            {
                s += (y[t] - f * y[t - 1]) * (y[t] - f * y[t - 1]);
            }
            return -0.5 * (n * Math.Log(2 * Math.PI * s / n) - Math.Log(1 - f * f) + n);
        }
        Assert.True(Closed(phi + 1e-4) <= fit.LogLikelihood + 1e-9 && Closed(phi - 1e-4) <= fit.LogLikelihood + 1e-9);
    }

    [Fact]
    public void RandomWalk_LikelihoodAndForecastVariance()
    {
        var y = Series(5, 50);
        var fit = Arima.Fit(y, ArimaOrder.NonSeasonal(0, 1, 0));
        var w = Enumerable.Range(1, y.Length - 1).Select(t => y[t] - y[t - 1]).ToArray();
        double s = w.Sum(v => v * v);
        int n = w.Length;
        Assert.Equal(-0.5 * (n * Math.Log(2 * Math.PI * s / n) + n), fit.LogLikelihood, 1e-9);
        Assert.Equal(s / n, fit.Sigma2, 1e-12);
        var forecast = fit.Forecast(5, [0.95]);
        for (int h = 0; h < 5; h++)
        {
            Assert.Equal(y[^1], forecast.Mean[h], 1e-12);
            Assert.Equal((h + 1) * fit.Sigma2, forecast.Variance[h], 1e-9);
        }
    }

    [Fact]
    public void Ima11_ForecastVarianceIsThePsiWeightSum()
    {
        var y = Series(9, 120);
        var fit = Arima.Fit(y, ArimaOrder.NonSeasonal(0, 1, 1));
        double theta = fit.Ma[0];
        var forecast = fit.Forecast(8, [0.8]);
        // psi weights of (1 + theta B) / (1 - B): 1, 1 + theta, 1 + theta, ...
        for (int h = 0; h < 8; h++)
        {
            double expected = fit.Sigma2 * (1 + h * (1 + theta) * (1 + theta));
            Assert.Equal(expected, forecast.Variance[h], 1e-6 * expected);
        }
    }
}
