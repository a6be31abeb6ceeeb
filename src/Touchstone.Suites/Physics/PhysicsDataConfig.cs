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
}
