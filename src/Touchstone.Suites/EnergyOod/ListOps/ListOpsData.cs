using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>The ListOps operators (LRA <c>OPERATORS</c>; FIRST and LAST are commented out there and not used).</summary>
public enum ListOpsOperator
{
    /// <summary>Smallest argument.</summary>
    Min,

    /// <summary>Largest argument.</summary>
    Max,

    /// <summary>Median; for an even count the mean of the two middle values, truncated.</summary>
    Med,

    /// <summary>Sum modulo 10.</summary>
    Sm,
}

/// <summary>A node of a ListOps expression tree: a digit or an operator over arguments.</summary>
public abstract record ListOpsNode
{
    /// <summary>Levels of the tree below and including this node (a digit has depth 1).</summary>
    public abstract int Depth { get; }

    /// <summary>Appends the LRA serialization of this node (see <see cref="ListOpsTree.ToLraString"/>).</summary>
    public abstract void AppendLra(List<string> tokens);

    /// <summary>The value of the expression, as LRA's <c>to_value</c> computes it.</summary>
    public abstract int Value();
}

/// <summary>A digit 0–9.</summary>
/// <param name="Digit">The digit.</param>
public sealed record DigitNode(int Digit) : ListOpsNode
{
    /// <inheritdoc />
    public override int Depth => 1;

    /// <inheritdoc />
    public override void AppendLra(List<string> tokens) => tokens.Add(Digit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override int Value() => Digit;
}

/// <summary>An operator applied to two or more arguments.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Arguments">Its arguments, in order.</param>
public sealed record OperatorNode(ListOpsOperator Operator, IReadOnlyList<ListOpsNode> Arguments) : ListOpsNode
{
    /// <inheritdoc />
    public override int Depth => 1 + Arguments.Max(a => a.Depth);

    /// <inheritdoc />
    public override void AppendLra(List<string> tokens)
    {
        // LRA builds ((((op, a0), a1), ...), ']') and prints every pair as "( left right )".
        for (var i = 0; i <= Arguments.Count; i++)
        {
            tokens.Add("(");
        }
        tokens.Add(ListOpsTree.Token(Operator));
        foreach (var argument in Arguments)
        {
            argument.AppendLra(tokens);
            tokens.Add(")");
        }
        tokens.Add("]");
        tokens.Add(")");
    }

    /// <inheritdoc />
    public override int Value()
    {
        var values = Arguments.Select(a => a.Value()).ToList();
        switch (Operator)
        {
            case ListOpsOperator.Min:
                return values.Min();
            case ListOpsOperator.Max:
                return values.Max();
            case ListOpsOperator.Sm:
                return values.Sum() % 10;
            case ListOpsOperator.Med:
                // int(np.median(values)): the middle value, or the mean of the two middle ones, truncated.
                values.Sort();
                var n = values.Count;
                return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            default:
                throw new InvalidOperationException($"unknown operator {Operator}");
        }
    }
}

/// <summary>Serialization of ListOps trees.</summary>
public static class ListOpsTree
{
    /// <summary>The token of an operator: <c>[MIN</c>, <c>[MAX</c>, <c>[MED</c> or <c>[SM</c>.</summary>
    public static string Token(ListOpsOperator op) => op switch
    {
        ListOpsOperator.Min => "[MIN",
        ListOpsOperator.Max => "[MAX",
        ListOpsOperator.Med => "[MED",
        ListOpsOperator.Sm => "[SM",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    /// <summary>
    /// The LRA serialization with its nested parentheses, e.g. <c>( ( ( [MAX 2 ) 9 ) ] )</c> for
    /// <c>[MAX 2 9 ]</c>: space-separated tokens as LRA's <c>to_string</c> writes them.
    /// </summary>
    public static string ToLraString(ListOpsNode node)
    {
        var tokens = new List<string>();
        node.AppendLra(tokens);
        return string.Join(' ', tokens);
    }
}

/// <summary>
/// The model's vocabularies. Ours (<see cref="Encode"/>, an extension of the source): the LRA serialization with its
/// parentheses stripped (they only record how LRA built the tree in pairs and carry nothing the operators and
/// <c>]</c> do not). The toy source's (<see cref="EncodeSource"/>): every token kept, parentheses included, with its
/// ids (data/listops_generator.py <c>create_vocab</c>, amirhosseinmhd/EBM at 9fae429). Id 0 is padding in both.
/// </summary>
public static class Tokenizer
{
    /// <summary>The padding id.</summary>
    public const int Pad = 0;

    /// <summary>The tokens by id (id 0, padding, has no text).</summary>
    public static readonly IReadOnlyList<string> Vocabulary =
        ["[PAD]", "[MIN", "[MAX", "[MED", "[SM", "]", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private static readonly Dictionary<string, int> Ids =
        Vocabulary.Select((token, id) => (token, id)).Skip(1).ToDictionary(p => p.token, p => p.id, StringComparer.Ordinal);

    /// <summary>The toy source's tokens by id: padding, the operators, <c>]</c>, <c>(</c>, <c>)</c>, the digits.</summary>
    public static readonly IReadOnlyList<string> SourceVocabulary =
        ["[PAD]", "[MIN", "[MAX", "[MED", "[SM", "]", "(", ")", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private static readonly Dictionary<string, int> SourceIds =
        SourceVocabulary.Select((token, id) => (token, id)).Skip(1).ToDictionary(p => p.token, p => p.id, StringComparer.Ordinal);

    /// <summary>Size of our vocabulary, padding included.</summary>
    public static int Size => Vocabulary.Count;

    /// <summary>Size of the vocabulary the tokens were encoded with (18 with parentheses, as the source's <c>vocab_size</c>).</summary>
    public static int SizeFor(bool keepParentheses) => keepParentheses ? SourceVocabulary.Count : Vocabulary.Count;

    /// <summary>
    /// The ids of a space-separated expression as the toy source's <c>tokenize_sequence</c> makes them: every token
    /// kept, parentheses included, cut to the first <paramref name="maxTokens"/> (the source pads or truncates to
    /// <c>max_seq_len</c> = 500; padding is added per batch here and masked either way). An unknown token is an
    /// error (the source would map it to padding; the generator never makes one).
    /// </summary>
    public static int[] EncodeSource(string expression, int? maxTokens) =>
        expression.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(maxTokens ?? int.MaxValue)
            .Select(token => SourceIds.TryGetValue(token, out var id)
                ? id
                : throw new FormatException($"ListOps token '{token}' is not in the source's vocabulary ({string.Join(" ", SourceVocabulary.Skip(1))})"))
            .ToArray();

    /// <summary>The ids of a space-separated expression, parentheses dropped; an unknown token is an error.</summary>
    public static int[] Encode(string expression) =>
        expression.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(token => token is not ("(" or ")"))
            .Select(token => Ids.TryGetValue(token, out var id)
                ? id
                : throw new FormatException($"ListOps token '{token}' is not in the vocabulary ({string.Join(" ", Vocabulary.Skip(1))})"))
            .ToArray();

    /// <summary>The text of ids (padding skipped), space-separated.</summary>
    public static string Decode(IEnumerable<int> ids) => string.Join(' ', ids.Where(id => id != Pad).Select(id => Vocabulary[id]));
}

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

/// <summary>A padded minibatch on the device: ids (batch, length), padding mask (true at padding) and labels.</summary>
/// <param name="Ids">Token ids, int64, padded with <see cref="Tokenizer.Pad"/> to the longest example.</param>
/// <param name="Padding">Bool, true where <paramref name="Ids"/> is padding.</param>
/// <param name="Labels">Classes, int64.</param>
public sealed record ListOpsBatch(Tensor Ids, Tensor Padding, Tensor Labels)
{
    /// <summary>Examples in the batch.</summary>
    public long Count => Labels.Size(0);

    /// <summary>
    /// The examples at <paramref name="indices"/>, padded to the longest of them and truncated to
    /// <paramref name="maxLength"/> (the source pads every batch to 512; the padded positions are masked either way).
    /// </summary>
    public static ListOpsBatch Of(IReadOnlyList<ListOpsSample> samples, IReadOnlyList<long> indices, int maxLength, Device device)
    {
        var length = Math.Min(maxLength, indices.Max(i => samples[(int)i].Length));
        var ids = new long[indices.Count * length];
        var labels = new long[indices.Count];
        for (var row = 0; row < indices.Count; row++)
        {
            var sample = samples[(int)indices[row]];
            for (var j = 0; j < Math.Min(length, sample.Length); j++)
            {
                ids[row * length + j] = sample.Tokens[j];
            }
            labels[row] = sample.Label;
        }
        var idTensor = Tensor.From(ids, new long[] { indices.Count, length }).To(device);
        return new ListOpsBatch(idTensor, idTensor.Eq(Tokenizer.Pad), Tensor.From(labels).To(device));
    }

    /// <summary>Consecutive batches covering every example once, in order (evaluation).</summary>
    public static IEnumerable<long[]> InOrder(int count, int batchSize)
    {
        for (var start = 0; start < count; start += batchSize)
        {
            yield return Enumerable.Range(start, Math.Min(batchSize, count - start)).Select(i => (long)i).ToArray();
        }
    }
}
