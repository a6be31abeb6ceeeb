using System.Globalization;
using System.Runtime.InteropServices;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>
/// The ListOps cells of the <c>ebt-ffn-ood</c> suite: a Transformer classifier against an EBT classifier on ListOps.
/// A suite variant selects it with <c>experiment: ebt-ffn-ood-listops</c>. A cell generates the splits, then trains
/// both models with the same loop (<see cref="ListOpsTrainer"/>) and records accuracy and cross-entropy on validation
/// and test beside the majority-class accuracy. See docs/suites/ebt-ffn-ood.md.
/// </summary>
public sealed class EnergyOodListOpsExperiment : Experiment<EnergyOodListOpsConfig>
{
    /// <inheritdoc />
    public override string Key => "ebt-ffn-ood-listops";

    /// <inheritdoc />
    protected override void Run(ICellContext context, EnergyOodListOpsConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);
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
        foreach (var (split, samples) in new[] { ("train", data.Train), ("val", data.Val), ("test", data.Test) })
        {
            // The share of expressions the models see only in part (list_ops.max_tokens).
            context.Final(split, "truncated_frac", samples.Count(s => s.Truncated) / (double)samples.Count);
        }
        context.Message($"list_ops: tokens {(config.ListOps.KeepParentheses ? "with" : "without")} parentheses, " +
            $"full lengths {data.Train.Min(s => s.FullLength)}–{data.Train.Max(s => s.FullLength)}, " +
            $"{data.Train.Count(s => s.Truncated)} of {data.Train.Count} training expressions cut to {config.ListOps.MaxTokens?.ToString(CultureInfo.InvariantCulture) ?? "(no cut)"} tokens");
        foreach (var name in new[] { "transformer", "ebt" })
        {
            using var streams = new RandomStreams(context.Seed, $"listops/{name}", device);
            using var module = Build(name, config, streams);
            var model = (IListOpsModel)module;
            module.To(device);
            trainer.Train(model, streams, progress, (step, loss, val) =>
            {
                context.Log(step, "train", $"{name}_loss", loss);
                LogAll(val, name, (metric, value) => context.Log(step, "val", metric, value));
            });
            foreach (var (split, samples) in new[] { ("val", data.Val), ("test", data.Test) })
            {
                var evaluation = trainer.Evaluate(model, samples);
                LogAll(evaluation, name, (metric, value) => context.Final(split, metric, value));
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

    private static Module Build(string name, EnergyOodListOpsConfig config, RandomStreams streams) => name switch
    {
        "transformer" => new TransformerClassifier(config.Transformer, streams, Tokenizer.SizeFor(config.ListOps.KeepParentheses)),
        _ => new EnergyClassifier(config.Transformer, config.ListOpsEbt, streams, Tokenizer.SizeFor(config.ListOps.KeepParentheses)),
    };

    private static void LogAll(ListOpsEvaluation evaluation, string name, Action<string, double> log)
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

/// <summary>What an evaluation of a ListOps model found.</summary>
/// <param name="Accuracy">Fraction of examples whose argmax is the label.</param>
/// <param name="CrossEntropy">Mean cross-entropy per example.</param>
/// <param name="Energies">For the EBT the mean energy at each inference step (ŷ0 first, ŷ_N last); else empty.</param>
public sealed record ListOpsEvaluation(double Accuracy, double CrossEntropy, IReadOnlyList<double> Energies);

/// <summary>
/// The training loop of model/train_transformer.py, shared by both ListOps models: AdamW, the warm-up schedule,
/// gradient clipping, epochs over the shuffled training set (last batch kept), a validation pass after each epoch,
/// and early stopping when validation accuracy has not improved for <see cref="TransformerConfig.Patience"/> epochs.
/// </summary>
public sealed class ListOpsTrainer(TransformerConfig config, ListOpsSplits data, Device device)
{
    /// <summary>Optimizer steps per epoch.</summary>
    public int StepsPerEpoch => (data.Train.Count + config.BatchSize - 1) / config.BatchSize;

    /// <summary>
    /// Trains <paramref name="model"/> until its epochs or its patience run out; <paramref name="onEpoch"/> sees the
    /// optimizer step, the last training loss and the validation result after every epoch.
    /// </summary>
    public void Train(IListOpsModel model, RandomStreams streams, CellProgress progress, Action<long, double, ListOpsEvaluation> onEpoch)
    {
        using var optimizer = new AdamW(model.Module.Parameters(), lr: config.Lr, weightDecay: config.WeightDecay);
        var schedule = new SourceWarmupLR(optimizer, config.WarmupSteps);
        var order = new BatchOrder(data.Train.Count, config.BatchSize, dropLast: false, streams.Batches);
        var (best, sinceBest, step) = (double.NegativeInfinity, 0, 0L);
        for (var epoch = 0; epoch < config.Epochs && sinceBest < config.Patience; epoch++)
        {
            var loss = double.NaN;
            model.Module.Train();
            for (var b = 0; b < StepsPerEpoch; b++)
            {
                using var scope = DisposeScope.Begin();
                var batch = ListOpsBatch.Of(data.Train, order.Next(), config.MaxSeqLen, device);
                var lossTensor = F.CrossEntropy(model.TrainingLogits(batch), batch.Labels);
                optimizer.ZeroGrad();
                lossTensor.Backward();
                Utils.ClipGradNorm(model.Module.Parameters(), config.GradClip);
                optimizer.Step();
                schedule.Step();
                step++;
                loss = b == StepsPerEpoch - 1 ? lossTensor.Item<double>() : loss;
                progress.Step();
            }
            var val = Evaluate(model, data.Val);
            onEpoch(step, loss, val);
            // The source keeps the best epoch's state_dict() for a final reload, but state_dict() holds references
            // to the live weights, so its reload is a no-op: it reports the last epoch. So does this loop.
            (best, sinceBest) = val.Accuracy > best ? (val.Accuracy, 0) : (best, sinceBest + 1);
        }
    }

    /// <summary>Accuracy, mean cross-entropy and energies of <paramref name="model"/> on <paramref name="samples"/>.</summary>
    public ListOpsEvaluation Evaluate(IListOpsModel model, IReadOnlyList<ListOpsSample> samples)
    {
        model.Module.Eval();
        var (correct, crossEntropy) = (0L, 0.0);
        var energySums = new List<double>();
        foreach (var indices in ListOpsBatch.InOrder(samples.Count, config.BatchSize))
        {
            using var scope = DisposeScope.Begin();
            var batch = ListOpsBatch.Of(samples, indices, config.MaxSeqLen, device);
            var energies = new List<double>();
            var logits = model.EvaluationLogits(batch, energies);
            using var noGrad = Autograd.NoGrad();
            correct += logits.ArgMax(-1).Eq(batch.Labels).Sum().Item<long>();
            crossEntropy += F.CrossEntropy(logits, batch.Labels, reduction: Reduction.Sum).Item<double>();
            for (var k = 0; k < energies.Count; k++)
            {
                if (energySums.Count <= k)
                {
                    energySums.Add(0);
                }
                energySums[k] += energies[k] * indices.Length;
            }
        }
        return new ListOpsEvaluation((double)correct / samples.Count, crossEntropy / samples.Count, energySums.Select(e => e / samples.Count).ToList());
    }
}

/// <summary>
/// The source's warm-up (model/train_transformer.py): LambdaLR with factor step/warmup below warmup, 1 after. The
/// factor of step 0 is 0, so the first optimizer step is taken at learning rate 0, as in the source.
/// </summary>
public sealed class SourceWarmupLR : LrScheduler
{
    private readonly long _warmupSteps;

    /// <summary>Warms up over <paramref name="warmupSteps"/> steps (0: no warm-up).</summary>
    public SourceWarmupLR(Optimizer optimizer, long warmupSteps) : base(optimizer)
    {
        _warmupSteps = warmupSteps;
        Apply();
    }

    /// <inheritdoc />
    public override double Factor(long step) => step < _warmupSteps ? (double)step / _warmupSteps : 1.0;
}
