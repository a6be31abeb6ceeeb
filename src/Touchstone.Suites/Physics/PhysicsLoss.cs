using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Physics;

/// <summary>
/// The source's physics loss (train_progressive_paperspace.py at ddf0424, create_physics_loss): with v the chosen
/// "velocity" columns of each predicted and target frame, energy = mean((Σv² − Σv̂²)²), momentum =
/// mean((Σv − Σv̂)²), loss = energy + 0.5·momentum (mass-free, as the source wrote it). The source sliced columns
/// 7–12, which in its own frame layout are ball 0's kinetic and potential energy and ball 1's x, y, vx, vy
/// (<see cref="SourceSlice"/>); <see cref="Velocities"/> are the columns it meant. Only the columns differ.
/// </summary>
public static class PhysicsLoss
{
    /// <summary>The source's slice, predictions[:, :, 7:13].</summary>
    public static long[] SourceSlice => [7, 8, 9, 10, 11, 12];

    /// <summary>vx and vy of every ball.</summary>
    public static long[] Velocities(int balls) =>
        [.. Enumerable.Range(0, balls).SelectMany(b => new long[] { TrajectoryFeatures.Column(b, TrajectoryFeatures.Vx), TrajectoryFeatures.Column(b, TrajectoryFeatures.Vy) })];

    /// <summary>energy + 0.5·momentum over <paramref name="columns"/> of [batch, frames, features] tensors.</summary>
    public static Tensor Compute(Tensor prediction, Tensor target, long[] columns)
    {
        var index = Tensor.From(columns, prediction.Device);
        var predicted = prediction.IndexSelect(2, index);
        var actual = target.IndexSelect(2, index);
        var energy = F.MseLoss(predicted.Square().Sum(-1), actual.Square().Sum(-1));
        var momentum = F.MseLoss(predicted.Sum(-1), actual.Sum(-1));
        return energy + (momentum * 0.5);
    }
}
