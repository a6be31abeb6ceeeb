using System.Text.Json.Nodes;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Spectral;

namespace Touchstone.Suites.Tests.Spectral;

/// <summary>Small configs in the suite YAML's shape (snake_case), for fast tests.</summary>
internal static class SpectralTestConfigs
{
    /// <summary>The shipped reading's protocol shrunk to a few hundred spectra and a few dozen steps.</summary>
    public static JsonObject Tiny(int nTrain = 384, int nHeldOut = 128, int epochs = 8, int batchSize = 32, double lr = 1e-3, int? patience = null) => new()
    {
        ["data"] = new JsonObject
        {
            ["n_bins"] = 1024,
            ["wavelength_min_nm"] = 300.0,
            ["wavelength_max_nm"] = 1200.0,
            ["temperature_k"] = new JsonObject { ["min"] = 3000.0, ["max"] = 7000.0 },
            ["noise_level"] = new JsonObject { ["min"] = 0.01, ["max"] = 0.15 },
            ["abundance"] = new JsonObject { ["min"] = 0.0, ["max"] = 1.0 },
            ["n_train"] = nTrain,
            ["n_id"] = nHeldOut,
            ["n_test"] = nHeldOut,
            ["train_combinations"] = new JsonArray(new JsonArray(), new JsonArray("comp10"), new JsonArray("comp4")),
            ["test_combinations"] = new JsonArray(new JsonArray("comp10", "comp4")),
            ["data_seed"] = 42,
        },
        ["model"] = new JsonObject { ["hidden"] = new JsonArray(128, 64), ["dropout"] = 0.1 },
        ["training"] = new JsonObject
        {
            ["optimizer"] = "adamw",
            ["lr"] = lr,
            ["weight_decay"] = 1e-4,
            ["batch_size"] = batchSize,
            ["epochs"] = epochs,
            ["eval_ratio"] = 0.05,
            ["early_stopping_patience"] = patience,
        },
    };

    /// <summary>The tiny config bound to its record, as the experiment sees it.</summary>
    public static SpectralConfig Bind(JsonObject config) => new ResolvedConfig(config).Bind<SpectralConfig>();

    /// <summary>The data part of a bound config with other sizes or combinations.</summary>
    public static SpectralDataConfig Data(int nTrain = 384, int nHeldOut = 128, int dataSeed = 42) =>
        Bind(Tiny(nTrain, nHeldOut)).Data with { DataSeed = dataSeed };
}
