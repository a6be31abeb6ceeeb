using Touchstone.Suites.Common;

namespace Touchstone.Suites.Spectral;

/// <summary>
/// Config of the <c>spectral</c> experiment (suite <c>spectral-gap</c>): the synthetic spectra, the MLP and its
/// training. Every field is required, so the suite YAML states the whole protocol and the config hash covers it.
/// Source: cfpark00/spectral-compositional-generalization, configs/*.yaml (the "shipped" reading) and its README
/// (the "readme" reading).
/// </summary>
/// <param name="Data">What is generated.</param>
/// <param name="Model">The network.</param>
/// <param name="Training">The optimizer loop and evaluation schedule.</param>
public sealed record SpectralConfig(SpectralDataConfig Data, SpectralModelConfig Model, SpectralTrainingConfig Training)
{
    /// <summary>Checks the values that binding cannot; throws <see cref="ConfigException"/> naming every key
    /// that breaks a rule.</summary>
    public void Validate() => ConfigCheck.Validate("spectral", Validate);

    /// <summary>Adds the problems of every section to <paramref name="check"/>.</summary>
    public void Validate(ConfigCheck check)
    {
        Data.Validate(check.At("data"));
        Model.Validate(check.At("model"));
        Training.Validate(check.At("training"));
    }
}

/// <summary>A closed interval [<paramref name="Min"/>, <paramref name="Max"/>] to sample from.</summary>
/// <param name="Min">Lower end.</param>
/// <param name="Max">Upper end.</param>
public sealed record ValueRange(double Min, double Max);

/// <summary>
/// The generator's settings (source: configs/synthetic_spectra.yaml and configs/data_distribution.yaml). The
/// component table itself is fixed (<see cref="Components"/>).
/// </summary>
/// <param name="NBins">Wavelength bins (source: 1024); also the model's input width.</param>
/// <param name="WavelengthMinNm">First grid point in nm (source: 300).</param>
/// <param name="WavelengthMaxNm">Last grid point in nm (source: 1200); the grid is linspace(min, max, n_bins).</param>
/// <param name="TemperatureK">Blackbody temperature, uniform (source: 3000–7000 K).</param>
/// <param name="NoiseLevel">Per-spectrum multiplicative noise σ, log-uniform (source: 0.01–0.15).</param>
/// <param name="Abundance">Abundance of each active component, uniform (source: 0–1).</param>
/// <param name="NTrain">Training spectra (shipped: 4096; README: 8000).</param>
/// <param name="NId">
/// Held-out spectra from the training distribution (the source has no such split; Touchstone adds it so the
/// compositional gap can be measured against in-distribution error). Sized like the test split by default.
/// </param>
/// <param name="NTest">Spectra of the unseen combination(s), the split reported as <c>ood</c> (shipped: 1024; README: 2000).</param>
/// <param name="TrainCombinations">
/// Combinations of component labels a training (and in-distribution) spectrum draws uniformly from; an empty
/// list is the bare continuum.
/// </param>
/// <param name="TestCombinations">The unseen combinations the <c>ood</c> split draws uniformly from.</param>
/// <param name="DataSeed">
/// Seed of the data, independent of the cell's training seed (source: 42). As in the source, split i of
/// (train, test) uses data_seed + i; the in-distribution split, which the source lacks, uses data_seed + 2.
/// </param>
public sealed record SpectralDataConfig(
    int NBins,
    double WavelengthMinNm,
    double WavelengthMaxNm,
    ValueRange TemperatureK,
    ValueRange NoiseLevel,
    ValueRange Abundance,
    int NTrain,
    int NId,
    int NTest,
    IReadOnlyList<IReadOnlyList<string>> TrainCombinations,
    IReadOnlyList<IReadOnlyList<string>> TestCombinations,
    int DataSeed)
{
    /// <summary>Checks sizes, ranges and that every combination names known components.</summary>
    public void Validate(ConfigCheck check)
    {
        check.Require(NBins >= 2, "n_bins", "must be at least 2", NBins)
            .Require(WavelengthMinNm > 0 && WavelengthMaxNm > WavelengthMinNm,
                "wavelength_min_nm/wavelength_max_nm", "must satisfy 0 < min < max", $"{WavelengthMinNm}..{WavelengthMaxNm}")
            .Require(TemperatureK.Min > 0 && TemperatureK.Max >= TemperatureK.Min,
                "temperature_k", "must satisfy 0 < min <= max", TemperatureK)
            .Require(NoiseLevel.Min > 0 && NoiseLevel.Max >= NoiseLevel.Min,
                "noise_level", "must satisfy 0 < min <= max (it is sampled log-uniformly)", NoiseLevel)
            .Require(Abundance.Max >= Abundance.Min, "abundance", "must satisfy min <= max", Abundance)
            .Positive("n_train", NTrain)
            .Positive("n_id", NId)
            .Positive("n_test", NTest);
        ValidateCombinations(check, "train_combinations", TrainCombinations);
        ValidateCombinations(check, "test_combinations", TestCombinations);
        var seen = TrainCombinations.Where(Known).Select(Key).ToHashSet();
        foreach (var combination in TestCombinations.Where(Known))
        {
            check.Require(!seen.Contains(Key(combination)), "test_combinations",
                "must not contain a training combination (the ood split is the unseen combinations)", $"[{string.Join(", ", combination)}]");
        }
    }

    /// <summary>A combination as component indices, in ascending order.</summary>
    public static int[] Indices(IReadOnlyList<string> combination) =>
        combination.Select(Components.IndexOf).Order().ToArray();

    /// <summary>Indices of every component named in any combination: the components whose metrics are reported.</summary>
    public IReadOnlyList<int> ActiveComponents() =>
        TrainCombinations.Concat(TestCombinations).SelectMany(Indices).Distinct().Order().ToArray();

    private static string Key(IReadOnlyList<string> combination) => string.Join(",", Indices(combination));

    private static bool Known(IReadOnlyList<string> combination) => combination.All(label => Components.IndexOf(label) >= 0);

    private static void ValidateCombinations(ConfigCheck check, string key, IReadOnlyList<IReadOnlyList<string>> combinations)
    {
        check.Require(combinations.Count > 0, key, "must list at least one combination", "[]");
        foreach (var combination in combinations)
        {
            foreach (var label in combination)
            {
                check.Require(Components.IndexOf(label) >= 0, key,
                    $"names an unknown component (use comp1 … comp{Components.Count})", label);
            }
            check.Require(combination.Distinct().Count() == combination.Count, key,
                "repeats a component within a combination", $"[{string.Join(", ", combination)}]");
        }
    }
}

/// <summary>
/// The MLP (source: src/models/mlp.py): Linear → ReLU → Dropout per hidden layer, then a linear head over all 20
/// abundances; Kaiming-normal weights (fan in, ReLU gain) and zero biases; the raw spectrum is the input.
/// </summary>
/// <param name="Hidden">Hidden widths (shipped: [128, 64]; README: [256, 128, 64]).</param>
/// <param name="Dropout">Dropout probability after each hidden layer (0.1 in both readings).</param>
public sealed record SpectralModelConfig(IReadOnlyList<int> Hidden, double Dropout)
{
    /// <summary>Checks the widths and the dropout probability.</summary>
    public void Validate(ConfigCheck check) =>
        check.Require(Hidden.All(h => h > 0), "hidden", "must list positive widths", $"[{string.Join(", ", Hidden)}]")
            .Probability("dropout", Dropout);
}

/// <summary>The optimizer the source's training.yaml can name.</summary>
public enum SpectralOptimizer
{
    /// <summary>AdamW with decoupled weight decay (the source's default and shipped choice).</summary>
    Adamw,

    /// <summary>Adam with L2 weight decay (the source's other branch).</summary>
    Adam,
}

/// <summary>
/// Training (source: configs/training.yaml and src/training.py): minibatches of the shuffled training set
/// (a DataLoader with shuffle, last batch kept), MSE over the 20 outputs.
/// </summary>
/// <param name="Optimizer">adamw (shipped) or adam.</param>
/// <param name="Lr">Learning rate (1e-3 in both readings).</param>
/// <param name="WeightDecay">Weight decay (1e-4 in both readings).</param>
/// <param name="BatchSize">Minibatch size (shipped: 64; README: 128).</param>
/// <param name="Epochs">Passes over the training set (shipped: 6; README: 100, an upper bound under early stopping).</param>
/// <param name="EvalRatio">
/// Evaluate every floor(total_steps · eval_ratio) steps and at the last step (source: checkpoint_ratio 0.05 with
/// test_every "ckpt"; for 384 steps that is every 19 steps, 21 points).
/// </param>
/// <param name="EarlyStoppingPatience">
/// README reading only (null = off): the in-distribution MSE is measured after every epoch, training stops once
/// it has not improved for this many epochs, and the weights of the best epoch are restored before the final
/// evaluation.
/// </param>
public sealed record SpectralTrainingConfig(
    SpectralOptimizer Optimizer,
    double Lr,
    double WeightDecay,
    int BatchSize,
    int Epochs,
    double EvalRatio,
    int? EarlyStoppingPatience)
{
    /// <summary>Checks the loop's sizes and rates.</summary>
    public void Validate(ConfigCheck check) =>
        check.Positive("lr", Lr)
            .NonNegative("weight_decay", WeightDecay)
            .Positive("batch_size", BatchSize)
            .Positive("epochs", Epochs)
            .Fraction("eval_ratio", EvalRatio)
            .Require(EarlyStoppingPatience is null or > 0, "early_stopping_patience", "must be positive or null (off)", EarlyStoppingPatience);
}
