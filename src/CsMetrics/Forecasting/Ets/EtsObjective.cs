using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The fitting objective <c>-2 log L</c> over a box of coordinates: the free smoothing parameters as
/// fractions of their usual ranges (alpha in [1e-4, 0.9999], beta in [1e-4, alpha], gamma in
/// [1e-4, 1 - alpha], phi in [0.8, 0.98]), then, when states are optimised, the free initial states
/// (the last seasonal index follows from the normalisation). Inadmissible parameters give +infinity.
/// In concentrated mode (models whose state path is linear in the initial state: trend N/A/Ad,
/// season N/A) the initial state is the least-squares solution for the given smoothing parameters,
/// which is the exact maximum-likelihood state for additive errors. Evaluation allocates nothing.
/// </summary>
internal sealed class EtsObjective : IBoundedObjective, ILeastSquaresObjective
{
    private readonly EtsSpecification _specification;
    private readonly EtsSpecification _additiveErrorSpecification;
    private readonly double[] _values;
    private readonly double[] _unitInput;
    private readonly EtsParameters _fixed;
    private readonly double[] _state;
    private readonly double[] _work;
    private readonly double[] _baseErrors;
    private readonly double[] _basisErrors;
    private readonly double[] _gram;
    private readonly double[] _rhs;
    private readonly double[] _unitState;
    private readonly double[] _oldestSlotErrors;
    private readonly double[] _lagPrefix;
    private readonly double[] _lagCross;
    private readonly bool _hasMissing;
    private readonly int _observed;
    private double[] _tangentWorkspace = [];
    private double[] _naturalNormal = [];
    private double[] _naturalGradient = [];
    private readonly double[] _smoothingJacobian = new double[Ets.SmoothingSlots * Ets.SmoothingSlots];

    public EtsObjective(EtsSpecification specification, double[] values, EtsParameters fixedParameters, double[] startState)
    {
        _specification = specification;
        _additiveErrorSpecification = specification with { Error = EtsError.Additive };
        _values = values;
        _fixed = fixedParameters;
        _state = (double[])startState.Clone();
        _work = new double[specification.StateLength];
        FreeAlpha = double.IsNaN(fixedParameters.Alpha);
        FreeBeta = specification.HasTrend && double.IsNaN(fixedParameters.Beta);
        FreeGamma = specification.HasSeason && double.IsNaN(fixedParameters.Gamma);
        FreePhi = specification.IsDamped && double.IsNaN(fixedParameters.Phi);
        SmoothingCount = (FreeAlpha ? 1 : 0) + (FreeBeta ? 1 : 0) + (FreeGamma ? 1 : 0) + (FreePhi ? 1 : 0);
        FreeStateCount = specification.FreeInitialStateCount;
        CanConcentrate = specification.Season != EtsSeason.Multiplicative;
        _unitInput = new double[values.Length];
        for (int t = 0; t < values.Length; t++)
        {
            _unitInput[t] = double.IsNaN(values[t]) ? double.NaN : 0;
        }
        _baseErrors = new double[values.Length];
        _basisErrors = CanConcentrate ? new double[FreeStateCount * values.Length] : [];
        _gram = new double[FreeStateCount * FreeStateCount];
        _rhs = new double[FreeStateCount];
        _unitState = new double[specification.StateLength];
        _oldestSlotErrors = new double[values.Length];
        bool lagged = CanConcentrate && specification.HasSeason && !Array.Exists(values, double.IsNaN);
        _lagPrefix = lagged ? new double[specification.SeasonLength * (values.Length + 1)] : [];
        _lagCross = lagged ? new double[((specification.HasTrend ? 2 : 1) + 1) * specification.SeasonLength] : [];
        _hasMissing = Array.Exists(values, double.IsNaN);
        _observed = values.Length - values.Count(double.IsNaN);
    }

    public bool FreeAlpha { get; }
    public bool FreeBeta { get; }
    public bool FreeGamma { get; }
    public bool FreePhi { get; }

    /// <summary>The number of free smoothing coordinates (they come first).</summary>
    public int SmoothingCount { get; }

    /// <summary>The number of free initial states (estimated; the last seasonal index is not).</summary>
    public int FreeStateCount { get; }

    /// <summary>True when the state path is linear in the initial state, so it can be solved by least squares.</summary>
    public bool CanConcentrate { get; }

    /// <summary>How the initial state is obtained during evaluation.</summary>
    public StateMode Mode { get; set; }

    /// <summary>The number of coordinates in the current mode.</summary>
    public int Dimension => SmoothingCount + (Mode == StateMode.Optimised ? FreeStateCount : 0);

    /// <summary>The full initial state used by the last evaluation (or set as the fixed start).</summary>
    public double[] State => _state;

    public double Evaluate(ReadOnlySpan<double> point)
    {
        var parameters = Map(point);
        if (!Ets.IsAdmissible(_specification, parameters))
        {
            return double.PositiveInfinity;
        }
        if (Mode == StateMode.Optimised)
        {
            ExpandStates(point[SmoothingCount..], _state);
        }
        else if (Mode == StateMode.LeastSquares)
        {
            if (!SolveStates(parameters, out double baseSse, out double minimumSse))
            {
                return double.PositiveInfinity;
            }
            // Additive errors: -2 log L is n log(SSE) at the least-squares state, which the normal
            // equations already give, so the run from that state is skipped unless cancellation could
            // cost more than about ten of the sixteen digits.
            if (_specification.Error == EtsError.Additive && minimumSse > 1e-6 * baseSse)
            {
                return _observed * Math.Log(minimumSse);
            }
        }
        var summary = Ets.Run(_specification, parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi,
            _state, _values, default, default, _work, checkPositive: _specification.NeedsPositiveData);
        double value = summary.MinusTwoLogLikelihood;
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }

    /// <summary>The number of observed values: <c>-2 log L = Observed log S</c> for the sum of squares S of <see cref="Linearize"/>.</summary>
    public int Observed => _observed;

    /// <summary>
    /// The fit as nonlinear least squares (mode <see cref="StateMode.Fixed"/> or <see cref="StateMode.Optimised"/>):
    /// <c>S = exp(-2 log L / n)</c>, with <c>J'J</c> and <c>J'r</c> in this objective's coordinates from
    /// <see cref="Ets.RunWithTangents"/> and the chain rule through <see cref="Map"/>. Allocates on first use only.
    /// </summary>
    public double Linearize(ReadOnlySpan<double> point, Span<double> normal, Span<double> gradient)
    {
        var parameters = Map(point);
        if (!Ets.IsAdmissible(_specification, parameters))
        {
            return double.PositiveInfinity;
        }
        bool statesFree = Mode == StateMode.Optimised;
        if (statesFree)
        {
            ExpandStates(point[SmoothingCount..], _state);
        }
        int count = Ets.TangentCount(_specification, statesFree);
        int workspaceLength = Ets.TangentWorkspaceLength(_specification, statesFree, _values.Length);
        if (_tangentWorkspace.Length < workspaceLength)
        {
            _tangentWorkspace = new double[workspaceLength];
            _naturalNormal = new double[count * count];
            _naturalGradient = new double[count];
        }
        double sumOfSquares = Ets.RunWithTangents(_specification, parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi,
            _state, _values, statesFree, _tangentWorkspace, _naturalNormal, _naturalGradient);
        if (!double.IsFinite(sumOfSquares))
        {
            return double.PositiveInfinity;
        }
        // Chain rule: natural slot i = sum_a M[i, a] coordinate a for the smoothing block, identity for the states.
        int k = SmoothingCount;
        var jacobian = _smoothingJacobian.AsSpan(0, Ets.SmoothingSlots * k);
        SmoothingJacobian(point, parameters, jacobian);
        int slots = Ets.SmoothingSlots;
        int d = Dimension;
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double value = 0;
                if (a < k)
                {
                    for (int i = 0; i < slots; i++)
                    {
                        double left = jacobian[i * k + a];
                        if (left == 0) continue;
                        for (int j = 0; j < slots; j++)
                        {
                            value += left * _naturalNormal[i * count + j] * jacobian[j * k + b];
                        }
                    }
                }
                else if (b < k)
                {
                    for (int j = 0; j < slots; j++)
                    {
                        value += _naturalNormal[(slots + a - k) * count + j] * jacobian[j * k + b];
                    }
                }
                else
                {
                    value = _naturalNormal[(slots + a - k) * count + slots + b - k];
                }
                normal[a * d + b] = value;
                normal[b * d + a] = value;
            }
            double g = 0;
            if (a < k)
            {
                for (int i = 0; i < slots; i++)
                {
                    g += jacobian[i * k + a] * _naturalGradient[i];
                }
            }
            else
            {
                g = _naturalGradient[slots + a - k];
            }
            gradient[a] = g;
        }
        return sumOfSquares;
    }

    /// <summary>The derivatives of (alpha, beta, gamma, phi) with respect to the free smoothing coordinates (4 x SmoothingCount, row-major).</summary>
    private void SmoothingJacobian(ReadOnlySpan<double> point, EtsParameters parameters, Span<double> jacobian)
    {
        jacobian.Clear();
        int k = SmoothingCount;
        double alphaLower = Ets.SmoothingLower, alphaUpper = Ets.SmoothingUpper;
        if (!FreeBeta && _specification.HasTrend)
        {
            alphaLower = Math.Max(alphaLower, _fixed.Beta);
        }
        if (!FreeGamma && _specification.HasSeason)
        {
            alphaUpper = Math.Min(alphaUpper, 1 - _fixed.Gamma);
        }
        int i = 0;
        if (FreeAlpha)
        {
            double alphaSlope = alphaUpper - alphaLower;
            jacobian[0 * k + i] = alphaSlope;
            if (FreeBeta && parameters.Alpha > Ets.SmoothingLower)
            {
                jacobian[1 * k + i] = point[1] * alphaSlope;
            }
            if (FreeGamma && 1 - parameters.Alpha > Ets.SmoothingLower)
            {
                jacobian[2 * k + i] = -point[FreeBeta ? 2 : 1] * alphaSlope;
            }
            i++;
        }
        if (FreeBeta)
        {
            jacobian[1 * k + i++] = Math.Max(parameters.Alpha - Ets.SmoothingLower, 0);
        }
        if (FreeGamma)
        {
            jacobian[2 * k + i++] = Math.Max(1 - parameters.Alpha - Ets.SmoothingLower, 0);
        }
        if (FreePhi)
        {
            jacobian[3 * k + i] = Ets.PhiUpper - Ets.PhiLower;
        }
    }

    /// <summary>The smoothing parameters at <paramref name="point"/> (fixed ones as given, absent ones NaN).</summary>
    public EtsParameters Map(ReadOnlySpan<double> point)
    {
        int i = 0;
        double alphaLower = Ets.SmoothingLower, alphaUpper = Ets.SmoothingUpper;
        if (!FreeBeta && _specification.HasTrend)
        {
            alphaLower = Math.Max(alphaLower, _fixed.Beta);
        }
        if (!FreeGamma && _specification.HasSeason)
        {
            alphaUpper = Math.Min(alphaUpper, 1 - _fixed.Gamma);
        }
        double alpha = FreeAlpha ? alphaLower + point[i++] * (alphaUpper - alphaLower) : _fixed.Alpha;
        double beta = !_specification.HasTrend ? double.NaN
            : FreeBeta ? Ets.SmoothingLower + point[i++] * Math.Max(alpha - Ets.SmoothingLower, 0) : _fixed.Beta;
        double gamma = !_specification.HasSeason ? double.NaN
            : FreeGamma ? Ets.SmoothingLower + point[i++] * Math.Max(1 - alpha - Ets.SmoothingLower, 0) : _fixed.Gamma;
        double phi = !_specification.IsDamped ? double.NaN
            : FreePhi ? Ets.PhiLower + point[i++] * (Ets.PhiUpper - Ets.PhiLower) : _fixed.Phi;
        return new EtsParameters(alpha, beta, gamma, phi);
    }

    /// <summary>The coordinates of smoothing parameters (clamped into the usual region); the inverse of <see cref="Map"/>.</summary>
    public void Unmap(EtsParameters parameters, Span<double> point)
    {
        int i = 0;
        double alphaLower = Ets.SmoothingLower, alphaUpper = Ets.SmoothingUpper;
        if (!FreeBeta && _specification.HasTrend)
        {
            alphaLower = Math.Max(alphaLower, _fixed.Beta);
        }
        if (!FreeGamma && _specification.HasSeason)
        {
            alphaUpper = Math.Min(alphaUpper, 1 - _fixed.Gamma);
        }
        double alpha = FreeAlpha ? Math.Clamp(parameters.Alpha, alphaLower, alphaUpper) : _fixed.Alpha;
        if (FreeAlpha)
        {
            point[i++] = Fraction(alpha - alphaLower, alphaUpper - alphaLower);
        }
        if (FreeBeta)
        {
            point[i++] = Fraction(parameters.Beta - Ets.SmoothingLower, alpha - Ets.SmoothingLower);
        }
        if (FreeGamma)
        {
            point[i++] = Fraction(parameters.Gamma - Ets.SmoothingLower, 1 - alpha - Ets.SmoothingLower);
        }
        if (FreePhi)
        {
            point[i++] = Fraction(parameters.Phi - Ets.PhiLower, Ets.PhiUpper - Ets.PhiLower);
        }
    }

    private static double Fraction(double part, double whole) => whole > 0 ? Math.Clamp(part / whole, 0, 1) : 0;

    /// <summary>Writes the free states of <paramref name="state"/> into <paramref name="coordinates"/>.</summary>
    public void CompressStates(ReadOnlySpan<double> state, Span<double> coordinates) => state[..FreeStateCount].CopyTo(coordinates);

    /// <summary>The full state from the free states: the last seasonal index makes the indices sum to 0 (additive) or m (multiplicative).</summary>
    public void ExpandStates(ReadOnlySpan<double> coordinates, Span<double> state)
    {
        coordinates[..FreeStateCount].CopyTo(state);
        if (_specification.HasSeason)
        {
            int m = _specification.SeasonLength;
            int offset = _specification.HasTrend ? 2 : 1;
            double sum = 0;
            for (int j = 0; j < m - 1; j++)
            {
                sum += state[offset + j];
            }
            state[offset + m - 1] = (_specification.Season == EtsSeason.Multiplicative ? m : 0) - sum;
        }
    }

    /// <summary>
    /// The least-squares initial state for the given smoothing parameters: the one-step errors are
    /// affine in the initial state, <c>e = e0 + E c</c>, with <c>e0</c> the errors from a zero state and
    /// column j of E the errors of a zero series from the j-th unit state (seasonal units keep the
    /// indices summing to zero). Solves the normal equations by Cholesky; false when singular.
    /// </summary>
    private bool SolveStates(EtsParameters parameters, out double baseSse, out double minimumSse)
    {
        baseSse = minimumSse = double.NaN;
        int n = _values.Length;
        int p = FreeStateCount;
        var linear = _additiveErrorSpecification;
        int seasonOffset = linear.HasTrend ? 2 : 1;
        int m = linear.SeasonLength;
        Array.Clear(_unitState);
        var baseRun = Ets.Run(linear, parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi,
            _unitState, _values, default, _baseErrors, _work, checkPositive: false);
        if (!double.IsFinite(baseRun.SumSquaredErrors))
        {
            return false;
        }
        // Without missing values the system is time-invariant: the response to seasonal slot j is the
        // response to the oldest slot delayed by m - 1 - j steps, so one seasonal run serves them all.
        int runs = linear.HasSeason && !_hasMissing ? seasonOffset + 1 : p;
        for (int j = 0; j < runs; j++)
        {
            Array.Clear(_unitState);
            bool oldestSlotRun = linear.HasSeason && !_hasMissing && j == seasonOffset;
            if (oldestSlotRun)
            {
                _unitState[seasonOffset + m - 1] = 1;
            }
            else
            {
                _unitState[j] = 1;
                if (linear.HasSeason && j >= seasonOffset)
                {
                    _unitState[seasonOffset + m - 1] = -1;
                }
            }
            var destination = oldestSlotRun ? _oldestSlotErrors.AsSpan() : _basisErrors.AsSpan(j * n, n);
            var run = Ets.Run(linear, parameters.Alpha, parameters.Beta, parameters.Gamma, parameters.Phi,
                _unitState, _unitInput, default, destination, _work, checkPositive: false);
            if (!double.IsFinite(run.SumSquaredErrors))
            {
                return false;
            }
        }
        var baseErrors = _baseErrors.AsSpan();
        if (runs < p)
        {
            FillSeasonalNormalEquations(seasonOffset, m, n, p);
        }
        else
        {
            if (_hasMissing)
            {
                // Missing values contribute nothing: zero their rows so plain dot products skip them.
                for (int t = 0; t < n; t++)
                {
                    if (double.IsNaN(_values[t]))
                    {
                        _baseErrors[t] = 0;
                        for (int i = 0; i < p; i++)
                        {
                            _basisErrors[i * n + t] = 0;
                        }
                    }
                }
            }
            for (int i = 0; i < p; i++)
            {
                var column = _basisErrors.AsSpan(i * n, n);
                _rhs[i] = -Cholesky.Dot(column, baseErrors);
                for (int k = 0; k <= i; k++)
                {
                    _gram[i * p + k] = Cholesky.Dot(column, _basisErrors.AsSpan(k * n, n));
                }
            }
        }
        baseSse = Cholesky.Dot(baseErrors, baseErrors);
        if (!CholeskySolve(_gram, _rhs, p, out double explained))
        {
            return false;
        }
        minimumSse = baseSse - explained;
        Array.Clear(_state);
        for (int j = 0; j < p; j++)
        {
            _state[j] += _rhs[j];
            if (linear.HasSeason && j >= seasonOffset)
            {
                _state[seasonOffset + m - 1] -= _rhs[j];
            }
        }
        return true;
    }

    /// <summary>
    /// The normal equations of a seasonal model without missing values from the oldest slot's
    /// response <c>u</c> alone: the column of seasonal slot j is <c>u(t - d_j) - u(t)</c> with delay
    /// <c>d_j = m - 1 - j</c> (u = 0 before the start), so its products with the other columns are lagged
    /// products of u, <c>S(x, y) = sum_t u(t - x) u(t - y) = sum_{c &lt; n - y} u(c) u(c + y - x)</c> for
    /// x &lt;= y: prefix sums of the m lagged products give every entry in O(1) (O(m n) in all instead
    /// of O(m^2 n) dot products).
    /// </summary>
    private void FillSeasonalNormalEquations(int seasonOffset, int m, int n, int p)
    {
        var u = _oldestSlotErrors.AsSpan();
        var baseErrors = _baseErrors.AsSpan();
        for (int lag = 0; lag < m; lag++)
        {
            var prefix = _lagPrefix.AsSpan(lag * (n + 1), n + 1);
            double sum = 0;
            prefix[0] = 0;
            for (int c = 0; c + lag < n; c++)
            {
                sum += u[c] * u[c + lag];
                prefix[c + 1] = sum;
            }
            // The cross products of the delayed u with the level/trend columns and with the base errors.
            for (int v = 0; v <= seasonOffset; v++)
            {
                var column = v < seasonOffset ? _basisErrors.AsSpan(v * n, n) : baseErrors;
                _lagCross[v * m + lag] = Cholesky.Dot(u[..(n - lag)], column[lag..]);
            }
        }
        for (int i = 0; i < seasonOffset; i++)
        {
            var column = _basisErrors.AsSpan(i * n, n);
            _rhs[i] = -Cholesky.Dot(column, baseErrors);
            for (int k = 0; k <= i; k++)
            {
                _gram[i * p + k] = Cholesky.Dot(column, _basisErrors.AsSpan(k * n, n));
            }
        }
        for (int slot = 0; slot < m - 1; slot++)
        {
            int i = seasonOffset + slot;
            int delay = m - 1 - slot;
            _rhs[i] = -(_lagCross[seasonOffset * m + delay] - _lagCross[seasonOffset * m]);
            for (int k = 0; k < seasonOffset; k++)
            {
                _gram[i * p + k] = _lagCross[k * m + delay] - _lagCross[k * m];
            }
            for (int otherSlot = 0; otherSlot <= slot; otherSlot++)
            {
                int otherDelay = m - 1 - otherSlot;
                _gram[i * p + seasonOffset + otherSlot] = LaggedProduct(delay, otherDelay, n) - LaggedProduct(delay, 0, n)
                    - LaggedProduct(0, otherDelay, n) + LaggedProduct(0, 0, n);
            }
        }
    }

    /// <summary><c>S(x, y) = sum_t u(t - x) u(t - y)</c> from the lagged prefix sums.</summary>
    private double LaggedProduct(int x, int y, int n)
    {
        if (x > y)
        {
            (x, y) = (y, x);
        }
        return _lagPrefix[(y - x) * (n + 1) + n - y];
    }

    /// <summary>Solves <c>G x = b</c> (lower triangle of G filled) with a tiny ridge; <paramref name="explained"/> is <c>b' G^-1 b</c>, the drop in the sum of squares the solution achieves.</summary>
    private static bool CholeskySolve(double[] g, double[] b, int p, out double explained)
    {
        double maxDiagonal = 0;
        for (int i = 0; i < p; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, g[i * p + i]);
        }
        for (int i = 0; i < p; i++)
        {
            g[i * p + i] += 1e-12 * maxDiagonal;
        }
        return Cholesky.SolveInPlace(g, b, p, out explained);
    }
}

/// <summary>Where <see cref="EtsObjective"/> takes the initial state from.</summary>
internal enum StateMode
{
    /// <summary>The fixed state in <see cref="EtsObjective.State"/>.</summary>
    Fixed,

    /// <summary>Least squares for the given smoothing parameters.</summary>
    LeastSquares,

    /// <summary>Part of the coordinates.</summary>
    Optimised,
}
