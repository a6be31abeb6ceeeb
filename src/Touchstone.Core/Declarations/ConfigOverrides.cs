using System.Text.Json.Nodes;
using Touchstone.Core.Declarations.Schema;
using Touchstone.Core.Declarations.Yaml;

namespace Touchstone.Core.Declarations;

/// <summary>
/// <c>key.path=value</c> overrides: parsing them from the command line, checking them against an experiment's
/// config schema, and applying them to a config tree. A value is read as YAML (so <c>[1, 2]</c> is a list and
/// <c>1e-3</c> a number) and then coerced to the type the schema has at that path. An override whose target is a
/// record and whose value is a mapping sets only the keys it names.
/// </summary>
public static class ConfigOverrides
{
    /// <summary>Parses <c>key.path=value</c> as given on the command line.</summary>
    /// <exception cref="DeclarationException">The text has no <c>=</c>, an empty path, or a value that is not valid YAML.</exception>
    public static ConfigOverride Parse(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new DeclarationException(text,
                $"override '{text}' must look like key.path=value (for example training.epochs=2 or model.hidden=[64, 32])");
        }
        var path = text[..equals].Trim();
        var valueText = text[(equals + 1)..];
        if (path.Split('.').Any(segment => segment.Length == 0))
        {
            throw new DeclarationException(path, $"override '{text}' has an empty segment in its path '{path}'");
        }
        YamlTree tree;
        try
        {
            tree = YamlTreeReader.Read("command line", valueText);
        }
        catch (DeclarationException e)
        {
            var reason = e.Diagnostics[0].Message;
            throw new DeclarationException(path, $"override '{text}': the value is not valid YAML ({reason}); quote it or use flow syntax like [a, b]");
        }
        return new ConfigOverride(path, tree.Root, null);
    }

    /// <summary>
    /// Checks an override against <paramref name="schema"/> and returns it as normalized leaf overrides (a mapping
    /// given for a record expands to one override per key). Problems go to <paramref name="errors"/>.
    /// </summary>
    /// <param name="schema">The experiment's config schema.</param>
    /// <param name="item">The override as written.</param>
    /// <param name="locator">Locations of the override's value nodes.</param>
    /// <param name="origin">How the override is named in messages, e.g. <c>variant 'readme'</c>.</param>
    /// <param name="errors">Receives the problems.</param>
    public static IReadOnlyList<ConfigOverride> Check(
        ObjectSchema schema, ConfigOverride item, Locator locator, string origin, List<Diagnostic> errors)
    {
        var leaves = new List<ConfigOverride>();
        Expand(schema, item, locator.Within(item.Location), origin, errors, leaves);
        return leaves;
    }

    /// <summary>
    /// Sets a normalized leaf override in <paramref name="tree"/> (which has the shape of <paramref name="schema"/>).
    /// A record on the way that is null is first filled with its defaults when every key has one; otherwise the
    /// override is reported and not applied.
    /// </summary>
    public static bool Apply(ObjectSchema schema, JsonObject tree, ConfigOverride leaf, string origin, List<Diagnostic> errors)
    {
        var segments = leaf.Path.Split('.');
        var node = tree;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (node[segments[i]] is not JsonObject next)
            {
                var prefix = string.Join('.', segments[..(i + 1)]);
                if (Defaults(Resolve(schema, prefix, out _)) is not { } filled)
                {
                    errors.Add(new Diagnostic(leaf.Location, leaf.Path,
                        $"{origin} sets '{leaf.Path}', but '{prefix}' is not set (null or absent) at that point; set '{prefix}' as a whole instead"));
                    return false;
                }
                node[segments[i]] = next = filled;
            }
            node = next;
        }
        node[segments[^1]] = leaf.Value?.DeepClone();
        return true;
    }

    // A record whose every key has a default, as a tree of those defaults; null for anything else.
    private static JsonObject? Defaults(SchemaNode? schema) =>
        (schema is NullableSchema n ? n.Inner : schema) is ObjectSchema obj && obj.Properties.All(p => p.HasDefault)
            ? new JsonObject(obj.Properties.Select(p => KeyValuePair.Create(p.Name, p.Default?.DeepClone())))
            : null;

    /// <summary>
    /// The schema at a dotted path, or null with a message naming the first segment that does not exist.
    /// </summary>
    public static SchemaNode? Resolve(ObjectSchema schema, string path, out string? problem)
    {
        problem = null;
        SchemaNode node = schema;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var parent = string.Join('.', segments[..i]);
            var owner = i == 0 ? "the config" : $"'{parent}'";
            switch (node is NullableSchema n ? n.Inner : node)
            {
                case ObjectSchema obj when obj.Find(segment) is { } property:
                    node = property.Schema;
                    break;
                case ObjectSchema obj:
                    var names = obj.Properties.Select(p => p.Name).ToList();
                    problem = $"{owner} has no key '{segment}'{Suggestions.DidYouMean(segment, names)} (keys there: {string.Join(", ", names)})";
                    return null;
                case MapSchema map:
                    node = map.Value;
                    break;
                default:
                    problem = $"{owner} is {node.Describe()}, so it has no key '{segment}'";
                    return null;
            }
        }
        return node;
    }

    private static void Expand(
        ObjectSchema schema, ConfigOverride item, Locator locator, string origin, List<Diagnostic> errors, List<ConfigOverride> leaves)
    {
        var target = Resolve(schema, item.Path, out var problem);
        if (target is null)
        {
            errors.Add(new Diagnostic(item.Location, item.Path, $"{origin} overrides '{item.Path}', which does not exist: {problem}"));
            return;
        }
        var unwrapped = target is NullableSchema n ? n.Inner : target;
        if (unwrapped is ObjectSchema && item.Value is JsonObject partial)
        {
            foreach (var (key, child) in partial)
            {
                var at = locator.Map.KeyOf(partial, key) ?? item.Location;
                Expand(schema, new ConfigOverride($"{item.Path}.{key}", child, at), locator.Within(at), origin, errors, leaves);
            }
            return;
        }
        var before = errors.Count;
        var label = origin + " override";
        var value = new SchemaValidator(locator, errors).Normalize(target, item.Value, item.Path, item.Location);
        // Re-label the validator's messages: the path it names is relative to the config, not to the file.
        for (var i = before; i < errors.Count; i++)
        {
            errors[i] = errors[i] with { Message = $"{label}: {errors[i].Message}" };
        }
        if (errors.Count == before)
        {
            leaves.Add(item with { Value = value });
        }
    }
}
