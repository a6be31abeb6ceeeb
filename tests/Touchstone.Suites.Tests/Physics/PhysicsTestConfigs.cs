using System.Text.Json.Nodes;
using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

/// <summary>Small configs in the suite YAML's shape (snake_case), for fast tests.</summary>
internal static class PhysicsTestConfigs
{
    /// <summary>A tiny model on a few trajectories: seconds, not a learning test.</summary>
    public static JsonObject Tiny(int epochsPerStage = 2, int train = 48, int width = 16, int blocks = 1, string physicsLoss = "velocities", bool curriculum = true, double domainRandomization = 0) => new()
    {
        ["data"] = new JsonObject
        {
            ["data_seed"] = 1,
            ["train_samples"] = train,
            ["in_distribution_samples"] = 16,
            ["interpolation_samples"] = 8,
            ["extrapolation_samples"] = 16,
            ["balls"] = 3,
            ["input_frames"] = 10,
            ["output_frames"] = 10,
        },
        ["model"] = new JsonObject { ["width"] = width, ["blocks"] = blocks, ["heads"] = 4, ["dropout"] = 0.0 },
        ["training"] = new JsonObject
        {
            ["batch_size"] = 16,
            ["epochs_per_stage"] = epochsPerStage,
            ["stage_lrs"] = new JsonArray(1e-3, 5e-4, 2e-4, 1e-4),
            ["curriculum"] = curriculum,
            ["physics_loss"] = physicsLoss,
            ["shuffle"] = false,
            ["knn_k"] = 5,
            ["domain_randomization"] = domainRandomization,
        },
    };

    /// <summary>The typed training section of <see cref="Tiny"/>-like settings.</summary>
    public static PhysicsTrainingConfig Training(PhysicsLossColumns loss = PhysicsLossColumns.Velocities, bool curriculum = true, int epochs = 3) =>
        new(BatchSize: 32, EpochsPerStage: epochs, StageLrs: [1e-3, 5e-4, 2e-4, 1e-4], Curriculum: curriculum, PhysicsLoss: loss, Shuffle: false, KnnK: 10, DomainRandomization: 0);
}
