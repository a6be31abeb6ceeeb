using System.Text.Json.Nodes;
using Touchstone.Suites.Common;
using Touchstone.Suites.Spectral;

namespace Touchstone.Suites.Tests.Spectral;

public sealed class SpectralConfigTests
{
    [Fact]
    public void Config_binds_from_the_suite_yamls_snake_case_keys()
    {
        var config = SpectralTestConfigs.Bind(SpectralTestConfigs.Tiny(patience: 3));

        Assert.Equal(1024, config.Data.NBins);
        Assert.Equal(new ValueRange(0.01, 0.15), config.Data.NoiseLevel);
        Assert.Equal(["comp10", "comp4"], config.Data.TestCombinations[0]);
        Assert.Empty(config.Data.TrainCombinations[0]);
        Assert.Equal([128, 64], config.Model.Hidden);
        Assert.Equal(SpectralOptimizer.Adamw, config.Training.Optimizer);
        Assert.Equal(3, config.Training.EarlyStoppingPatience);
        Assert.Equal([Components.IndexOf("comp4"), Components.IndexOf("comp10")], config.Data.ActiveComponents());
        config.Validate();
    }

    [Fact]
    public void A_missing_key_is_rejected_at_binding()
    {
        var json = SpectralTestConfigs.Tiny();
        ((JsonObject)json["data"]!).Remove("n_id");
        var error = Assert.ThrowsAny<Exception>(() => SpectralTestConfigs.Bind(json));
        Assert.Contains("n_id", error.Message);
    }

    [Fact]
    public void Unknown_component_is_rejected_with_the_key_and_the_valid_names()
    {
        var json = SpectralTestConfigs.Tiny();
        json["data"]!["test_combinations"] = new JsonArray(new JsonArray("comp10", "comp21"));
        var error = Assert.Throws<ConfigException>(() => SpectralTestConfigs.Bind(json).Validate());
        Assert.Contains("data.test_combinations", error.Message);
        Assert.Contains("comp21", error.Message);
        Assert.Contains("comp1 … comp20", error.Message);
    }

    [Fact]
    public void A_test_combination_that_is_also_trained_on_is_rejected_in_any_order()
    {
        var json = SpectralTestConfigs.Tiny();
        json["data"]!["train_combinations"] = new JsonArray(new JsonArray("comp4", "comp10"));
        var error = Assert.Throws<ConfigException>(() => SpectralTestConfigs.Bind(json).Validate());
        Assert.Contains("must not contain a training combination", error.Message);
    }

    [Theory]
    [InlineData("training", "batch_size", 0)]
    [InlineData("training", "eval_ratio", 0)]
    [InlineData("training", "early_stopping_patience", 0)]
    [InlineData("data", "n_train", 0)]
    [InlineData("model", "dropout", 1)]
    public void Out_of_range_values_name_their_key(string section, string key, double value)
    {
        var json = SpectralTestConfigs.Tiny();
        json[section]![key] = key is "eval_ratio" or "dropout" ? JsonValue.Create(value) : JsonValue.Create((int)value);
        var error = Assert.Throws<ConfigException>(() => SpectralTestConfigs.Bind(json).Validate());
        Assert.Contains($"{section}.{key}", error.Message);
    }
}
