using Touchstone.Suites.Common;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>One ListOps example.</summary>
/// <param name="Lra">The LRA serialization, parentheses included.</param>
/// <param name="Tokens">The model's token ids (see <see cref="Tokenizer"/>), cut to <see cref="ListOpsDataConfig.MaxTokens"/>.</param>
/// <param name="Label">The value of the expression (the class, 0–9), computed on the tree.</param>
/// <param name="Depth">Levels of the tree (a lone digit has depth 1).</param>
/// <param name="FullLength">Tokens of the whole expression before any cut.</param>
public sealed record ListOpsSample(string Lra, int[] Tokens, int Label, int Depth, int FullLength)
{
    /// <summary>Tokens the model sees.</summary>
    public int Length => Tokens.Length;

    /// <summary>Whether the cut to <see cref="ListOpsDataConfig.MaxTokens"/> removed part of the expression.</summary>
    public bool Truncated => FullLength > Tokens.Length;
}

/// <summary>The three ListOps splits, disjoint.</summary>
/// <param name="Train">Training examples.</param>
/// <param name="Val">Validation examples (early stopping).</param>
/// <param name="Test">Test examples.</param>
public sealed record ListOpsSplits(IReadOnlyList<ListOpsSample> Train, IReadOnlyList<ListOpsSample> Val, IReadOnlyList<ListOpsSample> Test);

/// <summary>
/// Random ListOps trees by the Long-Range-Arena rules (lra_benchmarks/data/listops.py): a node above the depth limit
/// is an operator with probability <see cref="ListOpsDataConfig.OperatorProbability"/>, else a uniform digit; nodes
/// at the depth limit are digits; an operator takes a uniform 2..max_args arguments, then a uniform operator. Trees
/// are kept only inside the length bounds and only once: the splits are cut from one de-duplicated set, as in LRA.
/// </summary>
public sealed class ListOpsGenerator
{
    private static readonly ListOpsOperator[] Operators = Enum.GetValues<ListOpsOperator>();
    private readonly ListOpsDataConfig _config;
    private readonly SeededRandom _random;

    /// <summary>A generator drawing from <paramref name="random"/>.</summary>
    public ListOpsGenerator(ListOpsDataConfig config, SeededRandom random)
    {
        Validate(config);
        _config = config;
        _random = random;
    }

    /// <summary>Generates the three splits from <paramref name="seed"/>.</summary>
    public static ListOpsSplits Generate(ListOpsDataConfig config, long seed)
    {
        var generator = new ListOpsGenerator(config, new SeededRandom((ulong)seed).Fork("listops"));
        var all = generator.Unique(config.NTrain + config.NVal + config.NTest);
        return new ListOpsSplits(all[..config.NTrain], all[config.NTrain..(config.NTrain + config.NVal)], all[(config.NTrain + config.NVal)..]);
    }

    /// <summary>Draws <paramref name="count"/> distinct trees inside the length bounds, in the order found.</summary>
    public ListOpsSample[] Unique(int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<ListOpsSample>(count);
        // About 1 draw in 18 lands in the toy's bounds and 1 in 12 in LRA's: 200 draws per example is ample.
        var maxAttempts = Math.Max(10_000L, 200L * count);
        for (long attempt = 0; samples.Count < count; attempt++)
        {
            if (attempt == maxAttempts)
            {
                throw new InvalidOperationException(
                    $"list_ops: only {samples.Count} of {count} distinct trees with length in {BoundsText()} after {maxAttempts} draws; " +
                    "widen list_ops.min_length/max_length, raise max_depth or max_args, or ask for fewer examples");
            }
            var length = 0;
            if (Tree(depth: 1, ref length) is not { } tree || !InBounds(length))
            {
                continue;
            }
            var lra = ListOpsTree.ToLraString(tree);
            if (seen.Add(lra))
            {
                samples.Add(Sample(lra, tree));
            }
        }
        return [.. samples];
    }

    // Tokens as the source makes them (parentheses kept) or as ours (stripped), cut to max_tokens either way.
    private ListOpsSample Sample(string lra, ListOpsNode tree)
    {
        var full = _config.KeepParentheses ? Tokenizer.EncodeSource(lra, null) : Tokenizer.Encode(lra);
        var tokens = _config.MaxTokens is { } max && full.Length > max ? full[..max] : full;
        return new ListOpsSample(lra, tokens, tree.Value(), tree.Depth, full.Length);
    }

    /// <summary>Whether a tree of <paramref name="length"/> tokens is kept.</summary>
    public bool InBounds(int length) =>
        _config.StrictBounds
            ? length > _config.MinLength && length < _config.MaxLength
            : length >= _config.MinLength && length <= _config.MaxLength;

    /// <summary>
    /// One random tree, LRA's <c>generate_tree(depth, max_depth, max_args)</c>, adding its length to
    /// <paramref name="length"/>. A draw is abandoned (null) as soon as it outgrows the upper bound: every draw is
    /// independent, so stopping one that would be discarded anyway leaves the kept trees' distribution unchanged.
    /// </summary>
    public ListOpsNode? Tree(int depth, ref int length)
    {
        var r = depth < _config.MaxDepth ? _random.NextDouble() : 1.0;
        if (r > _config.OperatorProbability)
        {
            length += 1;
            return new DigitNode(_random.NextInt(10));
        }
        var count = _random.NextInt(2, _config.MaxArgs);
        var arguments = new ListOpsNode[count];
        length += 2; // the operator and its closing ]
        for (var i = 0; i < count; i++)
        {
            if (length > _config.MaxLength || Tree(depth + 1, ref length) is not { } argument)
            {
                return null;
            }
            arguments[i] = argument;
        }
        return length > _config.MaxLength ? null : new OperatorNode(Operators[_random.NextInt(Operators.Length)], arguments);
    }

    private string BoundsText() =>
        _config.StrictBounds ? $"({_config.MinLength}, {_config.MaxLength})" : $"[{_config.MinLength}, {_config.MaxLength}]";

    private static void Validate(ListOpsDataConfig c)
    {
        if (c.MaxTokens is < 1)
        {
            throw new ArgumentException($"list_ops.max_tokens must be positive or null (no cut) (got {c.MaxTokens})");
        }
        if (c.MaxArgs < 2 || c.MaxDepth < 1 || c.OperatorProbability is < 0 or > 1 || c.MinLength > c.MaxLength || c.NTrain < 1 || c.NVal < 1 || c.NTest < 1)
        {
            throw new ArgumentException(
                $"list_ops config is not usable: need max_args >= 2 (got {c.MaxArgs}), max_depth >= 1 (got {c.MaxDepth}), " +
                $"operator_probability in [0, 1] (got {c.OperatorProbability}), min_length <= max_length (got {c.MinLength}, {c.MaxLength}) " +
                $"and positive n_train/n_val/n_test (got {c.NTrain}/{c.NVal}/{c.NTest})");
        }
    }
}
