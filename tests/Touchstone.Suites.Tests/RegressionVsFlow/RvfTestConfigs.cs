using Touchstone.Suites.RegressionVsFlow;

namespace Touchstone.Suites.Tests.RegressionVsFlow;

/// <summary>The source's two readings as configs, and small versions of them for training tests.</summary>
internal static class RvfTestConfigs
{
    public static TargetConfig Recon() => new(TargetTask.Recon, 50, 1000, 1, 3, 2, 1, 46, 0, 1);

    public static TargetConfig FirstProj() => new(TargetTask.Proj, 50, 1000, 8, 3, 2, 1, 46, 0, 1);

    public static TargetConfig FinalProj() => new(TargetTask.Proj, 50, 100000, 8, 8, 3, 10, 46, 0, 1);

    public static TargetConfig Lie() => new(TargetTask.Lie, 50, 100000, 16, 8, 3, 1, 46, 0, 1);

    /// <summary>config_lie.yaml at 3d146d4: SO(2), eight rotations at linspace(0, 6.28, 8), rotation seed 42.</summary>
    public static LieConfig So2() => new(2, 8, 0.0, 6.28, 42);

    public static EvaluationConfig Evaluation(SubspaceMetrics subspace = SubspaceMetrics.None) =>
        new(InitialDist.Zeros, InitialDist.Zeros, [1], Integrator.Euler, subspace, 1000, 20, 0.03);

    /// <summary>A cell small enough for a unit test: a narrow network, few epochs, a coarse evaluation grid.</summary>
    public static RegressionVsFlowConfig Small(TargetConfig target, IReadOnlyList<Mode> modes, int epochs, SubspaceMetrics subspace = SubspaceMetrics.None,
        InitialDist initial = InitialDist.Zeros, LossType loss = LossType.L2, Architecture architecture = Architecture.Concat) =>
        new(target with { NumEval = 200 },
            new NetworkConfig(architecture, 64, 3),
            new TrainingConfig(modes, loss, 32, epochs, 1e-3, initial, 0.9, 50, 100),
            Evaluation(subspace) with { Steps = [1, 4], PcaPoints = 200 });
}

/// <summary>A config record as the JSON a suite file resolves to (snake_case keys and enum values).</summary>
internal static class RvfJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower) },
    };

    public static System.Text.Json.Nodes.JsonObject Of(RegressionVsFlowConfig config) =>
        System.Text.Json.JsonSerializer.SerializeToNode(config, Options)!.AsObject();
}
