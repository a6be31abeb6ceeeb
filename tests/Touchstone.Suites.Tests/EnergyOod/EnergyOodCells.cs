using System.Text.Json;
using System.Text.Json.Nodes;
using Touchstone.Core.Experiments;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.EnergyOod;

/// <summary>Tiny configs and a way to run one cell of the experiment through <see cref="RecordingCellContext"/>.</summary>
internal static class EnergyOodCells
{
    public static readonly EnergyOodVectorConfig TinyVector = new()
    {
        EvalEvery = 10,
        Vector = new VectorDataConfig { NTrain = 256, NVal = 64, NTest = 64 },
        Ebt = new EbtConfig { LatentDim = 16, Steps = 20, BatchSize = 32 },
        Ffn = new FfnConfig { LatentDim = 16, Steps = 30, BatchSize = 32 },
    };

    public static readonly EnergyOodListOpsConfig TinyListOps = new()
    {
        ListOps = new ListOpsDataConfig { NTrain = 96, NVal = 32, NTest = 32, MinLength = 5, MaxLength = 20 },
        Transformer = new TransformerConfig { DModel = 16, Layers = 1, Heads = 2, DFf = 32, Lr = 1e-3, WarmupSteps = 2, Epochs = 2, BatchSize = 32 },
    };

    public static RecordingCellContext Run(EnergyOodVectorConfig config, int seed = 0, CancellationToken cancellation = default) =>
        Run(new EnergyOodVectorExperiment(), config, seed, cancellation);

    public static RecordingCellContext Run(EnergyOodListOpsConfig config, int seed = 0, CancellationToken cancellation = default) =>
        Run(new EnergyOodListOpsExperiment(), config, seed, cancellation);

    private static RecordingCellContext Run<TConfig>(IExperiment experiment, TConfig config, int seed, CancellationToken cancellation)
    {
        var tree = (JsonObject)JsonSerializer.SerializeToNode(config, ResolvedConfig.BindingOptions)!;
        var context = new RecordingCellContext(tree, seed) { CancellationToken = cancellation };
        try
        {
            experiment.Run(context);
            return context;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
