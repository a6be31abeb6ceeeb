using Touchstone.Suites.Common;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// Config of the <c>regression-vs-flow</c> experiment. Every field is required, so the suite YAML states the whole
/// protocol and the config hash covers it. Source: giricme/toyexp, toyexp/configs/config_{recon,proj}.yaml and
/// toyexp/scripts/train_{recon,proj}.py at 324332b (the first version, reading <c>first</c>) and 4599477 (the
/// final version with report/report.tex, reading <c>final</c>).
/// </summary>
/// <param name="Target">What is learned.</param>
/// <param name="Network">The network every mode trains.</param>
/// <param name="Training">Modes, loss and optimizer loop.</param>
/// <param name="Evaluation">How predictions are made and scored.</param>
/// <param name="Lie">The rotations of the final version's third task (target.task: lie); absent for the other tasks,
/// so their config hashes do not cover it.</param>
public sealed record RegressionVsFlowConfig(
    TargetConfig Target, NetworkConfig Network, TrainingConfig Training, EvaluationConfig Evaluation, LieConfig? Lie = null)
{
    /// <summary>Checks the values that binding cannot; throws a <see cref="ConfigException"/> naming every broken key.</summary>
    public void Validate() => ConfigCheck.Validate("regression-vs-flow", check =>
    {
        Target.Validate(check.At("target"));
        Network.Validate(check.At("network"));
        Training.Validate(check.At("training"));
        Evaluation.Validate(check.At("evaluation"), Target);
        if (Target.Task == TargetTask.Lie)
        {
            check.Require(Lie is not null, "lie", "must be given for target.task: lie", "absent");
            if (Lie is not null)
            {
                Lie.Validate(check.At("lie"));
                check.At("target").Require(Target.TargetDim == Lie.RotationDim * Lie.NumRotations, "target_dim",
                    "must be lie.rotation_dim × lie.num_rotations for the lie task", Target.TargetDim);
            }
        }
    });
}

/// <summary>The source's two tasks.</summary>
public enum TargetTask
{
    /// <summary>Reconstruction of f(c) (TargetFunctionDataset).</summary>
    Recon,

    /// <summary>The projected g(c) = P_i f(c) (ProjectedTargetFunctionDataset).</summary>
    Proj,

    /// <summary>
    /// The final version's rotations, f_i(c) = w_i(c) exp(α_i c A) e₁ concatenated over i (LieAlgebraRotationDataset,
    /// toyexp/common/datasets.py at 3d146d4).
    /// </summary>
    Lie,
}

/// <summary>
/// The Lie task's rotations (source: the dataset: block of toyexp/configs/config_lie.yaml at 3d146d4). The weights
/// w_i are the source's "high_frequency" ones: num_components sin/cos terms of target.num_components with the next
/// primes as frequencies and phases, as the other tasks' components.
/// </summary>
/// <param name="RotationDim">n of SO(n); only 2 is built (the source's config and report; SO(3) needs the source's random skew generator and expm).</param>
/// <param name="NumRotations">K, the number of rotating components (8); the target has rotation_dim × K dimensions.</param>
/// <param name="AlphaMin">Smallest rotation velocity α (0); the K velocities are linspace(alpha_min, alpha_max, K).</param>
/// <param name="AlphaMax">Largest rotation velocity α (6.28).</param>
/// <param name="RotationSeed">np.random seed of the unit start vector e₁ = randn(n)/‖·‖ (42).</param>
/// <remarks>The defaults are config_lie.yaml's, so that a variant can set the section key by key; the suite file
/// still states every value.</remarks>
public sealed record LieConfig(int RotationDim = 2, int NumRotations = 8, double AlphaMin = 0.0, double AlphaMax = 6.28, int RotationSeed = 42)
{
    /// <summary>Checks the rotation's shape (keys under <c>lie.</c>).</summary>
    public void Validate(ConfigCheck check) =>
        check.Require(RotationDim == 2, "rotation_dim", "must be 2 (only SO(2) is built)", RotationDim)
            .Positive("num_rotations", NumRotations)
            .Require(AlphaMax >= AlphaMin, "alpha_max", "must not be below alpha_min", $"{AlphaMin}..{AlphaMax}")
            .NonNegative("rotation_seed", RotationSeed);
}

/// <summary>The target function and its train/evaluation grids (source: the dataset: block of its configs).</summary>
/// <param name="Task">recon or proj.</param>
/// <param name="NumTrain">Training grid points, linspace(c_min, c_max, n) (50 in both versions).</param>
/// <param name="NumEval">Evaluation grid points (first: 1000; final: 100000).</param>
/// <param name="TargetDim">Output dimensions (recon: 1; proj: 8).</param>
/// <param name="NumComponents">Trigonometric components per dimension (recon: 3; proj first: 3, final: 8).</param>
/// <param name="LowDim">Rank of each projection (proj first: 2, final: 3; unused for recon).</param>
/// <param name="NumIntervals">Intervals of [c_min, c_max] with their own projection (first: 1 — the first version has a single P; final: 10).</param>
/// <param name="ProjSeed">np.random seed of interval 0's Gaussian A; interval i uses proj_seed + i (source: 46).</param>
/// <param name="CMin">Lower end of c (0).</param>
/// <param name="CMax">Upper end of c (1).</param>
public sealed record TargetConfig(
    TargetTask Task, int NumTrain, int NumEval, int TargetDim, int NumComponents, int LowDim, int NumIntervals,
    int ProjSeed, double CMin, double CMax)
{
    /// <summary>Checks sizes and the projection's shape (keys under <c>target.</c>).</summary>
    public void Validate(ConfigCheck check)
    {
        check.Require(NumTrain >= 2, "num_train", "must be at least 2", NumTrain)
            .Require(NumEval >= 2, "num_eval", "must be at least 2", NumEval)
            .Positive("target_dim", TargetDim)
            .Positive("num_components", NumComponents)
            .Require(CMax > CMin, "c_max", "must be above c_min", $"{CMin}..{CMax}");
        if (Task == TargetTask.Proj)
        {
            check.Require(LowDim >= 1 && LowDim < TargetDim, "low_dim", "must be in [1, target_dim) for proj", LowDim)
                .Positive("num_intervals", NumIntervals)
                .NonNegative("proj_seed", ProjSeed);
        }
    }
}

/// <summary>The two conditioning architectures (source: toyexp/common/networks.py).</summary>
public enum Architecture
{
    /// <summary>ConcatMLP: an MLP over [x, c, t].</summary>
    Concat,

    /// <summary>FiLMMLP: x alone through the trunk, [c, t] scaling and shifting each hidden layer.</summary>
    Film,
}

/// <summary>The network (hidden 256, 3 layers, ReLU in every config of the source).</summary>
/// <param name="Architecture">concat or film.</param>
/// <param name="HiddenDim">Hidden width.</param>
/// <param name="NumLayers">Hidden layers (Linear + ReLU); the FiLM trunk modulates all but the first.</param>
public sealed record NetworkConfig(Architecture Architecture, int HiddenDim, int NumLayers)
{
    /// <summary>Checks the widths (keys under <c>network.</c>).</summary>
    public void Validate(ConfigCheck check) => check.Positive("hidden_dim", HiddenDim).Positive("num_layers", NumLayers);
}

/// <summary>The source's training modes (toyexp/common/losses.py and integrate.py; the last three only in the final version).</summary>
public enum Mode
{
    /// <summary>Predict the target from x = 0 without t.</summary>
    Regression,

    /// <summary>Flow matching: regress the velocity x1 − x0 at x_t, t ~ U(0, 1); integrate at evaluation.</summary>
    Flow,

    /// <summary>Predict x1 from x_t without t (the model is queried at t = 0); evaluation steps along the straight path.</summary>
    StraightFlow,

    /// <summary>Two terms: predict x1 from (x0, t = 0) and from (x_{t*}, t*); evaluation applies the model twice.</summary>
    Mip,

    /// <summary>MIP's loss on a network without t; evaluation is the first MIP step alone (the source's mip_one_step_integrate).</summary>
    MipOneStep,
}

/// <summary>The training loss on each prediction.</summary>
public enum LossType
{
    /// <summary>Mean absolute error.</summary>
    L1,

    /// <summary>Mean squared error.</summary>
    L2,
}

/// <summary>Where x0 comes from.</summary>
public enum InitialDist
{
    /// <summary>x0 = 0.</summary>
    Zeros,

    /// <summary>x0 ~ N(0, I).</summary>
    Gaussian,
}

/// <summary>
/// Training (source: the training: block and train_epoch): Adam, a shuffled DataLoader over the training grid
/// (last batch kept), one loss per mode.
/// </summary>
/// <param name="Modes">The modes this cell trains, each its own network from the same initial weights where the shapes match (the source seeds before building the model).</param>
/// <param name="Loss">l1 or l2 (the source's loss_type; every term of a mode's loss uses it).</param>
/// <param name="BatchSize">Minibatch size (32).</param>
/// <param name="Epochs">Passes over the training grid (first: 5000; final: 50000).</param>
/// <param name="Lr">Adam learning rate (1e-3).</param>
/// <param name="InitialDist">x0 during training (first: zeros; final: gaussian).</param>
/// <param name="MipTStar">MIP's fixed second time t* (0.9).</param>
/// <param name="LogEvery">Log the mean training loss every this many epochs (the source's log_interval).</param>
/// <param name="EvalEvery">Evaluate every this many epochs and at the end (the source's eval_interval).</param>
public sealed record TrainingConfig(
    IReadOnlyList<Mode> Modes, LossType Loss, int BatchSize, int Epochs, double Lr, InitialDist InitialDist,
    double MipTStar, int LogEvery, int EvalEvery)
{
    /// <summary>Checks the loop's sizes and rates (keys under <c>training.</c>).</summary>
    public void Validate(ConfigCheck check) =>
        check.Require(Modes.Count > 0 && Modes.Distinct().Count() == Modes.Count, "modes",
                "must list at least one mode, each once", $"[{string.Join(", ", Modes)}]")
            .Positive("batch_size", BatchSize)
            .Positive("epochs", Epochs)
            .Positive("lr", Lr)
            .Require(MipTStar is > 0 and < 1, "mip_t_star", "must be in (0, 1)", MipTStar)
            .Positive("log_every", LogEvery)
            .Positive("eval_every", EvalEvery);
}

/// <summary>The ODE integrators of toyexp/common/integrate.py.</summary>
public enum Integrator
{
    /// <summary>Forward Euler.</summary>
    Euler,

    /// <summary>Classical fourth-order Runge–Kutta.</summary>
    Rk4,
}

/// <summary>Which projection metrics a reading reports.</summary>
public enum SubspaceMetrics
{
    /// <summary>No projection metrics (the recon task).</summary>
    None,

    /// <summary>The first version's analyze_subspace: PCA alignment error and explained-variance ratio.</summary>
    Pca,

    /// <summary>The final version's interval metrics: subspace diagonal / off-diagonal (metric 4) and boundary (metric 2).</summary>
    Intervals,
}

/// <summary>Evaluation (source: the evaluation: block and evaluate / analyze_subspace / evaluate_subspace_metric*).</summary>
/// <param name="InitialDist">x0 on the evaluation grid (first: training.initial_dist, zeros; final: its own evaluation.initial_dist, zeros).</param>
/// <param name="SubspaceInitialDist">x0 for the projection metrics: the source draws it from training.initial_dist in both versions (final: gaussian, even for regression).</param>
/// <param name="Steps">Integration step counts to score; the first is the one the source reports (first: [1]; final: [1, 9]).</param>
/// <param name="Integrator">euler or rk4 (euler in both versions).</param>
/// <param name="Subspace">none, pca (first) or intervals (final).</param>
/// <param name="PcaPoints">Grid points of the first version's PCA (1000).</param>
/// <param name="PointsPerRegion">Points per interval and per boundary region in the final version's metrics (20).</param>
/// <param name="BoundaryWidth">Half-width of each boundary region (0.03).</param>
public sealed record EvaluationConfig(
    InitialDist InitialDist, InitialDist SubspaceInitialDist, IReadOnlyList<int> Steps, Integrator Integrator,
    SubspaceMetrics Subspace, int PcaPoints, int PointsPerRegion, double BoundaryWidth)
{
    /// <summary>Checks the step counts and that the metrics fit the task (keys under <c>evaluation.</c>).</summary>
    public void Validate(ConfigCheck check, TargetConfig target) =>
        check.Require(Steps.Count > 0 && Steps.All(s => s > 0) && Steps.Distinct().Count() == Steps.Count,
                "steps", "must list distinct positive step counts", $"[{string.Join(", ", Steps)}]")
            .Require(Subspace == SubspaceMetrics.None || target.Task == TargetTask.Proj,
                "subspace", "must be none for the recon task", Subspace)
            .Require(Subspace != SubspaceMetrics.Pca || target.NumIntervals == 1,
                "subspace", "pca needs a single projection (target.num_intervals: 1)", $"{target.NumIntervals} intervals")
            .Require(Subspace != SubspaceMetrics.Intervals || target.NumIntervals >= 2,
                "subspace", "intervals needs at least two intervals (target.num_intervals)", $"{target.NumIntervals} interval")
            .Require(PcaPoints >= 2, "pca_points", "must be at least 2", PcaPoints)
            .Require(PointsPerRegion >= 2, "points_per_region", "must be at least 2", PointsPerRegion)
            .Positive("boundary_width", BoundaryWidth);
}
