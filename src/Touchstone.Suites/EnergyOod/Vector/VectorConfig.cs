using Touchstone.Suites.Common;

namespace Touchstone.Suites.EnergyOod.Vector;

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

/// <summary>The two readings of the source's vector distributions.</summary>
public enum VectorReading
{
    /// <summary>The README's: train/val U(−1, 1), OOD test U(−2, 2).</summary>
    Uniform,

    /// <summary>The code's (data/synthetic_data_generator.py at HEAD): train/val <c>randn·2 − 1</c>, test <c>randn·4 − 2</c>.</summary>
    Gaussian,
}

/// <summary>Which training recipe the vector EBT follows.</summary>
public enum EbtRecipe
{
    /// <summary>The toy's (model/ebt_s1_toy.py): N fixed steps of size α, all but the last detached.</summary>
    ToyS1,

    /// <summary>
    /// The paper's energy-landscape regularization (Gladstone et al. 2025, alexiglad/EBT, "S2"): random step size,
    /// random step count, Langevin noise and a replay buffer. Not part of the toy source.
    /// </summary>
    PaperS2,
}

/// <summary>Vector arithmetic data: x = [v1; v2], y = v1 + v2 (add) or v1 ⊙ v2 (multiply).</summary>
public sealed record VectorDataConfig
{
    /// <summary>Which reading of the distributions. Default <c>gaussian</c> (what the source's code runs).</summary>
    public VectorReading Reading { get; init; } = VectorReading.Gaussian;

    /// <summary>Length of v1, v2 and y. Default 10: the default of <c>run_main</c>/<c>compare_models</c> in run_main.py
    /// and data/README.md (506bfe8). The HEAD runner's <c>__main__</c> (run_main.py at 9fae429) calls
    /// <c>compare_models(vec_size=50)</c> instead.</summary>
    public int VecSize { get; init; } = 10;

    /// <summary>Training examples. Default 10000 (run_main.py <c>size_train</c> default at 9fae429).</summary>
    public int NTrain { get; init; } = 10000;

    /// <summary>Validation examples, drawn like the training set. Default 256 (run_main.py <c>size_val</c>).</summary>
    public int NVal { get; init; } = 256;

    /// <summary>Out-of-distribution test examples. Default 256 (run_main.py <c>size_test</c>).</summary>
    public int NTest { get; init; } = 256;
}

/// <summary>The energy-based model on vectors and its training.</summary>
public sealed record EbtConfig
{
    /// <summary>Training recipe. Default <c>toy_s1</c>; the <c>s2</c> variant sets <c>paper_s2</c>.</summary>
    public EbtRecipe Recipe { get; init; } = EbtRecipe.ToyS1;

    /// <summary>Width of the energy network. Default 128 (<c>latent_dim</c>).</summary>
    public int LatentDim { get; init; } = 128;

    /// <summary>Gradient steps N on ŷ (toy recipe). Default 10 (<c>n_optimization_steps</c> in config/model_configs.py
    /// and in train_energy_model's defaults).</summary>
    public int InferenceSteps { get; init; } = 10;

    /// <summary>Step size α of ŷ ← ŷ − α∇ŷE. Default 1 (<c>step_size</c> in config/model_configs.py).</summary>
    public double StepSize { get; init; } = 1.0;

    /// <summary>Mean of the initial guess ŷ0 = randn·2 − 1. Default −1 (ebt_s1_toy.py).</summary>
    public double InitMean { get; init; } = -1.0;

    /// <summary>Standard deviation of the initial guess ŷ0 = randn·2 − 1. Default 2 (ebt_s1_toy.py).</summary>
    public double InitStd { get; init; } = 2.0;

    /// <summary>Adam learning rate. Default 1e-3 (config/model_configs.py and train_energy_model's default agree).</summary>
    public double Lr { get; init; } = 1e-3;

    /// <summary>Batch size. Default 64 (config/model_configs.py and train_energy_model's default agree).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Optimizer steps (the source's <c>num_epochs</c> counts steps). Default 10000: the default of
    /// <c>train_energy_model</c> (model/ebt_s1_toy.py) and the example config of data/README.md (506bfe8). The HEAD
    /// runner (run_main.py with config/model_configs.py at 9fae429) trains 100 steps.
    /// </summary>
    public int Steps { get; init; } = 10000;

    /// <summary>The paper's S2 recipe, used when <see cref="Recipe"/> is <c>paper_s2</c>.</summary>
    public S2Config S2 { get; init; } = new();
}

/// <summary>
/// The paper's S2 energy-landscape regularization (alexiglad/EBT, job_scripts/*/pretrain/ebt_s2*.sh and
/// train_model.py defaults). The toy source has none of it.
/// </summary>
public sealed record S2Config
{
    /// <summary>Each prediction's step size is drawn from U(α/s, α·s) in training. Default 2 (<c>--randomize_mcmc_step_size_scale 2</c>).</summary>
    public double StepSizeScale { get; init; } = 2.0;

    /// <summary>Fewest gradient steps, drawn once per batch in training. Default 2 (<c>--randomize_mcmc_num_steps_min 2</c>).</summary>
    public int MinSteps { get; init; } = 2;

    /// <summary>Most gradient steps; evaluation always takes this many. Default 3 (<c>--randomize_mcmc_num_steps 2</c> with one landscape: 1 + 2).</summary>
    public int MaxSteps { get; init; } = 3;

    /// <summary>
    /// Standard deviation of the Langevin noise added to ŷ before every step. Default 1, the paper's value for
    /// continuous targets (<c>--langevin_dynamics_noise 1</c>, video S2); its text runs use 3 on logits.
    /// </summary>
    public double LangevinNoise { get; init; } = 1.0;

    /// <summary>
    /// Whether the noise is added at evaluation too. Default true: the paper's text and video EBTs add it at
    /// validation (only its image code has <c>--no_langevin_during_eval</c>).
    /// </summary>
    public bool NoiseAtEval { get; init; } = true;

    /// <summary>Final predictions kept in the FIFO replay buffer. Default 192 (<c>--mcmc_replay_buffer_size</c>).</summary>
    public int ReplayBufferSize { get; init; } = 192;

    /// <summary>
    /// Replayed examples appended to each batch, as a fraction of the batch size; they start from their stored
    /// prediction instead of noise. Default 0.5 (<c>--mcmc_replay_buffer_sample_bs_percent</c>).
    /// </summary>
    public double ReplayFraction { get; init; } = 0.5;
}

/// <summary>The feed-forward baseline on vectors and its training (model/ffn_toy.py <c>train_feedforward</c>).</summary>
public sealed record FfnConfig
{
    /// <summary>Hidden width. Default 128 (<c>latent_dim</c>).</summary>
    public int LatentDim { get; init; } = 128;

    /// <summary>Adam learning rate. Default 1e-4 (config/model_configs.py and train_feedforward's default agree).</summary>
    public double Lr { get; init; } = 1e-4;

    /// <summary>
    /// Batch size. Default 128: the default of <c>train_feedforward</c> (model/ffn_toy.py) and data/README.md
    /// (506bfe8). The HEAD runner (config/model_configs.py at 9fae429) uses 64.
    /// </summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>
    /// Optimizer steps (the source's <c>num_epochs</c> counts steps). Default 50000: the default of
    /// <c>train_feedforward</c> and the example config of data/README.md (506bfe8). The HEAD runner trains 100 steps.
    /// </summary>
    public int Steps { get; init; } = 50000;
}
