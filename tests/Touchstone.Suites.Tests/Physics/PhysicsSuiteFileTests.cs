using Touchstone.Core.Experiments;
using Touchstone.Suites.Physics;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Physics;

public sealed class PhysicsSuiteFileTests
{
    private static readonly SuiteFile<PhysicsExperiment, PhysicsConfig> File = new("physics-curriculum.yaml");

    private static IReadOnlyList<(CellId Cell, PhysicsConfig Config)> Cells(string profile) => File.Cells(profile);

    [Theory]
    [InlineData("smoke")]
    [InlineData("nightly")]
    [InlineData("full")]
    public void Every_cell_of_every_profile_binds_to_a_valid_config_in_every_variant(string profile)
    {
        var cells = Cells(profile);

        Assert.All(cells, c => c.Config.Validate());
        Assert.Equal(["domain-randomization", "no-curriculum", "no-physics-loss", "source", "source-slice"], cells.Select(c => c.Cell.Variant).Distinct().Order());
    }

    [Fact]
    public void Variants_set_exactly_their_own_difference()
    {
        var byVariant = Cells("nightly").Where(c => c.Cell.Seed == 1).ToDictionary(c => c.Cell.Variant, c => c.Config.Training);
        var source = byVariant["source"];

        Assert.Equal((true, PhysicsLossColumns.Velocities), (source.Curriculum, source.PhysicsLoss));
        Assert.Equal(source with { PhysicsLoss = PhysicsLossColumns.SourceSlice }, byVariant["source-slice"] with { StageLrs = source.StageLrs });
        Assert.Equal(source with { Curriculum = false }, byVariant["no-curriculum"] with { StageLrs = source.StageLrs });
        Assert.Equal(source with { PhysicsLoss = PhysicsLossColumns.None }, byVariant["no-physics-loss"] with { StageLrs = source.StageLrs });
        Assert.Equal(0, source.DomainRandomization); // the source's stage 3 changed nothing
        Assert.Equal(source with { DomainRandomization = 0.3 }, byVariant["domain-randomization"] with { StageLrs = source.StageLrs });
    }

    [Fact]
    public void Nightly_is_the_sources_protocol()
    {
        Assert.All(Cells("nightly"), c =>
        {
            Assert.Equal(new PhysicsModelConfig(256, 6, 8, 0.1), c.Config.Model);
            Assert.Equal(new PhysicsDataConfig(), c.Config.Data with { DataSeed = 0 });
            Assert.Equal((32, 50), (c.Config.Training.BatchSize, c.Config.Training.EpochsPerStage));
            Assert.Equal([1e-3, 5e-4, 2e-4, 1e-4], c.Config.Training.StageLrs);
            Assert.False(c.Config.Training.Shuffle);
        });
    }

    [Fact]
    public void Smoke_is_three_seeds_of_a_small_model()
    {
        var cells = Cells("smoke");

        Assert.Equal([1, 2, 3], cells.Select(c => c.Cell.Seed).Distinct());
        Assert.All(cells, c => Assert.True(c.Config.Model.Width <= 32 && c.Config.Data.TrainSamples <= 256));
    }

    [Fact]
    public void Every_variant_reports_every_metric_declared_for_it() =>
        // Each variant's own config shrunk to a second: names of metrics do not depend on sizes.
        File.AssertEveryVariantReportsItsDeclaredMetrics(config =>
        {
            config["data"]!["train_samples"] = 32;
            config["data"]!["in_distribution_samples"] = 8;
            config["data"]!["interpolation_samples"] = 4;
            config["data"]!["extrapolation_samples"] = 8;
            config["model"]!["width"] = 16;
            config["model"]!["blocks"] = 1;
            config["training"]!["epochs_per_stage"] = 1;
        }, seed: 1);
}
