namespace Touchstone.Suites.EnergyOod.ListOps;

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
