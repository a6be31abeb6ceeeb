using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;

namespace Touchstone.Suites.EnergyOod;

/// <summary>Which benchmark a cell of the suite trains.</summary>
public enum EnergyOodTask
{
    /// <summary>Vector arithmetic (add and multiply): the EBT and the FFN, in-distribution and out of it.</summary>
    Vector,

    /// <summary>ListOps classification: the Transformer classifier and the EBT classifier.</summary>
    ListOps,
}

/// <summary>
/// Config of the <c>ebt-ffn-ood</c> suite (experiment key <c>ebt-ffn-ood</c>). Every default is the source's
/// protocol: the toy code amirhosseinmhd/EBM (run_main.py, model/ebt_s1_toy.py, model/ffn_toy.py,
/// data/synthetic_data_generator.py, data/listops_generator.py, model/train_transformer.py) unless a property's
/// documentation names another source. The suite YAML sets only what its variants and profiles change.
/// </summary>
public sealed record EnergyOodConfig
{
    /// <summary>The benchmark this cell trains. Default <c>vector</c>.</summary>
    public EnergyOodTask Task { get; init; } = EnergyOodTask.Vector;

    /// <summary>
    /// Seed of the data generators (vectors and ListOps trees). It is not the cell's training seed, so every seed of
    /// a variant sees the same data (the toy source seeds its ListOps splits with fixed seeds 42/43/44) and the
    /// seeds vary only model initialisation, inference noise and batch order. Default 0.
    /// </summary>
    public long DataSeed { get; init; }

    /// <summary>
    /// Training steps between evaluations logged as curves. Default 250, as both toy training loops
    /// (model/ebt_s1_toy.py and model/ffn_toy.py at 9fae429 test <c>epoch % 250 == 0</c> on a zero-based step counter
    /// after the update), so the points fall after optimizer steps 1, 251, 501, …; Touchstone adds the last step.
    /// </summary>
    public int EvalEvery { get; init; } = 250;

    /// <summary>The vector data (task <c>vector</c>).</summary>
    public VectorDataConfig Vector { get; init; } = new();

    /// <summary>The energy-based model on vectors (task <c>vector</c>).</summary>
    public EbtConfig Ebt { get; init; } = new();

    /// <summary>The feed-forward baseline on vectors (task <c>vector</c>).</summary>
    public FfnConfig Ffn { get; init; } = new();

    /// <summary>The ListOps data (task <c>list_ops</c>).</summary>
    public ListOpsDataConfig ListOps { get; init; } = new();

    /// <summary>The Transformer classifier and the training loop both ListOps models share (task <c>list_ops</c>).</summary>
    public TransformerConfig Transformer { get; init; } = new();

    /// <summary>The EBT classifier on ListOps (task <c>list_ops</c>).</summary>
    public ListOpsEbtConfig ListOpsEbt { get; init; } = new();
}
