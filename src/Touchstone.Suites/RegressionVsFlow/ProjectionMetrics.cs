namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>Pointwise errors of predictions on the evaluation grid (row-major n × dim, as the source flattens them).</summary>
/// <param name="L1">mean |x̂ − x| over every point and dimension.</param>
/// <param name="Rmse">sqrt(mean (x̂ − x)²), the source's "l2_error".</param>
public sealed record PointErrors(double L1, double Rmse)
{
    /// <summary>Errors of <paramref name="predicted"/> against <paramref name="target"/>.</summary>
    public static PointErrors Of(ReadOnlySpan<float> predicted, ReadOnlySpan<float> target)
    {
        double abs = 0, square = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var e = predicted[i] - (double)target[i];
            abs += Math.Abs(e);
            square += e * e;
        }
        return new PointErrors(abs / target.Length, Math.Sqrt(square / target.Length));
    }
}

/// <summary>The first version's analyze_subspace (scripts/train_proj.py at 324332b).</summary>
/// <param name="AlignmentError">‖V_l V_lᵀ − V_t V_tᵀ‖_F: V_l the top-k principal directions of the centred predictions, V_t the top-k left singular vectors of P (0 = same subspace, √(2k) = orthogonal ones).</param>
/// <param name="ExplainedVariance">Share of the predictions' variance in their top k principal components (1 = the predictions lie in a k-plane).</param>
public sealed record PcaScores(double AlignmentError, double ExplainedVariance)
{
    /// <summary>Scores of <paramref name="predicted"/> (n × dim, row-major) against the projection <paramref name="p"/> of rank <paramref name="k"/>.</summary>
    public static PcaScores Of(ReadOnlySpan<float> predicted, int dim, double[,] p, int k)
    {
        var n = predicted.Length / dim;
        var mean = new double[dim];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < dim; d++)
            {
                mean[d] += predicted[i * dim + d] / (double)n;
            }
        }
        // The right singular vectors of the centred data are the eigenvectors of its scatter matrix, and the
        // squared singular values its eigenvalues.
        var scatter = new double[dim, dim];
        for (var i = 0; i < n; i++)
        {
            for (var r = 0; r < dim; r++)
            {
                var xr = predicted[i * dim + r] - mean[r];
                for (var c = 0; c < dim; c++)
                {
                    scatter[r, c] += xr * (predicted[i * dim + c] - mean[c]);
                }
            }
        }
        var (variances, directions) = DenseMatrix.SymmetricEigen(scatter);
        var (_, truth) = DenseMatrix.SymmetricEigen(p);
        var learned = DenseMatrix.ProjectorOnColumns(directions, k);
        var target = DenseMatrix.ProjectorOnColumns(truth, k);
        var frobenius = 0.0;
        for (var r = 0; r < dim; r++)
        {
            for (var c = 0; c < dim; c++)
            {
                frobenius += (learned[r, c] - target[r, c]) * (learned[r, c] - target[r, c]);
            }
        }
        var total = variances.Sum(v => Math.Max(v, 0));
        var top = variances.Take(k).Sum(v => Math.Max(v, 0));
        return new PcaScores(Math.Sqrt(frobenius), total > 0 ? top / total : double.NaN);
    }
}

/// <summary>
/// The final version's projection metrics (scripts/train_proj.py at 4599477, evaluate_subspace_metric and
/// evaluate_subspace_metric_adjacent), the ones report.tex tabulates.
/// </summary>
/// <param name="Diagonal">Metric 4 on the diagonal: mean over intervals i of mean ‖(I − P_i) e‖ / ‖e‖ over its test points, e = f̂ − f*.</param>
/// <param name="OffDiagonal">Metric 4 off the diagonal: the same against every other interval's P_j.</param>
/// <param name="Boundary">Metric 2: mean over boundaries c_i of mean ‖(I − P̃_{i−1,i}) f̂‖ / ‖f̂‖ near c_i, P̃ the projection onto span[P_{i−1}, P_i].</param>
public sealed record IntervalScores(double Diagonal, double OffDiagonal, double Boundary);

/// <summary>Computes <see cref="IntervalScores"/> from a model's predictions at chosen conditions.</summary>
/// <param name="targets">The projection task's targets (its intervals and matrices).</param>
/// <param name="config">Points per region and the boundary half-width.</param>
public sealed class IntervalMetrics(Targets targets, EvaluationConfig config)
{
    /// <summary>
    /// Scores of <paramref name="predict"/> (conditions → predictions, row-major n × dim). With
    /// <paramref name="sourceTargets"/> the reference f* is the source's: P_{interval(c)} applied to f at the
    /// j-th point of linspace(c_min, c_max, n) rather than at the test point c itself (its generate_eval_data
    /// call samples the whole domain and only the conditions are then replaced); without it, f* = P f(c).
    /// </summary>
    public IntervalScores Score(Func<float[], float[]> predict, bool sourceTargets)
    {
        var intervals = targets.Projections.Count;
        var (cMin, cMax) = (targets.Config.CMin, targets.Config.CMax);
        var n = config.PointsPerRegion;
        var matrix = new double[intervals, intervals];
        for (var i = 0; i < intervals; i++)
        {
            var points = Region(cMin + (double)i / intervals * (cMax - cMin), cMin + (double)(i + 1) / intervals * (cMax - cMin));
            var predicted = predict(points.Select(c => (float)c).ToArray());
            var errors = new double[n][];
            for (var k = 0; k < n; k++)
            {
                var at = sourceTargets ? (float)Targets.Linspace(cMin, cMax, n, k) : points[k];
                var truth = DenseMatrix.Apply(targets.Projections[targets.IntervalOf(points[k])], targets.Base(at));
                errors[k] = Enumerable.Range(0, targets.Dim).Select(d => predicted[k * targets.Dim + d] - truth[d]).ToArray();
            }
            for (var j = 0; j < intervals; j++)
            {
                var complement = Complement(targets.Projections[j]);
                matrix[i, j] = errors.Average(e => Ratio(complement, e));
            }
        }
        var diagonal = Enumerable.Range(0, intervals).Average(i => matrix[i, i]);
        var offDiagonal = Enumerable.Range(0, intervals).SelectMany(i => Enumerable.Range(0, intervals).Where(j => j != i).Select(j => matrix[i, j])).Average();

        var boundaries = new double[intervals - 1];
        for (var i = 1; i < intervals; i++)
        {
            var ci = cMin + (double)i / intervals * (cMax - cMin);
            var points = Region(Math.Max(cMin, ci - config.BoundaryWidth), Math.Min(cMax, ci + config.BoundaryWidth));
            var predicted = predict(points.Select(c => (float)c).ToArray());
            var complement = Complement(SpanProjector(targets.Projections[i - 1], targets.Projections[i], targets.Config.LowDim));
            boundaries[i - 1] = Enumerable.Range(0, n)
                .Average(k => Ratio(complement, predicted.AsSpan(k * targets.Dim, targets.Dim).ToArray().Select(v => (double)v).ToArray()));
        }
        return new IntervalScores(diagonal, offDiagonal, boundaries.Average());
    }

    /// <summary>
    /// The projection onto span[P_a, P_b]: its left singular vectors with singular value above 1e-10, at most
    /// 2k of them (the source's SVD of np.hstack([P_a, P_b])), from the eigenvectors of [P_a, P_b][P_a, P_b]ᵀ.
    /// </summary>
    public static double[,] SpanProjector(double[,] a, double[,] b, int k)
    {
        var dim = a.GetLength(0);
        var gram = new double[dim, dim];
        for (var r = 0; r < dim; r++)
        {
            for (var c = 0; c < dim; c++)
            {
                for (var m = 0; m < dim; m++)
                {
                    gram[r, c] += a[r, m] * a[c, m] + b[r, m] * b[c, m];
                }
            }
        }
        var (values, vectors) = DenseMatrix.SymmetricEigen(gram);
        var rank = Math.Min(values.Count(v => v > 1e-20), 2 * k);
        return DenseMatrix.ProjectorOnColumns(vectors, rank);
    }

    private double[] Region(double start, double end) =>
        Enumerable.Range(0, config.PointsPerRegion).Select(k => Targets.Linspace(start, end, config.PointsPerRegion, k)).ToArray();

    private static double[,] Complement(double[,] p)
    {
        var dim = p.GetLength(0);
        var complement = DenseMatrix.Identity(dim);
        for (var r = 0; r < dim; r++)
        {
            for (var c = 0; c < dim; c++)
            {
                complement[r, c] -= p[r, c];
            }
        }
        return complement;
    }

    /// <summary>‖M v‖ / ‖v‖, and 0 where v = 0 (the source's np.divide with where=norm != 0).</summary>
    private static double Ratio(double[,] complement, double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        if (norm == 0)
        {
            return 0;
        }
        var projected = DenseMatrix.Apply(complement, v);
        return Math.Sqrt(projected.Sum(x => x * x)) / norm;
    }
}
