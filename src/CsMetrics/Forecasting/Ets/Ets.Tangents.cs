using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CsMetrics.Forecasting;

public static partial class Ets
{
    /// <summary>The tangent slots of the smoothing parameters (alpha, beta, gamma, phi); the free initial states follow.</summary>
    internal const int SmoothingSlots = 4;

    /// <summary>The number of tangent slots for a model (smoothing slots, then the free initial states when they are free).</summary>
    internal static int TangentCount(EtsSpecification specification, bool statesFree) =>
        SmoothingSlots + (statesFree ? specification.FreeInitialStateCount : 0);

    /// <summary>The tangent count rounded up to whole vectors of four.</summary>
    internal static int TangentWidth(EtsSpecification specification, bool statesFree) =>
        (TangentCount(specification, statesFree) + 3) & ~3;

    /// <summary>The workspace <see cref="RunWithTangents"/> needs: tangents of the level, trend and seasonal ring plus one Jacobian row per value.</summary>
    internal static int TangentWorkspaceLength(EtsSpecification specification, bool statesFree, int length) =>
        TangentWidth(specification, statesFree) * (3 + specification.SeasonLength + length) + 2 * length
        + (StructuredWidth + specification.SeasonLength + 1) * specification.SeasonLength + length + 4;

    /// <summary>The tangent width of the structured pass (smoothing, level, trend, one seasonal response, the error).</summary>
    private const int StructuredWidth = 8;

    /// <summary>
    /// The recursions of <see cref="Run"/> with forward-mode derivatives (tangents) of every one-step
    /// error with respect to alpha, beta, gamma, phi and, when <paramref name="statesFree"/>, the free
    /// initial states (the last seasonal index follows from the normalisation). Fills the Gauss-Newton
    /// matrix <c>A = J'J</c> and <c>b = J'r</c> of the residuals <c>r_t = e_t G</c>, where
    /// <c>G = exp(sum log|yhat| / n)</c> for multiplicative errors (1 for additive ones), so that
    /// <c>-2 log L = n log(sum r_t^2)</c> exactly: fitting is a nonlinear least-squares problem.
    /// Returns <c>sum r_t^2</c>, or +infinity when the path breaks down. Allocates nothing.
    /// </summary>
    /// <param name="specification">The model form.</param>
    /// <param name="alpha">Alpha.</param>
    /// <param name="beta">Beta (read when the model has a trend).</param>
    /// <param name="gamma">Gamma (read when the model has a season).</param>
    /// <param name="phi">Phi (read when the trend is damped).</param>
    /// <param name="initialState">The state at time 0 in the layout of <see cref="Filter"/>.</param>
    /// <param name="values">The series (NaN = missing).</param>
    /// <param name="statesFree">Whether the free initial states get tangent slots.</param>
    /// <param name="workspace">At least <see cref="TangentWorkspaceLength"/> values.</param>
    /// <param name="normal">Receives A, row-major, <c>count x count</c> (count = <see cref="TangentCount"/>).</param>
    /// <param name="gradient">Receives b (half the gradient of <c>sum r_t^2</c>).</param>
    /// <remarks>
    /// Tangent recursions (d = derivative along any coordinate; E_x the unit vector of parameter x):
    /// <c>dq = dl + phi db + b E_phi</c>; <c>dyhat = dq + ds</c> or <c>s dq + q ds</c>;
    /// <c>de = -dyhat</c> or <c>-(y / yhat^2) dyhat</c>; with <c>c = p - q</c>:
    /// <c>dl' = dq + alpha dc + c E_alpha</c>, <c>db' = phi db + beta dc + b E_phi + c E_beta</c>,
    /// <c>ds' = (1 - gamma) ds + gamma dtarget + (target - s) E_gamma</c>. For multiplicative errors
    /// <c>dr_t = G (de_t + e_t D / n)</c> with <c>D = sum dyhat / yhat</c>, which adds rank-two terms to A.
    /// Additive-error, additive-season models without missing values carry one seasonal tangent instead
    /// of m - 1 and build the seasonal part of A from lagged sums (<see cref="AssembleStructured"/>).
    /// </remarks>
    internal static double RunWithTangents(EtsSpecification specification, double alpha, double beta, double gamma, double phi,
        ReadOnlySpan<double> initialState, ReadOnlySpan<double> values, bool statesFree,
        Span<double> workspace, Span<double> normal, Span<double> gradient)
    {
        bool hasTrend = specification.HasTrend;
        bool hasSeason = specification.HasSeason;
        bool multiplicativeSeason = specification.Season == EtsSeason.Multiplicative;
        bool multiplicativeError = specification.Error == EtsError.Multiplicative;
        int m = specification.SeasonLength;
        int count = TangentCount(specification, statesFree);
        int seasonOffset = hasTrend ? 2 : 1;
        // Additive errors and season without missing values make the tangent recursions time-invariant:
        // the column of seasonal index j is the response u to the oldest index delayed (see AssembleStructured),
        // so one seasonal slot replaces m - 1.
        bool structured = statesFree && hasSeason && !multiplicativeSeason && !multiplicativeError && !HasMissing(values);
        int width = structured ? StructuredWidth : TangentWidth(specification, statesFree);
        int responseSlot = SmoothingSlots + seasonOffset;
        if (!hasTrend) beta = 0;
        if (!specification.IsDamped) phi = 1;
        if (!hasSeason) gamma = 0;

        var levelTangent = workspace[..width];
        var trendTangent = workspace.Slice(width, width);
        var sum = workspace.Slice(2 * width, width);           // J'e, then b
        var ringTangents = workspace.Slice(3 * width, m * width);
        var rows = workspace.Slice((3 + m) * width, values.Length * width);
        var errors = workspace.Slice((3 + m + values.Length) * width, values.Length);
        var logWeights = workspace.Slice((3 + m + values.Length) * width + values.Length, values.Length);
        workspace[..((3 + m) * width)].Clear();
        Span<double> ring = stackalloc double[hasSeason ? m : 0];

        double level = initialState[0];
        double trend = hasTrend ? initialState[1] : 0;
        for (int k = 0; k < ring.Length; k++)
        {
            ring[k] = initialState[seasonOffset + m - 1 - k];
        }
        if (statesFree)
        {
            levelTangent[SmoothingSlots] = 1;
            if (hasTrend)
            {
                trendTangent[SmoothingSlots + 1] = 1;
            }
            if (structured)
            {
                ringTangents[responseSlot] = 1;
            }
            else if (hasSeason)
            {
                // ring[0] is the last index, fixed by the normalisation: minus the sum of the free ones.
                for (int j = 0; j < m - 1; j++)
                {
                    ringTangents[SmoothingSlots + seasonOffset + j] = -1;
                }
                for (int k = 1; k < m; k++)
                {
                    ringTangents[k * width + SmoothingSlots + seasonOffset + m - 1 - k] = 1;
                }
            }
        }

        ref double levelRef = ref MemoryMarshal.GetReference(levelTangent);
        ref double trendRef = ref MemoryMarshal.GetReference(trendTangent);
        double sse = 0, sumLog = 0, forecastProduct = 1;
        int observed = 0;
        int position = 0;
        for (int t = 0; t < values.Length; t++)
        {
            double q = level + phi * trend;
            double s = hasSeason ? ring[position] : 0;
            double forecast = !hasSeason ? q : multiplicativeSeason ? q * s : q + s;
            if (!double.IsFinite(forecast) || (specification.NeedsPositiveData && forecast <= 0))
            {
                return double.PositiveInfinity;
            }
            double y = values[t];
            bool missing = double.IsNaN(y);
            double errorSlope = 0;
            if (missing)
            {
                y = forecast;
            }
            else if (multiplicativeError)
            {
                double inverseForecast = 1 / forecast;
                double ratio = y * inverseForecast;
                errors[observed] = ratio - 1;
                sse += (ratio - 1) * (ratio - 1);
                errorSlope = -ratio * inverseForecast;
                logWeights[observed] = -1 / ratio;
                // log of a running product, taken before it could leave the double range: one log per block, not per step.
                forecastProduct *= forecast;
                if (forecastProduct is > 1e250 or < 1e-250)
                {
                    sumLog += Math.Log(forecastProduct);
                    forecastProduct = 1;
                }
            }
            else
            {
                double error = y - forecast;
                errorSlope = -1;
                errors[observed] = error;
                sse += error * error;
            }
            // Every tangent below is a combination of dq and ds (dy = dyhat where y is missing, else 0):
            // dyhat = fq dq + fs ds, dp = py dy + ps ds, dtarget = ty dy + tq dq.
            double inverseS = multiplicativeSeason ? 1 / s : 1, inverseQ = multiplicativeSeason ? 1 / q : 1;
            double fq = multiplicativeSeason ? s : 1, fs = !hasSeason ? 0 : multiplicativeSeason ? q : 1;
            double p = !hasSeason ? y : multiplicativeSeason ? y * inverseS : y - s;
            double py = !hasSeason ? 1 : inverseS;
            double ps = !hasSeason ? 0 : multiplicativeSeason ? -p * inverseS : -1;
            double target = multiplicativeSeason ? y * inverseQ : y - q;
            double ty = inverseQ;
            double tq = multiplicativeSeason ? -target * inverseQ : -1;
            double follow = missing ? 1 : 0;
            double correction = p - q;
            double correctionQ = py * follow * fq - 1, correctionS = py * follow * fs + ps;
            var coefficients = new TangentStep(
                phi,
                errorQ: errorSlope * fq, errorS: errorSlope * fs,
                levelQ: 1 + alpha * correctionQ, levelS: alpha * correctionS,
                trendQ: beta * correctionQ, trendS: beta * correctionS,
                seasonQ: hasSeason ? gamma * (ty * follow * fq + tq) : 0,
                seasonS: hasSeason ? 1 - gamma + gamma * ty * follow * fs : 0);
            // The parameters' own terms live in the first chunk: dq gains b E_phi, dl' c E_alpha, db' b E_phi + c E_beta, ds' (target - s) E_gamma.
            var extraQ = Vector256.Create(0, 0, 0, trend);
            var extraLevel = Vector256.Create(correction, 0, 0, 0);
            var extraTrend = hasTrend ? Vector256.Create(0, correction, 0, trend) : Vector256<double>.Zero;
            var extraSeason = hasSeason ? Vector256.Create(0, 0, target - s, 0) : Vector256<double>.Zero;

            ref double seasonRef = ref MemoryMarshal.GetReference(ringTangents.Slice(hasSeason ? position * width : 0, width));
            ref double rowRef = ref MemoryMarshal.GetReference(rows.Slice(observed * width, width));
            coefficients.Apply(ref levelRef, ref trendRef, ref seasonRef, ref rowRef, 0, extraQ, extraLevel, extraTrend, extraSeason);
            for (nuint offset = 4; offset < (nuint)width; offset += 4)
            {
                coefficients.Apply(ref levelRef, ref trendRef, ref seasonRef, ref rowRef, offset);
            }
            if (structured)
            {
                rows[observed * width + width - 1] = errors[observed];
            }
            if (!missing)
            {
                observed++;
            }

            level = q + alpha * correction;
            trend = phi * trend + beta * correction;
            if (hasSeason)
            {
                ring[position] = s + gamma * (target - s);
                position = position + 1 == m ? 0 : position + 1;
            }
        }
        if (observed == 0 || !(sse > 0) || !double.IsFinite(sse))
        {
            return double.PositiveInfinity;
        }
        sumLog += Math.Log(forecastProduct);
        Span<double> logTangent = stackalloc double[width];    // D = sum dyhat / yhat (multiplicative errors)
        WeightedRowSum(rows, errors[..observed], width, sum);
        if (multiplicativeError)
        {
            WeightedRowSum(rows, logWeights[..observed], width, logTangent);
        }

        if (structured)
        {
            AssembleStructured(rows[..(observed * width)], m, SmoothingSlots + seasonOffset, count, sum,
                workspace.Slice((3 + m + values.Length) * width + 2 * values.Length, (StructuredWidth + m) * m + m + 4 + observed), normal, gradient);
            return sse;
        }
        // A = J'J over the stored rows (lower triangle), then the multiplicative-error rank-two terms.
        CrossProducts(rows, observed, width, count, count, normal);
        double scale = 1;
        if (multiplicativeError)
        {
            double inverseObserved = 1.0 / observed;
            for (int i = 0; i < count; i++)
            {
                logTangent[i] *= inverseObserved;
            }
            for (int i = 0; i < count; i++)
            {
                for (int k = 0; k <= i; k++)
                {
                    normal[i * count + k] += sum[i] * logTangent[k] + logTangent[i] * sum[k] + sse * logTangent[i] * logTangent[k];
                }
            }
            for (int i = 0; i < count; i++)
            {
                sum[i] += sse * logTangent[i];
            }
            scale = Math.Exp(2 * sumLog * inverseObserved);
        }
        for (int i = 0; i < count; i++)
        {
            gradient[i] = scale * sum[i];
            for (int k = 0; k <= i; k++)
            {
                double value = scale * normal[i * count + k];
                normal[i * count + k] = value;
                normal[k * count + i] = value;
            }
        }
        double sumOfSquares = scale * sse;
        return double.IsFinite(sumOfSquares) ? sumOfSquares : double.PositiveInfinity;
    }

    /// <summary>
    /// The lower triangle of <c>J'J</c> for the first <paramref name="count"/> columns of the first
    /// <paramref name="rowCount"/> rows of J (row stride <paramref name="width"/>, a multiple of 4) into
    /// <paramref name="normal"/> (row stride <paramref name="stride"/>): blocks of 4 x 4 kept in registers
    /// over all rows, so each row's vector is loaded once per block.
    /// </summary>
    private static void CrossProducts(ReadOnlySpan<double> rows, int rowCount, int width, int count, int stride, Span<double> normal)
    {
        ref double start = ref MemoryMarshal.GetReference(rows);
        int chunks = width / 4;
        for (int rowBlock = 0; rowBlock < chunks; rowBlock++)
        {
            for (int columnBlock = 0; columnBlock <= rowBlock; columnBlock++)
            {
                var a0 = Vector256<double>.Zero;
                var a1 = Vector256<double>.Zero;
                var a2 = Vector256<double>.Zero;
                var a3 = Vector256<double>.Zero;
                nuint rowOffset = (nuint)(4 * rowBlock);
                nuint columnOffset = (nuint)(4 * columnBlock);
                for (int t = 0; t < rowCount; t++)
                {
                    nuint line = (nuint)(t * width);
                    var column = Vector256.LoadUnsafe(ref start, line + columnOffset);
                    ref double row = ref Unsafe.Add(ref start, line + rowOffset);
                    a0 += Vector256.Create(row) * column;
                    a1 += Vector256.Create(Unsafe.Add(ref row, 1)) * column;
                    a2 += Vector256.Create(Unsafe.Add(ref row, 2)) * column;
                    a3 += Vector256.Create(Unsafe.Add(ref row, 3)) * column;
                }
                Store(a0, 4 * rowBlock, 4 * columnBlock, count, stride, normal);
                Store(a1, 4 * rowBlock + 1, 4 * columnBlock, count, stride, normal);
                Store(a2, 4 * rowBlock + 2, 4 * columnBlock, count, stride, normal);
                Store(a3, 4 * rowBlock + 3, 4 * columnBlock, count, stride, normal);
            }
        }

        static void Store(Vector256<double> products, int row, int firstColumn, int count, int stride, Span<double> normal)
        {
            for (int c = 0; c < 4 && row < count; c++)
            {
                int column = firstColumn + c;
                if (column <= row)
                {
                    normal[row * stride + column] = products[c];
                }
            }
        }
    }

    /// <summary><c>destination = sum_t weights[t] row_t</c> over the first weights.Length rows (stride <paramref name="width"/>).</summary>
    private static void WeightedRowSum(ReadOnlySpan<double> rows, ReadOnlySpan<double> weights, int width, Span<double> destination)
    {
        destination.Clear();
        ref double start = ref MemoryMarshal.GetReference(rows);
        ref double target = ref MemoryMarshal.GetReference(destination);
        for (nuint offset = 0; offset < (nuint)width; offset += 4)
        {
            var total = Vector256<double>.Zero;
            for (int t = 0; t < weights.Length; t++)
            {
                total += weights[t] * Vector256.LoadUnsafe(ref start, (nuint)(t * width) + offset);
            }
            total.StoreUnsafe(ref target, offset);
        }
    }

    /// <summary>One step's tangent update, as coefficients of dq and ds (see <see cref="RunWithTangents"/>).</summary>
    private readonly struct TangentStep(double phi, double errorQ, double errorS, double levelQ, double levelS,
        double trendQ, double trendS, double seasonQ, double seasonS)
    {
        /// <summary>Updates the first four tangent slots (the smoothing parameters), whose own terms are the extras.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply(ref double level, ref double trend, ref double season, ref double row, nuint offset,
            Vector256<double> extraQ, Vector256<double> extraLevel, Vector256<double> extraTrend, Vector256<double> extraSeason)
        {
            var db = Vector256.LoadUnsafe(ref trend, offset);
            var ds = Vector256.LoadUnsafe(ref season, offset);
            var dq = Vector256.FusedMultiplyAdd(Vector256.Create(phi), db, Vector256.LoadUnsafe(ref level, offset)) + extraQ;
            Combine(errorQ, dq, errorS, ds).StoreUnsafe(ref row, offset);
            (Combine(levelQ, dq, levelS, ds) + extraLevel).StoreUnsafe(ref level, offset);
            (Vector256.FusedMultiplyAdd(Vector256.Create(phi), db, Combine(trendQ, dq, trendS, ds)) + extraTrend).StoreUnsafe(ref trend, offset);
            (Combine(seasonQ, dq, seasonS, ds) + extraSeason).StoreUnsafe(ref season, offset);
        }

        /// <summary>Updates four tangent slots of initial states at <paramref name="offset"/>: the error row, the level, the trend and the seasonal slot in use.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply(ref double level, ref double trend, ref double season, ref double row, nuint offset)
        {
            var db = Vector256.LoadUnsafe(ref trend, offset);
            var ds = Vector256.LoadUnsafe(ref season, offset);
            var dq = Vector256.FusedMultiplyAdd(Vector256.Create(phi), db, Vector256.LoadUnsafe(ref level, offset));
            Combine(errorQ, dq, errorS, ds).StoreUnsafe(ref row, offset);
            Combine(levelQ, dq, levelS, ds).StoreUnsafe(ref level, offset);
            Vector256.FusedMultiplyAdd(Vector256.Create(phi), db, Combine(trendQ, dq, trendS, ds)).StoreUnsafe(ref trend, offset);
            Combine(seasonQ, dq, seasonS, ds).StoreUnsafe(ref season, offset);
        }

        /// <summary><c>a x + b y</c>, fused.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Combine(double a, Vector256<double> x, double b, Vector256<double> y) =>
            Vector256.FusedMultiplyAdd(Vector256.Create(a), x, Vector256.Create(b) * y);
    }

    private static bool HasMissing(ReadOnlySpan<double> values)
    {
        foreach (double y in values)
        {
            if (double.IsNaN(y))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// J'J and J'e of an additive-error, additive-season model without missing values from the
    /// structured rows <c>(alpha, beta, gamma, phi, level[, trend], u, ..., e)</c>: u is the error's response
    /// to a unit in the oldest seasonal index (used first), and since the tangent recursions are
    /// time-invariant the column of free seasonal index j (unit at j, -1 at the oldest, which the
    /// normalisation fixes) is <c>u(t - d_j) - u(t)</c> with delay <c>d_j = m - 1 - j</c> (u = 0 before the
    /// start). Its products are lagged sums: <c>X_a(d) = sum_t u(t - d) row_a(t)</c> against the direct
    /// columns and the errors, and <c>S(x, y) = sum_t u(t - x) u(t - y)</c>, for x &lt;= y the sum over
    /// <c>c &lt; n - y</c> of <c>u(c) u(c + y - x)</c>, among themselves: O(m n) instead of O(m^2 n).
    /// </summary>
    private static void AssembleStructured(ReadOnlySpan<double> rows, int m, int direct, int count,
        ReadOnlySpan<double> directGradient, Span<double> lagged, Span<double> normal, Span<double> gradient)
    {
        const int width = StructuredWidth;
        int n = rows.Length / width;
        int response = direct, errorSlot = width - 1;
        CrossProducts(rows, n, width, direct, count, normal);
        directGradient[..direct].CopyTo(gradient);

        // X(d) for every slot, d = 0..m-1: the direct columns', the error's (slot width - 1) and, in the
        // response slot, F(d) = sum_c u(c) u(c + d). Four lags at a time in eight independent
        // accumulators; u is copied behind m + 4 zeros so that u(t - d) needs no bounds test.
        var crossLagged = lagged[..(width * m)];
        int pad = m + 4;
        var padded = lagged.Slice(width * m, pad + n);
        padded[..pad].Clear();
        for (int t = 0; t < n; t++)
        {
            padded[pad + t] = rows[t * width + response];
        }
        ref double start = ref MemoryMarshal.GetReference(rows);
        for (int first = 0; first < m; first += 4)
        {
            Vector256<double> low0 = default, high0 = default, low1 = default, high1 = default;
            Vector256<double> low2 = default, high2 = default, low3 = default, high3 = default;
            for (int t = first; t < n; t++)
            {
                var low = Vector256.LoadUnsafe(ref start, (nuint)(t * width));
                var high = Vector256.LoadUnsafe(ref start, (nuint)(t * width + 4));
                int at = pad + t - first;
                double u0 = padded[at], u1 = padded[at - 1], u2 = padded[at - 2], u3 = padded[at - 3];
                low0 += u0 * low; high0 += u0 * high;
                low1 += u1 * low; high1 += u1 * high;
                low2 += u2 * low; high2 += u2 * high;
                low3 += u3 * low; high3 += u3 * high;
            }
            StoreLag(crossLagged, m, first, low0, high0);
            StoreLag(crossLagged, m, first + 1, low1, high1);
            StoreLag(crossLagged, m, first + 2, low2, high2);
            StoreLag(crossLagged, m, first + 3, low3, high3);
        }
        // S(x, y) = sum_t u(t - x) u(t - y) for x <= y: along each diagonal (lag = y - x) it starts at
        // F(lag) and loses one product per step, the one with c = n - y.
        var responseProducts = lagged.Slice(width * m + pad + n, m * m);
        for (int lag = 0; lag < m; lag++)
        {
            double value = crossLagged[lag * width + response];
            for (int x = 0, y = lag; y < m; x++, y++)
            {
                if (x > 0)
                {
                    value -= padded[pad + n - y] * padded[pad + n - y + lag];
                }
                responseProducts[x * m + y] = value;
            }
        }

        static void StoreLag(Span<double> crossLagged, int m, int d, Vector256<double> low, Vector256<double> high)
        {
            if (d < m)
            {
                low.CopyTo(crossLagged.Slice(d * width, 4));
                high.CopyTo(crossLagged.Slice(d * width + 4, 4));
            }
        }

        for (int j = 0; j < m - 1; j++)
        {
            int i = direct + j;
            int delay = m - 1 - j;
            for (int a = 0; a < direct; a++)
            {
                normal[i * count + a] = crossLagged[delay * width + a] - crossLagged[a];
            }
            gradient[i] = crossLagged[delay * width + errorSlot] - crossLagged[errorSlot];
            for (int jj = 0; jj <= j; jj++)
            {
                int other = m - 1 - jj;
                int low = Math.Min(delay, other), high = Math.Max(delay, other);
                normal[i * count + direct + jj] = responseProducts[low * m + high] - responseProducts[delay]
                    - responseProducts[other] + responseProducts[0];
            }
        }
        for (int i = 0; i < count; i++)
        {
            for (int k = 0; k < i; k++)
            {
                normal[k * count + i] = normal[i * count + k];
            }
        }
    }
}
