namespace CsMetrics.Internal;

/// <summary>Ends a <see cref="BoundedLevenbergMarquardt"/> search early (not converged) when true for the point just accepted.</summary>
internal delegate bool LeastSquaresStop(ReadOnlySpan<double> point, double value);

/// <summary>A sum of squares <c>S(x) = sum r_i(x)^2</c> for <see cref="BoundedLevenbergMarquardt"/>; +infinity marks a point outside the domain.</summary>
internal interface ILeastSquaresObjective
{
    /// <summary>
    /// <c>S(x)</c>, with <c>J'J</c> into <paramref name="normal"/> (row-major, full) and <c>J'r</c> into
    /// <paramref name="gradient"/> (half the gradient of S). Must not keep a reference to the spans.
    /// </summary>
    double Linearize(ReadOnlySpan<double> point, Span<double> normal, Span<double> gradient);
}

/// <summary>
/// Levenberg-Marquardt in a box (Levenberg 1944, Marquardt 1963; damping update of Nielsen 1999 as in
/// Madsen, Nielsen and Tingleff 2004, <i>Methods for Non-Linear Least Squares Problems</i>, alg. 3.16):
/// each iteration solves <c>(J'J + lambda diag(J'J)) delta = -J'r</c> over the coordinates not held
/// at a bound by the gradient, projects the step onto the box and keeps it when S falls. The search
/// is converged when the last accepted step lowered S by less than the relative tolerance and the
/// linear model predicts less than that for the next one, or when no step can lower S (the damping
/// overflows at a stationary point); an iteration cap ends it with
/// <see cref="BoundedMinimum.Converged"/> false. One search allocates its matrices; evaluation is the objective's.
/// </summary>
internal static class BoundedLevenbergMarquardt
{
    /// <summary>Minimises <c>S</c> from <paramref name="point"/> (projected onto the box), writing the best point back.</summary>
    /// <param name="objective">The sum of squares (a struct or sealed class: the generic call is devirtualised).</param>
    /// <param name="point">The start; on return, the best point found.</param>
    /// <param name="lower">Lower bounds (may be -infinity).</param>
    /// <param name="upper">Upper bounds (may be +infinity).</param>
    /// <param name="maxIterations">The cap on linearisations.</param>
    /// <param name="relativeTolerance">Converged when the last accepted step and the predicted next one lower S by less than this fraction.</param>
    /// <param name="stop">A multi-start caller's test after each accepted step (e.g. the search has reached a known optimum's basin); null never stops.</param>
    /// <returns>S at the best point, the linearisations used, and whether the search converged.</returns>
    public static BoundedMinimum Minimize<TObjective>(TObjective objective, Span<double> point,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int maxIterations, double relativeTolerance = 1e-10,
        LeastSquaresStop? stop = null)
        where TObjective : ILeastSquaresObjective
    {
        int d = point.Length;
        for (int i = 0; i < d; i++)
        {
            point[i] = Math.Clamp(point[i], lower[i], upper[i]);
        }
        var normal = new double[d * d];
        var gradient = new double[d];
        var trialNormal = new double[d * d];
        var trialGradient = new double[d];
        var system = new double[d * d];
        var step = new double[d];
        var trial = new double[d];
        var free = new int[d];
        var held = new bool[d];

        double value = objective.Linearize(point, normal, gradient);
        int evaluations = 1;
        if (!double.IsFinite(value) || d == 0)
        {
            return new BoundedMinimum(value, evaluations, d == 0 && !double.IsNaN(value));
        }
        double lambda = 1e-3, growth = 2;
        double lastDecrease = double.PositiveInfinity;
        bool converged = false;
        while (evaluations < maxIterations)
        {
            // Coordinates at a bound stay there when the gradient, or the step solved without them, points
            // out of the box; the step is solved again until no free coordinate at a bound leaves it
            // (otherwise projection would distort the other coordinates' step).
            for (int i = 0; i < d; i++)
            {
                held[i] = (point[i] <= lower[i] && gradient[i] > 0) || (point[i] >= upper[i] && gradient[i] < 0);
            }
            int freeCount;
            bool solved;
            while (true)
            {
                freeCount = 0;
                for (int i = 0; i < d; i++)
                {
                    if (!held[i])
                    {
                        free[freeCount++] = i;
                    }
                }
                solved = SolveDamped(normal, gradient, free, freeCount, d, lambda, system, trial);
                if (!solved)
                {
                    break;
                }
                bool newlyHeld = false;
                for (int a = 0; a < freeCount; a++)
                {
                    int i = free[a];
                    if ((point[i] <= lower[i] && trial[a] < 0) || (point[i] >= upper[i] && trial[a] > 0))
                    {
                        held[i] = true;
                        newlyHeld = true;
                    }
                }
                if (!newlyHeld)
                {
                    break;
                }
            }
            if (freeCount == 0)
            {
                converged = true;
                break;
            }
            if (!solved)
            {
                lambda *= growth;
                growth *= 2;
                continue;
            }
            Array.Clear(step);
            bool moved = false;
            for (int a = 0; a < freeCount; a++)
            {
                int i = free[a];
                double next = Math.Clamp(point[i] + trial[a], lower[i], upper[i]);
                step[i] = next - point[i];
                moved |= next != point[i];
            }
            if (!moved)
            {
                converged = true;
                break;
            }
            // The decrease the linear model predicts for the projected step: -(2 step'J'r + step'J'J step).
            double predicted = 0;
            for (int i = 0; i < d; i++)
            {
                if (step[i] != 0)
                {
                    predicted -= step[i] * (2 * gradient[i] + Cholesky.Dot(normal.AsSpan(i * d, d), step));
                }
            }
            if (lastDecrease <= relativeTolerance * value && predicted <= relativeTolerance * value)
            {
                converged = true;
                break;
            }
            for (int i = 0; i < d; i++)
            {
                trial[i] = point[i] + step[i];
            }
            double trialValue = objective.Linearize(trial, trialNormal, trialGradient);
            evaluations++;
            if (trialValue < value)
            {
                double decrease = value - trialValue;
                double ratio = predicted > 0 ? decrease / predicted : 0;
                lastDecrease = decrease;
                trial.AsSpan().CopyTo(point);
                (normal, trialNormal) = (trialNormal, normal);
                (gradient, trialGradient) = (trialGradient, gradient);
                value = trialValue;
                double cubic = 2 * ratio - 1;
                lambda *= Math.Max(1.0 / 3, 1 - cubic * cubic * cubic);
                growth = 2;
                if (stop is not null && stop(point, value))
                {
                    break;
                }
            }
            else
            {
                lambda *= growth;
                growth *= 2;
                if (lambda > 1e16)
                {
                    converged = true;
                    break;
                }
            }
        }
        return new BoundedMinimum(value, evaluations, converged);
    }

    /// <summary>Solves <c>(A + lambda diag(A)) x = -g</c> over the free coordinates into <paramref name="solution"/>; false when not positive definite.</summary>
    private static bool SolveDamped(double[] normal, double[] gradient, int[] free, int freeCount, int d, double lambda,
        double[] system, double[] solution)
    {
        if (freeCount == 0)
        {
            return true;
        }
        double maxDiagonal = 0;
        for (int a = 0; a < freeCount; a++)
        {
            maxDiagonal = Math.Max(maxDiagonal, normal[free[a] * d + free[a]]);
        }
        for (int a = 0; a < freeCount; a++)
        {
            int i = free[a];
            for (int b = 0; b <= a; b++)
            {
                system[a * freeCount + b] = normal[i * d + free[b]];
            }
            // Marquardt's scaling, floored so that a coordinate the residuals ignore still gets a finite step.
            system[a * freeCount + a] += lambda * Math.Max(normal[i * d + i], 1e-12 * maxDiagonal) + 1e-300;
            solution[a] = -gradient[i];
        }
        return Cholesky.SolveInPlace(system, solution, freeCount);
    }
}
