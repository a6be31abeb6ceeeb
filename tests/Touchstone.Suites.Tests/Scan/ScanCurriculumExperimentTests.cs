using System.Text.Json.Nodes;
using Touchstone.Suites.Scan;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Scan;

public sealed class ScanCurriculumExperimentTests
{
    /// <summary>The curriculum's shape with a small model and a few hundred lines per stage.</summary>
    private static JsonObject Tiny(double firstLr = 1e-3, int epochs = 2) => new()
    {
        ["data"] = new JsonObject { ["split"] = "simple", ["data_seed"] = 1, ["test_limit"] = 40 },
        ["curriculum"] = new JsonObject
        {
            ["embedding"] = 16,
            ["hidden"] = 32,
            ["stage_lrs"] = new JsonArray(firstLr, 5e-4, 2e-4, 1e-4),
            ["epochs_per_stage"] = epochs,
            ["batch_size"] = 32,
            ["first_stage_examples"] = 100,
            ["stage_examples"] = 200,
            ["eval_sample"] = 20,
            ["max_decode_length"] = 60,
        },
    };

    private static RecordingCellContext Run(JsonObject config, int seed = 1)
    {
        var context = new RecordingCellContext(config, seed);
        new ScanCurriculumExperiment().Run(context);
        return context;
    }

    [Fact]
    public void Reports_finals_after_every_stage_and_curves_at_epoch_and_stage_ends()
    {
        using var context = Run(Tiny());

        // Stage 1: 100 lines = 4 batches of 32 (the last short); stages 2-4: 200 lines = 7 batches; two epochs each.
        long[] epochEnds = [4, 8, 15, 22, 29, 36, 43, 50];
        Assert.Equal(epochEnds, context.Curve("train", "loss").Select(p => p.Step));
        Assert.Equal([8L, 22L, 36L, 50L], context.Curve("test", "exact_match").Select(p => p.Step));
        Assert.Equal([8L, 22L, 36L, 50L], context.Curve("test", "token_accuracy").Select(p => p.Step));
        Assert.Equal((50L, 50L), context.LastProgress);
        string[] finals = ["test/exact_match_stage1", "test/token_accuracy_stage1", "test/exact_match_stage2", "test/token_accuracy_stage2",
            "test/exact_match_stage3", "test/token_accuracy_stage3", "test/exact_match_stage4", "test/token_accuracy_stage4",
            "test/exact_match", "test/token_accuracy", "train/exact_match", "train/token_accuracy"];
        Assert.Equal(finals, context.Finals.Select(f => $"{f.Split}/{f.Metric}"));
        Assert.Equal(context.Final("test", "exact_match_stage4"), context.Final("test", "exact_match"));
        Assert.All(context.Finals, f => Assert.InRange(f.Value, 0.0, 1.0));
        Assert.True(context.Curve("train", "loss")[^1].Value < context.Curve("train", "loss")[0].Value, "the training loss did not fall");
    }

    [Fact]
    public void Same_seed_gives_bit_identical_values_and_another_seed_trains_differently_on_the_same_data()
    {
        var config = Tiny(epochs: 1);
        using var first = Run(config, seed: 5);
        using var again = Run(config, seed: 5);
        using var other = Run(config, seed: 6);

        Assert.Equal(first.Curves, again.Curves);
        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.DataHash, other.DataHash);
        Assert.NotEqual(first.Curve("train", "loss").Select(p => p.Value), other.Curve("train", "loss").Select(p => p.Value));
    }

    [Fact]
    public void Diverging_loss_ends_the_cell_with_nan_finals_not_an_exception()
    {
        using var context = Run(Tiny(firstLr: 1e30, epochs: 1));

        Assert.False(double.IsFinite(context.Curve("train", "loss")[^1].Value));
        Assert.True(double.IsNaN(context.Final("test", "exact_match")));
        Assert.True(double.IsNaN(context.Final("train", "token_accuracy")));
        Assert.Contains(context.Messages, m => m.Contains("diverged", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_config_names_every_broken_key()
    {
        var config = Tiny();
        config["curriculum"]!["stage_lrs"] = new JsonArray(1e-3, -1.0);
        config["curriculum"]!["batch_size"] = 0;

        var error = Assert.Throws<Touchstone.Suites.Common.ConfigException>(() => Run(config));
        Assert.Contains("curriculum.stage_lrs", error.Message, StringComparison.Ordinal);
        Assert.Contains("curriculum.batch_size", error.Message, StringComparison.Ordinal);
    }
}
