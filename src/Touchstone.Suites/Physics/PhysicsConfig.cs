using Touchstone.Suites.Common;

namespace Touchstone.Suites.Physics;

/// <summary>
/// Config of the <c>physics-curriculum</c> experiment: the generated trajectories, the Transformer and the
/// curriculum. Every section is stated in suites/physics-curriculum.yaml so the config hash covers the protocol.
/// Source: fergusmeiklejohn/neural_networks_research, experiments/01_physics_worlds/train_progressive_paperspace.py
/// at ddf0424 (model, stages, batch size) and improved_data_generator.py at 3d0ae4f (data).
/// </summary>
/// <param name="Data">What is simulated and how it is split.</param>
/// <param name="Model">The Transformer's sizes.</param>
/// <param name="Training">The curriculum.</param>
public sealed record PhysicsConfig(PhysicsDataConfig Data, PhysicsModelConfig Model, PhysicsTrainingConfig Training)
{
    /// <summary>Checks what binding cannot; throws <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("physics-curriculum", Validate);

    /// <summary>Adds the problems of every section to <paramref name="check"/>.</summary>
    public void Validate(ConfigCheck check)
    {
        Data.Validate(check.At("data"));
        Model.Validate(check.At("model"));
        Training.Validate(check.At("training"), Data);
    }
}

/// <summary>The Transformer's sizes (the source: width 256, 6 blocks, 8 heads, dropout 0.1).</summary>
/// <param name="Width">d_model.</param>
/// <param name="Blocks">Transformer blocks.</param>
/// <param name="Heads">Attention heads; must divide <paramref name="Width"/>.</param>
/// <param name="Dropout">Dropout after attention and after the feed-forward layer.</param>
public sealed record PhysicsModelConfig(int Width, int Blocks, int Heads, double Dropout)
{
    /// <summary>Checks the sizes.</summary>
    public void Validate(ConfigCheck check) =>
        check.Positive("width", Width)
            .Positive("blocks", Blocks)
            .Positive("heads", Heads)
            .Require(Heads <= 0 || Width % Heads == 0, "width", $"must be a multiple of model.heads ({Heads})", Width)
            .Probability("dropout", Dropout);

    /// <summary>The model's full config for data with <paramref name="data"/>'s frame layout.</summary>
    public TrajectoryTransformerConfig For(PhysicsDataConfig data) =>
        new(data.Features, data.InputFrames, Width, Blocks, Heads, Dropout);
}

/// <summary>Which columns the physics loss reads.</summary>
public enum PhysicsLossColumns
{
    /// <summary>Every ball's vx and vy, the columns the source meant.</summary>
    Velocities,

    /// <summary>The source's slice, predictions[:, :, 7:13].</summary>
    SourceSlice,

    /// <summary>No physics loss at all: weight 0 in every stage.</summary>
    None,
}

/// <summary>
/// The curriculum (source: the <c>config</c> dict and <c>stages</c> list of train_progressive_paperspace.py at
/// ddf0424): one Adam optimizer whose learning rate is set at the start of each stage, batches of the training
/// set in a fixed order (its tf.data pipeline has no shuffle), MSE plus the physics loss weighted per stage.
/// </summary>
/// <param name="BatchSize">Minibatch size (source: 32).</param>
/// <param name="EpochsPerStage">Epochs in each of the four stages (source: 50).</param>
/// <param name="StageLrs">The four stages' learning rates (source: 1e-3, 5e-4, 2e-4, 1e-4).</param>
/// <param name="Curriculum">
/// true: the source's four stages. false: the ablation the source never ran — one stage of the same total epochs
/// at the first learning rate with the final objective (MSE + physics weight 1), evaluated after the same numbers of
/// epochs as the stages end.
/// </param>
/// <param name="PhysicsLoss">velocities, source_slice or none.</param>
/// <param name="Shuffle">Reshuffle the batches every epoch (false = the source's fixed order).</param>
/// <param name="KnnK">Neighbours of the k-NN "truly outside" test (source's analysis: 10).</param>
/// <param name="DomainRandomization">
/// Largest relative change of gravity and friction in the randomizing stage (stage 3), applied by simulating each
/// batch's trajectories again (<see cref="DomainRandomizer"/>); the source's value is 0.3, but its script never
/// let the change reach the data, so 0 (unchanged data) is the source's behaviour.
/// </param>
public sealed record PhysicsTrainingConfig(
    int BatchSize,
    int EpochsPerStage,
    IReadOnlyList<double> StageLrs,
    bool Curriculum,
    PhysicsLossColumns PhysicsLoss,
    bool Shuffle,
    int KnnK,
    double DomainRandomization)
{
    /// <summary>Checks the loop's sizes and rates.</summary>
    public void Validate(ConfigCheck check, PhysicsDataConfig data) =>
        check.Positive("batch_size", BatchSize)
            .Positive("epochs_per_stage", EpochsPerStage)
            .Require(StageLrs.Count == CurriculumStage.Source(1).Count, "stage_lrs", "must list one learning rate per stage (4)", StageLrs.Count)
            .Require(StageLrs.All(lr => lr > 0), "stage_lrs", "must all be positive", $"[{string.Join(", ", StageLrs)}]")
            .Positive("knn_k", KnnK)
            .Require(DomainRandomization is >= 0 and < 1, "domain_randomization", "must be in [0, 1): the largest relative change of gravity and friction (the source's 0.3; 0 = off)", DomainRandomization)
            .Require(KnnK < data.TrainSamples, "knn_k", $"must be below data.train_samples ({data.TrainSamples})", KnnK);
}
