using System.Globalization;
using System.Runtime.InteropServices;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>
/// One ListOps cell: generates the splits, then trains the Transformer classifier and the EBT classifier with the
/// same loop, and records accuracy and cross-entropy on validation and test beside the majority-class accuracy.
/// </summary>
public static class ListOpsRun
{
    /// <summary>Runs the cell.</summary>
    public static void Run(ICellContext context, EnergyOodConfig config, Device device)
    {
        var data = ListOpsGenerator.Generate(config.ListOps, config.DataSeed);
        foreach (var (name, split) in new[] { ("train", data.Train), ("val", data.Val), ("test", data.Test) })
        {
            context.AddData($"listops.{name}.tokens", MemoryMarshal.AsBytes(split.SelectMany(s => s.Tokens.Append(Tokenizer.Pad)).ToArray().AsSpan()));
            context.AddData($"listops.{name}.labels", split.Select(s => (byte)s.Label).ToArray());
        }
        var majority = MajorityClass(data.Train);
        context.Message($"list_ops: {data.Train.Count}/{data.Val.Count}/{data.Test.Count} train/val/test, lengths " +
            $"{data.Train.Min(s => s.Length)}–{data.Train.Max(s => s.Length)}, majority class {majority}");

        var trainer = new ListOpsTrainer(config.Transformer, data, device);
        var progress = new CellProgress(context, 2L * config.Transformer.Epochs * trainer.StepsPerEpoch);
        foreach (var (split, samples) in new[] { ("val", data.Val), ("test", data.Test) })
        {
            context.Final(split, "majority_acc", samples.Count(s => s.Label == majority) / (double)samples.Count);
        }
        foreach (var name in new[] { "transformer", "ebt" })
        {
            using var streams = new RandomStreams(context.Seed, $"listops/{name}", device);
            using var module = Build(name, config, streams);
            var model = (IListOpsModel)module;
            module.To(device);
            trainer.Train(model, streams, progress, (step, loss, val) =>
            {
                context.Log(step, "train", $"{name}_loss", loss);
                LogAll(val, name, "val", (metric, value) => context.Log(step, "val", metric, value));
            });
            foreach (var (split, samples) in new[] { ("val", data.Val), ("test", data.Test) })
            {
                var evaluation = trainer.Evaluate(model, samples);
                LogAll(evaluation, name, split, (metric, value) => context.Final(split, metric, value));
                if (evaluation.Energies.Count > 0)
                {
                    context.Message($"{name} {split}: mean energy by inference step " +
                        string.Join(" → ", evaluation.Energies.Select(e => e.ToString("G5", CultureInfo.InvariantCulture))));
                }
            }
        }
    }

    /// <summary>The most frequent label of <paramref name="samples"/> (the smallest on a tie).</summary>
    public static int MajorityClass(IEnumerable<ListOpsSample> samples) =>
        samples.GroupBy(s => s.Label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    private static Torch.NN.Module Build(string name, EnergyOodConfig config, RandomStreams streams) => name switch
    {
        "transformer" => new TransformerClassifier(config.Transformer, streams),
        _ => new EnergyClassifier(config.Transformer, config.ListOpsEbt, streams),
    };

    private static void LogAll(ListOpsEvaluation evaluation, string name, string split, Action<string, double> log)
    {
        log($"{name}_acc", evaluation.Accuracy);
        log($"{name}_ce", evaluation.CrossEntropy);
        if (evaluation.Energies.Count > 0)
        {
            log($"{name}_energy_first", evaluation.Energies[0]);
            log($"{name}_energy_last", evaluation.Energies[^1]);
        }
    }
}
