using Touchstone.Suites.Common;

namespace Touchstone.Suites.Physics;

/// <summary>
/// How many trajectories each split has and how they are cut. Defaults are the source's: 3-ball samples
/// (train_progressive_paperspace.py at ddf0424 keeps only num_balls == 3), the first 10 frames in and the next 10
/// out (its traj[:10] and traj[10:20]).
/// </summary>
/// <param name="DataSeed">Seed of the data every training seed shares.</param>
/// <param name="TrainSamples">Training trajectories (parameters uniform in the training ranges).</param>
/// <param name="InDistributionSamples">In-distribution test trajectories (the source's val_in_dist split, same ranges).</param>
/// <param name="InterpolationSamples">Interpolation test trajectories (grid over the training ranges).</param>
/// <param name="ExtrapolationSamples">Extrapolation test trajectories, one parameter moved at a time; a multiple of 8.</param>
/// <param name="Balls">Balls per trajectory.</param>
/// <param name="InputFrames">Frames the model sees.</param>
/// <param name="OutputFrames">Frames it predicts.</param>
public sealed record PhysicsDataConfig(
    int DataSeed = 0,
    int TrainSamples = 350,
    int InDistributionSamples = 50,
    int InterpolationSamples = 25,
    int ExtrapolationSamples = 24,
    int Balls = 3,
    int InputFrames = 10,
    int OutputFrames = 10)
{
    /// <summary>Frames simulated per trajectory (input then output).</summary>
    public int Frames => InputFrames + OutputFrames;

    /// <summary>Features per frame: time, then per ball x, y, vx, vy, mass, radius, kinetic and potential energy.</summary>
    public int Features => 1 + TrajectoryFeatures.PerBall * Balls;

    /// <summary>Checks the split sizes and the frame cut.</summary>
    public void Validate(ConfigCheck check) =>
        check.Positive("train_samples", TrainSamples)
            .Positive("in_distribution_samples", InDistributionSamples)
            .Positive("interpolation_samples", InterpolationSamples)
            .Require(ExtrapolationSamples > 0 && ExtrapolationSamples % 8 == 0, "extrapolation_samples",
                "must be a positive multiple of 8 (4 parameters × 2 bands, one parameter outside at a time)", ExtrapolationSamples)
            .Positive("balls", Balls)
            .Positive("input_frames", InputFrames)
            .Require(OutputFrames == InputFrames, "output_frames",
                $"must equal data.input_frames ({InputFrames}): the model's position i predicts frame input_frames + i", OutputFrames);
}
