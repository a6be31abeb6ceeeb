using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Declarations.Yaml;
using Touchstone.Core.Planning;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Declarations;

public sealed class ConfigOverridesTests
{
    private static readonly LoadedSuite Suite = Demo.Load();

    private static JsonObject Resolve(params string[] overrides)
    {
        var errors = new List<Diagnostic>();
        var leaves = ConfigResolver.CheckCommandLine(Suite, overrides.Select(ConfigOverrides.Parse).ToList(), errors);
        Assert.Empty(errors);
        var config = ConfigResolver.Resolve(Suite, Suite.Variant("shipped")!, Suite.Profile("nightly")!, leaves, errors);
        Assert.Empty(errors);
        return config!.ToJsonObject();
    }

    private static string Error(string text)
    {
        var errors = new List<Diagnostic>();
        ConfigResolver.CheckCommandLine(Suite, [ConfigOverrides.Parse(text)], errors);
        var error = Assert.Single(errors);
        Assert.Null(error.Location);
        return error.Message;
    }

    [Fact]
    public void Value_is_read_as_yaml_and_typed_by_the_schema()
    {
        var config = Resolve("training.lr=1e-3", "training.epochs=12", "training.shuffle=false", "training.optimizer=SGD");

        Assert.Equal(0.001, config["training"]!["lr"]!.GetValue<double>());
        Assert.Equal(12L, config["training"]!["epochs"]!.GetValue<long>());
        Assert.False(config["training"]!["shuffle"]!.GetValue<bool>());
        Assert.Equal("sgd", config["training"]!["optimizer"]!.GetValue<string>());
    }

    [Fact]
    public void Lists_use_yaml_flow_syntax_nested_too()
    {
        var config = Resolve("model.hidden=[32, 16]", "data.train_combinations=[[], [comp1, comp2]]");

        Assert.Equal("[32,16]", config["model"]!["hidden"]!.ToJsonString());
        Assert.Equal("""[[],["comp1","comp2"]]""", config["data"]!["train_combinations"]!.ToJsonString());
    }

    [Fact]
    public void Unquoted_number_keeps_its_text_for_a_string_field_and_null_clears_a_nullable_one()
    {
        Assert.Equal("1.10", Resolve("model.activation=1.10")["model"]!["activation"]!.GetValue<string>());
        Assert.Null(Resolve("model.activation=null")["model"]!["activation"]);
    }

    [Fact]
    public void Mapping_for_a_record_sets_only_the_keys_it_names()
    {
        var config = Resolve("training={lr: 0.5, epochs: 3}");

        Assert.Equal(0.5, config["training"]!["lr"]!.GetValue<double>());
        Assert.Equal(3L, config["training"]!["epochs"]!.GetValue<long>());
        Assert.Equal("adamw", config["training"]!["optimizer"]!.GetValue<string>());
    }

    [Fact]
    public void Dictionary_entries_can_be_set_by_path()
    {
        var config = Resolve("training.class_weights={a: 1, b: 2}", "training.class_weights.b=3");

        Assert.Equal("""{"a":1,"b":3}""", config["training"]!["class_weights"]!.ToJsonString());
    }

    [Fact]
    public void Command_line_overrides_win_over_profile_and_variant()
    {
        var errors = new List<Diagnostic>();
        var leaves = ConfigResolver.CheckCommandLine(Suite, [ConfigOverrides.Parse("training.epochs=7")], errors);
        var readmeSmoke = ConfigResolver.Resolve(Suite, Suite.Variant("readme")!, Suite.Profile("smoke")!, [], errors)!;
        var withCli = ConfigResolver.Resolve(Suite, Suite.Variant("readme")!, Suite.Profile("smoke")!, leaves, errors)!;

        Assert.Empty(errors);
        // readme sets 100 epochs, smoke sets 2 after it, the command line 7 after both.
        Assert.Equal(2L, readmeSmoke.ToJsonObject()["training"]!["epochs"]!.GetValue<long>());
        Assert.Equal(7L, withCli.ToJsonObject()["training"]!["epochs"]!.GetValue<long>());
    }

    [Fact]
    public void Path_that_does_not_exist_suggests_the_close_one()
    {
        Assert.Equal(
            "suite 'demo': command-line overrides 'trainig.lr', which does not exist: the config has no key 'trainig'; did you mean 'training'? (keys there: data, model, training)",
            Error("trainig.lr=0.1"));
    }

    [Fact]
    public void Value_of_the_wrong_type_names_the_path_and_the_value()
    {
        Assert.Equal(
            "suite 'demo': command-line override: 'training.epochs' must be an integer, not the string 'many'",
            Error("training.epochs=many"));
        Assert.Equal(
            "suite 'demo': command-line override: 'model.hidden' must be a list of integers, not 64",
            Error("model.hidden=64"));
    }

    [Fact]
    public void Text_without_equals_sign_is_rejected_with_an_example()
    {
        var e = Assert.Throws<DeclarationException>(() => ConfigOverrides.Parse("training.epochs"));

        Assert.Equal(
            "override 'training.epochs' must look like key.path=value (for example training.epochs=2 or model.hidden=[64, 32])",
            e.Diagnostics[0].Message);
    }

    [Fact]
    public void Invalid_yaml_value_is_rejected_with_a_hint()
    {
        var e = Assert.Throws<DeclarationException>(() => ConfigOverrides.Parse("model.hidden=[1, 2"));

        Assert.StartsWith("override 'model.hidden=[1, 2': the value is not valid YAML", e.Diagnostics[0].Message);
    }

    [Fact]
    public void Empty_value_is_null()
    {
        Assert.Null(ConfigOverrides.Parse("model.activation=").Value);
        Assert.Null(Resolve("model.activation=")["model"]!["activation"]);
    }

    [Theory]
    [InlineData("1e-3", 0.001)]
    [InlineData("0x10", 16.0)]
    [InlineData("+.5", 0.5)]
    [InlineData("-2", -2.0)]
    public void Yaml_number_forms_are_read_as_numbers(string text, double expected)
    {
        Assert.Equal(expected, double.Parse(YamlScalars.FromPlain(text)!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), 15);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("'3'")]
    [InlineData("1.2.3")]
    public void Other_scalars_are_strings(string text)
    {
        var value = ConfigOverrides.Parse("x=" + text).Value;

        Assert.Equal(System.Text.Json.JsonValueKind.String, value!.GetValueKind());
    }
}
