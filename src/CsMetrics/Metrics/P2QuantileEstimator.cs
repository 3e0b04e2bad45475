using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// The P² streaming quantile estimator (Jain &amp; Chlamtac, "The P² algorithm for dynamic calculation of quantiles
/// and histograms without storing observations", CACM 28(10), 1985): five markers, O(1) memory and time per value.
/// </summary>
/// <remarks>
/// Desired marker positions are computed directly as <c>1 + (n − 1)·pᵢ</c> with pᵢ = 0, p/2, p, (1 + p)/2, 1 rather than
/// by accumulating increments, which avoids rounding drift (Akinshin 2020). P² has no error guarantee and cannot be
/// merged; prefer <see cref="QuantileSketch"/> when either matters. Allocation-free after construction. Not thread-safe.
/// </remarks>
public sealed class P2QuantileEstimator
{
    private readonly double _level;
    private readonly double[] _heights = new double[5];
    private readonly int[] _positions = new int[5];

    /// <summary>Creates an estimator of the quantile at <paramref name="level"/>.</summary>
    /// <param name="level">The level as a fraction in [0, 1], e.g. 0.5 for the median.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside [0, 1] (90 is rejected, not read as p90).</exception>
    public P2QuantileEstimator(double level)
    {
        Preconditions.CheckQuantileLevel(level);
        _level = level;
    }

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>The marker heights (meaningful once <see cref="Count"/> &gt;= 5); the middle one is the estimate.</summary>
    public ReadOnlySpan<double> Heights => _heights;

    /// <summary>The marker positions, 1-based ranks (meaningful once <see cref="Count"/> &gt;= 5).</summary>
    public ReadOnlySpan<int> Positions => _positions;

    /// <summary>Adds one value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            ThrowHelper.ThrowOutOfRange(nameof(value), value, "must be a finite number");
        }
        if (Count < 5)
        {
            _heights[Count++] = value;
            if (Count == 5)
            {
                Array.Sort(_heights);
                for (int i = 0; i < 5; i++)
                {
                    _positions[i] = i + 1;
                }
            }
            return;
        }
        Count++;
        int cell;
        if (value < _heights[0])
        {
            _heights[0] = value;
            cell = 0;
        }
        else if (value >= _heights[4])
        {
            _heights[4] = Math.Max(_heights[4], value);
            cell = 3;
        }
        else
        {
            cell = 0;
            while (value >= _heights[cell + 1])
            {
                cell++;
            }
        }
        for (int i = cell + 1; i < 5; i++)
        {
            _positions[i]++;
        }
        for (int i = 1; i <= 3; i++)
        {
            double offset = DesiredPosition(i) - _positions[i];
            if ((offset >= 1 && _positions[i + 1] - _positions[i] > 1) || (offset <= -1 && _positions[i - 1] - _positions[i] < -1))
            {
                int step = Math.Sign(offset);
                double candidate = Parabolic(i, step);
                _heights[i] = _heights[i - 1] < candidate && candidate < _heights[i + 1] ? candidate : Linear(i, step);
                _positions[i] += step;
            }
        }
    }

    /// <summary>The current estimate: the middle marker once 5 values are in; before that the exact (type 7) quantile
    /// of the values seen; NaN when empty.</summary>
    public double Estimate()
    {
        if (Count >= 5)
        {
            return _heights[2];
        }
        Span<double> seen = stackalloc double[5];
        _heights.AsSpan(0, (int)Count).CopyTo(seen);
        return Percentile.Compute(seen[..(int)Count], _level);
    }

    private double DesiredPosition(int marker) => 1 + (Count - 1) * marker switch
    {
        1 => _level / 2,
        2 => _level,
        _ => (1 + _level) / 2,
    };

    private double Parabolic(int i, int d)
    {
        double q = _heights[i], qPrevious = _heights[i - 1], qNext = _heights[i + 1];
        double n = _positions[i], nPrevious = _positions[i - 1], nNext = _positions[i + 1];
        return q + d / (nNext - nPrevious)
            * ((n - nPrevious + d) * (qNext - q) / (nNext - n) + (nNext - n - d) * (q - qPrevious) / (n - nPrevious));
    }

    private double Linear(int i, int d) =>
        _heights[i] + d * (_heights[i + d] - _heights[i]) / (_positions[i + d] - _positions[i]);
}
