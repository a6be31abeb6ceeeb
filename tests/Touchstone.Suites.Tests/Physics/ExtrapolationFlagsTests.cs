using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class ExtrapolationFlagsTests
{
    [Theory]
    [InlineData(0.5, 0.5, true)]
    [InlineData(1.0, 0.5, true)]   // on an edge
    [InlineData(0.0, 0.0, true)]   // a corner
    [InlineData(1.01, 0.5, false)]
    [InlineData(0.5, -0.001, false)]
    public void The_hull_of_a_square_holds_its_inside_and_boundary_and_nothing_else(double x, double y, bool inside)
    {
        var hull = new ConvexHull([[0, 0], [1, 0], [0, 1], [1, 1], [0.3, 0.6]]);
        Assert.Equal(inside, hull.Contains([x, y]));
    }

    [Fact]
    public void A_point_inside_every_parameters_range_can_still_lie_outside_the_hull()
    {
        // The 4-D simplex {0, e1, .., e4}: both queries are in [0, 1] on every axis; only the first is in the hull.
        var hull = new ConvexHull([[0, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
        Assert.True(hull.Contains([0.2, 0.2, 0.2, 0.2]));
        Assert.False(hull.Contains([0.3, 0.3, 0.3, 0.3]));
    }

    [Fact]
    public void A_flat_hull_holds_points_on_its_segment_only()
    {
        var hull = new ConvexHull([[0, 0], [2, 2], [1, 1]]);
        Assert.True(hull.Contains([1.5, 1.5]));
        Assert.False(hull.Contains([1.5, 1.4]));
        Assert.False(hull.Contains([2.5, 2.5]));
    }

    [Fact]
    public void Percentile_interpolates_linearly_like_numpy()
    {
        // np.percentile([1, 2, 3, 4], 95) == 3.85, np.percentile([1, 2, 3, 4], 50) == 2.5
        Assert.Equal(3.85, KnnDistance.Percentile([1, 2, 3, 4], 95), 12);
        Assert.Equal(2.5, KnnDistance.Percentile([1, 2, 3, 4], 50), 12);
    }

    [Fact]
    public void Knn_distance_counts_a_training_point_as_its_own_neighbour_and_flags_a_far_point()
    {
        double[][] train = [.. Enumerable.Range(0, 20).Select(i => new[] { (double)i })];
        var knn = new KnnDistance(train, k: 2);
        var sd = Math.Sqrt(Enumerable.Range(0, 20).Average(i => (i - 9.5) * (i - 9.5)));

        Assert.Equal(0.5 / sd, knn.MeanDistance([5.0]), 12); // itself (0) and a neighbour 1 away
        Assert.False(knn.IsBeyond99([5.0]));
        Assert.True(knn.IsBeyond99([25.0]));
    }

    [Fact]
    public void On_the_sources_splits_every_extrapolation_sample_is_outside_range_and_hull_and_in_distribution_ones_are_not_outside_range()
    {
        var data = PhysicsDataGenerator.Generate(new PhysicsDataConfig(DataSeed: 3, TrainSamples: 60, InDistributionSamples: 16, InterpolationSamples: 16, ExtrapolationSamples: 16));
        var extrapolation = ExtrapolationFlags.Compute(data.Train, data.Extrapolation);
        var inDistribution = ExtrapolationFlags.Compute(data.Train, data.InDistribution);

        Assert.All(extrapolation.OutsideRange, Assert.True);
        Assert.All(extrapolation.OutsideHull, Assert.True); // outside the range implies outside the training sample's hull
        Assert.All(inDistribution.OutsideRange, Assert.False);
        Assert.Equal(16, inDistribution.Count);
        Assert.Equal(1.0, extrapolation.FractionOutsideHull);
    }
}
