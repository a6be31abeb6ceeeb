using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.Physics;

/// <summary>
/// Extrapolation in ball physics with the source's progressive curriculum (suite <c>physics-curriculum</c>): a
/// Transformer reads 10 frames of three balls and predicts the next 10, trained through four stages (plain MSE;
/// MSE + physics loss with the weight ramped 0.1 → 1; the source's "domain randomization" stage; its
/// "extrapolation focus" stage — the last two with the source's data, on which its script changed nothing but the
/// learning rate, unless <c>training.domain_randomization</c> makes stage 3 simulate each batch again under
/// perturbed gravity and friction, <see cref="DomainRandomizer"/>), and scored after each stage on the
/// in-distribution, interpolation and extrapolation sets and on every test trajectory that is truly outside the training data (input window beyond the training set's k-NN
/// 99th-percentile distance).
/// Finals, on each of those four splits: <c>&lt;metric&gt;_stage&lt;k&gt;</c> after stage k and
/// <c>&lt;metric&gt;</c> after the last, for <c>source_accuracy</c> (the source's metric, raw units) and the
/// <c>source_mae</c> behind it, <c>mse</c>,
/// <c>mae</c>, <c>mse_positions</c>, <c>mse_velocities</c>, <c>mse_energies</c> and <c>mse_frame1</c> … (standardized,
/// moving columns); <c>mse_ratio[_stage&lt;k&gt;]</c> = that split's MSE ÷ the in-distribution MSE; the model-free
/// <c>repeat_mse</c>, <c>repeat_source_accuracy</c> and <c>repeat_source_mae</c> of repeating the last input frame; per test set
/// <c>truly_outside_fraction</c> and <c>outside_hull_fraction</c>, and <c>truly_outside/samples</c>. Curves:
/// <c>train/loss</c> and <c>train/physics_weight</c> per epoch, and every split's scores at each stage end.
/// </summary>
public sealed class PhysicsExperiment : Experiment<PhysicsConfig>
{
    /// <summary>Name of the split of truly outside test trajectories.</summary>
    public const string TrulyOutside = "truly_outside";

    /// <inheritdoc />
    public override string Key => "physics-curriculum";

    /// <inheritdoc />
    protected override void Run(ICellContext context, PhysicsConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);

        var data = PhysicsDataGenerator.Generate(config.Data);
        foreach (var split in new[] { data.Train }.Concat(data.TestSplits))
        {
            context.AddData($"{split.Name}.inputs", split.InputBytes);
            context.AddData($"{split.Name}.targets", split.TargetBytes);
            context.Message($"data {split.Name}: {split.Count} trajectories of {config.Data.Frames} frames × {config.Data.Features} features");
        }

        var testSets = new List<PhysicsSplit>(data.TestSplits);
        testSets.Add(FindTrulyOutside(context, data, config.Training.KnnK));

        using var scope = DisposeScope.Begin();
        using var training = new CellTraining(context, config, data.Train, testSets, device);
        training.ReportRepeatLastFrame();
        training.Train();
    }

    /// <summary>
    /// Flags every test trajectory and reports the fractions: outside the training parameters' convex hull, and
    /// — the "truly outside" this suite scores separately — input window beyond the k-NN 99th-percentile distance
    /// of the training windows (the source's later analysis, analyze_representations_knn.py at f10c3e3).
    /// </summary>
    private static PhysicsSplit FindTrulyOutside(ICellContext context, PhysicsDataset data, int k)
    {
        var flagged = new List<(PhysicsSplit, bool[])>();
        foreach (var split in data.TestSplits)
        {
            var flags = ExtrapolationFlags.Compute(data.Train, split, k);
            context.Final(split.Name, "truly_outside_fraction", ExtrapolationFlags.Fraction(flags.InputsBeyondKnn));
            context.Final(split.Name, "outside_hull_fraction", flags.FractionOutsideHull);
            flagged.Add((split, flags.InputsBeyondKnn));
        }

        var outside = PhysicsSplit.Gather(TrulyOutside, flagged);
        context.Final(TrulyOutside, "samples", outside.Count);
        context.Message($"truly outside (input window beyond the training k-NN 99th percentile, k = {k}): {outside.Count} test trajectories");
        return outside;
    }

    /// <summary>One cell's training: standardized data on the device, model, optimizer and streams.</summary>
    private sealed class CellTraining : IDisposable
    {
        private readonly ICellContext _context;
        private readonly PhysicsConfig _config;
        private readonly CurriculumPlan _plan;
        private readonly FeatureScaler _scaler;
        private readonly Tensor _x, _y;
        private readonly List<(string Name, Tensor X, Tensor Y)> _tests;
        private readonly RandomStreams _streams;
        private readonly TrajectoryTransformer _model;
        private readonly Adam _optimizer;
        private readonly DomainRandomizer? _randomizer;

        public CellTraining(ICellContext context, PhysicsConfig config, PhysicsSplit train, IEnumerable<PhysicsSplit> tests, Device device)
        {
            _context = context;
            _config = config;
            _plan = CurriculumPlan.For(config.Training, config.Data.Balls);
            _scaler = new FeatureScaler(train, config.Data.Features);
            (_x, _y) = Tensors(train, device);
            _tests = [.. tests.Select(t => { var (x, y) = Tensors(t, device); return (t.Name, x, y); })];

            // The cell's seed alone decides initialisation and dropout masks (and the batch order when shuffled).
            _streams = new RandomStreams(context.Seed, device);
            _model = new TrajectoryTransformer(config.Model.For(config.Data), _streams.Init, _streams.Dropout);
            _model.To(device);
            // One optimizer for all stages, its learning rate reassigned per stage, as the source's
            // optimizer.learning_rate.assign; eps 1e-7 is Keras's Adam default.
            _optimizer = new Adam(_model.Parameters(), _plan.Stages[0].Lr, eps: 1e-7);
            if (config.Training.DomainRandomization > 0)
            {
                _randomizer = new DomainRandomizer(train, config.Data, _scaler, config.Training.DomainRandomization, _streams.Data);
            }
        }

        /// <summary>Scores of repeating the last input frame, the floor a trajectory model has to beat.</summary>
        public void ReportRepeatLastFrame()
        {
            foreach (var (name, x, y) in _tests)
            {
                using var scope = DisposeScope.Begin();
                var frames = (int)x.Shape[1];
                var repeat = x.Narrow(1, frames - 1, 1).Expand(x.Shape[0], y.Shape[1], x.Shape[2]);
                var score = PhysicsScore.Of(repeat, y, _scaler, _config.Data.Balls);
                _context.Final(name, "repeat_mse", score.Mse);
                _context.Final(name, "repeat_source_accuracy", score.SourceAccuracy);
                _context.Final(name, "repeat_source_mae", score.SourceMae);
            }
        }

        /// <summary>Every stage, epoch by epoch, scoring the model at each checkpoint.</summary>
        public void Train()
        {
            var count = (int)_x.Shape[0];
            var batchSize = _config.Training.BatchSize;
            var order = new BatchOrder(count, batchSize, dropLast: false, _streams.Batches);
            var totalSteps = (long)order.BatchesPerEpoch * _plan.TotalEpochs;
            var progress = new CellProgress(_context, totalSteps);
            _context.Message($"training: {_plan.Stages.Count} stage(s), {_plan.TotalEpochs} epochs × {order.BatchesPerEpoch} steps = {totalSteps} steps");

            long step = 0;
            var epochs = 0;
            var checkpoint = 0;
            foreach (var stage in _plan.Stages)
            {
                _optimizer.ParamGroups[0].Lr = stage.Lr;
                for (var epoch = 0; epoch < stage.Epochs; epoch++)
                {
                    var weight = stage.PhysicsWeight(epoch);
                    var lossSum = 0.0;
                    foreach (var indices in _config.Training.Shuffle ? order.Epoch() : InOrder(count, batchSize))
                    {
                        step++;
                        var loss = Step(indices, weight, stage.Randomizes ? _randomizer : null);
                        lossSum += loss;
                        if (!double.IsFinite(loss))
                        {
                            _context.Message($"training diverged: the loss is {loss} at step {step} (stage {stage.Name}, epoch {epoch + 1})");
                            _context.Log(step, "train", "loss", loss);
                            ReportMissing(checkpoint);
                            return;
                        }
                        progress.Step();
                    }

                    epochs++;
                    _context.Log(step, "train", "loss", lossSum / order.BatchesPerEpoch);
                    _context.Log(step, "train", "physics_weight", weight);
                    if (_plan.Checkpoints.Contains(epochs))
                    {
                        checkpoint++;
                        Report(step, checkpoint, Score());
                    }
                }
            }
        }

        // The source's tf.data pipeline without shuffle: consecutive batches, the last one short.
        private static IEnumerable<long[]> InOrder(int count, int batchSize)
        {
            for (var start = 0; start < count; start += batchSize)
            {
                var size = Math.Min(batchSize, count - start);
                yield return [.. Enumerable.Range(start, size).Select(i => (long)i)];
            }
        }

        private double Step(long[] indices, double physicsWeight, DomainRandomizer? randomizer)
        {
            using var scope = DisposeScope.Begin();
            var (input, target) = randomizer?.Batch(indices, _x.Device) ?? Select(indices);
            var prediction = _model.Forward(input);
            var loss = F.MseLoss(prediction, target);
            if (physicsWeight != 0)
            {
                loss = loss + (PhysicsLoss.Compute(prediction, target, _plan.PhysicsColumns) * physicsWeight);
            }

            _optimizer.ZeroGrad();
            loss.Backward();
            _optimizer.Step();
            return loss.Item<double>();
        }

        private (Tensor X, Tensor Y) Select(long[] indices)
        {
            var index = Tensor.From(indices, _x.Device);
            return (_x.IndexSelect(0, index), _y.IndexSelect(0, index));
        }

        private List<(string Name, PhysicsScore Score)> Score()
        {
            using var noGrad = Autograd.NoGrad();
            _model.Eval();
            try
            {
                return [.. _tests.Select(t =>
                {
                    using var scope = DisposeScope.Begin();
                    return (t.Name, PhysicsScore.Of(_model.Forward(t.X), t.Y, _scaler, _config.Data.Balls));
                })];
            }
            finally
            {
                _model.Train();
            }
        }

        // step null: finals only (a diverged cell has no curve point to add).
        private void Report(long? step, int checkpoint, List<(string Name, PhysicsScore Score)> scores)
        {
            var inDistribution = scores[0].Score.Mse;
            var last = checkpoint == _plan.Checkpoints.Count;
            foreach (var (name, score) in scores)
            {
                var values = score.Named().ToList();
                if (name != scores[0].Name)
                {
                    values.Add(("mse_ratio", score.Mse / inDistribution));
                }

                foreach (var (metric, value) in values)
                {
                    if (step is { } at)
                    {
                        _context.Log(at, name, metric, value);
                    }

                    _context.Final(name, $"{metric}_stage{checkpoint}", value);
                    if (last)
                    {
                        _context.Final(name, metric, value);
                    }
                }
            }
        }

        private void ReportMissing(int done)
        {
            var missing = _tests.Select(t => (t.Name, PhysicsScore.Missing(_config.Data.OutputFrames))).ToList();
            for (var checkpoint = done + 1; checkpoint <= _plan.Checkpoints.Count; checkpoint++)
            {
                Report(null, checkpoint, missing);
            }
        }

        private (Tensor X, Tensor Y) Tensors(PhysicsSplit split, Device device) =>
            (Tensor.From(_scaler.Transform(split.Inputs), [split.Count, _config.Data.InputFrames, _config.Data.Features], device),
             Tensor.From(_scaler.Transform(split.Targets), [split.Count, _config.Data.OutputFrames, _config.Data.Features], device));

        public void Dispose()
        {
            _optimizer.Dispose();
            _model.Dispose();
            _streams.Dispose();
        }
    }
}
