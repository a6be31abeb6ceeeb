using Touchstone.Suites.RegressionVsFlow;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

/// <summary>
/// The Lie task's targets against facts printed by the source's own LieAlgebraRotationDataset (datasets.py at
/// 3d146d4, config_lie.yaml's settings) under NumPy 1.24.
/// </summary>
public sealed class LieTargetsTests
{
    private static readonly Targets Lie = new(RvfTestConfigs.Lie(), RvfTestConfigs.So2());

    [Fact]
    public void Start_vector_and_velocities_are_the_sources()
    {
        Assert.Equal(0.963373601436615, Lie.Start[0], 7);
        Assert.Equal(-0.26816263794898987, Lie.Start[1], 7);
        double[] alphas = [0, 0.8971428571428571, 1.7942857142857143, 2.6914285714285713, 3.5885714285714285, 4.485714285714286, 5.382857142857143, 6.28];
        Assert.Equal(alphas.Length, Lie.Alphas.Count);
        Assert.All(alphas.Zip(Lie.Alphas), pair => Assert.Equal(pair.First, pair.Second, 14));
    }

    [Fact]
    public void Training_targets_are_the_sources_at_its_float32_grid()
    {
        var (c, x) = Lie.Grid(50);
        double[] row7 = [0.4002120792865753, -0.11140219122171402, 1.5184794664382935, -0.21913407742977142, -1.4833468198776245, 0.02248743921518326,
            3.0269227027893066, 0.3435193598270416, 2.7198827266693115, 0.6689680814743042, -2.0202863216400146, -0.7820402383804321,
            0.7674162983894348, 0.416748046875, -4.366372108459473, -3.154637575149536];
        double[] row49 = [2.4480044841766357, -0.6814213991165161, 1.002478837966919, 0.7242756485939026, 0.00762844225391746, 0.15881721675395966,
            -0.4577969014644623, 0.40285688638687134, -0.4656314253807068, -0.08256462961435318, 0.46168720722198486, 0.8488211631774902,
            0.11557226628065109, -0.274131178855896, -2.6199381351470947, 0.7382802963256836];

        Assert.Equal(0.1428571492433548, c[7], 12);
        AssertClose(row7, x.AsSpan(7 * 16, 16).ToArray());
        AssertClose(row49, x.AsSpan(49 * 16, 16).ToArray());
    }

    [Fact]
    public void Evaluation_targets_are_computed_at_the_float64_grid_as_the_sources()
    {
        var (c, x) = Lie.EvalGrid(1001);
        double[] row123 = [0.5360351204872131, -0.14920960366725922, -1.701395869255066, 0.2765551507472992, -0.16700652241706848, 0.00848925858736038,
            1.3360016345977783, 0.07966701686382294, 0.193478062748909, 0.03319369256496429, 0.74064040184021, 0.21318084001541138,
            3.71071457862854, 1.5279372930526733, -3.1732451915740967, -1.7374871969223022];

        Assert.Equal(0.12300000339746475, c[123], 12);
        AssertClose(row123, x.AsSpan(123 * 16, 16).ToArray());
    }

    [Fact]
    public void Manifold_directions_are_the_start_vector_rotated_by_alpha_c()
    {
        double[,] expected =
        {
            { 0.963373601436615, -0.26816263794898987 }, { 0.9988862872123718, -0.04718208312988281 },
            { 0.9843611121177673, 0.176161989569664 }, { 0.920525848865509, 0.3906814754009247 },
            { 0.8105782270431519, 0.5856303572654724 }, { 0.6600257754325867, 0.7512428760528564 },
            { 0.47641026973724365, 0.8792230486869812 }, { 0.26892971992492676, 0.9631597399711609 },
        };
        for (var i = 0; i < 8; i++)
        {
            var (x, y) = Lie.Direction(i, 0.25f);
            Assert.Equal(expected[i, 0], x, 6);
            Assert.Equal(expected[i, 1], y, 6);
        }
    }

    [Fact]
    public void Each_target_pair_lies_on_its_rotations_line_with_the_weight_as_its_signed_length()
    {
        const float c = 0.3f;
        var value = Lie.Value(c);
        for (var i = 0; i < 8; i++)
        {
            var (cosine, perpendicular) = RotationScores.Against(value[2 * i], value[2 * i + 1], Lie.Direction(i, c).X, Lie.Direction(i, c).Y);
            Assert.Equal(1.0, Math.Abs(cosine), 6);
            Assert.Equal(0.0, perpendicular, 3);
        }
        // w_3(0.3) printed by the source's _compute_weight(0.3, 3); the pair's length is |w_3|.
        var exact = Lie.Value(0.3);
        Assert.Equal(0.6601725148826758, Math.Sqrt(exact[6] * exact[6] + exact[7] * exact[7]), 6);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // The source rounds through float32 in a slightly different order (NumPy's 2 × 2 matmul); one or two
            // float32 ulps apart at most.
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[i])), $"dimension {i}: {actual[i]} vs the source's {expected[i]}");
        }
    }
}
