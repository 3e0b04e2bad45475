using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The ARIMA objective as a sum of squares for <see cref="BoundedLevenbergMarquardt"/>
/// (<see cref="ArimaLikelihood.ResidualVector"/>), with a forward-difference Jacobian: one linearisation is
/// <c>k + 1</c> passes of the filter. Allocates its buffers once.
/// </summary>
internal sealed class ArimaLeastSquares(ArimaLikelihood likelihood) : ILeastSquaresObjective
{
    private readonly double[] _residuals = new double[likelihood.Count];
    private readonly double[] _shifted = new double[likelihood.Count];
    private readonly double[] _jacobian = new double[likelihood.Count * Math.Max(1, likelihood.Dimension)];
    private readonly double[] _point = new double[likelihood.Dimension];

    /// <summary>Filter passes so far.</summary>
    public int Passes { get; private set; }

    public double Linearize(ReadOnlySpan<double> point, Span<double> normal, Span<double> gradient)
    {
        int k = point.Length, n = likelihood.ResidualCount;
        Passes++;
        if (!likelihood.ResidualVector(point, _residuals))
        {
            return double.PositiveInfinity;
        }
        double value = 0;
        for (int t = 0; t < n; t++)
        {
            value += _residuals[t] * _residuals[t];
        }
        if (!double.IsFinite(value))
        {
            return double.PositiveInfinity;
        }
        point.CopyTo(_point);
        for (int j = 0; j < k; j++)
        {
            double h = 1e-7 * Math.Max(1, Math.Abs(point[j]));
            double original = _point[j];
            // Step inwards at the bound so that the shifted point stays in the box.
            if (original + h > ArimaPolynomials.RawBound)
            {
                h = -h;
            }
            _point[j] = original + h;
            Passes++;
            bool ok = likelihood.ResidualVector(_point, _shifted);
            _point[j] = original;
            var column = _jacobian.AsSpan(j * n, n);
            if (!ok)
            {
                column.Clear();
                continue;
            }
            double inverse = 1 / h;
            for (int t = 0; t < n; t++)
            {
                column[t] = (_shifted[t] - _residuals[t]) * inverse;
            }
        }
        for (int i = 0; i < k; i++)
        {
            var ci = _jacobian.AsSpan(i * n, n);
            gradient[i] = Cholesky.Dot(ci, _residuals.AsSpan(0, n));
            for (int j = 0; j <= i; j++)
            {
                double dot = Cholesky.Dot(ci, _jacobian.AsSpan(j * n, n));
                normal[i * k + j] = dot;
                normal[j * k + i] = dot;
            }
        }
        // Leave the likelihood at the point itself (the last pass was a shifted one).
        return value;
    }
}
