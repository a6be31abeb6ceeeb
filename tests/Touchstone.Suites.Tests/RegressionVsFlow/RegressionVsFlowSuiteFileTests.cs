using Touchstone.Core.Experiments;
using Touchstone.Suites.RegressionVsFlow;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

public sealed class RegressionVsFlowSuiteFileTests
{
    private static readonly SuiteFile<RegressionVsFlowExperiment, RegressionVsFlowConfig> File = new("regression-vs-flow.yaml");

    private static IReadOnlyList<(CellId Cell, RegressionVsFlowConfig Config)> Cells(string profile) => File.Cells(profile);

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
    public void Nightly_is_the_final_versions_protocol_with_its_seeds_modes_architectures_and_losses()
    {
        var cells = Cells("nightly");

        Assert.Equal(36, cells.Count);
        Assert.Equal([0, 1, 2], cells.Select(c => c.Cell.Seed).Distinct());
        Assert.All(cells, c =>
        {
            var (target, training, evaluation) = (c.Config.Target, c.Config.Training, c.Config.Evaluation);
            Assert.Equal([Mode.StraightFlow, Mode.MipOneStep, Mode.Regression, Mode.Flow, Mode.Mip], training.Modes);
            Assert.Equal((50, 100000), (target.NumTrain, target.NumEval));
            Assert.Equal((32, 50000, 1e-3, 0.9), (training.BatchSize, training.Epochs, training.Lr, training.MipTStar));
            Assert.Equal((InitialDist.Gaussian, InitialDist.Zeros, InitialDist.Gaussian), (training.InitialDist, evaluation.InitialDist, evaluation.SubspaceInitialDist));
            Assert.Equal([1, 9], evaluation.Steps);
            Assert.Equal(Integrator.Euler, evaluation.Integrator);
            Assert.Equal((256, 3), (c.Config.Network.HiddenDim, c.Config.Network.NumLayers));
        });
        Assert.Equal(
            [(TargetTask.Recon, Architecture.Concat, LossType.L2), (TargetTask.Recon, Architecture.Film, LossType.L2),
             (TargetTask.Recon, Architecture.Concat, LossType.L1), (TargetTask.Recon, Architecture.Film, LossType.L1),
             (TargetTask.Proj, Architecture.Concat, LossType.L2), (TargetTask.Proj, Architecture.Film, LossType.L2),
             (TargetTask.Proj, Architecture.Concat, LossType.L1), (TargetTask.Proj, Architecture.Film, LossType.L1),
             (TargetTask.Lie, Architecture.Concat, LossType.L2), (TargetTask.Lie, Architecture.Film, LossType.L2),
             (TargetTask.Lie, Architecture.Concat, LossType.L1), (TargetTask.Lie, Architecture.Film, LossType.L1)],
            cells.Select(c => (c.Config.Target.Task, c.Config.Network.Architecture, c.Config.Training.Loss)).Distinct());
        var proj = cells.First(c => c.Config.Target.Task == TargetTask.Proj).Config;
        Assert.Equal((8, 8, 3, 10, 46), (proj.Target.TargetDim, proj.Target.NumComponents, proj.Target.LowDim, proj.Target.NumIntervals, proj.Target.ProjSeed));
        Assert.Equal((SubspaceMetrics.Intervals, 20, 0.03), (proj.Evaluation.Subspace, proj.Evaluation.PointsPerRegion, proj.Evaluation.BoundaryWidth));
        // config_lie.yaml at 3d146d4: SO(2), K = 8, α = linspace(0, 6.28, 8), 8 weight components, rotation seed 42.
        var lie = cells.First(c => c.Config.Target.Task == TargetTask.Lie).Config;
        Assert.Equal((16, 8), (lie.Target.TargetDim, lie.Target.NumComponents));
        Assert.Equal(new LieConfig(2, 8, 0.0, 6.28, 42), lie.Lie);
        Assert.All(cells.Where(c => c.Config.Target.Task != TargetTask.Lie), c => Assert.Null(c.Config.Lie));
    }

    [Fact]
    public void First_reading_is_the_first_versions_protocol()
    {
        var cells = Cells("full").Where(c => c.Cell.Variant.StartsWith("first-", StringComparison.Ordinal) && !c.Cell.Variant.EndsWith("gaussian", StringComparison.Ordinal)).ToList();

        Assert.Equal(40, cells.Count);
        Assert.All(cells, c =>
        {
            var (target, training, evaluation) = (c.Config.Target, c.Config.Training, c.Config.Evaluation);
            Assert.Equal([Mode.Regression, Mode.Flow], training.Modes);
            Assert.Equal((50, 1000, 5000), (target.NumTrain, target.NumEval, training.Epochs));
            Assert.Equal((InitialDist.Zeros, InitialDist.Zeros, InitialDist.Zeros), (training.InitialDist, evaluation.InitialDist, evaluation.SubspaceInitialDist));
            Assert.Equal([1], evaluation.Steps);
        });
        var proj = cells.First(c => c.Config.Target.Task == TargetTask.Proj).Config;
        Assert.Equal((8, 3, 2, 1, 46, SubspaceMetrics.Pca), (proj.Target.TargetDim, proj.Target.NumComponents, proj.Target.LowDim, proj.Target.NumIntervals, proj.Target.ProjSeed, proj.Evaluation.Subspace));
    }

    [Fact]
    public void Smoke_runs_both_readings_of_both_tasks_and_the_lie_task_on_three_seeds()
    {
        var cells = Cells("smoke");

        Assert.Equal(15, cells.Count);
        Assert.Equal(["first-recon-concat", "first-proj-concat", "final-recon-film", "final-proj-concat", "final-lie-concat"], cells.Select(c => c.Cell.Variant).Distinct());
    }

    [Fact]
    public void Every_variant_reports_every_metric_declared_for_it() =>
        // Each variant's own config shrunk to a second: names of metrics do not depend on sizes.
        File.AssertEveryVariantReportsItsDeclaredMetrics(config =>
        {
            config["target"]!["num_eval"] = 64;
            config["network"]!["hidden_dim"] = 8;
            config["training"]!["epochs"] = 1;
            config["evaluation"]!["pca_points"] = 32;
        }, seed: 0);
}
