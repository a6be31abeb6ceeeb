using System.Text.Json.Nodes;

namespace Touchstone.Core.Declarations.Schema;

/// <summary>
/// The shape a config value must have, derived from a C# type (see <see cref="SchemaBuilder"/>): what the validator
/// checks YAML and overrides against, and what the binder later deserializes.
/// </summary>
/// <param name="ClrType">The C# type the value binds to.</param>
public abstract record SchemaNode(Type ClrType)
{
    /// <summary>What a value of this shape is, for messages: "an integer", "a list of strings".</summary>
    public abstract string Describe();
}

/// <summary>The primitive kinds a config leaf may have.</summary>
public enum ScalarKind
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A 32-bit integer.</summary>
    Int32,

    /// <summary>A 64-bit integer.</summary>
    Int64,

    /// <summary>A single-precision number.</summary>
    Single,

    /// <summary>A double-precision number.</summary>
    Double,

    /// <summary>Text.</summary>
    String,
}

/// <summary>A primitive leaf.</summary>
/// <param name="ClrType">The C# type.</param>
/// <param name="Kind">Which primitive.</param>
public sealed record ScalarSchema(Type ClrType, ScalarKind Kind) : SchemaNode(ClrType)
{
    /// <inheritdoc />
    public override string Describe() => Kind switch
    {
        ScalarKind.Bool => "true or false",
        ScalarKind.Int32 => "an integer",
        ScalarKind.Int64 => "an integer",
        ScalarKind.Single or ScalarKind.Double => "a number",
        _ => "a string",
    };
}

/// <summary>An enum leaf, written as the snake_case name of a member.</summary>
/// <param name="ClrType">The enum type.</param>
/// <param name="Names">The allowed names, snake_case, in declaration order.</param>
public sealed record EnumSchema(Type ClrType, IReadOnlyList<string> Names) : SchemaNode(ClrType)
{
    /// <inheritdoc />
    public override string Describe() => "one of " + string.Join(", ", Names);
}

/// <summary>A value that may also be null.</summary>
/// <param name="Inner">The shape of a non-null value.</param>
public sealed record NullableSchema(SchemaNode Inner) : SchemaNode(Inner.ClrType)
{
    /// <inheritdoc />
    public override string Describe() => Inner.Describe() + " or null";
}

/// <summary>A list (YAML sequence).</summary>
/// <param name="ClrType">The list type.</param>
/// <param name="Element">The shape of each element.</param>
public sealed record ListSchema(Type ClrType, SchemaNode Element) : SchemaNode(ClrType)
{
    /// <inheritdoc />
    public override string Describe() => "a list of " + Plural(Element.Describe());

    // Only the head noun takes the plural: "a list of strings" becomes "lists of strings".
    private static string Plural(string what) =>
        what.StartsWith("a list of ", StringComparison.Ordinal) ? "lists of " + what["a list of ".Length..]
        : what.StartsWith("an ", StringComparison.Ordinal) ? what[3..] + "s"
        : what.StartsWith("a ", StringComparison.Ordinal) ? what[2..] + "s"
        : "(" + what + ")";
}

/// <summary>A mapping with free-form string keys (a dictionary).</summary>
/// <param name="ClrType">The dictionary type.</param>
/// <param name="Value">The shape of each value.</param>
public sealed record MapSchema(Type ClrType, SchemaNode Value) : SchemaNode(ClrType)
{
    /// <inheritdoc />
    public override string Describe() => "a mapping";
}

/// <summary>Any YAML value, kept as it is (a <see cref="JsonNode"/> property); validated later by whoever reads it.</summary>
/// <param name="ClrType"><see cref="JsonNode"/>, <see cref="JsonObject"/> or <see cref="JsonArray"/>.</param>
public sealed record RawSchema(Type ClrType) : SchemaNode(ClrType)
{
    /// <inheritdoc />
    public override string Describe() =>
        ClrType == typeof(JsonObject) ? "a mapping" : ClrType == typeof(JsonArray) ? "a list" : "a value";
}

/// <summary>A record: a mapping with a fixed set of snake_case keys.</summary>
/// <param name="ClrType">The record type.</param>
/// <param name="Properties">Its keys, in declaration order.</param>
public sealed record ObjectSchema(Type ClrType, IReadOnlyList<PropertySchema> Properties) : SchemaNode(ClrType)
{
    /// <inheritdoc />
    public override string Describe() => "a mapping with keys " + string.Join(", ", Properties.Select(p => p.Name));

    /// <summary>The property named <paramref name="name"/> (snake_case), or null.</summary>
    public PropertySchema? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

/// <summary>One key of a record.</summary>
/// <param name="Name">The snake_case key.</param>
/// <param name="Schema">The shape of its value.</param>
/// <param name="Default">The value used when the key is absent; meaningful only when <paramref name="HasDefault"/>.</param>
/// <param name="HasDefault">False when the key must be given.</param>
public sealed record PropertySchema(string Name, SchemaNode Schema, JsonNode? Default, bool HasDefault);
