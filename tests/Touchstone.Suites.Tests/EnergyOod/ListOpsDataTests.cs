using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.ListOps;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class ListOpsDataTests
{
    // Our extension's tokens (parentheses stripped, no cut), whose lengths are the generator's length bounds.
    private static readonly ListOpsDataConfig Toy = new() { NTrain = 400, NVal = 100, NTest = 100, KeepParentheses = false, MaxTokens = null };

    // The toy source's tokens: parentheses kept, cut to 500.
    private static readonly ListOpsDataConfig Source = new() { NTrain = 400, NVal = 100, NTest = 100 };

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
    public void The_source_tokenizer_keeps_the_parentheses_with_the_sources_ids_and_cuts_to_max_tokens()
    {
        const string lra = "( ( ( ( [MAX 2 ) 9 ) ( ( ( [MIN 4 ) 7 ) ] ) ) ] )";

        var all = Tokenizer.EncodeSource(lra, null);

        // data/listops_generator.py create_vocab: [PAD] 0, [MIN 1, [MAX 2, [MED 3, [SM 4, ] 5, ( 6, ) 7, digits 8-17.
        Assert.Equal(lra.Split(' ').Length, all.Length);
        Assert.Equal([6, 6, 6, 6, 2, 10, 7, 17, 7], all[..9]);
        Assert.Equal(all[..5], Tokenizer.EncodeSource(lra, 5));
        Assert.Equal(18, Tokenizer.SizeFor(keepParentheses: true));
        Assert.Equal(16, Tokenizer.SizeFor(keepParentheses: false));
    }

    [Fact]
    public void Source_tokens_cut_most_expressions_of_the_toys_own_lengths_to_500()
    {
        var samples = new ListOpsGenerator(Source, new SeededRandom(7)).Unique(300);
        var stripped = samples.Select(s => Tokenizer.Encode(s.Lra).Length).ToList();

        Assert.All(stripped, length => Assert.InRange(length, 50, 500));           // bounds hold without parentheses
        Assert.All(samples, s => Assert.True(s.Length <= 500 && s.FullLength > Tokenizer.Encode(s.Lra).Length));
        Assert.All(samples.Where(s => s.Truncated), s => Assert.Equal(500, s.Length));
        Assert.InRange(samples.Count(s => s.Truncated) / 300.0, 0.5, 0.95);       // the "about three quarters"
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
