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
}
