namespace CsMetrics.Internal;

/// <summary>An objective over a parameter vector; must not keep a reference to <paramref name="x"/>.</summary>
internal delegate double BoundedObjective(ReadOnlySpan<double> x);

/// <summary>The outcome of a <see cref="BoundedNelderMead"/> search.</summary>
/// <param name="Minimum">The best point found.</param>
/// <param name="Value">The objective at <paramref name="Minimum"/>.</param>
/// <param name="Evaluations">Objective evaluations used.</param>
/// <param name="Converged">True when the simplex met the tolerance before the evaluation cap.</param>
internal readonly record struct BoundedMinimum(double[] Minimum, double Value, int Evaluations, bool Converged);

/// <summary>
/// Nelder-Mead simplex search in a box (Nelder and Mead 1965, with the standard coefficients
/// reflection 1, expansion 2, contraction 0.5, shrink 0.5). Every trial point is projected onto
/// the box, so boundary optima (a smoothing parameter of 0) are reachable. After the simplex
/// collapses, the search restarts around the best point until a restart no longer improves it,
/// which guards against the premature collapse plain Nelder-Mead is known for.
/// </summary>
internal static class BoundedNelderMead
{
    public static BoundedMinimum Minimize(
        BoundedObjective objective,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        ReadOnlySpan<double> initialStep,
        int maxEvaluations,
        double relativeTolerance = 1e-10)
    {
        int n = start.Length;
        var best = new double[n];
        start.CopyTo(best);
        Project(best, lower, upper);
        double bestValue = objective(best);
        int evaluations = 1;
        bool converged = false;

        var simplex = new double[(n + 1) * n];
        var values = new double[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        var order = new int[n + 1];
        var sortedSimplex = new double[(n + 1) * n];

        var step = initialStep.ToArray();
        while (evaluations < maxEvaluations)
        {
            // Build a fresh simplex around the best point; steps flip inwards at the bounds.
            best.CopyTo(simplex.AsSpan(0, n));
            values[0] = bestValue;
            for (int i = 0; i < n; i++)
            {
                var vertex = simplex.AsSpan((i + 1) * n, n);
                best.CopyTo(vertex);
                double s = step[i];
                vertex[i] = best[i] + s <= upper[i] ? best[i] + s : best[i] - s;
                Project(vertex, lower, upper);
                values[i + 1] = objective(vertex);
                evaluations++;
            }

            bool collapsed = RunSimplex(objective, simplex, sortedSimplex, values, centroid, trial, trial2, order, lower, upper, maxEvaluations, relativeTolerance, ref evaluations);
            int bestIndex = IndexOfMin(values);
            double improvement = bestValue - values[bestIndex];
            bool improved = values[bestIndex] < bestValue;
            if (improved)
            {
                simplex.AsSpan(bestIndex * n, n).CopyTo(best);
                bestValue = values[bestIndex];
            }
            if (collapsed && (!improved || improvement <= relativeTolerance * (Math.Abs(bestValue) + 1e-300)))
            {
                converged = true;
                break;
            }
            // Restart with smaller steps around the best point.
            for (int i = 0; i < n; i++)
            {
                step[i] = Math.Max(step[i] * 0.5, 1e-6 * (upper[i] - lower[i]));
            }
        }
        return new BoundedMinimum(best, bestValue, evaluations, converged);
    }

    /// <summary>Runs the simplex until it collapses (true) or the evaluation cap is hit (false).</summary>
    private static bool RunSimplex(
        BoundedObjective objective, double[] simplex, double[] sortedSimplex, double[] values, double[] centroid, double[] trial, double[] trial2,
        int[] order, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int maxEvaluations, double tolerance, ref int evaluations)
    {
        int n = centroid.Length;
        while (evaluations < maxEvaluations)
        {
            for (int i = 0; i <= n; i++)
            {
                order[i] = i;
            }
            Array.Sort(values, order);
            Reorder(simplex, sortedSimplex, order, n);
            double fBest = values[0];
            double fWorst = values[n];
            if (fWorst - fBest <= tolerance * (Math.Abs(fBest) + 1e-300) || !double.IsFinite(fBest) && fBest == fWorst)
            {
                return true;
            }

            centroid.AsSpan().Clear();
            for (int v = 0; v < n; v++)
            {
                for (int i = 0; i < n; i++)
                {
                    centroid[i] += simplex[v * n + i];
                }
            }
            for (int i = 0; i < n; i++)
            {
                centroid[i] /= n;
            }
            var worst = simplex.AsSpan(n * n, n);

            Blend(centroid, worst, -1.0, trial, lower, upper);
            double fReflect = objective(trial);
            evaluations++;
            if (fReflect < fBest)
            {
                Blend(centroid, worst, -2.0, trial2, lower, upper);
                double fExpand = objective(trial2);
                evaluations++;
                if (fExpand < fReflect)
                {
                    trial2.CopyTo(worst);
                    values[n] = fExpand;
                }
                else
                {
                    trial.CopyTo(worst);
                    values[n] = fReflect;
                }
                continue;
            }
            if (fReflect < values[n - 1])
            {
                trial.CopyTo(worst);
                values[n] = fReflect;
                continue;
            }
            bool outside = fReflect < fWorst;
            Blend(centroid, outside ? trial : worst, 0.5, trial2, lower, upper);
            double fContract = objective(trial2);
            evaluations++;
            if (fContract < (outside ? fReflect : fWorst))
            {
                trial2.CopyTo(worst);
                values[n] = fContract;
                continue;
            }
            // Shrink towards the best vertex.
            for (int v = 1; v <= n; v++)
            {
                var vertex = simplex.AsSpan(v * n, n);
                for (int i = 0; i < n; i++)
                {
                    vertex[i] = simplex[i] + 0.5 * (vertex[i] - simplex[i]);
                }
                values[v] = objective(vertex);
                evaluations++;
            }
        }
        return false;
    }

    /// <summary>destination = centroid + t (point - centroid), projected onto the box.</summary>
    private static void Blend(double[] centroid, ReadOnlySpan<double> point, double t, Span<double> destination, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (int i = 0; i < centroid.Length; i++)
        {
            destination[i] = centroid[i] + t * (point[i] - centroid[i]);
        }
        Project(destination, lower, upper);
    }

    private static void Project(Span<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }
    }

    /// <summary>Permutes the vertex rows to match the sorted values (through a scratch copy; n is small).</summary>
    private static void Reorder(double[] simplex, double[] scratch, int[] order, int n)
    {
        simplex.CopyTo(scratch, 0);
        for (int v = 0; v <= n; v++)
        {
            scratch.AsSpan(order[v] * n, n).CopyTo(simplex.AsSpan(v * n, n));
        }
    }

    private static int IndexOfMin(double[] values)
    {
        int index = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[index])
            {
                index = i;
            }
        }
        return index;
    }
}
