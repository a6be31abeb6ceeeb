namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>
/// The model's vocabulary: the LRA serialization with its parentheses stripped (they only record how LRA built the
/// tree in pairs and carry nothing the operators and <c>]</c> do not). Id 0 is padding.
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

    /// <summary>Size of the vocabulary, padding included.</summary>
    public static int Size => Vocabulary.Count;

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
