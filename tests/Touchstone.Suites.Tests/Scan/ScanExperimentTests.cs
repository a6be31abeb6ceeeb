using System.Text.Json.Nodes;
using Touchstone.Suites.Scan;
using Touchstone.Suites.Tests.Support;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Scan;

public sealed class ScanExperimentTests
{
    private static RecordingCellContext Run(JsonObject config, int seed = 1)
    {
        var context = new RecordingCellContext(config, seed);
        new ScanExperiment().Run(context);
        return context;
    }

    [Fact]
    public void Short_cpu_run_learns_the_simple_splits_one_clause_training_commands()
    {
        // The commonest shapes of SCAN: one verb phrase with its modifiers (walk, jump left, run around right
        // thrice, ...), the parts every longer command is built from. Trials on the simple split's 87 one-clause
        // training lines (each drawn ~17 times) teach a small model most of them; the untrained model gets none.
        TorchRuntime.SetDeterministic(threads: 1);
        var train = ScanSplits.Build(ScanSplit.Simple, dataSeed: 1).Train;
        var oneClause = train.Where(e => !e.Contains("and") && !e.Contains("after")).ToList();
        var seeds = new Touchstone.Suites.Common.SeededRandom(7);
        using var init = new Generator(1);
        using var dropout = new Generator(2);
        using var model = new ScanModel(new ScanModelConfig(32, 64, 1, 0.0), ScanVocabulary.Input.Count, ScanVocabulary.Output.Count, init, dropout);
        using var trial = new ScanTrial(model, lr: 3e-3, clipNorm: 5.0);

        var before = Score(model, oneClause);
        for (var i = 0; i < 1500; i++)
        {
            using var scope = DisposeScope.Begin();
            var example = oneClause[seeds.NextInt(oneClause.Count)];
            trial.Run(Column(ScanVocabulary.EncodeCommand(example.Command)), Column(ScanVocabulary.EncodeActions(example.Actions)),
                teacherForced: seeds.Bernoulli(0.5));
        }
        var after = Score(model, oneClause);

        Assert.Equal(0.0, before.ExactMatch);
        Assert.True(after.ExactMatch > 0.5, $"exact match on the {oneClause.Count} one-clause training commands is {after.ExactMatch:F3}");
        Assert.True(after.TokenAccuracy > before.TokenAccuracy);
    }

    private static Tensor Column(long[] ids) => Tensor.From(ids, [ids.Length, 1]);

    private static ScanScore Score(ScanModel model, IReadOnlyList<ScanExample> examples) =>
        ScanDecoding.Score(model, examples, 60, Device.Cpu);

    [Fact]
    public void Reports_the_declared_finals_and_curves_and_the_length_split_by_target_length()
    {
        using var context = Run(ScanTestConfigs.Tiny(split: "length", trials: 200));

        Assert.Equal(["exact_match", "token_accuracy"], context.Finals.Where(f => f.Split == "train").Select(f => f.Metric));
        var byLength = context.Finals.Where(f => f.Split == "test" && f.Metric.StartsWith("exact_match_len", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(byLength);
        Assert.All(byLength, f => Assert.True(int.Parse(f.Metric["exact_match_len".Length..]) > ScanSplits.LengthCut));
        Assert.All(context.Finals, f => Assert.InRange(f.Value, 0.0, 1.0));
        Assert.Equal([100L, 200L], context.Curve("test", "exact_match").Select(p => p.Step));
        Assert.Equal([100L, 200L], context.Curve("train", "loss").Select(p => p.Step));
        Assert.Equal((200L, 200L), context.LastProgress);
    }

    [Fact]
    public void Other_splits_report_no_by_length_table()
    {
        using var context = Run(ScanTestConfigs.Tiny(split: "add_prim_jump", trials: 100));

        Assert.Equal(["exact_match", "token_accuracy"], context.Finals.Where(f => f.Split == "test").Select(f => f.Metric));
    }

    [Fact]
    public void Same_cell_and_seed_give_bit_identical_values_and_another_seed_trains_differently_on_the_same_data()
    {
        var config = ScanTestConfigs.Tiny(trials: 200);
        using var first = Run(config, seed: 5);
        using var again = Run(config, seed: 5);
        using var other = Run(config, seed: 6);

        Assert.Equal(first.Curves, again.Curves);
        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.DataHash, again.DataHash);
        Assert.Equal(["train.lines", "test.lines"], first.DataPieces);
        Assert.Equal(first.DataHash, other.DataHash);
        Assert.NotEqual(first.Curve("train", "loss").Select(p => p.Value), other.Curve("train", "loss").Select(p => p.Value));
    }

    [Fact]
    public void Diverging_loss_surfaces_as_a_non_finite_curve_point_and_nan_finals_not_an_exception()
    {
        using var context = Run(ScanTestConfigs.Tiny(trials: 200, lr: 1e30));

        Assert.False(double.IsFinite(context.Curve("train", "loss")[^1].Value));
        Assert.True(double.IsNaN(context.Final("test", "exact_match")));
        Assert.Contains(context.Messages, m => m.Contains("diverged", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_config_names_the_key()
    {
        var config = ScanTestConfigs.Tiny();
        config["training"]!["max_decode_length"] = 20;

        var error = Assert.Throws<Touchstone.Suites.Common.ConfigException>(() => Run(config));
        Assert.Contains("training.max_decode_length", error.Message, StringComparison.Ordinal);
    }
}
