using System.Text.Json.Nodes;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Analogy;

namespace Touchstone.Suites.Tests.Analogy;

/// <summary>Configs in the suite YAML's shape (snake_case), for fast tests.</summary>
internal static class AnalogyTestConfigs
{
    /// <summary>The source's default graph (10 entities, 10 000 relations) with the recorded run's model, shortened.</summary>
    public static JsonObject Default(int epochs = 20, double lr = 1e-2, double weightDecay = 0.01, int layers = 1,
        int relations = 10000, double atomicOod = 0.0, int evalEvery = 1) => new()
    {
        ["data"] = new JsonObject
        {
            ["num_entities"] = 10,
            ["num_relations"] = relations,
            ["sub_size"] = 5,
            ["atomic_ood_ratio"] = atomicOod,
            ["compositional_ood_ratio"] = 0.1,
            ["analogical_ood_ratio"] = 0.4,
            ["duplicate_relation"] = false,
            ["seed"] = 42,
        },
        ["model"] = new JsonObject { ["d_model"] = 128, ["n_layer"] = layers, ["n_head"] = 1, ["rope_base"] = 100.0 },
        ["training"] = new JsonObject
        {
            ["lr"] = lr,
            ["weight_decay"] = weightDecay,
            ["batch_size"] = 64,
            ["epochs"] = epochs,
            ["eval_every"] = evalEvery,
            ["emergence_acc"] = 1.0,
        },
    };

    /// <summary>A config bound to its record, as the experiment sees it.</summary>
    public static AnalogyConfig Bind(JsonObject config) => new ResolvedConfig(config).Bind<AnalogyConfig>();
}
