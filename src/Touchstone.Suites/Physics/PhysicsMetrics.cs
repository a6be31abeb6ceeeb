using Touchstone.Torch;

namespace Touchstone.Suites.Physics;

/// <summary>
/// The source's metric and the honest ones that replace it. The source's "extrapolation accuracy"
/// (train_progressive_paperspace.py at ddf0424) is max(0, 1 − MAE/10) over every feature in raw simulator units:
/// not a threshold on anything, and dominated by the energy columns (10⁴–10⁶) whenever those are predicted badly,
/// by the time, mass and radius columns (trivial to copy) when they are not.
/// </summary>
public static class PhysicsMetrics
{
    /// <summary>The source's accuracy: max(0, 1 − mean|prediction − target| / 10), raw units.</summary>
    public static double SourceAccuracy(Tensor prediction, Tensor target) => Math.Max(0, 1 - (RawMae(prediction, target) / 10));

    /// <summary>The MAE behind the source's accuracy: mean |prediction − target| over every column, raw units.</summary>
    public static double RawMae(Tensor prediction, Tensor target) => (prediction - target).Abs().Mean().Item<double>();

    /// <summary>Columns whose value changes within a trajectory: every ball's x, y, vx, vy, kinetic and potential energy.</summary>
    public static long[] Moving(int balls) =>
    [
        .. Enumerable.Range(0, balls).SelectMany(b => new[]
        {
            TrajectoryFeatures.X, TrajectoryFeatures.Y, TrajectoryFeatures.Vx, TrajectoryFeatures.Vy,
            TrajectoryFeatures.Kinetic, TrajectoryFeatures.Potential,
        }.Select(o => (long)TrajectoryFeatures.Column(b, o))),
    ];

    /// <summary>The columns of <paramref name="offsets"/> (e.g. x and y) of every ball.</summary>
    public static long[] Group(int balls, params int[] offsets) =>
        [.. Enumerable.Range(0, balls).SelectMany(b => offsets.Select(o => (long)TrajectoryFeatures.Column(b, o)))];

    /// <summary>Mean absolute error over <paramref name="columns"/> of standardized [batch, frames, features] tensors.</summary>
    public static double Mae(Tensor prediction, Tensor target, long[] columns)
    {
        var index = Tensor.From(columns, prediction.Device);
        return (prediction.IndexSelect(2, index) - target.IndexSelect(2, index)).Abs().Mean().Item<double>();
    }

    /// <summary>Mean squared error over <paramref name="columns"/> of standardized [batch, frames, features] tensors.</summary>
    public static double Mse(Tensor prediction, Tensor target, long[] columns)
    {
        var index = Tensor.From(columns, prediction.Device);
        return (prediction.IndexSelect(2, index) - target.IndexSelect(2, index)).Square().Mean().Item<double>();
    }

    /// <summary>Per predicted frame, the mean squared error over <paramref name="columns"/> (error growth over the horizon).</summary>
    public static double[] MsePerFrame(Tensor prediction, Tensor target, long[] columns)
    {
        var index = Tensor.From(columns, prediction.Device);
        var squared = (prediction.IndexSelect(2, index) - target.IndexSelect(2, index)).Square();
        return squared.Mean([0L, 2L]).To(DType.Float64).ToArray<double>();
    }
}
