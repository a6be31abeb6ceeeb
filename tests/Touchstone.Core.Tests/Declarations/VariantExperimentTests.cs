using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Planning;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Declarations;

/// <summary>A second experiment with a config of its own, for suites whose variants run different experiments.</summary>
public sealed record CountingConfig(int Steps, long DataSeed = 0, double Noise = 0.5);

public sealed class CountingExperiment : Experiment<CountingConfig>
{
    public override string Key => "counting";

    protected override void Run(ICellContext context, CountingConfig config) => context.Final("test", "steps", config.Steps);
}

public sealed class VariantExperimentTests
{
    private const string Mixed = """
        name: mixed
        experiment: demo
        description: Two experiments in one suite
        source: tests
        config:
          data: { n_train: 4096, n_test: 1024, train_combinations: [[]] }
          model: { hidden: [8], dropout: 0.1 }
          training: { optimizer: adamw, lr: 1.0e-3, epochs: 6 }
          steps: 100
        variants:
          mlp: {}
          count:
            description: the other experiment
            experiment: counting
            noise: 0.25
        profiles:
          smoke: { seeds: [0], overrides: { training.epochs: 2, steps: 10 } }
        metrics:
          - { name: mse, split: test, direction: lower, variants: [mlp] }
          - { name: steps, split: test, direction: lower, variants: [count] }
        """;

    private static SuiteLoader Loader() => new(Demo.Registry().Add<CountingExperiment>());

    private static Dictionary<string, ResolvedConfig> Configs(string text, params ConfigOverride[] commandLine) =>
        Matrix.Expand([Loader().Parse("suites/mixed.yaml", text)], new MatrixRequest("smoke", [], [], [0], commandLine, "cpu"))
            .ToDictionary(c => c.Id.Variant, c => c.Config);

    [Fact]
    public void Each_variant_runs_its_experiment_with_only_the_keys_that_experiment_has()
    {
        var suite = Loader().Parse("suites/mixed.yaml", Mixed);
        var configs = Configs(Mixed);

        Assert.Equal("demo", suite.ExperimentFor("mlp").Key);
        Assert.Equal("counting", suite.ExperimentFor("count").Key);
        Assert.Equal(new CountingConfig(10, 0, 0.25), configs["count"].Bind<CountingConfig>());
        Assert.Equal(2, configs["mlp"].Bind<DemoConfig>().Training.Epochs);
        Assert.Equal(["data", "model", "training"], configs["mlp"].ToJsonObject().Select(p => p.Key).Order());
    }

    [Fact]
    public void A_key_of_one_experiment_changes_only_that_experiments_cells()
    {
        var before = Configs(Mixed);
        var after = Configs(Mixed.Replace("steps: 100", "steps: 200").Replace("steps: 10 }", "steps: 20 }"),
            ConfigOverrides.Parse("noise=0.125"));

        Assert.Equal(before["mlp"].Hash, after["mlp"].Hash);
        Assert.NotEqual(before["count"].Hash, after["count"].Hash);
    }

    [Fact]
    public void A_key_no_experiment_has_and_an_unknown_variant_experiment_are_errors_with_their_lines()
    {
        var e = Assert.Throws<DeclarationException>(() =>
            Loader().Parse("suites/mixed.yaml", Mixed.Replace("steps: 10 }", "stepz: 10 }").Replace("experiment: counting", "experiment: countin")));

        Assert.Contains(e.Diagnostics, d => d.Message.Contains("unknown experiment 'countin'", StringComparison.Ordinal)
            && d.Message.Contains("did you mean 'counting'", StringComparison.Ordinal) && d.Location!.Line == 14);
        Assert.Contains(e.Diagnostics, d => d.Message.Contains("'stepz'", StringComparison.Ordinal) && d.Location!.Line == 17);
    }

    [Fact]
    public void An_experiment_whose_config_has_a_key_named_experiment_is_refused_at_registration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ExperimentRegistry().Add<ReservedKeyExperiment>());

        Assert.Contains("'experiment'", error.Message);
    }

    public sealed record ReservedKeyConfig(string Experiment);

    public sealed class ReservedKeyExperiment : Experiment<ReservedKeyConfig>
    {
        public override string Key => "reserved";

        protected override void Run(ICellContext context, ReservedKeyConfig config)
        {
        }
    }
}
