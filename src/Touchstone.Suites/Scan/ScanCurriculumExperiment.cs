using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.Scan;

/// <summary>
/// The research project's curriculum on SCAN (suite <c>scan-curriculum</c>, variant <c>curriculum</c>): a one-layer
/// 128-unit LSTM encoder–decoder trained teacher-forced on padded minibatches of 32, in stages with falling learning
/// rates, a fresh Adam per stage. Curves: <c>train/loss</c> (mean over each epoch) and <c>test/exact_match</c>,
/// <c>test/token_accuracy</c> on the fixed evaluation sample at the end of every stage. Finals: <c>test/exact_match</c>
/// (primary), <c>test/token_accuracy</c>, the same two after every stage k as <c>test/exact_match_stage&lt;k&gt;</c> and
/// <c>test/token_accuracy_stage&lt;k&gt;</c>, and <c>train/exact_match</c>, <c>train/token_accuracy</c> on a fixed
/// training sample.
/// </summary>
public sealed class ScanCurriculumExperiment : Experiment<ScanCurriculumConfig>
{
    /// <inheritdoc />
    public override string Key => "scan-curriculum";

    /// <inheritdoc />
    protected override void Run(ICellContext context, ScanCurriculumConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);
        var settings = config.Curriculum;
        var data = ScanCellData.Prepare(context, config.Data, settings.EvalSample);
        // One fixed order of the training lines from the data seed; each stage trains on a prefix of it.
        var order = data.Train.ToList();
        new SeededRandom(unchecked((ulong)config.Data.DataSeed)).Fork("scan.curriculum_order").Shuffle(order);
        var stages = settings.StageLrs.Select((lr, k) =>
            (Lr: lr, Examples: order.Take(k == 0 ? settings.FirstStageExamples : settings.StageExamples ?? order.Count).ToList())).ToList();

        using var scope = DisposeScope.Begin();
        using var streams = new RandomStreams(context.Seed, device);
        using var model = new ScanModel(new ScanModelConfig(settings.Embedding, settings.Hidden, Layers: 1, Dropout: 0),
            ScanVocabulary.Input.Count, ScanVocabulary.Output.Count, streams.Init, streams.Dropout);
        model.To(device);
        var parameters = model.Parameters().ToArray();
        var batches = streams.Batches;
        var progress = new CellProgress(context, stages.Sum(s => (long)settings.EpochsPerStage * ((s.Examples.Count + settings.BatchSize - 1) / settings.BatchSize)));
        context.Message($"curriculum: {string.Join(", ", stages.Select((s, k) => $"stage {k + 1} lr {s.Lr:G} on {s.Examples.Count} lines"))}, " +
            $"{settings.EpochsPerStage} epochs each, batch {settings.BatchSize}");

        var step = 0L;
        ScanScore? last = null;
        for (var k = 0; k < stages.Count; k++)
        {
            using var optimizer = new Adam(parameters, stages[k].Lr);
            var batchOrder = new BatchOrder(stages[k].Examples.Count, settings.BatchSize, dropLast: false, batches);
            for (var epoch = 1; epoch <= settings.EpochsPerStage; epoch++)
            {
                var meanLoss = TrainEpoch(model, optimizer, batchOrder, stages[k].Examples, device, progress, ref step);
                context.Log(step, "train", "loss", meanLoss);
                if (!double.IsFinite(meanLoss))
                {
                    context.Message($"training diverged: the mean loss of stage {k + 1} epoch {epoch} is {meanLoss}");
                    ReportFinals(context, null, null);
                    return;
                }
            }
            var curve = Score(model, data.EvalSample, settings, device);
            context.Log(step, "test", "exact_match", curve.ExactMatch);
            context.Log(step, "test", "token_accuracy", curve.TokenAccuracy);
            last = Score(model, data.Test, settings, device);
            context.Final("test", $"exact_match_stage{k + 1}", last.ExactMatch);
            context.Final("test", $"token_accuracy_stage{k + 1}", last.TokenAccuracy);
        }
        ReportFinals(context, last, Score(model, data.TrainSample, settings, device));
    }

    /// <summary>One epoch of teacher-forced minibatch steps (as Keras's model.fit: no gradient clipping); returns
    /// the epoch's mean batch loss.</summary>
    private static double TrainEpoch(ScanModel model, Adam optimizer, BatchOrder order, IReadOnlyList<ScanExample> examples,
        Device device, CellProgress progress, ref long step)
    {
        var (lossSum, lossCount) = (0.0, 0);
        foreach (var indices in order.Epoch())
        {
            using var stepScope = DisposeScope.Begin();
            var loss = ScanBatch.Pad([.. indices.Select(i => examples[(int)i])], device).Loss(model);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            (lossSum, lossCount, step) = (lossSum + loss.Item<double>(), lossCount + 1, step + 1);
            progress.Step();
        }
        return lossSum / lossCount;
    }

    /// <summary>The last stage's test score and the training sample's score (all NaN when training diverged).</summary>
    private static void ReportFinals(ICellContext context, ScanScore? test, ScanScore? train)
    {
        context.Final("test", "exact_match", test?.ExactMatch ?? double.NaN);
        context.Final("test", "token_accuracy", test?.TokenAccuracy ?? double.NaN);
        context.Final("train", "exact_match", train?.ExactMatch ?? double.NaN);
        context.Final("train", "token_accuracy", train?.TokenAccuracy ?? double.NaN);
    }

    private static ScanScore Score(ScanModel model, IReadOnlyList<ScanExample> examples, ScanCurriculumSettings settings, Device device) =>
        ScanDecoding.Score(model, examples, settings.MaxDecodeLength, device);
}
