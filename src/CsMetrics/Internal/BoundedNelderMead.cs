namespace CsMetrics.Internal;

/// <summary>An objective for <see cref="BoundedNelderMead"/>: +infinity marks an inadmissible point; must not keep a reference to the point.</summary>
internal interface IBoundedObjective
{
    double Evaluate(ReadOnlySpan<double> point);
}

/// <summary>An objective given as a function (for callers that do not need a dedicated type).</summary>
internal delegate double BoundedObjective(ReadOnlySpan<double> point);

/// <summary>How a <see cref="BoundedNelderMead"/> search ended.</summary>
/// <param name="Value">The objective at the best point found (written back into the caller's point).</param>
/// <param name="Evaluations">Objective evaluations used.</param>
/// <param name="Converged">True when the search met the tolerance before the evaluation cap (false too for an abandoned search).</param>
internal readonly record struct BoundedMinimum(double Value, int Evaluations, bool Converged);

/// <summary>
/// Nelder-Mead simplex search (Nelder and Mead 1965) with the dimension-adaptive coefficients of
/// Gao and Han (2012, Comput. Optim. Appl. 51) in a box: trial points are projected onto the
/// bounds, so boundary optima (a smoothing parameter of 0) are reachable. The search runs in rounds:
/// each builds a simplex around the best point so far and runs it until its values agree to the
/// round's tolerance, which starts at 1e-6 (relative) and tightens a hundredfold per round to the
/// requested one (a fresh simplex makes faster progress than a long-collapsed one); steps halve per
/// round. The search is converged only when a round at the requested tolerance improves the value by
/// less than 100 times that tolerance. An evaluation cap ends it with
/// <see cref="BoundedMinimum.Converged"/> false, never silently. Evaluation allocates nothing here;
/// one search allocates its simplex.
/// </summary>
internal static class BoundedNelderMead
{
    /// <summary>Minimises a function objective (see the generic overload).</summary>
    public static BoundedMinimum Minimize(BoundedObjective objective, Span<double> point,
        ReadOnlySpan<double> step, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        int maxEvaluations, double relativeTolerance = 1e-9) =>
        Minimize(new FunctionObjective(objective), point, step, lower, upper, maxEvaluations, relativeTolerance);

    /// <summary>
    /// Minimises <paramref name="objective"/> from <paramref name="point"/> (projected onto the box),
    /// writing the best point found back into it.
    /// </summary>
    /// <param name="objective">The objective (a struct or sealed class: the generic call is devirtualised).</param>
    /// <param name="point">The start; on return, the best point found.</param>
    /// <param name="step">The first simplex's edge per coordinate (flipped inwards at a bound).</param>
    /// <param name="lower">Lower bounds (may be -infinity).</param>
    /// <param name="upper">Upper bounds (may be +infinity).</param>
    /// <param name="maxEvaluations">The evaluation cap.</param>
    /// <param name="relativeTolerance">The final tolerance on the spread of the simplex's values, relative to the best value.</param>
    /// <param name="abandonAbove">A multi-start caller's incumbent: when the first round settles above it, the search stops (not converged).</param>
    public static BoundedMinimum Minimize<TObjective>(TObjective objective, Span<double> point,
        ReadOnlySpan<double> step, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        int maxEvaluations, double relativeTolerance = 1e-9, double abandonAbove = double.PositiveInfinity)
        where TObjective : IBoundedObjective
    {
        int d = point.Length;
        for (int i = 0; i < d; i++)
        {
            point[i] = Math.Clamp(point[i], lower[i], upper[i]);
        }
        if (d == 0)
        {
            return new BoundedMinimum(objective.Evaluate(point), 1, true);
        }
        var simplex = new double[(d + 1) * d];
        var values = new double[d + 1];
        var centroid = new double[d];
        var trial = new double[d];
        var trial2 = new double[d];
        var scaledStep = step.ToArray();
        double expansion = 1 + 2.0 / d, contraction = 0.75 - 0.5 / d, shrink = 1 - 1.0 / d;
        if (d == 1)
        {
            (expansion, contraction, shrink) = (2, 0.5, 0.5);
        }
        int evaluations = 0;
        double best = double.PositiveInfinity;
        bool converged = false;

        double roundTolerance = Math.Max(relativeTolerance, 1e-6);
        for (int round = 0; round < 200 && evaluations < maxEvaluations; round++)
        {
            double before = best;
            // Build a simplex around the current point.
            point.CopyTo(simplex.AsSpan(0, d));
            values[0] = objective.Evaluate(point);
            evaluations++;
            for (int i = 0; i < d; i++)
            {
                var vertex = simplex.AsSpan((i + 1) * d, d);
                point.CopyTo(vertex);
                double moved = Math.Clamp(point[i] + scaledStep[i], lower[i], upper[i]);
                if (moved == point[i])
                {
                    moved = Math.Clamp(point[i] - scaledStep[i], lower[i], upper[i]);
                }
                vertex[i] = moved;
                values[i + 1] = objective.Evaluate(vertex);
                evaluations++;
            }

            bool roundConverged = false;
            // A simplex flattened against a bound can stall without collapsing: rebuild it after a while.
            int roundLimit = Math.Min(maxEvaluations, evaluations + 100 * (d + 1));
            bool stalled = false;
            while (true)
            {
                if (evaluations >= roundLimit)
                {
                    stalled = evaluations < maxEvaluations;
                    break;
                }
                int lo = 0, hi = 0, nextHi = 0;
                for (int i = 1; i <= d; i++)
                {
                    if (values[i] < values[lo]) lo = i;
                    if (values[i] > values[hi]) hi = i;
                }
                nextHi = lo;
                for (int i = 0; i <= d; i++)
                {
                    if (i != hi && values[i] > values[nextHi]) nextHi = i;
                }
                double fLo = values[lo], fHi = values[hi];
                if (double.IsFinite(fHi) && Math.Abs(fHi - fLo) <= roundTolerance * (Math.Abs(fLo) + relativeTolerance))
                {
                    roundConverged = true;
                    break;
                }

                centroid.AsSpan().Clear();
                for (int i = 0; i <= d; i++)
                {
                    if (i == hi) continue;
                    var vertex = simplex.AsSpan(i * d, d);
                    for (int j = 0; j < d; j++) centroid[j] += vertex[j];
                }
                for (int j = 0; j < d; j++) centroid[j] /= d;
                var worst = simplex.AsSpan(hi * d, d);

                Combine(centroid, worst, 1.0, lower, upper, trial);          // reflection
                double fReflect = objective.Evaluate(trial);
                evaluations++;
                if (fReflect < fLo)
                {
                    Combine(centroid, worst, expansion, lower, upper, trial2);     // expansion
                    double fExpand = objective.Evaluate(trial2);
                    evaluations++;
                    if (fExpand < fReflect)
                    {
                        trial2.CopyTo(worst);
                        values[hi] = fExpand;
                    }
                    else
                    {
                        trial.CopyTo(worst);
                        values[hi] = fReflect;
                    }
                    continue;
                }
                if (fReflect < values[nextHi])
                {
                    trial.CopyTo(worst);
                    values[hi] = fReflect;
                    continue;
                }
                bool outside = fReflect < fHi;
                Combine(centroid, worst, outside ? contraction : -contraction, lower, upper, trial2); // contraction
                double fContract = objective.Evaluate(trial2);
                evaluations++;
                if (fContract < (outside ? fReflect : fHi))
                {
                    trial2.CopyTo(worst);
                    values[hi] = fContract;
                    continue;
                }
                var bestVertex = simplex.AsSpan(lo * d, d);                   // shrink towards the best
                for (int i = 0; i <= d; i++)
                {
                    if (i == lo) continue;
                    var vertex = simplex.AsSpan(i * d, d);
                    for (int j = 0; j < d; j++) vertex[j] = bestVertex[j] + shrink * (vertex[j] - bestVertex[j]);
                    values[i] = objective.Evaluate(vertex);
                    evaluations++;
                }
            }

            int bestIndex = 0;
            for (int i = 1; i <= d; i++)
            {
                if (values[i] < values[bestIndex]) bestIndex = i;
            }
            if (values[bestIndex] <= best)
            {
                best = values[bestIndex];
                simplex.AsSpan(bestIndex * d, d).CopyTo(point);
            }
            if (stalled)
            {
                continue;
            }
            if (!roundConverged)
            {
                break;
            }
            bool improved = double.IsFinite(before) ? before - best > 100 * relativeTolerance * (Math.Abs(best) + relativeTolerance) : true;
            if (round == 0 && best > abandonAbove)
            {
                break;
            }
            if (roundTolerance > relativeTolerance)
            {
                roundTolerance = Math.Max(relativeTolerance, roundTolerance * 0.01);
                for (int i = 0; i < d; i++) scaledStep[i] *= 0.5;
                continue;
            }
            if (round > 0 && !improved)
            {
                converged = true;
                break;
            }
            // Later rounds restart with smaller steps around the best point.
            for (int i = 0; i < d; i++) scaledStep[i] *= round == 0 ? 1 : 0.5;
        }
        return new BoundedMinimum(best, evaluations, converged);
    }

    /// <summary>trial = centroid + coefficient (centroid - worst), projected onto the box.</summary>
    private static void Combine(ReadOnlySpan<double> centroid, ReadOnlySpan<double> worst, double coefficient,
        ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<double> trial)
    {
        for (int j = 0; j < centroid.Length; j++)
        {
            trial[j] = Math.Clamp(centroid[j] + coefficient * (centroid[j] - worst[j]), lower[j], upper[j]);
        }
    }

    private readonly struct FunctionObjective(BoundedObjective function) : IBoundedObjective
    {
        public double Evaluate(ReadOnlySpan<double> point) => function(point);
    }
}
