using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Experiments;

public sealed class ConfigHashTests
{
    private static ResolvedConfig FromJson(string json) => new(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Canonical_json_sorts_keys_at_every_level_and_drops_whitespace()
    {
        var config = FromJson("""{ "b": { "y": 1, "x": [3, {"q": 1, "p": 2}] }, "a": "text" }""");

        Assert.Equal("""{"a":"text","b":{"x":[3,{"p":2,"q":1}],"y":1}}""", config.CanonicalJson);
    }

    [Fact]
    public void Hash_is_sha256_of_the_canonical_json()
    {
        var config = FromJson("""{"lr": 0.001, "name": "adamw"}""");

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"lr":0.001,"name":"adamw"}""")));
        Assert.Equal(expected, config.Hash);
        // Pinned, so a change of the canonical form (which would invalidate every stored baseline) cannot go unnoticed.
        Assert.Equal(PinnedHash, config.Hash);
    }

    // sha256sum of the bytes {"lr":0.001,"name":"adamw"}, computed outside .NET.
    private const string PinnedHash = "be59896dec383b144a03b84bcba0cd98c08f98c1305c66a160e81c3a4d47d8c5";

    [Theory]
    [InlineData("1e-3")]
    [InlineData("0.001")]
    [InlineData("1.0e-3")]
    [InlineData("0.0010")]
    [InlineData("1E-3")]
    public void Spellings_of_the_same_number_hash_alike(string spelling)
    {
        Assert.Equal(FromJson("""{"lr": 0.001}""").Hash, FromJson($$"""{"lr": {{spelling}}}""").Hash);
    }

    [Fact]
    public void Integral_double_hashes_as_the_integer()
    {
        Assert.Equal(FromJson("""{"x": 2}""").Hash, FromJson("""{"x": 2.0}""").Hash);
        Assert.Equal("""{"x":2}""", FromJson("""{"x": 2.0}""").CanonicalJson);
    }

    [Fact]
    public void Key_order_does_not_change_the_hash_but_any_value_does()
    {
        var a = FromJson("""{"a": 1, "b": [1, 2]}""");

        Assert.Equal(a.Hash, FromJson("""{"b": [1, 2], "a": 1}""").Hash);
        Assert.NotEqual(a.Hash, FromJson("""{"a": 1, "b": [2, 1]}""").Hash);
        Assert.NotEqual(a.Hash, FromJson("""{"a": 1.5, "b": [1, 2]}""").Hash);
        Assert.NotEqual(a.Hash, FromJson("""{"a": "1", "b": [1, 2]}""").Hash);
    }

    [Fact]
    public void Yaml_spellings_in_a_suite_file_resolve_to_the_same_hash()
    {
        var suite = Demo.Load();
        var other = Demo.Load(Demo.Valid.Replace("lr: 1.0e-3", "lr: 0.001").Replace("hidden: [128, 64]", "hidden: [ 128 , 64 ]"));
        var errors = new List<Diagnostic>();

        var a = Touchstone.Core.Planning.ConfigResolver.Resolve(suite, suite.Variant("shipped")!, suite.Profile("smoke")!, [], errors)!;
        var b = Touchstone.Core.Planning.ConfigResolver.Resolve(other, other.Variant("shipped")!, other.Profile("smoke")!, [], errors)!;

        Assert.Equal(a.Hash, b.Hash);
    }

    [Fact]
    public void The_tree_is_copied_so_later_changes_do_not_leak_in()
    {
        var tree = JsonNode.Parse("""{"a": 1}""")!.AsObject();
        var config = new ResolvedConfig(tree);
        var hash = config.Hash;

        tree["a"] = 2;

        Assert.Equal(hash, config.Hash);
        Assert.Equal(1, config.ToJsonObject()["a"]!.GetValue<int>());
    }

    [Fact]
    public void Bind_maps_snake_case_keys_onto_the_record()
    {
        var config = Demo.Load().Declaration.Config;

        var bound = new ResolvedConfig(config).Bind<DemoConfig>();

        Assert.Equal(4096, bound.Data.NTrain);
        Assert.Equal(Optimizer.Adamw, bound.Training.Optimizer);
        Assert.Equal([128, 64], bound.Model.Hidden);
        Assert.Equal(0.001, bound.Training.Lr);
    }

    [Fact]
    public void Bind_failure_names_the_record_and_the_path()
    {
        var config = FromJson("""{"data": {"n_train": "many"}}""");

        var e = Assert.Throws<InvalidOperationException>(() => config.Bind<DemoConfig>());

        Assert.StartsWith("The config does not fit DemoConfig at 'data.n_train':", e.Message);
    }
}

public sealed class ConfigAccessTests
{
    [Fact]
    public void Get_reads_one_value_by_path_typed()
    {
        var config = new ResolvedConfig(Demo.Load().Declaration.Config);

        Assert.Equal(0.001, config.Get<double>("training.lr"));
        Assert.Equal(Optimizer.Adamw, config.Get<Optimizer>("training.optimizer"));
        Assert.Equal([128, 64], config.Get<int[]>("model.hidden"));
        Assert.Equal("The config has no key 'training.lrr'.", Assert.Throws<KeyNotFoundException>(() => config.Get<double>("training.lrr")).Message);
    }

    [Fact]
    public void Flatten_lists_every_leaf_in_canonical_order()
    {
        var config = new ResolvedConfig(JsonNode.Parse("""{"b": {"y": [1, 2], "x": "s"}, "a": null}""")!.AsObject());

        Assert.Equal([new ConfigEntry("a", "null"), new ConfigEntry("b.x", "s"), new ConfigEntry("b.y", "[1,2]")], config.Flatten());
    }
}
