using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.EnergyOod.ListOps;

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
