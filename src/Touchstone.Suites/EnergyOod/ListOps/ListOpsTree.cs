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
