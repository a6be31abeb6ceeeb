using Touchstone.Suites.RegressionVsFlow;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

public sealed class ProjectionMetricsTests
{
    private static readonly double[,] P = Targets.ProjectionMatrix(8, 2, 46);

    /// <summary>Points a u + b v + offset with (a, b) spread over a square, u and v the columns of <paramref name="basis"/>.</summary>
    private static float[] Plane(double[,] basis, int first, int second, double offset = 0)
    {
        var points = new List<float>();
        for (var i = 0; i < 30; i++)
        {
            var (a, b) = (Math.Sin(1.3 * i) * 2, Math.Cos(0.7 * i + 0.2));
            points.AddRange(Enumerable.Range(0, 8).Select(d => (float)(a * basis[d, first] + b * basis[d, second] + offset)));
        }
        return [.. points];
    }

    [Fact]
    public void Alignment_error_is_zero_for_predictions_spanning_the_targets_subspace()
    {
        var (_, vectors) = DenseMatrix.SymmetricEigen(P);

        var scores = PcaScores.Of(Plane(vectors, 0, 1, offset: 0.4), 8, P, 2);

        Assert.Equal(0.0, scores.AlignmentError, 5);
        Assert.Equal(1.0, scores.ExplainedVariance, 9);
    }

    [Fact]
    public void Alignment_error_is_its_maximum_two_for_a_plane_orthogonal_to_the_target()
    {
        var (_, vectors) = DenseMatrix.SymmetricEigen(P);

        // Columns 2 and 3 are eigenvectors of eigenvalue 0: orthogonal to P's column space.
        var scores = PcaScores.Of(Plane(vectors, 2, 3), 8, P, 2);

        Assert.Equal(2.0, scores.AlignmentError, 5);
        Assert.Equal(1.0, scores.ExplainedVariance, 9);
    }

    [Fact]
    public void Explained_variance_is_below_one_for_data_that_leaves_the_plane()
    {
        var (_, vectors) = DenseMatrix.SymmetricEigen(P);
        var data = Plane(vectors, 0, 1);
        for (var i = 0; i < data.Length; i += 8)
        {
            data[i + 5] += (float)(0.8 * Math.Sin(0.37 * i));
        }

        Assert.InRange(PcaScores.Of(data, 8, P, 2).ExplainedVariance, 0.5, 0.99);
    }

    [Fact]
    public void Symmetric_eigen_recovers_a_known_decomposition()
    {
        var (values, vectors) = DenseMatrix.SymmetricEigen(new double[,] { { 2, 1 }, { 1, 2 } });

        Assert.Equal([3.0, 1.0], values.Select(v => Math.Round(v, 12)));
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(vectors[0, 0]), 12);
        Assert.Equal(vectors[0, 0], vectors[1, 0], 12);
    }

    [Fact]
    public void Span_of_two_rank_three_projections_has_rank_six()
    {
        var span = IntervalMetrics.SpanProjector(Targets.ProjectionMatrix(8, 3, 46), Targets.ProjectionMatrix(8, 3, 47), 3);

        var (values, _) = DenseMatrix.SymmetricEigen(span);
        Assert.Equal(6, values.Count(v => Math.Abs(v - 1) < 1e-9));
        Assert.Equal(2, values.Count(v => Math.Abs(v) < 1e-9));
    }

    [Fact]
    public void Interval_metrics_are_zero_for_exact_predictions_and_one_for_predictions_outside_every_subspace()
    {
        var targets = new Targets(RvfTestConfigs.FinalProj());
        var metrics = new IntervalMetrics(targets, RvfTestConfigs.Evaluation(SubspaceMetrics.Intervals));
        float[] Exact(float[] c) => c.SelectMany(v => targets.Value(v).Select(x => (float)x)).ToArray();

        Assert.Equal(0.0, metrics.Score(Exact, sourceTargets: false).Boundary, 5);

        // An error inside each point's own interval subspace (its P's leading eigenvector): 0 on the diagonal,
        // large against the other intervals' projections.
        var leading = targets.Projections.Select(p => DenseMatrix.SymmetricEigen(p).Vectors).ToArray();
        float[] Shifted(float[] c) => Exact(c).Select((x, i) => x + (float)leading[targets.IntervalOf(c[i / 8])][i % 8, 0]).ToArray();
        var shifted = metrics.Score(Shifted, sourceTargets: false);
        // As in the source, an interval's 20 test points include its right end, which belongs to the next
        // interval: 1 point in 20 carries the next interval's error, the other 19 none.
        Assert.InRange(shifted.Diagonal, 0.0, 0.06);
        Assert.InRange(shifted.OffDiagonal, 0.3, 1.0);
    }

    [Fact]
    public void Source_targets_differ_from_the_targets_at_the_test_points()
    {
        // The source compares predictions near c with f at linspace(0, 1, 20)[k]; exact predictions then show error.
        var targets = new Targets(RvfTestConfigs.FinalProj());
        var metrics = new IntervalMetrics(targets, RvfTestConfigs.Evaluation(SubspaceMetrics.Intervals));
        float[] Exact(float[] c) => c.SelectMany(v => targets.Value(v).Select(x => (float)x)).ToArray();

        Assert.True(metrics.Score(Exact, sourceTargets: true).OffDiagonal > 0.1);
    }

    [Fact]
    public void Point_errors_are_mean_absolute_and_root_mean_square()
    {
        var errors = PointErrors.Of([1f, 2f, 3f, 4f], [1f, 0f, 3f, 0f]);

        Assert.Equal(1.5, errors.L1, 12);
        Assert.Equal(Math.Sqrt(5), errors.Rmse, 12);
    }
}
