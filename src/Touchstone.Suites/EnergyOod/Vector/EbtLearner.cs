using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>
/// The toy EBT (model/ebt_s1_toy.py <c>train_energy_model</c>): from ŷ0 = randn·2 − 1, N gradient steps on the
/// energy give ŷ_N; the loss is MSE(ŷ_N, y), which reaches θ only through the last step's ∇ŷE (see
/// <see cref="EnergyDescent"/>); Adam. With the <c>paper_s2</c> recipe the steps follow <see cref="S2Recipe"/>.
/// </summary>
public sealed class EbtLearner : IVectorLearner
{
    private readonly EbtConfig _config;
    private readonly RandomStreams _streams;
    private readonly EnergyModel _model;
    private readonly Adam _optimizer;
    private readonly S2Recipe? _s2;
    private readonly int _outputDim;

    /// <summary>A fresh model initialised from <paramref name="streams"/>.</summary>
    public EbtLearner(EbtConfig config, int inputDim, int outputDim, RandomStreams streams)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(config.InferenceSteps, "ebt.inference_steps");
        _config = config;
        _streams = streams;
        _outputDim = outputDim;
        _model = new EnergyModel(inputDim, outputDim, config.LatentDim, streams.Init);
        _model.To(streams.Device);
        _optimizer = new Adam(_model.Parameters(), lr: config.Lr);
        _s2 = config.Recipe == EbtRecipe.PaperS2 ? new S2Recipe(config, streams) : null;
    }

    /// <inheritdoc />
    public string Name => "ebt";

    /// <inheritdoc />
    public int Steps => _config.Steps;

    /// <inheritdoc />
    public int BatchSize => _config.BatchSize;

    /// <summary>The energy network (for tests).</summary>
    public EnergyModel Model => _model;

    /// <inheritdoc />
    public double TrainStep(Tensor x, Tensor y, bool readLoss)
    {
        using var scope = DisposeScope.Begin();
        var initial = InitialGuess(x, _streams.Noise);
        var (xs, ys, starts) = _s2?.WithReplay(x, y, initial) ?? (x, y, initial);
        var plan = _s2?.TrainingPlan(xs.Size(0), x.DType) ?? ToyPlan();
        var prediction = EnergyDescent.Minimize(candidate => _model.Forward(xs, candidate), starts, plan, train: true);
        var loss = F.MseLoss(prediction, ys);
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        _s2?.Remember(x, y, prediction.Narrow(0, 0, x.Size(0)));
        return readLoss ? loss.Item<double>() : double.NaN;
    }

    /// <inheritdoc />
    public VectorEvaluation Evaluate(Tensor x, Tensor y)
    {
        using var scope = DisposeScope.Begin();
        var energies = new List<double>();
        var plan = _s2?.EvaluationPlan() ?? ToyPlan();
        var prediction = EnergyDescent.Minimize(candidate => _model.Forward(x, candidate), InitialGuess(x, _streams.EvalNoise), plan, train: false, energies);
        return new VectorEvaluation(F.MseLoss(prediction, y).Item<double>(), energies);
    }

    private DescentPlan ToyPlan() => new() { Steps = _config.InferenceSteps, StepSize = _config.StepSize };

    // ŷ0 = randn·2 − 1 in the source: a standard normal scaled by init_std and shifted by init_mean.
    private Tensor InitialGuess(Tensor x, Generator generator) =>
        Tensor.Randn([x.Size(0), _outputDim], generator, x.DType) * _config.InitStd + _config.InitMean;

    /// <inheritdoc />
    public void Dispose()
    {
        _s2?.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
    }
}
