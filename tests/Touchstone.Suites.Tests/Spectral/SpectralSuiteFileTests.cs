using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Spectral;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Spectral;

public sealed class SpectralSuiteFileTests
{
    private static readonly SuiteFile<SpectralExperiment, SpectralConfig> File = new("spectral-gap.yaml");

    private static IReadOnlyList<(CellId Cell, SpectralConfig Config)> Cells(string profile) => File.Cells(profile);

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
    public void Nightly_is_the_sources_shipped_configuration_exactly_with_its_training_seeds()
    {
        var cells = Cells("nightly");

        Assert.Equal([123, 124, 125, 126, 127], cells.Select(c => c.Cell.Seed));
        Assert.All(cells, c => Assert.Equal("shipped", c.Cell.Variant));
        var config = cells[0].Config;
        Assert.Equal((4096, 1024, 42), (config.Data.NTrain, config.Data.NTest, config.Data.DataSeed));
        Assert.Equal((1024, 300.0, 1200.0), (config.Data.NBins, config.Data.WavelengthMinNm, config.Data.WavelengthMaxNm));
        Assert.Equal([[], ["comp10"], ["comp4"]], config.Data.TrainCombinations);
        Assert.Equal([["comp10", "comp4"]], config.Data.TestCombinations);
        Assert.Equal([128, 64], config.Model.Hidden);
        Assert.Equal(0.1, config.Model.Dropout);
        Assert.Equal(new SpectralTrainingConfig(SpectralOptimizer.Adamw, 1e-3, 1e-4, 64, 6, 0.05, null), config.Training);
    }

    [Fact]
    public void Full_runs_every_variant_at_source_scale_and_readme_is_the_readme_reading()
    {
        var cells = Cells("full");

        Assert.Equal(["shipped", "readme", "triplets"], cells.Select(c => c.Cell.Variant).Distinct());
        Assert.Equal(30, cells.Count);
        var readme = cells.First(c => c.Cell.Variant == "readme").Config;
        Assert.Equal((8000, 2000, 2000), (readme.Data.NTrain, readme.Data.NId, readme.Data.NTest));
        Assert.Equal([[], ["comp1"], ["comp2"]], readme.Data.TrainCombinations);
        Assert.Equal([256, 128, 64], readme.Model.Hidden);
        Assert.Equal((128, 100, 10), (readme.Training.BatchSize, readme.Training.Epochs, readme.Training.EarlyStoppingPatience));
        var triplets = cells.First(c => c.Cell.Variant == "triplets").Config;
        Assert.Equal([["comp1", "comp2", "comp3"], ["comp4", "comp5", "comp6"]], triplets.Data.TestCombinations);
    }

    [Fact]
    public void Every_variant_reports_every_metric_declared_for_it()
    {
        Assert.Equal(["ood/mse", "id/mse"], File.Suite.Declaration.Metrics.Where(m => m.Role == MetricRole.Primary).Select(m => m.Key));
        // Each variant's own config, shrunk to seconds: names of metrics do not depend on sizes.
        File.AssertEveryVariantReportsItsDeclaredMetrics(config =>
        {
            config["data"]!["n_train"] = 64;
            config["data"]!["n_id"] = 32;
            config["data"]!["n_test"] = 32;
            config["training"]!["epochs"] = 1;
        }, seed: 123);
    }
}
