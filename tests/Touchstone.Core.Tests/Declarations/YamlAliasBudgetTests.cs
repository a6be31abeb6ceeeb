using Touchstone.Core.Declarations;
using Touchstone.Core.Declarations.Yaml;
using Touchstone.Testing;

namespace Touchstone.Core.Tests.Declarations;

public sealed class YamlAliasBudgetTests
{
    [Fact]
    public void Nested_aliases_past_the_budget_stop_at_the_alias_with_its_line_and_column()
    {
        // Six levels: 9^6 = 531441 values, past the budget but small enough not to hurt if the check were missing.
        var error = Assert.Throws<DeclarationException>(() => YamlTreeReader.Read("bomb.yaml", HostileYaml.AliasBomb(levels: 6)));

        var diagnostic = error.Diagnostics.Single();
        Assert.Equal("bomb.yaml", diagnostic.Location!.File);
        Assert.Equal(9, diagnostic.Location.Line); // the l5 line, whose aliases cross 100000
        Assert.Contains("alias '*l4'", diagnostic.Message);
        Assert.Contains("alias bomb", diagnostic.Message);
        Assert.StartsWith("bomb.yaml:9:", diagnostic.ToString());
    }

    [Fact]
    public void Aliases_within_the_budget_still_expand()
    {
        var tree = YamlTreeReader.Read("ok.yaml", HostileYaml.AliasBomb(levels: 3));
        var config = tree.Root!["config"]!;
        Assert.Equal(9, config["l3"]!.AsArray().Count);
        Assert.Equal("x", config["l3"]![8]![8]![8]![8]!.GetValue<string>());
    }
}
