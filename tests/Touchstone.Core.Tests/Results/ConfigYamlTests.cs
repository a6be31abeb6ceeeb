using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Declarations.Schema;
using Touchstone.Core.Declarations.Yaml;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Results;

public sealed class ConfigYamlTests
{
    [Fact]
    public void Config_yaml_reads_back_to_the_same_config_hash()
    {
        var suite = Demo.Load();
        var errors = new List<Diagnostic>();
        var config = Touchstone.Core.Planning.ConfigResolver.Resolve(suite, suite.Variant("readme")!, suite.Profile("smoke")!, [], errors)!;

        var yaml = ConfigYaml.Write(new CellId("demo", "readme", 0), config);
        var tree = YamlTreeReader.Read("config.yaml", yaml);
        var normal = new SchemaValidator(new Locator(tree.Map, null), errors).Normalize(suite.Experiment.Schema, tree.Root, "", null);

        Assert.Empty(errors);
        Assert.Equal(config.Hash, new ResolvedConfig((JsonObject)normal!).Hash);
        Assert.Contains("  train_combinations: [[], [comp1], [comp2]]\n", yaml);
    }

    [Fact]
    public void Strings_that_yaml_would_read_as_something_else_are_quoted()
    {
        var config = new ResolvedConfig(JsonNode.Parse("""{"a": "true", "b": "1.5", "c": "", "d": "plain-text", "e": "x: y", "f": null}""")!.AsObject());

        var yaml = ConfigYaml.Write(new CellId("s", "v", 1), config);

        Assert.EndsWith("a: \"true\"\nb: \"1.5\"\nc: \"\"\nd: plain-text\ne: \"x: y\"\nf: null\n", yaml);
        var tree = YamlTreeReader.Read("config.yaml", yaml);
        Assert.Equal(config.CanonicalJson, new ResolvedConfig((JsonObject)tree.Root!).CanonicalJson);
    }
}
