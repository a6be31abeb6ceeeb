using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Touchstone.Core.Declarations.Yaml;

/// <summary>
/// Resolves YAML scalars to JSON values with the YAML 1.2 core schema: plain <c>null</c>/<c>~</c>/empty is null,
/// <c>true</c>/<c>false</c> are booleans, decimal/octal/hex integers and floats (with <c>.inf</c>, <c>.nan</c>) are
/// numbers, everything else, and every quoted scalar, is a string. Number literals that are valid JSON keep their
/// text (so a string-typed field given <c>1.10</c> gets "1.10", not "1.1"); non-finite floats become the strings
/// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>, which the config binder reads as doubles.
/// </summary>
public static partial class YamlScalars
{
    /// <summary>Converts a plain (unquoted, untagged) scalar.</summary>
    public static JsonNode? FromPlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return JsonValue.Create("Infinity");
            case "-.inf" or "-.Inf" or "-.INF":
                return JsonValue.Create("-Infinity");
            case ".nan" or ".NaN" or ".NAN":
                return JsonValue.Create("NaN");
        }
        if (JsonNumber().IsMatch(text))
        {
            return JsonNode.Parse(text);
        }
        if (DecimalInteger().IsMatch(text))
        {
            return IntegerNode(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text[2..]))
        {
            return IntegerNode(BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }
        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text[2..]))
        {
            return IntegerNode(text[2..].Aggregate(BigInteger.Zero, (acc, c) => acc * 8 + (c - '0')));
        }
        if (YamlFloat().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(text);
    }

    /// <summary>Converts a scalar with an explicit core-schema tag (<c>!!str</c>, <c>!!int</c>, …); null for an unknown tag.</summary>
    public static bool TryFromTagged(string tag, string text, out JsonNode? value)
    {
        value = null;
        switch (tag)
        {
            case "tag:yaml.org,2002:str":
                value = JsonValue.Create(text);
                return true;
            case "tag:yaml.org,2002:null" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float":
                value = FromPlain(text);
                var kind = value?.GetValueKind();
                return tag switch
                {
                    "tag:yaml.org,2002:null" => value is null,
                    "tag:yaml.org,2002:bool" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
                    _ => kind is System.Text.Json.JsonValueKind.Number
                        || (tag.EndsWith("float", StringComparison.Ordinal) && kind is System.Text.Json.JsonValueKind.String
                            && value!.GetValue<string>() is "NaN" or "Infinity" or "-Infinity"),
                };
            default:
                return false;
        }
    }

    private static JsonNode IntegerNode(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[0-7]+$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
