using System.Text.Json.Nodes;
using Touchstone.Suites.Common;
using Touchstone.Suites.Physics;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Physics;

public sealed class PhysicsExperimentTests
{
    private static RecordingCellContext Run(JsonObject config, int seed = 1)
    {
        var context = new RecordingCellContext(config, seed);
        new PhysicsExperiment().Run(context);
        return context;
    }

    [Fact]
    public void Stage_one_of_a_smoke_sized_run_lowers_the_loss_and_beats_repeating_the_last_frame()
    {
        // The smoke profile's sizes: 256 trajectories, width 32, two blocks, 30 epochs per stage.
        var config = PhysicsTestConfigs.Tiny(epochsPerStage: 30, train: 256, width: 32, blocks: 2);
        config["data"]!["in_distribution_samples"] = 64;
        using var context = Run(config);

        var loss = context.Curve("train", "loss");
        var stageOne = loss.Take(30).ToList();
        Assert.True(stageOne[^1].Value < 0.5 * stageOne[0].Value, $"stage-1 loss {stageOne[0].Value:F4} → {stageOne[^1].Value:F4}");
        var model = context.Final("in_distribution", "mse_stage1");
        var repeat = context.Final("in_distribution", "repeat_mse");
        Assert.True(model < repeat, $"after stage 1: model {model:F4} vs repeat-last-frame {repeat:F4}");
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_curves_and_finals_and_another_seed_does_not()
    {
        using var first = Run(PhysicsTestConfigs.Tiny());
        using var again = Run(PhysicsTestConfigs.Tiny());
        using var other = Run(PhysicsTestConfigs.Tiny(), seed: 2);

        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.Curves, again.Curves);
        Assert.Equal(first.DataHash, again.DataHash);
        Assert.NotEqual(first.Final("extrapolation", "mse"), other.Final("extrapolation", "mse"));
        Assert.Equal(first.DataHash, other.DataHash); // the data belong to the data seed, not the training seed
    }

    [Fact]
    public void Reports_every_metric_after_every_stage_on_every_test_set_and_the_last_stage_unsuffixed()
    {
        using var context = Run(PhysicsTestConfigs.Tiny());

        foreach (var split in new[] { "in_distribution", "interpolation", "extrapolation", PhysicsExperiment.TrulyOutside })
        {
            for (var stage = 1; stage <= 4; stage++)
            {
                foreach (var metric in new[] { "source_accuracy", "source_mae", "mse", "mae", "mse_positions", "mse_velocities", "mse_energies", "mse_frame1", "mse_frame10" })
                {
                    _ = context.Final(split, $"{metric}_stage{stage}");
                }
            }
            Assert.Equal(context.Final(split, "mse_stage4"), context.Final(split, "mse"));
        }

        Assert.Equal(context.Final("extrapolation", "mse") / context.Final("in_distribution", "mse"), context.Final("extrapolation", "mse_ratio"), 12);
        Assert.InRange(context.Final("extrapolation", "source_accuracy"), 0, 1);
        Assert.Equal(1.0, context.Final("extrapolation", "outside_hull_fraction"));
    }

    [Fact]
    public void The_truly_outside_set_is_the_flagged_test_trajectories_of_every_set()
    {
        using var context = Run(PhysicsTestConfigs.Tiny());

        var sizes = new Dictionary<string, int> { ["in_distribution"] = 16, ["interpolation"] = 8, ["extrapolation"] = 16 };
        var flagged = sizes.Sum(s => context.Final(s.Key, "truly_outside_fraction") * s.Value);
        Assert.Equal(flagged, context.Final(PhysicsExperiment.TrulyOutside, "samples"), 9);
    }

    [Fact]
    public void Variants_train_alike_in_stage_one_and_differ_once_their_objectives_do()
    {
        using var source = Run(PhysicsTestConfigs.Tiny());
        using var slice = Run(PhysicsTestConfigs.Tiny(physicsLoss: "source_slice"));
        using var none = Run(PhysicsTestConfigs.Tiny(physicsLoss: "none"));
        using var single = Run(PhysicsTestConfigs.Tiny(curriculum: false));

        // Stage 1 is plain MSE at 1e-3 in all three curriculum variants: the same model.
        Assert.Equal(source.Final("extrapolation", "mse_stage1"), slice.Final("extrapolation", "mse_stage1"));
        Assert.Equal(source.Final("extrapolation", "mse_stage1"), none.Final("extrapolation", "mse_stage1"));
        // From stage 2 the physics loss (its columns, or its absence) changes the model.
        Assert.NotEqual(source.Final("extrapolation", "mse_stage2"), slice.Final("extrapolation", "mse_stage2"));
        Assert.NotEqual(source.Final("extrapolation", "mse_stage2"), none.Final("extrapolation", "mse_stage2"));
        Assert.All(none.Curve("train", "physics_weight"), p => Assert.Equal(0, p.Value));
        // Without the curriculum the physics loss is on from the first step, and training has the same steps.
        Assert.NotEqual(source.Final("extrapolation", "mse_stage1"), single.Final("extrapolation", "mse_stage1"));
        Assert.Equal(source.Curve("train", "loss").Select(p => p.Step), single.Curve("train", "loss").Select(p => p.Step));
        Assert.Equal(source.LastProgress, single.LastProgress);
    }

    [Fact]
    public void Domain_randomization_changes_training_from_stage_three_only_and_stays_reproducible_for_a_seed()
    {
        using var source = Run(PhysicsTestConfigs.Tiny());
        using var randomized = Run(PhysicsTestConfigs.Tiny(domainRandomization: 0.3));
        using var again = Run(PhysicsTestConfigs.Tiny(domainRandomization: 0.3));

        Assert.Equal(source.Final("extrapolation", "mse_stage2"), randomized.Final("extrapolation", "mse_stage2"));
        Assert.NotEqual(source.Final("extrapolation", "mse_stage3"), randomized.Final("extrapolation", "mse_stage3"));
        Assert.Equal(randomized.Finals, again.Finals);
        Assert.Equal(source.DataHash, randomized.DataHash); // the test sets and the recorded training set are unchanged
    }

    [Fact]
    public void Shuffling_changes_the_batch_order_and_stays_reproducible_for_a_seed()
    {
        var shuffled = PhysicsTestConfigs.Tiny();
        shuffled["training"]!["shuffle"] = true;

        using var fixedOrder = Run(PhysicsTestConfigs.Tiny());
        using var first = Run(shuffled);
        using var again = Run(shuffled.DeepClone().AsObject());

        Assert.NotEqual(fixedOrder.Final("extrapolation", "mse_stage1"), first.Final("extrapolation", "mse_stage1"));
        Assert.Equal(first.Finals, again.Finals);
    }

    [Fact]
    public void A_broken_config_is_refused_naming_every_bad_key()
    {
        var config = PhysicsTestConfigs.Tiny();
        config["data"]!["extrapolation_samples"] = 12;
        config["model"]!["heads"] = 3;
        config["training"]!["stage_lrs"] = new JsonArray(1e-3, 5e-4);
        config["training"]!["domain_randomization"] = 1.5;

        var error = Assert.Throws<ConfigException>(() => Run(config));

        Assert.Contains("data.extrapolation_samples", error.Message);
        Assert.Contains("model.width", error.Message);
        Assert.Contains("training.stage_lrs", error.Message);
        Assert.Contains("training.domain_randomization", error.Message);
    }
}
