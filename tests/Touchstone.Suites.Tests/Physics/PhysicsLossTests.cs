using Touchstone.Suites.Physics;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Physics;

public sealed class PhysicsLossTests
{
    [Fact]
    public void The_corrected_columns_are_each_balls_vx_and_vy_and_the_source_slice_is_7_to_12()
    {
        Assert.Equal([3L, 4, 11, 12, 19, 20], PhysicsLoss.Velocities(3));
        Assert.Equal([7L, 8, 9, 10, 11, 12], PhysicsLoss.SourceSlice);
    }

    [Fact]
    public void Moving_a_position_changes_only_the_source_slice_loss_and_moving_a_velocity_only_the_corrected_one()
    {
        using var scope = DisposeScope.Begin();
        var target = Frame(_ => { });
        var ballOneX = Frame(f => f[TrajectoryFeatures.Column(1, TrajectoryFeatures.X)] += 2);   // column 9
        var ballZeroVx = Frame(f => f[TrajectoryFeatures.Column(0, TrajectoryFeatures.Vx)] += 2); // column 3

        Assert.Equal(0, PhysicsLoss.Compute(ballOneX, target, PhysicsLoss.Velocities(3)).Item<double>());
        Assert.True(PhysicsLoss.Compute(ballOneX, target, PhysicsLoss.SourceSlice).Item<double>() > 0);
        Assert.Equal(0, PhysicsLoss.Compute(ballZeroVx, target, PhysicsLoss.SourceSlice).Item<double>());
        Assert.True(PhysicsLoss.Compute(ballZeroVx, target, PhysicsLoss.Velocities(3)).Item<double>() > 0);
    }

    [Fact]
    public void The_loss_is_energy_plus_half_momentum_by_hand()
    {
        using var scope = DisposeScope.Begin();
        var target = Frame(_ => { });
        var prediction = Frame(f => f[TrajectoryFeatures.Column(0, TrajectoryFeatures.Vx)] += 2);
        // Target velocities are the column indices (3, 4, 11, 12, 19, 20); vx0 becomes 5.
        var energy = Math.Pow((25.0 - 9.0), 2);     // Σv² changes by 5² − 3²
        var momentum = Math.Pow(2.0, 2);            // Σv changes by 2
        Assert.Equal(energy + (0.5 * momentum), PhysicsLoss.Compute(prediction, target, PhysicsLoss.Velocities(3)).Item<double>(), 9);
    }

    // One batch, one frame, 25 features holding their own column index, then edited.
    private static Tensor Frame(Action<float[]> edit)
    {
        var values = Enumerable.Range(0, 25).Select(i => (float)i).ToArray();
        edit(values);
        return Tensor.From(values, [1, 1, 25]);
    }
}
