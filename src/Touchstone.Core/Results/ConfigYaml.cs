using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Touchstone.Core.Experiments;

namespace Touchstone.Core.Results;

/// <summary>
/// Writes a resolved config as YAML for a cell's config.yaml: block mappings, flow lists, strings quoted only
/// when YAML would read them as something else. Read back by the suite loader it gives the same config hash.
/// </summary>
public static partial class ConfigYaml
{
    /// <summary>The YAML text, headed by comments naming the cell and its config hash.</summary>
    public static string Write(CellId cell, ResolvedConfig config)
    {
        var text = new StringBuilder();
        text.Append("# resolved config of ").Append(cell).Append('\n');
        text.Append("# config hash (SHA-256 of the canonical JSON): ").Append(config.Hash).Append('\n');
        Mapping(config.ToJsonObject(), 0, text);
        return text.ToString();
    }

    private static void Mapping(JsonObject obj, int indent, StringBuilder text)
    {
        foreach (var (key, value) in obj)
        {
            text.Append(' ', indent).Append(Scalar(key)).Append(':');
            if (value is JsonObject child && child.Count > 0)
            {
                text.Append('\n');
                Mapping(child, indent + 2, text);
            }
            else
            {
                text.Append(' ').Append(Flow(value)).Append('\n');
            }
        }
    }

    private static string Flow(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{Scalar(p.Key)}: {Flow(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Flow)) + "]",
        _ when node.GetValueKind() == JsonValueKind.String => Scalar(node.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    // Plain when YAML reads it back as this same string; JSON-quoted (valid YAML) otherwise.
    private static string Scalar(string text) =>
        PlainSafe().IsMatch(text) && Declarations.Yaml.YamlScalars.FromPlain(text) is JsonValue v
        && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == text
            ? text
            : JsonSerializer.Serialize(text, ResultsJson.Options);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-/]*$")]
    private static partial Regex PlainSafe();
}
