using System.Security.Cryptography;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.Spectral;

/// <summary>
/// Compositional generalization on synthetic spectra (suite <c>spectral-gap</c>): an MLP learns to read the
/// abundances of spectral components from spectra that show them one at a time, and is tested on spectra that
/// show them together. Curves, at every evaluation point: <c>train/loss</c> (mean minibatch loss since the last
/// point) and, on the <c>id</c> and <c>ood</c> splits, <c>mse</c> and <c>mse_&lt;component&gt;</c>. Finals, on
/// <c>train</c>, <c>id</c> and <c>ood</c>: <c>mse</c>, <c>mse_constant</c>, <c>mse_&lt;component&gt;</c> and
/// <c>r2_&lt;component&gt;</c> for each active component; <c>ood/gap</c> = ood MSE ÷ id MSE.
/// </summary>
public sealed class SpectralExperiment : Experiment<SpectralConfig>
{
    /// <inheritdoc />
    public override string Key => "spectral";

    /// <inheritdoc />
    protected override void Run(ICellContext context, SpectralConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);

        var data = new SpectraGenerator(config.Data).GenerateAll();
        foreach (var split in data.Splits)
        {
            context.AddData($"{split.Name}.spectra", split.SpectraBytes);
            context.AddData($"{split.Name}.abundances", split.AbundanceBytes);
            context.Message($"data {split.Name}: {split.Count} spectra × {split.Bins} bins, " +
                $"sha256 {Convert.ToHexStringLower(SHA256.HashData(split.SpectraBytes))[..16]} (spectra), " +
                $"{Convert.ToHexStringLower(SHA256.HashData(split.AbundanceBytes))[..16]} (abundances)");
        }

        using var scope = DisposeScope.Begin();
        using var training = new CellTraining(context, config, data, device);
        training.Train();
        training.ReportFinals();
    }

    /// <summary>The state of one cell's training: data on the device, model, optimizer and random streams.</summary>
    private sealed class CellTraining : IDisposable
    {
        private readonly ICellContext _context;
        private readonly SpectralTrainingConfig _training;
        private readonly IReadOnlyList<int> _active;
        private readonly double[] _trainMeans;
        private readonly Split _train, _id, _ood;
        private readonly RandomStreams _streams;
        private readonly SpectralModel _model;
        private readonly Optimizer _optimizer;
        private readonly EarlyStopping? _earlyStopping;
        private bool _diverged;

        public CellTraining(ICellContext context, SpectralConfig config, SpectralDataset data, Device device)
        {
            _context = context;
            _training = config.Training;
            _active = config.Data.ActiveComponents();
            _trainMeans = SpectralMetrics.ColumnMeans(data.Train.Abundances, Components.Count);
            _train = new Split(data.Train, device);
            _id = new Split(data.Id, device);
            _ood = new Split(data.Ood, device);

            // The cell's seed alone decides initialisation, dropout masks and batch order, each from its own stream.
            _streams = new RandomStreams(context.Seed, device);
            _model = new SpectralModel(config.Data.NBins, config.Model, Components.Count, _streams.Init, _streams.Dropout);
            _model.To(device);
            _optimizer = _training.Optimizer switch
            {
                SpectralOptimizer.Adamw => new AdamW(_model.Parameters(), _training.Lr, weightDecay: _training.WeightDecay),
                _ => new Adam(_model.Parameters(), _training.Lr, weightDecay: _training.WeightDecay),
            };
            _earlyStopping = _training.EarlyStoppingPatience is { } patience ? new EarlyStopping(patience) : null;
        }

        /// <summary>Minibatch training with evaluation every eval_ratio of the steps (and at the last one).</summary>
        public void Train()
        {
            // Batch order as a DataLoader with shuffle (last batch kept), from the cell's "batches" stream.
            var order = new BatchOrder(_train.Data.Count, _training.BatchSize, dropLast: false, _streams.Batches);
            var stepsPerEpoch = order.BatchesPerEpoch;
            var totalSteps = (long)stepsPerEpoch * _training.Epochs;
            var schedule = EvalSchedule.Fraction(_training.EvalRatio, totalSteps);
            var progress = new CellProgress(_context, totalSteps);
            _context.Message($"training: {_training.Epochs} epochs × {stepsPerEpoch} steps = {totalSteps} steps, evaluation every {schedule.Interval} steps");

            long step = 0, lastEvaluated = 0;
            var lossSum = 0.0;
            var lossCount = 0;
            for (var epoch = 1; epoch <= _training.Epochs; epoch++)
            {
                foreach (var indices in order.Epoch())
                {
                    step++;
                    var loss = Step(indices);
                    if (!float.IsFinite(loss))
                    {
                        // The harness marks the cell diverged at this non-finite point; a test double just records it.
                        _context.Message($"training diverged: the loss is {loss} at step {step} (epoch {epoch})");
                        _diverged = true;
                        _context.Log(step, "train", "loss", loss);
                        return;
                    }
                    lossSum += loss;
                    lossCount++;
                    if (schedule.IsDue(step))
                    {
                        Evaluate(step, lossSum / lossCount);
                        (lastEvaluated, lossSum, lossCount) = (step, 0, 0);
                    }
                    progress.Step();
                }
                if (_earlyStopping is not null && _earlyStopping.ShouldStop(epoch, Score(_id).Mse, _model))
                {
                    _context.Message($"early stopping after epoch {epoch}: the id MSE has not improved since epoch {_earlyStopping.BestEpoch}");
                    if (lastEvaluated != step)
                    {
                        Evaluate(step, lossSum / lossCount);
                    }
                    break;
                }
            }
            if (_earlyStopping is not null)
            {
                _earlyStopping.RestoreBest(_model);
                _context.Message($"restored the weights of epoch {_earlyStopping.BestEpoch} (id MSE {_earlyStopping.BestMse:G6})");
            }
        }

        /// <summary>Final metrics of every split (all NaN when training diverged).</summary>
        public void ReportFinals()
        {
            var scores = new[] { _train, _id, _ood }
                .Select(s => _diverged ? SplitScore.Diverged(s.Data.Name, _active) : Score(s))
                .ToArray();
            foreach (var score in scores)
            {
                _context.Final(score.Split, "mse", score.Mse);
                _context.Final(score.Split, "mse_constant", score.ConstantMse);
                foreach (var component in score.Components)
                {
                    _context.Final(score.Split, $"mse_{component.Label}", component.Mse);
                    // R² is undefined where an abundance does not vary; such a split has nothing to report.
                    if (!double.IsNaN(component.R2) || _diverged)
                    {
                        _context.Final(score.Split, $"r2_{component.Label}", component.R2);
                    }
                }
            }
            _context.Final("ood", "gap", scores[2].Mse / scores[1].Mse);
            if (_earlyStopping is not null)
            {
                _context.Final("train", "best_epoch", _earlyStopping.BestEpoch);
            }
        }

        private float Step(long[] indices)
        {
            using var scope = DisposeScope.Begin();
            var index = Tensor.From(indices, _train.Spectra.Device);
            var loss = F.MseLoss(_model.Forward(_train.Spectra.IndexSelect(0, index)), _train.Abundances.IndexSelect(0, index));
            _optimizer.ZeroGrad();
            loss.Backward();
            _optimizer.Step();
            return loss.Item<float>();
        }

        private void Evaluate(long step, double trainLoss)
        {
            _context.Log(step, "train", "loss", trainLoss);
            foreach (var score in new[] { Score(_id), Score(_ood) })
            {
                _context.Log(step, score.Split, "mse", score.Mse);
                foreach (var component in score.Components)
                {
                    _context.Log(step, score.Split, $"mse_{component.Label}", component.Mse);
                }
            }
        }

        private SplitScore Score(Split split)
        {
            using var scope = DisposeScope.Begin();
            using var noGrad = Autograd.NoGrad();
            _model.Eval();
            try
            {
                var predictions = _model.Forward(split.Spectra).Cpu().ToArray<float>();
                return SpectralMetrics.Score(split.Data.Name, predictions, split.Data.Abundances, _trainMeans, _active);
            }
            finally
            {
                _model.Train();
            }
        }

        public void Dispose()
        {
            _earlyStopping?.Dispose();
            _optimizer.Dispose();
            _model.Dispose();
            _streams.Dispose();
        }
    }

    /// <summary>A split's data and its tensors on the training device.</summary>
    private sealed class Split(SpectralSplit data, Device device)
    {
        public SpectralSplit Data { get; } = data;

        public Tensor Spectra { get; } = Tensor.From(data.Spectra, new long[] { data.Count, data.Bins }, device);

        public Tensor Abundances { get; } = Tensor.From(data.Abundances, new long[] { data.Count, Components.Count }, device);
    }
}
