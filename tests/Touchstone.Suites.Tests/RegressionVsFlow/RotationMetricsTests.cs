using Touchstone.Suites.RegressionVsFlow;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

public sealed class RotationMetricsTests
{
    private static readonly Targets Lie = new(RvfTestConfigs.Lie(), RvfTestConfigs.So2());

    [Fact]
    public void Perpendicular_error_is_zero_on_the_line_and_one_across_it_and_cosine_follows_the_angle()
    {
        Assert.Equal((1.0, 0.0), RotationScores.Against(2, 0, 1, 0));
        Assert.Equal((-1.0, 0.0), RotationScores.Against(-3, 0, 1, 0));
        Assert.Equal((0.0, 1.0), RotationScores.Against(0, 5, 1, 0));
        var (cosine, perpendicular) = RotationScores.Against(1, 1, 1, 0);
        Assert.Equal(Math.Sqrt(0.5), cosine, 12);
        Assert.Equal(Math.Sqrt(0.5), perpendicular, 12);
        // The source returns 0 for both when a vector is zero.
        Assert.Equal((0.0, 0.0), RotationScores.Against(0, 0, 1, 0));
    }

    [Fact]
    public void The_exact_targets_have_no_perpendicular_error_and_cosines_equal_to_the_mean_sign_of_the_weights()
    {
        var (c, x) = Lie.EvalGrid(500);

        var scores = RotationScores.Of(x, c, Lie);

        Assert.InRange(scores.AvgPerpError, 0, 1e-3);
        Assert.InRange(scores.MaxPerpError, 0, 1e-3);
        // The cosine of a perfect prediction is sign(w_i(c)): its mean over c is well below 1 for weights that
        // change sign, which is why the source's cosine columns sit near 0.
        var meanSign = Enumerable.Range(0, 8).Select(i => c.ToArray().Average(ci => Math.Sign(Lie.Value(ci)[2 * i] / Lie.Direction(i, ci).X))).ToArray();
        Assert.Equal(meanSign.Average(), scores.AvgCosSimilarity, 2);
        Assert.True(scores.AvgCosSimilarity < 0.9, $"mean cosine of the exact targets {scores.AvgCosSimilarity}");
    }

    [Fact]
    public void Predictions_rotated_a_quarter_turn_have_perpendicular_error_one_and_cosine_zero()
    {
        var (c, x) = Lie.EvalGrid(200);
        var turned = new float[x.Length];
        for (var j = 0; j < x.Length; j += 2)
        {
            (turned[j], turned[j + 1]) = (-x[j + 1], x[j]);
        }

        var scores = RotationScores.Of(turned, c, Lie);

        Assert.Equal(1.0, scores.AvgPerpError, 4);
        Assert.Equal(0.0, scores.AvgCosSimilarity, 4);
    }
}
