using Touchstone.Suites.Physics;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Physics;

public sealed class PhysicsMetricsTests
{
    [Fact]
    public void The_sources_accuracy_is_one_minus_mae_over_ten_floored_at_zero()
    {
        using var scope = DisposeScope.Begin();
        var target = Tensor.Zeros([1, 2, 25]);
        Assert.Equal(1 - (2.5 / 10), PhysicsMetrics.SourceAccuracy(Tensor.Zeros([1, 2, 25]) + 2.5, target), 6);
        Assert.Equal(0, PhysicsMetrics.SourceAccuracy(Tensor.Zeros([1, 2, 25]) + 50, target));
        Assert.Equal(50, PhysicsMetrics.RawMae(Tensor.Zeros([1, 2, 25]) + 50, target), 6);
    }

    [Fact]
    public void Honest_errors_ignore_time_mass_and_radius_and_grow_per_frame_as_the_error_does()
    {
        using var scope = DisposeScope.Begin();
        var values = new float[2 * 25];
        values[0] = 100;                                                      // time, frame 0
        values[TrajectoryFeatures.Column(2, TrajectoryFeatures.Mass)] = 100;  // mass, frame 0
        values[25 + TrajectoryFeatures.Column(1, TrajectoryFeatures.Vy)] = 3; // ball 1 vy, frame 1
        var prediction = Tensor.From(values, [1, 2, 25]);
        var target = Tensor.Zeros([1, 2, 25]);
        var moving = PhysicsMetrics.Moving(3);

        Assert.Equal(18, moving.Length);
        Assert.Equal(9.0 / (2 * 18), PhysicsMetrics.Mse(prediction, target, moving), 9);
        Assert.Equal([0.0, 9.0 / 18], PhysicsMetrics.MsePerFrame(prediction, target, moving));
    }
}
