using System.Globalization;
using System.Text;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>
/// The vector cells of the <c>ebt-ffn-ood</c> suite: an energy-based model against a feed-forward net in and out of
/// distribution on vector addition and multiplication of one data reading (amirhosseinmhd/EBM; Gladstone et al.
/// 2025). On the data of one reading a cell trains the EBT and the FFN on add and on multiply, each from its own
/// streams, and records validation (in-distribution) and OOD MSE, their ratio, the EBT's energies and the EBT/FFN
/// ratio of the OOD errors. See docs/suites/ebt-ffn-ood.md.
/// </summary>
public sealed class EnergyOodVectorExperiment : Experiment<EnergyOodVectorConfig>
{
    /// <inheritdoc />
    public override string Key => "ebt-ffn-ood-vector";

    /// <summary>The operations every vector cell trains, in order.</summary>
    private static readonly VectorOperation[] Operations = [VectorOperation.Add, VectorOperation.Multiply];

    /// <inheritdoc />
    protected override void Run(ICellContext context, EnergyOodVectorConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);
        var data = VectorData.Generate(config.Vector, config.DataSeed);
        foreach (var (name, bytes) in data.HashPieces())
        {
            context.AddData(name, bytes);
        }
        context.Message($"vector: {config.Vector.Reading} reading, {data.Train.Count}/{data.Val.Count}/{data.Ood.Count} train/val/ood rows, EBT recipe {config.Ebt.Recipe}");
        var progress = new CellProgress(context, Operations.Length * (long)(config.Ebt.Steps + config.Ffn.Steps));
        var energyTable = new StringBuilder("model,operation,split,inference_step,mean_energy\n");
        var inputDim = 2 * config.Vector.VecSize;
        var outputDim = config.Vector.VecSize;
        foreach (var operation in Operations)
        {
            var op = Name(operation);
            using var tensors = new VectorTensors(data, operation, device);
            var oodMse = new Dictionary<string, double>();
            using (var streams = new RandomStreams(context.Seed, $"ebt/{op}", device))
            using (var ebt = new EbtLearner(config.Ebt, inputDim, outputDim, streams))
            {
                var (_, ood) = Train(context, ebt, op, tensors, streams, config.EvalEvery, progress, energyTable);
                oodMse["ebt"] = ood;
            }
            using (var streams = new RandomStreams(context.Seed, $"ffn/{op}", device))
            using (var ffn = new FfnLearner(config.Ffn, inputDim, outputDim, streams))
            {
                var (_, ood) = Train(context, ffn, op, tensors, streams, config.EvalEvery, progress, energyTable);
                oodMse["ffn"] = ood;
            }
            context.Final("ood", $"ebt_over_ffn_{op}_mse", oodMse["ebt"] / oodMse["ffn"]);
        }
        File.WriteAllText(Path.Combine(context.ArtifactsDirectory, "ebt_energy_by_step.csv"), energyTable.ToString());
    }

    /// <summary>The name of an operation in metric names: <c>add</c> or <c>multiply</c>.</summary>
    public static string Name(VectorOperation operation) => operation.ToString().ToLowerInvariant();

    // Trains one learner for its step count, logging curves after steps 1, 1 + evalEvery, … and the last; returns (val, ood) MSE.
    private static (double Val, double Ood) Train(
        ICellContext context, IVectorLearner learner, string op, VectorTensors tensors, RandomStreams streams,
        int evalEvery, CellProgress progress, StringBuilder energyTable)
    {
        var prefix = $"{learner.Name}_{op}";
        var order = new BatchOrder(tensors.TrainCount, learner.BatchSize, dropLast: true, streams.Batches);
        // The toy loops evaluate when their zero-based step counter is a multiple of eval_every, after the update.
        var schedule = EvalSchedule.Every(evalEvery, learner.Steps) with { Numbering = StepNumbering.FromZero };
        for (var step = 1; step <= learner.Steps; step++)
        {
            var logNow = schedule.IsDue(step);
            using (var scope = DisposeScope.Begin())
            {
                var index = Tensor.From(order.Next()).To(streams.Device);
                var loss = learner.TrainStep(tensors.TrainX.IndexSelect(0, index), tensors.TrainY.IndexSelect(0, index), logNow);
                if (logNow)
                {
                    context.Log(step, "train", $"{prefix}_loss", loss);
                    LogEvaluation(context, step, prefix, "val", learner.Evaluate(tensors.ValX, tensors.ValY));
                    LogEvaluation(context, step, prefix, "ood", learner.Evaluate(tensors.OodX, tensors.OodY));
                }
            }
            progress.Step();
        }
        var val = learner.Evaluate(tensors.ValX, tensors.ValY);
        var ood = learner.Evaluate(tensors.OodX, tensors.OodY);
        Finals(context, prefix, "val", val);
        Finals(context, prefix, "ood", ood);
        context.Final("ood", $"{prefix}_ood_ratio", ood.Mse / val.Mse);
        foreach (var (split, evaluation) in new[] { ("val", val), ("ood", ood) })
        {
            for (var k = 0; k < evaluation.Energies.Count; k++)
            {
                energyTable.Append(CultureInfo.InvariantCulture, $"{learner.Name},{op},{split},{k},{evaluation.Energies[k]:R}\n");
            }
            if (evaluation.Energies.Count > 0)
            {
                context.Message($"{prefix} {split}: mean energy by inference step " +
                    string.Join(" → ", evaluation.Energies.Select(e => e.ToString("G5", CultureInfo.InvariantCulture))));
            }
        }
        return (val.Mse, ood.Mse);
    }

    private static void LogEvaluation(ICellContext context, long step, string prefix, string split, VectorEvaluation evaluation)
    {
        context.Log(step, split, $"{prefix}_mse", evaluation.Mse);
        if (evaluation.Energies.Count > 0)
        {
            context.Log(step, split, $"{prefix}_energy_first", evaluation.Energies[0]);
            context.Log(step, split, $"{prefix}_energy_last", evaluation.Energies[^1]);
        }
    }

    private static void Finals(ICellContext context, string prefix, string split, VectorEvaluation evaluation)
    {
        context.Final(split, $"{prefix}_mse", evaluation.Mse);
        if (evaluation.Energies.Count > 0)
        {
            context.Final(split, $"{prefix}_energy_first", evaluation.Energies[0]);
            context.Final(split, $"{prefix}_energy_last", evaluation.Energies[^1]);
        }
    }
}
