using System.Runtime.InteropServices;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// Implicit bias of regression and flow matching with little data (suite <c>regression-vs-flow</c>): every mode
/// of the cell learns the same target from the same 50 grid points with the same network and seed, and is scored
/// on a dense grid. Splits are the modes (<c>regression</c>, <c>flow</c>, <c>straight_flow</c>, <c>mip</c>,
/// <c>mip_one_step</c>). Curves per mode: <c>loss</c> (mean epoch loss every log_every epochs), <c>l1</c> and
/// <c>rmse</c> (every eval_every epochs, at the first step count). Finals per mode: <c>l1</c>, <c>rmse</c>
/// (first step count), <c>l1_steps{n}</c>/<c>rmse_steps{n}</c> for the other step counts of the integrating
/// modes, <c>train_loss</c>, <c>rmse_over_regression</c> (÷ the regression RMSE of the same cell); projection
/// metrics as configured; for the Lie task <c>avg_cos_similarity</c>, <c>min_cos_similarity</c>,
/// <c>avg_perp_error</c>, <c>max_perp_error</c> on the evaluation grid; split <c>constant</c>: <c>l1</c>, <c>rmse</c> of the training mean.
/// </summary>
public sealed class RegressionVsFlowExperiment : Experiment<RegressionVsFlowConfig>
{
    private const int EvalChunk = 8192;

    /// <inheritdoc />
    public override string Key => "regression-vs-flow";

    /// <inheritdoc />
    protected override void Run(ICellContext context, RegressionVsFlowConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);

        var targets = new Targets(config.Target, config.Lie);
        var train = targets.Grid(config.Target.NumTrain);
        var eval = targets.EvalGrid(config.Target.NumEval);
        context.AddData("train.c", MemoryMarshal.AsBytes(train.C.AsSpan()));
        context.AddData("train.x", MemoryMarshal.AsBytes(train.X.AsSpan()));
        context.AddData("eval.c", MemoryMarshal.AsBytes(eval.C.AsSpan()));
        context.AddData("eval.x", MemoryMarshal.AsBytes(eval.X.AsSpan()));
        for (var i = 0; i < targets.Projections.Count; i++)
        {
            context.AddData($"projection.{i}", MemoryMarshal.AsBytes(targets.Projections[i].Cast<double>().ToArray().AsSpan()));
        }
        context.Message($"data: {config.Target.Task} target, {targets.Dim} dims, {train.C.Length} training and {eval.C.Length} evaluation grid points, {targets.Projections.Count} projection(s)");

        var constant = PointErrors.Of(ConstantPrediction(train.X, targets.Dim, eval.C.Length), eval.X);
        context.Final("constant", "l1", constant.L1);
        context.Final("constant", "rmse", constant.Rmse);

        var epochs = config.Training.Epochs;
        var stepsPerMode = (long)epochs * ((train.C.Length + config.Training.BatchSize - 1) / config.Training.BatchSize);
        var progress = new CellProgress(context, stepsPerMode * config.Training.Modes.Count);
        var rmse = new Dictionary<Mode, double>();
        foreach (var mode in config.Training.Modes)
        {
            using var scope = DisposeScope.Begin();
            using var training = new ModeTraining(context, config, mode, targets, train, eval, device, progress);
            training.Train();
            rmse[mode] = training.ReportFinals();
        }
        if (rmse.TryGetValue(Mode.Regression, out var regression))
        {
            foreach (var (mode, value) in rmse.Where(m => m.Key != Mode.Regression))
            {
                context.Final(Modes.Name(mode), "rmse_over_regression", value / regression);
            }
        }
    }

    /// <summary>The training mean of every dimension, repeated for n points (the constant predictor).</summary>
    public static float[] ConstantPrediction(float[] trainX, int dim, int n)
    {
        var mean = new double[dim];
        var count = trainX.Length / dim;
        for (var i = 0; i < trainX.Length; i++)
        {
            mean[i % dim] += trainX[i] / (double)count;
        }
        return Enumerable.Range(0, n * dim).Select(i => (float)mean[i % dim]).ToArray();
    }

    /// <summary>One mode's network, optimizer and random streams, trained and scored.</summary>
    private sealed class ModeTraining : IDisposable
    {
        private readonly ICellContext _context;
        private readonly RegressionVsFlowConfig _config;
        private readonly Mode _mode;
        private readonly string _split;
        private readonly Targets _targets;
        private readonly (float[] C, float[] X) _eval;
        private readonly Device _device;
        private readonly CellProgress _progress;
        private readonly Tensor _trainC, _trainX;
        private readonly RandomStreams _shared, _own;
        private readonly BatchOrder _order;
        private readonly ConditionalMlp _model;
        private readonly Adam _optimizer;
        private double _lastLoss = double.NaN;
        private bool _diverged;

        public ModeTraining(ICellContext context, RegressionVsFlowConfig config, Mode mode, Targets targets,
            (float[] C, float[] X) train, (float[] C, float[] X) eval, Device device, CellProgress progress)
        {
            (_context, _config, _mode, _targets, _eval, _device, _progress) = (context, config, mode, targets, eval, device, progress);
            _split = Modes.Name(mode);
            _trainC = Tensor.From(train.C, [train.C.Length, 1], device);
            _trainX = Tensor.From(train.X, [train.C.Length, targets.Dim], device);

            // The cell's seed decides everything. As in the source, which seeds before building any model, every
            // mode starts from the same weights where the network's shape is the same (a fresh copy of the cell's
            // init stream); each mode draws its batch order and its noise from streams of its own scope, so adding
            // or removing a mode changes no other mode.
            _shared = new RandomStreams(context.Seed, device);
            _own = new RandomStreams(context.Seed, _split, device);
            _order = new BatchOrder(train.C.Length, config.Training.BatchSize, dropLast: false, _own.Batches);
            _model = ConditionalMlp.Create(config.Network, targets.Dim, Modes.UsesTime(mode), _shared.Init);
            _model.To(device);
            _optimizer = new Adam(_model.Parameters(), config.Training.Lr);
        }

        public void Train()
        {
            var training = _config.Training;
            _context.Message($"{_split}: {training.Epochs} epochs of {_trainC.Shape[0]} points in batches of {training.BatchSize}, {training.Loss} loss, {_config.Network.Architecture} network{(Modes.UsesTime(_mode) ? " with t" : "")}");
            // The source counts in epochs: log_interval and eval_interval are epochs, and so are the curves' steps.
            var logs = EvalSchedule.Every(training.LogEvery, training.Epochs);
            var evaluations = EvalSchedule.Every(training.EvalEvery, training.Epochs);
            var sinceLog = (Sum: 0.0, Count: 0);
            for (var epoch = 1; epoch <= training.Epochs; epoch++)
            {
                var epochLoss = (Sum: 0.0, Count: 0);
                foreach (var batch in _order.Epoch())
                {
                    var loss = Step(batch);
                    _progress.Step();
                    if (!double.IsFinite(loss))
                    {
                        // The harness marks the cell diverged at this non-finite point.
                        _context.Message($"{_split}: training diverged, the loss is {loss} in epoch {epoch}");
                        _diverged = true;
                        _context.Log(epoch, _split, "loss", loss);
                        return;
                    }
                    epochLoss = (epochLoss.Sum + loss, epochLoss.Count + 1);
                }
                _lastLoss = epochLoss.Sum / epochLoss.Count;
                sinceLog = (sinceLog.Sum + _lastLoss, sinceLog.Count + 1);
                if (logs.IsDue(epoch))
                {
                    _context.Log(epoch, _split, "loss", sinceLog.Sum / sinceLog.Count);
                    sinceLog = (0, 0);
                }
                if (evaluations.IsDue(epoch))
                {
                    var errors = PointErrors.Of(Predict(_eval.C, _config.Evaluation.InitialDist, _config.Evaluation.Steps[0]), _eval.X);
                    _context.Log(epoch, _split, "l1", errors.L1);
                    _context.Log(epoch, _split, "rmse", errors.Rmse);
                }
            }
        }

        /// <summary>Reports the mode's finals and returns its RMSE at the reported step count.</summary>
        public double ReportFinals()
        {
            var evaluation = _config.Evaluation;
            var stepCounts = Modes.Integrates(_mode) ? evaluation.Steps : evaluation.Steps.Take(1).ToList();
            var reported = double.NaN;
            foreach (var steps in stepCounts)
            {
                var errors = _diverged ? new PointErrors(double.NaN, double.NaN)
                    : PointErrors.Of(Predict(_eval.C, evaluation.InitialDist, steps), _eval.X);
                var suffix = steps == evaluation.Steps[0] ? "" : $"_steps{steps}";
                _context.Final(_split, "l1" + suffix, errors.L1);
                _context.Final(_split, "rmse" + suffix, errors.Rmse);
                reported = steps == evaluation.Steps[0] ? errors.Rmse : reported;
            }
            _context.Final(_split, "train_loss", _lastLoss);
            if (_config.Target.Task == TargetTask.Lie)
            {
                // The source scores the rotations at every step count; its tables use the first, as do the errors.
                var rotations = _diverged ? new RotationScores(double.NaN, double.NaN, double.NaN, double.NaN)
                    : RotationScores.Of(Predict(_eval.C, evaluation.InitialDist, evaluation.Steps[0]), _eval.C, _targets);
                _context.Final(_split, "avg_cos_similarity", rotations.AvgCosSimilarity);
                _context.Final(_split, "min_cos_similarity", rotations.MinCosSimilarity);
                _context.Final(_split, "avg_perp_error", rotations.AvgPerpError);
                _context.Final(_split, "max_perp_error", rotations.MaxPerpError);
            }
            switch (evaluation.Subspace)
            {
                case SubspaceMetrics.Pca:
                    var grid = _targets.Grid(evaluation.PcaPoints);
                    var pca = _diverged ? new PcaScores(double.NaN, double.NaN)
                        : PcaScores.Of(Predict(grid.C, evaluation.SubspaceInitialDist, evaluation.Steps[0]), _targets.Dim, _targets.Projections[0], _config.Target.LowDim);
                    _context.Final(_split, "alignment_error", pca.AlignmentError);
                    _context.Final(_split, "explained_variance", pca.ExplainedVariance);
                    break;
                case SubspaceMetrics.Intervals:
                    var metrics = new IntervalMetrics(_targets, evaluation);
                    Func<float[], float[]> predict = c => Predict(c, evaluation.SubspaceInitialDist, evaluation.Steps[0]);
                    var nan = new IntervalScores(double.NaN, double.NaN, double.NaN);
                    var source = _diverged ? nan : metrics.Score(predict, sourceTargets: true);
                    var fixedTargets = _diverged ? nan : metrics.Score(predict, sourceTargets: false);
                    _context.Final(_split, "subspace_diag", source.Diagonal);
                    _context.Final(_split, "subspace_offdiag", source.OffDiagonal);
                    _context.Final(_split, "boundary", source.Boundary);
                    _context.Final(_split, "subspace_diag_aligned", fixedTargets.Diagonal);
                    _context.Final(_split, "subspace_offdiag_aligned", fixedTargets.OffDiagonal);
                    break;
            }
            return reported;
        }

        private double Step(long[] batch)
        {
            using var scope = DisposeScope.Begin();
            var indices = Tensor.From(batch, _device);
            var c = _trainC.IndexSelect(0, indices);
            var x1 = _trainX.IndexSelect(0, indices);
            var t = Tensor.Rand([c.Shape[0], 1], _own.Noise, device: _device);
            var x0 = _config.Training.InitialDist == InitialDist.Gaussian ? Tensor.RandnLike(x1, _own.Noise) : Tensor.ZerosLike(x1);
            var loss = Modes.Loss(_mode, _model, _config.Training.Loss, x0, x1, c, t, _config.Training.MipTStar);
            _optimizer.ZeroGrad();
            loss.Backward();
            _optimizer.Step();
            return loss.Item<double>();
        }

        /// <summary>Predictions (row-major n × dim) at conditions <paramref name="c"/>, in chunks to bound memory.</summary>
        private float[] Predict(float[] c, InitialDist initial, int steps)
        {
            using var noGrad = Autograd.NoGrad();
            _model.Eval();
            try
            {
                var dim = _targets.Dim;
                var result = new float[c.Length * dim];
                for (var start = 0; start < c.Length; start += EvalChunk)
                {
                    using var scope = DisposeScope.Begin();
                    var n = Math.Min(EvalChunk, c.Length - start);
                    var conditions = Tensor.From(c[start..(start + n)], [n, 1], _device);
                    var x0 = initial == InitialDist.Gaussian
                        ? Tensor.Randn([n, dim], _own.EvalNoise, device: _device)
                        : Tensor.Zeros([n, dim], device: _device);
                    var predicted = Modes.Predict(_mode, _model, x0, conditions, steps, _config.Evaluation.Integrator, _config.Training.MipTStar);
                    predicted.Cpu().ToArray<float>().CopyTo(result, start * dim);
                }
                return result;
            }
            finally
            {
                _model.Train();
            }
        }

        public void Dispose()
        {
            _optimizer.Dispose();
            _model.Dispose();
            _shared.Dispose();
            _own.Dispose();
        }
    }
}
