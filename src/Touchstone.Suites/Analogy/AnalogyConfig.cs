using Touchstone.Suites.Common;

namespace Touchstone.Suites.Analogy;

/// <summary>
/// Config of the <c>analogy</c> experiment (suite <c>analogy</c>): the knowledge graph, the transformer and its
/// training. Every field is required, so the suite YAML states the whole protocol and the config hash covers it.
/// Source: gouki510/Analogy_in_Transformer @291dc97, toy_model/ (builder.py, gpt2.py, train.py, configs/,
/// README.md and the recorded run in notebooks/training_dynamics.ipynb).
/// </summary>
/// <param name="Data">The generated facts.</param>
/// <param name="Model">The transformer.</param>
/// <param name="Training">The optimizer loop and evaluation schedule.</param>
public sealed record AnalogyConfig(KnowledgeGraphConfig Data, AnalogyModelConfig Model, AnalogyTrainingConfig Training)
{
    /// <summary>Checks the values that binding cannot; throws <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("analogy", check =>
    {
        Data.Validate(check.At("data"));
        Model.Validate(check.At("model"));
        Training.Validate(check.At("training"));
    });
}

/// <summary>
/// The builder's arguments (builder.py, <c>build_dataset_with_functor</c>; defaults of generate_data.py and
/// configs/default.yaml). <c>include_f_inverse</c> is always off, as in every configuration the source ships.
/// </summary>
/// <param name="NumEntities">Entities |E| (source: 10; the paper sweeps it).</param>
/// <param name="NumRelations">Relations |R| without &lt;f&gt; (source: 10 000).</param>
/// <param name="SubSize">|E1| = |E2| (source: num_entities // 2); at most num_entities / 2.</param>
/// <param name="AtomicOodRatio">Fraction of E1's atomic facts held out (source: 0).</param>
/// <param name="CompositionalOodRatio">Probability a two-hop fact is held out as near-OOD (source: 0.1).</param>
/// <param name="AnalogicalOodRatio">Fraction of analogical facts held out (README and builder: 0.4; default.yaml: 0.1).</param>
/// <param name="DuplicateRelation">Whether a head may reuse a relation (source configs: false; the function's default: true).</param>
/// <param name="Seed">Seed of <c>np.random.default_rng</c> for the facts, independent of the cell's training seed (source: 42).</param>
public sealed record KnowledgeGraphConfig(
    int NumEntities,
    int NumRelations,
    int SubSize,
    double AtomicOodRatio,
    double CompositionalOodRatio,
    double AnalogicalOodRatio,
    bool DuplicateRelation,
    int Seed)
{
    /// <summary>Checks sizes and ratios.</summary>
    public void Validate(ConfigCheck check) => check
        .Require(NumEntities >= 2, "num_entities", "must be at least 2", NumEntities)
        .Positive("num_relations", NumRelations)
        .Require(SubSize >= 1 && 2 * SubSize <= NumEntities, "sub_size",
            $"must be between 1 and num_entities / 2 = {NumEntities / 2} (E1 and E2 are disjoint)", SubSize)
        .InRange("atomic_ood_ratio", AtomicOodRatio, 0, 1)
        .InRange("compositional_ood_ratio", CompositionalOodRatio, 0, 1)
        .InRange("analogical_ood_ratio", AnalogicalOodRatio, 0, 1)
        .NonNegative("seed", Seed);

    /// <summary>Checks this section alone (for the builder, which takes it without the rest of the config).</summary>
    public void Validate() => ConfigCheck.Validate("analogy", check => Validate(check.At("data")));
}

/// <summary>
/// The source's GPT2LikeEncoder (toy_model/src/model/gpt2.py): token embedding, pre-LayerNorm blocks with rotary
/// attention and a GELU MLP of width 4·d, final LayerNorm, untied bias-free head; no absolute positions, dropout 0.
/// </summary>
/// <param name="DModel">Width (source: 128).</param>
/// <param name="NLayer">Blocks (README and sweep: 1; default.yaml and the recorded run: 2).</param>
/// <param name="NHead">Attention heads (source: 1).</param>
/// <param name="RopeBase">Rotary base (source: 100, GPT2LikeEncoder's default).</param>
public sealed record AnalogyModelConfig(int DModel, int NLayer, int NHead, double RopeBase)
{
    /// <summary>Checks the shape: heads must divide the width into even head sizes (rotary pairs dimensions).</summary>
    public void Validate(ConfigCheck check) => check
        .Positive("d_model", DModel)
        .Positive("n_layer", NLayer)
        .Require(NHead > 0 && DModel % NHead == 0 && DModel / NHead % 2 == 0, "n_head",
            $"must divide d_model ({DModel}) into even head sizes", NHead)
        .Require(RopeBase > 1, "rope_base", "must exceed 1", RopeBase);
}

/// <summary>
/// Training (toy_model/src/train.py): Adam with L2 weight decay (torch.optim.Adam, not AdamW), constant learning
/// rate (warmup 0), shuffled minibatches with the last partial batch kept, cross-entropy at the last position.
/// </summary>
/// <param name="Lr">Learning rate (README: 1e-4; recorded run: 1e-2).</param>
/// <param name="WeightDecay">Adam's L2 weight decay (README: 0; recorded run: 0.01).</param>
/// <param name="BatchSize">Minibatch size (source: 64).</param>
/// <param name="Epochs">Passes over the training facts (README and recorded run: 1000; default.yaml: 100).</param>
/// <param name="EvalEvery">Evaluate every split every this many epochs (the source evaluates after every epoch: 1).</param>
/// <param name="EmergenceAcc">
/// ACC a split must reach for its emergence epoch (the first evaluation at or above it); 1 means every fact of
/// the split is answered correctly.
/// </param>
public sealed record AnalogyTrainingConfig(double Lr, double WeightDecay, int BatchSize, int Epochs, int EvalEvery, double EmergenceAcc)
{
    /// <summary>Checks the loop's sizes and rates.</summary>
    public void Validate(ConfigCheck check) => check
        .Positive("lr", Lr)
        .NonNegative("weight_decay", WeightDecay)
        .Positive("batch_size", BatchSize)
        .Positive("epochs", Epochs)
        .Positive("eval_every", EvalEvery)
        .Fraction("emergence_acc", EmergenceAcc);
}
