using Touchstone.Torch;

namespace Touchstone.Suites.Physics;

/// <summary>
/// One model's errors on one test set. <see cref="SourceAccuracy"/> is the source's metric on raw simulator units;
/// every other error is on standardized features (<see cref="FeatureScaler"/>) over the columns that move within a
/// trajectory, overall and per group, and per predicted frame (error growth over the horizon).
/// </summary>
/// <param name="SourceAccuracy">The source's max(0, 1 − MAE/10), raw units, every column.</param>
/// <param name="SourceMae">The MAE behind it: raw units, every column (the accuracy is 0 once this reaches 10).</param>
/// <param name="Mse">Standardized MSE over the moving columns.</param>
/// <param name="Mae">Standardized MAE over the moving columns.</param>
/// <param name="MsePositions">Standardized MSE over every ball's x and y.</param>
/// <param name="MseVelocities">Standardized MSE over every ball's vx and vy.</param>
/// <param name="MseEnergies">Standardized MSE over every ball's kinetic and potential energy.</param>
/// <param name="MsePerFrame">Standardized MSE over the moving columns at each predicted frame.</param>
public sealed record PhysicsScore(
    double SourceAccuracy, double SourceMae, double Mse, double Mae, double MsePositions, double MseVelocities, double MseEnergies, double[] MsePerFrame)
{
    /// <summary>The score of an empty set or a diverged model: every value NaN.</summary>
    public static PhysicsScore Missing(int frames) =>
        new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, [.. Enumerable.Repeat(double.NaN, frames)]);

    /// <summary>
    /// Scores <paramref name="prediction"/> against <paramref name="target"/>, both standardized
    /// [batch, frames, features]; <paramref name="scaler"/> maps them back to raw units for the source's metric.
    /// </summary>
    public static PhysicsScore Of(Tensor prediction, Tensor target, FeatureScaler scaler, int balls)
    {
        if (prediction.Shape[0] == 0)
        {
            return Missing((int)prediction.Shape[1]);
        }

        var mean = Tensor.From(scaler.Mean.Select(v => (float)v).ToArray(), prediction.Device);
        var deviation = Tensor.From(scaler.Deviation.Select(v => (float)v).ToArray(), prediction.Device);
        var moving = PhysicsMetrics.Moving(balls);
        var (rawPrediction, rawTarget) = ((prediction * deviation) + mean, (target * deviation) + mean);
        return new PhysicsScore(
            PhysicsMetrics.SourceAccuracy(rawPrediction, rawTarget),
            PhysicsMetrics.RawMae(rawPrediction, rawTarget),
            PhysicsMetrics.Mse(prediction, target, moving),
            PhysicsMetrics.Mae(prediction, target, moving),
            PhysicsMetrics.Mse(prediction, target, PhysicsMetrics.Group(balls, TrajectoryFeatures.X, TrajectoryFeatures.Y)),
            PhysicsMetrics.Mse(prediction, target, PhysicsMetrics.Group(balls, TrajectoryFeatures.Vx, TrajectoryFeatures.Vy)),
            PhysicsMetrics.Mse(prediction, target, PhysicsMetrics.Group(balls, TrajectoryFeatures.Kinetic, TrajectoryFeatures.Potential)),
            PhysicsMetrics.MsePerFrame(prediction, target, moving));
    }

    /// <summary>Every value by its metric name: mse_frame1 … mse_frameN for the horizon.</summary>
    public IEnumerable<(string Metric, double Value)> Named() =>
    [
        ("source_accuracy", SourceAccuracy),
        ("source_mae", SourceMae),
        ("mse", Mse),
        ("mae", Mae),
        ("mse_positions", MsePositions),
        ("mse_velocities", MseVelocities),
        ("mse_energies", MseEnergies),
        .. MsePerFrame.Select((v, i) => ($"mse_frame{i + 1}", v)),
    ];
}
