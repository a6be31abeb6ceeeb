using System.Text.Json.Nodes;
using Touchstone.Suites.Spectral;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Spectral;

public sealed class SpectralExperimentTests
{
    private static RecordingCellContext Run(JsonObject config, int seed = 123)
    {
        var context = new RecordingCellContext(config, seed);
        new SpectralExperiment().Run(context);
        return context;
    }

    [Fact]
    public void Short_cpu_run_reduces_the_loss_and_beats_the_constant_predictor_in_distribution()
    {
        // 384 spectra in batches of 32 for 9 epochs: 108 steps, evaluated every floor(108 · 0.05) = 5 steps and
        // at the last one, as the source schedules its checkpoints.
        using var context = Run(SpectralTestConfigs.Tiny(epochs: 9));

        var loss = context.Curve("train", "loss");
        Assert.Equal([.. Enumerable.Range(1, 21).Select(i => 5L * i), 108L], loss.Select(p => p.Step));
        Assert.True(loss[^1].Value < loss[0].Value / 4, $"train loss went from {loss[0].Value} to {loss[^1].Value}");
        var idMse = context.Final("id", "mse");
        Assert.True(idMse < context.Final("id", "mse_constant"),
            $"id MSE {idMse} does not beat the constant predictor's {context.Final("id", "mse_constant")}");
        Assert.Equal((108L, 108L), context.LastProgress);
    }

    [Fact]
    public void Reports_every_declared_metric_per_split_and_the_gap()
    {
        using var context = Run(SpectralTestConfigs.Tiny(epochs: 2));

        foreach (var split in new[] { "train", "id", "ood" })
        {
            string[] gap = split == "ood" ? ["gap", "mse_gap", "mae_gap", "r2_gap"] : [];
            Assert.Equal(
                ["mse", "mse_constant", "mae", "r2", "mse_comp4", "r2_comp4", "mse_comp10", "r2_comp10", .. gap],
                context.Finals.Where(f => f.Split == split).Select(f => f.Metric));
        }
        Assert.Equal(context.Final("ood", "mse") / context.Final("id", "mse"), context.Final("ood", "gap"));
        Assert.Equal(context.Final("ood", "mse") - context.Final("id", "mse"), context.Final("ood", "mse_gap"));
        Assert.Equal(context.Final("ood", "mae") - context.Final("id", "mae"), context.Final("ood", "mae_gap"));
        Assert.Equal(context.Final("id", "r2") - context.Final("ood", "r2"), context.Final("ood", "r2_gap"));
        Assert.All(context.Finals, f => Assert.True(double.IsFinite(f.Value), $"{f.Split}/{f.Metric} = {f.Value}"));
        Assert.Equal(
            ["train", "id", "ood"],
            context.Curves.Where(c => c.Metric.StartsWith("mse", StringComparison.Ordinal) || c.Metric == "loss").Select(c => c.Split).Distinct());
        Assert.NotEmpty(context.Curve("ood", "mse_comp10"));
    }

    [Fact]
    public void Same_cell_and_seed_give_bit_identical_values_and_another_seed_trains_differently_on_the_same_data()
    {
        var config = SpectralTestConfigs.Tiny(epochs: 2);
        using var first = Run(config, seed: 5);
        using var again = Run(config, seed: 5);
        using var other = Run(config, seed: 6);

        Assert.Equal(first.Curves, again.Curves);
        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.DataHash, again.DataHash);
        Assert.Equal(["train.spectra", "train.abundances", "id.spectra", "id.abundances", "ood.spectra", "ood.abundances"], first.DataPieces);

        Assert.Equal(first.DataHash, other.DataHash);
        Assert.NotEqual(first.Final("ood", "mse"), other.Final("ood", "mse"));
    }

    [Fact]
    public void Diverging_loss_surfaces_as_a_non_finite_curve_point_and_nan_finals_not_an_exception()
    {
        using var context = Run(SpectralTestConfigs.Tiny(epochs: 3, lr: 1e30));

        var last = context.Curve("train", "loss")[^1];
        Assert.False(double.IsFinite(last.Value));
        Assert.True(last.Step < 36, "training stops at the first non-finite loss");
        Assert.True(double.IsNaN(context.Final("ood", "mse")));
        Assert.True(double.IsNaN(context.Final("id", "r2_comp10")));
        Assert.Contains(context.Messages, m => m.Contains("diverged", StringComparison.Ordinal));
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement_and_restores_the_best_epoch()
    {
        // eval_ratio 0.05 over 20 epochs puts an evaluation at every epoch end, so the id curve is exactly what
        // early stopping sees.
        using var context = Run(SpectralTestConfigs.Tiny(epochs: 20, patience: 1, lr: 2e-2));

        var id = context.Curve("id", "mse");
        var bestEpoch = (int)context.Final("train", "best_epoch");
        Assert.True(id.Count < 20, "with patience 1 this run stops before its 20 epochs: " + string.Join(", ", id.Select(p => p.Value)));
        Assert.Equal(bestEpoch + 1, id.Count);
        Assert.Equal(id.Min(p => p.Value), id[bestEpoch - 1].Value);
        Assert.Equal(id[bestEpoch - 1].Value, context.Final("id", "mse"));
    }

    [Fact]
    public void Cancellation_stops_the_cell_between_steps()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var context = new RecordingCellContext(SpectralTestConfigs.Tiny(epochs: 2), 1) { CancellationToken = cancelled.Token };
        Assert.ThrowsAny<OperationCanceledException>(() => new SpectralExperiment().Run(context));
    }
}
