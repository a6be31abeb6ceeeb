using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>
/// The toy EBT's energy E_θ(x, ŷ) (model/ebt_s1_toy.py): h = MLP([x; ŷ]) with Linear(in → d)–SiLU–Linear(d → d)–
/// SiLU–Linear(d → d), then E = Linear(d → 1)(SiLU(h)). One scalar per example; lower is better.
/// </summary>
public sealed class EnergyModel : Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential _encoder;
    private readonly Linear _head;

    /// <summary>An energy over inputs of <paramref name="inputDim"/> and candidates of <paramref name="outputDim"/>.</summary>
    public EnergyModel(int inputDim, int outputDim, int latentDim, Generator? init = null)
    {
        var combined = inputDim + outputDim;
        _encoder = RegisterModule("encoder", new Sequential(
            new Linear(combined, latentDim, generator: init),
            new SiLU(),
            new Linear(latentDim, latentDim, generator: init),
            new SiLU(),
            new Linear(latentDim, latentDim, generator: init)));
        _head = RegisterModule("linear", new Linear(latentDim, 1, generator: init));
    }

    /// <summary>E_θ(x, ŷ), shape (batch, 1).</summary>
    public override Tensor Forward(Tensor x, Tensor y) => _head.Forward(_encoder.Forward(Tensor.Cat([x, y], 1)).Silu());
}

/// <summary>
/// The toy's feed-forward baseline (model/ffn_toy.py): Linear(in → d)–ReLU–Linear(d → d)–ReLU–Linear(d → d)–ReLU–
/// Linear(d → out), trained directly on the MSE.
/// </summary>
public sealed class FeedForward : Module<Tensor, Tensor>
{
    private readonly Sequential _net;

    /// <summary>A network from <paramref name="inputDim"/> to <paramref name="outputDim"/>.</summary>
    public FeedForward(int inputDim, int outputDim, int latentDim, Generator? init = null)
    {
        _net = RegisterModule("net", new Sequential(
            new Linear(inputDim, latentDim, generator: init),
            new ReLU(),
            new Linear(latentDim, latentDim, generator: init),
            new ReLU(),
            new Linear(latentDim, latentDim, generator: init),
            new ReLU(),
            new Linear(latentDim, outputDim, generator: init)));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => _net.Forward(input);
}

/// <summary>What an evaluation of a vector model found.</summary>
/// <param name="Mse">Mean squared error over every element of the split.</param>
/// <param name="Energies">For an EBT the mean energy at each inference step, ŷ0 first and ŷ_N last; empty for the FFN.</param>
public sealed record VectorEvaluation(double Mse, IReadOnlyList<double> Energies);

/// <summary>A vector model with its optimizer: trained one minibatch at a time, evaluated on a whole split.</summary>
public interface IVectorLearner : IDisposable
{
    /// <summary>Short name used in metric names: <c>ebt</c> or <c>ffn</c>.</summary>
    string Name { get; }

    /// <summary>Optimizer steps to train.</summary>
    int Steps { get; }

    /// <summary>Examples per minibatch.</summary>
    int BatchSize { get; }

    /// <summary>One optimizer step on (x, y); returns the loss when <paramref name="readLoss"/> (reading it waits
    /// for the device), NaN otherwise.</summary>
    double TrainStep(Tensor x, Tensor y, bool readLoss);

    /// <summary>Evaluates on a whole split.</summary>
    VectorEvaluation Evaluate(Tensor x, Tensor y);
}

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

/// <summary>The FFN baseline with Adam on the MSE (model/ffn_toy.py <c>train_feedforward</c>).</summary>
public sealed class FfnLearner : IVectorLearner
{
    private readonly FfnConfig _config;
    private readonly FeedForward _model;
    private readonly Adam _optimizer;

    /// <summary>A fresh model initialised from <paramref name="streams"/>.</summary>
    public FfnLearner(FfnConfig config, int inputDim, int outputDim, RandomStreams streams)
    {
        _config = config;
        _model = new FeedForward(inputDim, outputDim, config.LatentDim, streams.Init);
        _model.To(streams.Device);
        _optimizer = new Adam(_model.Parameters(), lr: config.Lr);
    }

    /// <inheritdoc />
    public string Name => "ffn";

    /// <inheritdoc />
    public int Steps => _config.Steps;

    /// <inheritdoc />
    public int BatchSize => _config.BatchSize;

    /// <inheritdoc />
    public double TrainStep(Tensor x, Tensor y, bool readLoss)
    {
        using var scope = DisposeScope.Begin();
        var loss = F.MseLoss(_model.Forward(x), y);
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return readLoss ? loss.Item<double>() : double.NaN;
    }

    /// <inheritdoc />
    public VectorEvaluation Evaluate(Tensor x, Tensor y)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = Autograd.NoGrad();
        return new VectorEvaluation(F.MseLoss(_model.Forward(x), y).Item<double>(), []);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }
}
