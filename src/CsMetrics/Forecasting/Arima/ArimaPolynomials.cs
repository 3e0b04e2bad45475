namespace CsMetrics.Forecasting;

/// <summary>
/// Polynomial helpers for ARIMA: the stationarity transform through partial autocorrelations, the
/// expansion of multiplicative seasonal polynomials, differencing, psi weights and autocovariances.
/// </summary>
internal static class ArimaPolynomials
{
    /// <summary>The box for the partial autocorrelations the optimiser works on: |r| &lt;= 1 - 1e-9.</summary>
    public const double RawBound = 1 - 1e-9;

    /// <summary>
    /// Maps partial autocorrelations <c>r_j</c> in (-1, 1) (the optimiser's box) to the coefficients of a stationary AR
    /// polynomial <c>1 - a_1 B - ... - a_k B^k</c> by the
    /// Durbin-Levinson recursion <c>a^(j)_j = r_j, a^(j)_i = a^(j-1)_i - r_j a^(j-1)_(j-i)</c>
    /// (Barndorff-Nielsen and Schou 1973; Jones 1980; Monahan 1984). Every such polynomial is reached.
    /// <paramref name="work"/> has at least <c>raw.Length</c> elements.
    /// </summary>
    public static void PartialsToAr(ReadOnlySpan<double> raw, Span<double> ar, Span<double> work)
    {
        int k = raw.Length;
        for (int j = 0; j < k; j++)
        {
            double r = Math.Clamp(raw[j], -RawBound, RawBound);
            for (int i = 0; i < j; i++)
            {
                work[i] = ar[i] - r * ar[j - 1 - i];
            }
            for (int i = 0; i < j; i++)
            {
                ar[i] = work[i];
            }
            ar[j] = r;
        }
    }

    /// <summary>The inverse of <see cref="PartialsToAr"/> for a stationary polynomial (step-down recursion); false when not stationary.</summary>
    public static bool ArToPartials(ReadOnlySpan<double> ar, Span<double> raw)
    {
        int k = ar.Length;
        var a = ar.ToArray();
        var work = new double[k];
        for (int j = k - 1; j >= 0; j--)
        {
            double r = a[j];
            if (!(Math.Abs(r) < 1))
            {
                return false;
            }
            raw[j] = Math.Clamp(r, -RawBound, RawBound);
            double scale = 1 - r * r;
            for (int i = 0; i < j; i++)
            {
                work[i] = (a[i] + r * a[j - 1 - i]) / scale;
            }
            for (int i = 0; i < j; i++)
            {
                a[i] = work[i];
            }
        }
        return true;
    }

    /// <summary>
    /// Expands <c>(1 - sum a_i B^i)(1 - sum s_j B^(jm))</c> (AR, <paramref name="sign"/> = -1) or
    /// <c>(1 + sum a_i B^i)(1 + sum s_j B^(jm))</c> (MA, sign = +1) into the coefficients <c>c_k</c>, k = 1..len,
    /// of <c>1 -/+ sum c_k B^k</c> (AR: <c>1 - sum c_k B^k</c>; MA: <c>1 + sum c_k B^k</c>). <paramref name="full"/>[k - 1] = c_k.
    /// </summary>
    public static void Expand(ReadOnlySpan<double> nonSeasonal, ReadOnlySpan<double> seasonal, int m, double sign, Span<double> full)
    {
        full.Clear();
        nonSeasonal.CopyTo(full);
        for (int j = 0; j < seasonal.Length; j++)
        {
            int lag = (j + 1) * m;
            full[lag - 1] += seasonal[j];
            for (int i = 0; i < nonSeasonal.Length; i++)
            {
                // AR: (-a_i B^i)(-s_j B^jm) = +a_i s_j B^(i+jm), so c_(i+jm) -= a_i s_j; MA: c_(i+jm) += a_i s_j.
                full[lag + i] += sign * nonSeasonal[i] * seasonal[j];
            }
        }
    }

    /// <summary>
    /// The coefficients of <c>(1 - B)^d (1 - B^m)^D = 1 + sum_k delta_k B^k</c>, k = 1..d + mD; <c>result[k - 1] = delta_k</c>.
    /// </summary>
    public static double[] DifferencingPolynomial(int d, int seasonalD, int m)
    {
        var poly = new double[] { 1 };
        for (int i = 0; i < d; i++)
        {
            poly = Multiply(poly, [1, -1]);
        }
        for (int i = 0; i < seasonalD; i++)
        {
            var s = new double[m + 1];
            s[0] = 1;
            s[m] = -1;
            poly = Multiply(poly, s);
        }
        return poly[1..];
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var c = new double[a.Length + b.Length - 1];
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    /// <summary>
    /// The psi weights <c>psi_0 = 1, psi_j = theta_j + sum_(k=1)^(min(j,p)) phi_k psi_(j-k)</c> of the MA(infinity)
    /// form of <c>phi(B) z = theta(B) e</c>, for j = 0..psi.Length-1 (<c>phi[k-1] = phi_k</c>, <c>theta[k-1] = theta_k</c>).
    /// </summary>
    public static void PsiWeights(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, Span<double> psi)
    {
        for (int j = 0; j < psi.Length; j++)
        {
            double value = j == 0 ? 1 : j <= theta.Length ? theta[j - 1] : 0;
            int top = Math.Min(j, phi.Length);
            for (int k = 1; k <= top; k++)
            {
                value += phi[k - 1] * psi[j - k];
            }
            psi[j] = value;
        }
    }

    /// <summary>
    /// The autocovariances <c>gamma(0..gamma.Length-1)</c> of the stationary ARMA process <c>phi(B) z = theta(B) e</c>
    /// with unit innovation variance (Brockwell and Davis 1991, sec. 3.3, the second method): the <c>p + 1</c>
    /// equations <c>gamma(k) - sum_j phi_j gamma(|k - j|) = sum_(j=k)^q theta_j psi_(j-k)</c> solved by Gaussian
    /// elimination, then the recursion for larger lags. <paramref name="psi"/> holds psi_0..psi_q at least.
    /// <paramref name="system"/> has at least (p+1)^2 elements. False when the system is singular (a unit root).
    /// </summary>
    public static bool Autocovariances(ReadOnlySpan<double> phi, ReadOnlySpan<double> theta, ReadOnlySpan<double> psi,
        Span<double> gamma, Span<double> system)
    {
        int p = phi.Length, q = theta.Length, n = p + 1;
        var a = system[..(n * n)];
        a.Clear();
        // Callers always ask for at least p + 1 lags.
        var rhs = gamma[..n];
        for (int k = 0; k < n; k++)
        {
            a[k * n + k] += 1;
            for (int j = 1; j <= p; j++)
            {
                a[k * n + Math.Abs(k - j)] -= phi[j - 1];
            }
            double right = 0;
            for (int j = k; j <= q; j++)
            {
                right += (j == 0 ? 1 : theta[j - 1]) * psi[j - k];
            }
            rhs[k] = right;
        }
        // Gaussian elimination with partial pivoting, the solution written over rhs (= gamma[0..p]).
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = Math.Abs(a[col * n + col]);
            for (int row = col + 1; row < n; row++)
            {
                double v = Math.Abs(a[row * n + col]);
                if (v > best)
                {
                    best = v;
                    pivot = row;
                }
            }
            if (!(best > 1e-300))
            {
                return false;
            }
            if (pivot != col)
            {
                for (int j = 0; j < n; j++)
                {
                    (a[col * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[col * n + j]);
                }
                (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            }
            double diag = a[col * n + col];
            for (int row = col + 1; row < n; row++)
            {
                double factor = a[row * n + col] / diag;
                if (factor == 0)
                {
                    continue;
                }
                for (int j = col; j < n; j++)
                {
                    a[row * n + j] -= factor * a[col * n + j];
                }
                rhs[row] -= factor * rhs[col];
            }
        }
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = rhs[row];
            for (int j = row + 1; j < n; j++)
            {
                sum -= a[row * n + j] * rhs[j];
            }
            rhs[row] = sum / a[row * n + row];
        }
        for (int k = n; k < gamma.Length; k++)
        {
            double value = 0;
            for (int j = 1; j <= p; j++)
            {
                value += phi[j - 1] * gamma[k - j];
            }
            for (int j = k; j <= q; j++)
            {
                value += theta[j - 1] * psi[j - k];
            }
            gamma[k] = value;
        }
        return gamma[0] > 0 && double.IsFinite(gamma[0]);
    }
}
