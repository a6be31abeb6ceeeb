using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;

namespace Touchstone.Core.Tests.Support;

public enum Optimizer
{
    Sgd,
    Adamw,
}

public sealed record DemoConfig(DataConfig Data, ModelConfig Model, TrainingConfig Training);

public sealed record DataConfig(int NTrain, int NTest, IReadOnlyList<IReadOnlyList<string>> TrainCombinations, double Noise = 0.1);

public sealed record ModelConfig(IReadOnlyList<int> Hidden, double Dropout, string? Activation = null);

public sealed record TrainingConfig(
    Optimizer Optimizer,
    double Lr,
    long Epochs,
    bool Shuffle = true,
    IReadOnlyDictionary<string, double>? ClassWeights = null);

/// <summary>An experiment for declaration tests: it has a typed config and records what it was given.</summary>
public sealed class DemoExperiment : Experiment<DemoConfig>
{
    public override string Key => "demo";

    protected override void Run(ICellContext context, DemoConfig config) =>
        context.Final("test", "mse", config.Training.Lr * context.Seed);
}

public static class Demo
{
    public static ExperimentRegistry Registry() => new ExperimentRegistry().Add<DemoExperiment>();

    public static SuiteLoader Loader() => new(Registry());

    public const string File = "suites/demo.yaml";

    /// <summary>A valid suite; tests replace parts of it to make one thing wrong. Line numbers matter.</summary>
    public const string Valid = """
        name: demo
        experiment: demo
        description: A suite for the loader tests
        source: tests
        config:
          data: { n_train: 4096, n_test: 1024, train_combinations: [[], [comp10], [comp4]] }
          model: { hidden: [128, 64], dropout: 0.1 }
          training: { optimizer: adamw, lr: 1.0e-3, epochs: 6 }
        variants:
          shipped: {}
          readme:
            description: The README's reading
            data.train_combinations: [[], [comp1], [comp2]]
            model.hidden: [256, 128, 64]
            training.epochs: 100
        profiles:
          smoke: { seeds: [0, 1, 2], overrides: { data.n_train: 512, training.epochs: 2 } }
          nightly: { seeds: [0, 1, 2, 3, 4], variants: [shipped] }
        metrics:
          - { name: mse, split: ood, direction: lower, gate: { margin: 10% } }
          - { name: mse, split: id, direction: lower }
          - { name: acc, split: id, direction: higher, role: primary, gate: { margin: 0.01 } }
        """;

    public static LoadedSuite Load(string text = Valid) => Loader().Parse(File, text);

    /// <summary>The diagnostics of an invalid suite text.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string text)
    {
        var e = Assert.Throws<DeclarationException>(() => Loader().Parse(File, text));
        return e.Diagnostics;
    }

    /// <summary>The valid suite with one line replaced (1-based), to place an error exactly.</summary>
    public static string WithLine(int line, string replacement)
    {
        var lines = Valid.Split('\n').ToList();
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }
}
