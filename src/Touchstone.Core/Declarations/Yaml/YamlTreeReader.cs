using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Touchstone.Core.Declarations.Yaml;

/// <summary>A YAML document as a JSON tree, with the location of every node and key.</summary>
/// <param name="Root">The document's root value (null for an empty document).</param>
/// <param name="Map">Where each node and key was written.</param>
public sealed record YamlTree(JsonNode? Root, SourceMap Map);

/// <summary>
/// Reads one YAML document into a <see cref="YamlTree"/> from the parser's events, so every value and key keeps its
/// line and column. Duplicate keys, complex keys, unknown tags and syntax errors become diagnostics. An alias is
/// expanded into a copy of its anchored value, so the document's expanded size is counted against
/// <see cref="MaxNodes"/>: a kilobyte of nested aliases (an alias bomb) stops with an error at the alias instead of
/// taking all memory.
/// </summary>
public sealed class YamlTreeReader
{
    /// <summary>The most values (scalars, lists, mappings; aliases counted expanded) one document may hold.</summary>
    public const int MaxNodes = 100_000;

    private readonly string _file;
    private readonly IParser _parser;
    private readonly SourceMap _map = new();
    private readonly Dictionary<string, (JsonNode? Node, long Size)> _anchors = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _errors = [];
    private Mark _lastGood = Mark.Empty;
    private long _nodes;

    private YamlTreeReader(string file, TextReader reader)
    {
        _file = file;
        _parser = new Parser(reader);
    }

    /// <summary>Reads the single document in <paramref name="text"/>; throws <see cref="DeclarationException"/> on any problem.</summary>
    /// <param name="file">File name used in diagnostics (e.g. <c>suites/selftest.yaml</c> or <c>command line</c>).</param>
    /// <param name="text">The YAML text.</param>
    public static YamlTree Read(string file, string text)
    {
        var reader = new YamlTreeReader(file, new StringReader(text));
        var root = reader.ReadStream();
        if (reader._errors.Count > 0)
        {
            throw new DeclarationException(reader._errors);
        }
        return new YamlTree(root, reader._map);
    }

    private JsonNode? ReadStream()
    {
        try
        {
            Next<StreamStart>();
            if (Accept<StreamEnd>())
            {
                return null;
            }
            Next<DocumentStart>();
            var root = ReadNode();
            Next<DocumentEnd>();
            if (!Accept<StreamEnd>() && _parser.Current is { } extra)
            {
                Error(extra.Start, "", "a suite file holds one YAML document; remove the extra '---' document");
            }
            return root;
        }
        catch (YamlException e)
        {
            Error(e.Start, "", $"YAML syntax error: {TrimMark(e.Message)}");
        }
        catch (TooLargeException)
        {
            // Reported where it was found; nothing more of the document is read.
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws without a position on some malformed flow collections.
            Error(_lastGood, "", "YAML syntax error after this point (an unclosed '[', '{' or quote?)");
        }
        return null;
    }

    private JsonNode? ReadNode()
    {
        var ev = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML events");
        var before = _nodes;
        JsonNode? node;
        switch (ev)
        {
            case AnchorAlias alias:
                Move();
                if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    Error(alias.Start, alias.Value.Value, $"unknown alias '*{alias.Value.Value}'");
                    return null;
                }
                // Counted before the copy is made: the copy is what would take the memory.
                Count(anchored.Size, alias);
                node = anchored.Node?.DeepClone();
                if (node is not null)
                {
                    _map.SetValue(node, Here(alias.Start));
                }
                return node;
            case Scalar scalar:
                Count(1, ev);
                Move();
                node = ScalarValue(scalar);
                break;
            case SequenceStart:
                Count(1, ev);
                Move();
                node = ReadSequence();
                break;
            case MappingStart:
                Count(1, ev);
                Move();
                node = ReadMapping();
                break;
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev}");
        }
        if (node is not null)
        {
            _map.SetValue(node, Here(ev.Start));
        }
        var anchor = ((NodeEvent)ev).Anchor;
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (node, _nodes - before);
        }
        return node;
    }

    private void Count(long nodes, ParsingEvent at)
    {
        _nodes += nodes;
        if (_nodes <= MaxNodes)
        {
            return;
        }
        var what = at is AnchorAlias alias
            ? $"alias '*{alias.Value.Value}' expands to {nodes} values, which takes the document past {MaxNodes} values (nested aliases multiply: an alias bomb?)"
            : $"the document has more than {MaxNodes} values";
        Error(at.Start, at is AnchorAlias a ? a.Value.Value : "", $"{what}; a suite file this large is not supported, write the values out or use fewer aliases");
        throw new TooLargeException();
    }

    private sealed class TooLargeException : Exception;

    private JsonArray ReadSequence()
    {
        var array = new JsonArray();
        while (!Accept<SequenceEnd>())
        {
            array.Add(ReadNode());
        }
        Move();
        return array;
    }

    private JsonObject ReadMapping()
    {
        var obj = new JsonObject();
        while (!Accept<MappingEnd>())
        {
            var keyEvent = _parser.Current!;
            if (keyEvent is not Scalar keyScalar)
            {
                Error(keyEvent.Start, "", "mapping keys must be plain text, not lists or mappings");
                ReadNode();
                ReadNode();
                continue;
            }
            Move();
            var key = keyScalar.Value;
            var value = ReadNode();
            if (obj.ContainsKey(key))
            {
                var first = _map.KeyOf(obj, key);
                Error(keyScalar.Start, key, $"duplicate key '{key}'" + (first is null ? "" : $" (first at line {first.Line})"));
                continue;
            }
            obj[key] = value;
            _map.SetKey(obj, key, Here(keyScalar.Start));
        }
        Move();
        return obj;
    }

    private JsonNode? ScalarValue(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            var tag = scalar.Tag.Value;
            if (YamlScalars.TryFromTagged(tag, scalar.Value, out var tagged))
            {
                return tagged;
            }
            Error(scalar.Start, scalar.Value, $"unsupported or mismatched YAML tag '{tag}' on '{scalar.Value}'");
            return null;
        }
        return scalar.Style == ScalarStyle.Plain ? YamlScalars.FromPlain(scalar.Value) : JsonValue.Create(scalar.Value);
    }

    private bool Accept<T>() where T : ParsingEvent => _parser.Current is T;

    private void Next<T>() where T : ParsingEvent
    {
        if (_parser.Current is null)
        {
            Move();
        }
        if (_parser.Current is not T)
        {
            var at = _parser.Current;
            throw new YamlException(at?.Start ?? _lastGood, at?.End ?? _lastGood, $"expected {typeof(T).Name}, found {at}");
        }
        Move();
    }

    private void Move()
    {
        if (_parser.Current is { } current)
        {
            _lastGood = current.End;
        }
        _parser.MoveNext();
    }

    private SourceLocation Here(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private void Error(Mark mark, string key, string message) => _errors.Add(new Diagnostic(Here(mark), key, message));

    // YamlDotNet appends its own "(Line: …, Col: …)" text in places; our location already says it.
    private static string TrimMark(string message)
    {
        var cut = message.IndexOf("(Line:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }
}
