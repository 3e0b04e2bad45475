using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The exact Gaussian likelihood of an ARMA model of the differenced series, with regression on a
/// constant and a time trend (differenced in the same way) profiled out by generalised least squares,
/// and the innovation variance concentrated out. The ARMA part is in Harvey's (1989, sec. 3.3)
/// state-space form
/// <c>z_t = Z alpha_t, alpha_(t+1) = T alpha_t + R e_(t+1)</c>, <c>Z = (1, 0, ..., 0)</c>,
/// <c>T = [phi | I; 0]</c>, <c>R = (1, theta_1, ..., theta_(r-1))'</c>, <c>r = max(p, q + 1)</c> (expanded orders),
/// filtered by the Kalman filter (Durbin and Koopman 2012, sec. 4.3) from the stationary initial
/// covariance <c>P_1 = T P_1 T' + R R'</c> (Gardner, Harvey and Phillips 1980), which is computed here
/// from the process autocovariances in closed form rather than by solving the Lyapunov equation.
/// When <c>P_t</c> reaches its steady state <c>R R'</c> (within 1e-11) the filter continues with the
/// fixed gain R, exactly. Evaluation allocates nothing.
/// </summary>
/// <remarks>
/// With the Kalman innovations <c>v_t</c> and variances <c>F_t</c> (unit innovation variance), the
/// objective is R's <c>0.5 log(S / n) + 0.5 sum log F_t / n</c>, <c>S = sum v_t^2 / F_t</c>, and the
/// log-likelihood <c>-0.5 (n log(2 pi S / n) + sum log F_t + n)</c> over the <c>n</c> differenced values: the
/// likelihood R's <c>arima</c> reports, which treats the differencing states as diffuse and so
/// conditions on the first <c>d + mD</c> values.
/// </remarks>
internal sealed class ArimaLikelihood : IBoundedObjective
{
    private const double SteadyTolerance = 1e-11;

    private readonly double[] _w;
    private readonly double[][] _regressors;
    private readonly int _p, _q, _sp, _sq, _m, _pf, _qf, _r;
    private readonly double[] _ar, _ma, _sar, _sma, _work, _phi, _theta, _psi, _gamma, _system, _cov, _temp, _rv, _state, _gain, _cross;
    private readonly int[] _phiNonZero, _thetaNonZero;
    private readonly double[] _errors;
    private readonly double[] _innovations;
    private int _phiCount, _thetaCount;
    private CancellationToken _cancellation;

    public ArimaLikelihood(double[] differenced, double[][] regressors, ArimaOrder order)
    {
        _w = differenced;
        _regressors = regressors;
        _p = order.P;
        _q = order.Q;
        bool seasonal = order.IsSeasonal;
        _sp = seasonal ? order.SeasonalP : 0;
        _sq = seasonal ? order.SeasonalQ : 0;
        _m = Math.Max(1, order.SeasonLength);
        _pf = order.ExpandedArOrder;
        _qf = order.ExpandedMaOrder;
        _r = Math.Max(_pf, _qf + 1);
        _ar = new double[_p];
        _ma = new double[_q];
        _sar = new double[_sp];
        _sma = new double[_sq];
        _work = new double[Math.Max(Math.Max(_p, _q), Math.Max(Math.Max(_sp, _sq), 1))];
        _phi = new double[_pf];
        _theta = new double[_qf];
        _psi = new double[_r + 1];
        _gamma = new double[_r + 1];
        _system = new double[(_pf + 1) * (_pf + 1)];
        _cov = new double[_r * _r];
        _temp = new double[Math.Max(_r * _r, 2 * _r)];
        _rv = new double[_r];
        int columns = 1 + regressors.Length;
        _state = new double[columns * _r];
        _gain = new double[_r];
        _cross = new double[columns * columns];
        _phiNonZero = new int[_pf];
        _errors = new double[differenced.Length];
        _innovations = new double[(1 + regressors.Length) * differenced.Length];
        _thetaNonZero = new int[_qf + 1];
    }

    /// <summary>The number of unconstrained parameters: <c>p + q + P + Q</c>.</summary>
    public int Dimension => _p + _q + _sp + _sq;

    /// <summary>The state dimension r.</summary>
    public int StateLength => _r;

    /// <summary>The number of differenced values (the likelihood's n).</summary>
    public int Count => _w.Length;

    /// <summary>Use the conditional sum of squares (for starting values) instead of the exact likelihood.</summary>
    public bool ConditionalSumOfSquares { get; set; }

    /// <summary>Regression coefficients used by the conditional sum of squares (ordinary least squares).</summary>
    public double[] CssCoefficients { get; set; } = [];

    public CancellationToken Cancellation { set => _cancellation = value; }

    public ReadOnlySpan<double> ExpandedAr => _phi;

    public ReadOnlySpan<double> ExpandedMa => _theta;

    /// <summary>Maps the unconstrained point to the AR, MA, seasonal AR and seasonal MA coefficients and their expansions.</summary>
    public void SetCoefficients(ReadOnlySpan<double> raw)
    {
        int at = 0;
        ArimaPolynomials.PartialsToAr(raw.Slice(at, _p), _ar, _work);
        at += _p;
        ArimaPolynomials.PartialsToAr(raw.Slice(at, _q), _ma, _work);
        for (int i = 0; i < _q; i++)
        {
            _ma[i] = -_ma[i];
        }
        at += _q;
        ArimaPolynomials.PartialsToAr(raw.Slice(at, _sp), _sar, _work);
        at += _sp;
        ArimaPolynomials.PartialsToAr(raw.Slice(at, _sq), _sma, _work);
        for (int i = 0; i < _sq; i++)
        {
            _sma[i] = -_sma[i];
        }
        ArimaPolynomials.Expand(_ar, _sar, _m, -1, _phi);
        ArimaPolynomials.Expand(_ma, _sma, _m, 1, _theta);
        _phiCount = 0;
        for (int i = 0; i < _pf; i++)
        {
            if (_phi[i] != 0)
            {
                _phiNonZero[_phiCount++] = i + 1;
            }
        }
        _thetaCount = 0;
        _thetaNonZero[_thetaCount++] = 0;
        for (int i = 0; i < _qf; i++)
        {
            if (_theta[i] != 0)
            {
                _thetaNonZero[_thetaCount++] = i + 1;
            }
        }
    }

    public double[] Ar => (double[])_ar.Clone();
    public double[] Ma => (double[])_ma.Clone();
    public double[] SeasonalAr => (double[])_sar.Clone();
    public double[] SeasonalMa => (double[])_sma.Clone();

    /// <summary>-2 log L (exact) or <c>n log(S / n)</c> (conditional sum of squares) at the unconstrained point; +infinity where undefined.</summary>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        _cancellation.ThrowIfCancellationRequested();
        SetCoefficients(point);
        int n = _w.Length;
        if (ConditionalSumOfSquares)
        {
            return 2 * n * ConditionalObjective();
        }
        var summary = FastFilter(_w, _regressors);
        // -2 log L: n log(2 pi S / n) + sum log F + n = 2 n objective + n (1 + log 2 pi).
        return summary.Valid ? 2 * n * summary.Objective + n * (1 + Math.Log(2 * Math.PI)) : double.PositiveInfinity;
    }

    private double Phi(int oneBased) => oneBased <= _pf ? _phi[oneBased - 1] : 0;

    private double Theta(int index) => index == 0 ? 1 : index <= _qf ? _theta[index - 1] : 0;

    /// <summary>
    /// The stationary covariance of Harvey's state vector (unit innovation variance). With
    /// <c>alpha_t[i] = sum_(j=0)^(r-1-i) (phi_(i+1+j) z_(t-1-j) + theta_(i+j) e_(t-j))</c>, theta_0 = 1,
    /// <c>P[i][k] = sum_(j,l) phi_(i+1+j) phi_(k+1+l) gamma(j-l) + phi_(i+1+j) theta_(k+l) c(l-1-j)
    /// + theta_(i+j) phi_(k+1+l) c(j-1-l) + [j = l] theta_(i+j) theta_(k+j)</c>, <c>c(s) = psi_s</c> for s &gt;= 0 and 0 otherwise.
    /// Sums run over the non-zero coefficients only. False when the AR part is not stationary.
    /// </summary>
    internal bool InitialCovariance(Span<double> cov)
    {
        int r = _r;
        ArimaPolynomials.PsiWeights(_phi, _theta, _psi);
        if (_pf > 0)
        {
            if (!ArimaPolynomials.Autocovariances(_phi, _theta, _psi, _gamma, _system))
            {
                return false;
            }
        }
        for (int i = 0; i < r; i++)
        {
            for (int k = i; k < r; k++)
            {
                double sum = 0;
                for (int x = 0; x < _phiCount; x++)
                {
                    int a = _phiNonZero[x];
                    if (a < i + 1)
                    {
                        continue;
                    }
                    int j = a - i - 1;
                    double pa = _phi[a - 1];
                    for (int y = 0; y < _phiCount; y++)
                    {
                        int b = _phiNonZero[y];
                        if (b < k + 1)
                        {
                            continue;
                        }
                        int l = b - k - 1;
                        sum += pa * _phi[b - 1] * _gamma[Math.Abs(j - l)];
                    }
                    for (int y = 0; y < _thetaCount; y++)
                    {
                        int u = _thetaNonZero[y];
                        if (u < k)
                        {
                            continue;
                        }
                        int s = u - k - 1 - j;
                        if (s >= 0)
                        {
                            sum += pa * Theta(u) * _psi[s];
                        }
                    }
                }
                for (int x = 0; x < _thetaCount; x++)
                {
                    int u = _thetaNonZero[x];
                    if (u < i)
                    {
                        continue;
                    }
                    int j = u - i;
                    double tu = Theta(u);
                    for (int y = 0; y < _phiCount; y++)
                    {
                        int b = _phiNonZero[y];
                        if (b < k + 1)
                        {
                            continue;
                        }
                        int s = j - 1 - (b - k - 1);
                        if (s >= 0)
                        {
                            sum += tu * _phi[b - 1] * _psi[s];
                        }
                    }
                    int other = k + j;
                    if (other <= _qf)
                    {
                        sum += tu * Theta(other);
                    }
                }
                cov[i * r + k] = sum;
                cov[k * r + i] = sum;
            }
        }
        return true;
    }

    /// <summary>The result of one pass of the filter.</summary>
    internal readonly record struct FilterSummary(bool Valid, double Objective, double SumSquares, double SumLogF, bool Steady);

    /// <summary>
    /// Runs the Kalman filter over <paramref name="series"/> and, in parallel with the same gains, over each
    /// regressor; profiles the regression coefficients out by GLS (written to <see cref="Coefficients"/>).
    /// With <paramref name="residuals"/> (same length as the series) writes the standardised innovations
    /// <c>v_t / sqrt(F_t)</c>, valid only without regressors.
    /// </summary>
    internal FilterSummary Filter(ReadOnlySpan<double> series, double[][] regressors, Span<double> residuals)
    {
        int r = _r, n = series.Length, columns = 1 + regressors.Length;
        var cov = _cov.AsSpan();
        if (!InitialCovariance(cov))
        {
            return default;
        }
        for (int i = 0; i < r; i++)
        {
            _rv[i] = Theta(i);
        }
        var state = _state.AsSpan(0, columns * r);
        state.Clear();
        var cross = _cross.AsSpan(0, columns * columns);
        cross.Clear();
        Span<double> v = stackalloc double[columns];
        double sumLog = 0;
        bool steady = false;
        for (int t = 0; t < n; t++)
        {
            v[0] = series[t] - state[0];
            for (int c = 1; c < columns; c++)
            {
                v[c] = regressors[c - 1][t] - state[c * r];
            }
            double f;
            if (steady)
            {
                f = 1;
                _rv.CopyTo(_gain, 0);
            }
            else
            {
                f = cov[0];
                if (!(f > 0) || !double.IsFinite(f))
                {
                    return default;
                }
                sumLog += Math.Log(f);
                double invF = 1 / f;
                for (int i = 0; i < r; i++)
                {
                    _gain[i] = cov[i] * invF;
                }
            }
            double invf = 1 / f;
            for (int c = 0; c < columns; c++)
            {
                for (int e = c; e < columns; e++)
                {
                    cross[c * columns + e] += v[c] * v[e] * invf;
                }
            }
            double scale = 1 / Math.Sqrt(f);
            if (!residuals.IsEmpty)
            {
                residuals[t] = v[0] * scale;
            }
            for (int c = 0; c < columns; c++)
            {
                _innovations[c * n + t] = v[c] * scale;
            }
            for (int c = 0; c < columns; c++)
            {
                var a = state.Slice(c * r, r);
                double vc = v[c];
                // Update then predict: a <- T (a + K v).
                double first = a[0] + _gain[0] * vc;
                for (int i = 0; i < r - 1; i++)
                {
                    a[i] = Phi(i + 1) * first + a[i + 1] + _gain[i + 1] * vc;
                }
                a[r - 1] = Phi(r) * first;
            }
            if (!steady)
            {
                steady = PredictCovariance(cov);
            }
        }
        return Conclude(cross, columns, sumLog, n, steady);
    }

    /// <summary>Profiles the regression out of the accumulated cross products and forms the objective.</summary>
    private FilterSummary Conclude(ReadOnlySpan<double> cross, int columns, double sumLog, int n, bool steady)
    {
        double ssq;
        int k = columns - 1;
        var beta = Coefficients;
        if (k == 0)
        {
            ssq = cross[0];
        }
        else if (k == 1)
        {
            double xx = cross[1 * columns + 1];
            if (!(xx > 0))
            {
                return default;
            }
            beta[0] = cross[1] / xx;
            ssq = cross[0] - beta[0] * cross[1];
        }
        else
        {
            double a11 = cross[1 * columns + 1], a12 = cross[1 * columns + 2], a22 = cross[2 * columns + 2];
            double b1 = cross[1], b2 = cross[2];
            double det = a11 * a22 - a12 * a12;
            if (!(det > 1e-14 * a11 * a22))
            {
                return default;
            }
            beta[0] = (a22 * b1 - a12 * b2) / det;
            beta[1] = (a11 * b2 - a12 * b1) / det;
            ssq = cross[0] - beta[0] * b1 - beta[1] * b2;
        }
        ssq = Math.Max(ssq, 0);
        double sigma2 = ssq / n;
        double objective = 0.5 * Math.Log(sigma2) + 0.5 * sumLog / n;
        bool valid = !double.IsNaN(objective);
        return new FilterSummary(valid, objective, ssq, sumLog, steady);
    }

    /// <summary>
    /// Residuals whose sum of squares is monotone in the objective at <paramref name="point"/>: exact,
    /// <c>r_t = (v_t / sqrt(F_t)) (prod F_t)^(1/(2n))</c> with the regression profiled out, so that
    /// <c>n log(sum r_t^2) = n log S + sum log F_t</c>; conditional, the CSS residuals from t = p + mP. False where undefined.
    /// </summary>
    internal bool ResidualVector(ReadOnlySpan<double> point, Span<double> destination)
    {
        _cancellation.ThrowIfCancellationRequested();
        SetCoefficients(point);
        int n = _w.Length;
        if (ConditionalSumOfSquares)
        {
            double value = ConditionalObjective();
            if (!double.IsFinite(value))
            {
                return false;
            }
            destination[..(n - _pf)].Clear();
            _errors.AsSpan(_pf).CopyTo(destination);
            return true;
        }
        var summary = FastFilter(_w, _regressors);
        if (!summary.Valid)
        {
            return false;
        }
        double scale = Math.Exp(summary.SumLogF / (2.0 * n));
        int k = _regressors.Length;
        var beta = Coefficients;
        for (int t = 0; t < n; t++)
        {
            double r = _innovations[t];
            for (int c = 0; c < k; c++)
            {
                r -= beta[c] * _innovations[(c + 1) * n + t];
            }
            destination[t] = r * scale;
        }
        return true;
    }

    /// <summary>The length of <see cref="ResidualVector"/>'s output.</summary>
    internal int ResidualCount => ConditionalSumOfSquares ? _w.Length - _pf : _w.Length;


    /// <summary>
    /// The same likelihood as <see cref="Filter"/> by the Chandrasekhar recursions (Morf, Sidhu and Kailath 1974;
    /// for ARMA models Pearlman 1980): with the stationary start, <c>P_2 - P_1 = -K_1 K_1' / F_1</c> has rank one,
    /// and so has every <c>P_(t+1) - P_t = W_t M_t W_t'</c>, so the gain <c>K_t = T P_t Z'</c> and <c>F_t = Z P_t Z'</c>
    /// follow in O(r) per step instead of O(r^2):
    /// <c>F_(t+1) = F_t + M_t (Z W_t)^2</c>, <c>K_(t+1) = K_t + M_t (Z W_t) T W_t</c>,
    /// <c>W_(t+1) = T W_t - K_(t+1) (Z W_t) / F_(t+1)</c>, <c>M_(t+1) = M_t + M_t^2 (Z W_t)^2 / F_t</c>
    /// (equivalently <c>M_(t+1) = M_t F_(t+1) / F_t</c>).
    /// Writes the standardised innovations (for <see cref="ResidualVector"/>); leaves no final covariance.
    /// </summary>
    internal FilterSummary FastFilter(ReadOnlySpan<double> series, double[][] regressors)
    {
        int r = _r, n = series.Length, columns = 1 + regressors.Length;
        var cov = _cov.AsSpan();
        if (!InitialCovariance(cov))
        {
            return default;
        }
        var gain = _gain.AsSpan(); // K_t = T P_t Z'
        var w = _temp.AsSpan(0, r);
        var tw = _temp.AsSpan(r, r);
        double f = cov[0];
        for (int i = 0; i < r; i++)
        {
            gain[i] = Phi(i + 1) * cov[0] + (i + 1 < r ? cov[(i + 1) * r] : 0);
        }
        gain.CopyTo(w);
        double mScalar = -1 / f;
        var state = _state.AsSpan(0, columns * r);
        state.Clear();
        var cross = _cross.AsSpan(0, columns * columns);
        cross.Clear();
        Span<double> v = stackalloc double[columns];
        double sumLog = 0;
        bool steady = false;
        for (int t = 0; t < n; t++)
        {
            if (!(f > 0) || !double.IsFinite(f))
            {
                return default;
            }
            v[0] = series[t] - state[0];
            for (int c = 1; c < columns; c++)
            {
                v[c] = regressors[c - 1][t] - state[c * r];
            }
            double invF = 1 / f;
            if (!steady)
            {
                sumLog += Math.Log(f);
            }
            for (int c = 0; c < columns; c++)
            {
                for (int e = c; e < columns; e++)
                {
                    cross[c * columns + e] += v[c] * v[e] * invF;
                }
            }
            double scale = Math.Sqrt(invF);
            for (int c = 0; c < columns; c++)
            {
                _innovations[c * n + t] = v[c] * scale;
                // a <- T a + K v / F.
                var a = state.Slice(c * r, r);
                double first = a[0], kv = v[c] * invF;
                for (int i = 0; i < r - 1; i++)
                {
                    a[i] = Phi(i + 1) * first + a[i + 1] + gain[i] * kv;
                }
                a[r - 1] = Phi(r) * first + gain[r - 1] * kv;
            }
            if (steady)
            {
                continue;
            }
            double zw = w[0];
            for (int i = 0; i < r; i++)
            {
                tw[i] = Phi(i + 1) * zw + (i + 1 < r ? w[i + 1] : 0);
            }
            double mz = mScalar * zw;
            double fNext = f + mz * zw;
            for (int i = 0; i < r; i++)
            {
                gain[i] += mz * tw[i];
            }
            double ratio = zw / fNext;
            double largest = 0;
            for (int i = 0; i < r; i++)
            {
                double value = tw[i] - gain[i] * ratio;
                w[i] = value;
                largest = Math.Max(largest, Math.Abs(value));
            }
            mScalar += mz * mz / f;
            f = fNext;
            if (largest * largest * Math.Abs(mScalar) < SteadyTolerance && Math.Abs(f - 1) < SteadyTolerance)
            {
                steady = true;
                f = 1;
            }
        }
        return Conclude(cross, columns, sumLog, n, steady);
    }

    /// <summary>The regression coefficients the last <see cref="Filter"/> found (constant, trend), sized for two.</summary>
    internal double[] Coefficients { get; } = new double[2];

    /// <summary>The predicted state of the series column after the last <see cref="Filter"/> (length r).</summary>
    internal ReadOnlySpan<double> FinalState => _state.AsSpan(0, _r);

    /// <summary>The predicted state covariance after the last <see cref="Filter"/> (r x r, row-major; R R' once steady).</summary>
    internal ReadOnlySpan<double> FinalCovariance => _cov;

    /// <summary>
    /// <c>P &lt;- T (P - P Z' Z P / F) T' + R R'</c> in O(r^2) using the structure of T; true when the result is
    /// within <see cref="SteadyTolerance"/> of the steady state <c>R R'</c> (then set to it exactly).
    /// </summary>
    private bool PredictCovariance(Span<double> cov)
    {
        int r = _r;
        double f = cov[0];
        // Update: P - P[:,0] P[0,:] / F = P - K K' F (K = P[:,0] / F, P symmetric).
        for (int i = 0; i < r; i++)
        {
            double gi = _gain[i] * f;
            var row = cov.Slice(i * r, r);
            for (int j = 0; j < r; j++)
            {
                row[j] -= gi * _gain[j];
            }
        }
        // B = T P: B[i][j] = phi_(i+1) P[0][j] + P[i+1][j].
        var b = _temp.AsSpan();
        var top = cov[..r];
        for (int i = 0; i < r; i++)
        {
            double phi = Phi(i + 1);
            var row = b.Slice(i * r, r);
            if (i + 1 < r)
            {
                var next = cov.Slice((i + 1) * r, r);
                for (int j = 0; j < r; j++)
                {
                    row[j] = phi * top[j] + next[j];
                }
            }
            else
            {
                for (int j = 0; j < r; j++)
                {
                    row[j] = phi * top[j];
                }
            }
        }
        // P = B T' + R R': P[i][j] = B[i][0] phi_(j+1) + B[i][j+1] + R_i R_j.
        bool steady = true;
        for (int i = 0; i < r; i++)
        {
            var row = b.Slice(i * r, r);
            double bi0 = row[0], ri = _rv[i];
            var target = cov.Slice(i * r, r);
            for (int j = 0; j < r; j++)
            {
                double value = bi0 * Phi(j + 1) + (j + 1 < r ? row[j + 1] : 0);
                target[j] = value + ri * _rv[j];
                if (steady && Math.Abs(value) > SteadyTolerance)
                {
                    steady = false;
                }
            }
        }
        if (steady)
        {
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < r; j++)
                {
                    cov[i * r + j] = _rv[i] * _rv[j];
                }
            }
        }
        return steady;
    }

    /// <summary>R's conditional sum of squares: residuals from the recursion with zero presample values, summed from t = p + mP.</summary>
    private double ConditionalObjective()
    {
        int n = _w.Length, start = _pf;
        if (n - start < 1)
        {
            return double.PositiveInfinity;
        }
        // The residual history is kept in the temp buffer when it is long enough, otherwise recomputed on the stack.
        var e = _errors.AsSpan();
        double ssq = 0;
        var beta = CssCoefficients;
        for (int t = 0; t < n; t++)
        {
            double z = Demeaned(t, beta);
            double value = z;
            for (int x = 0; x < _phiCount; x++)
            {
                int k = _phiNonZero[x];
                if (k > t)
                {
                    break;
                }
                value -= _phi[k - 1] * Demeaned(t - k, beta);
            }
            for (int x = 1; x < _thetaCount; x++)
            {
                int k = _thetaNonZero[x];
                if (k > t)
                {
                    break;
                }
                value -= _theta[k - 1] * e[t - k];
            }
            e[t] = t < start ? 0 : value;
            if (t >= start)
            {
                ssq += value * value;
            }
        }
        if (!double.IsFinite(ssq))
        {
            return double.PositiveInfinity;
        }
        return 0.5 * Math.Log(ssq / (n - start));
    }

    private double Demeaned(int t, double[] beta)
    {
        double z = _w[t];
        for (int c = 0; c < beta.Length; c++)
        {
            z -= beta[c] * _regressors[c][t];
        }
        return z;
    }
}
