using System.Text.Json.Nodes;
using Touchstone.Suites.Analogy;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Analogy;

public sealed class AnalogyExperimentTests
{
    private static RecordingCellContext Run(JsonObject config, int seed = 1)
    {
        var context = new RecordingCellContext(config, seed);
        new AnalogyExperiment().Run(context);
        return context;
    }

    [Fact]
    public void Short_cpu_run_memorizes_the_id_atomic_facts()
    {
        // The recorded run's model and optimizer (2 layers, lr 1e-2, weight decay 0.01) on the source's default graph
        // (149 training facts, 3 steps per epoch), for 30 epochs; the recorded run had every ID atomic fact right by
        // epoch 20. At this learning rate ACC still flickers by a fact or two after first reaching 1.
        using var context = Run(AnalogyTestConfigs.Default(epochs: 30, layers: 2));

        Assert.Equal(1.0, context.Final("id_atomic", "acc_peak"));
        Assert.InRange(context.Final("id_atomic", "emergence_epoch"), 1, 30);
        Assert.True(context.Final("id_atomic", "acc") >= 0.95, $"final id_atomic ACC {context.Final("id_atomic", "acc")}");
        var loss = context.Curve("train", "loss");
        Assert.True(loss[^1].Value < loss[0].Value / 10, $"train loss went from {loss[0].Value} to {loss[^1].Value}");
        Assert.Equal((90L, 90L), context.LastProgress);
    }

    [Fact]
    public void Empty_splits_are_reported_as_empty_and_every_other_split_has_every_metric()
    {
        using var context = Run(AnalogyTestConfigs.Default(epochs: 2));

        foreach (var split in new[] { "ood_atomic", "far_ood_compositional" })
        {
            Assert.Equal(0, context.Final(split, "n"));
            Assert.Equal(["n"], context.Finals.Where(f => f.Split == split).Select(f => f.Metric));
            Assert.DoesNotContain(context.Curves, c => c.Split == split);
        }
        foreach (var (split, n) in new[] { ("id_atomic", 40), ("id_compositional", 106), ("near_ood_compositional", 14), ("id_analogical", 3), ("ood_analogical", 2) })
        {
            Assert.Equal(n, context.Final(split, "n"));
            var metrics = context.Finals.Where(f => f.Split == split).Select(f => f.Metric).ToArray();
            Assert.Equal(["n", "ce", "ppl", "acc", "prob", "acc_peak", "emerged"], metrics[..7]);
            Assert.Equal(context.Final(split, "emerged") == 1 ? ["emergence_epoch"] : [], metrics[7..]);
            Assert.Equal([1L, 2L], context.Curve(split, "acc").Select(p => p.Step));
            Assert.Equal(Math.Exp(Math.Min(20, context.Final(split, "ce"))), context.Final(split, "ppl"));
        }
        Assert.InRange(context.Final("functor", "dirichlet_energy"), 0, 4);
        // Two epochs at this rate learn nothing of the held-out analogies: not emerged, and no NaN to mark the cell diverged.
        Assert.Equal(0, context.Final("ood_analogical", "emerged"));
        Assert.Contains(context.Messages, m => m.StartsWith("ood_analogical: ACC never reached", StringComparison.Ordinal));
        Assert.All(context.Finals, f => Assert.False(double.IsNaN(f.Value), $"{f.Split}/{f.Metric} is NaN"));
    }

    [Fact]
    public void Held_out_atomic_facts_give_scored_ood_and_far_ood_splits()
    {
        using var context = Run(AnalogyTestConfigs.Default(epochs: 1, atomicOod: 0.2));

        Assert.Equal(4, context.Final("ood_atomic", "n"));
        Assert.Equal(22, context.Final("far_ood_compositional", "n"));
        Assert.Single(context.Curve("far_ood_compositional", "ce"));
    }

    [Fact]
    public void Same_cell_and_seed_give_bit_identical_values_and_another_seed_trains_differently_on_the_same_data()
    {
        var config = AnalogyTestConfigs.Default(epochs: 2);
        using var first = Run(config, seed: 5);
        using var again = Run(config, seed: 5);
        using var other = Run(config, seed: 6);

        Assert.Equal(first.Curves, again.Curves);
        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.DataHash, again.DataHash);
        Assert.Equal(first.DataHash, other.DataHash);
        Assert.NotEqual(first.Final("id_atomic", "ce"), other.Final("id_atomic", "ce"));
    }

    [Fact]
    public void Diverging_loss_surfaces_as_a_non_finite_curve_point_and_nan_finals_not_an_exception()
    {
        using var context = Run(AnalogyTestConfigs.Default(epochs: 3, lr: 1e30));

        Assert.False(double.IsFinite(context.Curve("train", "loss")[^1].Value));
        Assert.True(double.IsNaN(context.Final("id_atomic", "ce")));
        Assert.True(double.IsNaN(context.Final("functor", "dirichlet_energy")));
        Assert.Contains(context.Messages, m => m.Contains("diverged", StringComparison.Ordinal));
    }
}
