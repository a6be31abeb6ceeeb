using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Planning;
using Touchstone.Core.Running;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Testing;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class SuiteFileTests
{
    private static readonly string SuiteFile = RepoPaths.Combine("suites", "ebt-ffn-ood.yaml");

    private static readonly LoadedSuite Suite = Load(File.ReadAllText(SuiteFile));

    private static readonly string[] VectorVariants = ["uniform", "gaussian", "s2"];

    private static LoadedSuite Load(string text) =>
        new SuiteLoader(new ExperimentRegistry().Add<EnergyOodVectorExperiment>().Add<EnergyOodListOpsExperiment>()).Parse(SuiteFile, text);

    private static List<CellPlan> Cells(LoadedSuite suite, string profile) =>
        Matrix.Expand([suite], new MatrixRequest(profile, [], [], [0], [], "cpu")).ToList();

    private static Dictionary<string, EnergyOodVectorConfig> VectorConfigs(string profile) =>
        Cells(Suite, profile).Where(c => VectorVariants.Contains(c.Id.Variant))
            .ToDictionary(c => c.Id.Variant, c => c.Config.Bind<EnergyOodVectorConfig>());

    private static Dictionary<string, EnergyOodListOpsConfig> ListOpsConfigs(string profile) =>
        Cells(Suite, profile).Where(c => !VectorVariants.Contains(c.Id.Variant))
            .ToDictionary(c => c.Id.Variant, c => c.Config.Bind<EnergyOodListOpsConfig>());

    [Fact]
    public void Nightly_variants_are_the_source_protocol_with_only_their_reading_recipe_or_task_changed()
    {
        var vector = VectorConfigs("nightly");

        Assert.Equal(VectorVariants, vector.Keys);
        Assert.Equal(new EnergyOodVectorConfig { Vector = new VectorDataConfig { Reading = VectorReading.Uniform } }, vector["uniform"]);
        Assert.Equal(new EnergyOodVectorConfig(), vector["gaussian"]);
        Assert.Equal(new EnergyOodVectorConfig { Ebt = new EbtConfig { Recipe = EbtRecipe.PaperS2 } }, vector["s2"]);
        var listOps = ListOpsConfigs("nightly");
        Assert.Equal(["listops-source", "listops"], listOps.Keys);
        Assert.Equal(new EnergyOodListOpsConfig(), listOps["listops-source"]);
        Assert.Equal(new EnergyOodListOpsConfig { ListOps = new ListOpsDataConfig { KeepParentheses = false, MaxTokens = null } }, listOps["listops"]);
        Assert.Equal("ebt-ffn-ood-listops", Suite.ExperimentFor("listops").Key);
        Assert.Equal("ebt-ffn-ood-vector", Suite.ExperimentFor("s2").Key);
    }

    [Fact]
    public void A_vector_cells_config_holds_only_vector_keys_so_a_ListOps_setting_never_changes_its_hash()
    {
        // A ListOps-only default changed in the suite's config, and a ListOps-only profile override changed.
        var text = File.ReadAllText(SuiteFile);
        var changed = text.Replace("config:\n  data_seed: 0", "config:\n  data_seed: 0\n  list_ops: { n_train: 123 }\n  transformer: { grad_clip: 0.5 }", StringComparison.Ordinal)
            .Replace("list_ops.n_val: 200", "list_ops.n_val: 100", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var before = Cells(Suite, "smoke").ToDictionary(c => c.Id.Variant, c => c.Config);
        var after = Cells(Load(changed), "smoke").ToDictionary(c => c.Id.Variant, c => c.Config);

        foreach (var variant in VectorVariants)
        {
            Assert.Equal(before[variant].Hash, after[variant].Hash);
            Assert.Equal(["data_seed", "ebt", "eval_every", "ffn", "vector"], before[variant].ToJsonObject().Select(p => p.Key).Order());
        }
        Assert.NotEqual(before["listops"].Hash, after["listops"].Hash);
        var listOps = after["listops"].Bind<EnergyOodListOpsConfig>();
        Assert.Equal((800, 100, 0.5), (listOps.ListOps.NTrain, listOps.ListOps.NVal, listOps.Transformer.GradClip));   // the profile still wins over config
    }

    [Theory]
    [InlineData("smoke")]
    [InlineData("nightly")]
    [InlineData("full")]
    public void Every_cell_config_of_every_profile_passes_its_experiments_validation(string profile)
    {
        Assert.All(VectorConfigs(profile).Values, c => c.Validate());
        Assert.All(ListOpsConfigs(profile).Values, c => c.Validate());
    }

    [Fact]
    public void Full_adds_ListOps_at_LRA_lengths()
    {
        var lra = ListOpsConfigs("full")["listops-lra"];

        Assert.Equal(new ListOpsDataConfig { MinLength = 500, MaxLength = 2000, StrictBounds = true, KeepParentheses = false, MaxTokens = null }, lra.ListOps);
        Assert.Equal(2000, lra.Transformer.MaxSeqLen);
    }

    [Fact]
    public void Smoke_shortens_training_but_keeps_the_vector_data()
    {
        var smoke = VectorConfigs("smoke");

        Assert.Equal(3, smoke.Count);
        Assert.All(smoke.Values, c => Assert.Equal(new VectorDataConfig { Reading = c.Vector.Reading }, c.Vector));
        Assert.All(smoke.Values, c => Assert.True(c.Ebt.Steps <= 200 && c.Ffn.Steps <= 1000));
        Assert.All(ListOpsConfigs("smoke").Values, c => Assert.True(c.Transformer.Epochs <= 3));
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
        Assert.All(Suite.Declaration.Metrics, m => Assert.Equal(m.AppliesTo("listops"), m.AppliesTo("listops-source")));
        Assert.Contains(Suite.Declaration.Metrics, m => m.Role == MetricRole.Primary);
    }
}
