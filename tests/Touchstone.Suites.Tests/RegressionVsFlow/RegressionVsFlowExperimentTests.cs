using Touchstone.Suites.RegressionVsFlow;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

public sealed class RegressionVsFlowExperimentTests
{
    private static readonly Mode[] AllModes = [Mode.Regression, Mode.Flow, Mode.StraightFlow, Mode.Mip, Mode.MipOneStep];

    private static RecordingCellContext Run(RegressionVsFlowConfig config, int seed = 0)
    {
        var context = new RecordingCellContext(RvfJson.Of(config), seed);
        new RegressionVsFlowExperiment().Run(context);
        return context;
    }

    [Theory]
    [InlineData(InitialDist.Zeros, Architecture.Concat, LossType.L2)]
    [InlineData(InitialDist.Gaussian, Architecture.Film, LossType.L1)]
    public void Short_cpu_run_of_every_mode_lowers_its_loss_and_beats_the_constant_predictor(InitialDist initial, Architecture architecture, LossType loss)
    {
        using var context = Run(RvfTestConfigs.Small(RvfTestConfigs.Recon(), AllModes, epochs: 400, initial: initial, loss: loss, architecture: architecture));

        var constant = context.Final("constant", "rmse");
        foreach (var mode in AllModes.Select(Modes.Name))
        {
            var curve = context.Curve(mode, "loss");
            Assert.True(curve[^1].Value < curve[0].Value * 0.7, $"{mode}: loss went from {curve[0].Value} to {curve[^1].Value}");
            var rmse = context.Final(mode, "rmse");
            Assert.True(rmse < constant * 0.7, $"{mode}: RMSE {rmse} against the constant predictor's {constant}");
        }
        // Flow matching's target velocity is noisy (x1 − x0 at a random t), so it learns slowest; regression is
        // well below the constant predictor already.
        Assert.True(context.Final("regression", "rmse") < constant / 3, $"regression RMSE {context.Final("regression", "rmse")}");
        Assert.Equal((4000L, 4000L), context.LastProgress);
    }

    [Fact]
    public void Reports_each_modes_metrics_extra_step_counts_only_for_integrating_modes_and_the_ratio_to_regression()
    {
        using var context = Run(RvfTestConfigs.Small(RvfTestConfigs.FirstProj(), AllModes, epochs: 3, SubspaceMetrics.Pca));

        Assert.Equal(["l1", "rmse", "l1_steps4", "rmse_steps4", "train_loss", "alignment_error", "explained_variance", "rmse_over_regression"],
            context.Finals.Where(f => f.Split == "flow").Select(f => f.Metric));
        Assert.Equal(["l1", "rmse", "train_loss", "alignment_error", "explained_variance"],
            context.Finals.Where(f => f.Split == "regression").Select(f => f.Metric));
        Assert.Equal(["l1", "rmse", "train_loss", "alignment_error", "explained_variance", "rmse_over_regression"],
            context.Finals.Where(f => f.Split == "mip").Select(f => f.Metric));
        Assert.Equal(context.Final("flow", "rmse") / context.Final("regression", "rmse"), context.Final("flow", "rmse_over_regression"));
        Assert.Equal([3L], context.Curve("flow", "rmse").Select(p => p.Step));
    }

    [Fact]
    public void Final_reading_reports_the_interval_metrics()
    {
        var target = RvfTestConfigs.FinalProj();
        using var context = Run(RvfTestConfigs.Small(target, [Mode.Regression], epochs: 2, SubspaceMetrics.Intervals));

        foreach (var metric in new[] { "subspace_diag", "subspace_offdiag", "boundary", "subspace_diag_aligned", "subspace_offdiag_aligned" })
        {
            Assert.InRange(context.Final("regression", metric), 0.0, 1.0);
        }
        Assert.Contains("projection.9", context.DataPieces);
    }

    [Fact]
    public void Lie_task_learns_its_rotations_and_reports_the_sources_rotation_metrics()
    {
        var config = RvfTestConfigs.Small(RvfTestConfigs.Lie(), [Mode.Regression, Mode.Flow], epochs: 300) with { Lie = RvfTestConfigs.So2() };
        using var context = Run(config);

        // The weights' high frequencies (primes up to 719) cannot be learned from 50 points: the source's own errors
        // sit at the constant predictor's level (report.tex, lie tables: L2 ≈ 1.55). What is learned is the
        // rotation's direction, which the perpendicular error measures.
        var loss = context.Curve("regression", "loss");
        Assert.True(loss[^1].Value < loss[0].Value, $"regression loss went from {loss[0].Value} to {loss[^1].Value}");
        foreach (var mode in new[] { "regression", "flow" })
        {
            Assert.InRange(context.Final(mode, "avg_perp_error"), 0.0, 1.0);
            Assert.InRange(context.Final(mode, "max_perp_error"), context.Final(mode, "avg_perp_error"), 1.0);
            Assert.InRange(context.Final(mode, "min_cos_similarity"), -1.0, context.Final(mode, "avg_cos_similarity"));
        }
        // Regression fits the 16-dimensional rotations far better than chance: most of each predicted pair lies on
        // its rotation's line (a random direction would be off it by 2/π ≈ 0.64 on average).
        Assert.True(context.Final("regression", "avg_perp_error") < 0.4, $"regression perpendicular error {context.Final("regression", "avg_perp_error")}");
    }

    [Fact]
    public void Lie_task_without_its_rotations_names_the_missing_section()
    {
        var config = RvfTestConfigs.Small(RvfTestConfigs.Lie(), [Mode.Regression], epochs: 1);

        var error = Assert.ThrowsAny<Exception>(() => Run(config));

        Assert.Contains("lie", error.Message);
        Assert.Contains("target.task: lie", error.Message);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_metrics_and_modes_do_not_disturb_each_other()
    {
        var config = RvfTestConfigs.Small(RvfTestConfigs.Recon(), [Mode.Regression, Mode.Flow], epochs: 20, initial: InitialDist.Gaussian);
        using var first = Run(config, seed: 4);
        using var second = Run(config, seed: 4);
        using var flowOnly = Run(config with { Training = config.Training with { Modes = [Mode.Flow] } }, seed: 4);
        using var otherSeed = Run(config, seed: 5);

        Assert.Equal(first.Finals, second.Finals);
        Assert.Equal(first.Final("flow", "rmse"), flowOnly.Final("flow", "rmse"));
        Assert.NotEqual(first.Final("flow", "rmse"), otherSeed.Final("flow", "rmse"));
        Assert.Equal(first.DataHash, otherSeed.DataHash);
    }

    [Fact]
    public void Regression_and_flow_modes_start_from_the_same_weights_when_the_network_has_the_same_shape()
    {
        // mip_one_step's network has regression's shape (no t input) and, evaluated from x0 = 0, computes what
        // regression does; with a vanishing learning rate both keep their initial weights, so equal scores mean
        // equal initial weights (the source seeds once before building the model of every mode).
        var config = RvfTestConfigs.Small(RvfTestConfigs.Recon(), [Mode.Regression, Mode.MipOneStep], epochs: 1);
        var frozen = config with { Training = config.Training with { Lr = 1e-12 } };
        using var context = Run(frozen);

        Assert.Equal(context.Final("regression", "rmse"), context.Final("mip_one_step", "rmse"), 6);
    }

    [Fact]
    public void Invalid_config_names_the_key_and_the_rule()
    {
        var config = RvfTestConfigs.Small(RvfTestConfigs.Recon(), [Mode.Flow], epochs: 1, SubspaceMetrics.Pca);

        var error = Assert.ThrowsAny<Exception>(() => Run(config));

        Assert.Contains("evaluation.subspace", error.ToString());
        Assert.Contains("recon", error.ToString());
    }
}
