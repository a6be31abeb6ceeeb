namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>
/// Computes the value of a ListOps expression from the model's tokens alone (prefix notation, <c>]</c> closing each
/// operator), by recursive descent. It shares nothing with the generator, which evaluates its own trees, so the two
/// can check each other's labels.
/// </summary>
public static class ListOpsEvaluator
{
    /// <summary>The value of a space-separated expression such as <c>[MAX 2 9 [MIN 4 7 ] 0 ]</c> (parentheses allowed).</summary>
    public static int Evaluate(string expression) => Evaluate(Tokenizer.Encode(expression));

    /// <summary>The value of an expression given as token ids (padding ignored at the end).</summary>
    public static int Evaluate(IReadOnlyList<int> ids)
    {
        var tokens = ids.Select(id => Tokenizer.Vocabulary[id]).TakeWhile(t => t != "[PAD]").ToList();
        var position = 0;
        var value = Expression(tokens, ref position);
        if (position != tokens.Count)
        {
            throw new FormatException($"ListOps expression has {tokens.Count - position} token(s) after its end at position {position}");
        }
        return value;
    }

    private static int Expression(List<string> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new FormatException("ListOps expression ends where an argument was expected");
        }
        var token = tokens[position++];
        if (token.Length == 1 && char.IsAsciiDigit(token[0]))
        {
            return token[0] - '0';
        }
        if (!token.StartsWith('['))
        {
            throw new FormatException($"ListOps token '{token}' at position {position - 1} cannot start an argument");
        }
        var arguments = new List<int>();
        while (position < tokens.Count && tokens[position] != "]")
        {
            arguments.Add(Expression(tokens, ref position));
        }
        if (position >= tokens.Count)
        {
            throw new FormatException($"ListOps operator {token} is never closed with ]");
        }
        position++;
        if (arguments.Count == 0)
        {
            throw new FormatException($"ListOps operator {token} has no arguments");
        }
        return Apply(token, arguments);
    }

    private static int Apply(string op, List<int> arguments)
    {
        arguments.Sort();
        var n = arguments.Count;
        return op switch
        {
            "[MIN" => arguments[0],
            "[MAX" => arguments[^1],
            "[SM" => arguments.Sum() % 10,
            // Median of the sorted values; with an even count the two middle ones averaged, rounded toward zero.
            "[MED" => n % 2 == 1 ? arguments[n / 2] : (int)Math.Truncate((arguments[n / 2 - 1] + arguments[n / 2]) / 2.0),
            _ => throw new FormatException($"ListOps operator '{op}' is unknown"),
        };
    }
}
