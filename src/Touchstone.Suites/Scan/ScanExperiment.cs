using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.Scan;

/// <summary>
/// SCAN with Lake &amp; Baroni's protocol (suite <c>scan-curriculum</c>): an LSTM encoder–decoder trained by single-example
/// trials on one standard split and scored by greedy decoding on its test set. Curves: <c>train/loss</c> (mean trial
/// loss since the last point) and <c>test/exact_match</c>, <c>test/token_accuracy</c> on a fixed evaluation sample.
/// Finals: <c>test/exact_match</c> (primary), <c>test/token_accuracy</c>, <c>test/exact_match_len&lt;n&gt;</c> for
/// every target length n of the length split, and <c>train/exact_match</c>, <c>train/token_accuracy</c> on a fixed
/// sample of training commands as large as the evaluation sample.
/// </summary>
public sealed class ScanExperiment : Experiment<ScanConfig>
{
    /// <inheritdoc />
    public override string Key => "scan";

    /// <inheritdoc />
    protected override void Run(ICellContext context, ScanConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);

        var data = ScanCellData.Prepare(context, config.Data, config.Training.EvalSample);

        using var scope = DisposeScope.Begin();
        using var training = new ScanTraining(context, config, data, device);
        training.Train();
        training.ReportFinals(config.Data.Split == ScanSplit.Length);
    }
}

/// <summary>The state of one cell's training: model, optimizer, random streams and the training tensors.</summary>
internal sealed class ScanTraining : IDisposable
{
    private readonly ICellContext _context;
    private readonly ScanTrainingConfig _config;
    private readonly ScanCellData _data;
    private readonly Device _device;
    private readonly RandomStreams _streams;
    private readonly SeededRandom _trials;
    private readonly ScanModel _model;
    private readonly ScanTrial _trial;
    private readonly (Tensor Command, Tensor Actions)[] _trainTensors;
    private bool _diverged;

    public ScanTraining(ICellContext context, ScanConfig config, ScanCellData data, Device device)
    {
        (_context, _config, _data, _device) = (context, config.Training, data, device);
        // The cell's seed alone decides initialisation, dropout masks and the trials' draws, each from its own stream.
        _streams = new RandomStreams(context.Seed, device);
        _trials = _streams.Host("trials");
        _model = new ScanModel(config.Model, ScanVocabulary.Input.Count, ScanVocabulary.Output.Count, _streams.Init, _streams.Dropout);
        _model.To(device);
        _trial = new ScanTrial(_model, _config.Lr, _config.ClipNorm);
        _trainTensors = [.. data.Train.Select(e => (Column(ScanVocabulary.EncodeCommand(e.Command)), Column(ScanVocabulary.EncodeActions(e.Actions))))];
    }

    private Tensor Column(long[] ids) => Tensor.From(ids, [ids.Length, 1], _device);

    /// <summary>Lake &amp; Baroni's loop: each trial one example drawn with replacement, teacher-forced with the
    /// configured probability, one Adam step after clipping the gradient norm.</summary>
    public void Train()
    {
        var total = _config.Trials;
        _context.Message($"training: {total} trials, evaluation every {_config.EvalEvery}");
        var schedule = EvalSchedule.Every(_config.EvalEvery, total);
        var progress = new CellProgress(_context, total);
        var (lossSum, lossCount) = (0.0, 0);
        for (var trial = 1; trial <= total; trial++)
        {
            var index = _trials.NextInt(_trainTensors.Length);
            var teacherForced = _trials.Bernoulli(_config.TeacherForcing);
            var (command, actions) = _trainTensors[index];
            var loss = _trial.Run(command, actions, teacherForced);
            if (!float.IsFinite(loss))
            {
                _context.Message($"training diverged: the loss is {loss} at trial {trial}");
                _diverged = true;
                _context.Log(trial, "train", "loss", loss);
                return;
            }
            (lossSum, lossCount) = (lossSum + loss, lossCount + 1);
            if (schedule.IsDue(trial))
            {
                _context.Log(trial, "train", "loss", lossSum / lossCount);
                var score = Score(_data.EvalSample);
                _context.Log(trial, "test", "exact_match", score.ExactMatch);
                _context.Log(trial, "test", "token_accuracy", score.TokenAccuracy);
                (lossSum, lossCount) = (0, 0);
            }
            progress.Step();
        }
    }

    /// <summary>Final metrics on the scored test commands and the training sample (all NaN when training diverged).</summary>
    public void ReportFinals(bool byLength)
    {
        foreach (var (name, examples) in new[] { ("test", _data.Test), ("train", _data.TrainSample) })
        {
            var score = _diverged ? null : Score(examples);
            _context.Final(name, "exact_match", score?.ExactMatch ?? double.NaN);
            _context.Final(name, "token_accuracy", score?.TokenAccuracy ?? double.NaN);
            if (byLength && name == "test")
            {
                foreach (var length in examples.Select(e => e.Actions.Count).Distinct().Order())
                {
                    _context.Final(name, $"exact_match_len{length}", score?.ExactMatchByLength[length] ?? double.NaN);
                }
            }
        }
    }

    private ScanScore Score(IReadOnlyList<ScanExample> examples) =>
        ScanDecoding.Score(_model, examples, _config.MaxDecodeLength, _device);

    public void Dispose()
    {
        foreach (var (command, actions) in _trainTensors)
        {
            command.Dispose();
            actions.Dispose();
        }
        _trial.Dispose();
        _model.Dispose();
        _streams.Dispose();
    }
}
