using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Planning;
using Touchstone.Suites.EnergyOod;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Testing;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class SuiteFileTests
{
    private static readonly LoadedSuite Suite =
        new SuiteLoader(new ExperimentRegistry().Add<EnergyOodExperiment>()).Load(RepoPaths.Combine("suites", "ebt-ffn-ood.yaml"));

    private static Dictionary<string, EnergyOodConfig> Configs(string profile) =>
        Matrix.Expand([Suite], new MatrixRequest(profile, [], [], [0], [], "cpu"))
            .ToDictionary(c => c.Id.Variant, c => c.Config.Bind<EnergyOodConfig>());

    [Fact]
    public void Nightly_variants_are_the_source_protocol_with_only_their_reading_recipe_or_task_changed()
    {
        var nightly = Configs("nightly");

        Assert.Equal(["uniform", "gaussian", "s2", "listops"], nightly.Keys);
        Assert.Equal(new EnergyOodConfig { Vector = new VectorDataConfig { Reading = VectorReading.Uniform } }, nightly["uniform"]);
        Assert.Equal(new EnergyOodConfig(), nightly["gaussian"]);
        Assert.Equal(new EnergyOodConfig { Ebt = new EbtConfig { Recipe = EbtRecipe.PaperS2 } }, nightly["s2"]);
        Assert.Equal(new EnergyOodConfig { Task = EnergyOodTask.ListOps }, nightly["listops"]);
    }

    [Fact]
    public void Full_adds_ListOps_at_LRA_lengths()
    {
        var lra = Configs("full")["listops-lra"];

        Assert.Equal(new ListOpsDataConfig { MinLength = 500, MaxLength = 2000, StrictBounds = true }, lra.ListOps);
        Assert.Equal(2000, lra.Transformer.MaxSeqLen);
    }

    [Fact]
    public void Smoke_shortens_training_but_keeps_the_vector_data()
    {
        var smoke = Configs("smoke");

        Assert.Equal(4, smoke.Count);
        Assert.All(smoke.Values, c => Assert.Equal(new VectorDataConfig { Reading = c.Vector.Reading }, c.Vector));
        Assert.All(smoke.Values, c => Assert.True(c.Ebt.Steps <= 200 && c.Ffn.Steps <= 1000 && c.Transformer.Epochs <= 3));
    }

    [Fact]
    public void Every_declared_metric_is_one_the_experiment_records()
    {
        using var vector = EnergyOodCells.Run(EnergyOodCells.TinyVector);
        using var listOps = EnergyOodCells.Run(EnergyOodCells.TinyListOps with { Transformer = EnergyOodCells.TinyListOps.Transformer with { Epochs = 1 } });
        var fromVector = vector.Finals.Select(f => $"{f.Split}/{f.Metric}").ToHashSet();
        var fromListOps = listOps.Finals.Select(f => $"{f.Split}/{f.Metric}").ToHashSet();

        Assert.All(Suite.Declaration.Metrics.Where(m => m.AppliesTo("uniform")), m => Assert.Contains(m.Key, fromVector));
        Assert.All(Suite.Declaration.Metrics.Where(m => m.AppliesTo("listops")), m => Assert.Contains(m.Key, fromListOps));
        Assert.All(Suite.Declaration.Metrics, m => Assert.True(m.AppliesTo("uniform") != m.AppliesTo("listops"), $"{m.Key} is declared for both tasks"));
        Assert.Contains(Suite.Declaration.Metrics, m => m.Role == MetricRole.Primary);
    }
}
