using System.Text.Json.Nodes;

namespace Touchstone.Suites.Tests.Scan;

/// <summary>Small configs in the suite YAML's shape (snake_case), for fast tests.</summary>
internal static class ScanTestConfigs
{
    /// <summary>Lake &amp; Baroni's protocol with a one-layer 32-unit model, a few hundred trials and 60 test commands.</summary>
    public static JsonObject Tiny(string split = "simple", int trials = 300, double lr = 1e-3) => new()
    {
        ["data"] = new JsonObject { ["split"] = split, ["data_seed"] = 1, ["test_limit"] = 60 },
        ["model"] = new JsonObject { ["embedding"] = 16, ["hidden"] = 32, ["layers"] = 1, ["dropout"] = 0.1 },
        ["training"] = new JsonObject
        {
            ["trials"] = trials,
            ["lr"] = lr,
            ["clip_norm"] = 5.0,
            ["teacher_forcing"] = 0.5,
            ["eval_every"] = 100,
            ["eval_sample"] = 20,
            ["max_decode_length"] = 60,
        },
    };
}
