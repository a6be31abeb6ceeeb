using Touchstone.Testing;
using YamlDotNet.RepresentationModel;

namespace Touchstone.Build.Tests;

/// <summary>A GitHub workflow file read as YAML, with the few accessors the tests need.</summary>
internal sealed class Workflow
{
    private Workflow(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    public static Workflow Load(string name)
    {
        var path = RepoPaths.Combine(".github", "workflows", name);
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        return new Workflow(path, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Triggers => (YamlMappingNode)Root[new YamlScalarNode("on")];

    public IReadOnlyDictionary<string, YamlMappingNode> Jobs =>
        ((YamlMappingNode)Root["jobs"]).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)p.Value);

    public static IReadOnlyList<string> Needs(YamlMappingNode job) => job.Children.TryGetValue("needs", out var needs)
        ? needs switch
        {
            YamlScalarNode one => [one.Value!],
            YamlSequenceNode many => many.Children.Select(n => ((YamlScalarNode)n).Value!).ToList(),
            _ => [],
        }
        : [];

    public static IReadOnlyList<string> RunsOn(YamlMappingNode job) => job["runs-on"] switch
    {
        YamlScalarNode one => [one.Value!],
        YamlSequenceNode many => many.Children.Select(n => ((YamlScalarNode)n).Value!).ToList(),
        _ => [],
    };

    public static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>();

    public static string? Run(YamlMappingNode step) =>
        step.Children.TryGetValue("run", out var run) ? ((YamlScalarNode)run).Value : null;

    public static string? Uses(YamlMappingNode step) =>
        step.Children.TryGetValue("uses", out var uses) ? ((YamlScalarNode)uses).Value : null;

    public IEnumerable<string> AllRunCommands() => Jobs.Values.SelectMany(Steps).Select(Run).OfType<string>();
}
