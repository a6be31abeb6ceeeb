using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;

namespace Touchstone.Suites.EnergyOod;

/// <summary>
/// Config of a vector cell of the <c>ebt-ffn-ood</c> suite (experiment <c>ebt-ffn-ood-vector</c>): the EBT and the FFN
/// on vector addition and multiplication. It holds only what a vector cell uses, so its config hash never changes
/// with a ListOps setting. Every default is the source's protocol: the toy code amirhosseinmhd/EBM
/// (model/ebt_s1_toy.py, model/ffn_toy.py, data/synthetic_data_generator.py, data/README.md) unless a property's
/// documentation names another source. The suite YAML sets only what its variants and profiles change.
/// </summary>
public sealed record EnergyOodVectorConfig
{
    /// <summary>
    /// Seed of the vector data generator. It is not the cell's training seed, so every seed of a variant sees the
    /// same data and the seeds vary only model initialisation, inference noise and batch order. Default 0.
    /// </summary>
    public long DataSeed { get; init; }

    /// <summary>
    /// Training steps between evaluations logged as curves. Default 250, as both toy training loops
    /// (model/ebt_s1_toy.py and model/ffn_toy.py at 9fae429 test <c>epoch % 250 == 0</c> on a zero-based step counter
    /// after the update), so the points fall after optimizer steps 1, 251, 501, …; Touchstone adds the last step.
    /// </summary>
    public int EvalEvery { get; init; } = 250;

    /// <summary>The vector data.</summary>
    public VectorDataConfig Vector { get; init; } = new();

    /// <summary>The energy-based model on vectors.</summary>
    public EbtConfig Ebt { get; init; } = new();

    /// <summary>The feed-forward baseline on vectors.</summary>
    public FfnConfig Ffn { get; init; } = new();

    /// <summary>Checks what binding cannot; throws <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("ebt-ffn-ood-vector", check =>
    {
        check.Positive("eval_every", EvalEvery);
        check.At("vector").Positive("vec_size", Vector.VecSize).Positive("n_train", Vector.NTrain)
            .Positive("n_val", Vector.NVal).Positive("n_test", Vector.NTest);
        check.At("ebt").Positive("latent_dim", Ebt.LatentDim).Positive("inference_steps", Ebt.InferenceSteps)
            .NonNegative("lr", Ebt.Lr).Positive("batch_size", Ebt.BatchSize).Positive("steps", Ebt.Steps)
            .NonNegative("init_std", Ebt.InitStd);
        check.At("ebt").At("s2").Require(Ebt.S2.MinSteps >= 1 && Ebt.S2.MinSteps <= Ebt.S2.MaxSteps,
                "min_steps", $"must satisfy 1 <= min_steps <= max_steps ({Ebt.S2.MaxSteps})", Ebt.S2.MinSteps)
            .Positive("replay_buffer_size", Ebt.S2.ReplayBufferSize).NonNegative("replay_fraction", Ebt.S2.ReplayFraction)
            .Require(Ebt.S2.StepSizeScale >= 1, "step_size_scale", "must be at least 1", Ebt.S2.StepSizeScale)
            .NonNegative("langevin_noise", Ebt.S2.LangevinNoise);
        check.At("ffn").Positive("latent_dim", Ffn.LatentDim).NonNegative("lr", Ffn.Lr)
            .Positive("batch_size", Ffn.BatchSize).Positive("steps", Ffn.Steps);
    });
}

/// <summary>
/// Config of a ListOps cell of the <c>ebt-ffn-ood</c> suite (experiment <c>ebt-ffn-ood-listops</c>): the Transformer
/// classifier and the EBT classifier on ListOps. It holds only what a ListOps cell uses. Every default is the source's
/// protocol: amirhosseinmhd/EBM (data/listops_generator.py, model/transformer_standard.py, model/train_transformer.py,
/// config/model_configs.py) unless a property's documentation names another source.
/// </summary>
public sealed record EnergyOodListOpsConfig
{
    /// <summary>
    /// Seed of the ListOps tree generator, not the cell's training seed (the toy source seeds its splits with fixed
    /// seeds 42/43/44). Default 0.
    /// </summary>
    public long DataSeed { get; init; }

    /// <summary>The ListOps data.</summary>
    public ListOpsDataConfig ListOps { get; init; } = new();

    /// <summary>The Transformer classifier and the training loop both ListOps models share.</summary>
    public TransformerConfig Transformer { get; init; } = new();

    /// <summary>The EBT classifier on ListOps.</summary>
    public ListOpsEbtConfig ListOpsEbt { get; init; } = new();

    /// <summary>Checks what binding cannot; throws <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("ebt-ffn-ood-listops", check =>
    {
        var data = check.At("list_ops");
        data.Positive("n_train", ListOps.NTrain).Positive("n_val", ListOps.NVal).Positive("n_test", ListOps.NTest)
            .Positive("max_depth", ListOps.MaxDepth)
            .Require(ListOps.MaxArgs >= 2, "max_args", "must be at least 2", ListOps.MaxArgs)
            .InRange("operator_probability", ListOps.OperatorProbability, 0, 1)
            .Require(ListOps.MinLength <= ListOps.MaxLength, "min_length", $"must not exceed list_ops.max_length ({ListOps.MaxLength})", ListOps.MinLength)
            .Require(ListOps.MaxTokens is null or >= 1, "max_tokens", "must be positive or null (no cut)", ListOps.MaxTokens);
        var t = Transformer;
        check.At("transformer").Positive("d_model", t.DModel).Positive("layers", t.Layers).Positive("heads", t.Heads)
            .Require(t.Heads > 0 && t.DModel % t.Heads == 0, "d_model", $"must be divisible by transformer.heads ({t.Heads})", t.DModel)
            .Positive("d_ff", t.DFf).Probability("dropout", t.Dropout).Positive("max_seq_len", t.MaxSeqLen).NonNegative("lr", t.Lr)
            .NonNegative("weight_decay", t.WeightDecay).NonNegative("warmup_steps", t.WarmupSteps).Positive("grad_clip", t.GradClip)
            .Positive("batch_size", t.BatchSize).Positive("epochs", t.Epochs).Positive("patience", t.Patience);
        check.At("list_ops_ebt").Positive("inference_steps", ListOpsEbt.InferenceSteps).NonNegative("init_std", ListOpsEbt.InitStd)
            .Probability("dropout", ListOpsEbt.Dropout);
    });
}
