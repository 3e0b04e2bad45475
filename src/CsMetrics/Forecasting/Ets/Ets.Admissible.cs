namespace CsMetrics.Forecasting;

public static partial class Ets
{
    /// <summary>The lower bound of every smoothing parameter in the usual region (R's <c>ets</c>).</summary>
    internal const double SmoothingLower = 1e-4;

    /// <summary>The upper bound of alpha in the usual region.</summary>
    internal const double SmoothingUpper = 0.9999;

    /// <summary>The usual region's bounds on phi.</summary>
    internal const double PhiLower = 0.8, PhiUpper = 0.98;

    /// <summary>
    /// True when the parameters lie in the admissible (forecastable, stable) region of Hyndman et al.
    /// (2008, ch. 10): every eigenvalue of the discount matrix <c>D = F - g w'</c> inside the unit circle.
    /// </summary>
    /// <param name="specification">The model form.</param>
    /// <param name="parameters">The smoothing parameters (beta, gamma, phi read only when the model has them).</param>
    /// <remarks>
    /// Non-seasonal: <c>1 - 1/phi &lt; alpha &lt; 1 + 1/phi</c> and <c>alpha (phi - 1) &lt; beta &lt; (1 + phi)(2 - alpha)</c>.
    /// Seasonal: the closed-form bounds on gamma, alpha and beta of ch. 10, then the roots of
    /// <c>P(z) = phi(1-alpha-gamma) + (alpha+beta-alpha phi+gamma-1) z + sum_{j=2}^{m-1} (alpha+beta-alpha phi) z^j + (alpha+beta-phi) z^m + z^{m+1}</c>
    /// must satisfy <c>|z| &lt;= 1 + 1e-10</c>, checked without root finding by the Schur-Cohn recursion.
    /// Allocation-free for season lengths up to 1,000.
    /// </remarks>
    public static bool IsAdmissible(EtsSpecification specification, EtsParameters parameters)
    {
        double alpha = parameters.Alpha;
        double beta = specification.HasTrend ? parameters.Beta : double.NaN;
        double gamma = specification.HasSeason ? parameters.Gamma : double.NaN;
        double phi = specification.IsDamped ? parameters.Phi : 1;
        if (!(phi > 0 && phi <= 1 + 1e-8))
        {
            return false;
        }
        if (double.IsNaN(gamma))
        {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi)
            {
                return false;
            }
            return double.IsNaN(beta) || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
        }

        int m = specification.SeasonLength;
        if (double.IsNaN(beta))
        {
            beta = 0;
        }
        if (gamma < Math.Max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha)
        {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m))
        {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha))
        {
            return false;
        }

        int degree = m + 1;
        Span<double> coefficients = degree < 1000 ? stackalloc double[degree + 1] : new double[degree + 1];
        double middle = alpha + beta - alpha * phi;
        coefficients[0] = phi * (1 - alpha - gamma);
        coefficients[1] = middle + gamma - 1;
        for (int j = 2; j < m; j++)
        {
            coefficients[j] = middle;
        }
        coefficients[m] = alpha + beta - phi;
        coefficients[m + 1] = 1;
        Span<double> scratch = degree < 1000 ? stackalloc double[degree + 1] : new double[degree + 1];
        return RootsWithinRadius(coefficients, scratch, 1 + 1e-10);
    }

    /// <summary>
    /// True when every root of <c>sum_k c_k z^k</c> has modulus below <paramref name="radius"/>: the
    /// Schur-Cohn recursion on <c>P(radius z)</c> (each step removes one root while keeping the count
    /// inside the unit circle, by Rouché's theorem). Overwrites <paramref name="coefficients"/> and
    /// <paramref name="scratch"/> (at least as long).
    /// </summary>
    internal static bool RootsWithinRadius(Span<double> coefficients, Span<double> scratch, double radius)
    {
        double power = 1;
        for (int k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] *= power;
            power *= radius;
        }
        for (int degree = coefficients.Length - 1; degree >= 1; degree--)
        {
            double leading = coefficients[degree];
            double constant = coefficients[0];
            if (!(Math.Abs(constant) < Math.Abs(leading)))
            {
                return false;
            }
            // q_k = leading * c_{k+1} - constant * c_{degree-k-1}; rescaled to keep magnitudes near 1.
            double scale = 0;
            for (int k = 0; k < degree; k++)
            {
                double next = leading * coefficients[k + 1] - constant * coefficients[degree - k - 1];
                scratch[k] = next;
                scale = Math.Max(scale, Math.Abs(next));
            }
            scratch[..degree].CopyTo(coefficients);
            if (!(scale > 0) || !double.IsFinite(scale))
            {
                return false;
            }
            for (int k = 0; k < degree; k++)
            {
                coefficients[k] /= scale;
            }
        }
        return true;
    }
}
