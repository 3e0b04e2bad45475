using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// Seasonal ARIMA models (Box and Jenkins 1970) fitted by exact Gaussian maximum likelihood through a
/// Kalman filter on the state-space form (Harvey 1989; Durbin and Koopman 2012), as R's
/// <c>arima</c>/<c>forecast::Arima</c>, and chosen automatically as R's <c>forecast::auto.arima</c>
/// (Hyndman and Khandakar 2008). Thread-safe: every call works on its own buffers.
/// </summary>
public static partial class Arima
{
    /// <summary>
    /// Fits <c>ARIMA(p,d,q)(P,D,Q)[m]</c> by exact maximum likelihood (conditional sum-of-squares starting values).
    /// </summary>
    /// <param name="values">The series, oldest first; every value finite.</param>
    /// <param name="order">The orders.</param>
    /// <param name="options">Mean and drift terms (<see cref="ArimaOptions.IncludeMean"/>, <see cref="ArimaOptions.IncludeDrift"/>) and the evaluation cap; null for the defaults (a mean when <c>d + D = 0</c>, no drift).</param>
    /// <param name="cancellationToken">Cancels the fit (checked at every likelihood evaluation).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A value is NaN or infinite (the message names its index); the series has too few values for the model after differencing; drift asked for with <c>d + D &gt;= 2</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An order is out of range (<see cref="ArimaOrder"/>); an option is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <remarks>
    /// The model for the differenced series <c>w_t = (1 - B)^d (1 - B^m)^D y_t</c> is
    /// <c>phi(B) Phi(B^m) (w_t - mu_t) = theta(B) Theta(B^m) e_t</c>, <c>e_t ~ N(0, sigma2)</c>, where <c>mu_t</c> is the
    /// differenced regression on a constant (the mean, <c>d + D = 0</c>) and the time index <c>t = 1..n</c> (drift),
    /// as R's <c>xreg</c>. AR polynomials are kept stationary and MA polynomials invertible by optimising
    /// their partial autocorrelations, in a box inside (-1, 1), mapped by the Durbin-Levinson recursion (Jones
    /// 1980); the exact likelihood of an invertible MA equals that of its non-invertible mirror, so nothing is lost.
    /// The regression coefficients are profiled out by generalised least squares from the same Kalman pass and
    /// sigma2 is concentrated out, so the search is over the <c>p + q + P + Q</c> ARMA coefficients only: first the
    /// conditional sum of squares from zero, then the exact likelihood from that point (partial autocorrelations clamped to 0.987) and from zero, the better optimum kept, each
    /// by Levenberg-Marquardt (<c>Internal.BoundedLevenbergMarquardt</c>) on residuals whose sum of squares is monotone in -2 log L (forward-difference Jacobian), to a relative 1e-10; an optimum where a partial autocorrelation saturates is searched again from inside. The
    /// log-likelihood, sigma2 and criteria are on R's scale (see <see cref="ArimaFit.LogLikelihood"/>).
    /// </remarks>
    public static ArimaFit Fit(ReadOnlySpan<double> values, ArimaOrder order, ArimaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ArimaOptions.Default;
        options.Validate();
        order.Validate(nameof(order));
        var y = CheckValues(values);
        int integration = order.D + (order.IsSeasonal ? order.SeasonalD : 0);
        bool mean = integration == 0 && (options.IncludeMean ?? true);
        bool drift = options.IncludeDrift ?? false;
        if (drift && integration >= 2)
        {
            ThrowHelper.ThrowArgument(nameof(options), string.Create(CultureInfo.InvariantCulture,
                $"IncludeDrift needs d + D <= 1; {order} has d + D = {integration} (the drift is differenced away)."));
        }
        var data = Prepare(y, order);
        CheckLength(data, order, mean, drift, nameof(values));
        return FitPrepared(data, order, mean, drift, options.MaxEvaluations, cancellationToken);
    }

    /// <summary>Starting partial autocorrelations are kept within |r| &lt;= 0.98.</summary>
    private const double StartBound = 0.98;

    /// <summary>An optimum with a partial autocorrelation beyond |r| = 0.99999 is searched again from <see cref="StartBound"/>.</summary>
    private const double SaturatedBound = 0.99999;

    /// <summary>A series differenced for one (d, D, m).</summary>
    internal sealed class Differenced
    {
        public required double[] Values { get; init; }
        public required double[] Polynomial { get; init; }
        public required double[] Series { get; init; }
    }

    internal static double[] CheckValues(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                ThrowHelper.ThrowArgument(nameof(values), string.Create(CultureInfo.InvariantCulture,
                    $"values[{i}] is {values[i]}; ARIMA needs every value finite (fill or drop missing values first)."));
            }
        }
        return values.ToArray();
    }

    internal static Differenced Prepare(double[] y, ArimaOrder order)
    {
        var delta = ArimaPolynomials.DifferencingPolynomial(order.D, order.IsSeasonal ? order.SeasonalD : 0, Math.Max(1, order.SeasonLength));
        return new Differenced { Values = Difference(y, delta), Polynomial = delta, Series = y };
    }

    /// <summary><c>w_t = y_(t+nd) + sum_k delta_k y_(t+nd-k)</c>, t = 0..n-nd-1.</summary>
    internal static double[] Difference(ReadOnlySpan<double> y, double[] delta)
    {
        int nd = delta.Length;
        var w = new double[Math.Max(0, y.Length - nd)];
        for (int t = 0; t < w.Length; t++)
        {
            double value = y[t + nd];
            for (int k = 1; k <= nd; k++)
            {
                value += delta[k - 1] * y[t + nd - k];
            }
            w[t] = value;
        }
        return w;
    }

    private static void CheckLength(Differenced data, ArimaOrder order, bool mean, bool drift, string paramName)
    {
        int parameters = order.ArmaParameterCount + (mean ? 1 : 0) + (drift ? 1 : 0);
        int needed = parameters + 2;
        if (data.Values.Length < needed)
        {
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{order} needs at least {needed + data.Polynomial.Length} values ({data.Polynomial.Length} lost to differencing, {parameters} coefficients, sigma2 and one more); got {data.Series.Length}."));
        }
    }

    /// <summary>The differenced regressors: a constant (mean) and the time index 1..n (drift), both differenced as the series.</summary>
    internal static double[][] Regressors(Differenced data, bool mean, bool drift)
    {
        var list = new List<double[]>(2);
        int n = data.Series.Length;
        if (mean)
        {
            var time = new double[n];
            Array.Fill(time, 1.0);
            list.Add(Difference(time, data.Polynomial));
        }
        if (drift)
        {
            var time = new double[n];
            for (int t = 0; t < n; t++)
            {
                time[t] = t + 1;
            }
            list.Add(Difference(time, data.Polynomial));
        }
        return [.. list];
    }

    internal static ArimaFit FitPrepared(Differenced data, ArimaOrder order, bool mean, bool drift, int maxEvaluations, CancellationToken cancellationToken, bool thorough = true)
    {
        var regressors = Regressors(data, mean, drift);
        var likelihood = new ArimaLikelihood(data.Values, regressors, order) { Cancellation = cancellationToken };
        likelihood.CssCoefficients = LeastSquares(data.Values, regressors);
        int k = likelihood.Dimension;
        var point = new double[k];
        int evaluations = 0;
        bool converged = true;
        if (k > 0)
        {
            var lower = new double[k];
            var upper = new double[k];
            Array.Fill(lower, -ArimaPolynomials.RawBound);
            Array.Fill(upper, ArimaPolynomials.RawBound);
            var squares = new ArimaLeastSquares(likelihood);
            int iterations = Math.Max(5, maxEvaluations / (4 * (k + 1)));
            likelihood.ConditionalSumOfSquares = true;
            BoundedLevenbergMarquardt.Minimize(squares, point, lower, upper, iterations, 1e-8);
            likelihood.ConditionalSumOfSquares = false;
            // A conditional optimum at a saturated partial autocorrelation (a unit root) starts the exact search
            // from inside: the exact likelihood is flat in the unconstrained value out there.
            for (int i = 0; i < k; i++)
            {
                point[i] = Math.Clamp(point[i], -StartBound, StartBound);
            }
            var zero = new double[k];
            double fromCss = likelihood.Evaluate(point), fromZero = likelihood.Evaluate(zero);
            if (thorough && k > 1)
            {
                // Both starts, the better optimum kept: the likelihood of a rich seasonal model has several maxima.
                var other = fromCss <= fromZero ? zero : (double[])point.Clone();
                if (!(fromCss <= fromZero))
                {
                    zero.CopyTo(point, 0);
                }
                var first = BoundedLevenbergMarquardt.Minimize(squares, point, lower, upper, iterations, 1e-10);
                var second = BoundedLevenbergMarquardt.Minimize(squares, other, lower, upper, iterations, 1e-10);
                converged = first.Converged;
                if (likelihood.Evaluate(other) < likelihood.Evaluate(point))
                {
                    other.CopyTo(point, 0);
                    converged = second.Converged;
                }
            }
            else
            {
                if (!(fromCss <= fromZero))
                {
                    zero.CopyTo(point, 0);
                }
                // The search's fits stop a little earlier (1e-8 of S, about 1e-6 on -2 log L); its choice is refitted at 1e-10.
                var exact = BoundedLevenbergMarquardt.Minimize(squares, point, lower, upper, iterations, 1e-8);
                converged = exact.Converged;
            }
            // An optimum with a saturated coordinate may be a plateau short of an interior maximum: search again from inside.
            bool saturated = false;
            var retry = (double[])point.Clone();
            for (int i = 0; i < k; i++)
            {
                if (Math.Abs(retry[i]) > SaturatedBound)
                {
                    retry[i] = Math.Sign(retry[i]) * StartBound;
                    saturated = true;
                }
            }
            if (saturated)
            {
                var again = BoundedLevenbergMarquardt.Minimize(squares, retry, lower, upper, iterations, thorough ? 1e-10 : 1e-8);
                if (likelihood.Evaluate(retry) < likelihood.Evaluate(point))
                {
                    retry.CopyTo(point, 0);
                    converged = again.Converged;
                }
            }
            evaluations = squares.Passes;
        }
        return ArimaFit.Create(data, order, likelihood, point, regressors, mean, drift, evaluations, converged);
    }

    /// <summary>Ordinary least squares of w on the (at most two) regressors.</summary>
    private static double[] LeastSquares(double[] w, double[][] regressors)
    {
        int k = regressors.Length;
        var beta = new double[k];
        if (k == 0)
        {
            return beta;
        }
        double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
        for (int t = 0; t < w.Length; t++)
        {
            double x1 = regressors[0][t];
            a11 += x1 * x1;
            b1 += x1 * w[t];
            if (k == 2)
            {
                double x2 = regressors[1][t];
                a12 += x1 * x2;
                a22 += x2 * x2;
                b2 += x2 * w[t];
            }
        }
        if (k == 1)
        {
            beta[0] = a11 > 0 ? b1 / a11 : 0;
            return beta;
        }
        double det = a11 * a22 - a12 * a12;
        if (det > 0)
        {
            beta[0] = (a22 * b1 - a12 * b2) / det;
            beta[1] = (a11 * b2 - a12 * b1) / det;
        }
        return beta;
    }
}
