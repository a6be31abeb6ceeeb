using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// Reads and writes the flat <c>meta.yaml</c> mappings of the file store the way PyYAML's
/// <c>safe_dump(default_flow_style=False, allow_unicode=True)</c> does: keys sorted, block style, strings plain
/// unless YAML would read them as something else, then single-quoted (double-quoted only for control characters).
/// </summary>
public static partial class MetaYaml
{
    /// <summary>Writes <paramref name="fields"/> (string, integer, null or an empty list) sorted by key.</summary>
    public static string Write(IReadOnlyDictionary<string, object?> fields)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(": ").Append(Scalar(value)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads a flat mapping. Scalars keep their text; plain <c>null</c>, <c>~</c> and empty scalars become null;
    /// sequences become their item count as text (only <c>tags: []</c> occurs). Throws
    /// <see cref="InvalidDataException"/> naming the file for anything that is not a mapping.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            throw new InvalidDataException($"{path}: not valid YAML ({error.Message})", error);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new InvalidDataException($"{path}: expected a YAML mapping of meta fields");
        }
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            result[key] = valueNode switch
            {
                YamlScalarNode scalar when scalar.Style is YamlDotNet.Core.ScalarStyle.Plain
                    && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" => null,
                YamlScalarNode scalar => scalar.Value ?? "",
                YamlSequenceNode sequence => sequence.Children.Count.ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidDataException($"{path}: field '{key}' is not a scalar"),
            };
        }
        return result;
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        System.Collections.ICollection { Count: 0 } => "[]",
        _ => throw new ArgumentException($"meta.yaml cannot hold a {value.GetType().Name}", nameof(value)),
    };

    private static string Quote(string text)
    {
        if (text.Any(c => !IsPrintable(c)))
        {
            return DoubleQuoted(text);
        }
        return IsPlainSafe(text) ? text : "'" + text.Replace("'", "''") + "'";
    }

    // Plain only when PyYAML would also read it back as the same string. Deliberately a little stricter than
    // PyYAML: YAML 1.2 numbers such as 1e3 are quoted too, so other YAML readers agree.
    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0]) || text.EndsWith(':'))
        {
            return false;
        }
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.Contains('\t'))
        {
            return false;
        }
        return !ResolvesToNonString().IsMatch(text) && !Yaml12Number().IsMatch(text);
    }

    // PyYAML's implicit resolvers (YAML 1.1): bool, int, float, null, timestamp, merge and value.
    [GeneratedRegex(
        @"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N" +
        @"|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+" +
        @"|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?" +
        @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)" +
        @"|~|null|Null|NULL|<<|=" +
        @"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$")]
    private static partial Regex ResolvesToNonString();

    [GeneratedRegex(@"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")]
    private static partial Regex Yaml12Number();

    // PyYAML's printable set with allow_unicode: tab, line breaks, printable ASCII, and most of Unicode.
    private static bool IsPrintable(char c) =>
        c is >= ' ' and <= '~' || c == '\u0085' || c is >= '\u00A0' and <= '\uD7FF' || c is >= '\uE000' and <= '\uFFFD' && c != '\uFEFF'
        || char.IsSurrogate(c);

    private static string DoubleQuoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\0' => "\\0",
                _ when IsPrintable(c) => c.ToString(),
                _ when c <= '\xFF' => $"\\x{(int)c:X2}",
                _ => $"\\u{(int)c:X4}",
            });
        }
        return quoted.Append('"').ToString();
    }
}
