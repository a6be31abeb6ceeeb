using Touchstone.Core.Experiments;
using Touchstone.Suites.Analogy;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Analogy;

public sealed class AnalogySuiteFileTests
{
    private static readonly SuiteFile<AnalogyExperiment, AnalogyConfig> Suite = new("analogy.yaml");

    private static IReadOnlyList<(CellId Cell, AnalogyConfig Config)> Cells(string profile) => Suite.Cells(profile);

    [Theory]
    [InlineData("smoke")]
    [InlineData("nightly")]
    [InlineData("full")]
    public void Every_cell_of_every_profile_binds_to_a_valid_config(string profile)
    {
        var cells = Cells(profile);
        Assert.NotEmpty(cells);
        Assert.All(cells, c => c.Config.Validate());
    }

    [Fact]
    public void Nightly_is_the_recorded_runs_protocol_on_five_seeds()
    {
        var cells = Cells("nightly");

        Assert.Equal([0, 1, 2, 3, 4], cells.Select(c => c.Cell.Seed));
        var config = Assert.Single(cells.Select(c => c.Config).Distinct());
        Assert.Equal(new KnowledgeGraphConfig(10, 10000, 5, 0.0, 0.1, 0.4, false, 42), config.Data);
        Assert.Equal(new AnalogyModelConfig(128, 2, 1, 100), config.Model);
        Assert.Equal(new AnalogyTrainingConfig(1e-2, 0.01, 64, 1000, 10, 1.0), config.Training);
    }

    [Fact]
    public void Readme_and_shipped_variants_are_the_sources_other_configurations()
    {
        var full = Cells("full");
        var readme = full.First(c => c.Cell.Variant == "readme").Config;
        var shipped = full.First(c => c.Cell.Variant == "shipped").Config;

        Assert.Equal((1, 1e-4, 0.0, 1000, 0.4), (readme.Model.NLayer, readme.Training.Lr, readme.Training.WeightDecay, readme.Training.Epochs, readme.Data.AnalogicalOodRatio));
        Assert.Equal((2, 1e-4, 0.0, 100, 0.1), (shipped.Model.NLayer, shipped.Training.Lr, shipped.Training.WeightDecay, shipped.Training.Epochs, shipped.Data.AnalogicalOodRatio));
        Assert.Equal(70, full.Count);
        Assert.Equal((30, 15), full.Where(c => c.Cell.Variant == "recorded-e30").Select(c => (c.Config.Data.NumEntities, c.Config.Data.SubSize)).First());
    }
}
