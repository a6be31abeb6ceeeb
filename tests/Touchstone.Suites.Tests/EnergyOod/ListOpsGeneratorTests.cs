using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.ListOps;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class ListOpsGeneratorTests
{
    private static readonly ListOpsDataConfig Toy = new() { NTrain = 400, NVal = 100, NTest = 100 };

    [Fact]
    public void Serializes_as_LRA_does_and_the_tokenizer_strips_the_parentheses()
    {
        var tree = new OperatorNode(ListOpsOperator.Max, [new DigitNode(2), new DigitNode(9), new OperatorNode(ListOpsOperator.Min, [new DigitNode(4), new DigitNode(7)])]);

        var lra = ListOpsTree.ToLraString(tree);

        Assert.Equal("( ( ( ( [MAX 2 ) 9 ) ( ( ( [MIN 4 ) 7 ) ] ) ) ] )", lra);
        Assert.Equal("[MAX 2 9 [MIN 4 7 ] ]", Tokenizer.Decode(Tokenizer.Encode(lra)));
        Assert.Equal(3, tree.Depth);
        Assert.Equal(9, tree.Value());
    }

    [Fact]
    public void Every_sample_is_within_its_length_bounds_and_depth_limit()
    {
        var splits = ListOpsGenerator.Generate(Toy, seed: 1);
        var all = splits.Train.Concat(splits.Val).Concat(splits.Test).ToList();

        Assert.Equal(600, all.Count);
        Assert.All(all, s => Assert.InRange(s.Length, 50, 500));
        Assert.All(all, s => Assert.InRange(s.Depth, 2, 10));
        Assert.Contains(all, s => s.Depth >= 5); // the limit is reached for, not trivially met
    }

    [Fact]
    public void Strict_bounds_exclude_both_ends_and_inclusive_bounds_reach_them()
    {
        var strict = new ListOpsGenerator(Toy with { MinLength = 5, MaxLength = 9, StrictBounds = true }, new SeededRandom(2)).Unique(200);
        var inclusive = new ListOpsGenerator(Toy with { MinLength = 5, MaxLength = 9 }, new SeededRandom(2)).Unique(200);

        Assert.All(strict, s => Assert.InRange(s.Length, 6, 8));
        Assert.All(inclusive, s => Assert.InRange(s.Length, 5, 9));
        Assert.Contains(inclusive, s => s.Length == 5);
        Assert.Contains(inclusive, s => s.Length == 9);
    }

    [Fact]
    public void Labels_agree_with_the_independent_evaluator()
    {
        var splits = ListOpsGenerator.Generate(Toy, seed: 3);

        foreach (var sample in splits.Train.Concat(splits.Val).Concat(splits.Test))
        {
            Assert.Equal(sample.Label, ListOpsEvaluator.Evaluate(sample.Tokens));
            Assert.Equal(sample.Label, ListOpsEvaluator.Evaluate(sample.Lra));
        }
        // Every operator and several classes occur, so the agreement covers them all.
        var texts = string.Join(' ', splits.Train.Select(s => Tokenizer.Decode(s.Tokens)));
        Assert.All(new[] { "[MIN", "[MAX", "[MED", "[SM" }, op => Assert.Contains(op, texts));
        Assert.True(splits.Train.Select(s => s.Label).Distinct().Count() >= 8);
    }

    [Fact]
    public void No_expression_appears_twice_within_or_across_splits()
    {
        var splits = ListOpsGenerator.Generate(Toy with { MinLength = 3, MaxLength = 7 }, seed: 4);
        var all = splits.Train.Concat(splits.Val).Concat(splits.Test).Select(s => Tokenizer.Decode(s.Tokens)).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var a = ListOpsGenerator.Generate(Toy, seed: 5).Train.Select(s => s.Lra).ToList();
        var b = ListOpsGenerator.Generate(Toy, seed: 5).Train.Select(s => s.Lra).ToList();
        var c = ListOpsGenerator.Generate(Toy, seed: 6).Train.Select(s => s.Lra).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Impossible_bounds_fail_with_a_message_naming_the_setting()
    {
        var tooFew = Toy with { MinLength = 1, MaxLength = 1, NTrain = 20 }; // only ten single digits exist

        var error = Assert.Throws<InvalidOperationException>(() => ListOpsGenerator.Generate(tooFew, seed: 0));

        Assert.Contains("list_ops.min_length/max_length", error.Message);
    }

    [Fact]
    public void Invalid_settings_are_rejected_before_generating()
    {
        var error = Assert.Throws<ArgumentException>(() => new ListOpsGenerator(Toy with { MaxArgs = 1 }, new SeededRandom(0)));

        Assert.Contains("max_args >= 2", error.Message);
    }
}
